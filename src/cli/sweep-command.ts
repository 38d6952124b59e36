// Why this file exists: `ferrowave sweep`: start the pool of worker threads, validate the sweep and
// every design point's scenario, write the manifest, run the missing runs of this shard on the
// pool (each worker writes its run's folder atomically as it finishes), then rebuild runs.csv
// from the folders. Killing it
// loses at most the runs in flight; `--resume` finishes only what is missing.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fsReason } from '../formats/fs-reason';
import { cleanStale, discardFolder, type StagedFolder, stageFolder } from '../formats/staged-folder-fs';
import { MANIFEST } from '../formats/sweep-folder';
import { completedRuns, createSweepFolder, readManifest, readRows, removeTemporaries, writeSobolCsv, writeSweepTables } from '../formats/sweep-folder-fs';
import { buildManifest, manifestIdentity } from '../formats/sweep-manifest';
import { FERROWAVE_VERSION } from '../model/version';
import type { SweepContext } from '../node/sweep-execute';
import { type Pool, startPool } from '../node/sweep-pool';
import { planSweep } from '../sweep/plan';
import { inShard, parseShard, type Shard } from '../sweep/shard';
import { readSweepFile } from './sweep-input';
import { SweepProgress } from './sweep-progress';
import { CliError } from './cli-error';
import { UsageError } from './usage-error';

export const SWEEP_ONLY_USAGE = `  ferrowave sweep <sweep.json> --out DIR [--workers N] [--shard i/n] [--resume] [--quiet]
                               runs a parameter sweep (see README "Parameter sweeps"); --workers 0 runs
                               in this thread; --shard i/n runs the runs with index mod n = i`;
export const MERGE_USAGE = '  ferrowave merge DIR... --out DIR      combines the folders of the shards of one sweep';
export const REPORT_USAGE = '  ferrowave report DIR [--out FILE]     writes DIR/report.html: dose-response, heat maps, failed runs';
export const SWEEP_USAGE = `${SWEEP_ONLY_USAGE}
${MERGE_USAGE}
${REPORT_USAGE}`;

export interface SweepOptions {
  out: string;
  workers: number;
  shard: Shard | null;
  resume: boolean;
  quiet: boolean;
}

