// Why this file exists: sweep files are data, validated before anything runs, like scenarios:
// one message per problem naming the JSON path, the value and what is allowed. This is their
// schema (base scenario, axes, design, replicates, master seed, what to keep) and its checker.
import { FORBIDDEN_TEXT, isForbiddenKey } from '../model/own-keys';
import { paramSpec } from '../model/params';
import { MAX_PROBLEMS } from '../model/scenario-limits';
import { MAX_JSON_DEPTH, valueTooDeep } from '../model/json-text';
import { isObj, type Problem, ProblemsError } from '../model/scenario';
import { parseSetPath } from '../model/set-path';
import { DEFAULT_FACTOR, type ParamRange, paramAxes, type SkippedParam } from './param-axes';
import { SOBOL_MAX_DIMS } from './sobol';

export type Scalar = number | string | boolean;

export const DESIGNS = ['grid', 'latin-hypercube', 'sobol', 'saltelli'] as const;
export type Design = (typeof DESIGNS)[number];

export interface Axis {
  /** scenario path, as in `--set`: e.g. treatments[0].uM, params.ox_diffusion, lattice.width */
  path: string;
  /** column name in runs.csv (default: derived from the path and the base scenario) */
  name: string | null;
  /** an explicit list of values (grid), or of choices (space-filling designs) */
  values: Scalar[] | null;
  /** a range: from, to; n values on a grid (space-filling designs draw `points` values) */
  from: number | null;
  to: number | null;
  n: number | null;
  scale: 'linear' | 'log';
  /** round drawn or spaced values to integers (e.g. lattice.width) */
  integer: boolean;
}

export interface Keep {
  /** runs.csv metric columns (default: every metric) */
  metrics: string[];
  /** timeseries.csv columns kept in each run folder: all, none, or a list (t_min always) */
  timeseries: 'all' | 'none' | string[];
}

export interface SweepSpec {
  name: string;
  description: string;
  /** a preset name, a scenario file (relative to the sweep file), or an inline scenario */
  base: string | Record<string, unknown>;
  /** overrides applied to the base before the axes, as { "path": value } */
  set: Record<string, unknown>;
  design: Design;
  /** number of design points (latin-hypercube, sobol); of base points (saltelli: points x (axes + 2) runs) */
  points: number | null;
  axes: Axis[];
  /**
   * `"axes": "all-params"` only (absent when the axes are listed, so such a sweep's spec, and the
   * identity of its folders, is what it was before): the factor around each default, and the
   * parameters left out with why
   */
  all_params?: { factor: number; skipped: SkippedParam[] };
  replicates: number;
  /** master seed: every run's seed and the space-filling design derive from it */
  seed: number;
  keep: Keep;
}

export class SweepError extends ProblemsError {
  override name = 'SweepError';
}

/** What the checker needs to know about the rest of the program (passed in, keeps this pure). */
export interface SweepVocabulary {
  metrics: readonly string[];
  timeseriesColumns: readonly string[];
  /** when given, a base named by text must be one of these or a .json file */
  presets?: readonly string[];
}

/** At most this many runs in one sweep (the manifest lists them all). */
export const MAX_RUNS = 10_000_000;

const TOP_KEYS = ['name', 'description', 'base', 'set', 'design', 'points', 'axes', 'factor', 'exclude', 'ranges', 'replicates', 'seed', 'keep'];
/** The shorthand for one axis per parameter of the model's registry. */
export const ALL_PARAMS = 'all-params';
/** Designs that take `"axes": "all-params"` (a grid or a Sobol sequence of ~100 axes is no design). */
const ALL_PARAMS_DESIGNS: readonly Design[] = ['saltelli', 'latin-hypercube'];
const AXIS_KEYS = ['path', 'name', 'values', 'from', 'to', 'n', 'scale', 'integer'];
/** Why a scenario path is refused, or null (a path like treatments[0].uM: no prototype keys, no index beyond any list). */
const pathProblem = (p: unknown): string | null => {
  const r = typeof p === 'string' ? parseSetPath(p) : null;
  if (r && !('error' in r)) return null;
  return r && !r.error.startsWith('must be') ? r.error : 'required: a scenario path like treatments[0].uM, params.ox_diffusion or lattice.width';
};
/** Most axes of a sweep, and values of one axis. */
export const MAX_AXES = 32;
export const MAX_AXIS_VALUES = 100_000;
/** Longest name of a sweep (it names folders and every run). */
export const SWEEP_NAME_MAX_CHARS = 100;
const NAME_RE = /^[A-Za-z_][A-Za-z0-9_.]*$/;

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isScalar = (v: unknown): v is Scalar => isNum(v) || typeof v === 'string' || typeof v === 'boolean';

