// `ferrowave sweep / merge / report` as a user runs them (child processes), on tiny lattices:
// the same runs.csv for any number of workers, for shards merged, after a kill and --resume;
// each run equal to `ferrowave run` of its resolved scenario; failures recorded, the sweep going on.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectSameTable } from '../formats/parquet-reader';

const bin = join(import.meta.dirname, '../../bin/ferrowave.mjs');
const cli = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 180_000, env: { ...process.env, ...env } });
const root = mkdtempSync(join(tmpdir(), 'ferrowave-sweep-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const read = (...p: string[]) => readFileSync(join(...p), 'utf8');
const withoutRunInfo = (text: string) => {
  const { run_info, ...rest } = JSON.parse(text);
  return rest;
};

/** A 2 x 2 grid with 2 replicates on a 40 x 3-site strip: 8 runs of ~50 ms. */
const tiny = {
  name: 'tiny',
  base: 'primed-light-pulse',
  set: { 'lattice.width': 40, 'lattice.height': 3, 'treatments[1].region.disc.y_um': 30, duration_min: 500 },
  axes: [
    { path: 'treatments[0].uM', values: [2.5, 10] },
    { path: 'params.ox_diffusion', values: [200, 300] },
  ],
  replicates: 2,
  seed: 7,
};
const sweepFile = join(root, 'tiny.json');
writeFileSync(sweepFile, JSON.stringify(tiny));

function sweep(out: string, ...extra: string[]) {
  const r = cli(['sweep', sweepFile, '--out', join(root, out), ...extra]);
  expect(r.status, r.stderr).toBe(0);
  return r;
}

describe('ferrowave sweep', () => {
  let reference = '';
  beforeAll(() => {
    sweep('w0', '--workers', '0');
    reference = read(root, 'w0', 'runs.csv');
  });

  it('writes a manifest, one complete folder per run and a tidy runs.csv', async () => {
    const manifest = JSON.parse(read(root, 'w0', 'manifest.json'));
    expect(manifest.total_runs).toBe(8);
    expect(manifest.columns).toEqual(['erastin_uM', 'ox_diffusion_um2_per_min']);
    expect(manifest.runs[5]).toMatchObject({ run: 5, point: 2, replicate: 1, dir: 'runs/r00005', values: { erastin_uM: 10, ox_diffusion_um2_per_min: 200 } });
    expect(readdirSync(join(root, 'w0', 'runs')).sort()).toEqual(['r00000', 'r00001', 'r00002', 'r00003', 'r00004', 'r00005', 'r00006', 'r00007']);
    expect(readdirSync(join(root, 'w0', 'runs', 'r00005')).sort()).toEqual(['scenario.resolved.json', 'summary.json', 'timeseries.csv']);
    const lines = reference.trim().split('\n');
    expect(lines).toHaveLength(9);
    expect(lines[0]).toMatch(
      /^run_id,run,point,replicate,seed,erastin_uM,ox_diffusion_um2_per_min,status,error,wave_detected,wave_pattern,wave_speed_um_per_min,/,
    );
    expect(lines[6]).toMatch(new RegExp(`^tiny-r00005,5,2,1,${manifest.runs[5].seed},10,200,ok,,true,wave,\\d`));
    // replicates differ (own seeds), and the dose matters
    expect(lines[5].split(',').slice(9)).not.toEqual(lines[6].split(',').slice(9));
    // every run's time series in one long table: the design on each row, then the run's own rows
    const long = read(root, 'w0', 'timeseries.csv').trim().split('\n');
    const own = read(root, 'w0', 'runs', 'r00005', 'timeseries.csv').trim().split('\n');
    expect(long[0]).toBe(`run_id,run,point,replicate,seed,erastin_uM,ox_diffusion_um2_per_min,${own[0].split(',').slice(2).join(',')}`);
    expect(long).toHaveLength(1 + 8 * (own.length - 1));
    const of5 = long.filter((l) => l.startsWith('tiny-r00005,'));
    expect(of5).toEqual(own.slice(1).map((l) => `tiny-r00005,5,2,1,${manifest.runs[5].seed},10,200,${l.split(',').slice(2).join(',')}`));
    expect(own[1].startsWith(`tiny-r00005,${manifest.runs[5].seed},0,`)).toBe(true);
    // timeseries.parquet beside it: the same table, read by an independent reader
    const pq = await expectSameTable(readFileSync(join(root, 'w0', 'timeseries.parquet')), read(root, 'w0', 'timeseries.csv'));
    expect(pq.columns.find((c) => c.name === 'erastin_uM')?.type).toBe('DOUBLE');
  });

  it('gives the same runs.csv and run folders on 2 workers', () => {
    // (the main thread writes the folders, whatever the cores: the workers write their own in the test after next)
    const r = cli(['sweep', sweepFile, '--out', join(root, 'w2'), '--workers', '2'], { FERROWAVE_SWEEP_MAIN_WRITES: '1' });
    expect(r.status, r.stderr).toBe(0);
    expect(read(root, 'w2', 'runs.csv')).toBe(reference);
    expect(read(root, 'w2', 'timeseries.csv')).toBe(read(root, 'w0', 'timeseries.csv'));
    expect(readFileSync(join(root, 'w2', 'timeseries.parquet'))).toEqual(readFileSync(join(root, 'w0', 'timeseries.parquet')));
    for (const r of ['r00000', 'r00003', 'r00007']) {
      expect(read(root, 'w2', 'runs', r, 'timeseries.csv')).toBe(read(root, 'w0', 'runs', r, 'timeseries.csv'));
      expect(withoutRunInfo(read(root, 'w2', 'runs', r, 'summary.json'))).toEqual(withoutRunInfo(read(root, 'w0', 'runs', r, 'summary.json')));
    }
  });

  it('gives the same runs.csv with the workers loading the TypeScript through tsx instead of the bundle, and writing their own folders', () => {
    const r = cli(['sweep', sweepFile, '--out', join(root, 'w2-tsx'), '--workers', '2'], { FERROWAVE_SWEEP_BUNDLE: '0', FERROWAVE_SWEEP_MAIN_WRITES: '0' });
    expect(r.status, r.stderr).toBe(0);
    expect(read(root, 'w2-tsx', 'runs.csv')).toBe(reference);
    expect(read(root, 'w2-tsx', 'runs', 'r00003', 'timeseries.csv')).toBe(read(root, 'w0', 'runs', 'r00003', 'timeseries.csv'));
    expect(readdirSync(join(root, 'w2-tsx', 'runs')).filter((n) => n.startsWith('.tmp'))).toEqual([]);
  });

  it("gives each run the numbers of `ferrowave run` of that run's scenario.resolved.json (on 2 workers)", () => {
    const out = join(root, 'single');
    const r = cli(['run', join(root, 'w0', 'runs', 'r00005', 'scenario.resolved.json'), '--out', out, '--workers', '2', '--quiet']);
    expect(r.status, r.stderr).toBe(0);
    expect(withoutRunInfo(read(out, 'summary.json'))).toEqual(withoutRunInfo(read(root, 'w0', 'runs', 'r00005', 'summary.json')));
    expect(read(out, 'timeseries.csv')).toBe(read(root, 'w0', 'runs', 'r00005', 'timeseries.csv'));
  });

  it('shards by run index and merges back to the same runs.csv; merge refuses missing or duplicated runs', () => {
    sweep('s0', '--shard', '0/3', '--workers', '1');
    sweep('s1', '--shard', '1/3', '--workers', '0');
    sweep('s2', '--shard', '2/3', '--workers', '2');
    expect(readdirSync(join(root, 's1', 'runs')).sort()).toEqual(['r00001', 'r00004', 'r00007']);
    expect(read(root, 's1', 'runs.csv').trim().split('\n')).toHaveLength(4);
    const m = cli(['merge', join(root, 's0'), join(root, 's1'), join(root, 's2'), '--out', join(root, 'merged')]);
    expect(m.status, m.stderr).toBe(0);
    expect(read(root, 'merged', 'runs.csv')).toBe(reference);
    expect(read(root, 'merged', 'timeseries.csv')).toBe(read(root, 'w0', 'timeseries.csv'));
    expect(readFileSync(join(root, 'merged', 'timeseries.parquet'))).toEqual(readFileSync(join(root, 'w0', 'timeseries.parquet')));
    expect(JSON.parse(read(root, 'merged', 'manifest.json')).shard).toBeNull();

    const missing = cli(['merge', join(root, 's0'), join(root, 's2'), '--out', join(root, 'm2')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('3 of 8 runs missing');
    expect(missing.stderr).toContain(': 1, 4, 7');
    expect(existsSync(join(root, 'm2'))).toBe(false);
    const dup = cli(['merge', join(root, 's0'), join(root, 's1'), join(root, 's2'), join(root, 'w0'), '--out', join(root, 'm3')]);
    expect(dup.status).toBe(2);
    expect(dup.stderr).toContain('runs present in more than one folder: 0, 1, 2, 3, 4, 5, 6, 7');
  });

  it('refuses to reuse a folder without --resume, or to resume another sweep', () => {
    const again = cli(['sweep', sweepFile, '--out', join(root, 'w0')]);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('already holds a sweep (manifest.json): pass --resume');
    const other = join(root, 'other.json');
    writeFileSync(other, JSON.stringify({ ...tiny, seed: 8 }));
    const r = cli(['sweep', other, '--out', join(root, 'w0'), '--resume']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('holds another sweep');
    const shard = cli(['sweep', sweepFile, '--out', join(root, 's0'), '--resume', '--shard', '1/3']);
    expect(shard.stderr).toContain('was started with --shard 0/3: resume it with the same');
  });

  it('rejects an invalid sweep with exit code 2, one line per problem, and writes nothing', () => {
    const bad = join(root, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...tiny, replicates: 0, axes: [{ path: 'treatments[0].uM', values: [1, 99999] }] }));
    const r = cli(['sweep', bad, '--out', join(root, 'bad')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('invalid sweep (1 problem)');
    expect(r.stderr).toContain('sweep.replicates: 0 — must be an integer from 1 to 100000');
    writeFileSync(bad, JSON.stringify({ ...tiny, axes: [{ path: 'treatments[0].uM', values: [1, 99999] }] }));
    const r2 = cli(['sweep', bad, '--out', join(root, 'bad')]);
    expect(r2.status).toBe(2);
    expect(r2.stderr).toMatch(/design point 1: \{"erastin_uM":99999\} — scenario\.treatments\[0\]\.uM: 99999 — must be a number \(uM\)/);
    expect(existsSync(join(root, 'bad'))).toBe(false);
  });

  it('records runs that throw, diverge or kill their worker as failed, and goes on', () => {
    // the workers write the folders here, so a worker's own writes and the main thread's record of its lost run meet
    const r = cli(['sweep', sweepFile, '--out', join(root, 'faulty'), '--workers', '2'], {
      FERROWAVE_SWEEP_INJECT: '1:throw,2:crash,5:nan',
      FERROWAVE_SWEEP_MAIN_WRITES: '0',
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('8 runs in runs.csv, 3 failed');
    const rows = read(root, 'faulty', 'runs.csv').trim().split('\n');
    const ref = reference.trim().split('\n');
    expect(rows[2]).toMatch(/^tiny-r00001,1,0,1,\d+,2.5,200,failed,Error: injected failure of run 1 \(FERROWAVE_SWEEP_INJECT\),,,/);
    expect(rows[3]).toMatch(/^tiny-r00002,2,1,0,\d+,2.5,300,failed,worker died: exited with code 70,,,/);
    // the NaN planted in run 5's state (the middle cell of 40 x 3 at 5 min) stops it there
    expect(rows[6]).toMatch(
      /^tiny-r00005,5,2,1,\d+,10,200,failed,"diverged: per-cell variable ros \(a\.u\.\) is NaN at x = 410 um, y = 30 um \(site 60: column 20, row 1, alive\) at t = 5 min",,,/,
    );
    expect(JSON.parse(read(root, 'faulty', 'runs', 'r00005', 'failed.json')).error).toMatch(/^diverged: per-cell variable ros \(a\.u\.\) is NaN at /);
    // the failed runs have no rows in the long time series
    const long = read(root, 'faulty', 'timeseries.csv');
    expect(long).not.toContain('tiny-r00001,');
    expect(long).toContain('tiny-r00003,');
    for (const k of [0, 1, 4, 5, 7, 8]) expect(rows[k]).toBe(ref[k]);
    expect(JSON.parse(read(root, 'faulty', 'runs', 'r00002', 'failed.json')).error).toBe('worker died: exited with code 70');
    const rep = cli(['report', join(root, 'faulty')]);
    expect(rep.status, rep.stderr).toBe(0);
    const html = read(root, 'faulty', 'report.html');
    expect(html).toContain('<h2>Failed runs (3)</h2>');
    expect(html).toContain('worker died: exited with code 70');
    expect(html.match(/<svg /g)?.length).toBeGreaterThanOrEqual(8);
    expect(html).toContain('Heat maps');
  });
});

describe('kill and --resume', () => {
  it('loses nothing: after SIGKILL mid-sweep, --resume finishes only the missing runs and runs.csv is identical', async () => {
    const big = { ...tiny, name: 'bigger', replicates: 6 };
    const file = join(root, 'bigger.json');
    writeFileSync(file, JSON.stringify(big));
    const ref = cli(['sweep', file, '--out', join(root, 'big-ref'), '--workers', '2']);
    expect(ref.status, ref.stderr).toBe(0);

    const out = join(root, 'big-killed');
    const child = spawn(process.execPath, [bin, 'sweep', file, '--out', out, '--workers', '1'], { stdio: 'ignore' });
    const runs = join(out, 'runs');
    const count = () => (existsSync(runs) ? readdirSync(runs).filter((n) => /^r\d+$/.test(n)).length : 0);
    const t0 = Date.now();
    while (count() < 4 && Date.now() - t0 < 60_000) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const done = count();
    expect(done).toBeGreaterThanOrEqual(4);
    expect(done).toBeLessThan(24);
    expect(existsSync(join(out, 'runs.csv'))).toBe(false);
    // every folder present is complete
    for (const n of readdirSync(runs).filter((x) => /^r\d+$/.test(x)))
      expect(readdirSync(join(runs, n)).sort()).toEqual(['scenario.resolved.json', 'summary.json', 'timeseries.csv']);
    // a temporary left by a kill mid-write is cleaned up
    mkdirSync(join(runs, '.tmp-r00023-999'));
    writeFileSync(join(runs, '.tmp-r00023-999', 'scenario.resolved.json'), '{');

    const resumed = cli(['sweep', file, '--out', out, '--workers', '2', '--resume']);
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain(`${24 - done} runs in`);
    expect(resumed.stderr).toContain(`${done} were already done`);
    expect(readdirSync(runs).filter((n) => n.startsWith('.tmp'))).toEqual([]);
    expect(read(out, 'runs.csv')).toBe(read(root, 'big-ref', 'runs.csv'));
  });

  it('stops on Ctrl-C (SIGINT) between runs, even in this thread (--workers 0), and says how to resume', async () => {
    const out = join(root, 'interrupted');
    const child = spawn(process.execPath, [bin, 'sweep', sweepFile, '--out', out, '--workers', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += String(d);
    });
    const runs = join(out, 'runs');
    const t0 = Date.now();
    while (!(existsSync(runs) && readdirSync(runs).some((n) => /^r\d+$/.test(n))) && Date.now() - t0 < 60_000) await new Promise((r) => setTimeout(r, 10));
    child.kill('SIGINT');
    const code = await new Promise((r) => child.once('exit', (c) => r(c)));
    expect(code).toBe(130);
    expect(stderr).toContain('stopped by SIGINT; finished runs are kept: run again with --resume to finish the rest');
    expect(readdirSync(runs).filter((n) => /^r\d+$/.test(n)).length).toBeLessThan(8);
  });
});
