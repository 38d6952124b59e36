// Why this file exists: turns what the user typed (a scenario file or a preset name, --seed,
// --set overrides) into a validated, resolved scenario, or a list of problems to print.
import { readFileSync } from 'node:fs';
import { PRESET_NAMES, PRESETS } from '../model/presets';
import { applyOverride, type ResolvedScenario, resolveScenario, ScenarioError } from '../model/scenario';
import { FERROWAVE_VERSION } from '../model/version';

export function loadScenario(source: string, opts: { seed?: string; set?: string[] }): ResolvedScenario {
  let raw: Record<string, unknown>;
  if (PRESETS[source]) raw = structuredClone(PRESETS[source]);
  else if (source.endsWith('.json')) {
    let text: string;
    try {
      text = readFileSync(source, 'utf8');
    } catch (e) {
      throw new ScenarioError([{ path: source, value: undefined, message: `cannot read the scenario file (${(e as Error).message})` }]);
    }
    try {
      raw = JSON.parse(text);
    } catch (e) {
      throw new ScenarioError([{ path: source, value: undefined, message: `not valid JSON: ${(e as Error).message}` }]);
    }
  } else {
    throw new ScenarioError([{ path: 'scenario', value: source, message: `neither a .json file nor a preset; presets: ${PRESET_NAMES.join(', ')}` }]);
  }
  for (const a of opts.set ?? []) applyOverride(raw, a);
  if (opts.seed !== undefined) {
    const n = Number(opts.seed);
    if (!/^\d+$/.test(opts.seed) || !Number.isSafeInteger(n))
      throw new ScenarioError([{ path: '--seed', value: opts.seed, message: 'must be an integer >= 0' }]);
    raw.seed = n;
  }
  return resolveScenario(raw, FERROWAVE_VERSION);
}
