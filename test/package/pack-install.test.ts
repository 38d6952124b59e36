// Why this file exists: what a user gets from `npm install ferrowave` must work on its own. This
// packs the project as npm would publish it (`npm pack`, whose prepack compiles build/), installs
// the tarball into an empty folder (its dependencies from the registry) and runs every command
// there on tiny lattices: --version and help, presets, params, run (on 0 and 2 workers), sweep in
// two shards, merge, report, fit, validate --only, record (Debian's chromium). It also checks that
// the package ships only what a user needs and that nothing is compiled or bundled at run time.
import { type SpawnSyncOptions, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tinyStrip } from '../tiny-strip';

const ROOT = join(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'ferrowave-pack-'));
const app = join(dir, 'app');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** the environment without npm's own variables (this may run under `npm test`) */
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.toLowerCase().startsWith('npm_')));
const sh = (cmd: string, args: string[], opts: SpawnSyncOptions = {}) => {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 240_000, env, ...opts });
  return { status: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
};
/** the installed executable, run from the folder it was installed in */
const ferrowave = (...args: string[]) => sh(join(app, 'node_modules', '.bin', 'ferrowave'), args, { cwd: app });
const ok = (r: { status: number | null; stderr: string }) => expect(r.status, r.stderr).toBe(0);

// the wave preset on a 20 x 3-site strip for an hour, the pulse inside it at 5 min
const TINY = [
  'lattice.width=20',
  'lattice.height=3',
  'duration_min=60',
  'treatments[1].region.disc.y_um=30',
  'treatments[1].start_min=5',
  'treatments[1].end_min=15',
];
const SET = TINY.flatMap((s) => ['--set', s]);

