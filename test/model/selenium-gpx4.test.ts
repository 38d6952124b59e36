// The selenium coupling of issue 14: GPX4 synthesis follows the cells' selenium, which follows the
// medium (a selenium-poor medium lowers both over hours; selenite on top counts); the cysteine
// variant of GPX4 (Ingold et al. 2018) is made whatever the selenium, is less active and is lost
// to peroxides; the ablation switch ion_couple_se cuts the selenium limit. Small dishes, no pulse.
import { describe, expect, it } from 'vitest';
import { resolveScenario } from '../../src/model/scenario';
import { createSimulation } from '../../src/model/simulation';

function run(treatments: object[], params: Record<string, number> = {}, minutes = 1440) {
  const sc = resolveScenario(
    { name: 'se', seed: 2, lattice: { width: 8, height: 8, site_um: 20 }, duration_min: minutes, treatments, params: { burst_rate: 0, ...params } },
    'test',
  );
  const sim = createSimulation(sc, sc.seed, { unshared: true });
  sim.step(sim.totalSteps());
  const { se, gpx4, t_dying } = sim.state.cell;
  let s = 0;
  let g = 0;
  let dead = 0;
  for (let i = 0; i < sim.state.n; i++) {
    s += se[i];
    g += gpx4[i];
    if (Number.isFinite(t_dying[i])) dead++;
  }
  return { se: s / sim.state.n, gpx4: g / sim.state.n, dead };
}

const poor = { agent: 'se-poor-medium', uM: 0.003, start_min: 0 };

describe('selenium and the two forms of GPX4', () => {
  it('a selenium-poor medium lowers cellular selenium and GPX4 over hours; selenite on top restores them', () => {
    const ctl = run([]);
    const low = run([poor]);
    const back = run([poor, { agent: 'selenite', uM: 0.027, start_min: 0 }]);
    expect(ctl.se).toBeCloseTo(1, 2);
    expect(low.se).toBeLessThan(0.3);
    expect(low.gpx4).toBeLessThan(0.8 * ctl.gpx4);
    // 0.003 + 0.027 uM is the control medium's 0.03 uM
    expect(back.se).toBeCloseTo(ctl.se, 6);
    expect(back.gpx4).toBeCloseTo(ctl.gpx4, 6);
  });

  it('the cysteine variant does not need selenium, and the ablation switch cuts the selenium limit', () => {
    const cys = { gpx4_cys_share: 1 };
    const a = run([], cys);
    const b = run([poor], cys);
    expect(b.se).toBeLessThan(0.3);
    expect(b.gpx4).toBeCloseTo(a.gpx4, 3);
    const off = run([poor], { ion_couple_se: 0 });
    const ctl = run([]);
    expect(off.se).toBeLessThan(0.3);
    expect(off.gpx4).toBeCloseTo(ctl.gpx4, 3);
  });

  it('cysteine-variant cells live unstressed but fall to a peroxide bolus that wild-type cells survive', () => {
    const bolus = [{ agent: 'h2o2', uM: 100, start_min: 60, end_min: 61 }];
    expect(run([], { gpx4_cys_share: 1 }).dead).toBe(0);
    expect(run(bolus).dead).toBe(0);
    expect(run(bolus, { gpx4_cys_share: 1 }).dead).toBeGreaterThan(32);
  });
});
