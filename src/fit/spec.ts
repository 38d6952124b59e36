// Why this file exists: fit files are data, validated before anything runs, like scenarios and
// sweeps: one message per problem naming the JSON path, the value and what is allowed. This is
// their schema (data files and how their rows become runs, the parameters to fit with bounds and
// scale, the objective and tolerance, the optimiser's budget, the uncertainty analysis) and its
// checker. The data rows themselves are checked by data.ts, the runs' scenarios by the model.
import { paramSpec, PARAMS } from '../model/params';
import { isObj, type Problem, ProblemsError } from '../model/scenario';
import { MAX_PROBLEMS } from '../model/scenario-limits';
import { parseSetPath } from '../model/set-path';
import { OBSERVABLES, type Observable } from './observables';

/** How the data file's columns are named (defaults: agent, uM, value, sd, observable, t_min). */
export interface DataColumns {
  agent: string;
  dose_uM: string;
  value: string;
  sd: string;
  /** when set, the SD column is relative to this column: sd(value) = value x sd / column (e.g. a ratio's SD from the speed's) */
  sd_relative_to: string | null;
  observable: string;
  t_min: string;
}

/** The treatment a data row adds to its scenario: { agent, uM (or dose), start_min, end_min, region }. */
export interface TreatmentTemplate {
  start_min: number;
  end_min: number | null;
  region: Record<string, unknown> | null;
}

/** Pass when |model - data| <= max(sd x SD, abs) ("within 2 SD or 0.08, whichever is wider"). */
export interface Tolerance {
  sd: number;
  abs: number;
}

export interface DataSpec {
  /** a CSV file, relative to the fit file */
  file: string;
  /** a preset name or a scenario .json file (relative to the fit file) */
  scenario: string;
  /** overrides applied to the scenario first, as { "path": value } (any scenario path, as with --set) */
  set: Record<string, unknown>;
  treatment: TreatmentTemplate;
  /** every row's observable (null: read from the observable column) */
  observable: Observable | null;
  /** every row's time for the timed observables (null: from the t_min column) */
  t_min: number | null;
  /** every row's SD in the observable's unit (null: from the sd column) */
  sd: number | null;
  columns: DataColumns;
  weight: number;
  /** overrides the fit's tolerance for this file's points */
  tolerance: Tolerance | null;
  /** agents whose rows are left out (reported), e.g. agents the model does not have yet */
  skip_agents: string[];
  /**
   * how the model must relate to each row's value: 'eq' (a measurement: residual model - value),
   * 'ge' or 'le' (a bound, e.g. what is known qualitatively beyond the measured doses: the
   * residual is the amount by which the model falls short of it, 0 when the bound holds)
   */
  relation: Relation;
}

export const RELATIONS = ['eq', 'ge', 'le'] as const;
export type Relation = (typeof RELATIONS)[number];

export interface ParamFit {
  /** params.<name> */
  path: string;
  /** the parameter's name (the column of evaluations.csv) */
  name: string;
  lower: number;
  upper: number;
  scale: 'linear' | 'log';
  /** where the optimiser starts (null: the first data file's scenario value, or the middle of the bounds) */
  start: number | null;
}

export interface OptimiserSpec {
  method: 'cma-es';
  /** candidates per generation (null: 4 + floor(3 ln n)) */
  population: number | null;
  /** initial step size, as a fraction of each parameter's range (in its scale) */
  sigma0: number;
  max_generations: number;
  /** most candidate parameter vectors evaluated (null: no limit but max_generations) */
  max_evaluations: number | null;
  /** stop when the objective's range over recent generations is below this */
  tol_fun: number;
  /** stop when the search distribution is narrower than this fraction of each range */
  tol_x: number;
}

export const LEVELS: Record<string, number> = { '0.68': 0.989, '0.9': 2.706, '0.95': 3.841, '0.99': 6.635 };

export interface UncertaintySpec {
  /** profile likelihood (the other parameters re-optimised along a grid of each), or none */
  method: 'profile' | 'none';
  /** grid points across each parameter's bounds (ends included) */
  points: number;
  /** CMA-ES generations re-optimising the other parameters at each grid point */
  max_generations: number;
  /** rounds placing new profile points where the interval's ends are estimated to be */
  refine: number;
  sigma0: number;
  /** confidence level: 0.68, 0.9, 0.95 or 0.99 (threshold: the chi-square quantile with 1 degree of freedom) */
  level: number;
  /** widen the threshold by the reduced chi-square when the fit is worse than the SDs explain */
  scale_by_reduced_chi2: boolean;
}

