// JSON from outside is refused for its depth or size before it is parsed, and only then: brackets
// inside strings (escaped quotes included) do not count, and what is refused says where.
import { describe, expect, it } from 'vitest';
import { JsonTextError, MAX_JSON_DEPTH, parseJsonText, tooDeepAt } from '../../src/model/json-text';
import { preview, printable } from '../../src/model/printable';

describe('JSON text from outside', () => {
  it('counts only the nesting of objects and lists, not brackets inside strings', () => {
    const name = `${'['.repeat(500)}\\"{{{{`;
    expect(parseJsonText(`{"name": "${name}", "a": [[1]]}`)).toEqual({ name: `${'['.repeat(500)}"{{{{`, a: [[1]] });
    expect(tooDeepAt(`${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}`)).toBe(-1);
    expect(tooDeepAt(`${'['.repeat(MAX_JSON_DEPTH + 1)}${']'.repeat(MAX_JSON_DEPTH + 1)}`)).toBe(MAX_JSON_DEPTH);
  });

  it('says why and where it refuses', () => {
    const deep = `{\n "a":\n ${'['.repeat(70)}${']'.repeat(70)}}`;
    expect(() => parseJsonText(deep)).toThrow(/nested deeper than 64 levels of objects and lists \(at line 3, column 65\)/);
    const kind = (text: string) => {
      try {
        parseJsonText(text);
        return 'parsed';
      } catch (e) {
        return e instanceof JsonTextError ? e.kind : 'other';
      }
    };
    expect(kind('{"a": ')).toBe('syntax');
    expect(kind(deep)).toBe('depth');
    expect(kind(`"${'x'.repeat(17 * 1024 * 1024)}"`)).toBe('size');
  });

  it('echoes values cut to ~200 characters with their size, and never a raw control character', () => {
    expect(preview(Array.from({ length: 2_000_000 }, (_, i) => i))).toMatch(/^\[0,1,2,.{150,220}… \(a list of 2000000 items\)$/);
    expect(preview('x'.repeat(10_000))).toMatch(/^"x{199}… \(10000 characters\)$/);
    expect(preview({ a: { b: { c: { d: { e: { f: { g: 1 } } } } } } })).toBe('{"a":{"b":{"c":{"d":{"e":{"f":{…}}}}}}}');
    expect(preview('\u001b[31m\u009b\u202e')).toBe('"\\u001b[31m\\u009b\\u202e"');
    expect(printable('a\u001b[2Jb\nc', true)).toBe('a\\u001b[2Jb\nc');
    expect(printable('a\nb')).toBe('a\\u000ab');
  });
});
