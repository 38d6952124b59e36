// Why this file exists: `--set path=value` (run, record) and a sweep's `set` and axes change one
// value of a scenario's raw JSON by its path (treatments[0].uM, params.ox_diffusion,
// lattice.width). Paths are checked before anything is written: identifiers and list indices
// only, no key that reaches a prototype (__proto__, prototype, constructor), and a list index at
// most one past the end (which adds an item), so no path can pollute every object of the program
// or make a list of 4 billion holes.
import { MAX_JSON_DEPTH } from './json-text';
import { FORBIDDEN_TEXT, isForbiddenKey } from './own-keys';

/** A scenario path: identifiers joined by dots, each followed by any number of [index]. */
export const SET_PATH_PATTERN = '^[A-Za-z_][A-Za-z0-9_]*(\\[[0-9]+\\])*(\\.[A-Za-z_][A-Za-z0-9_]*(\\[[0-9]+\\])*)*$';
const SET_PATH_RE = new RegExp(SET_PATH_PATTERN);

/** Most segments (keys and indices) in a path. */
export const MAX_PATH_SEGMENTS = 16;

/** Largest list index a path may name (lists of a scenario hold at most a few thousand items). */
export const MAX_PATH_INDEX = 100_000;

export const SET_PATH_TEXT = 'a scenario path like lattice.width, params.ox_diffusion or treatments[0].uM';

/** The segments of a path (keys as strings, indices as numbers), or why the path is refused. */
export function parseSetPath(path: string): { segments: Array<string | number> } | { error: string } {
  if (path.length > 500 || !SET_PATH_RE.test(path)) return { error: `must be ${SET_PATH_TEXT} (letters, digits, "_", "." and [index])` };
  const segments: Array<string | number> = [];
  for (const m of path.matchAll(/([A-Za-z_][A-Za-z0-9_]*)|\[([0-9]+)\]/g)) {
    if (m[1] !== undefined) {
      if (isForbiddenKey(m[1])) return { error: `"${m[1]}" is not allowed in a path: ${FORBIDDEN_TEXT}` };
      segments.push(m[1]);
    } else {
      const i = Number(m[2]);
      if (i > MAX_PATH_INDEX) return { error: `index [${m[2]}] is beyond any list of a scenario (at most ${MAX_PATH_INDEX})` };
      segments.push(i);
    }
  }
  if (segments.length > Math.min(MAX_PATH_SEGMENTS, MAX_JSON_DEPTH)) return { error: `has ${segments.length} parts: at most ${MAX_PATH_SEGMENTS}` };
  return { segments };
}

const isContainer = (v: unknown): v is Record<string, unknown> | unknown[] => typeof v === 'object' && v !== null;
/** `obj[key]` when own (an inherited member such as toString is no scenario value) */
const own = (obj: object, key: string | number): unknown => (Object.hasOwn(obj, key) ? (obj as Record<string | number, unknown>)[key] : undefined);

/**
 * Set `value` at `path` in `raw`, creating objects and lists on the way (an index names a list
 * item: at most one past its end). Returns null, or why it cannot be done (nothing changed then).
 */
export function setPath(raw: Record<string, unknown>, path: string, value: unknown): string | null {
  const parsed = parseSetPath(path);
  if ('error' in parsed) return parsed.error;
  const segs = parsed.segments;
  // check the whole path first, so a refused path changes nothing
  let probe: unknown = raw;
  for (let k = 0; k < segs.length; k++) {
    const s = segs[k];
    const where = pathText(segs.slice(0, k));
    if (Array.isArray(probe)) {
      if (typeof s !== 'number') return `${where} is a list: name an item with [index], e.g. ${where}[0]`;
      if (s > probe.length)
        return `${where} has ${probe.length} item${probe.length === 1 ? '' : 's'}: [${s}] is beyond its end (use [0] to [${probe.length}]; [${probe.length}] adds one)`;
    } else if (isContainer(probe) && typeof s === 'number') return `${where} is not a list: it has no item [${s}]`;
    probe = isContainer(probe) ? own(probe, s) : undefined;
    if (!isContainer(probe)) break;
  }
  let obj: Record<string | number, unknown> = raw;
  for (let k = 0; k < segs.length - 1; k++) {
    const s = segs[k];
    if (!isContainer(own(obj, s))) obj[s] = typeof segs[k + 1] === 'number' ? [] : {};
    obj = obj[s] as Record<string | number, unknown>;
  }
  obj[segs[segs.length - 1]] = value;
  return null;
}

function pathText(segs: ReadonlyArray<string | number>): string {
  return segs.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('') || 'the scenario';
}
