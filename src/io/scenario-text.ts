// Why this file exists: scenarios leaving and entering as text, apart from any DOM (the sandbox's
// export, import and links; the CLI's `record` opens the page with a link):
// export as the CLI's JSON (resolved, with seed and ferrowave_version, so `ferrowave run file.json`
// re-runs it headless), import from a file's text, and share in the URL hash (#s=<base64url of the
// JSON>). Anything coming in is parsed with JSON.parse only (never evaluated), after its size and
// nesting depth are checked, and validated with resolveScenario (the CLI's validation, limits
// included) before the running simulation is touched.
import { parseJsonText } from '../model/json-text';
import { cut, printable } from '../model/printable';
import { type ResolvedScenario, resolveScenario, ScenarioError } from '../model/scenario';
import { FERROWAVE_VERSION } from '../model/version';

/** Scenario JSON as typed or exported (validated by resolveScenario). */
export type RawScenario = Record<string, unknown>;

/** The hash key of a shared scenario: location.hash = `#s=<base64url JSON>`. */
export const HASH_KEY = 's';

/** The scenario running now (raw JSON with seed and added treatments), resolved: every default, every parameter, the version. */
export function exportScenario(raw: RawScenario): ResolvedScenario {
  return resolveScenario(raw, FERROWAVE_VERSION);
}

/** Error thrown for input that is not a scenario; `message` is readable as is. */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}

/**
 * Parse and validate scenario JSON text (a file or a decoded link). Throws ImportError (not JSON)
 * or ScenarioError (invalid: path, value and what is allowed, one line per problem).
 */
export function parseScenarioText(text: string, what = 'file'): ResolvedScenario {
  let raw: unknown;
  try {
    raw = parseJsonText(text);
  } catch (e) {
    // the parser's message quotes the text: shown cut and without control characters
    throw new ImportError(`the ${what} is not valid JSON: ${printable(cut(e instanceof Error ? e.message : String(e)))}`);
  }
  return resolveScenario(raw, FERROWAVE_VERSION);
}

function toBase64Url(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(s)) throw new ImportError('the link is damaged: its scenario part (#s=...) is not base64url text');
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (s.length % 4)) % 4);
  let bin: string;
  try {
    bin = atob(b64);
  } catch {
    throw new ImportError('the link is damaged: its scenario part (#s=...) is not base64url text');
  }
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

/** The hash (with '#') that shares `sc`: the resolved scenario JSON (seed and version inside), base64url of UTF-8. */
export function encodeShareHash(sc: ResolvedScenario): string {
  return `#${HASH_KEY}=${toBase64Url(new TextEncoder().encode(JSON.stringify(sc)))}`;
}

/**
 * Decode a location.hash. Returns null when the hash carries no scenario; the validated scenario
 * otherwise; throws ImportError / ScenarioError for a damaged or invalid one.
 */
export function decodeShareHash(hash: string): ResolvedScenario | null {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!body) return null;
  const part = new URLSearchParams(body).get(HASH_KEY);
  if (part === null) return null;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(fromBase64Url(part));
  } catch (e) {
    if (e instanceof ImportError) throw e;
    throw new ImportError('the link is damaged: its scenario part (#s=...) is not UTF-8 text');
  }
  return parseScenarioText(text, 'link');
}

/** A readable message for an import/link failure. */
export function describeImportError(e: unknown, what: string): string {
  if (e instanceof ScenarioError) return `invalid scenario in the ${what}:\n${e.message}`;
  return e instanceof Error ? e.message : String(e);
}
