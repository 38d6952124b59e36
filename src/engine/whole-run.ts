// Why this file exists: one whole run in the calling thread, as `ferrowave sweep` runs each of its
// runs (src/node/sweep-execute.ts executeRun): createSimulation, the in-thread engine, runToEnd,
// summarise. The page's dose-response runs its doses with it in Web Workers (workers/run.worker.ts),
// one whole run per worker at a time, so that a point on the page is what the sweep computes for
// that run's scenario and seed.
import type { Sample } from '../analysis/observables';
import { type Summary, summarise } from '../analysis/summary';
import type { SteadyStateCache } from '../model/initial-state';
import type { StateStore } from '../model/layout';
import type { ResolvedScenario } from '../model/scenario';
import { createSimulation } from '../model/simulation';
import { createEngine } from './engine';
import { runToEnd } from './runner';

/** A finished run: the CLI's summary and samples (timeseries.csv's rows), its steps and sites. */
export interface WholeRun {
  summary: Summary;
  samples: Sample[];
  steps: number;
  cells: number;
}

/** this thread's control steady states by parameter values (the runs of a dose-response share them), as a sweep worker keeps them */
const steadyCache: SteadyStateCache = new Map();

/** the state store of this thread's last finished run, for the next run to lay its state out in */
let spareStore: StateStore | null = null;

/** Run `sc` (resolved) from t = 0 to its end with its own seed; `onProgress` gets the share done, 0..1, after each sample. */
export async function runWhole(sc: ResolvedScenario, onProgress?: (done: number) => void): Promise<WholeRun> {
  const sim = createSimulation(sc, sc.seed, { steadyCache, recycle: spareStore });
  spareStore = null;
  const engine = await createEngine(sim, 0);
  const samples = await runToEnd(engine, { onProgress: onProgress ? (step, total) => onProgress(step / Math.max(1, total)) : undefined });
  const summary = summarise(sim, samples);
  // nothing reads the state after the summary
  spareStore = sim.state.store;
  return { summary, samples, steps: sim.stepIndex(), cells: sim.state.n };
}

/** What a run worker offers the page (workers/run.worker.ts exposes it). */
export interface RunWorkerApi {
  run(sc: ResolvedScenario, onProgress?: (done: number) => void): Promise<WholeRun>;
}

/** A started run worker: one whole run at a time; terminate() stops it (a run in flight never settles). */
export interface RunWorker {
  run(sc: ResolvedScenario, onProgress?: (done: number) => void): Promise<WholeRun>;
  terminate(): void;
}

/** A "worker" that runs in the calling thread (tests, and hosts without workers). */
export function inThreadRunWorker(): RunWorker {
  return { run: runWhole, terminate: () => {} };
}

/** At most one progress report per `ms` milliseconds (a report crosses threads), and the last one. */
export function throttled(report: ((done: number) => void) | undefined, ms = 100): ((done: number) => void) | undefined {
  if (!report) return undefined;
  let last = Number.NEGATIVE_INFINITY;
  return (done) => {
    const now = performance.now();
    if (done < 1 && now - last < ms) return;
    last = now;
    report(done);
  };
}
