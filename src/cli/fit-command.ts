// Why this file exists: `ferrowave fit <fit.json> --out DIR`: validate the fit file, its data and
// every run's scenario; start (or continue) the fit folder; then batch by batch ask the optimiser
// for candidates, run them on the sweep's worker pool (this shard's share, waiting for the other
// shards), score them and save the state; finally write the best parameters, tables, figures and
// report. Killing it loses at most the runs in flight: the same command continues.
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fitKey } from '../fit/draws';
import { absorb, candidatesLeft, type FitState, initialState, nextBatch } from '../fit/driver';
import { scoreCandidate } from '../fit/objective';
import { informativePoints } from '../fit/plan';
import { EVALUATIONS_CSV, type ResolvedFit } from '../formats/fit-folder';
import { FitFolderRefused, openFitFolder, readFitState, writeAtomicUnique, writeFitOutputs, writeFitState } from '../formats/fit-folder-fs';
import { fsReason } from '../formats/fs-reason';
import { fitOutputFiles } from '../formats/fit-outputs';
import { evaluationsCsv } from '../formats/fit-tables';
import { FERROWAVE_VERSION } from '../model/version';
import { runBatch } from '../node/fit-batch';
import { modelFingerprint } from '../node/model-fingerprint';
import { type Pool, startPool } from '../node/sweep-pool';
import { parseShard, type Shard } from '../sweep/shard';
import { readFitFile } from './fit-input';
import { FitProgress } from './fit-progress';
import { CliError } from './cli-error';
import { UsageError } from './usage-error';

export const FIT_USAGE = `  ferrowave fit <fit.json> --out DIR [--workers N] [--shard i/n] [--wait-min M] [--dry-run] [--quiet]
                               fits model parameters to data (see README "Fitting"): CMA-ES on the worker
                               pool, then the profile likelihood; rerun the same command to continue after
                               an interruption; --shard i/n: this process runs every n-th run of each batch,
                               the other shards (same --out, a shared file system) the rest; --dry-run checks
                               the fit file and its data and prints the plan`;

export interface FitOptions {
  out: string;
  workers: number;
  shard: Shard | null;
  waitMin: number;
  dryRun: boolean;
  quiet: boolean;
}

