// Why this file exists: the barrier that keeps worker threads in lock-step between the phases of
// a step. A sense-reversing barrier on two Int32 slots of a SharedArrayBuffer: the last thread
// to arrive resets the count and bumps the generation; the others sleep in Atomics.wait.

export const BARRIER_INTS = 2;

export function createBarrierBuffer(): SharedArrayBuffer {
  return new SharedArrayBuffer(BARRIER_INTS * 4);
}

export function barrierWait(b: Int32Array<ArrayBufferLike>, parties: number): void {
  if (parties <= 1) return;
  const gen = Atomics.load(b, 1);
  if (Atomics.add(b, 0, 1) === parties - 1) {
    Atomics.store(b, 0, 0);
    Atomics.add(b, 1, 1);
    Atomics.notify(b, 1);
    return;
  }
  // a short spin catches the common case of threads arriving close together
  for (let k = 0; k < 2000; k++) if (Atomics.load(b, 1) !== gen) return;
  while (Atomics.load(b, 1) === gen) Atomics.wait(b, 1, gen);
}
