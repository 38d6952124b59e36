// Why this file exists: the Node worker_threads entry: the same worker, exposed with comlink's
// node adapter (started through node-bootstrap.mjs, which loads TypeScript with tsx).
import { parentPort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { createWorkerApi } from '../src/engine/worker-api';

if (!parentPort) throw new Error('sim.node-worker must run in a worker thread');
Comlink.expose(createWorkerApi(), nodeEndpoint(parentPort));
