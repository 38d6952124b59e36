// Why this file exists: turns the fit file the user named into a validated fit: the file itself,
// each data file (relative to it) read into data points, each data file's scenario (a preset or a
// file next to the fit file) with its `set`, the plan of runs, the start values and every run's
// scenario checked, or a list of problems to print (each naming the file, line or JSON path).
import { dirname, resolve } from 'node:path';
import { type DataPoint, readDataRows, type SkippedRows } from '../fit/data';
import { applySet, checkPlan, type FitPlan, planFit } from '../fit/plan';
import { FitError, type FitSpec, fitError, validateFit } from '../fit/spec';
import { fromUnit } from '../fit/transform';
import { FIT_FORMAT, type ResolvedFit } from '../formats/fit-folder';
import { rowLabel } from '../formats/fit-tables';
import { ownValue } from '../model/own-keys';
import { PRESET_NAMES, PRESETS } from '../model/presets';
import { formatProblem, type Problem, resolveScenario, ScenarioError } from '../model/scenario';
import { FERROWAVE_VERSION } from '../model/version';
import { readJsonFile, readTextFile } from './input-file';

export interface FitInput {
  spec: FitSpec;
  points: DataPoint[];
  skipped: SkippedRows[];
  plan: FitPlan;
  /** start values of the fitted parameters */
  start: number[];
  /** the fit as it runs (fit.resolved.json, without the fingerprint) */
  resolved: Omit<ResolvedFit, 'model_fingerprint'>;
}

/** A JSON file (size and nesting checked before parsing, src/cli/input-file.ts), or a FitError naming `at`. */
function readJson(path: string, what: string, at: string): unknown {
  try {
    return readJsonFile(path);
  } catch (e) {
    throw new FitError([{ path: at, value: path, message: `cannot read the ${what} as JSON: ${(e as Error).message}` }]);
  }
}

/** Read and check a fit file and everything it names. */
export function readFitFile(path: string): FitInput {
  const spec = validateFit(readJson(path, 'fit file', 'fit'));
  const here = dirname(path);
  const problems: Problem[] = [];
  const points: DataPoint[] = [];
  const skipped: SkippedRows[] = [];
  spec.data.forEach((d, i) => {
    let text: string;
    try {
      text = readTextFile(resolve(here, d.file));
    } catch (e) {
      problems.push({ path: `fit.data[${i}].file`, value: d.file, message: `cannot read the data file (${(e as Error).message})` });
      return;
    }
    const r = readDataRows(text, d, i, d.file, spec.tolerance, problems);
    points.push(...r.points);
    skipped.push(...r.skipped);
  });
  const bases = spec.data.map((d, i) => {
    const at = `fit.data[${i}].scenario`;
    let raw: Record<string, unknown>;
    const preset = ownValue(PRESETS, d.scenario);
    if (preset) raw = structuredClone(preset);
    else if (d.scenario.endsWith('.json')) {
      try {
        const v = readJson(resolve(here, d.scenario), 'scenario file', at);
        if (typeof v !== 'object' || v === null || Array.isArray(v)) {
          problems.push({ path: at, value: d.scenario, message: 'the scenario file must hold a JSON object' });
          return null;
        }
        raw = v as Record<string, unknown>;
      } catch (e) {
        if (!(e instanceof FitError)) throw e;
        problems.push(...e.problems);
        return null;
      }
    } else {
      problems.push({ path: at, value: d.scenario, message: `neither a preset nor a .json file; presets: ${PRESET_NAMES.join(', ')}` });
      return null;
    }
    try {
      applySet(raw, d.set, i);
      const sc = resolveScenario(raw, FERROWAVE_VERSION);
      return { raw, seed: sc.seed, duration_min: sc.duration_min, params: sc.params };
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      for (const q of e.problems) problems.push({ path: `${at} (${d.scenario}, with fit.data[${i}].set)`, value: q.value, message: formatProblem(q) });
      return null;
    }
  });
  if (problems.length) throw fitError(problems);
  const ok = bases as NonNullable<(typeof bases)[number]>[];
  const plan = planFit(spec, points, ok);
  // where the search starts: the fit file's start, else the first scenario's value if within the bounds, else the middle
  const start = spec.parameters.map((p) => {
    if (p.start !== null) return p.start;
    const v = ok[0].params[p.name];
    return v >= p.lower && v <= p.upper ? v : fromUnit(p, 0.5);
  });
  const params = Object.fromEntries(spec.parameters.map((p, j) => [p.name, start[j]]));
  problems.push(...checkPlan(plan, params, spec.name, FERROWAVE_VERSION, (p) => rowLabel(spec, p)));
  if (problems.length) throw fitError(problems);
  return {
    spec,
    points,
    skipped,
    plan,
    start,
    resolved: { format: FIT_FORMAT, ferrowave_version: FERROWAVE_VERSION, fit: spec, scenarios: ok.map((b) => b.raw), points, skipped, start },
  };
}
