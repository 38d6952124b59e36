// Why this file exists: small scenarios and a one-call runner shared by the behaviour tests, so
// each test states only what it varies (dose, pulse, site size, time step, drugs).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { measureFront } from '../src/analysis/front-speed';
import type { Sample } from '../src/analysis/observables';
import { type Summary, summarise } from '../src/analysis/summary';
import { analyseWave, pulseOrigin, type WaveResult } from '../src/analysis/wave';
import { createEngine } from '../src/engine/engine';
import { runToEnd } from '../src/engine/runner';
import { PRESETS } from '../src/model/presets';
import { type ResolvedScenario, resolveScenario } from '../src/model/scenario';
import { createSimulation, type Simulation } from '../src/model/simulation';

export interface StripOptions {
  erastin?: number;
  /** light-pulse dose (a.u., spread over 10 min) */
  dose?: number;
  site_um?: number;
  length_um?: number;
  rows?: number;
  dt?: number;
  pulse_min?: number;
  duration_min?: number;
  extra?: Array<Record<string, unknown>>;
  params?: Record<string, number>;
  seed?: number;
  gaps?: Array<{ x_um: number; width_um: number }>;
}

/** A long thin monolayer with a light pulse at its left end (a 1-D front, cheap to simulate); spontaneous bursts off unless params set them, as in the pulse presets. */
export function strip(o: StripOptions = {}): ResolvedScenario {
  const site = o.site_um ?? 20;
  const rows = o.rows ?? 3;
  const pulse = o.pulse_min ?? 360;
  const treatments: Array<Record<string, unknown>> = [];
  if (o.erastin) treatments.push({ agent: 'erastin', uM: o.erastin, start_min: 0 });
  treatments.push(...(o.extra ?? []));
  treatments.push({
    agent: 'light-pulse',
    dose: o.dose ?? 30,
    start_min: pulse,
    end_min: pulse + 10,
    region: { disc: { x_um: 0, y_um: (rows * site) / 2, r_um: 100 } },
  });
  return resolveScenario(
    {
      seed: o.seed ?? 11,
      lattice: { width: Math.round((o.length_um ?? 3200) / site), height: rows, site_um: site },
      duration_min: o.duration_min ?? 900,
      tissue: { kind: 'monolayer', gaps: o.gaps ?? [] },
      treatments,
      params: { burst_rate: 0, ...o.params },
      numerics: { dt_min: o.dt ?? 0.5 },
    },
    'test',
  );
}

export interface RunOutcome {
  sim: Simulation;
  samples: Sample[];
  summary: Summary;
  wave: WaveResult;
}

export async function run(sc: ResolvedScenario): Promise<RunOutcome> {
  const sim = createSimulation(sc);
  const samples = await runToEnd(await createEngine(sim, 0));
  const summary = summarise(sim, samples);
  const pulse = sc.treatments.find((t) => t.agent === 'light-pulse')!;
  // a lower bar for detection than the summary's default: strips are short
  const wave = analyseWave(sim.state, sc.lattice.site_um, pulse.region!, 150);
  return { sim, samples, summary, wave };
}

/**
 * The strip the calibration is fitted on (fits/calibration.fit.json): the primed-light-pulse
 * preset cut to 120 x 4 sites, pulsed along the left 60 um at 360 min, run to 780 min, with
 * `treatments` added; returns the pulse front's speed (0 = no wave).
 */
export function calibrationStripSpeed(treatments: Array<Record<string, unknown>> = []): number {
  const raw = structuredClone(PRESETS['primed-light-pulse']) as Record<string, unknown> & { treatments: Array<Record<string, unknown>> };
  raw.lattice = { width: 120, height: 4, site_um: 20 };
  raw.duration_min = 780;
  raw.treatments[1].region = { rect: { x_um: 0, y_um: 0, width_um: 60, height_um: 80 } };
  raw.treatments.push(...treatments);
  const sc = resolveScenario(raw, 'test');
  const sim = createSimulation(sc, 1, { unshared: true });
  sim.step(sim.totalSteps());
  const w = analyseWave(sim.state, sc.lattice.site_um, sc.treatments[1].region!);
  return w.detected ? w.speed_um_per_min! : 0;
}

/**
 * The long strip the calibration is now fitted on (fits/primed-strip-long.json: 240 x 4 sites,
 * run to 900 min), with `treatments` added and `params` set; returns the front's speed as the fit
 * measures it (0 = no travelling front).
 */
export function longStripSpeed(treatments: Array<Record<string, unknown>> = [], params: Record<string, number> = {}): number {
  const raw = JSON.parse(readFileSync(join(import.meta.dirname, '../fits/primed-strip-long.json'), 'utf8'));
  raw.params = { ...raw.params, ...params };
  raw.treatments.push(...treatments);
  const sc = resolveScenario(raw, 'test');
  const sim = createSimulation(sc, sc.seed, { unshared: true });
  sim.step(sim.totalSteps());
  const origin = pulseOrigin(sc);
  const f = origin ? measureFront(sim.state, sc.lattice.site_um, origin) : null;
  return f ? f.v : 0;
}
