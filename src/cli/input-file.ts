// Why this file exists: a scenario or sweep file named on the command line is read only if it is
// a regular file of a sane size, and parsed only after its size and nesting depth are checked
// (src/model/json-text.ts): a FIFO, /dev/zero renamed .json or a 400 MB file fails at once with
// the file named, instead of hanging or echoing it.
import { readFileSync, statSync } from 'node:fs';
import { MAX_JSON_CHARS, parseJsonText } from '../model/json-text';

/** Parsed JSON of the file at `path`; throws Error with a readable reason (the caller names the field). */
export function readJsonFile(path: string): unknown {
  const st = statSync(path);
  if (!st.isFile()) throw new Error('not a regular file');
  // UTF-8 takes at least one byte per character: a larger file has too many characters
  if (st.size > 4 * MAX_JSON_CHARS) throw new Error(`${st.size} bytes: at most ${MAX_JSON_CHARS} characters are read`);
  return parseJsonText(readFileSync(path, 'utf8'));
}

/** Text of a data file (CSV) at `path`: a regular file of at most `maxBytes`; throws Error with a readable reason. */
export function readTextFile(path: string, maxBytes = 4 * MAX_JSON_CHARS): string {
  const st = statSync(path);
  if (!st.isFile()) throw new Error('not a regular file');
  if (st.size > maxBytes) throw new Error(`${st.size} bytes: at most ${maxBytes} are read`);
  return readFileSync(path, 'utf8');
}
