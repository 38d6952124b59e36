// Why this file exists: turns the data points into the runs a candidate parameter vector needs.
// A condition is one scenario (a data file's scenario with its `set`) with one treatment (the
// row's agent and dose, added by the file's treatment template) or none (the untreated control,
// which dose-0 rows and ratios to control share), one per replicate. Rows that need the same run
// share it, so each candidate costs one run per distinct condition. Also builds each condition's
// scenario at given parameter values, and checks every one up front (a problem names the rows).
import { AGENTS, type AgentId } from '../model/agents';
import { formatProblem, setOverride, type Problem, type ResolvedScenario, resolveScenario, ScenarioError } from '../model/scenario';
import type { DataPoint } from './data';
import { OBSERVABLE_INFO } from './observables';
import { runSeedOf } from './seeds';
import type { FitSpec, TreatmentTemplate } from './spec';

/** A data file's scenario with its `set` applied (raw JSON, validated), shared by data files that name the same. */
export interface Base {
  raw: Record<string, unknown>;
  seed: number;
  duration_min: number;
  /** data files using it */
  data: number[];
}

export interface Condition {
  index: number;
  base: number;
  /** null: the untreated control */
  agent: AgentId | null;
  dose: number;
  template: TreatmentTemplate | null;
  replicate: number;
  seed: number;
  /** the times the points using this run read it at, min, ascending */
  times_min: number[];
  label: string;
}

export interface PlannedPoint extends DataPoint {
  index: number;
  /** the run of each replicate, and its control's (empty when the observable needs none) */
  treated: number[];
  control: number[];
  /** plot group: data file, agent, observable, time */
  group: string;
  /** the model value is fixed by construction (a ratio to control at dose 0): no information */
  fixed: boolean;
}

export interface FitPlan {
  bases: Base[];
  conditions: Condition[];
  points: PlannedPoint[];
}

/** The dose key of a treatment of `agent` in a scenario: uM for drugs, dose for the light pulse. */
export const doseKey = (agent: AgentId) => (AGENTS[agent].dose_key === 'dose' ? 'dose' : 'uM');

/**
 * Plan the runs. `bases[i]` is data file i's scenario (raw, with its set applied) and its resolved
 * seed and duration.
 */
export function planFit(
  spec: FitSpec,
  points: readonly DataPoint[],
  bases: ReadonlyArray<{ raw: Record<string, unknown>; seed: number; duration_min: number }>,
): FitPlan {
  const plan: FitPlan = { bases: [], conditions: [], points: [] };
  const baseOf: number[] = [];
  const byText = new Map<string, number>();
  bases.forEach((b, i) => {
    const text = JSON.stringify(b.raw);
    let k = byText.get(text);
    if (k === undefined) {
      k = plan.bases.length;
      byText.set(text, k);
      plan.bases.push({ raw: b.raw, seed: b.seed, duration_min: b.duration_min, data: [] });
    }
    plan.bases[k].data.push(i);
    baseOf.push(k);
  });
  const byKey = new Map<string, number>();
  const condition = (base: number, agent: AgentId | null, dose: number, template: TreatmentTemplate | null, replicate: number): number => {
    const treated = agent !== null && dose > 0;
    const key = JSON.stringify([base, treated ? agent : null, treated ? dose : 0, treated ? template : null, replicate]);
    let k = byKey.get(key);
    if (k === undefined) {
      k = plan.conditions.length;
      byKey.set(key, k);
      const b = plan.bases[base];
      const name = typeof b.raw.name === 'string' ? b.raw.name : `scenario ${base}`;
      plan.conditions.push({
        index: k,
        base,
        agent: treated ? agent : null,
        dose: treated ? dose : 0,
        template: treated ? template : null,
        replicate,
        seed: runSeedOf(b.seed, replicate),
        times_min: [],
        label: `${name}${treated ? ` + ${agent} ${dose} ${AGENTS[agent as AgentId].unit}` : ' untreated'}${spec.replicates > 1 ? ` (replicate ${replicate})` : ''}`,
      });
    }
    return k;
  };
  const addTime = (k: number, t: number | null) => {
    const c = plan.conditions[k];
    if (t !== null && !c.times_min.includes(t)) c.times_min.push(t);
  };
  points.forEach((p, index) => {
    const base = baseOf[p.data];
    const info = OBSERVABLE_INFO[p.observable];
    const treated: number[] = [];
    const control: number[] = [];
    for (let r = 0; r < spec.replicates; r++) {
      treated.push(condition(base, p.agent, p.dose, spec.data[p.data].treatment, r));
      addTime(treated[r], p.t_min);
      if (info.control) {
        control.push(condition(base, null, 0, null, r));
        addTime(control[r], p.t_min);
      }
    }
    plan.points.push({
      ...p,
      index,
      treated,
      control,
      group: JSON.stringify([p.data, p.agent, p.observable, p.t_min]),
      fixed: info.control && p.dose === 0,
    });
  });
  for (const c of plan.conditions) c.times_min.sort((a, b) => a - b);
  return plan;
}

