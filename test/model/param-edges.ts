// Why this file exists: the pieces of the parameter-range test (param-edges.test.ts): two tiny
// scenarios that reach every block of the kinetics (a primed monolayer with a light pulse and
// spontaneous bursts; a tumour that grows from a vessel, with erastin and a pulse), a run that
// scans its state for the first value that is not a finite non-negative number (the scan
// `ferrowave run` makes at every sample: src/analysis/state-scan.ts), and seeded random
// parameter sets inside the registry's ranges (keyed draws, no Math.random).
import type { SteadyStateCache } from '../../src/model/initial-state';
import { badValueText, scanSimulation } from '../../src/analysis/state-scan';
import type { StateStore } from '../../src/model/layout';
import { PARAMS, type ParamSpec } from '../../src/model/params';
import { deriveKey, uniform } from '../../src/model/random';
import { type ResolvedScenario, resolveScenario } from '../../src/model/scenario';
import { createSimulation } from '../../src/model/simulation';

export type Kind = 'monolayer' | 'tumour';

/** Minutes simulated per run (1200 steps of 0.5 min: erastin priming, a pulse, deaths, ruptures). */
export const RUN_MIN = 600;

/** What a case may change besides the parameters: the treatments, the run's length, the numerics. */
export interface CaseOptions {
  treatments?: Array<Record<string, unknown>>;
  duration_min?: number;
  numerics?: { dt_min?: number; slow_every?: number; field_every?: number };
}

/**
 * A 10 x 3 monolayer (20 um sites), 10 uM erastin from 0, a light pulse at its left end at 120 min,
 * bursts on (or the treatments of `o`).
 */
export function monolayer(params: Record<string, number>, o: CaseOptions = {}): ResolvedScenario {
  return resolveScenario(
    {
      seed: 3,
      lattice: { width: 12, height: 3, site_um: 20 },
      duration_min: o.duration_min ?? RUN_MIN,
      tissue: { kind: 'monolayer' },
      treatments: o.treatments ?? [
        { agent: 'erastin', uM: 10, start_min: 0 },
        { agent: 'light-pulse', dose: 30, start_min: 120, end_min: 130, region: { disc: { x_um: 0, y_um: 30, r_um: 60 } } },
      ],
      params: { burst_rate: 0.001, ...params },
      numerics: o.numerics ?? {},
    },
    'param-edges',
  );
}

/** An 8 x 8 tumour (20 um sites) seeded in a disc beside one vessel, 10 uM erastin from 60 min (a drug field), a pulse at 120 min. */
export function tumour(params: Record<string, number>): ResolvedScenario {
  return resolveScenario(
    {
      seed: 3,
      lattice: { width: 8, height: 8, site_um: 20 },
      duration_min: RUN_MIN,
      tissue: { kind: 'tumour', seeds: [{ disc: { x_um: 80, y_um: 80, r_um: 50 } }], vessels: [{ x_um: 20, y_um: 20 }] },
      treatments: [
        { agent: 'erastin', uM: 10, start_min: 60 },
        { agent: 'light-pulse', dose: 30, start_min: 120, end_min: 130, region: { disc: { x_um: 80, y_um: 80, r_um: 30 } } },
      ],
      params,
    },
    'param-edges',
  );
}

/** the store of the last finished run, laid out again for the next one of the same size (a new memory per run costs more than the run) */
let spare: StateStore | null = null;
/** control steady states by parameters: the monolayer and the tumour of one parameter set share theirs (the costliest part of a tiny run) */
const steadyCache: SteadyStateCache = new Map();

/** Runs the scenario to its end, scanning the state at t = 0 and every 20 steps: the first bad value (its variable, cell and time), or null. */
export function runAndScan(sc: ResolvedScenario): string | null {
  const sim = createSimulation(sc, sc.seed, { recycle: spare, steadyCache });
  spare = null;
  let bad = scanSimulation(sim);
  while (!bad && sim.stepIndex() < sim.totalSteps()) {
    sim.step(Math.min(20, sim.totalSteps() - sim.stepIndex()));
    bad = scanSimulation(sim);
  }
  spare = sim.state.store;
  return bad && badValueText(bad);
}

/** Purpose numbers of the draws below (their own space: these draws never meet the model's). */
const PICK = 1;
const VALUE = 2;

/**
 * Parameter set `k` of a seeded series: each parameter at its default (3/5: with ~45 of 116
 * parameters moved, half the sets still have cells that live a while), its minimum (1/10), its
 * maximum (1/10) or inside its range (1/5: log-uniform
 * where the range spans two decades or more above a positive minimum, else uniform).
 */
export function randomParams(seed: number, k: number, registry: readonly ParamSpec[] = PARAMS): Record<string, number> {
  const key = deriveKey(seed);
  const out: Record<string, number> = {};
  registry.forEach((p, j) => {
    const pick = uniform(key, k, j, PICK);
    const w = uniform(key, k, j, VALUE);
    let v: number;
    if (pick < 0.6) v = p.default;
    else if (pick < 0.7) v = p.min;
    else if (pick < 0.8) v = p.max;
    else if (p.min > 0 && p.max / p.min >= 100) v = p.min * (p.max / p.min) ** w;
    else v = p.min + (p.max - p.min) * w;
    out[p.name] = Math.min(p.max, Math.max(p.min, v));
  });
  return out;
}
