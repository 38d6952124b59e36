// Why this file exists: diffusion of the extracellular fields on the lattice, by locally one-
// dimensional theta-schemes (x sweep, then y sweep): theta = 1 is implicit Euler (unconditionally
// stable and oscillation-free at any time step: the slow fields), theta = 1/2 is Crank-Nicolson
// (second order in time: the oxidant that carries the wave, at D dt / dx^2 < 1). Coefficients are
// uniform, so the Thomas factors are computed once per line length and each sweep is a few plain
// passes over a typed array, in place. Rows and columns are solved independently, so any split of
// them across workers gives the same bits.

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
    let origA = u[oa], origB = u[ob];
    const leftA0 = dirichlet ? edge : origA, leftB0 = dirichlet ? edge : origB;
    // x = 0
    let nextA = u[oa + 1], nextB = u[ob + 1];
    let pA = (origA + re * (leftA0 - 2 * origA + nextA) + ta) * invm[0];
    let pB = (origB + re * (leftB0 - 2 * origB + nextB) + ta) * invm[0];
    u[oa] = pA;
    u[ob] = pB;
    let leftA = origA, leftB = origB;
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
    const gA = dirichlet ? edge : origA, gB = dirichlet ? edge : origB;
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
  let nextA = u[oa + last], nextB = u[ob + last];
  for (let x = n - 2; x >= 0; x--) {
    const c = cp[x];
    nextA = u[oa + x] - c * nextA;
    nextB = u[ob + x] - c * nextB;
    u[oa + x] = nextA;
    u[ob + x] = nextB;
  }
}

/** The row kernels of the column sweeps in WebAssembly (wasm/kernels.wat), on the memory holding u and scratch. */
export interface ColumnKernel {
  cnFirst(row: number, down: number, prev: number, x0: number, x1: number, re: number, im: number, extra: number, edge: number, dirichlet: number): void;
  cnMid(row: number, down: number, above: number, prev: number, x0: number, x1: number, re: number, ri: number, im: number): void;
  cnLast(row: number, above: number, prev: number, x0: number, x1: number, re: number, ri: number, im: number, extra: number, edge: number, dirichlet: number): void;
  ieRow(row: number, above: number, x0: number, x1: number, ri: number, im: number, extra: number): void;
  backRow(row: number, below: number, x0: number, x1: number, c: number): void;
  /** a row of the forward pass of sweepColsSink (rates -1: `uniform` for every site) */
  sinkRow(row: number, rates: number, perf: number, cp: number, prev: number, cPrev: number, x0: number, x1: number, uniform: number, bRow: number, addRow: number, h: number, plasma: number, r: number): void;
  /** a row of the back substitution of sweepColsSink */
  sinkBack(row: number, cp: number, next: number, x0: number, x1: number): void;
  /** two rows of sweepRowsSink (RowSinkKernel) */
  sinkRows: RowSinkKernel['sinkRows'];
}

/**
 * Solve along columns x in [x0, x1), sweeping rows in order so memory access stays sequential.
 * `scratch` holds the original previous row for the explicit (Crank-Nicolson) part. With `k`
 * (u and scratch in its memory), pairs of columns run in WebAssembly SIMD and the odd last
 * column here: the same operations, the same bits.
 */
