// The headless CLI as a user runs it: `node bin/ferrowave.mjs ...` in a child process.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { expectSameTable } from '../formats/parquet-reader';

const bin = join(import.meta.dirname, '../../bin/ferrowave.mjs');
const cli = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 120_000 });
const tmp = () => mkdtempSync(join(tmpdir(), 'ferrowave-cli-'));

describe('ferrowave CLI', () => {
  it('runs a preset into a self-describing folder', async () => {
    const out = join(tmp(), 'run');
    const r = cli(
      'run',
      'primed-light-pulse',
      '--out',
      out,
      '--seed',
      '0',
      '--workers',
      '2',
      '--cells-csv',
      '--set',
      'lattice.width=160',
      '--set',
      'lattice.height=4',
      '--set',
      'treatments[1].region.disc.y_um=40',
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe(out);
    expect(r.stderr).toMatch(/\[ferrowave\] primed-light-pulse: done in/);
    const sc = JSON.parse(readFileSync(join(out, 'scenario.resolved.json'), 'utf8'));
    expect(sc.seed).toBe(0);
    expect(sc.ferrowave_version).toMatch(/^\d+\.\d+\.\d+/);
    expect(sc.params.ox_diffusion).toBeGreaterThan(0);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    // who the run is, its results, and how it ran apart from them
    expect(summary).toMatchObject({ format: 'ferrowave-run/2', run_id: 'primed-light-pulse', seed: 0 });
    expect(summary.results.wave.detected).toBe(true);
    expect(summary.results.wave.speed_um_per_min).toBeGreaterThan(4.5);
    expect(summary.results.wave.speed_um_per_min).toBeLessThan(6.5);
    expect(summary.results.death.fraction_final).toBeGreaterThan(0);
    expect(summary.run_info.workers).toBe(2);
    expect(JSON.stringify(summary.results)).not.toContain('wall_s');
    // tidy tables: run id and seed on every row, column names `name_unit` of letters, digits and underscores
    const ts = readFileSync(join(out, 'timeseries.csv'), 'utf8').trim().split('\n');
    expect(ts[0]).toMatch(
      /^run_id,seed,t_min,alive,dying,dead,necrotic,hypoxic,committed_total,necrotic_total,births_total,mean_ros_au,mean_lpo_au,mean_gsh_uM,/,
    );
    expect(ts[1]).toMatch(/^primed-light-pulse,0,0,/);
    expect(ts).toHaveLength(1 + 900 / 5 + 1);
    const cells = readFileSync(join(out, 'cells.csv'), 'utf8').trim().split('\n');
    expect(cells[0]).toMatch(/^run_id,seed,x_um,y_um,status,t_death_min,t_dying_min,clone,fe_uM,ftn_uM,ca_uM,ca_er_uM,zn_nM,mt_rel,se_rel,/);
    expect(cells[0]).toContain(',gsh_uM,');
    expect(cells[0]).toContain(',ros_au,lpo_au,');
    for (const header of [ts[0], cells[0]]) for (const name of header.split(',')) expect(name).toMatch(/^[A-Za-z0-9_]+$/);
    expect(cells).toHaveLength(1 + 160 * 4);
    const col = (name: string) => cells[0].split(',').indexOf(name);
    expect(cells.some((l) => l.split(',')[col('status')] === 'dead' && l.split(',')[col('t_death_min')] !== '')).toBe(true);
    expect(cells.some((l) => l.split(',')[col('status')] === 'alive' && l.split(',')[col('t_death_min')] === '')).toBe(true);
    expect(cells.slice(1).every((l) => l.startsWith('primed-light-pulse,0,'))).toBe(true);
    // cells.parquet beside it: the same table, read by an independent reader
    const pq = await expectSameTable(readFileSync(join(out, 'cells.parquet')), readFileSync(join(out, 'cells.csv'), 'utf8'));
    expect(pq.rows).toHaveLength(160 * 4);
  });

  it('rejects a bad scenario with exit code 2, one line per problem, and writes nothing', () => {
    const dir = tmp();
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ seed: 1.5, lattice: { width: 10, height: 10 }, duration_min: 10, treatments: [{ agent: 'erastim', uM: 1 }] }));
    const out = join(dir, 'out');
    const r = cli('run', file, '--out', out);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('invalid scenario (2 problems)');
    expect(r.stderr).toContain('scenario.seed: 1.5 — must be an integer');
    expect(r.stderr).toMatch(/scenario\.treatments\[0\]\.agent: "erastim" — unknown agent; allowed: erastin, /);
    expect(existsSync(out)).toBe(false);
  });

  it('fails a run whose numbers leave the physical range (exit 3), keeping its folder and saying why', () => {
    const base = [
      'run',
      'primed-light-pulse',
      '--quiet',
      '--set',
      'lattice.width=30',
      '--set',
      'lattice.height=3',
      '--set',
      'treatments[1].region.disc.y_um=30',
    ];
    // PUFA-PL synthesis at the top of its range (issue 15: lipid peroxides went to -1e8): a valid run now
    const fine = cli(...base, '--out', join(tmp(), 'fine'), '--set', 'params.pufa_rate=1');
    expect(fine.status, fine.stderr).toBe(0);
    // no parameter inside its range diverges (test/model/param-edges.test.ts): the hook stands in for one that would,
    // a NaN in the ROS of the middle cell (column 15, row 1 of 30 x 3 sites of 20 um) at the second sample (5 min),
    // on workers that share the state: the scan at that sample finds it and the run stops there
    const out = join(tmp(), 'run');
    const injected = (what: string, dir: string) =>
      spawnSync(process.execPath, [bin, ...base, '--workers', '2', '--cells-csv', '--out', dir], {
        encoding: 'utf8',
        timeout: 120_000,
        env: { ...process.env, FERROWAVE_RUN_INJECT: what },
      });
    const r = injected('nan', out);
    expect(r.status, r.stderr).toBe(3);
    const said = 'diverged: per-cell variable ros (a.u.) is NaN at x = 310 um, y = 30 um (site 45: column 15, row 1, alive) at t = 5 min';
    expect(r.stderr).toContain(`ferrowave: ${said}. The run stopped there; its folder was written as far as it got (${out})`);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.run_info.diverged).toBe(said);
    expect(summary.run_info.steps).toBe(10);
    expect(summary.results.t_end_min).toBe(5);
    // the time series up to the sample that stopped it; the cells as they were then (the NaN an empty cell)
    const ts = readFileSync(join(out, 'timeseries.csv'), 'utf8').trim().split('\n');
    expect(ts.map((l) => l.split(',')[2])).toEqual(['t_min', '0', '5']);
    const cells = readFileSync(join(out, 'cells.csv'), 'utf8').trim().split('\n');
    const ros = cells[0].split(',').indexOf('ros_au');
    expect(cells.slice(1).filter((l) => l.split(',')[ros] === '')).toEqual([cells[1 + 45]]);
    // the backstop at the end: a mean that is not a number (the hook makes the first sample's mean ROS NaN)
    const late = join(tmp(), 'late');
    const m = injected('nan-mean', late);
    expect(m.status, m.stderr).toBe(3);
    expect(m.stderr).toContain("ferrowave: diverged: mean ros is NaN at t = 0 min. The run's folder was written");
    expect(JSON.parse(readFileSync(join(late, 'summary.json'), 'utf8')).run_info.diverged).toBe('diverged: mean ros is NaN at t = 0 min');
  });

  it('never overwrites a finished run unless asked', () => {
    const out = join(tmp(), 'run');
    const args = ['run', 'unprimed-light-pulse', '--out', out, '--workers', '0', '--quiet', '--set', 'lattice.width=20', '--set', 'duration_min=380'];
    expect(cli(...args).status).toBe(0);
    const again = cli(...args);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('already holds a finished run');
    expect(cli(...args, '--force').status).toBe(0);
  });

  it('prints its version, and the help of each command (help COMMAND, COMMAND --help or -h)', async () => {
    const version = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')).version;
    // as a user types them (the issue: `run --help` said "Unknown option")
    const v = cli('--version');
    expect(v.status).toBe(0);
    expect(v.stdout.trim()).toBe(`ferrowave ${version}`);
    const h = cli('run', '--help');
    expect(h.status).toBe(0);
    expect(h.stdout).toMatch(/ferrowave run <scenario\.json \| preset> --out DIR[\s\S]*--force replaces a finished one/);
    // the rest in this process (the same main())
    const { main } = await import('../../src/cli/main');
    const said = async (...args: string[]) => {
      const out: string[] = [];
      const log = vi.spyOn(console, 'log').mockImplementation((m) => void out.push(String(m)));
      const err = vi.spyOn(console, 'error').mockImplementation((m) => void out.push(String(m)));
      try {
        return { code: await main(args), text: out.join('\n') };
      } finally {
        log.mockRestore();
        err.mockRestore();
      }
    };
    for (const [args, usage] of [
      [['-V'], new RegExp(`^ferrowave ${version.replace(/\./g, '\\.')}$`)],
      [['validate', '--help'], /ferrowave validate --out DIR/],
      [['sweep', '-h'], /ferrowave sweep <sweep\.json> --out DIR/],
      [['help', 'record'], /ferrowave record <scenario\.json \| preset> --out FILE\.webm/],
      [['help', 'merge'], /ferrowave merge DIR\.\.\. --out DIR/],
      [['run', 'primed-light-pulse', '--out', 'x', '--help'], /ferrowave run/],
    ] as const) {
      const r = await said(...args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.text, args.join(' ')).toMatch(usage);
      // one command's help, not the whole usage
      expect(r.text, args.join(' ')).not.toContain('ferrowave params');
    }
    const unknown = await said('help', 'nope');
    expect(unknown.code).toBe(2);
    expect(unknown.text).toMatch(/no command "nope"; commands: run, record, presets, params, validate, sweep, merge, report/);
  });

  it('lists presets and parameters', () => {
    const p = cli('presets');
    expect(p.status).toBe(0);
    expect(p.stdout).toMatch(/^primed-light-pulse\s+Confluent monolayer/m);
    const q = cli('params');
    expect(q.stdout).toMatch(/^ox_diffusion\s+[\d.]+ um\^2\/min/m);
  });
});
