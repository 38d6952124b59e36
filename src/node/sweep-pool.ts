// Why this file exists: the sweep's pool of worker_threads, one whole simulation per worker at a
// time (STACK.md: that beats splitting one lattice across workers). The workers are started
// first (they load their code while the main thread validates and plans the sweep), then each is
// given the sweep once and asks for the next run when it is done, so slow and fast runs balance
// themselves. This thread resolves each run's scenario (one run ahead, while the workers
// simulate); the worker simulates and writes its folder, or, when this thread has a core of its
// own and time, builds the files for this thread to write (FolderWriter). A worker that dies (out
// of memory, a crash in native code) fails only its own run, which the main thread records, and is
// replaced; `workers = 0` runs everything in this thread, one run after another.
// Fits use the same pool (`evaluate`): batches of runs whose few measures come back to this thread
// (nothing written), as many batches as the fit needs, the workers kept (and warm) in between.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ManifestRun } from '../formats/sweep-manifest';
import type { ResolvedScenario } from '../model/scenario';
import { BUILD } from './build-info';
import { sweepWorkerEntry, TSX_BOOTSTRAP } from './sweep-bundle';
import { type EvalJob, type EvalResult, executeEval } from './fit-execute';
import { performRun, type RunReport, recordLostRun, scenarioOfRun, type SweepContext, writeReported } from './sweep-execute';

export interface Pool {
  /**
   * Run every run of `runs`, calling `onReport` as each one's folder is on disk. Resolves when all
   * are done or the pool was stopped; rejects when a folder cannot be written or no worker starts.
   * Call once.
   */
  run(ctx: SweepContext, runs: Iterator<ManifestRun>, onReport: (r: RunReport) => void): Promise<void>;
  /**
   * Run a fit's jobs (not on a pool running a sweep), calling `onResult` as each finishes; resolves
   * with every result in the order of `jobs`. A job whose worker dies fails with that reason (the
   * worker is replaced); rejects when no worker can start or the pool was stopped. Call it as
   * often as needed; the workers stay between calls.
   */
  evaluate(jobs: readonly EvalJob[], onResult?: (r: EvalResult) => void): Promise<EvalResult[]>;
  /** stop now: terminate the workers, drop the runs not started */
  stop(): void;
}

/** messages to a worker: the sweep (once, first), then one run at a time (and who writes its folder) */
export type ToWorker = { init: SweepContext } | { run: ManifestRun; scenario: ResolvedScenario; writeHere: boolean } | { evaluate: EvalJob };
/** messages from a worker: ready (its code is loaded), then one report per run (or result per fit job) */
export type FromWorker = { ready: true } | RunReport | { evaluated: EvalResult };

/** Start `workers` worker threads now (0: none, the runs will go in this thread). */
export function startPool(workers: number): Pool {
  return workers === 0 ? inThreadPool() : workerPool(workers);
}

function inThreadPool(): Pool {
  let stopped = false;
  return {
    async evaluate(jobs, onResult) {
      const out: EvalResult[] = [];
      for (const job of jobs) {
        if (stopped) throw new Error('the pool was stopped');
        const r = await executeEval(job);
        out.push(r);
        onResult?.(r);
        await new Promise((res) => setImmediate(res));
      }
      return out;
    },
    async run(ctx, runs, onReport) {
      for (let j = runs.next(); !j.done && !stopped; j = runs.next()) {
        const r = await performRun(ctx, j.value, scenarioOfRun(ctx, j.value));
        if (r.fatal) throw new Error(r.fatal);
        if (!stopped) onReport(r);
        // let signals (Ctrl-C) and timers in between runs: the run itself never yields
        await new Promise((res) => setImmediate(res));
      }
    },
    stop: () => {
      stopped = true;
    },
  };
}

interface Slot {
  w: Worker;
  /** its code is loaded (it said so) */
  ready: boolean;
  /** it has the sweep */
  told: boolean;
  current: ManifestRun | null;
  /** the fit job it runs */
  job: PendingJob | null;
  retired: boolean;
}

interface PendingJob {
  job: EvalJob;
  done: (r: EvalResult) => void;
}

