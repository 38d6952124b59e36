// A run folder is never lost or mixed: it appears at --out only when complete, --force replaces
// it whole, a run stopped or killed half-way leaves the previous result as it was, and a folder
// that is not a run folder is never written into. The command as a user runs it (child processes).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = join(import.meta.dirname, '../../bin/ferrowave.mjs');
const cli = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 120_000 });
const tmp = () => mkdtempSync(join(tmpdir(), 'ferrowave-folder-'));
const SMALL = ['--workers', '0', '--quiet', '--set', 'lattice.width=20', '--set', 'duration_min=380'];
/** a run that takes minutes: it is always still running when the test stops it */
const LONG = ['--workers', '1', '--set', 'duration_min=100000', '--set', 'output.sample_every_min=60'];

const snapshot = (dir: string) => Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
const temporaries = (parent: string) => readdirSync(parent).filter((f) => f.includes('.ferrowave-'));

/** Start a long run into `out`, wait until its temporary folder has a time series, then send `signal`. */
async function interrupt(out: string, signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  const child = spawn(process.execPath, [bin, 'run', 'primed-light-pulse', '--out', out, '--force', ...LONG], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  const parent = join(out, '..');
  const t0 = performance.now();
  for (;;) {
    const t = temporaries(parent).find((f) => f.includes('-tmp-'));
    if (t && existsSync(join(parent, t, 'timeseries.csv')) && readFileSync(join(parent, t, 'timeseries.csv'), 'utf8').split('\n').length > 3) break;
    if (performance.now() - t0 > 60_000) throw new Error(`the run did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill(signal);
  return new Promise((done) => child.on('exit', (code, sig) => done({ code, signal: sig, stderr })));
}

describe('run folders', () => {
  it('--force replaces the whole folder: no cells.csv or cells.parquet of the old run beside the new files', () => {
    const out = join(tmp(), 'run');
    expect(cli('run', 'unprimed-light-pulse', '--out', out, ...SMALL, '--cells-csv').status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['cells.csv', 'cells.parquet', 'scenario.resolved.json', 'summary.json', 'timeseries.csv']);
    const r = cli('run', 'unprimed-light-pulse', '--out', out, ...SMALL, '--force', '--set', 'duration_min=370');
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['scenario.resolved.json', 'summary.json', 'timeseries.csv']);
    expect(JSON.parse(readFileSync(join(out, 'scenario.resolved.json'), 'utf8')).duration_min).toBe(370);
    expect(temporaries(join(out, '..'))).toEqual([]);
  });

  it('a run killed (SIGKILL) while replacing a finished run leaves that run intact; the next run removes its leftovers', async () => {
    const parent = tmp();
    const out = join(parent, 'run');
    expect(cli('run', 'unprimed-light-pulse', '--out', out, ...SMALL).status).toBe(0);
    const before = snapshot(out);
    const killed = await interrupt(out, 'SIGKILL');
    expect(killed.signal).toBe('SIGKILL');
    // the old summary with the old scenario, untouched; the new run's files only in its temporary
    expect(snapshot(out)).toEqual(before);
    expect(temporaries(parent)).toHaveLength(1);
    const next = cli('run', 'unprimed-light-pulse', '--out', join(parent, 'other'), ...SMALL.filter((a) => a !== '--quiet'));
    expect(next.status).toBe(0);
    // another --out leaves them alone: only the next run into the same place cleans up
    expect(temporaries(parent)).toHaveLength(1);
    const again = spawnSync(process.execPath, [bin, 'run', 'unprimed-light-pulse', '--out', out, ...SMALL.filter((a) => a !== '--quiet'), '--force'], {
      encoding: 'utf8',
    });
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/removed \.run\.ferrowave-tmp-.* \(left by a killed run\)/);
    expect(temporaries(parent)).toEqual([]);
  });

  it('Ctrl-C (SIGINT) stops a run: exit 130, nothing written, the previous run as it was', async () => {
    const parent = tmp();
    const out = join(parent, 'run');
    expect(cli('run', 'unprimed-light-pulse', '--out', out, ...SMALL).status).toBe(0);
    const before = snapshot(out);
    const stopped = await interrupt(out, 'SIGINT');
    expect(stopped.code).toBe(130);
    expect(stopped.stderr).toContain(`stopped by SIGINT: nothing written, ${out} is as it was`);
    expect(snapshot(out)).toEqual(before);
    expect(temporaries(parent)).toEqual([]);
  });

  it("never writes into a folder that is not a run folder, even with --force; a user's files stay", () => {
    const out = join(tmp(), 'mine');
    mkdirSync(out);
    writeFileSync(join(out, 'timeseries.csv'), 'my,own\n1,2\n');
    for (const extra of [[], ['--force']]) {
      const r = cli('run', 'unprimed-light-pulse', '--out', out, ...SMALL, ...extra);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(`--out ${out} is not empty and is not a ferrowave run folder (it holds timeseries.csv)`);
    }
    expect(readFileSync(join(out, 'timeseries.csv'), 'utf8')).toBe('my,own\n1,2\n');
    expect(readdirSync(out)).toEqual(['timeseries.csv']);
    // an empty folder is fine
    const empty = join(tmp(), 'empty');
    mkdirSync(empty);
    expect(cli('run', 'unprimed-light-pulse', '--out', empty, ...SMALL).status).toBe(0);
    expect(readdirSync(empty)).toContain('summary.json');
  });

  it('an --out that cannot be written fails at once with exit 2, before anything runs', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a-file'), '');
    const under = cli('run', 'unprimed-light-pulse', '--out', join(dir, 'a-file', 'run'), ...SMALL);
    expect(under.status).toBe(2);
    expect(under.stderr).toMatch(/cannot use it \(ENOTDIR: a part of the path is a file, not a folder\)/);
    const sweep = cli('sweep', join(import.meta.dirname, '../../examples/erastin-dfo-sweep.json'), '--out', join(dir, 'a-file'), '--workers', '0');
    expect(sweep.status).toBe(2);
    expect(sweep.stderr).toContain('exists and is not a sweep folder');
    if (existsSync('/proc/1')) {
      const t0 = performance.now();
      const proc = cli('sweep', join(import.meta.dirname, '../../examples/erastin-dfo-sweep.json'), '--out', '/proc/1/nope', '--workers', '0');
      expect(proc.status).toBe(2);
      expect(proc.stderr).toMatch(/--out \/proc\/1\/nope: cannot write a folder there/);
      expect(performance.now() - t0).toBeLessThan(30_000);
    }
  });
});
