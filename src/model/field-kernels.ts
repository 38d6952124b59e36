// Why this file exists: the inner loops of the field sweeps of diffusion.ts, one row of a band of
// columns at a time (the column sweeps walk the rows in memory order, so the independent columns
// of a band sit side by side) or a band of whole rows (the row sweep with a sink). diffusion.ts
// drives them; `npm run build:kernels` compiles them (scripts/kernels) into WebAssembly SIMD that
// runs two columns (or two rows) per vector with the same bits, so they are written in the subset
// that compiler takes (docs/architecture.md, "Kernels"). Indices are element offsets: `row` is
// y * width of the row worked on, `down` / `above` those of its neighbours.
import type { int } from './kernel-types';

/**
 * Rows y in [y0, y1) of a theta-scheme row sweep (sweepRows): for each row the forward pass (for
 * Crank-Nicolson, re > 0, fused with the explicit part, rhs_x = u_x + re (u_{x-1} - 2 u_x +
 * u_{x+1}) from the original values, the ghosts beyond the ends the edge value (Dirichlet) or the
 * site itself) and the back substitution, with the line's factors cp at factors[f0 ..] and invm at
 * factors[f0 + width ..] (lineSolver). ta is theta r edge at Dirichlet ends (else 0). Each row is a
 * serial chain, so rows run two per vector, one per lane.
 * @lanes y
 */
export function thetaRows(
  u: Float32Array,
  width: int,
  y0: int,
  y1: int,
  factors: Float64Array,
  f0: int,
  ri: number,
  re: number,
  ta: number,
  edge: number,
  dirichlet: boolean,
): void {
  const n = width;
  const im = f0 + n;
  for (let y = y0; y < y1; y++) {
    const o = y * width;
    if (re > 0 && n > 1) {
      let orig = u[o];
      let left = dirichlet ? edge : orig;
      let p = 0;
      for (let x = 0; x < n; x++) {
        const next = x < n - 1 ? u[o + x + 1] : dirichlet ? edge : orig;
        const rhs = orig + re * (left - 2 * orig + next) + (x === 0 || x === n - 1 ? ta : 0);
        p = x === 0 ? rhs * factors[im] : (rhs + ri * p) * factors[im + x];
        u[o + x] = p;
        left = orig;
        orig = next;
      }
    } else {
      let p = (u[o] + ta) * factors[im];
      u[o] = p;
      for (let x = 1; x < n; x++) {
        const d = x === n - 1 ? u[o + x] + ta : u[o + x];
        p = (d + ri * p) * factors[im + x];
        u[o + x] = p;
      }
    }
    let next = u[o + n - 1];
    for (let x = n - 2; x >= 0; x--) {
      next = u[o + x] - factors[f0 + x] * next;
      u[o + x] = next;
    }
  }
}

/**
 * Crank-Nicolson, first row of a column sweep, fused with the forward pass: the explicit part
 * from the original values (the original row is kept in `prev` for the next row).
 * @lanes x
 */
export function cnFirstRow(
  u: Float32Array,
  row: int,
  down: int,
  prev: Float32Array,
  x0: int,
  x1: int,
  re: number,
  im: number,
  extra: number,
  edge: number,
  dirichlet: boolean,
): void {
  for (let x = x0; x < x1; x++) {
    const c = u[row + x];
    const up = dirichlet ? edge : c;
    u[row + x] = (c + re * (up - 2 * c + u[down + x]) + extra) * im;
    prev[x] = c;
  }
}

/**
 * Crank-Nicolson, a row between the first and the last.
 * @lanes x
 */
export function cnMidRow(u: Float32Array, row: int, down: int, above: int, prev: Float32Array, x0: int, x1: int, re: number, ri: number, im: number): void {
  for (let x = x0; x < x1; x++) {
    const c = u[row + x];
    u[row + x] = (c + re * (prev[x] - 2 * c + u[down + x]) + 0 + ri * u[above + x]) * im;
    prev[x] = c;
  }
}

/**
 * Crank-Nicolson, the last row: the ghost beyond the end is the edge (Dirichlet) or the site itself.
 * @lanes x
 */
export function cnLastRow(
  u: Float32Array,
  row: int,
  above: int,
  prev: Float32Array,
  x0: int,
  x1: int,
  re: number,
  ri: number,
  im: number,
  extra: number,
  edge: number,
  dirichlet: boolean,
): void {
  for (let x = x0; x < x1; x++) {
    const c = u[row + x];
    const dn = dirichlet ? edge : c;
    u[row + x] = (c + re * (prev[x] - 2 * c + dn) + extra + ri * u[above + x]) * im;
    prev[x] = c;
  }
}