/** The raw scenario of condition `c` with the fitted parameters `params` (by name). */
export function rawScenarioOf(plan: FitPlan, c: Condition, params: Readonly<Record<string, number>>, fitName: string): Record<string, unknown> {
  const raw = structuredClone(plan.bases[c.base].raw);
  if (c.agent !== null) {
    const t: Record<string, unknown> = { agent: c.agent, [doseKey(c.agent)]: c.dose, start_min: c.template?.start_min ?? 0 };
    if (c.template?.end_min !== null && c.template?.end_min !== undefined) t.end_min = c.template.end_min;
    if (c.template?.region) t.region = structuredClone(c.template.region);
    const list = Array.isArray(raw.treatments) ? raw.treatments : [];
    raw.treatments = [...list, t];
  }
  raw.params = { ...((raw.params as Record<string, number> | undefined) ?? {}), ...params };
  raw.seed = c.seed;
  raw.name = `${fitName}-c${c.index}`;
  return raw;
}

export function scenarioOf(plan: FitPlan, c: Condition, params: Readonly<Record<string, number>>, fitName: string, version: string): ResolvedScenario {
  return resolveScenario(rawScenarioOf(plan, c, params, fitName), version);
}

/**
 * Every condition's scenario at `params`, validated; each problem names the data rows that need
 * that run (`rowLabel` of a point). Also checks that timed points fall within their run.
 */
export function checkPlan(
  plan: FitPlan,
  params: Readonly<Record<string, number>>,
  fitName: string,
  version: string,
  rowLabel: (p: PlannedPoint) => string,
): Problem[] {
  const problems: Problem[] = [];
  for (const c of plan.conditions) {
    try {
      scenarioOf(plan, c, params, fitName, version);
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      const users = plan.points.filter((p) => p.treated.includes(c.index) || p.control.includes(c.index));
      const rows = users.slice(0, 3).map(rowLabel).join('; ') + (users.length > 3 ? ` and ${users.length - 3} more` : '');
      for (const q of e.problems) problems.push({ path: rows, value: q.value, message: `the run ${c.label} is not a valid scenario: ${formatProblem(q)}` });
    }
  }
  for (const p of plan.points) {
    const d = plan.bases[plan.conditions[p.treated[0]].base].duration_min;
    if (p.t_min !== null && p.t_min > d) problems.push({ path: rowLabel(p), value: p.t_min, message: `after the end of its scenario (duration_min ${d})` });
  }
  return problems;
}

/** Apply data file `index`'s `set` ({ path: value }) to a raw scenario, as `--set path=value` does. */
export function applySet(raw: Record<string, unknown>, set: Readonly<Record<string, unknown>>, index: number): void {
  for (const [path, value] of Object.entries(set)) setOverride(raw, path, value, `fit.data[${index}].set`);
}

/** Points that carry information: all but the ratios to control at dose 0 (fixed by construction). */
export const informativePoints = (plan: FitPlan) => plan.points.filter((p) => !p.fixed).length;