export function sweepCols(u: Float32Array, width: number, height: number, x0: number, x1: number, s: LineSolver, edge: number, scratch?: Float32Array, k: ColumnKernel | null = null): void {
  if (k && scratch && x1 > x0 + 1) {
    const xe = x0 + ((x1 - x0) & ~1);
    colsWasm(k, u, width, height, x0, xe, s, edge, scratch);
    if (xe < x1) sweepCols(u, width, height, xe, x1, s, edge, scratch);
    return;
  }
  const { cp, invm, r, theta, dirichlet } = s;
  const ri = theta * r;
  const re = (1 - theta) * r;
  const add = dirichlet ? r * edge : 0;
  const H = height;
  const i0 = invm[0];
  const a0 = theta * add;
  if (re > 0 && H > 1) {
    // Crank-Nicolson, fused with the forward pass: rhs_y = u_y + re (u_{y-1} - 2 u_y + u_{y+1}) from
    // the original values (the original previous row is kept in scratch); the first and last rows
    // are taken out of the loop over the rows in between
    const prev = scratch ?? new Float32Array(width);
    for (let x = x0; x < x1; x++) {
      const c = u[x];
      const up = dirichlet ? edge : c;
      u[x] = (c + re * (up - 2 * c + u[width + x]) + a0) * i0;
      prev[x] = c;
    }
    for (let y = 1; y < H - 1; y++) {
      const o = y * width;
      const on = o + width;
      const op = o - width;
      const im = invm[y];
      for (let x = x0; x < x1; x++) {
        const c = u[o + x];
        u[o + x] = (c + re * (prev[x] - 2 * c + u[on + x]) + 0 + ri * u[op + x]) * im;
        prev[x] = c;
      }
    }
    const o = (H - 1) * width;
    const op = o - width;
    const im = invm[H - 1];
    for (let x = x0; x < x1; x++) {
      const c = u[o + x];
      const down = dirichlet ? edge : c;
      u[o + x] = (c + re * (prev[x] - 2 * c + down) + a0 + ri * u[op + x]) * im;
      prev[x] = c;
    }
  } else {
    for (let x = x0; x < x1; x++) u[x] = (u[x] + a0) * i0;
    for (let y = 1; y < H; y++) {
      const o = y * width;
      const op = o - width;
      const im = invm[y];
      const extra = y === H - 1 ? a0 : 0;
      for (let x = x0; x < x1; x++) u[o + x] = (u[o + x] + extra + ri * u[op + x]) * im;
    }
  }
  for (let y = H - 2; y >= 0; y--) {
    const o = y * width;
    const on = o + width;
    const c = cp[y];
    for (let x = x0; x < x1; x++) u[o + x] -= c * u[on + x];
  }
}

/** byte address of row y of a width-wide Float32 field (for the kernels) */
const rowAt = (a: Float32Array, width: number, y: number) => a.byteOffset + 4 * y * width;

