// Why this file exists: anything ferrowave prints can come from a file someone else wrote. Values
// echoed in error messages are cut to a short preview (a 2-million-element list is not printed,
// and a value nested 100,000 deep does not overflow the stack), and control characters (terminal
// escape sequences, bidirectional overrides) are shown as \u escapes, never written raw.

/** Characters of a value echoed in a message (then "…" and its size). */
export const PREVIEW_CHARS = 200;

/** Levels of a nested value shown in a preview before "…". */
const PREVIEW_DEPTH = 6;

/** C0 controls, DEL, C1 controls (terminal escapes), the bidirectional marks and overrides, and line and paragraph separators. */
function isControl(c: number): boolean {
  return c <= 0x1f || (c >= 0x7f && c <= 0x9f) || c === 0x200e || c === 0x200f || (c >= 0x2028 && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

/** Whether `text` holds a control character (see isControl). */
export function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isControl(text.charCodeAt(i))) return true;
  return false;
}

/** Text safe to write to a terminal: control characters shown as \uXXXX (line breaks and tabs kept when `lines`). */
export function printable(text: string, lines = false): string {
  if (!hasControl(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out += isControl(c) && !(lines && (c === 9 || c === 10)) ? `\\u${c.toString(16).padStart(4, '0')}` : text[i];
  }
  return out;
}

/** `text` cut to `max` characters, with "…" when cut. */
export function cut(text: string, max = PREVIEW_CHARS): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/**
 * A value as JSON, cut after about PREVIEW_CHARS characters (with its size when cut) and
 * PREVIEW_DEPTH levels; the work done is bounded by what is shown, whatever the value's size.
 */
export function preview(value: unknown, max = PREVIEW_CHARS): string {
  let out = '';
  const full = () => out.length > max;
  const walk = (v: unknown, depth: number): void => {
    if (full()) return;
    if (v === null || typeof v === 'boolean') out += String(v);
    else if (typeof v === 'number') out += Number.isFinite(v) ? JSON.stringify(v) : String(v);
    else if (typeof v === 'string') out += JSON.stringify(v.length > max ? v.slice(0, max + 1) : v);
    else if (v === undefined || typeof v === 'function' || typeof v === 'symbol' || typeof v === 'bigint') out += v === undefined ? 'null' : typeof v;
    else if (depth >= PREVIEW_DEPTH) out += Array.isArray(v) ? '[…]' : '{…}';
    else if (Array.isArray(v)) {
      out += '[';
      for (let i = 0; i < v.length && !full(); i++) {
        if (i > 0) out += ',';
        walk(v[i], depth + 1);
      }
      out += ']';
    } else {
      out += '{';
      let first = true;
      for (const k in v as Record<string, unknown>) {
        if (full()) break;
        if (!Object.hasOwn(v as object, k)) continue;
        out += `${first ? '' : ','}${JSON.stringify(k.length > max ? k.slice(0, max + 1) : k)}:`;
        first = false;
        walk((v as Record<string, unknown>)[k], depth + 1);
      }
      out += '}';
    }
  };
  walk(value, 0);
  if (!full()) return printable(out);
  const size = Array.isArray(value)
    ? ` (a list of ${value.length} items)`
    : typeof value === 'string'
      ? ` (${value.length} characters)`
      : value && typeof value === 'object'
        ? ' (an object)'
        : '';
  return `${printable(out.slice(0, max))}…${size}`;
}
