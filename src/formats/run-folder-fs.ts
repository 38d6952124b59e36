// Why this file exists: writes a run folder (run-folder.ts says what is in it) as `ferrowave run`
// goes, into its temporary folder (staged-folder-fs.ts renames it into place when the run is
// complete): the resolved scenario (with seed and version) first, the time series streamed as it
// is sampled, the summary and the optional per-cell table (CSV and Parquet) at the end. It also says whether
// --out may receive a run folder: a folder that holds anything else is never replaced.
import { appendFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Sample } from '../analysis/observables';
import type { SimState } from '../model/layout';
import type { ResolvedScenario } from '../model/scenario';
import { writeAtomic, writeAtomicParts } from './atomic-fs';
import { fsReason } from './fs-reason';
import {
  CELLS_CSV,
  CELLS_PARQUET,
  cellsCsv,
  idPrefix,
  jsonText,
  RESOLVED_SCENARIO_JSON,
  type RunId,
  SUMMARY_JSON,
  type SummaryFile,
  TIMESERIES_CSV,
  timeseriesFileHeader,
  timeseriesRow,
} from './run-folder';
import { cellsParquet } from './tables-parquet';

/** The files of a run folder (and the temporaries of a writer killed before runs were staged). */
const RUN_FILE = new RegExp(
  `^(${[RESOLVED_SCENARIO_JSON, TIMESERIES_CSV, SUMMARY_JSON, CELLS_CSV, CELLS_PARQUET].map((f) => f.replace('.', '\\.')).join('|')})(\\.tmp-\\d+)?$`,
);

/**
 * Why `dir` cannot receive a run folder, or null: it may be absent, an empty folder, or a run
 * folder (only a run's files, its scenario among them), a finished one only with `force`.
 */
export function runOutProblem(dir: string, force: boolean): string | null {
  let entries: string[];
  try {
    if (!statSync(dir).isDirectory()) return `--out ${dir} is a file, not a folder: choose a new folder`;
    entries = readdirSync(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    return `--out ${dir}: cannot use it (${fsReason(e)})`;
  }
  if (entries.length === 0) return null;
  const foreign = entries.filter((n) => !RUN_FILE.test(n));
  if (foreign.length || !entries.includes(RESOLVED_SCENARIO_JSON)) {
    const shown = (foreign.length ? foreign : entries).slice(0, 5).join(', ');
    return `--out ${dir} is not empty and is not a ferrowave run folder (it holds ${shown}${entries.length > 5 ? ', ...' : ''}): nothing is replaced there; choose a new or empty folder`;
  }
  if (entries.includes(SUMMARY_JSON) && !force)
    return `--out ${dir} already holds a finished run (${SUMMARY_JSON}); choose another --out or pass --force to replace it`;
  return null;
}

export function writeResolvedScenario(dir: string, sc: ResolvedScenario): void {
  writeAtomic(join(dir, RESOLVED_SCENARIO_JSON), jsonText(sc));
}

/** timeseries.csv, a row appended as each sample is taken. */
export class TimeseriesWriter {
  private readonly path: string;
  private readonly prefix: string;
  constructor(dir: string, runId: RunId, seed: number) {
    this.path = join(dir, TIMESERIES_CSV);
    this.prefix = idPrefix(runId, seed);
    writeFileSync(this.path, `${timeseriesFileHeader()}\n`);
  }
  add(s: Sample): void {
    appendFileSync(this.path, `${timeseriesRow(this.prefix, s)}\n`);
  }
}

export function writeSummary(dir: string, summary: SummaryFile): void {
  writeAtomic(join(dir, SUMMARY_JSON), jsonText(summary));
}

/** cells.csv and, beside it, the same table as cells.parquet. */
export function writeCellsCsv(dir: string, st: SimState, site_um: number, runId: RunId, seed: number): void {
  writeAtomic(join(dir, CELLS_CSV), cellsCsv(st, site_um, runId, seed));
  writeAtomicParts(join(dir, CELLS_PARQUET), cellsParquet(st, site_um, runId, seed));
}
