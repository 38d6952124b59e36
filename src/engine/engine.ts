// Why this file exists: runs a simulation on N workers (or in the calling thread when N = 0)
// through one interface, for the CLI, the UI and the tests. The host supplies `spawn`, which
// starts a worker in its environment; the engine never touches DOM or Node APIs itself.
import { SAMPLE_STRIDE, sampleRows } from '../analysis/sample-rows';
import { type BadValue, earliest, scanSimulation } from '../analysis/state-scan';
import type { Origin } from '../analysis/wave';
import type { Simulation } from '../model/simulation';
import { CHUNK_SAMPLE, CHUNK_SCAN, createBarrierBuffer, SPIN_OWN_CORES, SPIN_SHARED_CORES } from './barrier';
import { chunkRows } from './row-chunks';
import type { WorkerApi } from './worker-api';

/** A started worker: its comlink proxy (methods return promises) and a way to stop it. */
export interface WorkerHandle {
  api: { [K in keyof WorkerApi]: (...a: Parameters<WorkerApi[K]>) => Promise<ReturnType<WorkerApi[K]>> };
  terminate(): void;
}

export interface Engine {
  readonly sim: Simulation;
  readonly workers: number;
  /** which code runs the hot loops on the workers ('typescript' if any worker could not load the WebAssembly kernels) */
  readonly kernel: Simulation['kernel'];
  /** advance `steps` steps (clipped to the scenario's end); resolves when all bands are done */
  advance(steps: number): Promise<void>;
  /**
   * Build the initial state of a simulation created with deferInit, the per-site part by row bands
   * on the workers (so a page's UI thread stays free while a million cells are set up).
   */
  initialise(): Promise<void>;
  /**
   * The first NaN, infinity or negative value of the state now (analysis/state-scan.ts), or null:
   * the workers scan chunks of rows, in parallel (call between two advances, and not while
   * another scan of this engine runs).
   */
  scan(): Promise<BadValue | null>;
  /**
   * The parts of a sample of the state now, every row's in order (analysis/sample-rows.ts
   * sampleRows, with the front beyond `origin`): the workers take chunks of rows, in parallel
   * (call between two advances, and not while another sampleRows of this engine runs).
   */
  sampleRows(origin: Origin | null, frontOnly: boolean): Promise<Float64Array>;
  dispose(): void;
}

export interface EngineOptions {
  /**
   * whether each worker has a core of its own (a CLI run with no more workers than cores): then
   * the workers spin longer at the barriers before sleeping (barrier.ts); the default, false,
   * suits a page whose drawing shares the cores
   */
  ownCores?: boolean;
}

export async function createEngine(sim: Simulation, workers: number, spawn?: () => WorkerHandle, opts: EngineOptions = {}): Promise<Engine> {
  if (!Number.isInteger(workers) || workers < 0) throw new Error(`workers must be an integer >= 0, got ${workers}`);
  if (workers === 0) {
    return {
      sim,
      workers,
      kernel: sim.kernel,
      async advance(steps) {
        sim.step(Math.min(steps, sim.totalSteps() - sim.stepIndex()));
      },
      async initialise() {
        sim.initBegin();
        sim.initRows(0, sim.state.height);
        sim.initEnd();
      },
      async scan() {
        return scanSimulation(sim);
      },
      async sampleRows(origin, frontOnly) {
        return sampleRows(sim.state, 0, sim.state.height, sim.scenario.lattice.site_um, origin, frontOnly);
      },
      dispose() {},
    };
  }
  if (!spawn) throw new Error('running on workers needs a spawn function from the host');
  if (!(sim.state.buffer instanceof SharedArrayBuffer)) throw new Error('workers need the state in shared memory (cross-origin isolation in browsers)');
  const barrier = createBarrierBuffer();
  const sync = new Int32Array(barrier);
  const chunk = chunkRows(sim.state.width, sim.state.height, workers);
  const handles = Array.from({ length: workers }, spawn);
  let kernels: Simulation['kernel'][];
  try {
    kernels = await Promise.all(
      handles.map((h, index) =>
        h.api.init({
          scenario: sim.scenario,
          seed: sim.seed,
          state: sim.state.store,
          barrier,
          index,
          count: workers,
          spins: opts.ownCores ? SPIN_OWN_CORES : SPIN_SHARED_CORES,
        }),
      ),
    );
  } catch (e) {
    // a worker that failed to start must not keep the process alive
    for (const h of handles) h.terminate();
    throw e;
  }
  return {
    sim,
    workers,
    kernel: kernels.every((k) => k === 'wasm-simd') ? 'wasm-simd' : 'typescript',
    async advance(steps) {
      const n = Math.min(steps, sim.totalSteps() - sim.stepIndex());
      if (n > 0) await Promise.all(handles.map((h) => h.api.run(n)));
    },
    async initialise() {
      sim.initBegin();
      await Promise.all(handles.map((h) => h.api.initRows()));
      sim.initEnd();
    },
    async scan() {
      // the workers take the chunks of rows from this counter (row-chunks.ts)
      Atomics.store(sync, CHUNK_SCAN, 0);
      return earliest(await Promise.all(handles.map((h) => h.api.scan())));
    },
    async sampleRows(origin, frontOnly) {
      Atomics.store(sync, CHUNK_SAMPLE, 0);
      const got = await Promise.all(handles.map((h) => h.api.sampleRows(origin, frontOnly)));
      // each chunk's rows in their place: every row's parts in order, whoever computed them
      const all = new Float64Array(sim.state.height * SAMPLE_STRIDE);
      for (const { chunks, parts } of got) {
        let at = 0;
        for (const c of chunks) {
          const n = (Math.min(sim.state.height, (c + 1) * chunk) - c * chunk) * SAMPLE_STRIDE;
          all.set(parts.subarray(at, at + n), c * chunk * SAMPLE_STRIDE);
          at += n;
        }
      }
      return all;
    },
    dispose() {
      for (const h of handles) h.terminate();
    },
  };
}
