// Why this file exists: what a sweep folder holds: manifest.json (sweep-manifest.ts), runs.csv
// (runs-csv.ts), timeseries.csv (every kept run's time series in one long table, the run's design
// on each row: pandas and R read it in one call) with timeseries.parquet beside it, and runs/rNNNNN/, one folder per run with the files of a `ferrowave run` folder
// (run-folder.ts): scenario.resolved.json, then summary.json and timeseries.csv (if kept), or
// failed.json with the error. Pure: the names and each file's text; sweep-folder-fs.ts writes.
import type { ResolvedScenario } from '../model/scenario';
import type { PlannedRun } from '../sweep/plan';
import { ID_COLUMNS, idPrefix, jsonText, RESOLVED_SCENARIO_JSON, SUMMARY_JSON, type SummaryFile, TIMESERIES_CSV } from './run-folder';
import { designFields, RUN_DESIGN_COLUMNS } from './runs-csv';
import type { Manifest, ManifestRun } from './sweep-manifest';

export const MANIFEST = 'manifest.json';
export const RUNS_CSV = 'runs.csv';
/** every kept run's time series, one long table (the design on each row) */
export const SWEEP_TIMESERIES_CSV = 'timeseries.csv';
/** the same table as Parquet (tables-parquet.ts), written beside it */
export const SWEEP_TIMESERIES_PARQUET = 'timeseries.parquet';
export const FAILED_JSON = 'failed.json';
/** the folder of the run folders */
export const RUNS_DIR = 'runs';
/** run folders being written start with this (and are renamed when complete) */
export const TEMP_PREFIX = '.tmp-';

/** The sweep's timeseries.csv header: runs.csv's design columns, then the kept measurement columns. */
export function sweepTimeseriesHeader(columns: readonly string[], measures: readonly string[]): string {
  return [...RUN_DESIGN_COLUMNS, ...columns, ...measures].join(',');
}

/**
 * A run's timeseries.csv as rows of the sweep's: its header dropped, and its first two fields
 * (run_id and seed) replaced by the run's design (run_id, run, point, replicate, seed, values).
 */
export function sweepTimeseriesRows(runId: string, p: PlannedRun, runText: string, where: string): string {
  // a run folder of version 1 (a sweep folder written before the run_id and seed columns) has no prefix to replace
  const prefix = runText.startsWith(`${ID_COLUMNS.join(',')},`) ? idPrefix(runId, p.seed) : '';
  const design = `${designFields(runId, p)},`;
  let out = '';
  const lines = runText.split('\n');
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (line === '') continue;
    if (!line.startsWith(prefix)) throw new Error(`${where}: line ${i + 1} is not of run ${runId} (seed ${p.seed})`);
    out += design + line.slice(prefix.length) + '\n';
  }
  return out;
}

export function manifestText(m: Manifest): string {
  return `${JSON.stringify(m, null, 1)}\n`;
}

/** What a run left behind: its summary and time series (null when not kept), or its error. */
export interface RunOutput {
  ok: boolean;
  /** summary.json contents (as `ferrowave run` writes it) */
  summary: SummaryFile | null;
  timeseries: string | null;
  error: string | null;
}

/** A run folder's files, in writing order: resolved scenario, then summary + time series, or failed.json. */
export type FolderFiles = Array<[name: string, text: string]>;

export function runFolderFiles(run: ManifestRun, scenario: ResolvedScenario, r: RunOutput): FolderFiles {
  const files: FolderFiles = [[RESOLVED_SCENARIO_JSON, jsonText(scenario)]];
  if (r.ok) {
    files.push([SUMMARY_JSON, jsonText(r.summary)]);
    if (r.timeseries !== null) files.push([TIMESERIES_CSV, r.timeseries]);
  } else {
    files.push([FAILED_JSON, jsonText({ run: run.run, seed: run.seed, values: run.values, error: r.error })]);
  }
  return files;
}
