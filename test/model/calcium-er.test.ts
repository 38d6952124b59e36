// The Ca2+ module of issue 14: a cytosolic and an ER pool, SERCA, an ER leak with ROS-sensitised
// IP3R release, store-operated entry (STIM1/ORAI1) opened as the ER empties, and Ca2+ acting on
// the redox core through PKC -> NOX. Small dishes, no pulse, spontaneous bursts off.
import { describe, expect, it } from 'vitest';
import { ALIVE } from '../../src/model/layout';
import { resolveScenario } from '../../src/model/scenario';
import { createSimulation } from '../../src/model/simulation';

interface Trace {
  t: number[];
  ca: number[];
  er: number[];
  fb: number;
  dead: number;
}

function run(treatments: object[], params: Record<string, number> = {}, minutes = 60, slowEvery?: number): Trace {
  const sc = resolveScenario(
    {
      name: 'ca',
      seed: 3,
      lattice: { width: 6, height: 6, site_um: 20 },
      duration_min: minutes,
      treatments,
      params: { burst_rate: 0, ...params },
      ...(slowEvery ? { numerics: { slow_every: slowEvery } } : {}),
    },
    'test',
  );
  const sim = createSimulation(sc, sc.seed, { unshared: true });
  const st = sim.state;
  const out: Trace = { t: [], ca: [], er: [], fb: 0, dead: 0 };
  const mean = (a: Float32Array) => {
    let s = 0;
    for (let i = 0; i < st.n; i++) s += a[i];
    return s / st.n;
  };
  for (let k = 0; k < sim.totalSteps(); k++) {
    sim.step(1);
    out.t.push(sim.time());
    out.ca.push(mean(st.cell.ca));
    out.er.push(mean(st.cell.ca_er));
  }
  out.fb = mean(st.aux.feedback);
  for (let i = 0; i < st.n; i++) if (st.status[i] !== ALIVE) out.dead++;
  return out;
}

const tg = { agent: 'thapsigargin', uM: 1, start_min: 10 };
const at = (r: Trace, t: number) => r.t.findIndex((x) => x >= t);

describe('the cytosolic and ER Ca2+ pools', () => {
  it('a resting cell holds ca_rest and ca_er_ref', () => {
    const r = run([], {}, 240);
    expect(r.ca[r.ca.length - 1]).toBeCloseTo(0.1, 2);
    expect(Math.abs(r.er[r.er.length - 1] / 400 - 1)).toBeLessThan(0.02);
  });

  it('thapsigargin empties the ER in minutes and store-operated entry holds a plateau that GSK-7975A lowers', () => {
    const r = run([tg]);
    const e0 = r.er[at(r, 10) - 1];
    const eEnd = r.er[r.er.length - 1];
    // ER halfway to its plateau within 1-10 min of the drug
    const k = r.er.findIndex((e, j) => r.t[j] > 10 && e <= 0.5 * (e0 + eEnd));
    expect(r.t[k] - 10).toBeGreaterThan(1);
    expect(r.t[k] - 10).toBeLessThan(10);
    const plateau = r.ca[r.ca.length - 1];
    expect(plateau).toBeGreaterThan(0.3);
    expect(plateau).toBeLessThan(1);
    const blocked = run([tg, { agent: 'gsk-7975a', uM: 10, start_min: 0 }]);
    expect(blocked.ca[blocked.ca.length - 1] - 0.1).toBeLessThan(0.5 * (plateau - 0.1));
  });

  it('the plateau does not depend on how often living cells take their slow step (within 2 %)', () => {
    const a = run([tg], {}, 60, 8);
    const b = run([tg], {}, 60, 1);
    expect(Math.abs(a.ca[a.ca.length - 1] / b.ca[b.ca.length - 1] - 1)).toBeLessThan(0.02);
    expect(Math.abs(a.er[a.er.length - 1] / b.er[b.er.length - 1] - 1)).toBeLessThan(0.02);
  });

  it('Ca2+-free medium lowers cytosolic Ca2+ below rest and empties the ER over hours', () => {
    const r = run([{ agent: 'calcium-free', uM: 0, start_min: 0 }], {}, 360);
    expect(r.ca[r.ca.length - 1]).toBeLessThan(0.05);
    expect(r.er[r.er.length - 1]).toBeLessThan(100);
  });

  it('ionomycin raises cytosolic Ca2+ to about a uM, and with it the NOX arm of the ROS feedback unless the coupling is cut', () => {
    const iono = [{ agent: 'ionomycin', uM: 1, start_min: 0 }];
    const ctl = run([]);
    const r = run(iono);
    expect(r.ca[r.ca.length - 1]).toBeGreaterThan(0.5);
    expect(r.fb).toBeGreaterThan(1.1 * ctl.fb);
    const off = run(iono, { ion_couple_ca: 0 });
    expect(off.ca[off.ca.length - 1]).toBeGreaterThan(0.5);
    expect(off.fb).toBe(run([], { ion_couple_ca: 0 }).fb);
  });

  it('stays positive and finite at the edges of the calcium parameters', () => {
    const edges = { serca_vmax: 300, ca_er_ratio: 100, ip3r_lpo_gain: 100, ip3r_lpo_k: 0.1, soce_max: 5, iono_er_release: 10, ca_pump: 100 };
    const r = run([tg, { agent: 'ionomycin', uM: 20, start_min: 5 }, { agent: 'rsl3', uM: 5, start_min: 0 }], edges, 240);
    for (const v of [...r.ca, ...r.er]) {
      expect(Number.isFinite(v)).toBe(true);
      expect(v).toBeGreaterThanOrEqual(0);
    }
  });
});
