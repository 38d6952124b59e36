// Why this file exists: the Parquet copies of the two big tables, written beside their CSV with the
// same columns, names and values: a run's cells.csv (cells.parquet) and a sweep's long-format
// timeseries.csv (timeseries.parquet). Each number is the one the CSV holds (6 or 7 significant
// digits), an empty CSV cell is a null. Types: strings (run_id, status, a sweep's non-numeric
// axes) UTF8; counts of cells, indices and clone INT32; seed INT64 (up to 2^32 - 1); everything
// else DOUBLE. Pure: run-folder-fs.ts and sweep-folder-fs.ts write the files.
import { STATUS_NAMES, type SimState } from '../model/layout';
import { parseCsv } from '../model/csv-text';
import { FERROWAVE_VERSION } from '../model/version';
import type { PlannedRun } from '../sweep/plan';
import { type ParquetColumn, type ParquetType, parquetParts } from './parquet';
import { CELLS_VARS, COUNT_COLUMNS, cellsHeader, round6, type RunId } from './run-folder';
import { RUN_DESIGN_COLUMNS } from './runs-csv';

/** The writer named in every Parquet footer. */
export const PARQUET_CREATED_BY = `ferrowave version ${FERROWAVE_VERSION}`;

/** cells.csv as Parquet: one row per site, cellsCsv's columns and values. */
export function cellsParquet(st: SimState, site_um: number, runId: RunId, seed: number): Uint8Array[] {
  const w = st.width;
  const n = w * st.height;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const status: string[] = new Array(n);
  const clone = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = ((i % w) + 0.5) * site_um;
    y[i] = (Math.floor(i / w) + 0.5) * site_um;
    status[i] = STATUS_NAMES[st.status[i]];
    clone[i] = st.clone[i];
  }
  const rounded = (a: ArrayLike<number>) => Float64Array.from(a, round6);
  const names = cellsHeader();
  const columns: ParquetColumn[] = [
    { name: names[0], type: 'UTF8', optional: false, values: new Array<string>(n).fill(runId) },
    { name: names[1], type: 'INT64', optional: false, values: new Float64Array(n).fill(seed) },
    { name: names[2], type: 'DOUBLE', optional: false, values: x },
    { name: names[3], type: 'DOUBLE', optional: false, values: y },
    { name: names[4], type: 'UTF8', optional: false, values: status },
    { name: names[5], type: 'DOUBLE', optional: true, values: rounded(st.cell.t_dead) },
    { name: names[6], type: 'DOUBLE', optional: true, values: rounded(st.cell.t_dying) },
    { name: names[7], type: 'INT32', optional: false, values: clone },
    ...CELLS_VARS.map((v, k): ParquetColumn => ({ name: names[8 + k], type: 'DOUBLE', optional: true, values: rounded(st.cell[v.name]) })),
  ];
  return parquetParts(columns, PARQUET_CREATED_BY);
}

/** The Parquet type of a timeseries.csv measurement column and whether it may be empty. */
export function timeseriesColumnType(name: string): { type: ParquetType; optional: boolean } {
  if ((COUNT_COLUMNS as readonly string[]).includes(name)) return { type: 'INT32', optional: false };
  if (name === 't_min') return { type: 'DOUBLE', optional: false };
  // means over living cells (none: empty), the front (before any: empty)
  return { type: 'DOUBLE', optional: true };
}

/** The type of each varied value's column: DOUBLE when every run's value is a number, else UTF8 (the CSV's text). */
export function designValueTypes(runs: readonly PlannedRun[], count: number): Array<'DOUBLE' | 'UTF8'> {
  return Array.from({ length: count }, (_, k) => (runs.every((r) => typeof r.values[k] === 'number') ? 'DOUBLE' : 'UTF8'));
}

/**
 * A sweep's timeseries.parquet, filled run by run with the rows its timeseries.csv gets
 * (sweepTimeseriesRows): the design columns from the planned run, the measurements parsed back
 * from the text, so both files hold the same values.
 */
export class SweepTimeseriesTable {
  private readonly cols: Array<{ name: string; type: ParquetType; optional: boolean; values: Array<number | string | null> }>;
  private readonly design: number;

  constructor(columns: readonly string[], valueTypes: ReadonlyArray<'DOUBLE' | 'UTF8'>, measures: readonly string[]) {
    const designTypes: ParquetType[] = ['UTF8', 'INT32', 'INT32', 'INT32', 'INT64'];
    this.cols = [
      ...RUN_DESIGN_COLUMNS.map((name, k) => ({ name, type: designTypes[k], optional: false, values: [] })),
      ...columns.map((name, k) => ({ name, type: valueTypes[k], optional: false, values: [] })),
      ...measures.map((name) => ({ name, ...timeseriesColumnType(name), values: [] })),
    ];
    this.design = RUN_DESIGN_COLUMNS.length + columns.length;
  }

  /** The rows of one run: `rowsText` is what sweepTimeseriesRows gave for it (`where` names its file in errors). */
  addRun(runId: string, p: PlannedRun, rowsText: string, where: string): void {
    const design: Array<number | string> = [
      runId,
      p.run,
      p.point,
      p.replicate,
      p.seed,
      ...p.values.map((v, k) => (this.cols[5 + k].type === 'UTF8' ? String(v) : (v as number))),
    ];
    for (const { line, fields } of parseCsv(rowsText)) {
      if (fields.length !== this.cols.length)
        throw new Error(
          `${where}: a row with ${fields.length - this.design} measurements, expected ${this.cols.length - this.design} (line ${line + 1} of the file)`,
        );
      for (let k = 0; k < this.design; k++) this.cols[k].values.push(design[k]);
      for (let k = this.design; k < this.cols.length; k++) {
        const c = this.cols[k];
        const f = fields[k];
        const v = f === '' ? null : Number(f);
        if (v !== null && !(c.type === 'INT32' ? Number.isInteger(v) : Number.isFinite(v)))
          throw new Error(`${where}: ${c.name} "${f}" is not ${c.type === 'INT32' ? 'a count' : 'a number'} (line ${line + 1} of the file)`);
        c.values.push(v);
      }
    }
  }

  parts(): Uint8Array[] {
    return parquetParts(this.cols as ParquetColumn[], PARQUET_CREATED_BY);
  }
}
