// Why this file exists: diffusion of the extracellular fields on the lattice, by locally one-
// dimensional theta-schemes (x sweep, then y sweep): theta = 1 is implicit Euler (unconditionally
// stable and oscillation-free at any time step: the slow fields), theta = 1/2 is Crank-Nicolson
// (second order in time: the oxidant that carries the wave, at D dt / dx^2 < 1). Coefficients are
// uniform, so the Thomas factors are computed once per line length and each sweep is a few plain
// passes over a typed array, in place. Rows and columns are solved independently, so any split of
// them across workers gives the same bits. The inner row loops of the column sweeps and the row
// sweep with a sink are in field-kernels.ts, compiled to WebAssembly SIMD (`npm run build:kernels`).
import * as fieldKernels from './field-kernels';
import type { Kernels } from './wasm/kernels';

/** Precomputed factors for (I - theta r d2/dx2) u1 = (I + (1 - theta) r d2/dx2) u0 on n sites. */
export interface LineSolver {
  n: number;
  r: number;
  theta: number;
  /** Dirichlet ends (held at `edge`) instead of no-flux ends */
  dirichlet: boolean;
  cp: Float64Array;
  invm: Float64Array;
}

export function lineSolver(n: number, r: number, dirichlet: boolean, theta = 1): LineSolver {
  const cp = new Float64Array(n);
  const invm = new Float64Array(n);
  const ri = theta * r;
  const bEnd = dirichlet ? 1 + 2 * ri : 1 + ri;
  for (let i = 0; i < n; i++) {
    const b = i === 0 || i === n - 1 ? (n === 1 ? 1 : bEnd) : 1 + 2 * ri;
    const m = i === 0 ? b : b + ri * cp[i - 1];
    invm[i] = 1 / m;
    cp[i] = -ri / m;
  }
  return { n, r, theta, dirichlet, cp, invm };
}

/**
 * Solve along rows y in [y0, y1) of a width x height field (row-major). Each row is a serial
 * recurrence (bound by the latency of its multiply-adds), so rows are solved two at a time in one
 * loop: the same operations per row, twice the work per cycle.
 */
export function sweepRows(u: Float32Array, width: number, y0: number, y1: number, s: LineSolver, edge: number): void {
  let y = y0;
  if (width > 2) for (; y + 1 < y1; y += 2) rowPair(u, y * width, (y + 1) * width, width, s, edge);
  for (; y < y1; y++) rowOne(u, y * width, width, s, edge);
}

/** one row of sweepRows (any width) */
function rowOne(u: Float32Array, o: number, n: number, s: LineSolver, edge: number): void {
  const { cp, invm, r, theta, dirichlet } = s;
  const ri = theta * r;
  const re = (1 - theta) * r;
  const add = dirichlet ? r * edge : 0;
  if (re > 0 && n > 1) {
    // Crank-Nicolson, fused: the explicit part rhs_i = u_i + re (u_{i-1} - 2 u_i + u_{i+1}) (mirror
    // or edge ghosts) is formed from the original values as the forward pass reaches them
    let orig = u[o];
    let left = dirichlet ? edge : orig;
    let p = 0;
    for (let x = 0; x < n; x++) {
      const next = x < n - 1 ? u[o + x + 1] : dirichlet ? edge : orig;
      const rhs = orig + re * (left - 2 * orig + next) + (x === 0 || x === n - 1 ? theta * add : 0);
      p = x === 0 ? rhs * invm[0] : (rhs + ri * p) * invm[x];
      u[o + x] = p;
      left = orig;
      orig = next;
    }
  } else {
    // forward: d'_i = (d_i + ri d'_{i-1}) / m_i ; the ends carry the Dirichlet edge value
    let p = (u[o] + theta * add) * invm[0];
    u[o] = p;
    for (let x = 1; x < n; x++) {
      const d = x === n - 1 ? u[o + x] + theta * add : u[o + x];
      p = (d + ri * p) * invm[x];
      u[o + x] = p;
    }
  }
  // back substitution: x_i = d'_i - c'_i x_{i+1}
  let next = u[o + n - 1];
  for (let x = n - 2; x >= 0; x--) {
    next = u[o + x] - cp[x] * next;
    u[o + x] = next;
  }
}

