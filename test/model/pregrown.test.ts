// Pre-grown tumours (issue 16, item 12): tissue.pregrown is validated up front with paths and
// bounds, resolves to itself, and makes at load, from the seed alone, a mass with vessels through
// its rim, subclones in sectors, oxygen at the steady state of its uptake and a necrotic core
// exactly where that oxygen is below necrosis_o2; the same tissue on any number of workers; and
// the shipped presets hold the cells they say.
import { describe, expect, it } from 'vitest';
import { countsAndMeans } from '../../src/analysis/observables';
import { hashBuffer } from '../../src/analysis/hash';
import { createEngine } from '../../src/engine/engine';
import { spawnNodeWorker } from '../../src/host/node-workers';
import { ALIVE, DEAD, DYING, NECROTIC, PHENO_DECODE, VESSEL } from '../../src/model/layout';
import { PRESETS } from '../../src/model/presets';
import { resolveScenario, ScenarioError } from '../../src/model/scenario';
import { createSimulation } from '../../src/model/simulation';

type Raw = Record<string, unknown>;
const mass = (pregrown: Raw, extra: Raw = {}): Raw => ({
  seed: 3,
  lattice: { width: 160, height: 160, site_um: 20 },
  duration_min: 600,
  tissue: { kind: 'tumour', pregrown, subclones: [{ name: 'FSP1-high', pheno: { FSP1: 8 }, fraction: 0.25 }] },
  ...extra,
});

function problems(raw: unknown): string[] {
  try {
    resolveScenario(raw, 't');
    return [];
  } catch (e) {
    if (e instanceof ScenarioError) return e.problems.map((p) => `${p.path}: ${p.message}`);
    throw e;
  }
}

describe('tissue.pregrown: validation', () => {
  it('fills its defaults, seeds no disc of its own, and resolves to itself', () => {
    const sc = resolveScenario(mass({ r_um: 700 }), 't');
    expect(sc.tissue.kind === 'tumour' && sc.tissue.pregrown).toEqual({
      r_um: 700,
      roughness: 0.08,
      vessel_spacing_um: 300,
      vessel_r_um: 15,
      avascular_core: 0.5,
      sectors: true,
    });
    expect(sc.tissue.kind === 'tumour' && sc.tissue.seeds).toEqual([]);
    expect(resolveScenario(JSON.parse(JSON.stringify(sc)), 't')).toEqual(sc);
  });

  it('names each bad value with its path and the allowed range', () => {
    const p = problems(mass({ r_um: -1, roughness: 0.9, vessel_spacing_um: 5, avascular_core: 2, sectors: 'yes', colour: 'red', x_um: 1e6 }));
    const has = (path: string, text: string) =>
      expect(
        p.some((x) => x.startsWith(path) && x.includes(text)),
        `${path} in ${p.join('\n')}`,
      ).toBe(true);
    has('scenario.tissue.pregrown.r_um', '> 0');
    has('scenario.tissue.pregrown.roughness', '<= 0.5');
    has('scenario.tissue.pregrown.vessel_spacing_um', '>= 40');
    has('scenario.tissue.pregrown.avascular_core', '<= 1');
    has('scenario.tissue.pregrown.sectors', 'true');
    has('scenario.tissue.pregrown.colour', 'unknown key');
    has('scenario.tissue.pregrown.x_um', '<= 3200');
    expect(problems(mass(null as unknown as Raw))[0]).toMatch(/^scenario\.tissue\.pregrown: .*r_um required/);
    expect(problems(mass({})).some((x) => x.startsWith('scenario.tissue.pregrown.r_um: required'))).toBe(true);
  });

  it('refuses a mass that would need more vessels than a scenario may hold', () => {
    const p = problems({ ...mass({ r_um: 70_000, vessel_spacing_um: 40 }), lattice: { width: 8000, height: 8000, site_um: 20 } });
    expect(p.some((x) => x.startsWith('scenario.tissue.pregrown.vessel_spacing_um') && x.includes('at most 10000'))).toBe(true);
  });
});

