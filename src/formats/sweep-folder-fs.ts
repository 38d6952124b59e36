// Why this file exists: reads and writes a sweep folder (sweep-folder.ts says what is in it). A
// run's folder is written under a temporary name and renamed into place, so after any kill it is
// either complete or absent (leftover temporaries are removed on --resume). runs.csv is rebuilt
// from the run folders, so it depends only on what is on disk, not on the order or the process
// that wrote it.
import { closeSync, cpSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import type { ResolvedScenario } from '../model/scenario';
import type { RunOutcome, RunRow } from '../sweep/outcome';
import { runName } from '../sweep/plan';
import { writeAtomic, writeAtomicParts } from './atomic-fs';
import { commitFolder, type StagedFolder } from './staged-folder-fs';
import { SUMMARY_JSON, type SummaryFile, summaryOfFile, TIMESERIES_CSV, timeseriesHeader } from './run-folder';
import { runsCsv } from './runs-csv';
import {
  FAILED_JSON,
  type FolderFiles,
  MANIFEST,
  manifestText,
  RUNS_CSV,
  RUNS_DIR,
  type RunOutput,
  runFolderFiles,
  SWEEP_TIMESERIES_CSV,
  SWEEP_TIMESERIES_PARQUET,
  sweepTimeseriesHeader,
  sweepTimeseriesRows,
  TEMP_PREFIX,
} from './sweep-folder';
import { SOBOL_CSV, sobolCsv } from './sobol-csv';
import { designValueTypes, SweepTimeseriesTable } from './tables-parquet';
import { sobolAnalysis } from '../sweep/sobol-table';
import { type Manifest, MANIFEST_FORMAT, type ManifestRun, planFromManifest, READABLE_MANIFEST_FORMATS } from './sweep-manifest';

export function readManifest(dir: string): Manifest {
  const path = join(dir, MANIFEST);
  let m: Manifest;
  try {
    m = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`${dir} is not a sweep folder: cannot read ${MANIFEST} (${(e as Error).message})`);
  }
  if (!READABLE_MANIFEST_FORMATS.includes(m.format)) throw new Error(`${path}: format "${m.format}", expected "${MANIFEST_FORMAT}"`);
  return m;
}

export function writeManifest(dir: string, m: Manifest): void {
  writeAtomic(join(dir, MANIFEST), manifestText(m));
}

/** Indices of the run folders present (complete by construction). */
export function completedRuns(dir: string): Set<number> {
  const runs = join(dir, RUNS_DIR);
  const out = new Set<number>();
  if (!existsSync(runs)) return out;
  for (const name of readdirSync(runs)) if (/^r\d+$/.test(name)) out.add(Number(name.slice(1)));
  return out;
}

/** Remove the temporaries of runs that a killed sweep was writing. */
export function removeTemporaries(dir: string): number {
  const runs = join(dir, RUNS_DIR);
  if (!existsSync(runs)) return 0;
  let n = 0;
  for (const name of readdirSync(runs)) {
    if (name.startsWith(TEMP_PREFIX)) {
      rmSync(join(runs, name), { recursive: true, force: true });
      n++;
    }
  }
  return n;
}

/** The temporary name of a run's folder while this process (and thread) writes it. */
function tempDir(dir: string, run: ManifestRun, unique: string): string {
  return join(dir, RUNS_DIR, `${TEMP_PREFIX}${run.dir.slice(`${RUNS_DIR}/`.length)}-${unique}`);
}

/** Write a run's folder atomically: into a temporary folder, renamed into place when complete. */
export function writeFolderFiles(dir: string, run: ManifestRun, files: FolderFiles): void {
  const final = join(dir, run.dir);
  // unique to this process and thread: pool workers may write their own runs' folders
  const tmp = tempDir(dir, run, `${process.pid}-${threadId}`);
  try {
    mkdirSync(tmp);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp);
  }
  for (const [name, text] of files) writeFileSync(join(tmp, name), text);
  renameSync(tmp, final);
}

/** Write one run's folder atomically: resolved scenario, then summary + time series, or failed.json. */
export function writeRunFolder(dir: string, run: ManifestRun, scenario: ResolvedScenario, r: RunOutput): void {
  writeFolderFiles(dir, run, runFolderFiles(run, scenario, r));
}

