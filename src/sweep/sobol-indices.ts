// Why this file exists: Sobol sensitivity indices from the outputs of Saltelli's scheme
// (saltelli.ts): for each axis i, the first-order index S1_i (Saltelli et al. 2010, Comput Phys
// Commun 181:259, table 2 (b)) and the total-order index ST_i (Jansen 1999, Comput Phys Commun
// 117:35), with bootstrap confidence intervals from resampling the N base points (seeded, so the
// same outputs give the same intervals). Outputs are centred on their mean first (as SALib does;
// the estimators are unchanged in expectation). A missing output (NaN: a failed or excluded run)
// drops its base point from the indices that need it: S1_i and ST_i use the base points whose
// A, B and AB_i outputs are all present. Pure.
import { designKey, designUniform } from './seeds';

/** The outputs of one metric over a saltelli design; NaN where a run is missing, failed or excluded. */
export interface SaltelliOutputs {
  /** f(A_j), f(B_j), j = 0 .. N-1 */
  a: ArrayLike<number>;
  b: ArrayLike<number>;
  /** ab[i][j] = f(AB_i,j): A_j with axis i from B_j */
  ab: ReadonlyArray<ArrayLike<number>>;
}

export interface SobolIndex {
  S1: number;
  S1_lo: number;
  S1_hi: number;
  ST: number;
  ST_lo: number;
  ST_hi: number;
  /** base points used (complete for this axis) */
  n: number;
}

export interface BootstrapOptions {
  /** bootstrap resamples (default 1000) */
  resamples?: number;
  /** seed of the resampling (default 0) */
  seed?: number;
  /** confidence level of the intervals (default 0.95) */
  level?: number;
}

/**
 * S1 and ST of one axis over the base points listed in `use` (with repeats, for the bootstrap):
 * NaN when no base point is complete or the output does not vary.
 */
function estimate(o: SaltelliOutputs, i: number, use: ArrayLike<number>): { S1: number; ST: number; n: number } {
  const ab = o.ab[i];
  let n = 0;
  let sum = 0;
  for (let q = 0; q < use.length; q++) {
    const j = use[q];
    if (Number.isNaN(o.a[j]) || Number.isNaN(o.b[j]) || Number.isNaN(ab[j])) continue;
    n++;
    sum += o.a[j] + o.b[j];
  }
  if (n === 0) return { S1: Number.NaN, ST: Number.NaN, n };
  const mean = sum / (2 * n);
  let v = 0;
  let first = 0;
  let total = 0;
  for (let q = 0; q < use.length; q++) {
    const j = use[q];
    if (Number.isNaN(o.a[j]) || Number.isNaN(o.b[j]) || Number.isNaN(ab[j])) continue;
    const fa = o.a[j] - mean;
    const fb = o.b[j] - mean;
    const fab = ab[j] - mean;
    v += fa * fa + fb * fb;
    first += fb * (fab - fa);
    total += (fa - fab) * (fa - fab);
  }
  const variance = v / (2 * n);
  if (!(variance > 0)) return { S1: Number.NaN, ST: Number.NaN, n };
  return { S1: first / n / variance, ST: total / (2 * n) / variance, n };
}

/** The q-quantile of sorted finite values (linear interpolation between order statistics). */
function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** S1 and ST of every axis with bootstrap intervals (percentiles of the resampled estimates). */
export function sobolIndices(o: SaltelliOutputs, opts: BootstrapOptions = {}): SobolIndex[] {
  const N = o.a.length;
  const k = o.ab.length;
  const R = opts.resamples ?? 1000;
  const level = opts.level ?? 0.95;
  const key = designKey(opts.seed ?? 0);
  const all = Int32Array.from({ length: N }, (_, j) => j);
  const point = Array.from({ length: k }, (_, i) => estimate(o, i, all));
  const s1: number[][] = Array.from({ length: k }, () => []);
  const st: number[][] = Array.from({ length: k }, () => []);
  const draw = new Int32Array(N);
  for (let r = 0; r < R; r++) {
    // one resample of the base points, shared by every axis
    for (let q = 0; q < N; q++) draw[q] = Math.min(N - 1, Math.floor(designUniform(key, 'bootstrap', r, q) * N));
    for (let i = 0; i < k; i++) {
      const e = estimate(o, i, draw);
      if (Number.isFinite(e.S1)) s1[i].push(e.S1);
      if (Number.isFinite(e.ST)) st[i].push(e.ST);
    }
  }
  const lo = (1 - level) / 2;
  return point.map((p, i) => {
    const a = s1[i].sort((x, y) => x - y);
    const t = st[i].sort((x, y) => x - y);
    return { S1: p.S1, S1_lo: quantile(a, lo), S1_hi: quantile(a, 1 - lo), ST: p.ST, ST_lo: quantile(t, lo), ST_hi: quantile(t, 1 - lo), n: p.n };
  });
}
