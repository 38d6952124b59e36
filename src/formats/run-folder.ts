// Why this file exists: what a run folder holds (`ferrowave run` writes one; each run of a sweep
// has one too): the file names and each file's text. scenario.resolved.json and summary.json are
// indented JSON (summary.json: the results apart from the run's metadata such as its wall time);
// timeseries.csv has one row per sample (7 significant digits), cells.csv one row per site with its
// fate and final state. Both CSV files start with the run's id and seed, and every column name is
// `name_unit` (letters, digits and underscores: `mean_ros_au`, `gsh_uM`; counts of cells carry no
// unit). Pure: run-folder-fs.ts writes.
import { MEAN_VARS, type Sample } from '../analysis/observables';
import type { Summary } from '../analysis/summary';
import { CELL_VARS, STATUS_NAMES, type SimState } from '../model/layout';
import { csvField } from './runs-csv';
import { unitSuffix } from '../model/unit-suffix';

export { unitSuffix };

export const RESOLVED_SCENARIO_JSON = 'scenario.resolved.json';
export const SUMMARY_JSON = 'summary.json';
export const TIMESERIES_CSV = 'timeseries.csv';
export const CELLS_CSV = 'cells.csv';
/** cells.csv's table as Parquet (tables-parquet.ts), written beside it */
export const CELLS_PARQUET = 'cells.parquet';
/**
 * The version of the run folder's files (summary.json's `format`): 2 since the tidy columns
 * (`name_unit`, run_id and seed columns) and the results apart from the run's metadata.
 */
export const RUN_FORMAT = 'ferrowave-run/2';

/** A run's id in its files: its scenario's name (a sweep's runs are named NAME-r00012), so a run and its rerun from scenario.resolved.json give the same files. */
export type RunId = string;

/** How the run went, apart from its results (wall_s and workers differ between two runs of one scenario). */
export interface RunInfo {
  workers: number;
  wall_s: number;
  steps: number;
  cells: number;
  /**
   * why the run's numbers cannot be trusted, or null: the first NaN, infinite or negative value of
   * its state (variable, cell, time: the run stopped at that sample), or a mean that is not
   */
  diverged: string | null;
}

/** summary.json: who the run is, its results, and (apart) how it ran. */
export interface SummaryFile {
  format: typeof RUN_FORMAT;
  /** the scenario's name */
  run_id: RunId;
  seed: number;
  ferrowave_version: string;
  results: Omit<Summary, 'scenario' | 'seed' | 'ferrowave_version'>;
  run_info: RunInfo;
}

export function summaryFile(s: Summary, info: RunInfo): SummaryFile {
  const { scenario, seed, ferrowave_version, ...results } = s;
  return { format: RUN_FORMAT, run_id: scenario, seed, ferrowave_version, results, run_info: info };
}

/** The summary a summary.json holds (what the sweep's metrics read), checking its format (version 1, before `format`, is read too). */
export function summaryOfFile(f: SummaryFile, where: string): Summary {
  if (f && f.format === undefined && 'wave' in f) {
    // version 1: the summary itself, with the run's metadata as `run`
    const { run, ...v1 } = f as unknown as Summary & { run?: unknown };
    return v1;
  }
  if (f?.format !== RUN_FORMAT)
    throw new Error(`${where}: format "${f?.format ?? '(none)'}", expected "${RUN_FORMAT}" (written by another version of ferrowave)`);
  return { scenario: f.run_id, seed: f.seed, ferrowave_version: f.ferrowave_version, ...f.results };
}

/** The first two fields of every row of timeseries.csv and cells.csv. */
export const ID_COLUMNS = ['run_id', 'seed'] as const;

/** Those two fields of one run, with the comma that follows them. */
export function idPrefix(runId: RunId, seed: number): string {
  return `${csvField(runId)},${seed},`;
}

/** A JSON file of a run folder (scenario.resolved.json, summary.json): indented by 2, with a final newline. */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

const UNITS: Record<string, string> = Object.fromEntries(CELL_VARS.map((v) => [v.name, v.unit]));

/** A number as timeseries.csv writes it: 7 significant digits, shortest form; '' for null or not finite. */
export function fmt7(x: number | null): string {
  if (x === null || !Number.isFinite(x)) return '';
  // an integer of at most 7 digits prints as itself (and skips the slower toPrecision round trip)
  if (Number.isInteger(x) && x < 1e7 && x > -1e7) return String(x);
  return String(Number(x.toPrecision(7)));
}