let packed: { files: { path: string }[]; size: number; unpackedSize: number; entryCount: number };
const timings: string[] = [];
const timed = <T>(what: string, f: () => T): T => {
  const t0 = performance.now();
  const r = f();
  timings.push(`${what} ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return r;
};

beforeAll(() => {
  const pack = timed('pack', () => sh('npm', ['pack', '--json', '--pack-destination', dir], { cwd: ROOT }));
  ok(pack);
  // npm's JSON report, after anything the prepack build may have printed
  const at = pack.stdout.search(/^\[\s*\{/m);
  if (at < 0) throw new Error(`no JSON report from npm pack: ${pack.stdout.slice(0, 500)}`);
  [packed] = JSON.parse(pack.stdout.slice(at));
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), '{ "name": "try-ferrowave", "private": true }\n');
  const tgz = readdirSync(dir).find((f) => f.endsWith('.tgz'));
  if (!tgz) throw new Error('npm pack wrote no tarball');
  ok(timed('install', () => sh('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', join(dir, tgz)], { cwd: app })));
}, 300_000);

afterAll(() => console.log(`pack-install: ${timings.join(', ')}`));

describe('the package as npm installs it', () => {
  it('ships compiled JavaScript, the built sandbox, schemas and examples, and no sources or tests', () => {
    const paths = packed.files.map((f) => f.path);
    for (const p of ['bin/ferrowave.mjs', 'build/node/cli.mjs', 'build/node/sim.node-worker.mjs', 'build/node/sweep.node-worker.mjs'])
      expect(paths).toContain(p);
    for (const p of ['build/sandbox/index.html', 'schemas/scenario.schema.json', 'schemas/sweep.schema.json', 'examples/erastin-dfo-sweep.json', 'README.md'])
      expect(paths).toContain(p);
    expect(paths.filter((p) => /^(src|test|bench|scripts|workers|\.ci|lint|docs\/validation|docs\/images|docs\/screenshots)\//.test(p))).toEqual([]);
    expect(paths.filter((p) => p.endsWith('.ts'))).toEqual([]);
    expect(packed.entryCount).toBeLessThan(100);
    // the runtime dependencies and nothing that compiles or bundles
    const installed = readdirSync(join(app, 'node_modules')).filter((n) => !n.startsWith('.'));
    expect(installed.sort()).toEqual(['comlink', 'ferrowave', 'playwright-core', 'seedrandom']);
  });

  it('prints its version and help', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const v = ferrowave('--version');
    ok(v);
    expect(v.stdout.trim()).toBe(`ferrowave ${pkg.version}`);
    const h = ferrowave('run', '--help');
    ok(h);
    expect(h.stdout).toContain('ferrowave run');
    ok(ferrowave('help', 'sweep'));
  });

  it('lists presets and parameters', () => {
    const presets = ferrowave('presets');
    ok(presets);
    expect(presets.stdout).toMatch(/^primed-light-pulse /m);
    const params = ferrowave('params');
    ok(params);
    expect(params.stdout).toMatch(/^ros_basal /m);
  });

  it('runs a scenario, the same on 0 and 2 workers', () => {
    ok(timed('run', () => ferrowave('run', 'primed-light-pulse', ...SET, '--out', 'r0', '--quiet')));
    ok(ferrowave('run', 'primed-light-pulse', ...SET, '--out', 'r2', '--workers', '2', '--quiet'));
    const ts = readFileSync(join(app, 'r0', 'timeseries.csv'), 'utf8');
    expect(ts.trim().split('\n').length).toBeGreaterThan(2);
    expect(readFileSync(join(app, 'r2', 'timeseries.csv'), 'utf8')).toBe(ts);
    expect(JSON.parse(readFileSync(join(app, 'r0', 'summary.json'), 'utf8'))).toBeTypeOf('object');
  });

  it('sweeps in two shards, merges them and writes the report, bundling nothing at run time', () => {
    const sweep = {
      name: 'tiny',
      base: 'primed-light-pulse',
      set: Object.fromEntries(TINY.map((s) => s.split('=')).map(([k, v]) => [k, Number(v)])),
      axes: [{ path: 'treatments[0].uM', values: [1, 10] }],
      replicates: 1,
      seed: 7,
    };
    writeFileSync(join(app, 'sweep.json'), JSON.stringify(sweep));
    timed('sweep', () => {
      ok(ferrowave('sweep', 'sweep.json', '--out', 's0', '--shard', '0/2', '--workers', '1', '--quiet'));
      ok(ferrowave('sweep', 'sweep.json', '--out', 's1', '--shard', '1/2', '--workers', '2', '--quiet'));
    });
    ok(ferrowave('merge', 's0', 's1', '--out', 'all'));
    const runs = readFileSync(join(app, 'all', 'runs.csv'), 'utf8')
      .trim()
      .split('\n');
    expect(runs).toHaveLength(3);
    // the runs' time series gathered in one long table
    expect(readFileSync(join(app, 'all', 'timeseries.csv'), 'utf8')).toMatch(/^run_id,run,point,replicate,seed,erastin_uM,t_min,/);
    ok(ferrowave('report', 'all'));
    expect(readFileSync(join(app, 'all', 'report.html'), 'utf8')).toContain('<svg');
    expect(existsSync(join(app, 'node_modules', '.cache'))).toBe(false);
  });

  it('fits a parameter', () => {
    const strip = tinyStrip('tiny-strip', { burst_rate: 0 });
    writeFileSync(join(app, 'strip.json'), JSON.stringify(strip));
    writeFileSync(join(app, 'data.csv'), 'agent,uM,observable,value,sd,t_min\ndfo,0,wave_speed_um_per_min,5,0.5,\n');
    const fit = {
      name: 'tiny',
      seed: 5,
      data: [{ file: 'data.csv', scenario: 'strip.json' }],
      parameters: [{ path: 'params.ox_diffusion', lower: 100, upper: 600, scale: 'log' }],
      optimiser: { max_generations: 2 },
      uncertainty: { points: 3, max_generations: 1, refine: 0 },
    };
    writeFileSync(join(app, 'fit.json'), JSON.stringify(fit));
    ok(timed('fit', () => ferrowave('fit', 'fit.json', '--out', 'fit', '--workers', '1', '--quiet')));
    expect(Object.keys(JSON.parse(readFileSync(join(app, 'fit', 'best-params.json'), 'utf8')))).toEqual(['ox_diffusion']);
  });

  it('validates one behaviour check', () => {
    ok(timed('validate', () => ferrowave('validate', '--out', 'val', '--only', '5.4', '--workers', '0')));
    const report = JSON.parse(readFileSync(join(app, 'val', 'report.json'), 'utf8'));
    expect(report.results.map((x: { id: string }) => x.id)).toEqual(['5.4']);
    expect(report.fingerprint).toMatch(/^[0-9a-f]+$/);
  });

  it('records a video in the prebuilt sandbox (no vite installed)', () => {
    const r = timed('record', () =>
      ferrowave(
        'record',
        'primed-light-pulse',
        ...SET,
        '--out',
        'v.webm',
        '--fps',
        '5',
        '--seconds',
        '2',
        '--minutes-per-second',
        '10',
        '--width',
        '320',
        '--height',
        '180',
        '--quiet',
      ),
    );
    ok(r);
    const bytes = readFileSync(join(app, 'v.webm'));
    expect(bytes.subarray(0, 4).toString('hex')).toBe('1a45dfa3'); // EBML: a WebM file
    expect(statSync(join(app, 'v.webm')).size).toBeGreaterThan(1000);
  });
});