export interface FitSpec {
  name: string;
  description: string;
  /** the optimiser's seed (its draws); the runs keep their scenarios' seeds */
  seed: number;
  data: DataSpec[];
  parameters: ParamFit[];
  objective: 'weighted_least_squares';
  tolerance: Tolerance;
  /** runs per condition, replicate k > 0 with its own seed; the model value is their mean */
  replicates: number;
  optimiser: OptimiserSpec;
  uncertainty: UncertaintySpec;
}

export class FitError extends ProblemsError {
  override name = 'FitError';
}

/** A FitError listing the first MAX_PROBLEMS of `problems` (a data file may have thousands of bad rows). */
export function fitError(problems: readonly Problem[]): FitError {
  return new FitError(problems.slice(0, MAX_PROBLEMS), Math.max(0, problems.length - MAX_PROBLEMS));
}

const TOP_KEYS = ['name', 'description', 'seed', 'data', 'parameters', 'objective', 'tolerance', 'replicates', 'optimiser', 'uncertainty'];
const DATA_KEYS = ['file', 'scenario', 'set', 'treatment', 'observable', 't_min', 'sd', 'columns', 'weight', 'tolerance', 'skip_agents', 'relation'];
const COLUMN_KEYS = ['agent', 'dose_uM', 'value', 'sd', 'sd_relative_to', 'observable', 't_min'];
const PARAM_KEYS = ['path', 'lower', 'upper', 'scale', 'start'];
const OPT_KEYS = ['method', 'population', 'sigma0', 'max_generations', 'max_evaluations', 'tol_fun', 'tol_x'];
const UNC_KEYS = ['method', 'points', 'max_generations', 'refine', 'sigma0', 'level', 'scale_by_reduced_chi2'];
/** At most this many fitted parameters (CMA-ES with the default population stays cheap up to here). */
export const MAX_PARAMS = 20;

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

type Bad = (path: string, value: unknown, message: string) => void;

/** Unknown keys of `obj` as problems. */
function keys(obj: Record<string, unknown>, path: string, allowed: readonly string[], bad: Bad): void {
  for (const k of Object.keys(obj)) if (!allowed.includes(k)) bad(`${path}.${k}`, obj[k], `unknown key; allowed keys here: ${allowed.join(', ')}`);
}

/** A number at obj[key] within limits, or the default when absent (def undefined: required). */
function num(
  obj: Record<string, unknown>,
  key: string,
  path: string,
  bad: Bad,
  o: { def?: number | null; min?: number; gt?: number; max?: number; int?: boolean; what: string },
): number {
  const v = obj[key];
  if (v === undefined && o.def !== undefined) return o.def as number;
  const limits = [
    o.int ? 'an integer' : 'a number',
    o.gt !== undefined ? `> ${o.gt}` : o.min !== undefined ? `>= ${o.min}` : '',
    o.max !== undefined ? `<= ${o.max}` : '',
  ]
    .filter(Boolean)
    .join(' and ')
    .replace(/^(an integer|a number) and /, '$1 ');
  if (
    !isNum(v) ||
    (o.int && !Number.isInteger(v)) ||
    (o.min !== undefined && v < o.min) ||
    (o.gt !== undefined && v <= o.gt) ||
    (o.max !== undefined && v > o.max)
  ) {
    bad(`${path}.${key}`, v, `${v === undefined ? 'required: ' : 'must be '}${limits} (${o.what})`);
    return Number.NaN;
  }
  return v;
}

