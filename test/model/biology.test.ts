// docs/behaviours.md, items 4 and 7-13 and spontaneous initiation, on small lattices: each test
// states the experiment and the direction (or number) the literature gives.
import { describe, expect, it } from 'vitest';
import { hashBuffer } from '../../src/analysis/hash';
import { ignitionSites } from '../../src/analysis/ignition';
import { countsAndMeans } from '../../src/analysis/observables';
import { ALIVE, CELL_VARS, DEAD, DYING } from '../../src/model/layout';
import { paramSpec } from '../../src/model/params';
import { resolveScenario } from '../../src/model/scenario';
import { createSimulation } from '../../src/model/simulation';
import { calibrationRows, tolerance } from '../../src/validate/calibration-data';
import { calibrationStripSpeed, longStripSpeed, run, strip } from '../helpers';

type T = Record<string, unknown>;
const erastin = (uM: number): T => ({ agent: 'erastin', uM, start_min: 0 });
const speed = async (extra: T[], e = 10, params: Record<string, number> = {}) => {
  const w = (await run(strip({ erastin: e, extra, params }))).wave;
  return w.detected ? w.speed_um_per_min! : 0;
};

/** A small dish without a pulse: fraction of cells dead or dying at the end, and when half were (spontaneous bursts off unless params set them, as validation's dishes). */
function dish(treatments: T[], o: { size?: number; minutes?: number; density?: number; params?: Record<string, number>; seed?: number } = {}) {
  const n = o.size ?? 20;
  const sc = resolveScenario(
    {
      seed: o.seed ?? 1,
      lattice: { width: n, height: n, site_um: 20 },
      duration_min: o.minutes ?? 1200,
      treatments,
      params: { burst_rate: 0, ...o.params },
      tissue: { kind: 'monolayer', density: o.density ?? 1 },
    },
    'test',
  );
  const sim = createSimulation(sc);
  const start = countsAndMeans(sim.state).alive;
  let t50: number | null = null;
  let firstDeath: number | null = null;
  while (sim.stepIndex() < sim.totalSteps()) {
    sim.step(10);
    const m = countsAndMeans(sim.state);
    if (firstDeath === null && m.dying + m.dead > 0) firstDeath = sim.time();
    if (t50 === null && m.dead + m.dying >= start / 2) t50 = sim.time();
  }
  const m = countsAndMeans(sim.state);
  return { fraction: (m.dead + m.dying) / start, t50, firstDeath, sim };
}

describe('GSH after erastin (behaviour 5.4)', () => {
  const data = [
    [0.15, 54],
    [0.3, 39],
    [0.6, 26],
    [1.25, 16],
    [2.5, 10],
    [5, 8],
    [10, 8],
  ] as const;
  const gsh = (e: number, minutes: number) => {
    const sim = createSimulation(
      resolveScenario({ seed: 1, lattice: { width: 6, height: 6, site_um: 20 }, duration_min: minutes, treatments: e > 0 ? [erastin(e)] : [] }, 't'),
    );
    sim.step(sim.totalSteps());
    return countsAndMeans(sim.state).means.gsh;
  };
  it('falls with dose as measured at 5 h (within 6 points), deeper at 8 h, and halves far below the wave threshold', () => {
    const c5 = gsh(0, 300),
      c8 = gsh(0, 480);
    for (const [e, target] of data) {
      const at5 = (100 * gsh(e, 300)) / c5;
      expect(Math.abs(at5 - target), `${e} uM: ${at5.toFixed(1)}% vs ${target}%`).toBeLessThan(6);
      expect((100 * gsh(e, 480)) / c8, `${e} uM at 8 h`).toBeLessThan(at5);
    }
    // GSH is already halved at 0.15-0.3 uM, where no wave runs (threshold between 0.6 and 1.25 uM)
    expect(gsh(0.3, 300) / c5).toBeLessThan(0.5);
  });
});

