// Our Parquet writer (src/formats/parquet.ts) read back by an independent reader (hyparquet): every
// type, nulls in every pattern, strings of every kind, several pages, an empty table; the bytes
// of the Thrift compact protocol it writes the footer with; same input, same bytes.
import { describe, expect, it } from 'vitest';
import { ByteWriter } from '../../src/formats/byte-writer';
import { encodeLevels, type ParquetColumn, parquetFile, ROWS_PER_PAGE } from '../../src/formats/parquet';
import { binary, bool, i32, i64, list, struct, writeStruct } from '../../src/formats/thrift-compact';
import { readParquet } from './parquet-reader';

const bytesOf = (f: (w: ByteWriter) => void) => {
  const w = new ByteWriter(4);
  f(w);
  return [...w.result()];
};

describe('thrift compact protocol', () => {
  it('writes field headers, zigzag varints, strings, lists and nested structs as the protocol says', () => {
    // field 1 i32 = 1: delta 1, type 5; zigzag(1) = 2; stop
    expect(bytesOf((w) => writeStruct(w, [[1, i32(1)]]))).toEqual([0x15, 0x02, 0x00]);
    // negative: zigzag(-1) = 1; i64 150 -> zigzag 300 -> varint ac 02
    expect(
      bytesOf((w) =>
        writeStruct(w, [
          [1, i32(-1)],
          [2, i64(150)],
        ]),
      ),
    ).toEqual([0x15, 0x01, 0x16, 0xac, 0x02, 0x00]);
    // a jump of more than 15 ids: the long form (type, then the id as a zigzag varint)
    expect(bytesOf((w) => writeStruct(w, [[20, i32(0)]]))).toEqual([0x05, 40, 0x00, 0x00]);
    // booleans live in the header; absent optional fields are skipped
    expect(
      bytesOf((w) =>
        writeStruct(w, [
          [1, bool(true)],
          [2, undefined],
          [3, bool(false)],
        ]),
      ),
    ).toEqual([0x11, 0x22, 0x00]);
    // a string: length then UTF-8
    expect(bytesOf((w) => writeStruct(w, [[4, binary('é')]]))).toEqual([0x48, 2, 0xc3, 0xa9, 0x00]);
    // a short list: size and element type in one byte; a long one (15+): 0xf_ then the size
    expect(bytesOf((w) => writeStruct(w, [[1, list('i32', [i32(1), i32(2)])]]))).toEqual([0x19, 0x25, 2, 4, 0x00]);
    const long = bytesOf((w) =>
      writeStruct(w, [
        [
          1,
          list(
            'i32',
            Array.from({ length: 15 }, () => i32(0)),
          ),
        ],
      ]),
    );
    expect(long.slice(0, 3)).toEqual([0x19, 0xf5, 15]);
    expect(long).toHaveLength(3 + 15 + 1);
    // nested structs restart the field ids
    expect(bytesOf((w) => writeStruct(w, [[3, struct([[1, i32(0)]])]]))).toEqual([0x3c, 0x15, 0x00, 0x00, 0x00]);
  });

  it('refuses what it cannot write', () => {
    expect(() =>
      bytesOf((w) =>
        writeStruct(w, [
          [2, i32(0)],
          [1, i32(0)],
        ]),
      ),
    ).toThrow(/increase/);
    expect(() => bytesOf((w) => writeStruct(w, [[1, i32(2 ** 31)]]))).toThrow(/out of range/);
    expect(() => bytesOf((w) => writeStruct(w, [[1, i64(2 ** 53)]]))).toThrow(/2\^52/);
  });
});

describe('definition levels', () => {
  it('are RLE runs for long runs and bit-packed for scattered nulls, whichever is shorter', () => {
    // 100 present: one RLE run, header varint(200) = c8 01, value 1
    expect([...encodeLevels(new Uint8Array(100).fill(1))]).toEqual([0xc8, 0x01, 0x01]);
    // alternating 16: bit-packed, 2 groups: header (2 << 1) | 1 = 5, then 0b10101010 twice
    const alt = Uint8Array.from({ length: 16 }, (_, i) => i % 2);
    expect([...encodeLevels(alt)]).toEqual([0x05, 0xaa, 0xaa]);
  });
});

const col = (name: string, type: ParquetColumn['type'], values: ParquetColumn['values'], optional = false): ParquetColumn => ({ name, type, optional, values });

