// Why this file exists: writes a run folder (run-folder.ts says what is in it) as `ferrowave run`
// goes: the resolved scenario (with seed and version) first, the time series streamed as it is
// sampled, the summary and the optional per-cell table at the end, each written atomically.
import { appendFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Sample } from '../analysis/observables';
import type { SimState } from '../model/layout';
import type { ResolvedScenario } from '../model/scenario';
import { writeAtomic } from './atomic-fs';
import { CELLS_CSV, cellsCsv, jsonText, RESOLVED_SCENARIO_JSON, SUMMARY_JSON, TIMESERIES_CSV, timeseriesHeader, timeseriesRow } from './run-folder';

/** Create the folder; a folder that holds a finished run (summary.json) is replaced only with `force`. */
export function prepareOutDir(dir: string, force: boolean): void {
  if (existsSync(join(dir, SUMMARY_JSON)) && !force) {
    throw new Error(`${dir} already holds a finished run (${SUMMARY_JSON}); choose another --out or pass --force to overwrite it`);
  }
  mkdirSync(dir, { recursive: true });
}

export function writeResolvedScenario(dir: string, sc: ResolvedScenario): void {
  writeAtomic(join(dir, RESOLVED_SCENARIO_JSON), jsonText(sc));
}

/** timeseries.csv, a row appended as each sample is taken. */
export class TimeseriesWriter {
  private readonly path: string;
  constructor(dir: string) {
    this.path = join(dir, TIMESERIES_CSV);
    writeFileSync(this.path, `${timeseriesHeader()}\n`);
  }
  add(s: Sample): void {
    appendFileSync(this.path, `${timeseriesRow(s)}\n`);
  }
}

export function writeSummary(dir: string, summary: unknown): void {
  writeAtomic(join(dir, SUMMARY_JSON), jsonText(summary));
}

export function writeCellsCsv(dir: string, st: SimState, site_um: number): void {
  writeAtomic(join(dir, CELLS_CSV), cellsCsv(st, site_um));
}
