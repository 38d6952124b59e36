// Why this file exists: the fit's optimiser, CMA-ES (Hansen, "The CMA Evolution Strategy: A
// Tutorial", arXiv:1604.00772, the (mu/mu_w, lambda) algorithm with its default settings and
// positive recombination weights). Derivative-free and robust to the noise and kinks of a
// simulated objective. Its state is plain JSON (resumable between generations); its draws are keyed
// normals (src/model/random.ts) of (seed, generation, candidate, coordinate), so a generation's
// candidates depend only on the state and the seed: the same on any host, worker count or shard.
import { normal, type RandomKey } from '../model/random';
import { exp, log } from '../model/math';
import { symmetricEigen } from './linalg';

export interface CmaState {
  n: number;
  lambda: number;
  /** the stream of keyed draws this optimiser uses (several optimisers share a seed) */
  purpose: number;
  generation: number;
  /** candidates evaluated (told) so far */
  evaluations: number;
  mean: number[];
  sigma: number;
  C: number[][];
  pc: number[];
  ps: number[];
  /** the best objective of each generation told */
  history: number[];
  /** why it stopped (null: still running) */
  stop: string | null;
}

export interface CmaStops {
  max_generations: number;
  max_evaluations: number | null;
  tol_fun: number;
  tol_x: number;
}

/** Hansen's default population for n dimensions: 4 + floor(3 ln n). */
export const defaultLambda = (n: number) => 4 + Math.floor(3 * log(n));

interface Settings {
  mu: number;
  weights: number[];
  mueff: number;
  cc: number;
  cs: number;
  c1: number;
  cmu: number;
  damps: number;
  chiN: number;
}

/** The strategy parameters of the tutorial's Table 1 (derived, never stored). */
function settings(n: number, lambda: number): Settings {
  const mu = Math.floor(lambda / 2);
  const raw = Array.from({ length: mu }, (_, i) => log((lambda + 1) / 2) - log(i + 1));
  const sum = raw.reduce((a, b) => a + b, 0);
  const weights = raw.map((w) => w / sum);
  const mueff = 1 / weights.reduce((a, w) => a + w * w, 0);
  const cc = (4 + mueff / n) / (n + 4 + (2 * mueff) / n);
  const cs = (mueff + 2) / (n + mueff + 5);
  const c1 = 2 / ((n + 1.3) * (n + 1.3) + mueff);
  const cmu = Math.min(1 - c1, (2 * (mueff - 2 + 1 / mueff)) / ((n + 2) * (n + 2) + mueff));
  const damps = 1 + 2 * Math.max(0, Math.sqrt((mueff - 1) / (n + 1)) - 1) + cs;
  const chiN = Math.sqrt(n) * (1 - 1 / (4 * n) + 1 / (21 * n * n));
  return { mu, weights, mueff, cc, cs, c1, cmu, damps, chiN };
}

export function initCma(mean: readonly number[], sigma: number, lambda: number | null, purpose: number): CmaState {
  const n = mean.length;
  return {
    n,
    lambda: lambda ?? defaultLambda(n),
    purpose,
    generation: 0,
    evaluations: 0,
    mean: [...mean],
    sigma,
    C: Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))),
    pc: new Array(n).fill(0),
    ps: new Array(n).fill(0),
    history: [],
    stop: null,
  };
}

/** B and D of C = B diag(D^2) B^T (D: the axis lengths), eigenvalues floored at a tiny positive number. */
function decompose(C: number[][]): { B: number[][]; D: number[] } {
  const { values, vectors } = symmetricEigen(C);
  return { B: vectors, D: values.map((v) => Math.sqrt(Math.max(v, 1e-300))) };
}

/** The candidates of the current generation: mean + sigma B (D z), z keyed normals. */
export function ask(st: CmaState, key: RandomKey): number[][] {
  const { B, D } = decompose(st.C);
  const n = st.n;
  const out: number[][] = [];
  for (let k = 0; k < st.lambda; k++) {
    const dz = Array.from({ length: n }, (_, i) => D[i] * normal(key, k * n + i, st.generation, st.purpose));
    out.push(st.mean.map((m, i) => m + st.sigma * B[i].reduce((a, b, j) => a + b * dz[j], 0)));
  }
  return out;
}