describe('synchronous death above the upper threshold (behaviour 5.7)', () => {
  it('erastin: cells stay alive without a trigger up to 10 uM and all die on their own from 20 uM', () => {
    expect(dish([erastin(10)]).fraction).toBe(0);
    const high = dish([erastin(20)]);
    expect(high.fraction).toBe(1);
    expect(high.t50!).toBeGreaterThan(300); // after GSH has fallen: hours, not minutes
  });

  it('RSL3, ML162, BSO and FIN56 each have a dose above which every cell dies without a trigger', () => {
    expect(dish([{ agent: 'rsl3', uM: 0.005 }]).fraction).toBe(0);
    expect(dish([{ agent: 'rsl3', uM: 1 }]).fraction).toBe(1);
    expect(dish([{ agent: 'ml162', uM: 0.01 }]).fraction).toBe(0);
    expect(dish([{ agent: 'ml162', uM: 1 }]).fraction).toBe(1);
    expect(dish([{ agent: 'bso', uM: 100 }], { minutes: 2400 }).fraction).toBe(0);
    expect(dish([{ agent: 'bso', uM: 1000 }], { minutes: 2400 }).fraction).toBe(1);
    expect(dish([{ agent: 'fin56', uM: 0.1 }], { minutes: 2400 }).fraction).toBe(0);
    expect(dish([{ agent: 'fin56', uM: 10 }], { minutes: 2400 }).fraction).toBe(1);
  });
});

describe('direct GPX4 inhibitors (behaviour 5.8)', () => {
  it('RSL3 kills faster than erastin (no GSH lag) and without a travelling front', async () => {
    const rsl3 = dish([{ agent: 'rsl3', uM: 1 }]);
    const era = dish([erastin(20)]);
    expect(rsl3.t50!).toBeLessThan(era.t50! / 2);
    // every cell dies at nearly the same time: death time does not grow with distance from a pulse
    const { wave, sim } = await run(strip({ extra: [{ agent: 'rsl3', uM: 1, start_min: 0 }], pulse_min: 100 }));
    const t = sim.state.cell.t_dying;
    let lo = Infinity,
      hi = -Infinity;
    for (let i = 0; i < sim.state.n; i++) {
      lo = Math.min(lo, t[i]);
      hi = Math.max(hi, t[i]);
    }
    // within a quarter of the time a wave (5.5 um/min) takes to cross the 3.2 mm strip
    expect(hi - lo).toBeLessThan(3200 / 5.5 / 4);
    expect(wave.detected).toBe(false);
    expect(wave.pattern).toBe('synchronous');
  });
});

describe('order of events in a dying cell (behaviour 5.9)', () => {
  it('lipid peroxides rise, then Ca2+, then the cell swells and ruptures', () => {
    const sc = resolveScenario({ seed: 1, lattice: { width: 8, height: 8, site_um: 20 }, duration_min: 600, treatments: [{ agent: 'rsl3', uM: 1 }] }, 't');
    const sim = createSimulation(sc);
    const i = 27;
    const half: Record<string, number | null> = { lpo: null, ca: null, vol: null };
    const c = sim.state.cell;
    const lpo0 = c.lpo[i],
      ca0 = c.ca[i];
    while (sim.stepIndex() < sim.totalSteps() && sim.state.status[i] !== DEAD) {
      sim.step(1);
      if (half.lpo === null && c.lpo[i] >= sc.params.lpo_commit / 2 && c.lpo[i] > 10 * lpo0) half.lpo = sim.time();
      if (half.ca === null && c.ca[i] >= 10 * ca0) half.ca = sim.time();
      if (half.vol === null && c.vol[i] >= 1 + (sc.params.vol_rupture - 1) / 2) half.vol = sim.time();
    }
    expect(sim.state.status[i]).toBe(DEAD);
    expect(half.lpo!).toBeLessThan(half.ca!);
    expect(half.ca!).toBeLessThan(half.vol!);
    expect(half.vol!).toBeLessThanOrEqual(c.t_dead[i]);
  });

  it('an osmoprotectant delays rupture but does not stop or slow the wave', async () => {
    const ref = await run(strip({ erastin: 10 }));
    const peg = await run(strip({ erastin: 10, extra: [{ agent: 'peg', uM: 10000, start_min: 0 }] }));
    expect(Math.abs(peg.wave.speed_um_per_min! / ref.wave.speed_um_per_min! - 1)).toBeLessThan(0.03);
    const lag = (r: typeof ref) => {
      const c = r.sim.state.cell;
      let s = 0,
        k = 0;
      for (let i = 0; i < r.sim.state.n; i++)
        if (Number.isFinite(c.t_dead[i])) {
          s += c.t_dead[i] - c.t_dying[i];
          k++;
        }
      return s / k;
    };
    expect(lag(peg)).toBeGreaterThan(1.5 * lag(ref));
  });
});

