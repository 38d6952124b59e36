// Why this file exists: one run of a sweep, start to finish, in the calling thread (a pool
// worker, or the main thread with --workers 0): the same createSimulation + in-thread engine +
// runToEnd + summarise as `ferrowave run` (so a sweep run gives the numbers of `ferrowave run` of
// its scenario.resolved.json), its folder's files (JSON, time series) built, and the folder
// written atomically, here or by the main thread. A throw or a diverged run comes back as a
// failure, never a crash. The run's scenario is resolved by the main thread: resolving scenarios
// in a pool worker made its simulations 10-25% slower (V8's type feedback for the model code
// shared by resolution and simulation gets polluted), far more than the ~0.3 ms it costs there.
// A run whose state holds a NaN, an infinity or a negative value at a sample stops there and is a
// failed run naming the variable, the cell and the time (state-guard.ts); the means of the samples
// are checked once more at the end, as a backstop.
// Testing hook: FERROWAVE_SWEEP_INJECT="3:throw,5:nan,6:crash,7:nan-mean" makes those runs throw,
// get a NaN planted in their state (the scan stops them), kill their worker thread, or get a NaN
// mean after the run (the backstop), so the tests exercise the real failure paths (inside their
// declared ranges the parameters do not make the model diverge).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import type { Sample } from '../analysis/observables';
import { badValueText } from '../analysis/state-scan';
import { summarise } from '../analysis/summary';
import { createEngine } from '../engine/engine';
import { runToEnd } from '../engine/runner';
import { idPrefix, summaryFile, timeseriesColumns, timeseriesHeader } from '../formats/run-folder';
import { FAILED_JSON, type FolderFiles, type RunOutput, runFolderFiles } from '../formats/sweep-folder';
import { writeFolderFiles, writeRunFolder } from '../formats/sweep-folder-fs';
import type { ManifestRun } from '../formats/sweep-manifest';
import type { SteadyStateCache } from '../model/initial-state';
import type { StateStore } from '../model/layout';
import { type ResolvedScenario, resolveScenario } from '../model/scenario';
import { createSimulation } from '../model/simulation';
import { divergence } from '../sweep/metrics';
import { stateGuard } from './state-guard';
import { rawScenarioOfRun, runName } from '../sweep/plan';
import type { Keep, SweepSpec } from '../sweep/spec';

export interface RunJob {
  run: number;
  scenario: ResolvedScenario;
  timeseries: Keep['timeseries'];
}

/** A finished run: what its folder gets (summary.json, timeseries.csv or null when not kept, or the error), and its cost. */
export interface RunResult extends RunOutput {
  run: number;
  /** time spent simulating and summarising, ms */
  sim_ms: number;
}

/** The formatter of the kept columns of a timeseries, or null when none are kept. */
function columnsOf(keep: Keep['timeseries']): ReturnType<typeof timeseriesColumns> | null {
  if (keep === 'none') return null;
  return timeseriesColumns(keep === 'all' ? timeseriesHeader().split(',') : keep);
}

const FAULTS = ['throw', 'nan', 'crash', 'nan-mean'] as const;
type Fault = (typeof FAULTS)[number];

/** The fault injected into run `run` by FERROWAVE_SWEEP_INJECT, if any. */
export function injectedFault(run: number, spec = process.env.FERROWAVE_SWEEP_INJECT ?? ''): Fault | null {
  for (const item of spec.split(',')) {
    const [r, what] = item.trim().split(':');
    if (Number(r) === run && r !== '' && (FAULTS as readonly string[]).includes(what)) return what as Fault;
  }
  return null;
}

/** this thread's control steady states by parameter values (a sweep repeats the same parameters) */
const steadyCache: SteadyStateCache = new Map();

const columnsCache = new Map<string, ReturnType<typeof columnsOf>>();

/** the state store of this thread's last finished run, for the next run to lay its state out in */
let spareStore: StateStore | null = null;

export async function executeRun(job: RunJob): Promise<RunResult> {
  const t0 = performance.now();
  const fault = injectedFault(job.run);
  if (fault === 'crash' && !isMainThread) process.exit(70);
  const keyOfKeep = JSON.stringify(job.timeseries);
  if (!columnsCache.has(keyOfKeep)) columnsCache.set(keyOfKeep, columnsOf(job.timeseries));
  const ts = columnsCache.get(keyOfKeep) ?? null;
  let text = ts ? `${ts.header}\n` : '';
  try {
    if (fault === 'throw' || fault === 'crash') throw new Error(`injected failure of run ${job.run} (FERROWAVE_SWEEP_INJECT)`);
    const sim = createSimulation(job.scenario, job.scenario.seed, { steadyCache, recycle: spareStore });
    spareStore = null;
    const engine = await createEngine(sim, 0);
    const prefix = idPrefix(job.scenario.name, job.scenario.seed);
    const onSample = ts
      ? (s: Sample) => {
          text += `${prefix}${ts.row(s)}\n`;
        }
      : undefined;
    const guard = stateGuard(engine, fault === 'nan');
    const samples = await runToEnd(engine, { onSample, stopAfter: guard.stopAfter });
    if (fault === 'nan-mean') samples[samples.length - 1].means.ros = Number.NaN;
    const summary = summarise(sim, samples);
    // nothing reads the state after the summary
    spareStore = sim.state.store;
    const sim_ms = performance.now() - t0;
    const diverged = guard.bad ? badValueText(guard.bad) : divergence(samples, summary);
    if (diverged) return { run: job.run, ok: false, summary: null, timeseries: null, error: diverged, sim_ms };
    const full = summaryFile(summary, { workers: 0, wall_s: Number((sim_ms / 1000).toFixed(3)), steps: sim.stepIndex(), cells: sim.state.n, diverged: null });
    return { run: job.run, ok: true, summary: full, timeseries: ts ? text : null, error: null, sim_ms };
  } catch (e) {
    return { run: job.run, ok: false, summary: null, timeseries: null, error: errorText(e), sim_ms: performance.now() - t0 };
  }
}

