// Why this file exists: the files of a sweep folder. A run's folder is written under a temporary
// name and renamed into place, so after any kill it is either complete or absent (leftover
// temporaries are removed on --resume). runs.csv is rebuilt from the run folders, so it depends
// only on what is on disk, not on the order or the process that wrote it.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { threadId } from 'node:worker_threads';
import type { Summary } from '../analysis/summary';
import { PRESET_NAMES, PRESETS } from '../model/presets';
import type { ResolvedScenario } from '../model/scenario';
import { type Manifest, MANIFEST_FORMAT, type ManifestRun, planFromManifest } from '../sweep/manifest';
import { METRIC_NAMES } from '../sweep/metrics';
import { type SweepSpec, SweepError, validateSweep } from '../sweep/spec';
import { type RunOutcome, type RunRow, runsCsv } from '../sweep/table';
import { timeseriesHeader, writeAtomic } from './outputs';
import type { RunResult } from './sweep-execute';

export const MANIFEST = 'manifest.json';
export const RUNS_CSV = 'runs.csv';

/** Read and validate a sweep file and its base scenario (a preset, a file next to it, or inline). */
export function readSweepFile(path: string): { spec: SweepSpec; baseRaw: Record<string, unknown> } {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new SweepError([{ path, value: undefined, message: `cannot read the sweep file as JSON (${(e as Error).message})` }]);
  }
  const spec = validateSweep(raw, { metrics: METRIC_NAMES, timeseriesColumns: timeseriesHeader().split(',') });
  if (typeof spec.base !== 'string') return { spec, baseRaw: structuredClone(spec.base) };
  if (PRESETS[spec.base]) return { spec, baseRaw: structuredClone(PRESETS[spec.base]) };
  if (!spec.base.endsWith('.json')) throw new SweepError([{ path: 'sweep.base', value: spec.base, message: `neither a preset nor a .json file; presets: ${PRESET_NAMES.join(', ')}` }]);
  const file = resolve(dirname(path), spec.base);
  try {
    return { spec, baseRaw: JSON.parse(readFileSync(file, 'utf8')) };
  } catch (e) {
    throw new SweepError([{ path: 'sweep.base', value: spec.base, message: `cannot read the scenario file ${file} (${(e as Error).message})` }]);
  }
}

export function readManifest(dir: string): Manifest {
  const path = join(dir, MANIFEST);
  let m: Manifest;
  try {
    m = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`${dir} is not a sweep folder: cannot read ${MANIFEST} (${(e as Error).message})`);
  }
  if (m.format !== MANIFEST_FORMAT) throw new Error(`${path}: format "${m.format}", expected "${MANIFEST_FORMAT}"`);
  return m;
}

export function writeManifest(dir: string, m: Manifest): void {
  writeAtomic(join(dir, MANIFEST), `${JSON.stringify(m, null, 1)}\n`);
}

/** Indices of the run folders present (complete by construction). */
export function completedRuns(dir: string): Set<number> {
  const runs = join(dir, 'runs');
  const out = new Set<number>();
  if (!existsSync(runs)) return out;
  for (const name of readdirSync(runs)) if (/^r\d+$/.test(name)) out.add(Number(name.slice(1)));
  return out;
}

/** Remove the temporaries of runs that a killed sweep was writing. */
export function removeTemporaries(dir: string): number {
  const runs = join(dir, 'runs');
  if (!existsSync(runs)) return 0;
  let n = 0;
  for (const name of readdirSync(runs)) {
    if (name.startsWith('.tmp-')) {
      rmSync(join(runs, name), { recursive: true, force: true });
      n++;
    }
  }
  return n;
}

/** A run folder's files, in writing order: resolved scenario, then summary + time series, or failed.json. */
export type FolderFiles = Array<[name: string, text: string]>;

export function runFolderFiles(run: ManifestRun, scenario: ResolvedScenario, r: RunResult): FolderFiles {
  const files: FolderFiles = [['scenario.resolved.json', `${JSON.stringify(scenario, null, 2)}\n`]];
  if (r.ok) {
    files.push(['summary.json', `${JSON.stringify(r.summary, null, 2)}\n`]);
    if (r.timeseries !== null) files.push(['timeseries.csv', r.timeseries]);
  } else {
    files.push(['failed.json', `${JSON.stringify({ run: run.run, seed: run.seed, values: run.values, error: r.error }, null, 2)}\n`]);
  }
  return files;
}

/** Write a run's folder atomically: into a temporary folder, renamed into place when complete. */
export function writeFolderFiles(dir: string, run: ManifestRun, files: FolderFiles): void {
  const final = join(dir, run.dir);
  // unique to this process and thread: pool workers may write their own runs' folders
  const tmp = join(dir, 'runs', `.tmp-${run.dir.slice('runs/'.length)}-${process.pid}-${threadId}`);
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
export function writeRunFolder(dir: string, run: ManifestRun, scenario: ResolvedScenario, r: RunResult): void {
  writeFolderFiles(dir, run, runFolderFiles(run, scenario, r));
}

/** What happened to a run, read back from its folder. */
export function readOutcome(dir: string, run: ManifestRun): RunOutcome {
  const d = join(dir, run.dir);
  if (existsSync(join(d, 'failed.json'))) {
    const f = JSON.parse(readFileSync(join(d, 'failed.json'), 'utf8'));
    return { status: 'failed', error: String(f.error), summary: null };
  }
  return { status: 'ok', error: null, summary: JSON.parse(readFileSync(join(d, 'summary.json'), 'utf8')) as Summary };
}

/** Rows for the given runs of a folder (every one must be present). */
export function readRows(dir: string, m: Manifest, runs: readonly ManifestRun[]): RunRow[] {
  const plan = planFromManifest(m);
  return runs.map((r) => ({ planned: plan.runs[r.run], outcome: readOutcome(dir, r) }));
}

export function writeRunsCsv(dir: string, m: Manifest, rows: readonly RunRow[]): void {
  writeAtomic(join(dir, RUNS_CSV), runsCsv(m.columns, m.sweep.keep.metrics, rows));
}
