// Why this file exists: the sweep's pool of worker_threads, one whole simulation per worker at a
// time (STACK.md: that beats splitting one lattice across workers). Each worker asks for the next
// job when it is done, so slow and fast runs balance themselves. A worker that dies (out of
// memory, a crash in native code) fails only its own run and is replaced; `workers = 0` runs
// the jobs in this thread, one after another.
import { Worker } from 'node:worker_threads';
import { executeRun, type RunJob, type RunResult } from './sweep-execute';

export interface PoolHandle {
  /** resolves when every job has a result (or the pool was stopped) */
  done: Promise<void>;
  /** stop now: terminate the workers, drop the jobs not started */
  stop(): void;
}

const BOOTSTRAP = new URL('../../workers/sweep-bootstrap.mjs', import.meta.url);

export function runPool(jobs: Iterator<RunJob>, workers: number, onResult: (r: RunResult) => void): PoolHandle {
  let stopped = false;
  if (workers === 0) {
    const done = (async () => {
      for (let j = jobs.next(); !j.done && !stopped; j = jobs.next()) {
        const r = await executeRun(j.value);
        if (!stopped) onResult(r);
        // let signals (Ctrl-C) and timers in between runs: the run itself never yields
        await new Promise((res) => setImmediate(res));
      }
    })();
    return {
      done,
      stop: () => {
        stopped = true;
      },
    };
  }
  const live = new Set<Worker>();
  let finish!: () => void;
  let fail!: (e: Error) => void;
  const done = new Promise<void>((res, rej) => {
    finish = res;
    fail = rej;
  });
  let busy = 0;
  const checkDone = () => {
    if (busy === 0) {
      for (const w of live) void w.terminate();
      live.clear();
      finish();
    }
  };
  /** hand a result over; a throw there (e.g. a full disk) stops the pool and fails `done` */
  const deliver = (r: RunResult): boolean => {
    if (stopped) return false;
    try {
      onResult(r);
      return true;
    } catch (e) {
      fail(e as Error);
      stop();
      return false;
    }
  };
  const start = (failuresInARow: number) => {
    if (stopped) return;
    const w = new Worker(BOOTSTRAP);
    live.add(w);
    busy++;
    let current: RunJob | null = null;
    let ready = false;
    let retired = false;
    const retire = () => {
      retired = true;
      live.delete(w);
      busy--;
      void w.terminate();
    };
    /** post the next job (or retire the worker when there is none); `then` runs after posting, before retiring */
    const next = (then?: () => void): void => {
      const j = stopped ? { done: true as const, value: undefined } : jobs.next();
      if (j.done) {
        current = null;
        then?.();
        retire();
        checkDone();
        return;
      }
      current = j.value;
      w.postMessage(j.value);
      then?.();
    };
    w.on('message', (m: RunResult | { ready: true }) => {
      if ('ready' in m) {
        ready = true;
        next();
        return;
      }
      // hand the worker its next job first, then write this result while it computes (after the
      // last job, the result is written before the pool can report that it is done)
      current = null;
      next(() => deliver(m));
    });
    const gone = (why: string) => {
      if (retired) return;
      const job = current;
      retire();
      if (stopped) return checkDone();
      // a worker that cannot even start (e.g. a broken install) must not be restarted forever
      if (!ready && failuresInARow >= 2) {
        fail(new Error(`sweep worker failed to start: ${why}`));
        stop();
        return;
      }
      if (job && !deliver({ run: job.run, ok: false, summary: null, timeseries: null, error: `worker died: ${why}`, sim_ms: 0 })) return;
      start(ready ? 0 : failuresInARow + 1);
    };
    w.on('error', (e) => gone(`${e.name}: ${e.message}`));
    w.on('exit', (code) => gone(`exited with code ${code}`));
  };
  const stop = () => {
    stopped = true;
    for (const w of live) void w.terminate();
    live.clear();
    finish();
  };
  for (let i = 0; i < workers; i++) start(0);
  return { done, stop };
}
