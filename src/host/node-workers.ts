// Why this file exists: the Node host's way to start a simulation worker (worker_threads +
// comlink's node adapter), for the CLI, the benchmark and the tests.
import { Worker } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { WorkerHandle } from '../engine/engine';
import type { WorkerApi } from '../engine/worker-api';

/** A spawn function for workers started from `entry` (the installed package's is compiled JavaScript). */
export function nodeWorkerSpawner(entry: URL): () => WorkerHandle {
  return () => {
    const w = new Worker(entry);
    w.unref();
    const api = Comlink.wrap<WorkerApi>(nodeEndpoint(w));
    return { api: api as unknown as WorkerHandle['api'], terminate: () => void w.terminate() };
  };
}

/** Workers that load the TypeScript sources through tsx (a checkout). */
export const spawnNodeWorker: () => WorkerHandle = nodeWorkerSpawner(new URL('../../workers/node-bootstrap.mjs', import.meta.url));
