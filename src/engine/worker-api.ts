// Why this file exists: what one simulation worker does, independent of where it runs (a browser
// Web Worker or a Node worker_thread; the thin entry files in workers/ expose it with comlink).
// The step loop runs here, synchronised with the other workers by a barrier on shared memory;
// comlink carries only control calls (init, run N steps, scan the rows for bad values, the parts
// of a sample of the rows).
import { sampleRows } from '../analysis/sample-rows';
import { type BadValue, firstBadValue } from '../analysis/state-scan';
import type { Origin } from '../analysis/wave';
import type { ResolvedScenario } from '../model/scenario';
import { createSimulation, type Simulation } from '../model/simulation';
import { H_STEP, type StateStore } from '../model/layout';
import { band } from './bands';
import { barrierWait } from './barrier';

export interface WorkerInit {
  scenario: ResolvedScenario;
  seed: number;
  /** the shared state: a shared WebAssembly memory (or a SharedArrayBuffer without WebAssembly) */
  state: StateStore;
  barrier: SharedArrayBuffer;
  index: number;
  count: number;
}

export interface WorkerApi {
  /** attach to the state; returns which code runs the hot loops in this worker */
  init(msg: WorkerInit): Simulation['kernel'];
  /** run `steps` steps from the step recorded in the shared header; resolves when done */
  run(steps: number): number;
  /** the per-site part of the initial state for this worker's rows (see Engine.initialise) */
  initRows(): void;
  /** the first NaN, infinity or negative value in this worker's rows (see Engine.scan), or null */
  scan(): BadValue | null;
  /** the parts of a sample of this worker's rows, in order (see Engine.sampleRows) */
  sampleRows(origin: Origin | null, frontOnly: boolean): Float64Array;
}

export function createWorkerApi(): WorkerApi {
  let sim: Simulation | null = null;
  let barrier: Int32Array<ArrayBufferLike> = new Int32Array(2);
  let rows: [number, number] = [0, 0];
  let cols: [number, number] = [0, 0];
  let index = 0;
  let count = 1;
  return {
    init(msg) {
      sim = createSimulation(msg.scenario, msg.seed, { buffer: msg.state });
      barrier = new Int32Array(msg.barrier);
      index = msg.index;
      count = msg.count;
      rows = band(msg.scenario.lattice.height, count, index);
      cols = band(msg.scenario.lattice.width, count, index);
      return sim.kernel;
    },
    initRows() {
      if (!sim) throw new Error('worker not initialised');
      sim.initRows(rows[0], rows[1]);
    },
    scan() {
      if (!sim) throw new Error('worker not initialised');
      const w = sim.state.width;
      return firstBadValue(sim.state, sim.scenario.lattice.site_um, sim.time(), rows[0] * w, rows[1] * w);
    },
    sampleRows(origin, frontOnly) {
      if (!sim) throw new Error('worker not initialised');
      return sampleRows(sim.state, rows[0], rows[1], sim.scenario.lattice.site_um, origin, frontOnly);
    },
    run(steps) {
      if (!sim) throw new Error('worker not initialised');
      const s0 = Atomics.load(sim.state.header, H_STEP);
      for (let k = 0; k < steps; k++) {
        const s = s0 + k;
        sim.cellsPhase(rows[0], rows[1], s);
        barrierWait(barrier, count);
        sim.rowPhase(rows[0], rows[1], s);
        barrierWait(barrier, count);
        sim.colPhase(cols[0], cols[1], s);
        barrierWait(barrier, count);
        if (sim.growthStep(s)) {
          sim.growPhase1(rows[0], rows[1], s);
          barrierWait(barrier, count);
          sim.growPhase2(rows[0], rows[1], s);
          barrierWait(barrier, count);
        }
      }
      if (index === 0) Atomics.store(sim.state.header, H_STEP, s0 + steps);
      return s0 + steps;
    },
  };
}
