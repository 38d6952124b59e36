// Why this file exists: the browser host's way to start workers (module Web Workers bundled by
// vite + comlink): simulation workers, which step one simulation's bands on shared memory (needs
// cross-origin isolation for SharedArrayBuffer), and run workers, which run whole simulations in
// their own thread (the dose-response's runs, as a sweep's pool workers do).
import * as Comlink from 'comlink';
import type { WorkerHandle } from '../engine/engine';
import type { RunWorker, RunWorkerApi } from '../engine/whole-run';
import type { WorkerApi } from '../engine/worker-api';

export function spawnBrowserWorker(): WorkerHandle {
  const w = new Worker(new URL('../../workers/sim.worker.ts', import.meta.url), { type: 'module' });
  const api = Comlink.wrap<WorkerApi>(w);
  return { api: api as unknown as WorkerHandle['api'], terminate: () => w.terminate() };
}

export function spawnRunWorker(): RunWorker {
  const w = new Worker(new URL('../../workers/run.worker.ts', import.meta.url), { type: 'module' });
  const api = Comlink.wrap<RunWorkerApi>(w);
  return {
    run: (sc, onProgress) => api.run(sc, onProgress ? Comlink.proxy(onProgress) : undefined),
    terminate: () => w.terminate(),
  };
}
