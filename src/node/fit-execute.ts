// Why this file exists: one run of a fit, start to finish, in the calling thread (a pool worker,
// or the main thread with --workers 0): the same createSimulation + in-thread engine + runToEnd as
// `ferrowave run`, then the few numbers the fit reads off it (src/fit/measure.ts). Nothing is
// written: the measures go back to the main thread. A throw or a diverged run comes back as a
// failure, never a crash. Testing hook: FERROWAVE_FIT_INJECT="3:throw,5:crash" makes those jobs
// (by id) throw or kill their worker thread, so tests exercise the real failure paths.
import { isMainThread } from 'node:worker_threads';
import { badValueText } from '../analysis/state-scan';
import { summarise } from '../analysis/summary';
import { createEngine } from '../engine/engine';
import { runToEnd } from '../engine/runner';
import { measureRun } from '../fit/measure';
import type { RunOutcome } from '../fit/observables';
import type { SteadyStateCache } from '../model/initial-state';
import type { StateStore } from '../model/layout';
import type { ResolvedScenario } from '../model/scenario';
import { createSimulation } from '../model/simulation';
import { divergence } from '../sweep/metrics';
import { stateGuard } from './state-guard';

/** A run a fit needs: its resolved scenario and the times to measure at, min. */
export interface EvalJob {
  id: number;
  scenario: ResolvedScenario;
  times_min: number[];
}

export interface EvalResult {
  id: number;
  outcome: RunOutcome;
  /** time spent simulating and measuring, ms */
  sim_ms: number;
}

/** this thread's control steady states by parameter values (a candidate's runs share them) */
const steadyCache: SteadyStateCache = new Map();

/** the state store of this thread's last finished run, for the next run to lay its state out in */
let spareStore: StateStore | null = null;

function injected(id: number, spec = process.env.FERROWAVE_FIT_INJECT ?? ''): 'throw' | 'crash' | null {
  for (const item of spec.split(',')) {
    const [r, what] = item.trim().split(':');
    if (r !== '' && Number(r) === id && (what === 'throw' || what === 'crash')) return what;
  }
  return null;
}

const errorText = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

export async function executeEval(job: EvalJob): Promise<EvalResult> {
  const t0 = performance.now();
  const fault = injected(job.id);
  if (fault === 'crash' && !isMainThread) process.exit(70);
  try {
    if (fault) throw new Error(`injected failure of fit job ${job.id} (FERROWAVE_FIT_INJECT)`);
    const sim = createSimulation(job.scenario, job.scenario.seed, { steadyCache, recycle: spareStore });
    spareStore = null;
    const engine = await createEngine(sim, 0);
    // a state that goes bad (NaN, infinity, negative) stops the run at that sample: a failed run
    const guard = stateGuard(engine);
    const samples = await runToEnd(engine, { stopAfter: guard.stopAfter });
    const summary = summarise(sim, samples);
    const diverged = guard.bad ? badValueText(guard.bad) : divergence(samples, summary);
    const m = diverged ? null : measureRun(sim, samples, job.times_min, summary);
    // nothing reads the state after the measures
    spareStore = sim.state.store;
    const outcome: RunOutcome = m ? { ok: true, m } : { ok: false, error: diverged as string };
    return { id: job.id, outcome, sim_ms: performance.now() - t0 };
  } catch (e) {
    return { id: job.id, outcome: { ok: false, error: errorText(e) }, sim_ms: performance.now() - t0 };
  }
}
