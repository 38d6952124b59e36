// Why this file exists: turns a sweep's axes into its design points: a full grid (first axis
// slowest), a Latin hypercube (one point per stratum on every axis, strata permuted and jittered
// by draws from the master seed), a digitally shifted Sobol sequence, or Saltelli's scheme for
// Sobol indices (saltelli.ts: matrices A, B and AB_i per base point). Values are rounded to 12
// significant digits so that 0.1 * 3 prints as 0.3 in every file. Pure and deterministic.
import { saltelliBaseDesign, saltelliRows } from './saltelli';
import { designKey, designUniform } from './seeds';
import { sobolPoints } from './sobol';
import type { Axis, Scalar, SweepSpec } from './spec';

/** Round to 12 significant digits (and -0 to 0). */
export function tidy(x: number): number {
  const r = Number(x.toPrecision(12));
  return r === 0 ? 0 : r;
}

/** The value at u in [0, 1] along a range axis (linear or log), rounded as the axis asks. */
export function valueAt(a: Axis, u: number): number {
  const from = a.from!,
    to = a.to!;
  const x = a.scale === 'log' ? Math.exp(Math.log(from) + u * (Math.log(to) - Math.log(from))) : from + u * (to - from);
  return a.integer ? Math.round(x) : tidy(x);
}

/** The values of one grid axis. */
export function gridValues(a: Axis): Scalar[] {
  if (a.values) return [...a.values];
  const n = a.n!;
  const out: Scalar[] = [];
  for (let k = 0; k < n; k++) out.push(valueAt(a, n === 1 ? 0 : k / (n - 1)));
  return out;
}

/** A choice among `values` (space-filling designs) or a value along the range, for u in [0, 1). */
function pick(a: Axis, u: number): Scalar {
  if (a.values) return a.values[Math.min(a.values.length - 1, Math.floor(u * a.values.length))];
  return valueAt(a, u);
}

/** Unit-cube coordinates of a Latin hypercube: n points, each axis split into n strata. */
export function latinHypercube(n: number, dims: number, master: number): number[][] {
  const key = designKey(master);
  const pts: number[][] = Array.from({ length: n }, () => new Array<number>(dims).fill(0));
  for (let d = 0; d < dims; d++) {
    const perm: number[] = [];
    for (let i = 0; i < n; i++) perm.push(i);
    // Fisher-Yates with keyed draws
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(designUniform(key, 'lhsPerm', d, i) * (i + 1));
      const t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    for (let i = 0; i < n; i++) pts[i][d] = (perm[i] + designUniform(key, 'lhsJitter', d, i)) / n;
  }
  return pts;
}

/** Unit-cube coordinates of a Sobol design with a digital shift drawn from the master seed. */
export function shiftedSobol(n: number, dims: number, master: number): number[][] {
  const key = designKey(master);
  const shift: number[] = [];
  for (let d = 0; d < dims; d++) shift.push(Math.floor(designUniform(key, 'sobolShift', d, 0) * 2 ** 32));
  return sobolPoints(n, dims, shift);
}

/** Unit-cube coordinates of Saltelli's scheme (saltelli.ts), N x (k + 2) rows, from a base design of 2k dimensions drawn from the master seed. */
export function saltelliUnit(n: number, k: number, master: number): number[][] {
  const base = saltelliBaseDesign(k) === 'sobol' ? shiftedSobol(n, 2 * k, master) : latinHypercube(n, 2 * k, master);
  return saltelliRows(base, k);
}

/** Every design point: one value per axis, in the order of spec.axes. */
export function designPoints(spec: SweepSpec): Scalar[][] {
  const { axes } = spec;
  if (spec.design === 'grid') {
    const lists = axes.map(gridValues);
    let pts: Scalar[][] = [[]];
    for (const list of lists) {
      const next: Scalar[][] = [];
      for (const p of pts) for (const v of list) next.push([...p, v]);
      pts = next;
    }
    return pts;
  }
  const n = spec.points!;
  const unit =
    spec.design === 'saltelli'
      ? saltelliUnit(n, axes.length, spec.seed)
      : spec.design === 'sobol'
        ? shiftedSobol(n, axes.length, spec.seed)
        : latinHypercube(n, axes.length, spec.seed);
  return unit.map((u) => axes.map((a, d) => pick(a, u[d])));
}
