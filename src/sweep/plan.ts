// Why this file exists: expands a validated sweep into its numbered runs (design point x
// replicate, replicate fastest), each with its seed and varied values, and builds any run's
// scenario from the base. Every design point's scenario is validated up front, so a bad value
// is reported (naming the axis values and the scenario problem) before the first run starts.
import { paramSpec } from '../model/params';
import { unitSuffix } from '../model/unit-suffix';
import { MAX_PROBLEMS } from '../model/scenario-limits';
import { formatProblem, type Problem, type ResolvedScenario, resolveScenario, ScenarioError, setOverride } from '../model/scenario';
import { designPoints } from './design';
import { saltelliRole } from './saltelli';
import { runSeed } from './seeds';
import { type Scalar, SweepError, type SweepSpec } from './spec';

export interface PlannedRun {
  /** 0-based run index: point * replicates + replicate */
  run: number;
  point: number;
  replicate: number;
  seed: number;
  /** the varied values, one per axis */
  values: Scalar[];
}

export interface Plan {
  /** runs.csv column of each axis */
  columns: string[];
  runs: PlannedRun[];
  /** the base scenario (raw JSON) with sweep.set applied, before the axes */
  base: Record<string, unknown>;
}

/**
 * The column of a parameter in runs.csv and the fit tables: `name_unit` by the shared unit rule
 * (`ox_diffusion_um2_per_min`); a dimensionless parameter (unit `1`, `rel` or none) keeps its name.
 */
export function paramColumn(name: string, unit: string): string {
  return unit === '1' || unit === 'rel' || unit === '' ? name : `${name}_${unitSuffix(unit)}`;
}

/** The column name of an axis: its own name, or one derived from the path and the base scenario. */
export function axisColumn(path: string, base: Record<string, unknown>): string {
  const t = /^treatments\[(\d+)\]\.([A-Za-z_]+)$/.exec(path);
  const treatments = base.treatments;
  if (t && Array.isArray(treatments)) {
    const agent = (treatments[Number(t[1])] as Record<string, unknown> | undefined)?.agent;
    if (typeof agent === 'string') return `${agent.replace(/[^A-Za-z0-9]+/g, '_')}_${t[2]}`;
  }
  const p = /^params\.([A-Za-z0-9_]+)$/.exec(path);
  const spec = p ? paramSpec(p[1]) : undefined;
  if (spec) return paramColumn(spec.name, spec.unit);
  return path.replace(/\[(\d+)\]/g, '_$1').replace(/\./g, '_');
}

/** The raw base with sweep.set applied (a copy); throws SweepError for a path that cannot be set. */
export function baseWithSet(baseRaw: Record<string, unknown>, spec: SweepSpec): Record<string, unknown> {
  const raw = structuredClone(baseRaw);
  try {
    for (const [p, v] of Object.entries(spec.set)) setOverride(raw, p, JSON.parse(JSON.stringify(v)), 'sweep.set');
  } catch (e) {
    if (e instanceof ScenarioError) throw new SweepError(e.problems);
    throw e;
  }
  return raw;
}

/** The raw scenario of a run: the base (with set), the axis values, the run's seed and name. */
export function runRawScenario(plan: Plan, spec: SweepSpec, r: PlannedRun): Record<string, unknown> {
  return rawScenarioOfRun(plan.base, plan.runs.length, spec, r);
}

/** runRawScenario from the base alone (a pool worker has no plan, only the sweep's size). */
export function rawScenarioOfRun(
  base: Record<string, unknown>,
  totalRuns: number,
  spec: SweepSpec,
  r: Pick<PlannedRun, 'run' | 'seed' | 'values'>,
): Record<string, unknown> {
  const raw = structuredClone(base);
  for (let k = 0; k < spec.axes.length; k++) setOverride(raw, spec.axes[k].path, JSON.parse(JSON.stringify(r.values[k])), `sweep.axes[${k}]`);
  raw.seed = r.seed;
  raw.name = runName(spec.name, r.run, totalRuns);
  return raw;
}

export function runScenario(plan: Plan, spec: SweepSpec, r: PlannedRun, version: string): ResolvedScenario {
  return resolveScenario(runRawScenario(plan, spec, r), version);
}

