// Why this file exists: the manifest (manifest.json) of a sweep folder lists every run of the
// whole sweep (index, design point, replicate, seed, values, folder), with the sweep, the base
// scenario and the version. Resume and merge compare its identity, so runs of different sweeps,
// or of another ferrowave version, are never mixed. Pure: sweep-folder-fs.ts reads and writes it.
import { type Plan, runLabel } from '../sweep/plan';
import type { Shard } from '../sweep/shard';
import type { Scalar, SweepSpec } from '../sweep/spec';

// 2: run folders of format ferrowave-run/2 (tidy columns, results apart from run metadata) and the
// sweep's long timeseries.csv
export const MANIFEST_FORMAT = 'ferrowave-sweep-manifest/2';
/** formats a folder may be read in (report, merge, analysis); a sweep resumes only a folder of its own format */
export const READABLE_MANIFEST_FORMATS: readonly string[] = ['ferrowave-sweep-manifest/1', MANIFEST_FORMAT];

export interface ManifestRun {
  run: number;
  point: number;
  replicate: number;
  seed: number;
  dir: string;
  values: Record<string, Scalar>;
}

export interface Manifest {
  format: string;
  ferrowave_version: string;
  sweep: SweepSpec;
  base_scenario: Record<string, unknown>;
  columns: string[];
  total_runs: number;
  /** which runs this folder holds: one shard, or all (null) */
  shard: Shard | null;
  runs: ManifestRun[];
}

export function runDir(run: number, total: number): string {
  return `runs/${runLabel(run, total)}`;
}

export function buildManifest(spec: SweepSpec, plan: Plan, version: string, shard: Shard | null): Manifest {
  const total = plan.runs.length;
  return {
    format: MANIFEST_FORMAT,
    ferrowave_version: version,
    sweep: spec,
    base_scenario: plan.base,
    columns: plan.columns,
    total_runs: total,
    shard,
    runs: plan.runs.map((r) => ({
      run: r.run,
      point: r.point,
      replicate: r.replicate,
      seed: r.seed,
      dir: runDir(r.run, total),
      values: Object.fromEntries(plan.columns.map((c, k) => [c, r.values[k]])),
    })),
  };
}

/** What must match for two folders to hold runs of the same sweep (everything but the shard). */
export function manifestIdentity(m: Manifest): string {
  return JSON.stringify([m.format, m.ferrowave_version, m.sweep, m.base_scenario, m.columns, m.total_runs, m.runs]);
}

/** The plan back from a manifest (for merge and report, which do not re-read the sweep file). */
export function planFromManifest(m: Manifest): Plan {
  return {
    columns: m.columns,
    base: m.base_scenario,
    runs: m.runs.map((r) => ({ run: r.run, point: r.point, replicate: r.replicate, seed: r.seed, values: m.columns.map((c) => r.values[c]) })),
  };
}
