// Why this file exists: `ferrowave run`: validate, run on N workers with a progress line on
// stderr, and write a self-describing run folder (src/formats/run-folder.ts). The folder is
// written beside --out under a temporary name and renamed into place when the run is complete
// (src/formats/staged-folder-fs.ts): a run stopped or killed at any point leaves the previous
// result at --out as it was, and --force replaces the whole folder, only at the end.
// The state is scanned at every sample (src/node/state-guard.ts): at the first NaN, infinity or
// negative value the run stops there, its folder is written as far as it got (timeseries.csv up
// to that sample, summary.json's run_info.diverged naming the variable, the cell and the time) and
// it exits 3; the means of the samples are checked once more at the end, as a backstop.
// Testing hooks (inside their declared ranges the parameters do not make the model diverge:
// test/model/param-edges.test.ts): FERROWAVE_RUN_INJECT=nan plants a NaN in one cell's ROS at the
// second sample (the scan finds it); FERROWAVE_RUN_INJECT=nan-mean makes the first sample's mean
// ROS NaN after the run (the backstop finds it).
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { badValueText } from '../analysis/state-scan';
import { summarise } from '../analysis/summary';
import { createEngine } from '../engine/engine';
import { runToEnd } from '../engine/runner';
import { summaryFile } from '../formats/run-folder';
import { runOutProblem, TimeseriesWriter, writeCellsCsv, writeResolvedScenario, writeSummary } from '../formats/run-folder-fs';
import { fsReason } from '../formats/fs-reason';
import { cleanStale, commitFolder, discardFolder, type StagedFolder, stageFolder } from '../formats/staged-folder-fs';
import { spawnSimWorker } from './sim-workers';
import { printable } from '../model/printable';
import type { ResolvedScenario } from '../model/scenario';
import { createSimulation } from '../model/simulation';
import { CliError } from './cli-error';
import { Progress } from './progress';
import { divergence } from '../sweep/metrics';
import { stateGuard } from '../node/state-guard';

export const RUN_USAGE = `  ferrowave run <scenario.json | preset> --out DIR [--seed N] [--workers N] [--set path=value ...]
                [--cells-csv] [--force] [--quiet]`;

export const RUN_DETAILS = `run writes DIR/scenario.resolved.json, DIR/timeseries.csv, DIR/summary.json (and DIR/cells.csv
with the same table as DIR/cells.parquet with --cells-csv), all at once when the run is complete. --set overrides any scenario path, e.g.
--set treatments[0].uM=2.5 --set params.ox_diffusion=300 --set lattice.width=200. DIR must be new,
empty or a run folder (--force replaces a finished one). A run whose state goes bad (a NaN, an infinity or a
negative amount in any cell or field) stops at that sample with exit code 3, naming the variable, the cell and the
time; its folder is written as far as it got.`;

export interface RunOptions {
  out: string;
  workers: number;
  cellsCsv: boolean;
  force: boolean;
  quiet: boolean;
}

/** The temporary folder beside `dir`, after checking that `dir` may receive the run; CliError (exit 2) otherwise. */
export function stageRunFolder(dir: string, force: boolean, quiet: boolean): StagedFolder {
  const say = (m: string) => quiet || process.stderr.write(`[ferrowave] ${printable(m)}\n`);
  try {
    for (const note of cleanStale(dir)) say(note);
  } catch {
    // a leftover that cannot be removed is no reason not to run
  }
  const problem = runOutProblem(dir, force);
  if (problem) throw new CliError(problem);
  try {
    return stageFolder(dir);
  } catch (e) {
    throw new CliError(`--out ${dir}: cannot write a folder there (${fsReason(e)})`);
  }
}

export async function runCommand(sc: ResolvedScenario, o: RunOptions): Promise<string> {
  const dir = resolve(o.out);
  const stage = stageRunFolder(dir, o.force, o.quiet);
  const onSignal = (sig: NodeJS.Signals) => {
    discardFolder(stage);
    if (!o.quiet) process.stderr.write(`\n[ferrowave] stopped by ${sig}: nothing written, ${dir} is as it was\n`);
    process.exit(sig === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let engine: Awaited<ReturnType<typeof createEngine>> | null = null;
  try {
    writeResolvedScenario(stage.tmp, sc);
    // the per-site initial state is built by row bands on the workers
    const sim = createSimulation(sc, sc.seed, { deferInit: true });
    // no more workers than cores: each has one of its own, and spins rather than sleeps at the barriers
    engine = await createEngine(sim, o.workers, spawnSimWorker, { ownCores: o.workers <= availableParallelism() });
    const ts = new TimeseriesWriter(stage.tmp, sc.name, sc.seed);
    const progress = new Progress(sc.name, o.quiet);
    const t0 = performance.now();
    await engine.initialise();
    const guard = stateGuard(engine, process.env.FERROWAVE_RUN_INJECT === 'nan');
    const samples = await runToEnd(engine, {
      onSample: (s) => {
        ts.add(s);
        progress.update(s, sim.totalSteps() > 0 ? sim.stepIndex() / sim.totalSteps() : 1);
      },
      stopAfter: guard.stopAfter,
    });
    const wall = (performance.now() - t0) / 1000;
    if (process.env.FERROWAVE_RUN_INJECT === 'nan-mean' && samples.length > 0) samples[0].means.ros = Number.NaN;
    const summary = summarise(sim, samples);
    const diverged = guard.bad ? badValueText(guard.bad) : divergence(samples, summary);
    writeSummary(
      stage.tmp,
      summaryFile(summary, { workers: o.workers, wall_s: Number(wall.toFixed(3)), steps: sim.stepIndex(), cells: sim.state.n, diverged }),
    );
    if (o.cellsCsv) writeCellsCsv(stage.tmp, sim.state, sc.lattice.site_um, sc.name, sc.seed);
    commitFolder(stage);
    // the folder is kept (nothing computed is lost) but the numbers cannot be trusted: say so and fail
    if (diverged) {
      // the progress line ends before the message (on a terminal it is rewritten in place)
      progress.stopped();
      const where = guard.bad ? `The run stopped there; its folder was written as far as it got (${dir})` : `The run's folder was written (${dir})`;
      throw new CliError(
        `${diverged}. ${where}; its numbers are not a valid result: the model's equations left their physical range (parameters inside their declared ranges are tested not to do this: please report the scenario)`,
        3,
      );
    }
    progress.done(summary.wave.detected ? `wave ${summary.wave.speed_um_per_min?.toFixed(2)} um/min` : 'no wave', wall);
  } catch (e) {
    discardFolder(stage);
    throw e;
  } finally {
    engine?.dispose();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  return dir;
}
