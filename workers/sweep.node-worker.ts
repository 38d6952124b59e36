// Why this file exists: a sweep pool worker (worker_threads): runs whole simulations in its own
// thread, one job at a time, and posts each result back. Plain messages, no comlink: one message
// per run is all the traffic there is.
import { parentPort } from 'node:worker_threads';
import { executeRun, type RunJob } from '../src/cli/sweep-execute';

if (!parentPort) throw new Error('sweep.node-worker must run in a worker thread');
const port = parentPort;
port.on('message', async (job: RunJob) => {
  port.postMessage(await executeRun(job));
});
port.postMessage({ ready: true });