/** Copy a complete run folder from another sweep folder (a shard) into `dir`, atomically. */
export function copyRunFolder(fromDir: string, dir: string, run: ManifestRun): void {
  const tmp = tempDir(dir, run, `${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  cpSync(join(fromDir, run.dir), tmp, { recursive: true });
  renameSync(tmp, join(dir, run.dir));
}

/** What happened to a run, read back from its folder. */
export function readOutcome(dir: string, run: ManifestRun): RunOutcome {
  const d = join(dir, run.dir);
  if (existsSync(join(d, FAILED_JSON))) {
    const f = JSON.parse(readFileSync(join(d, FAILED_JSON), 'utf8'));
    return { status: 'failed', error: String(f.error), summary: null };
  }
  return { status: 'ok', error: null, summary: summaryOfFile(JSON.parse(readFileSync(join(d, SUMMARY_JSON), 'utf8')) as SummaryFile, join(d, SUMMARY_JSON)) };
}

/** Rows for the given runs of a folder (every one must be present). */
export function readRows(dir: string, m: Manifest, runs: readonly ManifestRun[]): RunRow[] {
  const plan = planFromManifest(m);
  return runs.map((r) => ({ planned: plan.runs[r.run], outcome: readOutcome(dir, r) }));
}

/** The sweep's tables, rebuilt from its run folders: runs.csv, and timeseries.csv unless no time series are kept. */
export function writeSweepTables(dir: string, m: Manifest, rows: readonly RunRow[]): void {
  writeAtomic(
    join(dir, RUNS_CSV),
    runsCsv(m.columns, m.sweep.keep.metrics, rows, (run) => runName(m.sweep.name, run, m.total_runs)),
  );
  writeSweepTimeseries(dir, m, rows);
}

/**
 * timeseries.csv of the sweep: every finished run's time series in one long table, the run's
 * design (run_id, point, replicate, seed, the varied values) on each of its rows, sorted by run;
 * streamed to a temporary file and renamed into place. timeseries.parquet, the same table, is
 * written after it (also renamed into place).
 */
export function writeSweepTimeseries(dir: string, m: Manifest, rows: readonly RunRow[]): void {
  const path = join(dir, SWEEP_TIMESERIES_CSV);
  const parquetPath = join(dir, SWEEP_TIMESERIES_PARQUET);
  const keep = m.sweep.keep.timeseries;
  if (keep === 'none') {
    rmSync(path, { force: true });
    rmSync(parquetPath, { force: true });
    return;
  }
  const measures = keep === 'all' ? timeseriesHeader().split(',') : keep;
  const table = new SweepTimeseriesTable(m.columns, designValueTypes(planFromManifest(m).runs, m.columns.length), measures);
  const tmp = `${path}.tmp-${process.pid}-${threadId}`;
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, `${sweepTimeseriesHeader(m.columns, measures)}\n`);
    const dirOf = new Map(m.runs.map((r) => [r.run, r.dir]));
    for (const { planned: p, outcome } of [...rows].sort((a, b) => a.planned.run - b.planned.run)) {
      if (outcome.status !== 'ok') continue;
      const runDir = dirOf.get(p.run);
      const file = runDir === undefined ? null : join(dir, runDir, TIMESERIES_CSV);
      if (file === null || !existsSync(file)) continue;
      const runId = runName(m.sweep.name, p.run, m.total_runs);
      const text = sweepTimeseriesRows(runId, p, readFileSync(file, 'utf8'), file);
      writeSync(fd, text);
      table.addRun(runId, p, text, file);
    }
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  writeAtomicParts(parquetPath, table.parts());
}

/**
 * sobol.csv of a saltelli sweep whose folder holds every run (a shard or an unfinished sweep gets
 * none, and loses a stale one). Returns whether it was written.
 */
export function writeSobolCsv(dir: string, m: Manifest, rows: readonly RunRow[]): boolean {
  const path = join(dir, SOBOL_CSV);
  if (m.sweep.design !== 'saltelli' || rows.length < m.total_runs) {
    rmSync(path, { force: true });
    return false;
  }
  writeAtomic(path, sobolCsv(sobolAnalysis(m.sweep, m.columns, rows)));
  return true;
}

/** A new sweep folder, complete or absent: the manifest and runs/ in the staged folder, renamed into place. */
export function createSweepFolder(stage: StagedFolder, m: Manifest): void {
  writeManifest(stage.tmp, m);
  mkdirSync(join(stage.tmp, RUNS_DIR));
  commitFolder(stage);
}
