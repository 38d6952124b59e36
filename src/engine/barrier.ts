// Why this file exists: what keeps worker threads in lock-step between the phases of a step, on
// one SharedArrayBuffer of Int32 slots: a sense-reversing barrier (two slots: the last thread to
// arrive resets the count and bumps the generation; the others sleep in Atomics.wait), then the
// counters from which the workers take the chunks of rows of a phase (engine/row-chunks.ts).

export const BARRIER_INTS = 2;
/**
 * slots of the chunk counters after the barrier's: the cell phase (with the row phase fused), the
 * row phase alone, the column phase, a scan of the state and a sample's pass (the last two set to
 * 0 by the engine before it asks the workers)
 */
export const CHUNK_CELLS = BARRIER_INTS;
export const CHUNK_ROWS = BARRIER_INTS + 1;
export const CHUNK_COLS = BARRIER_INTS + 2;
export const CHUNK_SCAN = BARRIER_INTS + 3;
export const CHUNK_SAMPLE = BARRIER_INTS + 4;
export const SYNC_INTS = BARRIER_INTS + 5;

/** the barrier and the chunk counters, all zero */
export function createBarrierBuffer(): SharedArrayBuffer {
  return new SharedArrayBuffer(SYNC_INTS * 4);
}

/**
 * Spins of a thread at a barrier before it sleeps. Short where the cores are shared (the page: its
 * drawing thread needs the core a spinning worker holds, and a worker the system has set aside
 * can only run when the others sleep); long where each worker has a core of its own (the CLI with
 * no more workers than cores), so that a thread that arrives a chunk's time (~0.1 ms) before the
 * others is not put to sleep and woken again at each of a step's two or three barriers (waits at
 * the barriers went from ~3.4 % to ~1-2 % of a 2-worker run of the 1024 x 1024 dish).
 */
export const SPIN_SHARED_CORES = 2000;
export const SPIN_OWN_CORES = 100_000;

export function barrierWait(b: Int32Array<ArrayBufferLike>, parties: number, spins: number = SPIN_SHARED_CORES): void {
  if (parties <= 1) return;
  const gen = Atomics.load(b, 1);
  if (Atomics.add(b, 0, 1) === parties - 1) {
    Atomics.store(b, 0, 0);
    Atomics.add(b, 1, 1);
    Atomics.notify(b, 1);
    return;
  }
  // a spin catches the common case of threads arriving close together
  for (let k = 0; k < spins; k++) if (Atomics.load(b, 1) !== gen) return;
  while (Atomics.load(b, 1) === gen) Atomics.wait(b, 1, gen);
}