describe('parquet files', () => {
  it('round-trip every type and value through an independent reader', async () => {
    const strings = ['run-1', '', 'a,b', 'say "hi"', 'line\nbreak', 'ümlaut µM – 铁', ' padded ', 'x'.repeat(1000)];
    const doubles = [0, -0.5, 1.5e-300, 1.7976931348623157e308, -123456.789, 5e-324, 0.1 + 0.2, 42];
    const int32 = [0, 1, -1, 2 ** 31 - 1, -(2 ** 31), 7, 400, 65536];
    const int64 = [0, 2 ** 32 - 1, 2 ** 53 - 1, -(2 ** 53 - 1), -1, 1, 12345678901, 3];
    const file = parquetFile(
      [
        col('s', 'UTF8', strings),
        col('d_um', 'DOUBLE', doubles),
        col('n', 'INT32', int32),
        col('seed', 'INT64', int64),
        col('maybe_uM', 'DOUBLE', [null, 1, Number.NaN, 2, Number.POSITIVE_INFINITY, 3, null, 4], true),
        col('label', 'UTF8', [null, 'a', null, '', 'b', null, null, 'c'], true),
        col('k', 'INT32', [null, 1, 2, null, 3, 4, 5, null], true),
        col('big', 'INT64', [1, null, 2, null, 3, null, 4, null], true),
      ],
      'ferrowave test',
    );
    const back = await readParquet(file);
    expect(back.columns).toEqual([
      { name: 's', type: 'BYTE_ARRAY', repetition: 'REQUIRED', logical: 'STRING' },
      { name: 'd_um', type: 'DOUBLE', repetition: 'REQUIRED', logical: null },
      { name: 'n', type: 'INT32', repetition: 'REQUIRED', logical: null },
      { name: 'seed', type: 'INT64', repetition: 'REQUIRED', logical: null },
      { name: 'maybe_uM', type: 'DOUBLE', repetition: 'OPTIONAL', logical: null },
      { name: 'label', type: 'BYTE_ARRAY', repetition: 'OPTIONAL', logical: 'STRING' },
      { name: 'k', type: 'INT32', repetition: 'OPTIONAL', logical: null },
      { name: 'big', type: 'INT64', repetition: 'OPTIONAL', logical: null },
    ]);
    expect(back.numRows).toBe(8);
    expect(back.rowGroups).toBe(1);
    expect(back.rows.map((r) => r.s)).toEqual(strings);
    expect(back.rows.map((r) => r.d_um)).toEqual(doubles);
    expect(Object.is(back.rows[1].d_um, -0.5)).toBe(true);
    expect(back.rows.map((r) => r.n)).toEqual(int32);
    expect(back.rows.map((r) => r.seed)).toEqual(int64.map(BigInt));
    // numbers that are not finite are nulls, as the CSV's empty cells
    expect(back.rows.map((r) => r.maybe_uM)).toEqual([null, 1, null, 2, null, 3, null, 4]);
    expect(back.rows.map((r) => r.label)).toEqual([null, 'a', null, '', 'b', null, null, 'c']);
    expect(back.rows.map((r) => r.k)).toEqual([null, 1, 2, null, 3, 4, 5, null]);
    expect(back.rows.map((r) => r.big)).toEqual([1n, null, 2n, null, 3n, null, 4n, null]);
  });

  it('splits long columns into pages and keeps every value, with nulls in runs and scattered', async () => {
    const n = ROWS_PER_PAGE * 2 + 1234;
    const x = Float64Array.from({ length: n }, (_, i) => i * 0.25 - 1000);
    // runs of nulls across a page boundary, then scattered ones
    const t = Array.from({ length: n }, (_, i) => ((i > ROWS_PER_PAGE - 100 && i < ROWS_PER_PAGE + 100) || i % 7 === 3 ? null : i / 3));
    const status = Array.from({ length: n }, (_, i) => ['alive', 'dying', 'dead'][i % 3]);
    const back = await readParquet(
      parquetFile(
        [col('x_um', 'DOUBLE', x), col('t_min', 'DOUBLE', t, true), col('status', 'UTF8', status), col('clone', 'INT32', new Uint8Array(n).fill(3))],
        'test',
      ),
    );
    expect(back.rows).toHaveLength(n);
    expect(back.rows.every((r, i) => r.x_um === x[i] && r.t_min === t[i] && r.status === status[i] && r.clone === 3)).toBe(true);
  });

  it('writes an empty table with its columns and no rows', async () => {
    const file = parquetFile([col('run_id', 'UTF8', []), col('t_min', 'DOUBLE', []), col('mean_ros_au', 'DOUBLE', [], true)], 'test');
    const back = await readParquet(file);
    expect(back.rows).toEqual([]);
    expect(back.numRows).toBe(0);
    expect(back.columns.map((c) => `${c.name}:${c.type}:${c.repetition}`)).toEqual([
      'run_id:BYTE_ARRAY:REQUIRED',
      't_min:DOUBLE:REQUIRED',
      'mean_ros_au:DOUBLE:OPTIONAL',
    ]);
  });

  it('gives the same bytes for the same table, starting and ending with PAR1', () => {
    const make = () => parquetFile([col('a', 'DOUBLE', [1, 2, null], true), col('b', 'UTF8', ['x', 'y', 'z'])], 'ferrowave version 0.1.0');
    const a = make();
    expect(make()).toEqual(a);
    const text = new TextDecoder('latin1').decode(a);
    expect(text.startsWith('PAR1')).toBe(true);
    expect(text.endsWith('PAR1')).toBe(true);
    expect(text).toContain('ferrowave version 0.1.0');
  });

  it('refuses values that do not fit their column', () => {
    expect(() => parquetFile([col('a', 'DOUBLE', [1, null])], 't')).toThrow(/row 1: no value in a required column/);
    expect(() => parquetFile([col('a', 'DOUBLE', [Number.NaN])], 't')).toThrow(/required/);
    expect(() => parquetFile([col('n', 'INT32', [2 ** 31])], 't')).toThrow(/not an INT32 integer/);
    expect(() => parquetFile([col('n', 'INT32', [1.5])], 't')).toThrow(/not an INT32 integer/);
    expect(() => parquetFile([col('n', 'INT64', [2 ** 53])], 't')).toThrow(/not an INT64 integer/);
    expect(() => parquetFile([col('s', 'UTF8', [1 as unknown as string])], 't')).toThrow(/not a string/);
    expect(() => parquetFile([col('a', 'DOUBLE', [1]), col('b', 'DOUBLE', [1, 2])], 't')).toThrow(/2 values, not 1/);
    expect(() => parquetFile([col('a', 'DOUBLE', [1]), col('a', 'DOUBLE', [1])], 't')).toThrow(/repeated/);
    expect(() => parquetFile([], 't')).toThrow(/at least one column/);
  });
});