/** Validate parsed sweep JSON; throws SweepError listing every problem. */
export function validateSweep(raw: unknown, vocab: SweepVocabulary): SweepSpec {
  const problems: Problem[] = [];
  let omitted = 0;
  const bad = (path: string, value: unknown, message: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push({ path, value, message });
    else omitted++;
  };
  if (!isObj(raw)) throw new SweepError([{ path: 'sweep', value: raw, message: 'must be a JSON object with "base", "axes", "replicates" and "seed"' }]);
  // a value built in memory (not read from text) may nest too deep for the checks that follow
  if (valueTooDeep(raw))
    throw new SweepError([{ path: 'sweep', value: '(nested object)', message: `nested deeper than ${MAX_JSON_DEPTH} levels of objects and lists` }]);
  unknownKeys(raw, 'sweep', TOP_KEYS, bad, ['$schema']);
  if (raw.$schema !== undefined && typeof raw.$schema !== 'string')
    bad('sweep.$schema', raw.$schema, 'must be a string: the JSON schema that editors check the file with (schemas/sweep.schema.json)');

  const str = (k: 'name' | 'description', def: string): string => {
    if (raw[k] === undefined) return def;
    if (typeof raw[k] !== 'string') bad(`sweep.${k}`, raw[k], 'must be a string');
    return String(raw[k]);
  };
  const name = str('name', 'sweep');
  if (!/^[A-Za-z0-9_.-]+$/.test(name) || name.length > SWEEP_NAME_MAX_CHARS)
    bad('sweep.name', name, `letters, digits, "_", "." and "-" only, at most ${SWEEP_NAME_MAX_CHARS} (it names folders and files)`);
  const description = str('description', '');

  let base: SweepSpec['base'] = '';
  if (typeof raw.base === 'string' && raw.base.length > 0) {
    base = raw.base;
    if (vocab.presets && !vocab.presets.includes(base) && !base.endsWith('.json'))
      bad('sweep.base', base, `neither a preset nor a .json file; presets: ${vocab.presets.join(', ')}`);
  } else if (isObj(raw.base)) base = raw.base;
  else
    bad(
      'sweep.base',
      raw.base,
      'required: a preset name (see `ferrowave presets`), a scenario .json file (relative to the sweep file) or an inline scenario object',
    );

  const set: Record<string, unknown> = {};
  if (raw.set !== undefined) {
    if (!isObj(raw.set)) bad('sweep.set', raw.set, 'must be an object { "scenario.path": value }, e.g. { "lattice.width": 160 }');
    else
      for (const [p, v] of Object.entries(raw.set)) {
        const why = pathProblem(p);
        if (why)
          bad(
            `sweep.set["${p}"]`,
            v,
            why.startsWith('required') ? 'the key must be a scenario path like lattice.width or treatments[0].uM' : `the key: ${why}`,
          );
        else set[p] = v;
      }
  }

  const design = (raw.design ?? 'grid') as Design;
  if (!DESIGNS.includes(design)) bad('sweep.design', raw.design, `allowed: ${DESIGNS.join(', ')}`);
  const spaceFilling = design === 'latin-hypercube' || design === 'sobol' || design === 'saltelli';

  let points: number | null = null;
  if (spaceFilling) {
    if (!Number.isInteger(raw.points) || (raw.points as number) < 1 || (raw.points as number) > 1_000_000)
      bad(
        'sweep.points',
        raw.points,
        `required for design "${design}": an integer from 1 to 1000000 (${design === 'saltelli' ? 'the number of base points N: N x (axes + 2) runs' : 'the number of design points'})`,
      );
    else points = raw.points as number;
  } else if (raw.points !== undefined)
    bad('sweep.points', raw.points, 'only for designs latin-hypercube, sobol and saltelli; a grid takes its values from the axes');

  let axes: Axis[] = [];
  let allParamsSpec: SweepSpec['all_params'];
  const rawAxes = raw.axes ?? [];
  const allParams = rawAxes === ALL_PARAMS;
  if (allParams) {
    if (!ALL_PARAMS_DESIGNS.includes(design))
      bad('sweep.axes', rawAxes, `"${ALL_PARAMS}" (one axis per model parameter) only for designs ${ALL_PARAMS_DESIGNS.join(' and ')}`);
    const opts = checkAllParams(raw, set, bad);
    const expanded = paramAxes(opts);
    axes = expanded.axes;
    allParamsSpec = { factor: opts.factor, skipped: expanded.skipped };
    if (axes.length === 0) bad('sweep.axes', rawAxes, 'every parameter is excluded, fixed or without a range: nothing to vary');
  } else {
    for (const k of ['factor', 'exclude', 'ranges'])
      if (raw[k] !== undefined) bad(`sweep.${k}`, raw[k], `only with "axes": "${ALL_PARAMS}" (listed axes give their own ranges)`);
    if (!Array.isArray(rawAxes))
      bad('sweep.axes', rawAxes, `must be a list of axes like { "path": "treatments[0].uM", "values": [1, 2.5, 5] }, or "${ALL_PARAMS}"`);
    else if (rawAxes.length > MAX_AXES) bad('sweep.axes', rawAxes, `${rawAxes.length} axes: at most ${MAX_AXES} (or "${ALL_PARAMS}")`);
    else
      for (const [i, a] of rawAxes.entries()) {
        const p = `sweep.axes[${i}]`;
        const ax = checkAxis(a, p, design, bad);
        if (ax) axes.push(ax);
      }
    if (spaceFilling && Array.isArray(rawAxes) && rawAxes.length === 0) bad('sweep.axes', rawAxes, `a ${design} design needs at least one axis`);
  }
  if (design === 'sobol' && axes.length > SOBOL_MAX_DIMS) bad('sweep.axes', axes.length, `a sobol design takes at most ${SOBOL_MAX_DIMS} axes`);
  const seen = new Map<string, number>();
  axes.forEach((a, i) => {
    if (seen.has(a.path)) bad(`sweep.axes[${i}].path`, a.path, `already varied by sweep.axes[${seen.get(a.path)}]`);
    seen.set(a.path, i);
    if (a.path in set) bad(`sweep.axes[${i}].path`, a.path, 'also fixed in sweep.set: vary it or fix it, not both');
  });
  if (design === 'saltelli' && raw.replicates !== undefined && raw.replicates !== 1)
    bad(
      'sweep.replicates',
      raw.replicates,
      'must be 1 for a saltelli design: the N x (axes + 2) runs of a base point share its seed, so that only the parameters differ between them (raise points instead)',
    );

  let replicates = 1;
  if (raw.replicates !== undefined) {
    if (!Number.isInteger(raw.replicates) || (raw.replicates as number) < 1 || (raw.replicates as number) > 100_000)
      bad('sweep.replicates', raw.replicates, 'must be an integer from 1 to 100000 (runs per design point, each with its own seed)');
    else replicates = raw.replicates as number;
  }
  let seed = 0;
  if (raw.seed !== undefined) {
    if (!Number.isInteger(raw.seed) || (raw.seed as number) < 0 || (raw.seed as number) > 2 ** 32 - 1)
      bad('sweep.seed', raw.seed, 'must be an integer from 0 to 4294967295 (the master seed)');
    else seed = raw.seed as number;
  }

  const keep = checkKeep(raw.keep, vocab, bad);

  if (problems.length === 0) {
    const total = countPoints(design, points, axes) * replicates;
    if (total > MAX_RUNS) bad('sweep', total, `${total} runs: at most ${MAX_RUNS} in one sweep (split it into several sweeps)`);
  }
  if (problems.length) throw new SweepError(problems, omitted);
  return { name, description, base, set, design, points, axes, ...(allParamsSpec ? { all_params: allParamsSpec } : {}), replicates, seed, keep };
}

