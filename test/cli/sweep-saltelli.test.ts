// A saltelli sweep as a user runs it (child processes), on a tiny strip: sobol.csv next to
// runs.csv; the same two files for shards merged and after an interruption and --resume; no
// sobol.csv in a shard's folder (its runs are not all there); and the report's Sobol section.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const bin = join(import.meta.dirname, '../../bin/ferrowave.mjs');
const cli = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 180_000 });
const root = mkdtempSync(join(tmpdir(), 'ferrowave-saltelli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const read = (...p: string[]) => readFileSync(join(...p), 'utf8');

/** 4 base points x (2 axes + 2) = 16 runs of a 40 x 3-site strip. */
const tiny = {
  name: 'tiny-saltelli',
  base: 'primed-light-pulse',
  set: { 'lattice.width': 40, 'lattice.height': 3, 'treatments[1].region.disc.y_um': 30, duration_min: 500, 'output.sample_every_min': 50 },
  design: 'saltelli',
  points: 4,
  axes: [
    { path: 'params.ox_diffusion', from: 190, to: 430, scale: 'log' },
    { path: 'treatments[0].uM', from: 1, to: 10 },
  ],
  seed: 11,
  keep: { timeseries: 'none' },
};
const file = join(root, 'tiny.json');
writeFileSync(file, JSON.stringify(tiny));

function sweep(out: string, ...extra: string[]) {
  const r = cli(['sweep', file, '--out', join(root, out), ...extra]);
  expect(r.status, r.stderr).toBe(0);
  return r;
}

describe('a saltelli sweep', () => {
  let runs = '';
  let sobol = '';
  beforeAll(() => {
    const r = sweep('ref', '--workers', '0');
    expect(r.stderr).toContain('16 runs in runs.csv, 0 failed; Sobol indices in sobol.csv');
    runs = read(root, 'ref', 'runs.csv');
    sobol = read(root, 'ref', 'sobol.csv');
  });

  it('writes sobol.csv: one row per parameter, with its indices, unit, range and source category', () => {
    const lines = sobol.trim().split('\n');
    expect(lines[0]).toBe(
      'metric,metric_unit,parameter,S1,S1_lo,S1_hi,ST,ST_lo,ST_hi,unit,from,to,scale,source_category,base_points_used,effect_in_regime,pairs_in_regime,regime_changes,pairs',
    );
    expect(lines).toHaveLength(3);
    expect(lines.some((l) => /^wave_speed,um\/min,ox_diffusion,(-?[\d.]+,){6}um\^2\/min,190,430,log,calibration,4,[\d.]*,\d,\d,4$/.test(l))).toBe(true);
    // erastin (no model parameter: no unit or source) first: it moves the speed most
    expect(lines[1]).toMatch(/^wave_speed,um\/min,erastin_uM,(-?[\d.]+,){6},1,10,linear,,4,[\d.]*,\d,\d,4$/);
    // the runs of a base point share its seed
    const seeds = runs
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(',')[4]);
    for (let j = 0; j < 4; j++) expect(new Set(seeds.slice(4 * j, 4 * j + 4)).size).toBe(1);
    expect(new Set(seeds).size).toBe(4);
  });

  it('merged from shards, gives the same runs.csv and sobol.csv; a shard alone has no sobol.csv', () => {
    sweep('s0', '--shard', '0/3', '--workers', '0');
    sweep('s1', '--shard', '1/3', '--workers', '1');
    sweep('s2', '--shard', '2/3', '--workers', '2');
    expect(existsSync(join(root, 's1', 'sobol.csv'))).toBe(false);
    const m = cli(['merge', join(root, 's0'), join(root, 's1'), join(root, 's2'), '--out', join(root, 'merged')]);
    expect(m.status, m.stderr).toBe(0);
    expect(read(root, 'merged', 'runs.csv')).toBe(runs);
    expect(read(root, 'merged', 'sobol.csv')).toBe(sobol);
  });

  it('interrupted, then resumed, gives the same runs.csv and sobol.csv', () => {
    cpSync(join(root, 'ref'), join(root, 'resumed'), { recursive: true });
    // what a kill leaves: some run folders missing, no tables yet
    for (const r of ['r00002', 'r00005', 'r00006', 'r00013', 'r00015']) rmSync(join(root, 'resumed', 'runs', r), { recursive: true });
    rmSync(join(root, 'resumed', 'runs.csv'));
    rmSync(join(root, 'resumed', 'sobol.csv'));
    const r = sweep('resumed', '--resume', '--workers', '2');
    expect(r.stderr).toContain('5 runs in');
    expect(r.stderr).toContain('11 were already done');
    expect(read(root, 'resumed', 'runs.csv')).toBe(runs);
    expect(read(root, 'resumed', 'sobol.csv')).toBe(sobol);
  });

  it('has a report with the Sobol indices', () => {
    const r = cli(['report', join(root, 'ref')]);
    expect(r.status, r.stderr).toBe(0);
    const html = read(root, 'ref', 'report.html');
    expect(html).toContain('<h2>Sobol sensitivity indices</h2>');
    expect(html).toContain("Saltelli's scheme: 4 base points x (2 axes + 2) runs");
    expect(html).toContain('<code>ox_diffusion</code>');
  });
});
