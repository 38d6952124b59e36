// Why this file exists: a sweep pool worker (worker_threads): gets the sweep once, then runs whole
// simulations in its own thread, one run at a time (and writes each run's folder, unless the main
// thread has time to), and reports each; or runs a fit's jobs, one at a time, and sends back their
// measures. Plain messages, no comlink: one small message each way per run.
import { parentPort } from 'node:worker_threads';
import { executeEval } from '../src/node/fit-execute';
import { performRun, type SweepContext } from '../src/node/sweep-execute';
import type { FromWorker, ToWorker } from '../src/node/sweep-pool';

if (!parentPort) throw new Error('sweep.node-worker must run in a worker thread');
const port = parentPort;
let ctx: SweepContext | null = null;
port.on('message', async (m: ToWorker) => {
  if ('init' in m) {
    ctx = m.init;
    return;
  }
  if ('evaluate' in m) {
    port.postMessage({ evaluated: await executeEval(m.evaluate) } satisfies FromWorker);
    return;
  }
  if (!ctx) throw new Error('sweep worker: a run before the sweep');
  port.postMessage((await performRun(ctx, m.run, m.scenario, m.writeHere)) satisfies FromWorker);
});
port.postMessage({ ready: true } satisfies FromWorker);
