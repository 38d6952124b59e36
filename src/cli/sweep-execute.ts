// Why this file exists: one run of a sweep, start to finish, in the calling thread (a pool
// worker, or the main thread with --workers 0): the same createSimulation + in-thread engine +
// runToEnd + summarise as `ferrowave run`, so a sweep run gives the numbers of `ferrowave run` of
// its scenario.resolved.json. A throw or a diverged run comes back as a failure, never a crash.
// Testing hook: FERROWAVE_SWEEP_INJECT="3:throw,5:nan,6:crash" makes those runs throw, diverge
// (a NaN mean) or kill their worker thread, so the tests exercise the real failure paths (the
// model itself is clamped and has not been seen to diverge).
import { isMainThread } from 'node:worker_threads';
import { summarise } from '../analysis/summary';
import { createEngine } from '../engine/engine';
import { runToEnd } from '../engine/runner';
import type { ResolvedScenario } from '../model/scenario';
import type { SteadyStateCache } from '../model/initial-state';
import { createSimulation } from '../model/simulation';
import { divergence } from '../sweep/metrics';
import type { Keep } from '../sweep/spec';
import { timeseriesHeader, timeseriesRow } from './outputs';

export interface RunJob {
  run: number;
  scenario: ResolvedScenario;
  timeseries: Keep['timeseries'];
}

export interface RunResult {
  run: number;
  ok: boolean;
  /** summary.json contents (as `ferrowave run` writes it) */
  summary: Record<string, unknown> | null;
  /** timeseries.csv contents, or null when not kept */
  timeseries: string | null;
  error: string | null;
  /** time spent simulating and summarising, ms */
  sim_ms: number;
}

/** The kept columns of a timeseries: the indices into the full row. */
function columnPicker(keep: Keep['timeseries']): ((cells: string[]) => string[]) | null {
  if (keep === 'none') return null;
  if (keep === 'all') return (c) => c;
  const all = timeseriesHeader().split(',');
  const idx = keep.map((c) => all.indexOf(c));
  return (c) => idx.map((i) => c[i]);
}

/** The fault injected into run `run` by FERROWAVE_SWEEP_INJECT, if any. */
export function injectedFault(run: number, spec = process.env.FERROWAVE_SWEEP_INJECT ?? ''): 'throw' | 'nan' | 'crash' | null {
  for (const item of spec.split(',')) {
    const [r, what] = item.trim().split(':');
    if (Number(r) === run && r !== '' && (what === 'throw' || what === 'nan' || what === 'crash')) return what;
  }
  return null;
}

/** this thread's control steady states by parameter values (a sweep repeats the same parameters) */
const steadyCache: SteadyStateCache = new Map();

export async function executeRun(job: RunJob): Promise<RunResult> {
  const t0 = performance.now();
  const fault = injectedFault(job.run);
  if (fault === 'crash' && !isMainThread) process.exit(70);
  const pick = columnPicker(job.timeseries);
  const lines: string[] = pick ? [pick(timeseriesHeader().split(',')).join(',')] : [];
  try {
    if (fault === 'throw' || fault === 'crash') throw new Error(`injected failure of run ${job.run} (FERROWAVE_SWEEP_INJECT)`);
    const sim = createSimulation(job.scenario, job.scenario.seed, { steadyCache });
    const engine = await createEngine(sim, 0);
    const samples = await runToEnd(engine, { onSample: pick ? (s) => lines.push(pick(timeseriesRow(s).split(',')).join(',')) : undefined });
    if (fault === 'nan') samples[samples.length - 1].means.ros = Number.NaN;
    const summary = summarise(sim, samples);
    const sim_ms = performance.now() - t0;
    const diverged = divergence(samples, summary);
    if (diverged) return { run: job.run, ok: false, summary: null, timeseries: null, error: diverged, sim_ms };
    const full = { ...summary, run: { workers: 0, wall_s: Number((sim_ms / 1000).toFixed(3)), steps: sim.stepIndex(), cells: sim.state.n } };
    return { run: job.run, ok: true, summary: full, timeseries: pick ? `${lines.join('\n')}\n` : null, error: null, sim_ms };
  } catch (e) {
    const err = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    return { run: job.run, ok: false, summary: null, timeseries: null, error: err, sim_ms: performance.now() - t0 };
  }
}
