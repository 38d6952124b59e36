// `ferrowave fit` as a user runs it (child processes), on a tiny primed strip: it recovers a
// parameter from data the model itself produced; the fit folder is the same bytes for 1 and 2
// workers, for two shards running together, and after a SIGKILL and a rerun; a changed fit file is
// refused on an old folder; an invalid fit writes nothing; a run that fails counts and the fit goes on;
// a fit to spontaneous wave sites by serum dose reproduces with the run command its report gives.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/engine';
import { runToEnd } from '../../src/engine/runner';
import { measureRun } from '../../src/fit/measure';
import { resolveScenario } from '../../src/model/scenario';
import { createSimulation } from '../../src/model/simulation';
import { tinyStrip } from '../tiny-strip';

const bin = join(import.meta.dirname, '../../bin/ferrowave.mjs');
const cli = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 180_000, env: { ...process.env, ...env } });
const root = mkdtempSync(join(tmpdir(), 'ferrowave-fit-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const read = (...p: string[]) => readFileSync(join(...p), 'utf8');

/** A 40 x 3-site strip primed with erastin, a pulse over its left end at 300 min (spontaneous bursts off: the pulse is the only trigger): a wave in ~20 ms. */
const strip = tinyStrip('tiny-strip', { burst_rate: 0 });
writeFileSync(join(root, 'strip.json'), JSON.stringify(strip));
const TRUE_DIFFUSION = 200;

/** What the model gives at the true parameters (the synthetic data). */
async function measure(extra: object | null) {
  const raw = structuredClone(strip) as Record<string, unknown> & { treatments: object[] };
  if (extra) raw.treatments.push(extra);
  raw.params = { burst_rate: 0, ox_diffusion: TRUE_DIFFUSION };
  const sc = resolveScenario(raw, '0.1.0');
  const sim = createSimulation(sc, sc.seed);
  return measureRun(sim, await runToEnd(await createEngine(sim, 0)), [450]);
}

const fitFile = (name: string, parameters: object[], extra: Record<string, unknown> = {}) => {
  const path = join(root, `${name}.json`);
  writeFileSync(path, JSON.stringify({ name, seed: 5, data: [{ file: 'data.csv', scenario: 'strip.json' }], parameters, ...extra }));
  return path;
};
const diffusion = { path: 'params.ox_diffusion', lower: 100, upper: 600, scale: 'log' };
const fenton = { path: 'params.feedback_iron_share', lower: 0.15, upper: 0.22 };
/** two parameters, a small budget: the fit compared across workers, shards and resumes */
const small = { optimiser: { max_generations: 5 }, uncertainty: { points: 3, max_generations: 1, refine: 0 } };
const OUTPUTS = [
  'best-params.json',
  'points.csv',
  'evaluations.csv',
  'uncertainty.csv',
  'profiles.csv',
  'report.md',
  'state.json',
  'plots/profile-feedback_iron_share.svg',
];

function runFit(file: string, out: string, ...extra: string[]) {
  const r = cli(['fit', file, '--out', join(root, out), '--quiet', ...extra]);
  expect(r.status, r.stderr).toBe(0);
  return r;
}

describe('ferrowave fit', () => {
  let twoParams = '';
  beforeAll(async () => {
    const control = await measure(null);
    const dfo = await measure({ agent: 'dfo', uM: 3, start_min: 0 });
    const fac = await measure({ agent: 'fac', uM: 5, start_min: 0 });
    writeFileSync(
      join(root, 'data.csv'),
      [
        'agent,uM,observable,value,sd,t_min',
        `dfo,0,wave_speed_um_per_min,${control.speed_um_per_min},0.1,`,
        `dfo,3,wave_speed_ratio,${dfo.speed_um_per_min / control.speed_um_per_min},0.02,`,
        `fac,5,fraction_dead_at,${fac.dead_fraction[0]},0.05,450`,
        '',
      ].join('\n'),
    );
    twoParams = fitFile('two', [diffusion, fenton], small);
    runFit(twoParams, 'w1', '--workers', '1');
  });

  it('recovers a parameter from data the model produced, with an interval that holds it', () => {
    const f = fitFile('one', [{ ...diffusion, start: 400 }], { optimiser: { max_generations: 10 }, uncertainty: { points: 5, refine: 1 } });
    runFit(f, 'one', '--workers', '2');
    const best = JSON.parse(read(root, 'one', 'best-params.json'));
    expect(Object.keys(best)).toEqual(['ox_diffusion']);
    expect(Math.abs(best.ox_diffusion / TRUE_DIFFUSION - 1)).toBeLessThan(0.03);
    // a valid scenario params block
    expect(resolveScenario({ ...strip, params: best }, '0.1.0').params.ox_diffusion).toBe(best.ox_diffusion);
    const [header, row] = read(root, 'one', 'uncertainty.csv').trim().split('\n');
    const u = Object.fromEntries(header.split(',').map((k, i) => [k, row.split(',')[i]]));
    expect(u.verdict).toBe('identifiable');
    expect(Number(u.ci_lower)).toBeLessThan(TRUE_DIFFUSION);
    expect(Number(u.ci_upper)).toBeGreaterThan(TRUE_DIFFUSION);
    const points = read(root, 'one', 'points.csv').trim().split('\n');
    expect(points[0]).toBe(
      'point,data_file,line,agent,dose,dose_unit,observable,unit,t_min,data,sd,weight,model,residual,std_residual,allowed,pass,fixed,note',
    );
    expect(points.slice(1).map((l) => l.split(',')[16])).toEqual(['true', 'true', 'true']);
    // the fit's model value is `ferrowave run`'s, bit for bit (the command the report gives)
    const run = cli(['run', join(root, 'strip.json'), '--out', join(root, 'one-run'), '--quiet', '--set', `params.ox_diffusion=${best.ox_diffusion}`]);
    expect(run.status, run.stderr).toBe(0);
    expect(String(JSON.parse(read(root, 'one-run', 'summary.json')).results.wave.speed_um_per_min)).toBe(points[1].split(',')[12]);
    const report = read(root, 'one', 'report.md');
    expect(report).toContain('3 of 3 points within tolerance');
    expect(report).toMatch(/\*\*Identifiability:\*\* every fitted parameter is practically identifiable/);
    expect(report).toContain(
      `npx ferrowave run strip.json --out DIR --set params.ox_diffusion=${best.ox_diffusion} --set 'treatments[2]={"agent":"AGENT","uM":DOSE,"start_min":0}'`,
    );
    expect(readdirSync(join(root, 'one', 'plots')).sort()).toEqual([
      'd0-dfo-wave_speed_ratio.svg',
      'd0-dfo-wave_speed_um_per_min.svg',
      'd0-fac-fraction_dead_at-t450.svg',
      'profile-ox_diffusion.svg',
    ]);
  });

  it('writes the same fit folder on 2 workers as on 1', () => {
    runFit(twoParams, 'w2', '--workers', '2');
    for (const f of OUTPUTS) expect(read(root, 'w2', f), f).toBe(read(root, 'w1', f));
  });

  it('gives the same fit from two shards running together on one folder', async () => {
    const run = (i: number) =>
      new Promise<number | null>((res) => {
        const p = spawn(process.execPath, [bin, 'fit', twoParams, '--out', join(root, 'shards'), '--shard', `${i}/2`, '--workers', '1', '--quiet']);
        p.on('exit', (code) => res(code));
      });
    expect(await Promise.all([run(0), run(1)])).toEqual([0, 0]);
    expect(readdirSync(join(root, 'shards', 'batches')).slice(0, 2)).toEqual(['b000000-s0of2.jsonl', 'b000000-s1of2.jsonl']);
    for (const f of OUTPUTS) expect(read(root, 'shards', f), f).toBe(read(root, 'w1', f));
  });

  it('continues after SIGKILL where it stopped (here in the main thread), to the same fit', async () => {
    const out = join(root, 'killed');
    const p = spawn(process.execPath, [bin, 'fit', twoParams, '--out', out, '--workers', '1', '--quiet']);
    const batches = () => (existsSync(join(out, 'batches')) ? readdirSync(join(out, 'batches')).filter((n) => !n.includes('partial')).length : 0);
    while (batches() < 3 && p.exitCode === null) await new Promise((r) => setTimeout(r, 20));
    const exited = new Promise((r) => (p.exitCode === null ? p.once('exit', r) : r(null)));
    p.kill('SIGKILL');
    await exited;
    const state = JSON.parse(read(out, 'state.json')).state;
    expect(state.phase).not.toBe('done');
    // continued in this thread (--workers 0): the same numbers as on a worker
    const r = cli(['fit', twoParams, '--out', out, '--workers', '0']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/continuing .* from batch [1-9]/);
    for (const f of OUTPUTS) expect(read(out, f), f).toBe(read(root, 'w1', f));
  });

  it('refuses to continue a folder with a changed fit file, naming what changed; reruns a finished fit to the same files', () => {
    const changed = fitFile('two', [diffusion, { ...fenton, upper: 0.21 }], small);
    const r = cli(['fit', changed, '--out', join(root, 'w1')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/holds another fit: .*two\.json differs from the fit started there in fit\.parameters[^.]*\. It cannot be continued/);
    fitFile('two', [diffusion, fenton], small);
    const again = runFit(twoParams, 'w2', '--workers', '0');
    expect(again.stdout.trim()).toBe(join(root, 'w2'));
    for (const f of OUTPUTS) expect(read(root, 'w2', f), f).toBe(read(root, 'w1', f));
  });

  it('rejects an invalid fit with exit code 2, one line per problem, and writes nothing; refuses an --out that is not a fit folder', () => {
    writeFileSync(join(root, 'bad.csv'), 'agent,uM,observable,value,sd\nnot-a-drug,1,wave_speed_ratio,0.9,0.1\n');
    const bad = join(root, 'bad.json');
    writeFileSync(bad, JSON.stringify({ data: [{ file: 'bad.csv', scenario: 'strip.json' }], parameters: [diffusion] }));
    const r = cli(['fit', bad, '--out', join(root, 'bad')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/invalid fit \(1 problem\):\n {2}bad\.csv line 2, column agent: "not-a-drug" — not a treatment of the model; allowed: erastin/);
    expect(existsSync(join(root, 'bad'))).toBe(false);
    const foreign = cli(['fit', twoParams, '--out', join(root, 'w1', 'plots')]);
    expect(foreign.status).toBe(2);
    expect(foreign.stderr).toMatch(/exists and is not a fit folder \(it holds .*\.svg\): nothing is written there/);
    const help = cli(['fit', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/ferrowave fit <fit\.json> --out DIR/);
  });

  it('counts a run that fails (its worker killed) as far off, and goes on', () => {
    const f = fitFile('faulty', [diffusion], { optimiser: { max_generations: 2 }, uncertainty: { method: 'none' } });
    // job 2 of every batch (the first candidate's third run) kills its worker
    const r = cli(['fit', f, '--out', join(root, 'faulty'), '--workers', '1', '--quiet'], { FERROWAVE_FIT_INJECT: '2:crash' });
    expect(r.status, r.stderr).toBe(0);
    const first = read(root, 'faulty', 'evaluations.csv').trim().split('\n')[1].split(',');
    // failed_points, objective (>= 100^2 for the failed point)
    expect(first.at(-2)).toBe('1');
    expect(Number(first.at(-3))).toBeGreaterThanOrEqual(10_000);
    const line = readFileSync(join(root, 'faulty', 'batches', 'b000000-s0of1.jsonl'), 'utf8').split('\n')[3];
    expect(JSON.parse(line)).toMatchObject({ r: 2, o: { ok: false, error: expect.stringMatching(/^worker died: exited with code 70/) } });
  });

  it('fits to where waves start on their own, by serum dose, and its report gives the run command with the dose key of serum', async () => {
    // a small primed field without a pulse: waves start from spontaneous bursts
    const field = {
      name: 'tiny-field',
      seed: 3,
      lattice: { width: 30, height: 30, site_um: 20 },
      duration_min: 900,
      tissue: { kind: 'monolayer', gaps: [] },
      treatments: [{ agent: 'erastin', uM: 10, start_min: 0 }],
      params: {},
    };
    writeFileSync(join(root, 'field.json'), JSON.stringify(field));
    writeFileSync(join(root, 'sites.csv'), 'agent,dose,observable,value,sd\nserum,5,ignition_sites,3,1.5\nserum,5,first_ignition_min,500,45\n');
    const path = join(root, 'sites.json');
    writeFileSync(
      path,
      JSON.stringify({
        name: 'sites',
        seed: 5,
        data: [{ file: 'sites.csv', scenario: 'field.json', columns: { dose_uM: 'dose' } }],
        parameters: [{ path: 'params.burst_size', lower: 2, upper: 10, scale: 'log' }],
        optimiser: { max_generations: 2 },
        uncertainty: { method: 'none' },
      }),
    );
    runFit(path, 'sites');
    const best = JSON.parse(read(root, 'sites', 'best-params.json')).burst_size;
    const report = read(root, 'sites', 'report.md');
    const set = `--set 'treatments[1]={"agent":"AGENT","dose":DOSE,"start_min":0}'`;
    expect(report).toContain(`npx ferrowave run field.json --out DIR --set params.burst_size=${best} ${set}`);
    const points = read(root, 'sites', 'points.csv')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','));
    expect(points.map((p) => p[6])).toEqual(['ignition_sites', 'first_ignition_min']);
    // the command with the row's agent and dose: the run's ignition sites are the fit's model value
    const run = cli([
      'run',
      join(root, 'field.json'),
      '--out',
      join(root, 'sites-run'),
      '--quiet',
      '--set',
      `params.burst_size=${best}`,
      '--set',
      'treatments[1]={"agent":"serum","dose":5,"start_min":0}',
    ]);
    expect(run.status, run.stderr).toBe(0);
    // and that scenario, run here, has the ignition sites and first time the fit recorded
    const raw = { ...field, params: { burst_size: best }, treatments: [...field.treatments, { agent: 'serum', dose: 5, start_min: 0 }] };
    const sc = resolveScenario(raw, '0.1.0');
    const sim = createSimulation(sc, sc.seed);
    const m = measureRun(sim, await runToEnd(await createEngine(sim, 0)), []);
    expect(m.ignition_sites).toBeGreaterThan(0);
    expect(String(m.ignition_sites)).toBe(points[0][12]);
    expect(String(m.first_ignition_min)).toBe(points[1][12]);
  });
});
