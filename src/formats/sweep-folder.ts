// Why this file exists: what a sweep folder holds: manifest.json (sweep-manifest.ts), runs.csv
// (runs-csv.ts) and runs/rNNNNN/, one folder per run with the files of a `ferrowave run` folder
// (run-folder.ts): scenario.resolved.json, then summary.json and timeseries.csv (if kept), or
// failed.json with the error. Pure: the names and each file's text; sweep-folder-fs.ts writes.
import type { ResolvedScenario } from '../model/scenario';
import { jsonText, RESOLVED_SCENARIO_JSON, SUMMARY_JSON, TIMESERIES_CSV } from './run-folder';
import type { Manifest, ManifestRun } from './sweep-manifest';

export const MANIFEST = 'manifest.json';
export const RUNS_CSV = 'runs.csv';
export const FAILED_JSON = 'failed.json';
/** the folder of the run folders */
export const RUNS_DIR = 'runs';
/** run folders being written start with this (and are renamed when complete) */
export const TEMP_PREFIX = '.tmp-';

export function manifestText(m: Manifest): string {
  return `${JSON.stringify(m, null, 1)}\n`;
}

/** What a run left behind: its summary and time series (null when not kept), or its error. */
export interface RunOutput {
  ok: boolean;
  /** summary.json contents (as `ferrowave run` writes it) */
  summary: Record<string, unknown> | null;
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