/** Validate parsed fit JSON; throws FitError listing every problem. */
export function validateFit(raw: unknown): FitSpec {
  const problems: Problem[] = [];
  const bad: Bad = (path, value, message) => problems.push({ path, value, message });
  if (!isObj(raw)) throw new FitError([{ path: 'fit', value: raw, message: 'must be a JSON object with "data" and "parameters" (see README "Fitting")' }]);
  keys(raw, 'fit', TOP_KEYS, bad);
  const str = (k: 'name' | 'description', def: string): string => {
    if (raw[k] === undefined) return def;
    if (typeof raw[k] !== 'string') bad(`fit.${k}`, raw[k], 'must be a string');
    // (never String() of a value: a list nested thousands deep overflows the stack)
    return typeof raw[k] === 'string' ? raw[k] : def;
  };
  const name = str('name', 'fit');
  if (!/^[A-Za-z0-9_.-]+$/.test(name)) bad('fit.name', name, 'letters, digits, "_", "." and "-" only (it names files)');
  const description = str('description', '');
  const seed = num(raw, 'seed', 'fit', bad, { def: 0, min: 0, max: 2 ** 32 - 1, int: true, what: "the optimiser's seed" });
  const replicates = num(raw, 'replicates', 'fit', bad, { def: 1, min: 1, max: 100, int: true, what: 'runs per condition, each with its own seed' });
  if (raw.objective !== undefined && raw.objective !== 'weighted_least_squares')
    bad('fit.objective', raw.objective, 'allowed: weighted_least_squares (sum over points of weight x ((model - data) / sd)^2)');
  const tolerance = checkTolerance(raw.tolerance, 'fit.tolerance', bad) ?? { sd: 2, abs: 0 };

  const data: DataSpec[] = [];
  if (!Array.isArray(raw.data) || raw.data.length === 0)
    bad(
      'fit.data',
      raw.data,
      'required: a non-empty list of data files like { "file": "data.csv", "scenario": "primed-light-pulse", "observable": "wave_speed_ratio" }',
    );
  else
    raw.data.forEach((d, i) => {
      const r = checkData(d, `fit.data[${i}]`, bad);
      if (r) data.push(r);
    });

  const parameters: ParamFit[] = [];
  if (!Array.isArray(raw.parameters) || raw.parameters.length === 0 || raw.parameters.length > MAX_PARAMS)
    bad(
      'fit.parameters',
      raw.parameters,
      `required: a list of 1 to ${MAX_PARAMS} parameters like { "path": "params.feedback_iron_share", "lower": 0.1, "upper": 0.9, "scale": "log" }`,
    );
  else
    raw.parameters.forEach((p, i) => {
      const r = checkParam(p, `fit.parameters[${i}]`, bad);
      if (!r) return;
      const again = parameters.findIndex((q) => q.path === r.path);
      if (again >= 0) bad(`fit.parameters[${i}].path`, r.path, `already fitted by fit.parameters[${again}]`);
      parameters.push(r);
    });
  for (const p of parameters)
    data.forEach((d, i) => {
      if (p.path in d.set) bad(`fit.data[${i}].set["${p.path}"]`, d.set[p.path], 'is a fitted parameter: fit it or fix it, not both');
    });

  const optimiser = checkOptimiser(raw.optimiser, bad);
  const uncertainty = checkUncertainty(raw.uncertainty, bad);
  if (problems.length) throw fitError(problems);
  return { name, description, seed, data, parameters, objective: 'weighted_least_squares', tolerance, replicates, optimiser, uncertainty };
}

function checkTolerance(v: unknown, path: string, bad: Bad): Tolerance | null {
  if (v === undefined) return null;
  if (!isObj(v)) {
    bad(path, v, 'must be { "sd": SDs, "abs": value } (pass when |model - data| <= max(sd x SD, abs))');
    return null;
  }
  keys(v, path, ['sd', 'abs'], bad);
  return {
    sd: num(v, 'sd', path, bad, { def: 0, min: 0, what: 'SDs of the data point' }),
    abs: num(v, 'abs', path, bad, { def: 0, min: 0, what: "in the observable's unit" }),
  };
}

