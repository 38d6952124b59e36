// Calibrated behaviours from docs/behaviours.md (items 1, 2, 3, 5, 6) on small strips, plus the
// numerical checks that make the wave speed a property of the model, not of the grid.
import { describe, expect, it } from 'vitest';
import { ALIVE, DYING } from '../../src/model/layout';
import { run, strip } from '../helpers';

describe('trigger wave in an erastin-primed monolayer (behaviour 5.1)', () => {
  it('moves at 4.5-6.5 um/min with the front linear in time', async () => {
    const { wave } = await run(strip({ erastin: 10 }));
    expect(wave.detected).toBe(true);
    expect(wave.speed_um_per_min).toBeGreaterThan(4.5);
    expect(wave.speed_um_per_min).toBeLessThan(6.5);
    expect(wave.r2).toBeGreaterThan(0.99);
    // no sqrt(t) slowing: the second half of the travel is as fast as the first
    expect(Math.abs(wave.speed_late! / wave.speed_early! - 1)).toBeLessThan(0.1);
    expect(wave.reach_um).toBeGreaterThan(2000);
  });

  it('keeps its speed within 15% when the site size changes from 15 to 25 um', async () => {
    const s15 = (await run(strip({ erastin: 10, site_um: 15, rows: 4 }))).wave.speed_um_per_min!;
    const s25 = (await run(strip({ erastin: 10, site_um: 25, rows: 3 }))).wave.speed_um_per_min!;
    expect(Math.abs(s15 / s25 - 1)).toBeLessThan(0.15);
  });

  it('changes speed by less than 5% when the time step is halved', async () => {
    const a = (await run(strip({ erastin: 10, dt: 0.5 }))).wave.speed_um_per_min!;
    const b = (await run(strip({ erastin: 10, dt: 0.25 }))).wave.speed_um_per_min!;
    expect(Math.abs(a / b - 1)).toBeLessThan(0.05);
  });
});

describe('cell-free gaps (docs/behaviours.md, the space)', () => {
  it('the diffusible oxidant carries the wave across a 40 um gap but not across 200 um', async () => {
    const deadBeyond = async (gap: number) => {
      const { sim } = await run(strip({ erastin: 10, length_um: 2400, gaps: [{ x_um: 1000, width_um: gap }], duration_min: 900 }));
      const st = sim.state;
      let n = 0,
        dead = 0;
      for (let i = 0; i < st.n; i++) {
        const x_um = ((i % st.width) + 0.5) * 20;
        if (x_um < 1000 + gap + 100 || st.status[i] === 0) continue;
        n++;
        if (st.status[i] >= DYING) dead++;
      }
      return dead / n;
    };
    expect(await deadBeyond(40)).toBeGreaterThan(0.9);
    expect(await deadBeyond(200)).toBe(0);
  });
});

describe('without priming (behaviour 5.2)', () => {
  it('the same burst kills only its neighbourhood (reach <= 3 cells) and the tissue recovers', async () => {
    const { wave, sim, samples } = await run(strip({}));
    const dead = samples[samples.length - 1].dead;
    expect(dead).toBeGreaterThan(0); // the illuminated cells do die
    expect(wave.detected).toBe(false);
    expect(wave.reach_um).toBeLessThanOrEqual(60);
    // recovery: no cell is still dying at the end and survivors' ROS is back near baseline
    const st = sim.state;
    let maxRos = 0;
    for (let i = 0; i < st.n; i++) {
      expect(st.status[i]).not.toBe(DYING);
      if (st.status[i] === ALIVE) maxRos = Math.max(maxRos, st.cell.ros[i]);
    }
    expect(maxRos).toBeLessThan(0.2);
    // and nothing more died in the last 6 hours
    const at = (t: number) => samples.find((s) => s.t_min >= t)!.dead;
    expect(at(540)).toBe(at(900));
  });
});

describe('erastin threshold (behaviour 5.3)', () => {
  it('gives no wave at 0.3 or 0.6 uM, waves from 1.25 uM, and speed does not fall with dose', async () => {
    for (const e of [0.3, 0.6]) expect((await run(strip({ erastin: e }))).wave.detected, `${e} uM`).toBe(false);
    let last = 0;
    for (const e of [1.25, 2.5, 5, 10]) {
      const w = (await run(strip({ erastin: e }))).wave;
      expect(w.detected, `${e} uM`).toBe(true);
      expect(w.speed_um_per_min!, `${e} uM`).toBeGreaterThanOrEqual(last * 0.98);
      last = w.speed_um_per_min!;
    }
  });
});

describe('radical-trapping antioxidants vs other death inhibitors (behaviour 5.5)', () => {
  it('ferrostatin-1 and liproxstatin-1 (5 uM) abolish the wave', async () => {
    for (const agent of ['ferrostatin-1', 'liproxstatin-1']) {
      const { wave } = await run(strip({ erastin: 10, extra: [{ agent, uM: 5, start_min: 0 }] }));
      expect(wave.detected, agent).toBe(false);
    }
  });

  it('zVAD-FMK and necrostatin-1 leave the wave unchanged', async () => {
    const ref = (await run(strip({ erastin: 10 }))).wave.speed_um_per_min!;
    for (const [agent, uM] of [
      ['zvad', 20],
      ['necrostatin-1', 20],
    ] as const) {
      const w = (await run(strip({ erastin: 10, extra: [{ agent, uM, start_min: 0 }] }))).wave;
      expect(w.detected, agent).toBe(true);
      expect(Math.abs(w.speed_um_per_min! / ref - 1), agent).toBeLessThan(0.02);
    }
  });
});

describe('bistability (behaviour 5.6)', () => {
  it('in primed cells a sub-threshold pulse relaxes and a supra-threshold pulse ignites', async () => {
    const sub = await run(strip({ erastin: 10, dose: 0.5, duration_min: 600 }));
    expect(sub.samples[sub.samples.length - 1].dead + sub.samples[sub.samples.length - 1].dying).toBe(0);
    const base = sub.samples.find((s) => s.t_min >= 355)!.means.ros;
    const after = sub.samples[sub.samples.length - 1].means.ros;
    expect(Math.abs(after / base - 1)).toBeLessThan(0.1);
    const supra = await run(strip({ erastin: 10, dose: 30, duration_min: 600 }));
    expect(supra.wave.detected).toBe(true);
  });

  it('in unprimed cells even a strong pulse does not become a self-sustained high-ROS state', async () => {
    const { sim, wave } = await run(strip({ dose: 30, duration_min: 600 }));
    expect(wave.detected).toBe(false);
    let high = 0;
    for (let i = 0; i < sim.state.n; i++) if (sim.state.status[i] === ALIVE && sim.state.cell.ros[i] > 1) high++;
    expect(high).toBe(0);
  });
});
