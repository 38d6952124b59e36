// Why this file exists: what one simulation worker does, independent of where it runs (a browser
// Web Worker or a Node worker_thread; the thin entry files in workers/ expose it with comlink).
// The step loop runs here, synchronised with the other workers by a barrier on shared memory
// (the rows of the cell and row phases taken by chunks from a shared counter: row-chunks.ts);
// comlink carries only control calls (init, run N steps, scan the rows for bad values, the parts
// of a sample of the rows).
import { sampleRows } from '../analysis/sample-rows';
import { type BadValue, earliest, firstBadValue } from '../analysis/state-scan';
import type { Origin } from '../analysis/wave';
import type { ResolvedScenario } from '../model/scenario';
import { createSimulation, type Simulation } from '../model/simulation';
import { H_STEP, type StateStore } from '../model/layout';
import { band } from './bands';
import { BARRIER_INTS, barrierWait, CHUNK_CELLS, CHUNK_COLS, CHUNK_ROWS, CHUNK_SAMPLE, CHUNK_SCAN, SPIN_SHARED_CORES, SYNC_INTS } from './barrier';
import { chunkCols, chunkRows } from './row-chunks';

export interface WorkerInit {
  scenario: ResolvedScenario;
  seed: number;
  /** the shared state: a shared WebAssembly memory (or a SharedArrayBuffer without WebAssembly) */
  state: StateStore;
  /** the barrier and the chunk counters (barrier.ts createBarrierBuffer) */
  barrier: SharedArrayBuffer;
  index: number;
  count: number;
  /** spins at a barrier before sleeping (barrier.ts: SPIN_SHARED_CORES or SPIN_OWN_CORES) */
  spins: number;
}

export interface WorkerApi {
  /** attach to the state; returns which code runs the hot loops in this worker */
  init(msg: WorkerInit): Simulation['kernel'];
  /** run `steps` steps from the step recorded in the shared header; resolves when done */
  run(steps: number): number;
  /** the per-site part of the initial state for this worker's rows (see Engine.initialise) */
  initRows(): void;
  /** the first NaN, infinity or negative value in the chunks of rows this worker takes (see Engine.scan), or null */
  scan(): BadValue | null;
  /** the parts of a sample of the chunks of rows this worker takes (see Engine.sampleRows) */
  sampleRows(origin: Origin | null, frontOnly: boolean): SampleChunks;
}

/** The parts of a sample's rows (sample-rows.ts) of the chunks a worker took: chunk `chunks[k]`'s rows are the k-th run of rows of `parts`. */
export interface SampleChunks {
  chunks: number[];
  parts: Float64Array;
}

