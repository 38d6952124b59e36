// Why this file exists: turns the sweep file the user named into a validated sweep and its base
// scenario (a preset, a scenario file next to the sweep file, or inline), or a list of problems
// to print.
import { dirname, resolve } from 'node:path';
import { timeseriesHeader } from '../formats/run-folder';
import { ownValue } from '../model/own-keys';
import { PRESET_NAMES, PRESETS } from '../model/presets';
import { METRIC_NAMES } from '../sweep/metrics';
import { SweepError, type SweepSpec, validateSweep } from '../sweep/spec';
import { readJsonFile } from './input-file';

/** Read and validate a sweep file and its base scenario (a preset, a file next to it, or inline). */
export function readSweepFile(path: string): { spec: SweepSpec; baseRaw: Record<string, unknown> } {
  let raw: unknown;
  try {
    raw = readJsonFile(path);
  } catch (e) {
    throw new SweepError([{ path: 'sweep file', value: path, message: `cannot read the sweep file as JSON: ${(e as Error).message}` }]);
  }
  const spec = validateSweep(raw, { metrics: METRIC_NAMES, timeseriesColumns: timeseriesHeader().split(','), presets: PRESET_NAMES });
  if (typeof spec.base !== 'string') return { spec, baseRaw: structuredClone(spec.base) };
  const preset = ownValue(PRESETS, spec.base);
  if (preset) return { spec, baseRaw: structuredClone(preset) };
  if (!spec.base.endsWith('.json'))
    throw new SweepError([{ path: 'sweep.base', value: spec.base, message: `neither a preset nor a .json file; presets: ${PRESET_NAMES.join(', ')}` }]);
  const file = resolve(dirname(path), spec.base);
  let base: unknown;
  try {
    base = readJsonFile(file);
  } catch (e) {
    throw new SweepError([{ path: 'sweep.base', value: spec.base, message: `cannot read the scenario file ${file} (${(e as Error).message})` }]);
  }
  if (typeof base !== 'object' || base === null || Array.isArray(base))
    throw new SweepError([{ path: 'sweep.base', value: spec.base, message: `the scenario file ${file} must hold a JSON object` }]);
  return { spec, baseRaw: base as Record<string, unknown> };
}