/**
 * Two rows (offsets oa, ob) of sweepRows, n > 2, interleaved: the operations of rowOne for each,
 * with its first and last sites taken out of the loop.
 */
function rowPair(u: Float32Array, oa: number, ob: number, n: number, s: LineSolver, edge: number): void {
  const { cp, invm, r, theta, dirichlet } = s;
  const ri = theta * r;
  const re = (1 - theta) * r;
  const add = dirichlet ? r * edge : 0;
  const ta = theta * add;
  const last = n - 1;
  if (re > 0) {
    let origA = u[oa],
      origB = u[ob];
    const leftA0 = dirichlet ? edge : origA,
      leftB0 = dirichlet ? edge : origB;
    // x = 0
    let nextA = u[oa + 1],
      nextB = u[ob + 1];
    let pA = (origA + re * (leftA0 - 2 * origA + nextA) + ta) * invm[0];
    let pB = (origB + re * (leftB0 - 2 * origB + nextB) + ta) * invm[0];
    u[oa] = pA;
    u[ob] = pB;
    let leftA = origA,
      leftB = origB;
    origA = nextA;
    origB = nextB;
    for (let x = 1; x < last; x++) {
      nextA = u[oa + x + 1];
      nextB = u[ob + x + 1];
      const m = invm[x];
      pA = (origA + re * (leftA - 2 * origA + nextA) + 0 + ri * pA) * m;
      pB = (origB + re * (leftB - 2 * origB + nextB) + 0 + ri * pB) * m;
      u[oa + x] = pA;
      u[ob + x] = pB;
      leftA = origA;
      leftB = origB;
      origA = nextA;
      origB = nextB;
    }
    // x = n - 1: the ghost beyond the end is the edge (Dirichlet) or the site itself (mirror)
    const gA = dirichlet ? edge : origA,
      gB = dirichlet ? edge : origB;
    u[oa + last] = (origA + re * (leftA - 2 * origA + gA) + ta + ri * pA) * invm[last];
    u[ob + last] = (origB + re * (leftB - 2 * origB + gB) + ta + ri * pB) * invm[last];
  } else {
    let pA = (u[oa] + ta) * invm[0];
    let pB = (u[ob] + ta) * invm[0];
    u[oa] = pA;
    u[ob] = pB;
    for (let x = 1; x < last; x++) {
      const m = invm[x];
      pA = (u[oa + x] + ri * pA) * m;
      pB = (u[ob + x] + ri * pB) * m;
      u[oa + x] = pA;
      u[ob + x] = pB;
    }
    u[oa + last] = (u[oa + last] + ta + ri * pA) * invm[last];
    u[ob + last] = (u[ob + last] + ta + ri * pB) * invm[last];
  }
  let nextA = u[oa + last],
    nextB = u[ob + last];
  for (let x = n - 2; x >= 0; x--) {
    const c = cp[x];
    nextA = u[oa + x] - c * nextA;
    nextB = u[ob + x] - c * nextB;
    u[oa + x] = nextA;
    u[ob + x] = nextB;
  }
}

/** The row loops of the field sweeps (field-kernels.ts): the TypeScript source or its WebAssembly. */
export type FieldKernels = Pick<Kernels, 'cnFirstRow' | 'cnMidRow' | 'cnLastRow' | 'ieFirstRow' | 'ieRow' | 'backRow' | 'sinkRow' | 'sinkBack' | 'sinkRows'>;

/** the TypeScript sources of the row loops (where the WebAssembly is not used) */
export const TS_FIELD_KERNELS: FieldKernels = fieldKernels;

/**
 * Solve along columns x in [x0, x1), sweeping rows in order so memory access stays sequential.
 * `scratch` holds the original previous row for the explicit (Crank-Nicolson) part. With `k`
 * (u and scratch in its memory), the row loops run in WebAssembly SIMD, two columns per vector:
 * the same operations, the same bits.
 */
