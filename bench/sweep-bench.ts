// Why this file exists: `npm run bench:sweep`, the sweep runner's own speed, 1 vs 2 workers, on
// the same sweeps: `ferrowave sweep` run as a user runs it (a fresh `node bin/ferrowave.mjs`
// process each time), measured three ways:
//   - end to end: wall time from spawning the process to its exit (Node and module loading, pool
//     start, JIT warm-up, every run folder, runs.csv), and runs / that time;
//   - start-up: from the spawn until every worker has finished its first run (taken as the
//     workers-th run folder to be completed: the runs are all the same size);
//   - steady state: runs per second after that (runs completed after the start-up / time from the
//     start-up to the last completion); V8 keeps optimising for ~20 runs more, so also the rate
//     over the second half of the runs ("warm": from the completion of run N/2 to the last).
// A run's completion time is the modification time of the last file written into its folder
// (just before the folder is renamed into place). Also the process's CPU time (user + sys, from
// /proc: Linux), the time each run spent simulating inside its worker (summary.json run_info.wall_s)
// and the runner's overhead per run: wall x workers minus the runs' simulating time, per run (it
// includes start-up; on a loaded machine a worker's simulating time includes waiting for a core).
// Three sweeps: 256 small runs (60 x 3 sites, 600 min, ~14 ms each), the same strip 1024 times
// (where the start-up weighs less in the end-to-end time), and the README example (160 x 3 sites,
// 1440 min, its 16 design points x 6 replicates = 96 runs). Every configuration is repeated,
// alternating, and the medians are reported (the machines are shared and noisy), with the load
// average; writes bench/sweep-results.json. SWEEP_BENCH_REPS (default 3),
// SWEEP_BENCH_ONLY=small|long|readme. The sweeps' folders are removed at the end, not between
// measurements: ext4 scans its inode table for a new file or folder while many were deleted in
// the last ~30 s, which made creating a run folder 5-10x dearer than in a fresh file system.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { FERROWAVE_VERSION } from '../src/model/version';

const REPS = Number(process.env.SWEEP_BENCH_REPS ?? 3);
const ONLY = process.env.SWEEP_BENCH_ONLY;
const WORKERS = [1, 2];
const bin = join(import.meta.dirname, '../bin/ferrowave.mjs');
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const example = JSON.parse(readFileSync(join(import.meta.dirname, '../examples/erastin-dfo-sweep.json'), 'utf8'));
const SMALL = {
  name: 'bench',
  base: 'primed-light-pulse',
  set: { 'lattice.width': 60, 'lattice.height': 3, 'treatments[1].region.disc.y_um': 30, duration_min: 600 },
  axes: [{ path: 'treatments[0].uM', from: 2, to: 10, n: 64 }],
  replicates: 4,
  seed: 1,
};
const SWEEPS: Record<string, { what: string; sweep: Record<string, unknown> }> = {
  small: {
    what: '256 runs of a 60 x 3-site strip, 600 min, dt 0.5 min (1200 steps)',
    sweep: SMALL,
  },
  long: {
    what: '1024 runs of the same 60 x 3-site strip (4 x the replicates)',
    sweep: { ...SMALL, name: 'bench-long', replicates: 16 },
  },
  readme: {
    what: 'examples/erastin-dfo-sweep.json with 6 replicates: 96 runs of a 160 x 3-site strip, 1440 min',
    sweep: { ...example, replicates: 6 },
  },
};

/** CPU time (user + sys, s) of this process's waited-for children, or NaN off Linux. */
function childrenCpu(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields 16 and 17 of stat (cutime, cstime), counted from after the command name
    return (Number(f[13]) + Number(f[14])) / 100;
  } catch {
    return Number.NaN;
  }
}

interface Measure {
  wall_s: number;
  cpu_s: number;
  startup_s: number;
  first_run_s: number;
  steady_runs_per_s: number;
  warm_runs_per_s: number;
  e2e_runs_per_s: number;
  sim_ms_per_run: number;
  cpu_ms_per_run: number;
  overhead_ms_per_run: number;
}

