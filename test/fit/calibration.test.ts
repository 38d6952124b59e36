// The model's committed calibration: fits/calibration.fit.json reads (its data, every run's
// scenario valid, with the bounds beyond the published doses), and its strip scenario is a
// fair stand-in for the full dish: the same wave speed as the validation measures on the preset.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFitFile } from '../../src/cli/fit-input';
import { createEngine } from '../../src/engine/engine';
import { runToEnd } from '../../src/engine/runner';
import { measureRun } from '../../src/fit/measure';
import { resolveScenario } from '../../src/model/scenario';
import { createSimulation } from '../../src/model/simulation';
import { PARAMS } from '../../src/model/params';

const repo = join(import.meta.dirname, '../..');

describe('the calibration fit', () => {
  it('reads every row of the Co et al. 2024 data as a wave-speed ratio, with the bounds beyond the published doses', () => {
    const fit = readFitFile(join(repo, 'fits/calibration.fit.json'));
    // 51 published rows (6 of them the plates' untreated wells) and 7 bounds
    expect(fit.points).toHaveLength(58);
    expect(fit.points.every((p) => p.observable === 'wave_speed_ratio')).toBe(true);
    expect(new Set(fit.points.map((p) => p.agent))).toEqual(new Set(['dfo', 'fac', 'gkt137831', 'ly294002', 'dasatinib', 'fsen1']));
    expect(fit.skipped).toEqual([]);
    expect(fit.points.filter((p) => p.relation === 'le').map((p) => [p.agent, p.dose, p.value])).toEqual([
      ['dfo', 160, 0],
      ['gkt137831', 5, 0],
      ['ly294002', 200, 0.66],
      ['dasatinib', 20, 0.767],
    ]);
    expect(fit.points.filter((p) => p.relation === 'ge').map((p) => p.agent)).toEqual(['fac', 'fsen1', 'fac']);
    // one untreated run per scenario (the strip and the dish) and parameter vector
    expect(fit.plan.conditions.filter((c) => c.agent === null)).toHaveLength(2);
    // the ratio's SD from the speed's: dfo 40 uM, 4.04 +- 0.58 um/min, ratio 0.659
    const dfo40 = fit.points.find((p) => p.agent === 'dfo' && p.dose === 40);
    expect(dfo40?.sd).toBeCloseTo((0.659 * 0.58) / 4.04, 12);
  });

  it('runs on a strip whose untreated wave has the speed of the full primed-light-pulse dish', async () => {
    const sc = resolveScenario(JSON.parse(readFileSync(join(repo, 'fits/primed-strip-long.json'), 'utf8')), '0.1.0');
    const sim = createSimulation(sc, sc.seed);
    const m = measureRun(sim, await runToEnd(await createEngine(sim, 0)), []);
    const report = JSON.parse(readFileSync(join(repo, 'docs/validation/report.json'), 'utf8'));
    const full = Number(/^([\d.]+) um\/min/.exec(report.results.find((r: { id: string }) => r.id === '5.1').model)?.[1]);
    expect(m.front).toBe('wave');
    expect(Math.abs(m.speed_um_per_min / full - 1)).toBeLessThan(0.03);
  });
});

describe('the calibration refit of 2026-12-07 (docs/model.md 6.0)', () => {
  const byName = Object.fromEntries(PARAMS.map((p) => [p.name, p.default]));
  const bestOf = (dir: string): Record<string, number> => JSON.parse(readFileSync(join(repo, 'docs/fits', dir, 'best-params.json'), 'utf8'));

  it('first fits DFO potency alone, to the ten DFO rows and the 160 uM bound, from the values before the refit', () => {
    const fit = readFitFile(join(repo, 'fits/calibration-dfo.fit.json'));
    expect(fit.spec.parameters.map((p) => p.name)).toEqual(['dfo_ec50', 'dfo_chelation_max']);
    expect(new Set(fit.points.map((p) => p.agent))).toEqual(new Set(['dfo']));
    expect(fit.points).toHaveLength(11);
    expect(fit.points.filter((p) => p.relation === 'le').map((p) => [p.dose, p.value])).toEqual([[160, 0]]);
    expect(fit.start).toEqual([124.174, 0.212563]);
  });

  it('then starts the whole calibration from the DFO stage result, and the committed calibration report ends at the defaults', () => {
    const stage = bestOf('calibration-dfo');
    const fit = readFitFile(join(repo, 'fits/calibration.fit.json'));
    const start = Object.fromEntries(fit.spec.parameters.map((p, i) => [p.name, fit.start[i]]));
    expect([start.dfo_ec50, start.dfo_chelation_max]).toEqual([stage.dfo_ec50, stage.dfo_chelation_max]);
    // `npm run fit:calibration` returns the defaults: every fitted value is the parameter's default
    const best = bestOf('calibration');
    expect(Object.keys(best).sort()).toEqual(fit.spec.parameters.map((p) => p.name).sort());
    for (const [name, v] of Object.entries(best)) expect([name, byName[name]]).toEqual([name, v]);
  });
});