export function parseFitArgs(args: string[]): { file: string; opts: FitOptions } {
  let parsed: ReturnType<typeof parse>;
  const parse = () =>
    parseArgs({
      args,
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        workers: { type: 'string' },
        shard: { type: 'string' },
        'wait-min': { type: 'string' },
        'dry-run': { type: 'boolean' },
        quiet: { type: 'boolean' },
      },
    });
  try {
    parsed = parse();
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError('fit takes exactly one fit file (.json)');
  const dryRun = Boolean(values['dry-run']);
  if (!values.out && !dryRun) throw new UsageError('fit needs --out DIR');
  const workers = values.workers === undefined ? availableParallelism() : Number(values.workers);
  if (!Number.isInteger(workers) || workers < 0 || workers > 256) throw new UsageError(`--workers must be an integer from 0 to 256, got ${values.workers}`);
  const waitMin = values['wait-min'] === undefined ? 120 : Number(values['wait-min']);
  if (!(waitMin > 0)) throw new UsageError(`--wait-min must be a number of minutes > 0, got ${values['wait-min']}`);
  let shard: Shard | null = null;
  if (values.shard !== undefined) {
    try {
      shard = parseShard(values.shard);
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
  }
  return { file: positionals[0], opts: { out: values.out ?? '', workers, shard, waitMin, dryRun, quiet: Boolean(values.quiet) } };
}

export async function fitCommand(args: string[]): Promise<number> {
  const { file, opts } = parseFitArgs(args);
  // the workers load their code while this thread reads and checks the fit
  const pool = opts.dryRun ? null : startPool(opts.workers);
  try {
    return await runFit(file, opts, pool);
  } finally {
    pool?.stop();
  }
}

function phaseLabel(state: FitState, max: number): string {
  if (state.phase === 'optimise') return `generation ${state.cma.generation + 1}/${max}`;
  const left = state.profile?.filter((r) => !r.done).length ?? 0;
  return `profile likelihood (${left} grid point${left === 1 ? '' : 's'} left)`;
}

async function runFit(file: string, opts: FitOptions, pool: Pool | null): Promise<number> {
  const input = readFitFile(file);
  const { spec, plan } = input;
  const nc = plan.conditions.length;
  if (opts.dryRun || !pool) {
    const skipped = input.skipped.reduce((a, s) => a + s.lines.length, 0);
    const budget = candidatesLeft(initialState(spec, input.start, informativePoints(plan)), spec);
    console.log(
      [
        `fit ${spec.name}: ${plan.points.length} data points from ${spec.data.length} file(s)${skipped ? `, ${skipped} rows skipped (${input.skipped.map((s) => `${s.agent}: ${s.lines.length}`).join(', ')})` : ''}`,
        `${nc} runs per parameter vector; ${spec.parameters.length} parameters: ${spec.parameters.map((p, j) => `${p.name} in [${p.lower}, ${p.upper}] (${p.scale}) from ${input.start[j]}`).join('; ')}`,
        `at most ${budget} parameter vectors (${budget * nc} runs) within the budget (the tolerances may stop it sooner)`,
      ].join('\n'),
    );
    return 0;
  }
  const fingerprint = modelFingerprint();
  const resolved: ResolvedFit = { ...input.resolved, model_fingerprint: fingerprint };
  const dir = resolve(opts.out);
  let how: 'new' | 'continued';
  try {
    how = openFitFolder(dir, resolved, file);
  } catch (e) {
    if (e instanceof FitFolderRefused) throw new CliError(e.message);
    throw new CliError(`--out ${dir}: cannot write a fit folder there (${fsReason(e)})`);
  }
  const shard = opts.shard ?? { index: 0, count: 1 };
  const primary = shard.index === 0;
  const key = fitKey(spec.seed);
  let state = readFitState(dir) ?? initialState(spec, input.start, informativePoints(plan));
  const label = `${spec.name}${opts.shard ? ` shard ${shard.index}/${shard.count}` : ''}`;
  const progress = new FitProgress(label, opts.quiet);
  const skippedRows = input.skipped.filter((s) => s.lines.length > 0);
  if (skippedRows.length)
    progress.note(
      `rows left out (skip_agents): ${skippedRows.map((s) => `${s.agent} ${s.lines.length} row${s.lines.length === 1 ? '' : 's'}${s.known ? '' : ' (not a treatment of the model)'}`).join(', ')}`,
    );
  if (how === 'continued') progress.note(`continuing ${dir} from batch ${state.batch} (${state.evaluations.length} parameter vectors evaluated)`);
  const onSignal = (sig: NodeJS.Signals) => {
    pool.stop();
    progress.finish(`stopped by ${sig}; finished runs are kept: run the same command again to continue`);
    process.exit(sig === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const t0 = performance.now();
  try {
    while (state.phase !== 'done') {
      const cands = nextBatch(state, spec, key);
      const share = (total: number) => Math.ceil(total / shard.count);
      progress.batch(
        phaseLabel(state, spec.optimiser.max_generations),
        share(cands.length * nc),
        share((candidatesLeft(state, spec) - cands.length) * nc),
        state.best?.objective ?? null,
      );
      const outcomes = await runBatch(
        {
          dir,
          spec,
          plan,
          version: FERROWAVE_VERSION,
          pool,
          shard,
          waitMs: opts.waitMin * 60_000,
          onRun: (d) => progress.runs(d),
          onWait: (m) => progress.waitFor(m),
        },
        state.batch,
        cands,
      );
      state = absorb(
        state,
        spec,
        key,
        cands,
        outcomes.map((o) => scoreCandidate(plan, o)),
      );
      writeFitState(dir, state);
      if (primary) writeAtomicUnique(join(dir, EVALUATIONS_CSV), evaluationsCsv(spec, state));
      progress.batchEnd();
    }
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  if (primary) writeFitOutputs(dir, fitOutputFiles({ spec, plan, state, skipped: input.skipped, version: FERROWAVE_VERSION, fingerprint }));
  const wall = (performance.now() - t0) / 1000;
  const best = state.best;
  progress.finish(
    `done in ${wall.toFixed(1)} s: ${state.evaluations.length} parameter vectors (${state.evaluations.length * nc} runs), optimiser stopped on ${state.cma.stop}; best objective ${best ? Number(best.objective.toPrecision(6)) : '–'}${primary ? '' : ' (shard 0 writes the outputs)'}`,
  );
  console.log(dir);
  return 0;
}