/** The options of `"axes": "all-params"`: factor, exclude (names, or names with reasons), ranges. */
function checkAllParams(
  raw: Record<string, unknown>,
  set: Record<string, unknown>,
  bad: (path: string, value: unknown, message: string) => void,
): Parameters<typeof paramAxes>[0] {
  const known = (name: unknown) => typeof name === 'string' && !isForbiddenKey(name) && paramSpec(name) !== undefined;
  const unknownParam = 'not a parameter of the model (`ferrowave params` lists them)';
  let factor = DEFAULT_FACTOR;
  if (raw.factor !== undefined) {
    if (!isNum(raw.factor) || raw.factor <= 1 || raw.factor > 1000)
      bad('sweep.factor', raw.factor, 'must be a number above 1, at most 1000: each parameter varies from default / factor to default x factor (log scale)');
    else factor = raw.factor;
  }
  const exclude = new Map<string, string>();
  const ex = raw.exclude;
  if (Array.isArray(ex)) {
    ex.forEach((n, k) => {
      if (!known(n)) bad(`sweep.exclude[${k}]`, n, unknownParam);
      else exclude.set(n as string, 'excluded by sweep.exclude');
    });
  } else if (isObj(ex)) {
    for (const [n, why] of Object.entries(ex)) {
      if (!known(n)) bad(`sweep.exclude.${n}`, why, unknownParam);
      else if (typeof why !== 'string' || why.trim() === '') bad(`sweep.exclude.${n}`, why, 'must be the reason it is left out (a non-empty string)');
      else exclude.set(n, why);
    }
  } else if (ex !== undefined) bad('sweep.exclude', ex, 'must be a list of parameter names, or an object { "name": "why it is left out" }');
  const ranges: Record<string, ParamRange> = {};
  if (raw.ranges !== undefined && !isObj(raw.ranges))
    bad('sweep.ranges', raw.ranges, 'must be an object { "name": { "from": ..., "to": ..., "scale": "linear" | "log", "integer": false } }');
  else if (isObj(raw.ranges))
    for (const [n, r] of Object.entries(raw.ranges)) {
      const p = `sweep.ranges.${n}`;
      if (!known(n)) {
        bad(p, r, unknownParam);
        continue;
      }
      const spec = paramSpec(n)!;
      if (exclude.has(n)) bad(p, r, 'also in sweep.exclude: vary it or leave it out, not both');
      if (!isObj(r)) {
        bad(p, r, 'must be { "from": number, "to": number, "scale": "linear" | "log", "integer": false }');
        continue;
      }
      unknownKeys(r, p, ['from', 'to', 'scale', 'integer'], bad);
      const scale = r.scale ?? 'linear';
      if (scale !== 'linear' && scale !== 'log') bad(`${p}.scale`, r.scale, 'allowed: linear, log');
      if (r.integer !== undefined && typeof r.integer !== 'boolean') bad(`${p}.integer`, r.integer, 'must be true or false');
      let ok = true;
      for (const end of ['from', 'to'] as const) {
        const v = r[end];
        if (!isNum(v) || v < spec.min || v > spec.max) {
          bad(`${p}.${end}`, v, `required: a number within the parameter's allowed range, ${spec.min} to ${spec.max} ${spec.unit}`);
          ok = false;
        } else if (scale === 'log' && v <= 0) {
          bad(`${p}.${end}`, v, 'must be > 0 on a log scale');
          ok = false;
        }
      }
      if (ok && r.from === r.to) bad(p, r, 'from = to: nothing to vary (fix it with sweep.set instead)');
      ranges[n] = { from: r.from as number, to: r.to as number, scale: scale as ParamRange['scale'], integer: r.integer === true };
    }
  const fixed = new Set(
    Object.keys(set)
      .map((k) => /^params\.([A-Za-z0-9_]+)$/.exec(k)?.[1])
      .filter((n): n is string => n !== undefined),
  );
  for (const n of Object.keys(ranges)) if (fixed.has(n)) bad(`sweep.ranges.${n}`, ranges[n], 'also fixed in sweep.set: vary it or fix it, not both');
  return { factor, exclude, ranges, fixed };
}

