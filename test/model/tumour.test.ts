// Tumours (issue: tumours, not just dishes): growth into free sites limited by oxygen and space,
// hypoxia and necrosis away from vessels, subclones that inherit their phenotype, drugs that
// arrive by perfusion, and a resistant subclone.
import { describe, expect, it } from 'vitest';
import { countsAndMeans } from '../../src/analysis/observables';
import { ALIVE, DYING, NECROTIC, PHENO_DECODE, VESSEL } from '../../src/model/layout';
import { resolveScenario } from '../../src/model/scenario';
import { createSimulation, type Simulation } from '../../src/model/simulation';

type T = Record<string, unknown>;
function tumour(
  o: { size?: number; r?: number; minutes?: number; treatments?: T[]; subclones?: T[]; vessels?: T[]; boundary?: string; params?: Record<string, number> } = {},
) {
  const n = o.size ?? 40;
  const c = (n * 20) / 2;
  return resolveScenario(
    {
      seed: 2,
      lattice: { width: n, height: n, site_um: 20 },
      duration_min: o.minutes ?? 2400,
      tissue: { kind: 'tumour', seeds: [{ disc: { x_um: c, y_um: c, r_um: o.r ?? 150 } }], vessels: o.vessels ?? [], subclones: o.subclones ?? [] },
      boundary: o.boundary ?? 'medium',
      treatments: o.treatments ?? [],
      params: o.params ?? {},
    },
    'test',
  );
}
const living = (sim: Simulation) => {
  let k = 0;
  for (let i = 0; i < sim.state.n; i++) if (sim.state.status[i] === ALIVE || sim.state.status[i] === DYING) k++;
  return k;
};

describe('tumour growth (issue 3 item 2)', () => {
  it('grows by division into free sites, and more slowly without oxygen', () => {
    const grow = (params: Record<string, number>) => {
      const sim = createSimulation(tumour({ params }));
      const n0 = living(sim);
      sim.step(sim.totalSteps());
      return { n0, n1: living(sim), births: countsAndMeans(sim.state).births_total };
    };
    const normal = grow({});
    expect(normal.births).toBeGreaterThan(50);
    expect(normal.n1).toBeGreaterThan(normal.n0 * 1.2);
    const starved = grow({ o2_medium: 1, o2_blood: 1 });
    expect(starved.births).toBeLessThan(normal.births / 3);
  });

  it('daughters inherit their parent subclone and phenotype (with small drift)', () => {
    const sc = tumour({ subclones: [{ name: 'right', pheno: { FSP1: 4 }, region: { rect: { x_um: 400, y_um: 0, width_um: 400, height_um: 800 } } }] });
    const sim = createSimulation(sc);
    sim.step(sim.totalSteps());
    const st = sim.state;
    let clone1 = 0,
      clone1High = 0;
    for (let i = 0; i < st.n; i++) {
      if (st.status[i] !== ALIVE) continue;
      if (st.clone[i] === 1) {
        clone1++;
        if (PHENO_DECODE[st.pheno.FSP1[i]] > 2.5) clone1High++;
        expect((i % st.width) * 20).toBeGreaterThanOrEqual(300); // daughters stay next to their lineage
      }
    }
    expect(clone1).toBeGreaterThan(0);
    expect(clone1High / clone1).toBeGreaterThan(0.95);
  });
});