async function once(name: string, workers: number): Promise<Measure> {
  const root = mkdtempSync(join(tmpdir(), 'ferrowave-sweep-bench-'));
  roots.push(root);
  const file = join(root, 'sweep.json');
  writeFileSync(file, JSON.stringify(SWEEPS[name].sweep));
  const out = join(root, 'out');
  const cpu0 = childrenCpu();
  const t0 = Date.now();
  const code = await new Promise<number | null>((res) => {
    const child = spawn(process.execPath, [bin, 'sweep', file, '--out', out, '--workers', String(workers), '--quiet'], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('exit', (c) => res(c));
  });
  const wall = (Date.now() - t0) / 1000;
  const cpu = childrenCpu() - cpu0;
  if (code !== 0) throw new Error(`ferrowave sweep exited with ${code}`);
  const done: number[] = [];
  let sim = 0;
  const runs = readdirSync(join(out, 'runs'));
  for (const r of runs) {
    const d = join(out, 'runs', r);
    done.push(Math.max(...readdirSync(d).map((f) => statSync(join(d, f)).mtimeMs)) - t0);
    sim += JSON.parse(readFileSync(join(d, 'summary.json'), 'utf8')).run_info.wall_s;
  }
  done.sort((a, b) => a - b);
  const n = runs.length;
  const warm = done[workers - 1];
  return {
    wall_s: wall,
    cpu_s: cpu,
    startup_s: warm / 1000,
    first_run_s: done[0] / 1000,
    steady_runs_per_s: ((n - workers) * 1000) / (done[n - 1] - warm),
    warm_runs_per_s: ((n - 1 - (n >> 1)) * 1000) / (done[n - 1] - done[n >> 1]),
    e2e_runs_per_s: n / wall,
    sim_ms_per_run: (sim * 1000) / n,
    cpu_ms_per_run: (cpu * 1000) / n,
    overhead_ms_per_run: ((wall * workers - sim) * 1000) / n,
  };
}

/** every measurement's folder, removed at the end (see the header) */
const roots: string[] = [];
process.on('exit', () => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

const names = Object.keys(SWEEPS).filter((n) => !ONLY || n === ONLY);
const loads: number[] = [];
const results: Record<string, Record<number, Measure[]>> = Object.fromEntries(names.map((n) => [n, { 1: [], 2: [] }]));
// alternate the configurations so that background load hits all alike
for (let r = 0; r < REPS; r++) {
  for (const name of names) {
    for (const w of WORKERS) {
      loads.push(loadavg()[0]);
      const x = await once(name, w);
      results[name][w].push(x);
      console.error(
        `[bench:sweep] ${name}, ${w} worker${w > 1 ? 's' : ''}: ${x.wall_s.toFixed(2)} s end to end (${x.e2e_runs_per_s.toFixed(1)} runs/s), start-up ${x.startup_s.toFixed(2)} s, steady ${x.steady_runs_per_s.toFixed(1)} runs/s (warm ${x.warm_runs_per_s.toFixed(1)}), CPU ${x.cpu_s.toFixed(2)} s, ${x.sim_ms_per_run.toFixed(1)} ms simulating per run, overhead ${x.overhead_ms_per_run.toFixed(1)} ms per run (load ${loadavg()[0].toFixed(2)})`,
      );
    }
  }
}
const round = (x: number, d = 2) => Number(x.toFixed(d));
const med = (name: string, w: number, k: keyof Measure) => median(results[name][w].map((x) => x[k]));
const summary = Object.fromEntries(
  names.map((name) => {
    const per = (k: keyof Measure, d = 2) => Object.fromEntries(WORKERS.map((w) => [`workers_${w}`, round(med(name, w, k), d)]));
    const ratio = (k: keyof Measure) => round(med(name, 2, k) / med(name, 1, k));
    return [
      name,
      {
        what: SWEEPS[name].what,
        runs: runCount(name),
        steady_runs_per_s: per('steady_runs_per_s', 1),
        steady_scaling_1_to_2: ratio('steady_runs_per_s'),
        warm_runs_per_s: per('warm_runs_per_s', 1),
        warm_scaling_1_to_2: ratio('warm_runs_per_s'),
        end_to_end_wall_s: per('wall_s'),
        end_to_end_runs_per_s: per('e2e_runs_per_s', 1),
        end_to_end_scaling_1_to_2: ratio('e2e_runs_per_s'),
        startup_s: per('startup_s'),
        first_run_done_s: per('first_run_s'),
        cpu_s: per('cpu_s'),
        sim_ms_per_run: per('sim_ms_per_run', 1),
        cpu_ms_per_run: per('cpu_ms_per_run', 1),
        overhead_ms_per_run: per('overhead_ms_per_run', 1),
      },
    ];
  }),
);
function runCount(name: string): number {
  const s = SWEEPS[name].sweep as { axes: Array<{ values?: unknown[]; n?: number }>; replicates: number };
  return s.axes.reduce((p, a) => p * (a.values?.length ?? a.n ?? 1), 1) * s.replicates;
}
const out = {
  ferrowave_version: FERROWAVE_VERSION,
  date: new Date().toISOString(),
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  node: process.version,
  /** 1-min load average before each measurement (2 cores: above ~0.5 other processes take a share) */
  load_avg_1min: { min: round(Math.min(...loads)), median: round(median(loads)), max: round(Math.max(...loads)) },
  repetitions: REPS,
  ...summary,
};
writeFileSync(join(import.meta.dirname, 'sweep-results.json'), `${JSON.stringify(out, null, 2)}\n`);
console.log(JSON.stringify(out, null, 2));
