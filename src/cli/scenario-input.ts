// Why this file exists: turns what the user typed (a scenario file or a preset name, --seed,
// --set overrides) into a validated, resolved scenario, or a list of problems to print.
import { PRESET_NAMES, PRESETS } from '../model/presets';
import { ownValue } from '../model/own-keys';
import { applyOverride, type ResolvedScenario, resolveScenario, ScenarioError } from '../model/scenario';
import { FERROWAVE_VERSION } from '../model/version';
import { readJsonFile } from './input-file';

export function loadScenario(source: string, opts: { seed?: string; set?: string[] }): ResolvedScenario {
  let raw: Record<string, unknown>;
  const preset = ownValue(PRESETS, source);
  if (preset) raw = structuredClone(preset);
  else if (source.endsWith('.json')) {
    let json: unknown;
    try {
      json = readJsonFile(source);
    } catch (e) {
      throw new ScenarioError([{ path: 'scenario file', value: source, message: `cannot read it: ${(e as Error).message}` }]);
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json))
      throw new ScenarioError([{ path: 'scenario', value: json, message: 'must be a JSON object' }]);
    raw = json as Record<string, unknown>;
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