export function createWorkerApi(): WorkerApi {
  let sim: Simulation | null = null;
  let sync: Int32Array<ArrayBufferLike> = new Int32Array(SYNC_INTS);
  let barrier: Int32Array<ArrayBufferLike> = sync.subarray(0, BARRIER_INTS);
  let chunk = 1;
  let rows: [number, number] = [0, 0];
  let colChunk = 1;
  let index = 0;
  let count = 1;
  let spins = SPIN_SHARED_CORES;
  return {
    init(msg) {
      sim = createSimulation(msg.scenario, msg.seed, { buffer: msg.state });
      sync = new Int32Array(msg.barrier);
      barrier = sync.subarray(0, BARRIER_INTS);
      index = msg.index;
      count = msg.count;
      spins = msg.spins;
      chunk = chunkRows(msg.scenario.lattice.width, msg.scenario.lattice.height, count);
      rows = band(msg.scenario.lattice.height, count, index);
      colChunk = chunkCols(msg.scenario.lattice.width, count);
      return sim.kernel;
    },
    initRows() {
      if (!sim) throw new Error('worker not initialised');
      sim.initRows(rows[0], rows[1]);
    },
    scan() {
      if (!sim) throw new Error('worker not initialised');
      const { width: W, height: H } = sim.state;
      const chunks = Math.ceil(H / chunk);
      let bad: BadValue | null = null;
      // chunks of rows taken in turn with the other workers (row-chunks.ts): the earliest of all is the whole state's
      for (let c = Atomics.add(sync, CHUNK_SCAN, 1); c < chunks; c = Atomics.add(sync, CHUNK_SCAN, 1)) {
        const found = firstBadValue(sim.state, sim.scenario.lattice.site_um, sim.time(), c * chunk * W, Math.min(H, (c + 1) * chunk) * W);
        if (found) bad = earliest([bad, found]);
      }
      return bad;
    },
    sampleRows(origin, frontOnly) {
      if (!sim) throw new Error('worker not initialised');
      const H = sim.state.height;
      const n = Math.ceil(H / chunk);
      const taken: number[] = [];
      const parts: Float64Array[] = [];
      for (let c = Atomics.add(sync, CHUNK_SAMPLE, 1); c < n; c = Atomics.add(sync, CHUNK_SAMPLE, 1)) {
        taken.push(c);
        parts.push(sampleRows(sim.state, c * chunk, Math.min(H, (c + 1) * chunk), sim.scenario.lattice.site_um, origin, frontOnly));
      }
      const all = new Float64Array(parts.reduce((a, p) => a + p.length, 0));
      let at = 0;
      for (const p of parts) {
        all.set(p, at);
        at += p.length;
      }
      return { chunks: taken, parts: all };
    },
    run(steps) {
      if (!sim) throw new Error('worker not initialised');
      const s0 = Atomics.load(sim.state.header, H_STEP);
      const H = sim.state.height;
      const chunks = Math.ceil(H / chunk);
      const W = sim.state.width;
      const colChunks = Math.ceil(W / colChunk);
      for (let k = 0; k < steps; k++) {
        const s = s0 + k;
        // the rows by chunks (row-chunks.ts), each taken by whichever worker comes first
        if (sim.rowPhaseReadsNeighbourRows(s)) {
          for (let c = Atomics.add(sync, CHUNK_CELLS, 1); c < chunks; c = Atomics.add(sync, CHUNK_CELLS, 1))
            sim.cellsPhase(c * chunk, Math.min(H, (c + 1) * chunk), s);
          barrierWait(barrier, count, spins);
          for (let c = Atomics.add(sync, CHUNK_ROWS, 1); c < chunks; c = Atomics.add(sync, CHUNK_ROWS, 1))
            sim.rowPhase(c * chunk, Math.min(H, (c + 1) * chunk), s);
        } else {
          // the row sweeps of a chunk right after its cells (while its fields are in cache)
          for (let c = Atomics.add(sync, CHUNK_CELLS, 1); c < chunks; c = Atomics.add(sync, CHUNK_CELLS, 1)) {
            const y0 = c * chunk,
              y1 = Math.min(H, (c + 1) * chunk);
            sim.cellsPhase(y0, y1, s);
            sim.rowPhase(y0, y1, s);
          }
        }
        barrierWait(barrier, count, spins);
        // every worker is past the chunks and none takes one before the next barrier: start them again
        if (index === 0) {
          Atomics.store(sync, CHUNK_CELLS, 0);
          Atomics.store(sync, CHUNK_ROWS, 0);
        }
        for (let c = Atomics.add(sync, CHUNK_COLS, 1); c < colChunks; c = Atomics.add(sync, CHUNK_COLS, 1))
          sim.colPhase(c * colChunk, Math.min(W, (c + 1) * colChunk), s);
        barrierWait(barrier, count, spins);
        // as above: every worker is past the columns, and none reaches them again before the next step's second barrier
        if (index === 0) Atomics.store(sync, CHUNK_COLS, 0);
        if (sim.growthStep(s)) {
          sim.growPhase1(rows[0], rows[1], s);
          barrierWait(barrier, count, spins);
          sim.growPhase2(rows[0], rows[1], s);
          barrierWait(barrier, count, spins);
        }
      }
      if (index === 0) Atomics.store(sim.state.header, H_STEP, s0 + steps);
      return s0 + steps;
    },
  };
}