function checkAxis(a: unknown, p: string, design: Design, bad: (path: string, value: unknown, message: string) => void): Axis | null {
  if (!isObj(a)) {
    bad(p, a, 'must be an axis like { "path": "treatments[0].uM", "values": [1, 2.5, 5] } or { "path": ..., "from": 0.1, "to": 10, "n": 5, "scale": "log" }');
    return null;
  }
  let ok = true;
  const fail = (path: string, value: unknown, message: string) => {
    ok = false;
    bad(path, value, message);
  };
  unknownKeys(a, p, AXIS_KEYS, fail);
  const why = pathProblem(a.path);
  if (why) fail(`${p}.path`, a.path, why);
  if (a.name !== undefined && (typeof a.name !== 'string' || !NAME_RE.test(a.name)))
    fail(`${p}.name`, a.name, 'must be a column name: a letter or "_", then letters, digits, "_" or "." (e.g. erastin_uM)');
  const scale = a.scale ?? 'linear';
  if (scale !== 'linear' && scale !== 'log') fail(`${p}.scale`, a.scale, 'allowed: linear, log');
  if (a.integer !== undefined && typeof a.integer !== 'boolean') fail(`${p}.integer`, a.integer, 'must be true or false');
  const axis: Axis = {
    path: String(a.path),
    name: (a.name as string) ?? null,
    values: null,
    from: null,
    to: null,
    n: null,
    scale: scale as Axis['scale'],
    integer: a.integer === true,
  };
  const hasValues = a.values !== undefined;
  const hasRange = a.from !== undefined || a.to !== undefined || a.n !== undefined;
  if (hasValues === hasRange) {
    fail(p, a, 'give exactly one of "values": [...] or a range "from", "to" (and "n" on a grid)');
    return null;
  }
  if (hasValues) {
    if (!Array.isArray(a.values) || a.values.length === 0 || a.values.length > MAX_AXIS_VALUES)
      fail(`${p}.values`, a.values, `must be a list of 1 to ${MAX_AXIS_VALUES} numbers, strings or booleans`);
    else {
      a.values.forEach((v, k) => {
        if (!isScalar(v)) fail(`${p}.values[${k}]`, v, 'must be a number, a string or a boolean');
      });
      axis.values = a.values as Scalar[];
    }
    if (a.scale !== undefined) fail(`${p}.scale`, a.scale, 'only for ranges (from, to), not for a list of values');
    if (a.integer !== undefined) fail(`${p}.integer`, a.integer, 'only for ranges (from, to), not for a list of values');
    return ok ? axis : null;
  }
  if (!isNum(a.from)) fail(`${p}.from`, a.from, 'required for a range: a number');
  if (!isNum(a.to)) fail(`${p}.to`, a.to, 'required for a range: a number');
  if (isNum(a.from) && isNum(a.to) && scale === 'log' && (a.from <= 0 || a.to <= 0))
    fail(`${p}.${a.from <= 0 ? 'from' : 'to'}`, a.from <= 0 ? a.from : a.to, 'must be > 0 on a log scale');
  axis.from = a.from as number;
  axis.to = a.to as number;
  if (design === 'grid') {
    if (!Number.isInteger(a.n) || (a.n as number) < 1 || (a.n as number) > 100_000)
      fail(`${p}.n`, a.n, 'required for a range on a grid: an integer from 1 to 100000 (number of values, ends included)');
    else if (a.n === 1 && a.from !== a.to) fail(`${p}.n`, a.n, 'a range with n = 1 must have from = to (or use "values")');
    axis.n = a.n as number;
  } else if (a.n !== undefined) fail(`${p}.n`, a.n, `not used by design "${design}": the design draws sweep.points values`);
  return ok ? axis : null;
}