/** A run's scenario name and its run_id in every file: "NAME-r00012". */
export function runName(sweepName: string, run: number, total: number): string {
  return `${sweepName}-${runLabel(run, total)}`;
}

/** "r00012": the run's folder and label, zero-padded to the sweep's size (at least 5 digits). */
export function runLabel(run: number, total: number): string {
  const width = Math.max(5, String(Math.max(0, total - 1)).length);
  return `r${String(run).padStart(width, '0')}`;
}

/**
 * A run's seed: its own (runSeed of its index), except in a saltelli design, where the k + 2 runs of
 * a base point share the seed of the base point (common random numbers: within a base point only
 * the parameters differ, so the indices measure the parameters, not the cells' noise; the noise
 * still varies between base points and counts in the variance).
 */
export function seedOfRun(spec: SweepSpec, run: number, point: number): number {
  return spec.design === 'saltelli' ? runSeed(spec.seed, saltelliRole(point, spec.axes.length).base) : runSeed(spec.seed, run);
}

/** Expand the sweep into runs and validate every design point's scenario (throws SweepError). */
export function planSweep(spec: SweepSpec, baseRaw: Record<string, unknown>, version: string): Plan {
  const base = baseWithSet(baseRaw, spec);
  const columns = spec.axes.map((a) => a.name ?? axisColumn(a.path, base));
  const problems: Problem[] = [];
  const fixed = ['run', 'point', 'replicate', 'seed', 'status', 'error'];
  columns.forEach((c, i) => {
    const j = columns.indexOf(c);
    if (j !== i) problems.push({ path: `sweep.axes[${i}].name`, value: c, message: `same column name as sweep.axes[${j}]: give one of them a "name"` });
    if (fixed.includes(c))
      problems.push({ path: `sweep.axes[${i}].name`, value: c, message: `reserved column name (${fixed.join(', ')}): give the axis another "name"` });
  });
  // "all-params" varies each parameter around the registry's default: one the base sets would be lost
  const baseParams = base.params;
  if (spec.all_params && typeof baseParams === 'object' && baseParams !== null)
    spec.axes.forEach((a, i) => {
      const name = a.path.slice('params.'.length);
      if (a.path.startsWith('params.') && Object.hasOwn(baseParams, name))
        problems.push({
          path: `sweep.axes[${i}]`,
          value: a.path,
          message: `the base scenario sets ${a.path} = ${JSON.stringify((baseParams as Record<string, unknown>)[name])}, which "all-params" would vary around the registry's default instead: fix it in sweep.set, or leave it out with sweep.exclude`,
        });
    });
  if (problems.length) throw new SweepError(problems);

  const points = designPoints(spec);
  const runs: PlannedRun[] = [];
  for (let p = 0; p < points.length; p++) {
    for (let k = 0; k < spec.replicates; k++) {
      const run = p * spec.replicates + k;
      runs.push({ run, point: p, replicate: k, seed: seedOfRun(spec, run, p), values: points[p] });
    }
  }
  const plan: Plan = { columns, runs, base };

  // validate each design point once (replicates differ only by seed), grouping repeats
  const seen = new Map<string, { point: number; values: Record<string, Scalar>; more: number }>();
  for (let p = 0; p < points.length; p++) {
    const r = runs[p * spec.replicates];
    try {
      runScenario(plan, spec, r, version);
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      for (const pr of e.problems) {
        const key = formatProblem(pr);
        const s = seen.get(key);
        if (s) s.more++;
        else seen.set(key, { point: p, values: Object.fromEntries(columns.map((c, k) => [c, points[p][k]])), more: 0 });
      }
    }
  }
  let omitted = 0;
  for (const [text, s] of seen) {
    if (problems.length >= MAX_PROBLEMS) {
      omitted++;
      continue;
    }
    problems.push({
      path: `design point ${s.point}`,
      value: s.values,
      message: `${text}${s.more ? ` (and ${s.more} more design point${s.more > 1 ? 's' : ''})` : ''}`,
    });
  }
  if (problems.length) throw new SweepError(problems, omitted);
  return plan;
}