export function parseSweepArgs(args: string[]): { file: string; opts: SweepOptions } {
  let parsed: ReturnType<typeof parse>;
  const parse = () =>
    parseArgs({
      args,
      allowPositionals: true,
      options: { out: { type: 'string' }, workers: { type: 'string' }, shard: { type: 'string' }, resume: { type: 'boolean' }, quiet: { type: 'boolean' } },
    });
  try {
    parsed = parse();
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError('sweep takes exactly one sweep file (.json)');
  if (!values.out) throw new UsageError('sweep needs --out DIR');
  const workers = values.workers === undefined ? availableParallelism() : Number(values.workers);
  if (!Number.isInteger(workers) || workers < 0 || workers > 256) throw new UsageError(`--workers must be an integer from 0 to 256, got ${values.workers}`);
  let shard: Shard | null = null;
  if (values.shard !== undefined) {
    try {
      shard = parseShard(values.shard);
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
  }
  return { file: positionals[0], opts: { out: values.out, workers, shard, resume: Boolean(values.resume), quiet: Boolean(values.quiet) } };
}

export async function sweepCommand(args: string[]): Promise<number> {
  const { file, opts } = parseSweepArgs(args);
  // the workers load their code while this thread validates and plans the sweep
  const pool = startPool(opts.workers);
  try {
    return await sweep(file, opts, pool);
  } finally {
    pool.stop();
  }
}

/** A new sweep folder's temporary folder beside `dir` (null: `dir` holds a sweep to resume); CliError (exit 2) when `dir` cannot be used. */
function stageSweepFolder(dir: string, resume: boolean): StagedFolder | null {
  if (existsSync(join(dir, MANIFEST))) {
    if (!resume) throw new UsageError(`${dir} already holds a sweep (${MANIFEST}): pass --resume to finish it, or choose another --out`);
    return null;
  }
  try {
    cleanStale(dir);
  } catch {
    // a leftover that cannot be removed is no reason not to run
  }
  let empty = true;
  try {
    empty = statSync(dir).isDirectory() && readdirSync(dir).length === 0;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new CliError(`--out ${dir}: cannot use it (${fsReason(e)})`);
  }
  if (!empty) throw new CliError(`--out ${dir} exists and is not a sweep folder: nothing is written there; choose an empty or new --out`);
  try {
    return stageFolder(dir);
  } catch (e) {
    throw new CliError(`--out ${dir}: cannot write a folder there (${fsReason(e)})`);
  }
}

async function sweep(file: string, opts: SweepOptions, pool: Pool): Promise<number> {
  const { spec, baseRaw } = readSweepFile(file);
  const dir = resolve(opts.out);
  // --out is checked (and a new folder staged) before the design is planned and validated
  const stage = stageSweepFolder(dir, opts.resume);
  let manifest: ReturnType<typeof buildManifest>;
  let plan: ReturnType<typeof planSweep>;
  try {
    plan = planSweep(spec, baseRaw, FERROWAVE_VERSION);
    manifest = buildManifest(spec, plan, FERROWAVE_VERSION, opts.shard);
    if (stage) createSweepFolder(stage, manifest);
  } catch (e) {
    if (stage) discardFolder(stage);
    throw e;
  }
  const shardText = (s: Shard | null) => (s ? `--shard ${s.index}/${s.count}` : 'no --shard');
  if (!stage) {
    const old = readManifest(dir);
    if (old.format !== manifest.format)
      throw new CliError(
        `${dir} was written in the older folder format ${old.format} (its runs' files have other columns): it can be reported and merged, not resumed; run the sweep into a new folder`,
      );
    if (manifestIdentity(old) !== manifestIdentity(manifest))
      throw new CliError(
        `${dir} holds another sweep (different sweep file, base scenario or ferrowave version ${old.ferrowave_version}): it cannot be resumed with ${file}`,
      );
    if (JSON.stringify(old.shard) !== JSON.stringify(opts.shard))
      throw new CliError(`${dir} was started with ${shardText(old.shard)}: resume it with the same`);
  }
  removeTemporaries(dir);
  const present = completedRuns(dir);
  const mine = manifest.runs.filter((r) => inShard(r.run, opts.shard));
  const todo = mine.filter((r) => !present.has(r.run));
  const label = `${spec.name}${opts.shard ? ` shard ${opts.shard.index}/${opts.shard.count}` : ''}`;
  const progress = new SweepProgress(label, todo.length, mine.length - todo.length, opts.quiet);

  // each run's scenario is built and its folder written by the worker that runs it
  const ctx: SweepContext = { dir, spec, base: plan.base, columns: plan.columns, total: plan.runs.length, version: FERROWAVE_VERSION };
  let failed = 0;
  const t0 = performance.now();
  progress.start();
  const done = pool.run(ctx, todo[Symbol.iterator](), (res) => {
    if (!res.ok) failed++;
    progress.tick(res.ok);
  });
  const onSignal = (sig: NodeJS.Signals) => {
    pool.stop();
    progress.finish(`stopped by ${sig}; finished runs are kept: run again with --resume to finish the rest`);
    process.exit(sig === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    await done;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  // a worker that died while writing leaves a temporary behind
  removeTemporaries(dir);
  const rows = readRows(dir, manifest, mine);
  writeSweepTables(dir, manifest, rows);
  const sobol = writeSobolCsv(dir, manifest, rows);
  const wall = (performance.now() - t0) / 1000;
  const allFailed = rows.filter((r) => r.outcome.status === 'failed').length;
  progress.finish(
    `${todo.length} runs in ${wall.toFixed(1)} s (${failed} failed)${mine.length > todo.length ? `, ${mine.length - todo.length} were already done` : ''}; ${mine.length} runs in runs.csv, ${allFailed} failed${sobol ? '; Sobol indices in sobol.csv' : ''}`,
  );
  console.log(dir);
  return 0;
}
