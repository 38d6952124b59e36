// Why this file exists: `npm run bench:sweep`, the sweep runner's own speed on small runs:
// throughput (runs/s, end to end: pool start, every run folder, runs.csv) on 1 and 2 workers and
// its ratio, and the runner's overhead per run, i.e. the wall time per run on 1 worker minus the
// time the run spent simulating inside its worker (summary.json run.wall_s). Each configuration
// is repeated and the median reported (the machines are shared and noisy); writes
// bench/sweep-results.json. On a loaded machine the wall-clock scaling says more about the other
// processes than about the runner, so the workers' busy fraction (time simulating / (wall x
// workers)) is reported too: with free cores the scaling is 2 x busy(2) / busy(1).
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sweepCommand } from '../src/cli/sweep-command';
import { FERROWAVE_VERSION } from '../src/model/version';

const RUNS = Number(process.env.SWEEP_BENCH_RUNS ?? 128);
const REPS = Number(process.env.SWEEP_BENCH_REPS ?? 3);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

/** RUNS small runs: a 60 x 3-site strip, 600 simulated minutes, wave launched at 6 h. */
const sweep = {
  name: 'bench',
  base: 'primed-light-pulse',
  set: { 'lattice.width': 60, 'lattice.height': 3, 'treatments[1].region.disc.y_um': 30, duration_min: 600 },
  axes: [{ path: 'treatments[0].uM', from: 2, to: 10, n: RUNS / 4 }],
  replicates: 4,
  seed: 1,
};

async function once(workers: number): Promise<{ wall_s: number; runs_per_s: number; sim_s_per_run: number; overhead_ms_per_run: number; busy: number }> {
  const root = mkdtempSync(join(tmpdir(), 'ferrowave-sweep-bench-'));
  try {
    const file = join(root, 'sweep.json');
    writeFileSync(file, JSON.stringify(sweep));
    const log = console.log;
    console.log = () => {};
    const t0 = performance.now();
    try {
      await sweepCommand([file, '--out', join(root, 'out'), '--workers', String(workers), '--quiet']);
    } finally {
      console.log = log;
    }
    const wall = (performance.now() - t0) / 1000;
    let sim = 0;
    const runs = readdirSync(join(root, 'out', 'runs'));
    for (const r of runs) sim += JSON.parse(readFileSync(join(root, 'out', 'runs', r, 'summary.json'), 'utf8')).run.wall_s;
    if (runs.length !== RUNS) throw new Error(`expected ${RUNS} runs, found ${runs.length}`);
    return { wall_s: wall, runs_per_s: RUNS / wall, sim_s_per_run: sim / RUNS, overhead_ms_per_run: ((wall * workers - sim) / RUNS) * 1000, busy: sim / (wall * workers) };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const loadBefore = loadavg()[0];
const results: Record<number, Array<Awaited<ReturnType<typeof once>>>> = { 1: [], 2: [] };
// alternate the two configurations so that background load hits both alike
for (let r = 0; r < REPS; r++) {
  for (const w of [1, 2]) {
    const x = await once(w);
    results[w].push(x);
    console.error(`[bench:sweep] ${w} worker${w > 1 ? 's' : ''}: ${RUNS} runs in ${x.wall_s.toFixed(2)} s (${x.runs_per_s.toFixed(2)} runs/s), ${(x.sim_s_per_run * 1000).toFixed(1)} ms simulating per run, overhead ${x.overhead_ms_per_run.toFixed(1)} ms/run, workers busy ${(100 * x.busy).toFixed(1)}%`);
  }
}
const rate = (w: number) => median(results[w].map((x) => x.runs_per_s));
const busy = (w: number) => median(results[w].map((x) => x.busy));
const out = {
  ferrowave_version: FERROWAVE_VERSION,
  date: new Date().toISOString(),
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  /** other processes' load when the benchmark started (2 cores: above ~0.5 the scaling is understated) */
  load_avg_1min_before: Number(loadBefore.toFixed(2)),
  runs: RUNS,
  repetitions: REPS,
  run: '60 x 3 sites, 600 min, dt 0.5 min (1200 steps)',
  sim_ms_per_run_median: Number((median(results[1].map((x) => x.sim_s_per_run)) * 1000).toFixed(1)),
  runs_per_s: { workers_1: Number(rate(1).toFixed(2)), workers_2: Number(rate(2).toFixed(2)) },
  scaling_1_to_2: Number((rate(2) / rate(1)).toFixed(2)),
  overhead_ms_per_run_1_worker: Number(median(results[1].map((x) => x.overhead_ms_per_run)).toFixed(1)),
  overhead_ms_per_run_2_workers: Number(median(results[2].map((x) => x.overhead_ms_per_run)).toFixed(1)),
  workers_busy: { workers_1: Number(busy(1).toFixed(3)), workers_2: Number(busy(2).toFixed(3)) },
  scaling_1_to_2_with_free_cores: Number(((2 * busy(2)) / busy(1)).toFixed(2)),
};
writeFileSync(join(import.meta.dirname, 'sweep-results.json'), `${JSON.stringify(out, null, 2)}\n`);
console.log(JSON.stringify(out, null, 2));