/**
 * A drug applied to a region of a tumour (painted, topical): sites [x0, x1) of a row of its field
 * move towards c, keeping the share `keep` of the gap (cell-phase.ts, every step).
 * @lanes x
 */
export function relaxRow(u: Float32Array, row: int, x0: int, x1: int, c: number, keep: number): void {
  for (let x = x0; x < x1; x++) u[row + x] = c + (u[row + x] - c) * keep;
}

/**
 * Implicit Euler, the forward pass of the first row.
 * @lanes x
 */
export function ieFirstRow(u: Float32Array, row: int, x0: int, x1: int, im: number, extra: number): void {
  for (let x = x0; x < x1; x++) u[row + x] = (u[row + x] + extra) * im;
}

/**
 * Implicit Euler, the forward pass of a later row.
 * @lanes x
 */
export function ieRow(u: Float32Array, row: int, above: int, x0: int, x1: int, ri: number, im: number, extra: number): void {
  for (let x = x0; x < x1; x++) u[row + x] = (u[row + x] + extra + ri * u[above + x]) * im;
}

/**
 * Back substitution of a row: x_i = d'_i - c'_i x_{i+1}.
 * @lanes x
 */
export function backRow(u: Float32Array, row: int, below: int, x0: int, x1: int, c: number): void {
  for (let x = x0; x < x1; x++) u[row + x] -= c * u[below + x];
}

/**
 * Implicit Euler with a local sink and supply (sweepColsSink), the forward pass of one row across
 * a band of columns: (bRow + h (k + p)) u - r (neighbours) = u0 + addRow + h p plasma, each
 * column's running values in prev / cPrev and its factors in cp (per site). Row 0 starts from
 * zero running values. k is rates[j] when useRates, else uniformRate.
 * @lanes x
 */
export function sinkRow(
  u: Float32Array,
  rates: Float32Array,
  useRates: boolean,
  perfusion: Float32Array,
  cp: Float64Array,
  prev: Float64Array,
  cPrev: Float64Array,
  row: int,
  x0: int,
  x1: int,
  uniformRate: number,
  bRow: number,
  addRow: number,
  h: number,
  plasma: number,
  r: number,
): void {
  for (let x = x0; x < x1; x++) {
    const j = row + x;
    const kj = useRates ? rates[j] : uniformRate;
    const pj = perfusion[j];
    const b = bRow + h * (kj + pj);
    const d = u[j] + addRow + h * pj * plasma;
    const m = b + r * cPrev[x];
    const pv = (d + r * prev[x]) / m;
    u[j] = pv;
    prev[x] = pv;
    const c = -r / m;
    cPrev[x] = c;
    cp[j] = c;
  }
}

/**
 * The back substitution of sweepColsSink for one row (next: each column's value in the row below).
 * @lanes x
 */
export function sinkBack(u: Float32Array, cp: Float64Array, next: Float64Array, row: int, x0: int, x1: int): void {
  for (let x = x0; x < x1; x++) {
    const v = u[row + x] - cp[row + x] * next[x];
    next[x] = v;
    u[row + x] = v;
  }
}

/**
 * Implicit Euler along rows y in [y0, y1) (width > 1) with the local sink and supply solved
 * together with diffusion: (bEnd or bMid + h (k + p)) u_i - r (u_{i-1} + u_{i+1}) = u0_i + add
 * (at the ends) + h p_i plasma. Each row is a serial chain, so rows run two per vector (one per
 * lane); cp holds the factors of every site (each row uses its own).
 * @lanes y
 */
export function sinkRows(
  u: Float32Array,
  rates: Float32Array,
  useRates: boolean,
  perfusion: Float32Array,
  cp: Float64Array,
  width: int,
  y0: int,
  y1: int,
  uniformRate: number,
  bEnd: number,
  bMid: number,
  add: number,
  h: number,
  plasma: number,
  r: number,
): void {
  for (let y = y0; y < y1; y++) {
    const o = y * width;
    let prev = 0;
    let cPrev = 0;
    for (let x = 0; x < width; x++) {
      const j = o + x;
      const k = useRates ? rates[j] : uniformRate;
      const pj = perfusion[j];
      const b = (x === 0 || x === width - 1 ? bEnd : bMid) + h * (k + pj);
      const m = x === 0 ? b : b + r * cPrev;
      const d = u[j] + (x === 0 || x === width - 1 ? add : 0) + h * pj * plasma;
      prev = (d + (x === 0 ? 0 : r * prev)) / m;
      u[j] = prev;
      cPrev = -r / m;
      cp[j] = cPrev;
    }
    let next = u[o + width - 1];
    for (let x = width - 2; x >= 0; x--) {
      const j = o + x;
      next = u[j] - cp[j] * next;
      u[j] = next;
    }
  }
}