/**
 * Whether this thread writes run folders. It does when it has a core of its own (fewer workers than
 * cores): then it writes while the workers simulate (they hand back the files, built), which keeps
 * the file system's cost (~1-2 ms a folder on this VM's ext4) off the simulating threads, as long
 * as writing takes under half of its time, so that it never becomes the sweep's serial bottleneck
 * (small runs, a slow or network file system). When the workers fill the cores, each writes its own
 * folders: handing the files over (serialising them twice) would only add to the CPU they share
 * (measured on 2 cores, 2 workers: 1.64x -> 1.72x the runs/s of 1 worker).
 */
class FolderWriter {
  /** recent writes: [start, duration] (ms) */
  private readonly recent: Array<[number, number]> = [];
  private readonly spareCore: boolean;
  constructor(workers: number) {
    // testing hook: FERROWAVE_SWEEP_MAIN_WRITES=0 leaves every folder to the workers, =1 has this
    // thread write (while it has time) whatever the cores
    const hook = process.env.FERROWAVE_SWEEP_MAIN_WRITES;
    this.spareCore = hook === '0' ? false : hook === '1' ? true : workers < availableParallelism();
  }
  hasTime(): boolean {
    if (!this.spareCore) return false;
    if (this.recent.length < 8) return true;
    const busy = this.recent.reduce((a, [, d]) => a + d, 0);
    return busy < 0.5 * (performance.now() - this.recent[0][0]);
  }
  write<T>(f: () => T): T {
    const t0 = performance.now();
    try {
      return f();
    } finally {
      this.recent.push([t0, performance.now() - t0]);
      if (this.recent.length > 32) this.recent.shift();
    }
  }
}