function checkData(d: unknown, p: string, bad: Bad): DataSpec | null {
  if (!isObj(d)) {
    bad(p, d, 'must be a data file like { "file": "data.csv", "scenario": "primed-light-pulse", "observable": "wave_speed_ratio" }');
    return null;
  }
  keys(d, p, DATA_KEYS, bad);
  if (typeof d.file !== 'string' || !d.file.endsWith('.csv')) bad(`${p}.file`, d.file, 'required: a .csv file, relative to the fit file');
  if (typeof d.scenario !== 'string' || d.scenario.length === 0)
    bad(`${p}.scenario`, d.scenario, 'required: a preset name (see `ferrowave presets`) or a scenario .json file, relative to the fit file');
  const set: Record<string, unknown> = {};
  if (d.set !== undefined) {
    if (!isObj(d.set)) bad(`${p}.set`, d.set, 'must be an object { "scenario.path": value }, e.g. { "lattice.width": 160 }');
    else
      for (const [k, v] of Object.entries(d.set)) {
        const parsed = parseSetPath(k);
        if ('error' in parsed) bad(`${p}.set["${k}"]`, v, `the key: ${parsed.error}`);
        else set[k] = v;
      }
  }
  const treatment: TreatmentTemplate = { start_min: 0, end_min: null, region: null };
  if (d.treatment !== undefined) {
    const tp = `${p}.treatment`;
    if (!isObj(d.treatment))
      bad(
        tp,
        d.treatment,
        'must be { "start_min": min, "end_min": min, "region": {...} }: the row\'s agent and dose are added to the scenario\'s treatments with these',
      );
    else {
      keys(d.treatment, tp, ['start_min', 'end_min', 'region'], bad);
      treatment.start_min = num(d.treatment, 'start_min', tp, bad, { def: 0, min: 0, what: 'min, when the treatment starts' });
      treatment.end_min = num(d.treatment, 'end_min', tp, bad, { def: null, gt: 0, what: 'min, when it ends (omit: never)' });
      if (d.treatment.region !== undefined) {
        if (!isObj(d.treatment.region)) bad(`${tp}.region`, d.treatment.region, 'must be a region { "disc" | "rect" | "stroke": {...} } as in scenarios');
        else treatment.region = d.treatment.region;
      }
    }
  }
  let observable: Observable | null = null;
  if (d.observable !== undefined) {
    if (!OBSERVABLES.includes(d.observable as Observable))
      bad(`${p}.observable`, d.observable, `allowed: ${OBSERVABLES.join(', ')} (omit it to read each row's from the observable column)`);
    else observable = d.observable as Observable;
  }
  const t_min = num(d, 't_min', p, bad, { def: null, min: 0, what: 'min, the time of every row of the timed observables (omit: the t_min column)' });
  const sd = num(d, 'sd', p, bad, { def: null, gt: 0, what: "every row's SD, in the observable's unit (omit: the sd column)" });
  const weight = num(d, 'weight', p, bad, { def: 1, gt: 0, what: "each point's weight in the objective" });
  const columns: DataColumns = { agent: 'agent', dose_uM: 'uM', value: 'value', sd: 'sd', sd_relative_to: null, observable: 'observable', t_min: 't_min' };
  if (d.columns !== undefined) {
    const cp = `${p}.columns`;
    if (!isObj(d.columns)) bad(cp, d.columns, `must be an object naming the CSV's columns: ${COLUMN_KEYS.join(', ')}`);
    else {
      keys(d.columns, cp, COLUMN_KEYS, bad);
      for (const k of COLUMN_KEYS) {
        const v = d.columns[k];
        if (v === undefined) continue;
        if (typeof v !== 'string' || v.length === 0) bad(`${cp}.${k}`, v, 'must be the name of a column of the CSV file');
        else (columns as unknown as Record<string, string>)[k] = v;
      }
    }
  }
  const skip: string[] = [];
  if (d.skip_agents !== undefined) {
    if (!Array.isArray(d.skip_agents)) bad(`${p}.skip_agents`, d.skip_agents, 'must be a list of agent names whose rows are left out');
    else
      d.skip_agents.forEach((a, k) => {
        if (typeof a !== 'string' || a.length === 0) bad(`${p}.skip_agents[${k}]`, a, 'must be an agent name as in the agent column');
        else skip.push(a);
      });
  }
  let relation: Relation = 'eq';
  if (d.relation !== undefined) {
    if (!RELATIONS.includes(d.relation as Relation))
      bad(`${p}.relation`, d.relation, `allowed: eq (measurements, the default), ge (the model at least each row's value), le (at most)`);
    else relation = d.relation as Relation;
  }
  return {
    file: typeof d.file === 'string' ? d.file : '',
    scenario: typeof d.scenario === 'string' ? d.scenario : '',
    set,
    treatment,
    observable,
    t_min,
    sd,
    columns,
    weight,
    tolerance: checkTolerance(d.tolerance, `${p}.tolerance`, bad),
    skip_agents: skip,
    relation,
  };
}

function checkParam(v: unknown, p: string, bad: Bad): ParamFit | null {
  if (!isObj(v)) {
    bad(p, v, 'must be a parameter like { "path": "params.feedback_iron_share", "lower": 0.1, "upper": 0.9, "scale": "log" }');
    return null;
  }
  keys(v, p, PARAM_KEYS, bad);
  const path = v.path;
  const name = typeof path === 'string' && path.startsWith('params.') ? path.slice('params.'.length) : '';
  const spec = paramSpec(name);
  if (!spec) {
    bad(
      `${p}.path`,
      path,
      `must be params.<name> of a model parameter (\`ferrowave params\` lists them, e.g. ${PARAMS.slice(0, 4)
        .map((q) => `params.${q.name}`)
        .join(', ')}); the scenario format has no other fittable numbers`,
    );
    return null;
  }
  const range = `${spec.min}-${spec.max} ${spec.unit}, the parameter's allowed range`;
  const lower = num(v, 'lower', p, bad, { min: spec.min, max: spec.max, what: range });
  const upper = num(v, 'upper', p, bad, { min: spec.min, max: spec.max, what: range });
  if (isNum(lower) && isNum(upper) && !(lower < upper)) bad(`${p}.upper`, upper, `must be above lower (${lower})`);
  const scale = v.scale ?? 'linear';
  if (scale !== 'linear' && scale !== 'log') bad(`${p}.scale`, v.scale, 'allowed: linear, log (log for rates and constants spanning orders of magnitude)');
  if (scale === 'log' && isNum(lower) && lower <= 0) bad(`${p}.lower`, lower, 'must be > 0 on a log scale');
  const start = num(v, 'start', p, bad, { def: null, what: `${spec.unit}, where the optimiser starts` });
  if (isNum(start) && isNum(lower) && isNum(upper) && (start < lower || start > upper))
    bad(`${p}.start`, start, `must be within the bounds [${lower}, ${upper}]`);
  return { path: String(path), name, lower, upper, scale: scale as ParamFit['scale'], start };
}

