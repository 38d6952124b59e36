// Why this file exists: what the profile likelihood says about each fitted parameter. A profile is
// the lowest objective found with that parameter held at each point (a grid across its bounds,
// then points placed where the interval ends, see driver.ts), the others re-optimised; its
// confidence interval is where the profile stays within a threshold of the best objective (the
// chi-square quantile with 1 degree of freedom, widened by the reduced chi-square when the fit is
// worse than the data's SDs explain). Between two profile points the end is found on the square
// root of the objective's rise, which is linear in the parameter where the profile is quadratic.
// A profile that stays within the threshold to a bound leaves the parameter unbounded on that
// side: practically unidentifiable from these data (Raue et al., Bioinformatics 25:1923, 2009).
import type { Best, FitState } from './driver';
import { type FitSpec, LEVELS, type ParamFit } from './spec';
import { fromUnit } from './transform';

export interface ProfilePoint {
  /** the held parameter's unit coordinate and value */
  u: number;
  value: number;
  objective: number;
}

export interface ParamUncertainty {
  name: string;
  best: number;
  /** the interval's ends (values); null when the profile never rises above the threshold on that side */
  lower: number | null;
  upper: number | null;
  verdict: 'identifiable' | 'bounded above only' | 'bounded below only' | 'practically unidentifiable' | 'not profiled';
  note: string;
  profile: ProfilePoint[];
}

export interface UncertaintySummary {
  method: 'profile' | 'none';
  level: number;
  /** degrees of freedom: informative points - fitted parameters */
  dof: number;
  reduced_chi2: number;
  /** threshold above the best objective: chi-square quantile x scale */
  threshold: number;
  scale: number;
  params: ParamUncertainty[];
}

/** The threshold above the best objective, from the level, the degrees of freedom and the fit's quality. */
export function threshold(spec: FitSpec, bestObjective: number, informative: number): { dof: number; reduced: number; scale: number; threshold: number } {
  const dof = Math.max(1, informative - spec.parameters.length);
  const reduced = bestObjective / dof;
  const scale = spec.uncertainty.scale_by_reduced_chi2 ? Math.max(1, reduced) : 1;
  return { dof, reduced, scale, threshold: LEVELS[String(spec.uncertainty.level)] * scale };
}

/** Parameter j's profile: every profile point found for it and the best, by unit coordinate (one per coordinate: the lowest). */
export function profileOf(state: FitState, spec: FitSpec, j: number, best: Best): ProfilePoint[] {
  const p = spec.parameters[j];
  const all: ProfilePoint[] = (state.profile ?? [])
    .filter((r) => r.param === j && r.objective !== null)
    .map((r) => ({ u: r.u, value: fromUnit(p, r.u), objective: r.objective as number }));
  all.push({ u: best.u[j], value: best.values[j], objective: best.objective });
  all.sort((a, b) => a.u - b.u || a.objective - b.objective);
  return all.filter((q, k) => k === 0 || q.u !== all[k - 1].u);
}

/** Where the profile leaves the threshold on one side: the end (value, unit coordinate) and the two points around it. */
export interface Crossing {
  u: number;
  value: number;
  inside: ProfilePoint;
  outside: ProfilePoint;
}

/** The interval's ends on a profile (null: within the threshold up to the bound), and the indices of its points. */
export function crossings(
  pts: readonly ProfilePoint[],
  p: ParamFit,
  best: Best,
  j: number,
  above: number,
): { lower: Crossing | null; upper: Crossing | null; lo: number; hi: number } {
  const i0 = Math.max(
    0,
    pts.findIndex((q) => q.u === best.u[j]),
  );
  const rise = (q: ProfilePoint) => Math.sqrt(Math.max(0, q.objective - best.objective));
  const cross = (inside: ProfilePoint, outside: ProfilePoint): Crossing => {
    const a = rise(inside);
    const b = rise(outside);
    const w = b > a ? (Math.sqrt(above) - a) / (b - a) : 0.5;
    const u = inside.u + Math.min(1, Math.max(0, w)) * (outside.u - inside.u);
    return { u, value: fromUnit(p, u), inside, outside };
  };
  const T = best.objective + above;
  let lower: Crossing | null = null;
  let lo = 0;
  for (let k = i0 - 1; k >= 0; k--)
    if (pts[k].objective > T) {
      lower = cross(pts[k + 1], pts[k]);
      lo = k + 1;
      break;
    }
  let upper: Crossing | null = null;
  let hi = pts.length - 1;
  for (let k = i0 + 1; k < pts.length; k++)
    if (pts[k].objective > T) {
      upper = cross(pts[k - 1], pts[k]);
      hi = k - 1;
      break;
    }
  return { lower, upper, lo, hi };
}

export function summariseUncertainty(state: FitState, spec: FitSpec, informative: number): UncertaintySummary {
  const best = state.best;
  const t = threshold(spec, best ? best.objective : Number.NaN, informative);
  const params = spec.parameters.map((p, j): ParamUncertainty => {
    if (!state.profile || !best)
      return {
        name: p.name,
        best: best ? best.values[j] : Number.NaN,
        lower: null,
        upper: null,
        verdict: 'not profiled',
        note: 'no profile (uncertainty method "none")',
        profile: [],
      };
    const pts = profileOf(state, spec, j, best);
    const c = crossings(pts, p, best, j, t.threshold);
    const lower = c.lower ? c.lower.value : null;
    const upper = c.upper ? c.upper.value : null;
    const verdict: ParamUncertainty['verdict'] =
      lower !== null && upper !== null
        ? 'identifiable'
        : lower === null && upper === null
          ? 'practically unidentifiable'
          : lower === null
            ? 'bounded above only'
            : 'bounded below only';
    const notes: string[] = [];
    if (verdict === 'practically unidentifiable')
      notes.push(
        `the profile stays within ${fmt(t.threshold)} of the best objective across the whole range ${p.lower}-${p.upper}: these data do not determine it`,
      );
    else if (lower === null) notes.push(`the profile stays within the threshold down to the lower bound ${p.lower}`);
    else if (upper === null) notes.push(`the profile stays within the threshold up to the upper bound ${p.upper}`);
    const again = pts.filter((q, k) => (k < c.lo || k > c.hi) && q.objective <= best.objective + t.threshold);
    if (again.length) notes.push(`the profile dips within the threshold again at ${again.map((q) => fmt(q.value)).join(', ')}: another region fits as well`);
    return { name: p.name, best: best.values[j], lower, upper, verdict, note: notes.join('; '), profile: pts };
  });
  return {
    method: spec.uncertainty.method,
    level: spec.uncertainty.level,
    dof: t.dof,
    reduced_chi2: t.reduced,
    threshold: t.threshold,
    scale: t.scale,
    params,
  };
}

const fmt = (v: number) => (Number.isFinite(v) ? String(Number(v.toPrecision(4))) : String(v));
