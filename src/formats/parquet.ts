// Why this file exists: the big tables (a run's cells.csv, a sweep's timeseries.csv) are also
// written as Parquet, which pandas, polars, R (arrow) and DuckDB read typed, fast and without
// parsing text. This is a small writer of our own rather than a dependency: flat tables of
// DOUBLE, INT32, INT64 and UTF-8 strings, each column required or optional (nulls: a CSV's empty
// cells), PLAIN encoding, no compression, one row group, version-1 data pages of at most
// ROWS_PER_PAGE rows; definition levels RLE or bit-packed (whichever is shorter); the footer's
// FileMetaData in the Thrift compact protocol (thrift-compact.ts). No statistics and no
// timestamps: the same table gives the same bytes. Pure; the callers' *-fs.ts files write the
// parts. Layout and field ids follow apache/parquet-format's parquet.thrift.
import { ByteWriter, utf8Bytes } from './byte-writer';
import { binary, i32, i64, list, struct, type ThriftStruct, type ThriftValue, writeStruct } from './thrift-compact';

export type ParquetType = 'DOUBLE' | 'INT32' | 'INT64' | 'UTF8';

export interface ParquetColumn {
  name: string;
  type: ParquetType;
  /** whether the column may hold nulls (else a null is an error) */
  optional: boolean;
  /**
   * One value per row: numbers for DOUBLE, INT32 and INT64 (integers), strings for UTF8; null
   * where there is no value, and in a DOUBLE column any number that is not finite (as the CSV
   * writes both as an empty cell).
   */
  values: ArrayLike<number | null> | ArrayLike<string | null>;
}

/** rows per data page (readers hold a page at a time) */
export const ROWS_PER_PAGE = 65_536;

const MAGIC = utf8Bytes('PAR1');
/** parquet.thrift's enums */
const TYPE_CODE: Record<ParquetType, number> = { INT32: 1, INT64: 2, DOUBLE: 5, UTF8: 6 };
const REQUIRED = 0;
const OPTIONAL = 1;
const PLAIN = 0;
const RLE = 3;
const UNCOMPRESSED = 0;
const DATA_PAGE = 0;
const CONVERTED_UTF8 = 0;

/** Definition levels (0 null, 1 present) in the RLE / bit-packed hybrid of bit width 1, whichever is shorter. */
export function encodeLevels(present: Uint8Array): Uint8Array {
  const n = present.length;
  const rle = new ByteWriter(16);
  for (let i = 0; i < n; ) {
    let j = i + 1;
    while (j < n && present[j] === present[i]) j++;
    rle.varint((j - i) * 2);
    rle.u8(present[i]);
    i = j;
  }
  const groups = Math.ceil(n / 8);
  // a run header and one byte per group of 8 values, least significant bit first
  const packedLength = groups * 1 + varintLength(groups * 2 + 1);
  if (rle.length <= packedLength) return rle.result();
  const packed = new ByteWriter(packedLength);
  packed.varint(groups * 2 + 1);
  for (let g = 0; g < groups; g++) {
    let b = 0;
    for (let k = 0; k < 8; k++) if (present[g * 8 + k] === 1) b |= 1 << k;
    packed.u8(b);
  }
  return packed.result();
}

function varintLength(v: number): number {
  let n = 1;
  while (v >= 0x80) {
    v = Math.floor(v / 0x80);
    n++;
  }
  return n;
}

/** The value of row `i` of a column checked against its type: null for no value. */
function cell(c: ParquetColumn, i: number): number | string | null {
  const v = c.values[i];
  let out: number | string | null;
  if (v === null || v === undefined) out = null;
  else if (c.type === 'UTF8') {
    if (typeof v !== 'string') throw new Error(`parquet column ${c.name}, row ${i}: ${String(v)} is not a string`);
    out = v;
  } else if (typeof v !== 'number') throw new Error(`parquet column ${c.name}, row ${i}: ${String(v)} is not a number`);
  else if (c.type === 'DOUBLE') out = Number.isFinite(v) ? v : null;
  else {
    const ok = c.type === 'INT32' ? Number.isInteger(v) && v >= -(2 ** 31) && v < 2 ** 31 : Number.isSafeInteger(v);
    if (!ok) throw new Error(`parquet column ${c.name}, row ${i}: ${v} is not an ${c.type} integer`);
    out = v;
  }
  if (out === null && !c.optional) throw new Error(`parquet column ${c.name}, row ${i}: no value in a required column`);
  return out;
}

