// Why this file exists: rebuilding the engine (a light pulse adds a treatment, so the workers need
// the new scenario) should not cost new Web Workers each time. The pool keeps started workers and
// hands them to createEngine through its `spawn` hook; the engine's dispose() does not stop them
// (WorkerApi.init may be called again: the worker then attaches to the state with the new scenario).
import type { WorkerHandle } from '../engine/engine';

export class WorkerPool {
  private readonly live: WorkerHandle[] = [];
  private handedOut = 0;

  constructor(private readonly start: () => WorkerHandle) {}

  /** how many workers are running */
  get size(): number {
    return this.live.length;
  }

  /**
   * A spawn function for one createEngine call with `count` workers: hands out pooled workers
   * first, starts more if needed, and stops any beyond `count`.
   */
  spawnFor(count: number): () => WorkerHandle {
    while (this.live.length > count) this.live.pop()?.terminate();
    this.handedOut = 0;
    return () => {
      const k = this.handedOut++;
      if (k >= this.live.length) this.live.push(this.start());
      const h = this.live[k];
      return { api: h.api, terminate: () => {} };
    };
  }

  dispose(): void {
    for (const h of this.live.splice(0)) h.terminate();
  }
}