describe('density protection (behaviour 5.10)', () => {
  it('sparse cells die under erastin where a confluent layer survives', () => {
    // a sizeable share of sparse cells die on their own (43 % here); check 5.10 grades it over five densities
    expect(dish([erastin(10)], { density: 0.3, minutes: 1500 }).fraction).toBeGreaterThan(0.25);
    expect(dish([erastin(10)], { minutes: 1500 }).fraction).toBe(0);
  });
});

describe('zinc (behaviour 5.11)', () => {
  it('chelation slows the wave, supplementation speeds it even under iron chelation, ZIP7 loss slows it (Chen et al. 2021)', async () => {
    const ref = await speed([]);
    expect(await speed([{ agent: 'tpen', uM: 2 }])).toBeLessThan(ref);
    const dfo = await speed([{ agent: 'dfo', uM: 100 }]);
    const dfoZn = await speed([
      { agent: 'dfo', uM: 100 },
      { agent: 'zncl2', uM: 50 },
    ]);
    expect(dfo).toBeLessThan(ref);
    expect(dfoZn).toBeGreaterThan(dfo);
    expect(await speed([{ agent: 'knockdown', gene: 'ZIP7', factor: 0.2 }])).toBeLessThan(ref);
  });
});

describe('selenium and GPX4 (behaviour 5.12)', () => {
  it('selenite protects; GPX4 loss or selenium deprivation sensitises', async () => {
    const at125 = await speed([], 1.25);
    // the full dish of check 5.12 holds < 0.5 x or a stalled front; on this short strip the slowing front reads 0.54 x
    expect(await speed([{ agent: 'selenite', uM: 0.5 }], 1.25)).toBeLessThan(0.6 * at125);
    expect(await speed([], 0.6)).toBe(0);
    expect(await speed([{ agent: 'knockdown', gene: 'GPX4', factor: 0.5 }], 0.6)).toBeGreaterThan(1);
    expect(await speed([], 0.6, { se_medium: 0.003 })).toBeGreaterThan(1);
  });
});

describe('iron, NOX, PI3K, Src and FSP1 set the wave speed as published (behaviour 5.13)', () => {
  // the default parameters reproduce the fitted calibration: one dose of each titration (the
  // highest, where the effect is largest) on the strip the fit uses, within the point's tolerance
  const rows = calibrationRows();
  const top = (agent: string) => rows.filter((r) => r.agent === agent).reduce((a, r) => (r.uM > a.uM ? r : a));
  const ref = calibrationStripSpeed();
  for (const agent of ['dfo', 'fac', 'gkt137831', 'ly294002', 'dasatinib', 'fsen1']) {
    it(`${agent} at its highest published dose: speed ratio within the tolerance of the published mean`, () => {
      const r = top(agent);
      const v = calibrationStripSpeed([{ agent, uM: r.uM, start_min: 0 }]);
      expect(Math.abs(v / ref - r.ratio_to_control)).toBeLessThanOrEqual(tolerance(r));
    });
  }
});

describe('iron chelation stops the wave (Co et al. 2024: doses above the published DFO titration stop it)', () => {
  // all lipid peroxidation is iron-catalysed (lpo_iron_share 1, docs/model.md 6.0): with 0.5 the
  // NOX arm, raised by Ca2+ and Zn2+ in stressed cells, carried a slow wave at 160 uM DFO.
  // On the long strip the calibration is fitted on (its bound: 4x the highest published dose).
  it('DFO 160 uM leaves no wave where 40 uM only slows it to about the published 0.66', () => {
    const ref = longStripSpeed();
    const at40 = longStripSpeed([{ agent: 'dfo', uM: 40, start_min: 0 }]) / ref;
    expect(at40).toBeGreaterThan(0.45);
    expect(at40).toBeLessThan(0.8);
    expect(longStripSpeed([{ agent: 'dfo', uM: 160, start_min: 0 }])).toBe(0);
  });

  it('with half the peroxidation iron-independent (the earlier lpo_iron_share 0.5) 160 uM DFO does not stop it', () => {
    expect(longStripSpeed([{ agent: 'dfo', uM: 160, start_min: 0 }], { lpo_iron_share: 0.5 })).toBeGreaterThan(0);
  });
});