describe('oxygen, vessels and necrosis', () => {
  it('a mass far from any supply becomes hypoxic in its core and cells there die of necrosis', () => {
    const sim = createSimulation(tumour({ size: 50, r: 400, boundary: 'noflux', vessels: [{ x_um: 100, y_um: 500 }], params: { o2_tissue_uptake: 30 } }));
    sim.step(sim.totalSteps());
    const m = countsAndMeans(sim.state);
    expect(m.necrotic_total).toBeGreaterThan(100);
    // cells near the vessel survive, the far side is empty or necrotic
    let nearAlive = 0,
      farAlive = 0;
    for (let i = 0; i < sim.state.n; i++) {
      if (sim.state.status[i] !== ALIVE) continue;
      const x = (i % 50) * 20;
      if (x < 300) nearAlive++;
      if (x > 700) farAlive++;
    }
    expect(nearAlive).toBeGreaterThan(farAlive);
  });

  it('drugs reach the tissue through perfusion and fall off away from vessels', () => {
    const sim = createSimulation(
      tumour({ size: 50, r: 400, boundary: 'noflux', vessels: [{ x_um: 100, y_um: 500 }], treatments: [{ agent: 'rsl3', uM: 1, start_min: 0 }], minutes: 300 }),
    );
    sim.step(sim.totalSteps());
    const d = sim.state.drug.rsl3;
    const at = (x: number) => d[25 * 50 + x];
    expect(at(5)).toBeGreaterThan(0.3);
    expect(at(5)).toBeGreaterThan(2 * at(30));
    expect(sim.state.status.includes(VESSEL)).toBe(true);
  });

  it('a drug painted on part of a tumour holds the tissue there near its concentration and primes it', () => {
    // erastin 10 uM painted on the left of a 50 x 50 tumour fed from the edge, then a weak light
    // pulse over all of it: the painted (primed) tissue dies; without the paint nobody does
    const paint = {
      stroke: {
        r_um: 120,
        points_um: [
          [250, 200],
          [250, 500],
          [250, 800],
        ],
      },
    };
    const pulse = { agent: 'light-pulse', dose: 5, start_min: 420, end_min: 430 };
    const run = (treatments: T[]) => {
      const sim = createSimulation(tumour({ size: 50, r: 450, minutes: 600, treatments }));
      sim.step(sim.totalSteps());
      return sim;
    };
    const W = 50;
    const dead = (sim: Simulation, x0: number, x1: number) => {
      let n = 0,
        k = 0;
      for (let y = 15; y < 35; y++)
        for (let x = x0; x < x1; x++) {
          const s = sim.state.status[y * W + x];
          if (s === 0 || s === VESSEL) continue;
          n++;
          if (s >= DYING && s !== NECROTIC) k++;
        }
      return k / n;
    };
    const painted = run([{ agent: 'erastin', uM: 10, start_min: 0, region: paint }, pulse]);
    const d = painted.state.drug.erastin;
    expect(d[25 * W + 12], 'uM under the paint').toBeGreaterThan(6);
    expect(d[25 * W + 40], 'uM far from it').toBeLessThan(0.35 * d[25 * W + 12]);
    expect(dead(painted, 9, 16), 'under the paint').toBeGreaterThan(0.9);
    const unpainted = run([pulse]);
    expect(dead(unpainted, 0, W), 'the pulse alone').toBeLessThan(0.05);
  });

  it('cuts rows by drug levels only where targets matter (issue 16 item 11): the same cells as with every row cut at every step', () => {
    // erastin from the edge, ferrostatin-1 painted on the right, a light pulse in the centre; the
    // same with ionomycin at 0 uM added, which changes no target but acts on the death program, so
    // that the simulation cuts every row by every drug level at every step and at every site
    const paint = {
      stroke: {
        r_um: 150,
        points_um: [
          [650, 200],
          [650, 500],
          [650, 800],
        ],
      },
    };
    const treatments: T[] = [
      { agent: 'erastin', uM: 10, start_min: 0 },
      { agent: 'ferrostatin-1', uM: 10, start_min: 120, region: paint },
      { agent: 'light-pulse', dose: 30, start_min: 240, end_min: 250, region: { disc: { x_um: 500, y_um: 500, r_um: 100 } } },
    ];
    const run = (ts: T[]) => {
      const sim = createSimulation(tumour({ size: 50, r: 450, minutes: 600, treatments: ts }));
      sim.step(sim.totalSteps());
      return sim.state;
    };
    const fast = run(treatments);
    const exact = run([...treatments, { agent: 'ionomycin', uM: 0, start_min: 0 }]);
    expect(Object.keys(exact.drug)).toContain('ionomycin');
    expect(exact.status, 'status').toEqual(fast.status);
    for (const part of ['cell', 'aux', 'field'] as const)
      for (const [name, a] of Object.entries(fast[part])) expect(exact[part][name as never], `${part}.${name}`).toEqual(a);
    for (const d of ['erastin', 'ferrostatin-1']) expect(exact.drug[d], d).toEqual(fast.drug[d]);
    // and the paint took: the tissue under it is held near 10 uM ferrostatin-1, far from it there is little
    expect(fast.drug['ferrostatin-1'][25 * 50 + 32], 'under the paint').toBeGreaterThan(6);
    expect(fast.drug['ferrostatin-1'][25 * 50 + 5], 'far from it').toBeLessThan(1);
  });

  it('refuses a region on a medium species in a tumour, naming the field', () => {
    expect(() => tumour({ treatments: [{ agent: 'fac', uM: 50, region: { disc: { x_um: 100, y_um: 100, r_um: 50 } } }] })).toThrow(
      /treatments\[0\]\.region.*part of the medium/,
    );
  });
});

describe('a resistant subclone (issue 3 presets)', () => {
  it('high-FSP1 cells survive erastin + a light pulse and fall to erastin + FSEN1', () => {
    const run = (fsen1: boolean) => {
      const treatments: T[] = [
        { agent: 'erastin', uM: 10, start_min: 600 },
        { agent: 'light-pulse', dose: 30, start_min: 1000, end_min: 1010, region: { disc: { x_um: 400, y_um: 400, r_um: 100 } } },
      ];
      if (fsen1) treatments.push({ agent: 'fsen1', uM: 1, start_min: 600 });
      const sim = createSimulation(
        tumour({
          r: 300,
          minutes: 1800,
          treatments,
          subclones: [{ name: 'FSP1-high', pheno: { FSP1: 8 }, region: { disc: { x_um: 550, y_um: 400, r_um: 120 } } }],
          params: { debris_clear_min: 100000 },
        }),
      );
      sim.step(sim.totalSteps());
      let parental = 0,
        resistant = 0;
      for (let i = 0; i < sim.state.n; i++) {
        if (sim.state.status[i] !== ALIVE) continue;
        if (sim.state.clone[i] === 1) resistant++;
        else parental++;
      }
      return { parental, resistant, necrotic: sim.state.status.filter((s) => s === NECROTIC).length };
    };
    const e = run(false);
    expect(e.resistant).toBeGreaterThan(20);
    expect(e.parental).toBeLessThan(e.resistant);
    const ef = run(true);
    expect(ef.resistant).toBeLessThan(e.resistant / 4);
  });
});
