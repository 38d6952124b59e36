// Why this file exists: the browser host's way to start a simulation worker (a module Web
// Worker bundled by vite + comlink). Needs cross-origin isolation for SharedArrayBuffer.
import * as Comlink from 'comlink';
import type { WorkerHandle } from '../engine/engine';
import type { WorkerApi } from '../engine/worker-api';

export function spawnBrowserWorker(): WorkerHandle {
  const w = new Worker(new URL('../../workers/sim.worker.ts', import.meta.url), { type: 'module' });
  const api = Comlink.wrap<WorkerApi>(w);
  return { api: api as unknown as WorkerHandle['api'], terminate: () => w.terminate() };
}
