// Why this file exists: JSON that ferrowave reads from outside (scenario and sweep files, share
// links, `--set` values) is checked on its raw text before JSON.parse: its size, and how deep it
// nests. A scenario nests 9 levels at most; a file nested 100,000 deep parses, but then
// overflows the stack of every recursive step after it (copying, printing), with no field named.

/** Deepest nesting of objects and lists accepted (a scenario needs 9, a sweep with an inline base 11). */
export const MAX_JSON_DEPTH = 64;

/** Longest JSON text accepted, in characters (a scenario with 1000 painted strokes is ~2 MB). */
export const MAX_JSON_CHARS = 16 * 1024 * 1024;

export class JsonTextError extends Error {
  constructor(
    message: string,
    /** syntax: not JSON; size, depth: JSON refused before parsing */
    readonly kind: 'syntax' | 'size' | 'depth',
  ) {
    super(message);
    this.name = 'JsonTextError';
  }
}

/** "line 3, column 14" of a character offset. */
function position(text: string, at: number): string {
  let line = 1;
  let start = 0;
  for (let i = 0; i < at; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return `line ${line}, column ${at - start + 1}`;
}

/** The offset where `text` first nests deeper than `max` objects and lists, or -1 (strings skipped). */
export function tooDeepAt(text: string, max = MAX_JSON_DEPTH): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (++depth > max) return i;
    } else if (c === 125 /* } */ || c === 93 /* ] */) depth--;
  }
  return -1;
}

/** Whether a parsed value nests deeper than `max` objects and lists (iterative: no deep recursion). */
export function valueTooDeep(value: unknown, max = MAX_JSON_DEPTH): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length) {
    const [v, d] = stack.pop() as [unknown, number];
    if (v === null || typeof v !== 'object') continue;
    if (d + 1 > max) return true;
    for (const x of Object.values(v)) if (x !== null && typeof x === 'object') stack.push([x, d + 1]);
  }
  return false;
}

/** JSON.parse after checking size and depth; throws JsonTextError with a readable reason. */
export function parseJsonText(text: string): unknown {
  if (text.length > MAX_JSON_CHARS)
    throw new JsonTextError(`${text.length} characters: at most ${MAX_JSON_CHARS} (${MAX_JSON_CHARS / 1024 / 1024} MiB) are read`, 'size');
  const deep = tooDeepAt(text);
  if (deep >= 0) throw new JsonTextError(`nested deeper than ${MAX_JSON_DEPTH} levels of objects and lists (at ${position(text, deep)})`, 'depth');
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new JsonTextError(e instanceof Error ? e.message : String(e), 'syntax');
  }
}
