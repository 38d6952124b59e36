// Why this file exists: one run of a sweep, start to finish, in the calling thread (a pool
// worker, or the main thread with --workers 0): the same createSimulation + in-thread engine +
// runToEnd + summarise as `ferrowave run`, so a sweep run gives the numbers of `ferrowave run` of
// its scenario.resolved.json. A throw or a diverged run comes back as a failure, never a crash.
import { summarise } from '../analysis/summary';
import { createEngine } from '../engine/engine';
import { runToEnd } from '../engine/runner';
import type { ResolvedScenario } from '../model/scenario';
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

export async function executeRun(job: RunJob): Promise<RunResult> {
  const t0 = performance.now();
  const pick = columnPicker(job.timeseries);
  const lines: string[] = pick ? [pick(timeseriesHeader().split(',')).join(',')] : [];
  try {
    const sim = createSimulation(job.scenario);
    const engine = await createEngine(sim, 0);
    const samples = await runToEnd(engine, { onSample: pick ? (s) => lines.push(pick(timeseriesRow(s).split(',')).join(',')) : undefined });
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
