// Why this file exists: `ferrowave run`, a sweep's runs and a fit's runs stop at the first sample
// whose state holds a NaN, an infinity or a negative value (Engine.scan: each worker its rows),
// through the runner's stopAfter hook, one way for all three. It also carries their testing hook: inside
// their declared ranges the parameters do not make the model diverge
// (test/model/param-edges.test.ts), so a test asks for a NaN planted in one cell's ROS just before
// the state of the run's second sample is scanned, and the real scan finds it.
import type { BadValue } from '../analysis/state-scan';
import type { Engine } from '../engine/engine';
import type { Simulation } from '../model/simulation';

/** The sample (0: the one at t = 0) whose state gets the planted NaN, just before it is scanned. */
export const PLANT_AT_SAMPLE = 1;

/** The site that gets it: the middle of the lattice (a living cell in the tests' strips). */
export function plantSite(sim: Simulation): number {
  const { width, height } = sim.state;
  return Math.floor(height / 2) * width + Math.floor(width / 2);
}

export interface StateGuard {
  /** for RunHooks.stopAfter: scans the state (planting the NaN first when asked); true at a bad value */
  stopAfter(): Promise<boolean>;
  /** the bad value that stopped the run, or null */
  readonly bad: BadValue | null;
}

/** A guard of the state of `engine`'s simulation; `plantNaN` (a testing hook) puts a NaN in cell.ros at plantSite at PLANT_AT_SAMPLE. */
export function stateGuard(engine: Engine, plantNaN = false): StateGuard {
  let bad: BadValue | null = null;
  let sample = 0;
  return {
    async stopAfter() {
      if (plantNaN && sample === PLANT_AT_SAMPLE) engine.sim.state.cell.ros[plantSite(engine.sim)] = Number.NaN;
      sample++;
      bad = await engine.scan();
      return bad !== null;
    },
    get bad() {
      return bad;
    },
  };
}