describe('PUFA against MUFA phospholipids (behaviour 18)', () => {
  /** mean PUFA-PL of a small untreated dish's cells at each of `hours` under the treatments */
  const pufaAt = (treatments: T[], hours: number[]) => {
    const sc = resolveScenario({ seed: 1, lattice: { width: 6, height: 6, site_um: 20 }, duration_min: 60 * Math.max(...hours), treatments }, 't');
    const sim = createSimulation(sc);
    return hours.map((h) => {
      while (sim.time() < 60 * h - 1e-9) sim.step(1);
      return countsAndMeans(sim.state).means.pufa;
    });
  };
  const oleate = (uM: number): T => ({ agent: 'oleic-acid', uM, start_min: 0 });

  it('oleic acid lowers PUFA-PL over hours, only with ACSL3; an SCD1 inhibitor raises it', () => {
    const [p1, p12, p24] = pufaAt([oleate(125)], [1, 12, 24]);
    expect(p24).toBeLessThan(0.8);
    expect((1 - p1) / (1 - p24)).toBeLessThan(0.25);
    expect((1 - p12) / (1 - p24)).toBeGreaterThan(0.5);
    const [ko] = pufaAt([oleate(125), { agent: 'knockdown', gene: 'ACSL3', factor: 0.01 }], [24]);
    expect(ko).toBeGreaterThan(0.98);
    const [scd] = pufaAt([{ agent: 'scd1-inhibitor', uM: 1, start_min: 0 }], [24]);
    expect(scd).toBeGreaterThan(1.5);
  });

  it('with no oleate and SCD1 untouched the arm changes nothing, whatever its weight or ACSL3', () => {
    /** every per-cell variable and fate after 10 h of 10 uM erastin (the gene bytes aside: ACSL3's differ by design) */
    const cells = (treatments: T[], params: Record<string, number>) => {
      const sim = createSimulation(
        resolveScenario({ seed: 3, lattice: { width: 8, height: 8, site_um: 20 }, duration_min: 600, treatments: [erastin(10), ...treatments], params }, 't'),
      );
      sim.step(sim.totalSteps());
      return [...CELL_VARS.map((v) => hashBuffer(new Float32Array(sim.state.cell[v.name]).buffer)), hashBuffer(new Uint8Array(sim.state.status).buffer)];
    };
    const ref = cells([], {});
    expect(cells([oleate(0)], { mufa_compete: 4 })).toEqual(ref);
    expect(cells([{ agent: 'knockdown', gene: 'ACSL3', factor: 0.1 }], { oleate_max_supply: 10 })).toEqual(ref);
    expect(cells([oleate(10)], {})).not.toEqual(ref);
  });

  it('oleic acid slows the primed wave; an SCD1 inhibitor speeds it at a low erastin dose', async () => {
    const v0 = await speed([]);
    expect(await speed([oleate(125)])).toBeLessThan(0.9 * v0);
    expect(await speed([{ agent: 'scd1-inhibitor', uM: 1, start_min: 0 }], 1.25)).toBeGreaterThan(1.1 * (await speed([], 1.25)));
  });
});

describe('spontaneous initiation (Co et al. 2024, Extended Data Fig. 2)', () => {
  const burst_rate = paramSpec('burst_rate')!.default;
  const field = (treatments: T[], minutes: number) => {
    const sc = resolveScenario({ seed: 3, lattice: { width: 40, height: 40, site_um: 20 }, duration_min: minutes, treatments, params: { burst_rate } }, 'test');
    const sim = createSimulation(sc);
    sim.step(sim.totalSteps());
    return ignitionSites(sim.state, 20);
  };
  it('a primed field ignites on its own from a site hours after erastin; an unprimed one never does', () => {
    const primed = field([erastin(10)], 960);
    expect(primed.length).toBeGreaterThan(0);
    expect(primed[0].t_min).toBeGreaterThan(300);
    expect(field([], 2160)).toHaveLength(0);
  });
});

// keep the fate codes referenced (used by the reader of this file to interpret status)
void [ALIVE, DYING];