describe('the GKT137831 dish fit', () => {
  it('fits only GKT137831 potency, on the full dish check 5.13 measures, to the GKT137831 rows and bound', () => {
    const fit = readFitFile(join(repo, 'fits/gkt-dish.fit.json'));
    expect(fit.spec.parameters.map((p) => p.name)).toEqual(['gkt137831_ic50']);
    expect(new Set(fit.points.map((p) => p.agent))).toEqual(new Set(['gkt137831']));
    // five published doses, the plate's untreated wells and the 5 uM bound
    expect(fit.points.map((p) => [p.dose, p.value])).toEqual([
      [0, 1],
      [0.075, 0.943],
      [0.15, 0.883],
      [0.3, 0.776],
      [0.6, 0.721],
      [1.25, 0.573],
      [5, 0],
    ]);
    expect(fit.spec.data.every((d) => d.scenario === 'primed-light-pulse')).toBe(true);
    // the other 45 published rows and 3 bounds are left out on purpose, not unknown to the model
    expect(fit.skipped.reduce((n, s) => n + s.lines.length, 0)).toBe(48);
    expect(fit.skipped.every((s) => s.known)).toBe(true);
  });
});

describe('the GSH pathway fit', () => {
  it('reads the seven 5-h GSH points of Co et al. 2024 and starts from the model defaults it reports on', () => {
    const fit = readFitFile(join(repo, 'fits/gsh-erastin.fit.json'));
    expect(fit.points.map((p) => [p.dose, p.value, p.t_min])).toEqual(
      [0.15, 0.3, 0.6, 1.25, 2.5, 5, 10].map((d, k) => [d, [54, 39, 26, 16, 10, 8, 8][k], 300]),
    );
    expect(fit.points.every((p) => p.observable === 'gsh_percent_at' && p.agent === 'erastin')).toBe(true);
    // docs/model.md 6.0c says the defaults lie inside the profile intervals: the fit starts there
    const byName = Object.fromEntries(PARAMS.map((p) => [p.name, p.default]));
    for (const p of fit.spec.parameters) expect(p.start).toBe(byName[p.name]);
  });
});

describe('the spontaneous-initiation fit', () => {
  it('reads the wave-site counts of Co et al. 2024 by serum and the first waves 7-10 h after erastin', () => {
    const fit = readFitFile(join(repo, 'fits/spontaneous.fit.json'));
    expect(fit.points.map((p) => [p.agent, p.dose, p.observable, p.value])).toEqual([
      ['serum', 0.15, 'ignition_sites', 2.5],
      ['serum', 5, 'ignition_sites', 8],
      ['serum', 5, 'first_ignition_min', 510],
    ]);
    // 7-10 h read as 2 SD either side of 510 min
    expect(fit.points[2].sd * 2).toBe(90);
    expect(fit.spec.parameters.map((p) => p.name)).toEqual(['burst_rate', 'burst_size']);
    // two serum levels, each the mean of 8 fields; no untreated run is needed
    expect(fit.plan.conditions).toHaveLength(16);
    expect(fit.plan.conditions.every((c) => c.agent === 'serum')).toBe(true);
  });

  it('keeps the defaults because they lie inside the 95 % intervals of the committed fit (docs/model.md 6.0e)', () => {
    const fit = readFitFile(join(repo, 'fits/spontaneous.fit.json'));
    const byName = Object.fromEntries(PARAMS.map((p) => [p.name, p.default]));
    expect(fit.start).toEqual(fit.spec.parameters.map((p) => byName[p.name]));
    const rows = readFileSync(join(repo, 'docs/fits/spontaneous/uncertainty.csv'), 'utf8').trim().split('\n').slice(1);
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      const [name, , , lower, upper, start, , lo, hi] = row.split(',');
      expect(Number(start)).toBe(byName[name]);
      // an open side of the interval runs to the parameter's bound
      expect(byName[name]).toBeGreaterThanOrEqual(lo === '' ? Number(lower) : Number(lo));
      expect(byName[name]).toBeLessThanOrEqual(hi === '' ? Number(upper) : Number(hi));
    }
  });

  it('counts where a primed field without a pulse ignites on its own, and only there', async () => {
    const raw = JSON.parse(readFileSync(join(repo, 'fits/primed-field.json'), 'utf8'));
    const run = async (patch: (r: typeof raw) => void) => {
      const r = structuredClone(raw);
      r.lattice = { width: 40, height: 40, site_um: 20 };
      patch(r);
      const sc = resolveScenario(r, '0.1.0');
      const sim = createSimulation(sc, sc.seed);
      return measureRun(sim, await runToEnd(await createEngine(sim, 0)), []);
    };
    const primed = await run(() => {});
    expect(primed.ignition_sites).toBeGreaterThan(0);
    // the first site comes hours after erastin, not at once
    expect(primed.first_ignition_min).toBeGreaterThan(240);
    expect(primed.first_ignition_min).toBeLessThan(1440);
    // without erastin nothing ignites; with the bursts off neither
    const unprimed = await run((r) => {
      r.treatments = [];
    });
    expect([unprimed.ignition_sites, unprimed.first_ignition_min]).toEqual([0, null]);
    const quiet = await run((r) => {
      r.params = { burst_rate: 0 };
    });
    expect([quiet.ignition_sites, quiet.first_ignition_min]).toEqual([0, null]);
  });
});
