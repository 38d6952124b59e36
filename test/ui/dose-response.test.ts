// The page's dose-response (issue 16, item 10) without the page: an agent at a list of doses is a
// sweep file, planned by the sweep's code, whose runs (run whole, as the page's run workers run
// them) give what `ferrowave sweep`'s engine gives for each run; each dose's row is the mean over
// its replicates, its ratio to the dose-0 control, and the published point at that dose.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSweepFile } from '../../src/cli/sweep-input';
import { inThreadRunWorker, type RunWorker } from '../../src/engine/whole-run';
import { executeRun } from '../../src/node/sweep-execute';
import { PRESETS } from '../../src/model/presets';
import { FERROWAVE_VERSION } from '../../src/model/version';
import { planSweep, runScenario } from '../../src/sweep/plan';
import { runSeed } from '../../src/sweep/seeds';
import { DOSE_AGENTS, DoseResponse, defaultDoses, doseCsv, parseDoses, planDoses } from '../../src/ui/dose-response';
import { publishedTitration } from '../../src/ui/published-titrations';

const strip = JSON.parse(readFileSync(join(import.meta.dirname, '../../fits/primed-strip.json'), 'utf8')) as Record<string, unknown>;

describe('the dose-response of the page', () => {
  it('offers the agents dosed in uM, with the published doses as defaults', () => {
    expect(DOSE_AGENTS).toContain('dfo');
    expect(DOSE_AGENTS).toContain('erastin');
    for (const a of ['light-pulse', 'serum', 'cystine-free', 'calcium-free']) expect(DOSE_AGENTS).not.toContain(a);
    expect(defaultDoses('dfo')).toEqual([0, 0.15625, 0.3125, 0.625, 1.25, 2.5, 5, 10, 20, 40]);
    expect(defaultDoses('fsen1')).toEqual([0, 0.03, 0.06]);
    expect(defaultDoses('rsl3')).toEqual([0, 0.1, 0.3, 1, 3]);
    expect(parseDoses('10, 0 ;1.5  1.5')).toEqual([0, 1.5, 10]);
    expect(() => parseDoses('1, x')).toThrow(/"x" is not a concentration/);
    expect(() => parseDoses(' ')).toThrow(/a list of concentrations/);
    const dfo = publishedTitration('dfo');
    expect(dfo?.points).toHaveLength(10);
    expect(dfo?.points[9]).toMatchObject({ uM: 40, ratio: 0.659, speed_um_per_min: 4.04 });
    expect(dfo?.points[9].sd_ratio).toBeCloseTo(0.58 / 6.13, 12);
    expect(publishedTitration('rsl3')).toBeNull();
  });

  it('plans a sweep file that `ferrowave sweep` reads to the same runs (the agent added with the first treatment)', () => {
    const plan = planDoses({ base: strip, baseLabel: 'the strip', agent: 'dfo', doses: [40, 5], replicates: 2, seed: 11 });
    expect(plan.doses).toEqual([0, 5, 40]);
    expect(plan).toMatchObject({ path: 'treatments[2].uM', added: true, start_min: 0 });
    expect(plan.runs.map((r) => [r.run, r.dose, r.seed])).toEqual([0, 0, 5, 5, 40, 40].map((d, k) => [k, d, runSeed(11, k)]));
    expect(plan.runs[3].scenario.treatments[2]).toMatchObject({ agent: 'dfo', uM: 5, start_min: 0 });
    const dir = mkdtempSync(join(tmpdir(), 'ferrowave-dose-'));
    try {
      writeFileSync(join(dir, 'dose.json'), JSON.stringify(plan.sweep));
      const { spec, baseRaw } = readSweepFile(join(dir, 'dose.json'));
      const cli = planSweep(spec, baseRaw, FERROWAVE_VERSION);
      expect(cli.runs.map((r) => runScenario(cli, spec, r, FERROWAVE_VERSION))).toEqual(plan.runs.map((r) => r.scenario));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // a tumour: the agent from the start of its first treatment (erastin at 24 h); an agent the base has: its dose varies
    const tumour = planDoses({ base: PRESETS['tumour-erastin'], baseLabel: 'tumour', agent: 'rsl3', doses: [1], replicates: 1, seed: 1 });
    expect(tumour).toMatchObject({ added: true, start_min: 1440, path: 'treatments[2].uM' });
    const erastin = planDoses({ base: strip, baseLabel: 'the strip', agent: 'erastin', doses: [1, 10], replicates: 1, seed: 1 });
    expect(erastin).toMatchObject({ added: false, path: 'treatments[0].uM', doses: [0, 1, 10] });
    expect(erastin.sweep.set).toBeUndefined();
    expect(() => planDoses({ base: strip, baseLabel: 's', agent: 'dfo', doses: [1, 5000], replicates: 1, seed: 1 })).toThrow(/design point 2/);
  });

  it('gives for each run what the sweep engine gives, and rows of means with ratios to the control and the published points', async () => {
    const plan = planDoses({ base: strip, baseLabel: 'the strip', agent: 'dfo', doses: [5, 40], replicates: 2, seed: 11 });
    const dr = new DoseResponse(plan, [inThreadRunWorker(), inThreadRunWorker()]);
    let changes = 0;
    dr.onChange = () => changes++;
    await dr.done;
    expect(dr.finished).toBe(true);
    expect(dr.progress()).toBe(1);
    expect(changes).toBeGreaterThanOrEqual(6);
    for (const r of plan.runs) {
      const cli = await executeRun({ run: r.run, scenario: r.scenario, timeseries: 'none' });
      const res = cli.summary!.results;
      expect(dr.results[r.run]).toEqual({
        run: r.run,
        dose: r.dose,
        seed: r.seed,
        ok: true,
        error: null,
        speed_um_per_min: res.wave.speed_um_per_min,
        wave_pattern: res.wave.pattern,
        fraction_dead: res.death.fraction_final,
      });
    }
    const rows = dr.rows();
    const speeds = (d: number) => dr.results.filter((r) => r?.dose === d).map((r) => r!.speed_um_per_min!);
    const m = (d: number) => (speeds(d)[0] + speeds(d)[1]) / 2;
    expect(rows.map((r) => r.dose_uM)).toEqual([0, 5, 40]);
    expect(rows[0]).toMatchObject({ runs: 2, ok: 2, waves: 2, patterns: 'wave 2', ratio: 1, published_ratio: 1, published_sd: 0.23 / 6.13 });
    expect(rows[2].speed_um_per_min).toBeCloseTo(m(40), 12);
    expect(rows[2].ratio).toBeCloseTo(m(40) / m(0), 12);
    expect(rows[2].speed_sd_um_per_min).toBeCloseTo(Math.abs(speeds(40)[0] - speeds(40)[1]) / Math.SQRT2, 12);
    expect(rows[2]).toMatchObject({ published_ratio: 0.659 });
    // DFO slows the wave
    expect(rows[2].speed_um_per_min!).toBeLessThan(rows[0].speed_um_per_min!);
    const csv = doseCsv(rows).trim().split('\n');
    expect(csv[0]).toBe('dose_uM,speed_um_per_min,ratio,fraction_dead,published_ratio,published_sd,speed_sd_um_per_min,runs,runs_with_wave');
    expect(csv[3].startsWith(`40,${+m(40).toPrecision(7)},${+(m(40) / m(0)).toPrecision(7)},`)).toBe(true);
    expect(csv).toHaveLength(4);
  });

  it('stops on cancel, keeping the runs done', async () => {
    const plan = planDoses({ base: strip, baseLabel: 'the strip', agent: 'dfo', doses: [1, 5, 40], replicates: 1, seed: 1 });
    const w = inThreadRunWorker();
    let dr: DoseResponse | null = null;
    const slow: RunWorker = {
      run: async (sc, p) => {
        const out = await w.run(sc, p);
        if (dr?.finishedRuns === 0) dr.cancel();
        return out;
      },
      terminate: () => {},
    };
    dr = new DoseResponse(plan, [slow]);
    await dr.done;
    expect(dr.cancelled).toBe(true);
    expect(dr.finishedRuns).toBe(0);
    expect(dr.rows().every((r) => r.speed_um_per_min === null)).toBe(true);
  });
});