describe('a pre-grown mass', () => {
  const sc = resolveScenario(mass({ r_um: 1300, vessel_spacing_um: 250, avascular_core: 0.65 }), 't');

  it('is made from the seed: living rim, vessels outside the core, necrosis exactly where oxygen is below necrosis_o2', () => {
    const sim = createSimulation(sc);
    const st = sim.state;
    const c = countsAndMeans(st);
    let vessels = 0;
    let coreVessels = 0;
    const mid = (160 * 20) / 2;
    for (let i = 0; i < st.n; i++) {
      const x = ((i % 160) + 0.5) * 20 - mid,
        y = (Math.floor(i / 160) + 0.5) * 20 - mid;
      const r = Math.sqrt(x * x + y * y);
      if (st.status[i] === VESSEL) {
        vessels++;
        if (r < 0.65 * 1300 - 20) coreVessels++;
      }
      if (st.status[i] === ALIVE) expect(st.field.o2[i]).toBeGreaterThanOrEqual(sc.params.necrosis_o2);
      if (st.status[i] === NECROTIC) {
        expect(st.field.o2[i]).toBeLessThan(sc.params.necrosis_o2);
        // dead before the run: no time of death, never cleared
        expect(st.cell.t_dead[i]).toBeNaN();
        expect(st.cell.cycle[i]).toBe(0);
      }
      // nothing beyond the rim (at most r_um x (1 + roughness))
      if (r > 1300 * 1.08 + 15) expect(st.status[i], `site ${i}`).toBe(0);
    }
    expect(vessels).toBeGreaterThan(10);
    expect(coreVessels).toBe(0);
    expect(c.alive).toBeGreaterThan(1000);
    expect(c.necrotic).toBeGreaterThan(50);
    expect(c.hypoxic).toBeGreaterThan(0);
    // the same scenario and seed, the same state; another seed, another mass
    expect(hashBuffer(createSimulation(sc).state.buffer)).toBe(hashBuffer(st.buffer));
    expect(hashBuffer(createSimulation(sc, 4).state.buffer)).not.toBe(hashBuffer(st.buffer));
  });

  it('puts subclones without a region in sectors (the lower right quarter here), or draws them per cell', () => {
    const fsp1 = (s: typeof sc) => {
      const st = createSimulation(s).state;
      const quarter = [0, 0, 0, 0];
      const cells = [0, 0, 0, 0];
      for (let i = 0; i < st.n; i++) {
        if (st.status[i] !== ALIVE && st.status[i] !== NECROTIC) continue;
        const q = (i % 160 < 80 ? 0 : 1) + (Math.floor(i / 160) < 80 ? 0 : 2);
        cells[q]++;
        if (st.clone[i] === 1) quarter[q]++;
      }
      return quarter.map((n, q) => n / cells[q]);
    };
    const [tl, tr, bl, br] = fsp1(sc);
    expect(br).toBeGreaterThan(0.95);
    expect(tl + tr + bl).toBeLessThan(0.05);
    const drawn = fsp1(resolveScenario(mass({ r_um: 1300, vessel_spacing_um: 250, avascular_core: 0.65, sectors: false }), 't'));
    for (const f of drawn) expect(f).toBeGreaterThan(0.15);
    // and the sector's cells carry the subclone's phenotype
    const st = createSimulation(sc).state;
    let hi = 0;
    let n = 0;
    for (let i = 0; i < st.n; i++)
      if (st.clone[i] === 1) {
        n++;
        if (PHENO_DECODE[st.pheno.FSP1[i]] > 4) hi++;
      }
    expect(hi / n).toBeGreaterThan(0.95);
  });

  it('is the same tissue built on 0 or 2 workers', async () => {
    const ref = hashBuffer(createSimulation(sc).state.buffer);
    const sim = createSimulation(sc, sc.seed, { deferInit: true });
    const engine = await createEngine(sim, 2, spawnNodeWorker);
    try {
      await engine.initialise();
      expect(hashBuffer(sim.state.buffer)).toBe(ref);
      await engine.advance(40);
      const one = createSimulation(sc);
      one.step(40);
      expect(hashBuffer(sim.state.buffer)).toBe(hashBuffer(one.state.buffer));
    } finally {
      engine.dispose();
    }
  });

  it('stays put when run: its rim alive, its core necrotic, oxygen near the steady state it started at', () => {
    const sim = createSimulation(sc);
    const before = countsAndMeans(sim.state);
    sim.step(240);
    const after = countsAndMeans(sim.state);
    expect(after.alive + after.dying).toBeGreaterThan(0.97 * before.alive);
    expect(after.necrotic).toBeLessThan(1.05 * before.necrotic + 10);
  });
});

describe('the pre-grown presets', () => {
  it('hold ~100,000 and ~400,000 living cells around a necrotic core', () => {
    for (const [name, lo, hi] of [
      ['tumour-pregrown-512', 90_000, 130_000],
      ['tumour-pregrown-1024', 350_000, 500_000],
    ] as const) {
      const sim = createSimulation(resolveScenario(PRESETS[name], 't'));
      const c = countsAndMeans(sim.state);
      expect(c.alive, name).toBeGreaterThan(lo);
      expect(c.alive, name).toBeLessThan(hi);
      expect(c.necrotic, name).toBeGreaterThan(0.15 * c.alive);
      expect(c.hypoxic, name).toBeGreaterThan(0);
      let dead = 0;
      for (let i = 0; i < sim.state.n; i++) if (sim.state.status[i] === DEAD || sim.state.status[i] === DYING) dead++;
      expect(dead, name).toBe(0);
    }
  }, 120_000);
});
