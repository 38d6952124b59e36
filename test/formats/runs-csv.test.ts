// The tables ferrowave writes are read back with the one CSV parser of src/model/csv-text.ts:
// runs-csv's parseCsv is that parser without line numbers, so blank lines and an unterminated
// quote are treated alike wherever a CSV is read.
import { describe, expect, it } from 'vitest';
import { csvField, parseCsv } from '../../src/formats/runs-csv';
import { parseCsv as parseCsvText } from '../../src/model/csv-text';

describe("runs-csv's parseCsv", () => {
  it('skips blank lines (LF, CRLF, whitespace only, at the end) as csv-text does', () => {
    const text = 'a,b\n\n1,2\r\n\r\n   \n3,"x\n\ny"\n\n\n';
    expect(parseCsv(text)).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', 'x\n\ny'],
    ]);
    expect(parseCsv(text)).toEqual(parseCsvText(text).map((r) => r.fields));
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('\n\n')).toEqual([]);
    // an empty field is kept: a row of empty fields is not a blank line
    expect(parseCsv('a,b\n,\n')).toEqual([
      ['a', 'b'],
      ['', ''],
    ]);
  });

  it('throws on an unterminated quote, naming the line it opened on', () => {
    expect(() => parseCsv('a,b\n1,"never closed\n2,3\n')).toThrow('a quoted field opened on line 2 is never closed');
    expect(() => parseCsv('"')).toThrow(/line 1 is never closed/);
  });

  it('reads back what csvField writes', () => {
    const values = ['plain', 'a,b', 'say "hi"', 'two\nlines', ' padded ', '', 'crlf\r\nx'];
    const text = `${values.map((v) => csvField(v)).join(',')}\n${values.map((v) => csvField(v)).join(',')}\n`;
    expect(parseCsv(text)).toEqual([values, values]);
  });
});
