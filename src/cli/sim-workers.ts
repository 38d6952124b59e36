// Why this file exists: the commands' simulation workers (`run`, `validate`). In a checkout they
// load the TypeScript sources through tsx; in the installed package they start from the compiled
// build/node/sim.node-worker.mjs (scripts/package/build.ts).
import type { WorkerHandle } from '../engine/engine';
import { nodeWorkerSpawner, spawnNodeWorker } from '../host/node-workers';
import { BUILD } from '../node/build-info';

export const spawnSimWorker: () => WorkerHandle = BUILD ? nodeWorkerSpawner(new URL('../../build/node/sim.node-worker.mjs', import.meta.url)) : spawnNodeWorker;
