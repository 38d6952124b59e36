// A selected cell's whole history (issue 16, item 5): the run replayed from t = 0 (the running
// scenario with the treatments added during the run, the same seed) gives the site's values at
// every sample time bit for bit as the run had them, for every per-cell variable and field;
// the history exports as CSV with units in the column names.
import { describe, expect, it } from 'vitest';
import { CELL_VARS, FIELDS } from '../../src/model/layout';
import { type RawScenario, SimController } from '../../src/ui/controller';
import { HISTORY_NAMES, historyCsv, replaySite } from '../../src/ui/site-replay';
import { determinismScenario } from '../engine/determinism-scenario';

function controller(): SimController {
  return new SimController({
    workers: 0,
    spawn: () => {
      throw new Error('no workers in this test');
    },
  });
}

describe('replaying a site history', () => {
  it('gives the run values at every sample time, bit for bit, with a treatment added mid-run', async () => {
    const c = controller();
    await c.load(structuredClone(determinismScenario()) as unknown as RawScenario, 5);
    const every = Math.round(c.scenario.output.sample_every_min / c.sim.dt);
    const i = 18 * 263 + 40; // near the pulse
    const seen: Record<string, number[]> = Object.fromEntries(HISTORY_NAMES.map((n) => [n, []]));
    const times: number[] = [];
    const look = () => {
      times.push(c.sim.time());
      for (const v of CELL_VARS) seen[v.name].push(c.sim.state.cell[v.name][i]);
      for (const f of FIELDS) seen[f.name].push(c.sim.state.field[f.name][i]);
    };
    look();
    for (let k = 0; k < 10; k++) {
      await c.step(every);
      look();
    }
    await c.addTreatments([{ agent: 'rsl3', uM: 1 }]);
    for (let k = 0; k < 10; k++) {
      await c.step(every);
      look();
    }
    let progress = 0;
    const h = await replaySite({
      raw: c.rawScenario(),
      seed: c.seed,
      i,
      untilStep: c.sim.stepIndex(),
      everySteps: every,
      workers: 0,
      onProgress: (f) => {
        progress = f;
      },
    });
    expect(h).not.toBeNull();
    expect(progress).toBe(1);
    expect(h?.t_min).toEqual(times);
    for (const n of HISTORY_NAMES) expect(h?.[n], n).toEqual(seen[n]);
    // something happened at this site (the wave), so the comparison is not of constants
    expect(Math.max(...seen.ros)).toBeGreaterThan(Math.min(...seen.ros) * 2);

    const csv = historyCsv(h as NonNullable<typeof h>)
      .trim()
      .split('\n');
    expect(csv[0].startsWith('t_min,fe_uM,ftn_uM,ca_uM,ca_er_uM,zn_nM,')).toBe(true);
    expect(csv[0]).toContain(',ros_au,'); // tidy names, as the CLI's tables
    expect(csv[0]).toContain(',o2_uM,');
    expect(csv).toHaveLength(times.length + 1);
    expect(csv[1].startsWith('0,')).toBe(true);
    c.dispose();
  });

  it('stops when cancelled', async () => {
    const c = controller();
    await c.load(structuredClone(determinismScenario()) as unknown as RawScenario, 5);
    await c.step(100);
    let calls = 0;
    const h = await replaySite({ raw: c.rawScenario(), seed: c.seed, i: 0, untilStep: 100, everySteps: 10, workers: 0, cancelled: () => ++calls > 2 });
    expect(h).toBeNull();
    c.dispose();
  });
});
