// Branches compared side by side (issue 16, item 3): from one checkpoint, each branch continues on
// a copy of its state with its own treatments, all on one clock; each branch's state is that of
// its exported scenario run headless from t = 0 (the CLI), and the table is the CLI's summary of it
// (deaths, wave speed, t50), exportable as CSV.
import { describe, expect, it } from 'vitest';
import { hashBuffer } from '../../src/analysis/hash';
import { summarise } from '../../src/analysis/summary';
import { createEngine } from '../../src/engine/engine';
import { runToEnd } from '../../src/engine/runner';
import { resolveScenario } from '../../src/model/scenario';
import { createSimulation } from '../../src/model/simulation';
import { FERROWAVE_VERSION } from '../../src/model/version';
import { armSpec } from '../../src/ui/compare-view';
import { Comparison, tableCsv } from '../../src/ui/comparison';
import { type RawScenario, SimController } from '../../src/ui/controller';
import { determinismScenario } from '../engine/determinism-scenario';

function controller(): SimController {
  return new SimController({
    workers: 0,
    spawn: () => {
      throw new Error('no workers in this test');
    },
  });
}

describe('a comparison of branches from a checkpoint', () => {
  it('runs 3 branches on one clock; each is its exported scenario, its row the CLI summary', async () => {
    const c = controller();
    await c.load(structuredClone(determinismScenario()) as unknown as RawScenario, 5);
    await c.step(60);
    const cp = await c.checkpoint();
    const arms = [armSpec('control', 0, cp.t_min), armSpec('ferrostatin-1', 5, cp.t_min), armSpec('rsl3', 1, cp.t_min)].flatMap((a) => (a ? [a] : []));
    expect(arms.map((a) => a.label)).toEqual(['nothing added', 'ferrostatin-1 5 uM', 'rsl3 1 uM']);
    const cmp = await Comparison.start(cp, arms, 0);
    expect(cmp.time()).toBe(30);
    while (!cmp.finished()) await cmp.step(25);
    expect(cmp.arms.map((a) => a.sim.time())).toEqual([200, 200, 200]);

    const rows = cmp.table();
    const hashes = new Set<string>();
    for (const [k, a] of cmp.arms.entries()) {
      // the branch's state is its scenario run from t = 0, bit for bit
      const sc = resolveScenario(a.scenario(), FERROWAVE_VERSION);
      const sim = createSimulation(sc, sc.seed);
      const samples = await runToEnd(await createEngine(sim, 0));
      expect(hashBuffer(sim.state.buffer)).toBe(hashBuffer(a.sim.state.buffer));
      hashes.add(hashBuffer(sim.state.buffer));
      // sampled on the CLI's clock from the checkpoint on
      expect(a.samples.map((s) => s.t_min)).toEqual(samples.filter((s) => s.t_min >= 30).map((s) => s.t_min));
      expect(a.samples.at(-1)).toEqual(samples.at(-1));
      const s = summarise(sim, samples);
      expect(rows[k].deaths).toBe(s.death.committed_total);
      expect(rows[k].wave_speed_um_per_min).toBe(s.wave.speed_um_per_min);
      expect(rows[k].fraction_dead).toBe(s.death.fraction_final);
    }
    expect(hashes.size).toBe(3); // the treatments made a difference
    // ferrostatin-1 protects, RSL3 kills more
    expect(rows[1].deaths).toBeLessThanOrEqual(rows[0].deaths);
    expect(rows[2].deaths).toBeGreaterThan(rows[0].deaths);

    const csv = tableCsv(rows).trim().split('\n');
    expect(csv[0]).toBe('branch,t_min,deaths,fraction_dead,wave,wave_speed_um_per_min,wave_r2,t50_min');
    expect(csv).toHaveLength(4);
    expect(csv[2].startsWith(`ferrostatin-1 5 uM,200,${rows[1].deaths},`)).toBe(true);
    cmp.dispose();
    c.dispose();
  });

  it('refuses fewer than 2 branches, and an invalid branch names itself; nothing starts', async () => {
    const c = controller();
    await c.load(structuredClone(determinismScenario()) as unknown as RawScenario, 5);
    const cp = await c.checkpoint();
    await expect(Comparison.start(cp, [{ label: 'a', add: [] }], 0)).rejects.toThrow(/2 to 4 branches/);
    await expect(
      Comparison.start(
        cp,
        [
          { label: 'ok', add: [] },
          { label: 'too much', add: [{ agent: 'erastin', uM: 1e9, start_min: 0 }] },
        ],
        0,
      ),
    ).rejects.toThrow(/branch "too much": scenario\.treatments/);
    c.dispose();
  });

  it('pauses at the first bad value of a branch and names the branch, once', async () => {
    const c = controller();
    await c.load(structuredClone(determinismScenario()) as unknown as RawScenario, 5);
    await c.step(60);
    const cp = await c.checkpoint();
    const cmp = await Comparison.start(
      cp,
      [armSpec('control', 0, cp.t_min), armSpec('rsl3', 1, cp.t_min)].flatMap((a) => (a ? [a] : [])),
      0,
    );
    const shown: string[] = [];
    cmp.onError = (e) => shown.push(e instanceof Error ? e.message : String(e));
    await cmp.step(25);
    expect(shown).toEqual([]);
    cmp.playing = true;
    cmp.arms[1].sim.state.cell.gsh[3] = Number.NaN;
    await cmp.step(25);
    expect(cmp.playing).toBe(false);
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatch(/^branch "rsl3 1 uM": diverged: per-cell variable \w+ \(\S+\) is NaN at .* \(site 3: .* at t = 45 min\. The run is paused/);
    // played on: not reported again
    await cmp.step(25);
    expect(shown).toHaveLength(1);
    cmp.dispose();
    c.dispose();
  });
});
