// Reads the Parquet files ferrowave writes with an independent reader (hyparquet, pure JS) for the
// tests: the schema (names, physical types, required or optional) and every row, and compares a
// file with the CSV it is written beside, value by value.
import { parquetMetadata, parquetReadObjects, parquetSchema } from 'hyparquet';
import { expect } from 'vitest';
import { parseCsv } from '../../src/model/csv-text';

export interface ReadBack {
  columns: Array<{ name: string; type: string; repetition: string; logical: string | null }>;
  rows: Array<Record<string, unknown>>;
  numRows: number;
  rowGroups: number;
}

export async function readParquet(bytes: Uint8Array): Promise<ReadBack> {
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const md = parquetMetadata(file);
  const columns = parquetSchema(md).children.map((c) => ({
    name: c.element.name,
    type: String(c.element.type),
    repetition: String(c.element.repetition_type),
    logical: c.element.logical_type ? String(c.element.logical_type.type) : null,
  }));
  const rows = (await parquetReadObjects({ file })) as Array<Record<string, unknown>>;
  return { columns, rows, numRows: Number(md.num_rows), rowGroups: md.row_groups.length };
}

/** A value read back as the CSV writes it: '' for null, integers (bigint too) and numbers in their shortest form. */
export function asCsvText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'bigint' || typeof v === 'number' || typeof v === 'string') return String(v);
  throw new Error(`unexpected value ${String(v)} (${typeof v})`);
}

/** The Parquet file holds exactly the CSV's table: the same column names in order, the same rows, every value the same. */
export async function expectSameTable(parquet: Uint8Array, csvText: string): Promise<ReadBack> {
  const [header, ...body] = parseCsv(csvText).map((r) => r.fields);
  const back = await readParquet(parquet);
  expect(back.columns.map((c) => c.name)).toEqual(header);
  expect(back.rows).toHaveLength(body.length);
  const mismatches: string[] = [];
  body.forEach((fields, i) => {
    header.forEach((h, k) => {
      const got = asCsvText(back.rows[i][h]);
      if (got !== fields[k] && mismatches.length < 10) mismatches.push(`row ${i + 1}, ${h}: csv "${fields[k]}", parquet "${got}"`);
    });
  });
  expect(mismatches).toEqual([]);
  return back;
}