function workerPool(count: number): Pool {
  let stopped = false;
  const writer = new FolderWriter(count);
  const live = new Set<Slot>();
  let session: { ctx: SweepContext; runs: Iterator<ManifestRun>; onReport: (r: RunReport) => void } | null = null;
  /** the next run with its scenario resolved ahead, while the workers simulate (undefined: not yet) */
  let ahead: { run: ManifestRun; scenario: ResolvedScenario } | null | undefined;
  const take = (): { run: ManifestRun; scenario: ResolvedScenario } | null => {
    if (!session || stopped) return null;
    let j = ahead;
    ahead = undefined;
    if (j === undefined) j = resolveNext();
    if (j) setImmediate(fillAhead);
    return j;
  };
  const resolveNext = () => {
    const n = session?.runs.next();
    return !session || !n || n.done ? null : { run: n.value, scenario: scenarioOfRun(session.ctx, n.value) };
  };
  const fillAhead = () => {
    if (ahead === undefined && !stopped) ahead = resolveNext();
  };
  /** fit jobs not started yet, and every batch still waiting (to reject them if the pool breaks) */
  const queue: PendingJob[] = [];
  const batches = new Set<(e: Error) => void>();
  let broken: Error | null = null;
  const breakJobs = (e: Error) => {
    broken ??= e;
    queue.length = 0;
    for (const reject of batches) reject(broken);
    batches.clear();
  };
  /** give an idle worker its next fit job, if any */
  const nextJob = (s: Slot) => {
    const j = queue.shift();
    if (!j) return;
    s.job = j;
    s.w.postMessage({ evaluate: j.job } satisfies ToWorker);
  };
  let finish!: () => void;
  let fail!: (e: Error) => void;
  const done = new Promise<void>((res, rej) => {
    finish = res;
    fail = rej;
  });
  // a rejection nobody awaits yet (the pool stopped before run()) must not crash the process
  done.catch(() => {});

  const stop = () => {
    stopped = true;
    breakJobs(new Error('the pool was stopped'));
    for (const s of live) void s.w.terminate();
    live.clear();
    finish();
  };
  const checkDone = () => {
    // (before the entry is known, the workers are still to come)
    if (session && entry && live.size === 0) finish();
  };
  /** hand a report over; a fatal one (a folder not written) or a throw stops the pool and fails `run` */
  const deliver = (r: RunReport): boolean => {
    if (stopped || !session) return false;
    try {
      if (r.fatal) throw new Error(r.fatal);
      session.onReport(r);
      return true;
    } catch (e) {
      fail(e as Error);
      stop();
      return false;
    }
  };
  const retire = (s: Slot) => {
    s.retired = true;
    live.delete(s);
    void s.w.terminate();
  };
  /** give the worker its next run, or retire it when there is none; `then` runs after posting, before retiring */
  const next = (s: Slot, then?: () => void) => {
    if (!session) {
      then?.();
      nextJob(s);
      return;
    }
    const j = take();
    if (!j) {
      s.current = null;
      then?.();
      retire(s);
      checkDone();
      return;
    }
    if (!s.told) {
      s.w.postMessage({ init: session.ctx } satisfies ToWorker);
      s.told = true;
    }
    s.current = j.run;
    s.w.postMessage({ run: j.run, scenario: j.scenario, writeHere: !writer.hasTime() } satisfies ToWorker);
    then?.();
  };
  /** the bundled worker, or the tsx bootstrap (known once the bundle is found or built) */
  let entry: URL | null = null;
  const spawn = (failuresInARow: number) => {
    if (stopped || !entry) return;
    const from = entry;
    const s: Slot = { w: new Worker(from), ready: false, told: false, current: null, job: null, retired: false };
    live.add(s);
    s.w.on('message', (m: FromWorker) => {
      if ('ready' in m) {
        s.ready = true;
        next(s);
        return;
      }
      if ('evaluated' in m) {
        const j = s.job;
        s.job = null;
        j?.done(m.evaluated);
        next(s);
        return;
      }
      const run = s.current;
      s.current = null;
      const ctx = session?.ctx;
      if (m.files && run && ctx) {
        // the worker left its folder to this thread: hand it its next run first, then write (the
        // last one is written before the pool can report that it is done)
        const files = m.files;
        next(s, () => deliver(writer.write(() => writeReported(ctx.dir, run, m, files))));
        return;
      }
      // the run's folder is on disk: count it, then hand the worker its next run
      if (deliver(m)) next(s);
    });
    const gone = (why: string) => {
      if (s.retired) return;
      const lost = s.current;
      const lostJob = s.job;
      retire(s);
      if (stopped) return checkDone();
      // a bundled worker that cannot start: go back to loading the TypeScript through tsx (a
      // checkout; the installed package has no TypeScript to fall back on)
      if (!s.ready && from !== TSX_BOOTSTRAP && !BUILD) {
        entry = TSX_BOOTSTRAP;
        spawn(0);
        return;
      }
      // a worker that cannot even start (e.g. a broken install) must not be restarted forever
      if (!s.ready && failuresInARow >= 2) {
        const e = new Error(`sweep worker failed to start: ${why}`);
        fail(e);
        breakJobs(e);
        stop();
        return;
      }
      // a fit job whose worker died fails with the reason (its batch goes on)
      lostJob?.done({ id: lostJob.job.id, outcome: { ok: false, error: `worker died: ${why}` }, sim_ms: 0 });
      if (lost && session && !deliver(recordLostRun(session.ctx, lost, why))) return;
      spawn(s.ready ? 0 : failuresInARow + 1);
      checkDone();
    };
    s.w.on('error', (e) => gone(`${e.name}: ${e.message}`));
    s.w.on('exit', (code) => gone(`exited with code ${code}`));
  };
  void sweepWorkerEntry().then((url) => {
    entry = url;
    for (let i = 0; i < count; i++) spawn(0);
    checkDone();
  });

  return {
    evaluate(jobs, onResult) {
      if (session) return Promise.reject(new Error('internal: Pool.evaluate on a pool running a sweep'));
      if (broken || stopped) return Promise.reject(broken ?? new Error('the pool was stopped'));
      return new Promise<EvalResult[]>((resolve, reject) => {
        const out: EvalResult[] = new Array(jobs.length);
        let left = jobs.length;
        if (left === 0) return resolve(out);
        batches.add(reject);
        jobs.forEach((job, k) => {
          queue.push({
            job,
            done: (r) => {
              out[k] = r;
              onResult?.(r);
              if (--left === 0) {
                batches.delete(reject);
                resolve(out);
              }
            },
          });
        });
        for (const s of [...live]) if (s.ready && !s.job && !s.current) nextJob(s);
      });
    },
    run(ctx, runs, onReport) {
      if (session) throw new Error('internal: Pool.run called twice');
      session = { ctx, runs, onReport };
      if (stopped) return done;
      for (const s of [...live]) if (s.ready) next(s);
      checkDone();
      return done;
    },
    stop,
  };
}