/** The columns of timeseries.csv that count cells (integers, never empty). */
export const COUNT_COLUMNS = ['alive', 'dying', 'dead', 'necrotic', 'hypoxic', 'committed_total', 'necrotic_total', 'births_total'] as const;

interface TsColumn {
  name: string;
  cell(s: Sample): string;
}

const TS_COLUMNS: readonly TsColumn[] = [
  { name: 't_min', cell: (s) => fmt7(s.t_min) },
  ...COUNT_COLUMNS.map((k) => ({
    name: k,
    cell: (s: Sample) => String(s[k]),
  })),
  ...MEAN_VARS.map((v) => ({ name: `mean_${v}_${unitSuffix(UNITS[v])}`, cell: (s: Sample) => fmt7(s.means[v]) })),
  { name: 'mean_o2_uM', cell: (s) => fmt7(s.means.o2) },
  { name: 'front_um', cell: (s) => fmt7(s.front_um) },
];

/** The measurement columns of timeseries.csv (after run_id and seed), a sweep's vocabulary for keep.timeseries. */
export function timeseriesHeader(): string {
  return TS_COLUMNS.map((c) => c.name).join(',');
}

/** timeseries.csv's first line: run_id, seed and every measurement column. */
export function timeseriesFileHeader(): string {
  return `${ID_COLUMNS.join(',')},${timeseriesHeader()}`;
}

/** One row of timeseries.csv; `prefix` is idPrefix(run id, seed). */
export function timeseriesRow(prefix: string, s: Sample): string {
  return prefix + allColumns.row(s);
}

/** The header (run_id, seed, then these columns) and a row formatter (without the id prefix) for some columns of timeseries.csv (unknown names throw). */
export function timeseriesColumns(names: readonly string[]): { header: string; row(s: Sample): string } {
  const cols = names.map((n) => {
    const c = TS_COLUMNS.find((x) => x.name === n);
    if (!c) throw new Error(`unknown timeseries column ${n}`);
    return c;
  });
  const n = cols.length;
  return {
    header: [...ID_COLUMNS, ...names].join(','),
    row(s) {
      let line = n > 0 ? cols[0].cell(s) : '';
      for (let i = 1; i < n; i++) line += `,${cols[i].cell(s)}`;
      return line;
    },
  };
}

const allColumns = timeseriesColumns(TS_COLUMNS.map((c) => c.name));

/** The per-cell variables of cells.csv after its fixed columns (the death times are among those). */
export const CELLS_VARS = CELL_VARS.filter((v) => v.name !== 't_dying' && v.name !== 't_dead');

/** cells.csv's columns: run id and seed, position, fate, death times, clone, then each variable as `name_unit`. */
export function cellsHeader(): string[] {
  return [...ID_COLUMNS, 'x_um', 'y_um', 'status', 't_death_min', 't_dying_min', 'clone', ...CELLS_VARS.map((v) => `${v.name}_${unitSuffix(v.unit)}`)];
}

/** A number as cells.csv holds it: 6 significant digits (NaN for a value that is not finite: an empty cell). */
export function round6(x: number): number {
  return Number.isFinite(x) ? Number(x.toPrecision(6)) : Number.NaN;
}

/** cells.csv: one row per site: run id and seed, position, fate, death time and the final per-cell state (units in the names). */
export function cellsCsv(st: SimState, site_um: number, runId: RunId, seed: number): string {
  const vars = CELLS_VARS;
  const prefix = idPrefix(runId, seed);
  const lines = [cellsHeader().join(',')];
  const fmt = (x: number) => (Number.isFinite(x) ? String(round6(x)) : '');
  for (let y = 0; y < st.height; y++) {
    for (let x = 0; x < st.width; x++) {
      const i = y * st.width + x;
      lines.push(
        prefix +
          [
            ((x + 0.5) * site_um).toString(),
            ((y + 0.5) * site_um).toString(),
            STATUS_NAMES[st.status[i]],
            fmt(st.cell.t_dead[i]),
            fmt(st.cell.t_dying[i]),
            String(st.clone[i]),
            ...vars.map((v) => fmt(st.cell[v.name][i])),
          ].join(','),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
