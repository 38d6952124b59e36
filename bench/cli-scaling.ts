// Why this file exists: `npm run bench:cli`, how much faster one big run gets from 1 to 2 workers
// as a user runs it: the real CLI (`node bin/ferrowave.mjs run`) in a child process on the
// 1024 x 1024 benchmark dish (primed-dish-1024, 600 min, pulse at 6 h), writing its normal run
// folder (scenario.resolved.json, timeseries.csv, summary.json; --cells-csv adds cells.csv and
// cells.parquet). Start-up (Node and module loading, worker start, the initial state) is left out:
// a run is timed from the moment its first progress line (the sample at t = 0, on stderr) arrives
// to the process's exit, so the stepping, every sample, the state scans and the writing of the
// folder are in. Runs alternate 1 and 2 workers in pairs (the order flips each pair: the machine
// is shared and its load drifts); every pair is reported with its ratio, the median of the ratios,
// the load average, and whether the 1- and 2-worker timeseries.csv are the same bytes. Writes
// bench/cli-scaling.json (or --out).
//   npm run bench:cli -- [--pairs 3] [--preset primed-dish-1024] [--set path=value ...] [--cells-csv] [--out FILE]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { median, writeSpeedResults } from '../scripts/lib/speed-window';

const { values: opt } = parseArgs({
  options: {
    pairs: { type: 'string', default: '3' },
    preset: { type: 'string', default: 'primed-dish-1024' },
    set: { type: 'string', multiple: true, default: [] },
    'cells-csv': { type: 'boolean', default: false },
    out: { type: 'string', default: 'bench/cli-scaling.json' },
  },
});
const bin = join(import.meta.dirname, '../bin/ferrowave.mjs');
const pairs = Number(opt.pairs);
const sets = (opt.set ?? []).flatMap((s) => ['--set', s]);

interface Timed {
  workers: number;
  /** from the first progress line (the sample at t = 0) to the exit, s: what this bench compares */
  run_s: number;
  /** from the spawn to the first progress line, s (start-up: left out) */
  startup_s: number;
  /** summary.json run_info.wall_s: the CLI's own timing (from before the initial state to the last sample) */
  cli_wall_s: number;
  load_average: number;
}

const round = (x: number, d = 3) => Number(x.toFixed(d));

/** One `ferrowave run` on `workers` workers into `out` (a fresh folder): its timings. */
function runCli(workers: number, out: string): Promise<Timed> {
  const load = loadavg()[0];
  const args = [bin, 'run', opt.preset, '--workers', String(workers), '--out', out, ...sets, ...(opt['cells-csv'] ? ['--cells-csv'] : [])];
  return new Promise((ok, fail) => {
    const t0 = performance.now();
    let first = Number.NaN;
    let err = '';
    const p = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    p.stderr.setEncoding('utf8');
    p.stderr.on('data', (d: string) => {
      // stderr is not a terminal: one progress line per 10 % of the run, the first at t = 0
      if (Number.isNaN(first) && / t=0 min 0% /.test(err + d)) first = performance.now();
      err += d;
    });
    p.on('error', fail);
    p.on('close', (code) => {
      const end = performance.now();
      if (code !== 0 || Number.isNaN(first)) return fail(new Error(`ferrowave run --workers ${workers} exited ${code}:\n${err}`));
      const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
      ok({
        workers,
        run_s: round((end - first) / 1000),
        startup_s: round((first - t0) / 1000),
        cli_wall_s: summary.run_info.wall_s,
        load_average: round(load, 2),
      });
    });
  });
}

const loadBefore = loadavg()[0];
const tmp = mkdtempSync(join(tmpdir(), 'ferrowave-bench-cli-'));
const results: Array<{ order: string; w1: Timed; w2: Timed; ratio: number; timeseries_identical: boolean }> = [];
try {
  for (let k = 0; k < pairs; k++) {
    const order = k % 2 === 0 ? [1, 2] : [2, 1];
    const got: Record<number, Timed> = {};
    const csv: Record<number, string> = {};
    for (const w of order) {
      const out = join(tmp, `run-${k}-${w}`);
      got[w] = await runCli(w, out);
      csv[w] = readFileSync(join(out, 'timeseries.csv'), 'utf8');
      rmSync(out, { recursive: true, force: true });
      console.error(`pair ${k + 1}/${pairs}: ${w} worker(s) ${got[w].run_s} s (start-up ${got[w].startup_s} s, load ${got[w].load_average})`);
    }
    const ratio = round(got[1].run_s / got[2].run_s);
    results.push({ order: order.join(' then '), w1: got[1], w2: got[2], ratio, timeseries_identical: csv[1] === csv[2] });
    console.error(`pair ${k + 1}/${pairs}: scaling ${ratio}x`);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
const ratios = results.map((r) => r.ratio);
writeSpeedResults(opt.out, loadBefore, {
  what: `ferrowave run ${opt.preset}${sets.length ? ` ${sets.join(' ')}` : ''}${opt['cells-csv'] ? ' --cells-csv' : ''} on 1 and 2 workers, from the first progress line (t = 0) to the exit`,
  target: 'scaling >= 1.8x from 1 to 2 workers',
  pairs: results,
  scaling_median: round(median(ratios)),
  scaling_range: [Math.min(...ratios), Math.max(...ratios)],
  run_s_median: { workers_1: round(median(results.map((r) => r.w1.run_s))), workers_2: round(median(results.map((r) => r.w2.run_s))) },
  timeseries_identical: results.every((r) => r.timeseries_identical),
});
console.log(`scaling 1 -> 2 workers: median ${round(median(ratios))}x (pairs: ${ratios.join(', ')})`);
