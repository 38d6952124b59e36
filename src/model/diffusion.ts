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
  /** cp then invm in one array (what the row kernel reads; a simulation copies it into its state) */
  factors: Float64Array;
}

export function lineSolver(n: number, r: number, dirichlet: boolean, theta = 1): LineSolver {
  const factors = new Float64Array(2 * n);
  const cp = factors.subarray(0, n);
  const invm = factors.subarray(n, 2 * n);
  const ri = theta * r;
  const bEnd = dirichlet ? 1 + 2 * ri : 1 + ri;
  for (let i = 0; i < n; i++) {
    const b = i === 0 || i === n - 1 ? (n === 1 ? 1 : bEnd) : 1 + 2 * ri;
    const m = i === 0 ? b : b + ri * cp[i - 1];
    invm[i] = 1 / m;
    cp[i] = -ri / m;
  }
  return { n, r, theta, dirichlet, cp, invm, factors };
}

/**
 * Solve along rows y in [y0, y1) of a width x height field (row-major): field-kernels.ts
 * thetaRows, with the line's factors (s.factors, or the same values at `factors[f0..]` in the
 * state's memory for the kernels). Each row is a serial recurrence, so with `k` rows run two per
 * SIMD vector (one per lane): the same operations per row, the same bits.
 */
export function sweepRows(
  u: Float32Array,
  width: number,
  y0: number,
  y1: number,
  s: LineSolver,
  edge: number,
  k: FieldKernels | null = null,
  factors: Float64Array = s.factors,
  f0 = 0,
): void {
  const { r, theta, dirichlet } = s;
  (k ?? TS_FIELD_KERNELS).thetaRows(u, width, y0, y1, factors, f0, theta * r, (1 - theta) * r, theta * (dirichlet ? r * edge : 0), edge, dirichlet);
}

/** The row loops of the field sweeps (field-kernels.ts): the TypeScript source or its WebAssembly. */
export type FieldKernels = Pick<
  Kernels,
  'thetaRows' | 'cnFirstRow' | 'cnMidRow' | 'cnLastRow' | 'ieFirstRow' | 'ieRow' | 'backRow' | 'sinkRow' | 'sinkBack' | 'sinkRows'
>;

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