export function sweepCols(
  u: Float32Array,
  width: number,
  height: number,
  x0: number,
  x1: number,
  s: LineSolver,
  edge: number,
  scratch: Float32Array = new Float32Array(width),
  k: FieldKernels | null = null,
): void {
  const K = k ?? TS_FIELD_KERNELS;
  const { cp, invm, r, theta, dirichlet } = s;
  const ri = theta * r;
  const re = (1 - theta) * r;
  const a0 = theta * (dirichlet ? r * edge : 0);
  const H = height;
  if (re > 0 && H > 1) {
    // Crank-Nicolson, fused with the forward pass: rhs_y = u_y + re (u_{y-1} - 2 u_y + u_{y+1}) from
    // the original values (the original previous row is kept in scratch)
    K.cnFirstRow(u, 0, width, scratch, x0, x1, re, invm[0], a0, edge, dirichlet);
    for (let y = 1; y < H - 1; y++) K.cnMidRow(u, y * width, (y + 1) * width, (y - 1) * width, scratch, x0, x1, re, ri, invm[y]);
    K.cnLastRow(u, (H - 1) * width, (H - 2) * width, scratch, x0, x1, re, ri, invm[H - 1], a0, edge, dirichlet);
  } else {
    K.ieFirstRow(u, 0, x0, x1, invm[0], a0);
    for (let y = 1; y < H; y++) K.ieRow(u, y * width, (y - 1) * width, x0, x1, ri, invm[y], y === H - 1 ? a0 : 0);
  }
  for (let y = H - 2; y >= 0; y--) K.backRow(u, y * width, (y + 1) * width, x0, x1, cp[y]);
}

/**
 * What a tissue field exchanges locally, solved together with its diffusion: a first-order loss
 * (1/min: uptake by cells, clearance) and a supply from plasma through nearby vessels,
 * perfusion_i * (plasma - u_i). A distributed supply, not pinned vessel sites: pinning single
 * sites in a direction-split solver at large steps smears the supply along one axis.
 */
export interface Sink {
  /** per-site loss rate, or one rate for every site */
  rate: Float32Array | number;
  /** per-site perfusion rate (1/min) */
  perfusion: Float32Array;
  /** the plasma level */
  plasma: number;
}

/**
 * Implicit Euler along rows with the local exchange solved together with diffusion:
 * (1 + 2r + h (k_i + p_i)) u_i - r (u_{i-1} + u_{i+1}) = u0_i + h p_i plasma, h the exchange's
 * share of the time step. `cp` (width x height, f64) holds the factors of every site. With `k`,
 * rows run two at a time in WebAssembly (one per SIMD lane): the same bits.
 */
export function sweepRowsSink(
  u: Float32Array,
  width: number,
  y0: number,
  y1: number,
  r: number,
  dirichlet: boolean,
  edge: number,
  sink: Sink,
  h: number,
  cp: Float64Array,
  k: FieldKernels | null = null,
): void {
  if (width === 1) {
    for (let y = y0; y < y1; y++) solveLine(u, y, 1, 1, r, dirichlet, edge, sink, h, cp);
    return;
  }
  const { uniformRate, rates } = ratesOf(sink);
  (k ?? TS_FIELD_KERNELS).sinkRows(
    u,
    rates ?? sink.perfusion,
    rates !== null,
    sink.perfusion,
    cp,
    width,
    y0,
    y1,
    uniformRate,
    dirichlet ? 1 + 2 * r : 1 + r,
    1 + 2 * r,
    dirichlet ? r * edge : 0,
    h,
    sink.plasma,
    r,
  );
}

/** Scratch for sweepColsSink: per column of a band, the running values, and the factors of every site. */
export interface ColumnScratch {
  prev: Float64Array;
  cPrev: Float64Array;
  next: Float64Array;
  cp: Float64Array;
}

export function columnScratch(width: number, height: number): ColumnScratch {
  return { prev: new Float64Array(width), cPrev: new Float64Array(width), next: new Float64Array(width), cp: new Float64Array(width * height) };
}