/** One data page of rows [from, to): its header and body. */
function writePage(out: ByteWriter, c: ParquetColumn, from: number, to: number, strings: Map<string, Uint8Array>): void {
  const n = to - from;
  const body = new ByteWriter(n * 8 + 16);
  const present = new Uint8Array(n);
  // the present values, PLAIN: numbers little-endian, strings as their UTF-8 bytes (each with its length)
  const view = c.type === 'UTF8' ? null : new DataView(new ArrayBuffer(n * (c.type === 'INT32' ? 4 : 8)));
  const texts: Uint8Array[] = [];
  let count = 0;
  for (let i = 0; i < n; i++) {
    const v = cell(c, from + i);
    if (v === null) continue;
    present[i] = 1;
    if (view === null) {
      let b = strings.get(v as string);
      if (b === undefined) {
        b = utf8Bytes(v as string);
        if (strings.size < 10_000) strings.set(v as string, b);
      }
      texts.push(b);
    } else if (c.type === 'DOUBLE') view.setFloat64(count * 8, v as number, true);
    else if (c.type === 'INT32') view.setInt32(count * 4, v as number, true);
    else if ((v as number) >= 0) {
      // a safe integer as two 32-bit words (without a BigInt per value)
      view.setUint32(count * 8, (v as number) >>> 0, true);
      view.setUint32(count * 8 + 4, Math.floor((v as number) / 2 ** 32), true);
    } else view.setBigInt64(count * 8, BigInt(v as number), true);
    count++;
  }
  if (c.optional) {
    const levels = encodeLevels(present);
    body.i32le(levels.length);
    body.bytes(levels);
  }
  if (view !== null) body.bytes(new Uint8Array(view.buffer, 0, count * (c.type === 'INT32' ? 4 : 8)));
  else
    for (const b of texts) {
      body.i32le(b.length);
      body.bytes(b);
    }
  const header: ThriftStruct = [
    [1, i32(DATA_PAGE)],
    [2, i32(body.length)],
    [3, i32(body.length)],
    [
      5,
      struct([
        [1, i32(n)],
        [2, i32(PLAIN)],
        [3, i32(RLE)],
        [4, i32(RLE)],
      ]),
    ],
  ];
  writeStruct(out, header);
  out.bytes(body.result());
}

function schemaElement(c: ParquetColumn): ThriftValue {
  return struct([
    [1, i32(TYPE_CODE[c.type])],
    [3, i32(c.optional ? OPTIONAL : REQUIRED)],
    [4, binary(c.name)],
    [6, c.type === 'UTF8' ? i32(CONVERTED_UTF8) : undefined],
    // LogicalType union: STRING (field 1, an empty struct)
    [10, c.type === 'UTF8' ? struct([[1, struct([])]]) : undefined],
  ]);
}

/**
 * A Parquet file of the columns (all the same length), as parts to write one after the other:
 * the magic, each column chunk, then the footer. `createdBy` names the writer in the footer.
 */
export function parquetParts(columns: readonly ParquetColumn[], createdBy: string): Uint8Array[] {
  if (columns.length === 0) throw new Error('a parquet table needs at least one column');
  const rows = columns[0].values.length;
  const names = new Set<string>();
  for (const c of columns) {
    if (c.values.length !== rows) throw new Error(`parquet column ${c.name} has ${c.values.length} values, not ${rows}`);
    if (c.name === '' || names.has(c.name)) throw new Error(`parquet column name "${c.name}" is empty or repeated`);
    names.add(c.name);
  }
  const parts: Uint8Array[] = [MAGIC];
  let offset = MAGIC.length;
  const chunks: ThriftValue[] = [];
  let total = 0;
  // no rows: no row group (a row group of 0 rows with empty pages is allowed too, but says nothing)
  if (rows > 0) {
    for (const c of columns) {
      const strings = new Map<string, Uint8Array>();
      const chunk = new ByteWriter(rows * 8 + 64);
      for (let from = 0; from < rows; from += ROWS_PER_PAGE) writePage(chunk, c, from, Math.min(rows, from + ROWS_PER_PAGE), strings);
      const bytes = chunk.result();
      const meta: ThriftStruct = [
        [1, i32(TYPE_CODE[c.type])],
        [2, list('i32', c.optional ? [i32(PLAIN), i32(RLE)] : [i32(PLAIN)])],
        [3, list('binary', [binary(c.name)])],
        [4, i32(UNCOMPRESSED)],
        [5, i64(rows)],
        [6, i64(bytes.length)],
        [7, i64(bytes.length)],
        [9, i64(offset)],
      ];
      chunks.push(
        struct([
          [2, i64(offset)],
          [3, struct(meta)],
        ]),
      );
      parts.push(bytes);
      offset += bytes.length;
      total += bytes.length;
    }
  }
  const rowGroups =
    rows > 0
      ? [
          struct([
            [1, list('struct', chunks)],
            [2, i64(total)],
            [3, i64(rows)],
            [5, i64(MAGIC.length)],
            [6, i64(total)],
          ]),
        ]
      : [];
  const footer = new ByteWriter(256 + 64 * columns.length);
  writeStruct(footer, [
    [1, i32(1)],
    [
      2,
      list('struct', [
        struct([
          [4, binary('schema')],
          [5, i32(columns.length)],
        ]),
        ...columns.map(schemaElement),
      ]),
    ],
    [3, i64(rows)],
    [4, list('struct', rowGroups)],
    [6, binary(createdBy)],
  ]);
  const meta = footer.result();
  const tail = new ByteWriter(8);
  tail.i32le(meta.length);
  tail.bytes(MAGIC);
  parts.push(meta, tail.result());
  return parts;
}

/** The parts as one array of bytes. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A Parquet file of the columns, in one array of bytes. */
export function parquetFile(columns: readonly ParquetColumn[], createdBy: string): Uint8Array {
  return concatBytes(parquetParts(columns, createdBy));
}
