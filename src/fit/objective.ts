// Why this file exists: how well one candidate parameter vector explains the data: each point's
// model value (mean over replicates), residual (model - data) and standardised residual
// ((model - data) / SD), the weighted least-squares objective (sum of weight x standardised
// residual^2: chi-square when the weights are 1; a bound (ge / le) only by how far the model is on
// its wrong side), the tolerance rule's pass or fail per point,
// and the RMS errors a reader compares with the data's scale.
import { FAILED_RESIDUAL_SD, type ModelValue, modelValue, type RunOutcome } from './observables';
import type { FitPlan, PlannedPoint } from './plan';

export interface PointResult {
  model: number;
  note: string | null;
  failed: boolean;
  residual: number;
  std_residual: number;
  /** |model - data| allowed by the tolerance rule */
  allowed: number;
  pass: boolean;
}

export interface Score {
  objective: number;
  /** points whose runs failed */
  failed: number;
  /** points within tolerance */
  pass: number;
  points: PointResult[];
}

/** The model value of a point: the mean over its replicates (a note from the first that has one). */
export function pointModel(p: PlannedPoint, plan: FitPlan, outcomes: readonly RunOutcome[]): ModelValue {
  let sum = 0;
  let note: string | null = null;
  let failed = false;
  p.treated.forEach((c, r) => {
    const cond = plan.conditions[c];
    const ctrl = p.control.length ? plan.conditions[p.control[r]] : null;
    const k = p.t_min === null ? 0 : cond.times_min.indexOf(p.t_min);
    const kc = p.t_min === null || !ctrl ? 0 : ctrl.times_min.indexOf(p.t_min);
    const v = modelValue(p.observable, outcomes[c], ctrl ? outcomes[ctrl.index] : null, k, kc);
    sum += v.value;
    note ??= v.note;
    failed ||= v.failed;
  });
  return { value: sum / p.treated.length, note, failed };
}

/** Score a candidate from the outcomes of its runs (indexed by condition). */
export function scoreCandidate(plan: FitPlan, outcomes: readonly RunOutcome[]): Score {
  let objective = 0;
  let failed = 0;
  let pass = 0;
  const points = plan.points.map((p) => {
    const m = pointModel(p, plan, outcomes);
    // (every observable is finite by construction; a NaN would poison the optimiser, so it counts as a failure)
    if (!Number.isFinite(m.value)) Object.assign(m, { value: 0, failed: true, note: `not a finite number (${m.value}): ${m.note ?? 'no note'}` });
    // a bound counts only by how far the model falls on its wrong side
    const diff = m.value - p.value;
    const residual = p.relation === 'ge' ? Math.min(0, diff) : p.relation === 'le' ? Math.max(0, diff) : diff;
    const std = m.failed ? FAILED_RESIDUAL_SD : residual / p.sd;
    const allowed = Math.max(p.tolerance.sd * p.sd, p.tolerance.abs);
    const ok = !m.failed && Math.abs(residual) <= allowed;
    objective += p.weight * std * std;
    if (m.failed) failed++;
    if (ok) pass++;
    return { model: m.value, note: m.note, failed: m.failed, residual, std_residual: std, allowed, pass: ok };
  });
  return { objective, failed, pass, points };
}

/** RMS of model - data over the informative points of each observable, and of the standardised residuals. */
export function rmsErrors(plan: FitPlan, s: Score): { by_observable: Record<string, { rms: number; n: number }>; std_rms: number } {
  const acc: Record<string, { sum: number; n: number }> = {};
  let ss = 0;
  let n = 0;
  plan.points.forEach((p, i) => {
    if (p.fixed) return;
    acc[p.observable] ??= { sum: 0, n: 0 };
    const a = acc[p.observable];
    a.sum += s.points[i].residual ** 2;
    a.n++;
    ss += s.points[i].std_residual ** 2;
    n++;
  });
  const by: Record<string, { rms: number; n: number }> = {};
  for (const [k, a] of Object.entries(acc)) by[k] = { rms: Math.sqrt(a.sum / a.n), n: a.n };
  return { by_observable: by, std_rms: n ? Math.sqrt(ss / n) : 0 };
}
