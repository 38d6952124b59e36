// Why this file exists: the field solver as it was before its sweeps were restructured for speed
// (rows two at a time, edge sites out of the loops), kept as the reference that
// test/model/kernels-identity.test.ts holds the fast versions to, bit for bit.
import type { LineSolver, Sink } from '../../../src/model/diffusion';

/** Solve along rows y in [y0, y1) of a width x height field (row-major). */
export function sweepRows(u: Float32Array, width: number, y0: number, y1: number, s: LineSolver, edge: number): void {
  const { cp, invm, r, theta, dirichlet } = s;
  const ri = theta * r;
  const re = (1 - theta) * r;
  const add = dirichlet ? r * edge : 0;
  const n = width;
  for (let y = y0; y < y1; y++) {
    const o = y * width;
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
}

/**
 * Solve along columns x in [x0, x1), sweeping rows in order so memory access stays sequential.
 * `scratch` holds two rows of the original field for the explicit (Crank-Nicolson) part.
 */
export function sweepCols(u: Float32Array, width: number, height: number, x0: number, x1: number, s: LineSolver, edge: number, scratch?: Float32Array): void {
  const { cp, invm, r, theta, dirichlet } = s;
  const ri = theta * r;
  const re = (1 - theta) * r;
  const add = dirichlet ? r * edge : 0;
  const H = height;
  const i0 = invm[0];
  const a0 = theta * add;
  if (re > 0 && H > 1) {
    // Crank-Nicolson, fused with the forward pass: rhs_y = u_y + re (u_{y-1} - 2 u_y + u_{y+1}) from
    // the original values (the original previous row is kept in scratch)
    const prev = scratch ?? new Float32Array(width);
    for (let y = 0; y < H; y++) {
      const o = y * width;
      const on = y < H - 1 ? o + width : -1;
      const op = o - width;
      const im = invm[y];
      const extra = y === 0 || y === H - 1 ? a0 : 0;
      for (let x = x0; x < x1; x++) {
        const c = u[o + x];
        const up = y === 0 ? (dirichlet ? edge : c) : prev[x];
        const down = on >= 0 ? u[on + x] : dirichlet ? edge : c;
        const rhs = c + re * (up - 2 * c + down) + extra;
        u[o + x] = y === 0 ? rhs * i0 : (rhs + ri * u[op + x]) * im;
        prev[x] = c;
      }
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

/**
 * Implicit Euler along rows with the local exchange solved together with diffusion:
 * (1 + 2r + h (k_i + p_i)) u_i - r (u_{i-1} + u_{i+1}) = u0_i + h p_i plasma, h the exchange's
 * share of the time step. `tmp` holds max(width, height) values.
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
  tmp: Float64Array,
): void {
  for (let y = y0; y < y1; y++) solveLine(u, y * width, 1, width, r, dirichlet, edge, sink, h, tmp);
}

/** The same along columns x in [x0, x1), one column at a time. */
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
  tmp: Float64Array,
): void {
  for (let x = x0; x < x1; x++) solveLine(u, x, width, height, r, dirichlet, edge, sink, h, tmp);
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
  const rate = sink.rate;
  const { perfusion, plasma } = sink;
  let prev = 0;
  let cPrev = 0;
  for (let i = 0; i < n; i++) {
    const j = o + i * stride;
    const k = typeof rate === 'number' ? rate : rate[j];
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