function checkOptimiser(v: unknown, bad: Bad): OptimiserSpec {
  const o: OptimiserSpec = { method: 'cma-es', population: null, sigma0: 0.25, max_generations: 50, max_evaluations: null, tol_fun: 0.01, tol_x: 0.001 };
  if (v === undefined) return o;
  const p = 'fit.optimiser';
  if (!isObj(v)) {
    bad(p, v, 'must be { "method": "cma-es", "max_generations": n, ... }');
    return o;
  }
  keys(v, p, OPT_KEYS, bad);
  if (v.method !== undefined && v.method !== 'cma-es') bad(`${p}.method`, v.method, 'allowed: cma-es');
  o.population = num(v, 'population', p, bad, { def: null, min: 2, max: 1000, int: true, what: 'candidates per generation; omit for 4 + floor(3 ln n)' });
  o.sigma0 = num(v, 'sigma0', p, bad, { def: 0.25, gt: 0, max: 1, what: "initial step, as a fraction of each parameter's range in its scale" });
  o.max_generations = num(v, 'max_generations', p, bad, { def: 50, min: 1, max: 100000, int: true, what: 'generations at most' });
  o.max_evaluations = num(v, 'max_evaluations', p, bad, { def: null, min: 1, int: true, what: 'candidate parameter vectors at most' });
  o.tol_fun = num(v, 'tol_fun', p, bad, { def: 0.01, min: 0, what: 'stop when the objective changes less than this over recent generations' });
  o.tol_x = num(v, 'tol_x', p, bad, { def: 0.001, min: 0, what: "stop when the search is narrower than this fraction of each parameter's range" });
  return o;
}

function checkUncertainty(v: unknown, bad: Bad): UncertaintySpec {
  const u: UncertaintySpec = { method: 'profile', points: 7, max_generations: 8, refine: 2, sigma0: 0.1, level: 0.95, scale_by_reduced_chi2: true };
  if (v === undefined) return u;
  const p = 'fit.uncertainty';
  if (!isObj(v)) {
    bad(p, v, 'must be { "method": "profile" | "none", "points": n, "max_generations": n, "level": 0.95 }');
    return u;
  }
  keys(v, p, UNC_KEYS, bad);
  if (v.method !== undefined && v.method !== 'profile' && v.method !== 'none')
    bad(`${p}.method`, v.method, 'allowed: profile (profile likelihood: the others re-optimised along a grid of each parameter), none');
  else if (v.method !== undefined) u.method = v.method as UncertaintySpec['method'];
  u.points = num(v, 'points', p, bad, { def: 7, min: 3, max: 101, int: true, what: "grid points across each parameter's bounds, ends included" });
  u.max_generations = num(v, 'max_generations', p, bad, {
    def: 8,
    min: 0,
    max: 10000,
    int: true,
    what: 'generations re-optimising the others at each grid point',
  });
  u.refine = num(v, 'refine', p, bad, { def: 2, min: 0, max: 10, int: true, what: 'rounds placing profile points at the estimated ends of each interval' });
  u.sigma0 = num(v, 'sigma0', p, bad, { def: 0.1, gt: 0, max: 1, what: 'initial step of those re-optimisations, as a fraction of each range' });
  if (v.level !== undefined && (typeof v.level !== 'number' || !Object.hasOwn(LEVELS, String(v.level))))
    bad(`${p}.level`, v.level, `allowed: ${Object.keys(LEVELS).join(', ')}`);
  else if (v.level !== undefined) u.level = v.level as number;
  if (v.scale_by_reduced_chi2 !== undefined && typeof v.scale_by_reduced_chi2 !== 'boolean')
    bad(`${p}.scale_by_reduced_chi2`, v.scale_by_reduced_chi2, 'must be true or false');
  else if (v.scale_by_reduced_chi2 !== undefined) u.scale_by_reduced_chi2 = v.scale_by_reduced_chi2 as boolean;
  return u;
}