/**
 * The same along columns x in [x0, x1): solveLine's recurrence for every column, run row by row
 * across the band (memory order, and independent columns side by side instead of one long serial
 * chain), with each column's running values and factors kept in `scr`. The same bits as solveLine
 * on each column. With `k` (u, the sink's arrays and `scr` in its memory: SimState.colSink), the
 * row loops run in WebAssembly SIMD, two columns per vector.
 */
export function sweepColsSink(
  u: Float32Array,
  width: number,
  height: number,
  x0: number,
  x1: number,
  r: number,
  dirichlet: boolean,
  edge: number,
  sink: Sink,
  h: number,
  scr: ColumnScratch,
  k: FieldKernels | null = null,
): void {
  const n = height;
  if (n === 1) {
    for (let x = x0; x < x1; x++) solveLine(u, x, width, 1, r, dirichlet, edge, sink, h, scr.cp);
    return;
  }
  const K = k ?? TS_FIELD_KERNELS;
  const add = dirichlet ? r * edge : 0;
  const bEnd = dirichlet ? 1 + 2 * r : 1 + r;
  const bMid = 1 + 2 * r;
  const { uniformRate, rates } = ratesOf(sink);
  const { perfusion, plasma } = sink;
  const { prev, cPrev, next, cp } = scr;
  // row 0 has no row above: zero running values give its b and d + 0 exactly
  prev.fill(0, x0, x1);
  cPrev.fill(0, x0, x1);
  for (let y = 0; y < n; y++) {
    const edgeRow = y === 0 || y === n - 1;
    K.sinkRow(
      u,
      rates ?? perfusion,
      rates !== null,
      perfusion,
      cp,
      prev,
      cPrev,
      y * width,
      x0,
      x1,
      uniformRate,
      edgeRow ? bEnd : bMid,
      edgeRow ? add : 0,
      h,
      plasma,
      r,
    );
  }
  const last = (n - 1) * width;
  for (let x = x0; x < x1; x++) next[x] = u[last + x];
  for (let y = n - 2; y >= 0; y--) K.sinkBack(u, cp, next, y * width, x0, x1);
}

/**
 * A sink's rate as one number for every site (0 when per site) or per-site rates (null when one).
 * The `+` keeps the one rate a plain double for V8: mixed with the per-site rates in one variable,
 * an untyped one made every site's rate a new heap number (16 bytes a site and sweep: the
 * tumours' garbage).
 */
function ratesOf(sink: Sink): { uniformRate: number; rates: Float32Array | null } {
  const rate = sink.rate;
  return typeof rate === 'number' ? { uniformRate: +rate, rates: null } : { uniformRate: 0, rates: rate };
}

function solveLine(
  u: Float32Array,
  o: number,
  stride: number,
  n: number,
  r: number,
  dirichlet: boolean,
  edge: number,
  sink: Sink,
  h: number,
  cp: Float64Array,
): void {
  const add = dirichlet ? r * edge : 0;
  const bEnd = dirichlet ? 1 + 2 * r : 1 + r;
  const { uniformRate, rates } = ratesOf(sink);
  const { perfusion, plasma } = sink;
  let prev = 0;
  let cPrev = 0;
  for (let i = 0; i < n; i++) {
    const j = o + i * stride;
    const k = rates === null ? uniformRate : rates[j];
    const pj = perfusion[j];
    const b = (n === 1 ? 1 : i === 0 || i === n - 1 ? bEnd : 1 + 2 * r) + h * (k + pj);
    const m = i === 0 ? b : b + r * cPrev;
    const d = u[j] + (i === 0 || i === n - 1 ? add : 0) + h * pj * plasma;
    prev = (d + (i === 0 ? 0 : r * prev)) / m;
    u[j] = prev;
    cPrev = -r / m;
    cp[i] = cPrev;
  }
  let next = u[o + (n - 1) * stride];
  for (let i = n - 2; i >= 0; i--) {
    const j = o + i * stride;
    next = u[j] - cp[i] * next;
    u[j] = next;
  }
}