const errorText = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

/** What a pool worker needs to run any run of the sweep (sent once, when it starts). */
export interface SweepContext {
  /** the sweep folder (absolute) */
  dir: string;
  spec: SweepSpec;
  /** the base scenario with sweep.set applied (Plan.base) */
  base: Record<string, unknown>;
  /** runs.csv column of each axis, to read a run's values in axis order */
  columns: string[];
  total: number;
  version: string;
}

/** What the main thread hears of a run: its folder is on disk (unless `fatal`, or `files`). */
export interface RunReport {
  run: number;
  ok: boolean;
  sim_ms: number;
  /** the run folder could not be written (e.g. a full disk): the sweep must stop */
  fatal?: string;
  /** the folder's files, when the main thread is to write them (performRun's writeHere = false) */
  files?: FolderFiles;
}

/**
 * A run's resolved scenario: the sweep's base, its axis values, seed and name. The replicates of a
 * design point differ only in seed and name, which resolution passes through unchanged, so each
 * point is resolved once (0.2-0.3 ms) and its other replicates are copies with their own seed and
 * name (same keys, same order: the same scenario.resolved.json byte for byte; tested).
 */
export function scenarioOfRun(ctx: SweepContext, r: ManifestRun): ResolvedScenario {
  const name = runName(ctx.spec.name, r.run, ctx.total);
  const memo = resolvedPoints.get(ctx);
  const hit = memo?.get(r.point);
  if (hit) return { ...structuredClone(hit), name, seed: r.seed };
  const values = ctx.columns.map((c) => r.values[c]);
  const sc = resolveScenario(rawScenarioOfRun(ctx.base, ctx.total, ctx.spec, { run: r.run, seed: r.seed, values }), ctx.version);
  const m = memo ?? new Map<number, ResolvedScenario>();
  if (!memo) resolvedPoints.set(ctx, m);
  // a few recent points: the replicates of a point are consecutive runs (every n-th with --shard)
  if (m.size >= 64) m.delete(m.keys().next().value as number);
  m.set(r.point, structuredClone(sc));
  return sc;
}

const resolvedPoints = new WeakMap<SweepContext, Map<number, ResolvedScenario>>();

/**
 * One whole run of a sweep, from its resolved scenario: simulate, and write its folder atomically,
 * or (writeHere = false) hand the folder's files back for the main thread to write.
 */
export async function performRun(ctx: SweepContext, r: ManifestRun, scenario: ResolvedScenario, writeHere = true): Promise<RunReport> {
  const res = await executeRun({ run: r.run, scenario, timeseries: ctx.spec.keep.timeseries });
  const files = runFolderFiles(r, scenario, res);
  if (!writeHere) return { run: r.run, ok: res.ok, sim_ms: res.sim_ms, files };
  return writeReported(ctx.dir, r, { run: r.run, ok: res.ok, sim_ms: res.sim_ms }, files);
}

/** Write a run's folder; a failure to write makes the report fatal. */
export function writeReported(dir: string, r: ManifestRun, report: RunReport, files: FolderFiles): RunReport {
  try {
    writeFolderFiles(dir, r, files);
  } catch (e) {
    return { run: r.run, ok: report.ok, sim_ms: report.sim_ms, fatal: `cannot write the folder of run ${r.run}: ${errorText(e)}` };
  }
  return { run: r.run, ok: report.ok, sim_ms: report.sim_ms };
}

/** Record a run whose worker died under it as failed (in the main thread), unless its folder made it to disk. */
export function recordLostRun(ctx: SweepContext, r: ManifestRun, why: string): RunReport {
  const final = join(ctx.dir, r.dir);
  if (existsSync(final)) return { run: r.run, ok: !existsSync(join(final, FAILED_JSON)), sim_ms: 0 };
  const error = `worker died: ${why}`;
  try {
    writeRunFolder(ctx.dir, r, scenarioOfRun(ctx, r), { ok: false, summary: null, timeseries: null, error });
  } catch (e) {
    return { run: r.run, ok: false, sim_ms: 0, fatal: `cannot write the folder of run ${r.run}: ${errorText(e)}` };
  }
  return { run: r.run, ok: false, sim_ms: 0 };
}