function checkKeep(v: unknown, vocab: SweepVocabulary, bad: (path: string, value: unknown, message: string) => void): Keep {
  const keep: Keep = { metrics: [...vocab.metrics], timeseries: 'all' };
  if (v === undefined) return keep;
  if (!isObj(v)) {
    bad('sweep.keep', v, 'must be { "metrics": "all" | [names], "timeseries": "all" | "none" | [columns] }');
    return keep;
  }
  unknownKeys(v, 'sweep.keep', ['metrics', 'timeseries'], bad);
  if (v.metrics !== undefined && v.metrics !== 'all') {
    if (!Array.isArray(v.metrics) || v.metrics.length === 0)
      bad('sweep.keep.metrics', v.metrics, `must be "all" or a non-empty list of: ${vocab.metrics.join(', ')}`);
    else {
      v.metrics.forEach((m, k) => {
        if (typeof m !== 'string' || !vocab.metrics.includes(m)) bad(`sweep.keep.metrics[${k}]`, m, `unknown metric; allowed: ${vocab.metrics.join(', ')}`);
      });
      // keep the canonical order, whatever order was given
      keep.metrics = vocab.metrics.filter((m) => (v.metrics as unknown[]).includes(m));
    }
  }
  if (v.timeseries !== undefined && v.timeseries !== 'all') {
    if (v.timeseries === 'none') keep.timeseries = 'none';
    else if (!Array.isArray(v.timeseries) || v.timeseries.length === 0)
      bad('sweep.keep.timeseries', v.timeseries, `must be "all", "none" or a non-empty list of columns: ${vocab.timeseriesColumns.join(', ')}`);
    else {
      v.timeseries.forEach((c, k) => {
        if (typeof c !== 'string' || !vocab.timeseriesColumns.includes(c))
          bad(`sweep.keep.timeseries[${k}]`, c, `unknown column; allowed: ${vocab.timeseriesColumns.join(', ')}`);
      });
      keep.timeseries = vocab.timeseriesColumns.filter((c) => c === 't_min' || (v.timeseries as unknown[]).includes(c));
    }
  }
  return keep;
}

/** Reports keys that are not allowed at `path` (forbidden ones, which reach a prototype, as such). */
function unknownKeys(
  obj: Record<string, unknown>,
  path: string,
  allowed: readonly string[],
  bad: (path: string, value: unknown, message: string) => void,
  unlisted: readonly string[] = [],
): void {
  for (const k of Object.keys(obj)) {
    if (unlisted.includes(k)) continue;
    if (isForbiddenKey(k)) bad(`${path}.${k}`, obj[k], `forbidden key: ${FORBIDDEN_TEXT}`);
    else if (!allowed.includes(k)) bad(`${path}.${k}`, obj[k], `unknown key; allowed keys here: ${allowed.join(', ')}`);
  }
}

/** Number of design points (before replicates): a saltelli design has N x (axes + 2) (matrices A, B and one AB per axis). */
export function countPoints(design: Design, points: number | null, axes: readonly Axis[]): number {
  if (design === 'saltelli') return (points ?? 0) * (axes.length + 2);
  if (design !== 'grid') return points ?? 0;
  let n = 1;
  for (const a of axes) n *= a.values ? a.values.length : (a.n ?? 0);
  return n;
}