/** Update with the objective of each candidate of `ask` (same order); returns the new state. */
export function tell(st: CmaState, xs: readonly number[][], f: readonly number[], stops: CmaStops): CmaState {
  const n = st.n;
  const s = settings(n, st.lambda);
  const order = f.map((_, k) => k).sort((a, b) => f[a] - f[b] || a - b);
  const old = st.mean;
  const mean = Array.from({ length: n }, (_, i) => s.weights.reduce((a, w, r) => a + w * xs[order[r]][i], 0));
  const step = mean.map((m, i) => (m - old[i]) / st.sigma);
  const { B, D } = decompose(st.C);
  // C^(-1/2) step = B D^-1 B^T step
  const bt = Array.from({ length: n }, (_, j) => B.reduce((a, row, i) => a + row[j] * step[i], 0) / D[j]);
  const invSqrtStep = Array.from({ length: n }, (_, i) => B[i].reduce((a, b, j) => a + b * bt[j], 0));
  const ps = st.ps.map((p, i) => (1 - s.cs) * p + Math.sqrt(s.cs * (2 - s.cs) * s.mueff) * invSqrtStep[i]);
  const psNorm = Math.sqrt(ps.reduce((a, v) => a + v * v, 0));
  const g = st.generation + 1;
  const hsig = psNorm / Math.sqrt(1 - powInt(1 - s.cs, 2 * g)) / s.chiN < 1.4 + 2 / (n + 1) ? 1 : 0;
  const pc = st.pc.map((p, i) => (1 - s.cc) * p + hsig * Math.sqrt(s.cc * (2 - s.cc) * s.mueff) * step[i]);
  const ys = order.slice(0, s.mu).map((k) => xs[k].map((x, i) => (x - old[i]) / st.sigma));
  const keep = 1 - s.c1 - s.cmu + (1 - hsig) * s.c1 * s.cc * (2 - s.cc);
  const C = st.C.map((row, i) => row.map((c, j) => keep * c + s.c1 * pc[i] * pc[j] + s.cmu * ys.reduce((a, y, r) => a + s.weights[r] * y[i] * y[j], 0)));
  // keep C exactly symmetric
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) C[i][j] = C[j][i];
  const sigma = st.sigma * exp((s.cs / s.damps) * (psNorm / s.chiN - 1));
  const next: CmaState = {
    ...st,
    generation: g,
    evaluations: st.evaluations + xs.length,
    mean,
    sigma,
    C,
    pc,
    ps,
    history: [...st.history, f[order[0]]],
    stop: null,
  };
  next.stop = stopReason(next, f, stops);
  return next;
}

function powInt(b: number, e: number): number {
  let r = 1;
  for (let k = 0; k < e; k++) r *= b;
  return r;
}

function stopReason(st: CmaState, f: readonly number[], stops: CmaStops): string | null {
  const n = st.n;
  if (st.generation >= stops.max_generations) return `max_generations (${stops.max_generations})`;
  if (stops.max_evaluations !== null && st.evaluations + st.lambda > stops.max_evaluations) return `max_evaluations (${stops.max_evaluations})`;
  const span = 10 + Math.ceil((30 * n) / st.lambda);
  if (st.history.length >= span) {
    const recent = [...st.history.slice(-span), ...f];
    if (Math.max(...recent) - Math.min(...recent) < stops.tol_fun) return `tol_fun: the objective changed less than ${stops.tol_fun} over ${span} generations`;
  }
  const sd = st.C.map((row, i) => st.sigma * Math.sqrt(row[i]));
  if (Math.max(...sd) < stops.tol_x && Math.max(...st.pc.map((p) => st.sigma * Math.abs(p))) < stops.tol_x)
    return `tol_x: the search narrowed below ${stops.tol_x} of every range`;
  const { D } = decompose(st.C);
  const cond = (Math.max(...D) / Math.min(...D)) ** 2;
  if (cond > 1e14) return 'condition: the covariance matrix became ill-conditioned (a parameter has no effect or two are redundant)';
  return null;
}
