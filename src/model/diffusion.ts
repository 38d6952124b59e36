// Why this file exists: diffusion of the extracellular fields on the lattice. Locally one-
// dimensional implicit Euler (x sweep, then y sweep), unconditionally stable at any time step and
// free of oscillations. Coefficients are uniform, so the Thomas factors are computed once per line
// length and each sweep is two plain passes over a typed array, in place. Rows and columns are
// solved independently, so any split of them across workers gives the same bits.

/** Precomputed Thomas factors for (I - r d2/dx2) on a line of n sites. */
export interface LineSolver {
  n: number;
  r: number;
  /** Dirichlet ends (held at `edge`) instead of no-flux ends */
  dirichlet: boolean;
  cp: Float64Array;
  invm: Float64Array;
}

export function lineSolver(n: number, r: number, dirichlet: boolean): LineSolver {
  const cp = new Float64Array(n);
  const invm = new Float64Array(n);
  const bEnd = dirichlet ? 1 + 2 * r : 1 + r;
  for (let i = 0; i < n; i++) {
    const b = i === 0 || i === n - 1 ? (n === 1 ? 1 : bEnd) : 1 + 2 * r;
    const m = i === 0 ? b : b + r * cp[i - 1];
    invm[i] = 1 / m;
    cp[i] = -r / m;
  }
  return { n, r, dirichlet, cp, invm };
}

/** Solve along rows y in [y0, y1) of a width x height field (row-major). */
export function sweepRows(u: Float32Array, width: number, y0: number, y1: number, s: LineSolver, edge: number): void {
  const { cp, invm, r } = s;
  const add = s.dirichlet ? r * edge : 0;
  const n = width;
  for (let y = y0; y < y1; y++) {
    const o = y * width;
    // forward: d'_i = (d_i + r d'_{i-1}) / m_i ; the ends carry the Dirichlet edge value
    let prev = (u[o] + add) * invm[0];
    u[o] = prev;
    for (let x = 1; x < n; x++) {
      const d = x === n - 1 ? u[o + x] + add : u[o + x];
      prev = (d + r * prev) * invm[x];
      u[o + x] = prev;
    }
    // back substitution: x_i = d'_i - c'_i x_{i+1}
    let next = u[o + n - 1];
    for (let x = n - 2; x >= 0; x--) {
      next = u[o + x] - cp[x] * next;
      u[o + x] = next;
    }
  }
}

/** Solve along columns x in [x0, x1), sweeping rows in order so memory access stays sequential. */
export function sweepCols(u: Float32Array, width: number, height: number, x0: number, x1: number, s: LineSolver, edge: number): void {
  const { cp, invm, r } = s;
  const add = s.dirichlet ? r * edge : 0;
  const H = height;
  const i0 = invm[0];
  for (let x = x0; x < x1; x++) u[x] = (u[x] + add) * i0;
  for (let y = 1; y < H; y++) {
    const o = y * width;
    const op = o - width;
    const im = invm[y];
    const extra = y === H - 1 ? add : 0;
    for (let x = x0; x < x1; x++) u[o + x] = (u[o + x] + extra + r * u[op + x]) * im;
  }
  for (let y = H - 2; y >= 0; y--) {
    const o = y * width;
    const on = o + width;
    const c = cp[y];
    for (let x = x0; x < x1; x++) u[o + x] -= c * u[on + x];
  }
}