/** sweepCols for x1 - x0 even in the WebAssembly row kernels */
function colsWasm(k: ColumnKernel, u: Float32Array, width: number, H: number, x0: number, x1: number, s: LineSolver, edge: number, scratch: Float32Array): void {
  const { cp, invm, r, theta, dirichlet } = s;
  const ri = theta * r;
  const re = (1 - theta) * r;
  const a0 = theta * (dirichlet ? r * edge : 0);
  const prev = scratch.byteOffset;
  const d = dirichlet ? 1 : 0;
  if (re > 0 && H > 1) {
    k.cnFirst(rowAt(u, width, 0), rowAt(u, width, 1), prev, x0, x1, re, invm[0], a0, edge, d);
    for (let y = 1; y < H - 1; y++) k.cnMid(rowAt(u, width, y), rowAt(u, width, y + 1), rowAt(u, width, y - 1), prev, x0, x1, re, ri, invm[y]);
    k.cnLast(rowAt(u, width, H - 1), rowAt(u, width, H - 2), prev, x0, x1, re, ri, invm[H - 1], a0, edge, d);
  } else {
    k.ieRow(rowAt(u, width, 0), -1, x0, x1, ri, invm[0], a0);
    for (let y = 1; y < H; y++) k.ieRow(rowAt(u, width, y), rowAt(u, width, y - 1), x0, x1, ri, invm[y], y === H - 1 ? a0 : 0);
  }
  for (let y = H - 2; y >= 0; y--) k.backRow(rowAt(u, width, y), rowAt(u, width, y + 1), x0, x1, cp[y]);
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
 * share of the time step. `tmp` holds max(width, height) values. With `k`, rows run two at a time
 * in WebAssembly (one per SIMD lane) and an odd last row here: the same bits.
 */
export function sweepRowsSink(u: Float32Array, width: number, y0: number, y1: number, r: number, dirichlet: boolean, edge: number, sink: Sink, h: number, tmp: Float64Array, k: RowSinkKernel | null = null): void {
  let y = y0;
  if (k && width > 1) {
    // rows two at a time in the kernel, one per lane; their factors in rows y and y + 1 of k.cp
    const { uniformRate, rates } = ratesOf(sink);
    for (; y + 1 < y1; y += 2) {
      const ra = rates === null ? -1 : rowAt(rates, width, y), rb = rates === null ? -1 : rowAt(rates, width, y + 1);
      k.sinkRows(rowAt(u, width, y), rowAt(u, width, y + 1), ra, rb, rowAt(sink.perfusion, width, y), rowAt(sink.perfusion, width, y + 1), k.cp.byteOffset + 8 * y * width, width,
        uniformRate, dirichlet ? 1 + 2 * r : 1 + r, 1 + 2 * r, dirichlet ? r * edge : 0, h, sink.plasma, r);
    }
  }
  for (; y < y1; y++) solveLine(u, y * width, 1, width, r, dirichlet, edge, sink, h, tmp);
}

/**
 * The row kernel of sweepRowsSink in WebAssembly (wasm/kernels.wat sinkRows) with its scratch:
 * `cp`, width x height f64 in the same memory as u and the sink's arrays, of which a pair of rows
 * uses its own two rows (so bands of rows on different workers never share it).
 */
export interface RowSinkKernel {
  sinkRows(a: number, b: number, ra: number, rb: number, pa: number, pb: number, cp: number, n: number, uniform: number, bEnd: number, bMid: number, add: number, h: number, plasma: number, r: number): void;
  cp: Float64Array;
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
 * on each column. With `k` (u, the sink's arrays and `scr` in its memory: SimState.colSink), pairs
 * of columns run in WebAssembly SIMD and an odd last column here, row by row.
 */
export function sweepColsSink(u: Float32Array, width: number, height: number, x0: number, x1: number, r: number, dirichlet: boolean, edge: number, sink: Sink, h: number, scr: ColumnScratch, k: ColumnKernel | null = null): void {
  const n = height;
  if (n === 1) {
    for (let x = x0; x < x1; x++) solveLine(u, x, width, 1, r, dirichlet, edge, sink, h, scr.cp);
    return;
  }
  const add = dirichlet ? r * edge : 0;
  const bEnd = dirichlet ? 1 + 2 * r : 1 + r;
  const bMid = 1 + 2 * r;
  const { uniformRate, rates } = ratesOf(sink);
  const { perfusion, plasma } = sink;
  const { prev, cPrev, next, cp } = scr;
  // the columns the kernels take (pairs), and the rest here
  const xk = k ? x0 + ((x1 - x0) & ~1) : x0;
  // row 0 has no row above: zero running values give its b and d + 0 exactly
  prev.fill(0, x0, x1);
  cPrev.fill(0, x0, x1);
  for (let y = 0; y < n; y++) {
    const o = y * width;
    const edgeRow = y === 0 || y === n - 1;
    const bRow = edgeRow ? bEnd : bMid;
    const addRow = edgeRow ? add : 0;
    if (k && xk > x0) {
      k.sinkRow(rowAt(u, width, y), rates === null ? -1 : rowAt(rates, width, y), rowAt(perfusion, width, y), cp.byteOffset + 8 * o, prev.byteOffset, cPrev.byteOffset, x0, xk, uniformRate, bRow, addRow, h, plasma, r);
    }
    for (let x = xk; x < x1; x++) {
      const j = o + x;
      const kj = rates === null ? uniformRate : rates[j];
      const pj = perfusion[j];
      const b = bRow + h * (kj + pj);
      const d = u[j] + addRow + h * pj * plasma;
      const m = b + r * cPrev[x];
      const p = (d + r * prev[x]) / m;
      u[j] = p;
      prev[x] = p;
      const c = -r / m;
      cPrev[x] = c;
      cp[j] = c;
    }
  }
  const last = (n - 1) * width;
  for (let x = x0; x < x1; x++) next[x] = u[last + x];
  for (let y = n - 2; y >= 0; y--) {
    const o = y * width;
    if (k && xk > x0) k.sinkBack(rowAt(u, width, y), cp.byteOffset + 8 * o, next.byteOffset, x0, xk);
    for (let x = xk; x < x1; x++) {
      const v = u[o + x] - cp[o + x] * next[x];
      next[x] = v;
      u[o + x] = v;
    }
  }
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

function solveLine(u: Float32Array, o: number, stride: number, n: number, r: number, dirichlet: boolean, edge: number, sink: Sink, h: number, cp: Float64Array): void {
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
