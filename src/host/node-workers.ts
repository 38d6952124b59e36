// Why this file exists: the Node host's way to start a simulation worker (worker_threads +
// comlink's node adapter), for the CLI, the benchmark and the tests.
import { Worker } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { WorkerHandle } from '../engine/engine';
import type { WorkerApi } from '../engine/worker-api';

export function spawnNodeWorker(): WorkerHandle {
  const w = new Worker(new URL('../../workers/node-bootstrap.mjs', import.meta.url));
  w.unref();
  const api = Comlink.wrap<WorkerApi>(nodeEndpoint(w));
  return { api: api as unknown as WorkerHandle['api'], terminate: () => void w.terminate() };
}
