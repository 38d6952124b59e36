// Why this file exists: a sensitivity sweep leaves out parameters that its dishes never read
// (tumour-only ones, the potencies of drugs the dishes do not get). Leaving one out must not hide
// an effect, so each is checked: the sweep's base scenario with that parameter moved to the end of
// its range (default x factor, or / factor where x is not allowed) must give the control run's
// numbers bit for bit (every sample of the time series and every cell's commitment time). Runs in
// this thread, one after another (~30 strip and lane runs, seconds).
import { type Summary, summarise } from '../../src/analysis/summary';
import { createEngine } from '../../src/engine/engine';
import { runToEnd } from '../../src/engine/runner';
import { paramSpec } from '../../src/model/params';
import { resolveScenario } from '../../src/model/scenario';
import { createSimulation } from '../../src/model/simulation';
import type { SweepSpec } from '../../src/sweep/spec';

export interface ScreenedParam {
  name: string;
  reason: string;
  /** the value it was moved to */
  value: number;
  /** the run gave the control's numbers, bit for bit */
  inert: boolean;
}

export interface Screen {
  /** the base scenario (sweep.set applied) at the registry's defaults */
  control: Summary;
  params: ScreenedParam[];
}

/** One run in this thread: its summary and a fingerprint of everything it measured. */
async function runOnce(base: Record<string, unknown>, params: Record<string, number>, version: string): Promise<{ summary: Summary; print: string }> {
  const raw = structuredClone(base);
  raw.params = { ...(raw.params as Record<string, number> | undefined), ...params };
  const sc = resolveScenario(raw, version);
  const sim = createSimulation(sc, sc.seed);
  const samples = await runToEnd(await createEngine(sim, 0));
  const summary = summarise(sim, samples);
  return { summary, print: `${JSON.stringify(samples)}|${Array.from(sim.state.cell.t_dying).join(',')}` };
}

/** The control run of a sweep's base, and each parameter the sweep left out (except those sweep.set fixes) moved and compared with it. */
export async function screenLeftOut(spec: SweepSpec, base: Record<string, unknown>, version: string): Promise<Screen> {
  const control = await runOnce(base, {}, version);
  const factor = spec.all_params?.factor ?? 1.5;
  const params: ScreenedParam[] = [];
  for (const s of spec.all_params?.skipped ?? []) {
    const p = paramSpec(s.name);
    if (!p || s.reason === 'fixed by sweep.set') continue;
    const up = Math.min(p.max, p.default * factor);
    const value = up !== p.default ? up : Math.max(p.min, p.default / factor);
    const moved = await runOnce(base, { [s.name]: value }, version);
    params.push({ name: s.name, reason: s.reason, value, inert: moved.print === control.print });
  }
  return { control: control.summary, params };
}
