// The Zn2+ module of issue 14: free medium zinc next to serum albumin, ZIP uptake, metallothionein
// buffering and its induction, and zinc acting on the core (NOX, mitochondria, p53 -> SLC7A11,
// PMCA -> Ca2+, iron uptake). Small untreated dishes, no pulse, spontaneous bursts off.
import { describe, expect, it } from 'vitest';
import { bindingRoot, freeZinc } from '../../src/model/cell-kinetics';
import { ALIVE } from '../../src/model/layout';
import { resolveParams } from '../../src/model/params';
import { resolveScenario } from '../../src/model/scenario';
import { createSimulation } from '../../src/model/simulation';

interface Means {
  zn: number;
  mt: number;
  ca: number;
  fe: number;
  feedback: number;
  ros_src: number;
}

/** a 6 x 6 dish; the living cells' means at each of `times` (min) */
function run(treatments: object[], times: number[], params: Record<string, number> = {}): Means[] {
  const sc = resolveScenario(
    {
      name: 'zn',
      seed: 5,
      lattice: { width: 6, height: 6, site_um: 20 },
      duration_min: Math.max(...times),
      treatments,
      params: { burst_rate: 0, pheno_cv: 0, ...params },
    },
    'test',
  );
  const sim = createSimulation(sc, sc.seed, { unshared: true });
  const st = sim.state;
  const out: Means[] = [];
  for (const t of times) {
    sim.step(Math.round(t / sc.numerics.dt_min) - st.header[0]);
    const m: Means = { zn: 0, mt: 0, ca: 0, fe: 0, feedback: 0, ros_src: 0 };
    let n = 0;
    for (let i = 0; i < st.n; i++) {
      if (st.status[i] !== ALIVE) continue;
      n++;
      m.zn += st.cell.zn[i];
      m.mt += st.cell.mt[i];
      m.ca += st.cell.ca[i];
      m.fe += st.cell.fe[i];
      m.feedback += st.aux.feedback[i];
      m.ros_src += st.aux.ros_src[i];
    }
    for (const k of Object.keys(m) as (keyof Means)[]) m[k] /= n;
    out.push(m);
  }
  return out;
}

const zn = (uM: number) => ({ agent: 'zncl2', uM, start_min: 0 });

describe('free medium zinc', () => {
  it('is the root of the albumin binding balance, without cancellation on either side', () => {
    for (const [total, sites, kd] of [
      [2, 80, 0.4],
      [52, 80, 0.4],
      [500, 80, 0.4],
      [1e-6, 80, 0.4],
      [5, 0, 0.4],
    ]) {
      const f = freeZinc(total, sites, kd);
      // total = free + bound, bound = sites free / (free + kd)
      expect(f + (sites * f) / (f + kd)).toBeCloseTo(total, 10);
      expect(f).toBeGreaterThanOrEqual(0);
    }
    // no albumin: all of it is free
    expect(freeZinc(5, 0, 0.4)).toBeCloseTo(5, 12);
    // the two forms of the root agree where both are exact
    expect(bindingRoot(-3, 2)).toBeCloseTo(0.5 * (-3 + Math.sqrt(9 + 8)), 12);
    expect(bindingRoot(3, 2)).toBeCloseTo(0.5 * (3 + Math.sqrt(9 + 8)), 12);
    // no cancellation far on either side of b = 0 (the root is c/|b| for b << 0, b for b >> 0)
    expect(bindingRoot(-1e8, 1e-4) / 1e-12).toBeCloseTo(1, 12);
    expect(bindingRoot(1e8, 1e-4) / 1e8).toBeCloseTo(1, 12);
    // nothing to bind and nothing free: 0, not 0/0
    expect(bindingRoot(0, 0)).toBe(0);
    expect(freeZinc(0, 0, 0)).toBe(0);
  });

  it('in 10 % serum is ~10 nM of the 2 uM total, and 50 uM ZnCl2 stays mostly bound', () => {
    const p = resolveParams();
    const sites = p.albumin_medium * p.albumin_zn_sites;
    expect(freeZinc(p.zn_medium, sites, p.albumin_zn_kd)).toBeGreaterThan(0.005);
    expect(freeZinc(p.zn_medium, sites, p.albumin_zn_kd)).toBeLessThan(0.02);
    expect(freeZinc(p.zn_medium + 50, sites, p.albumin_zn_kd)).toBeLessThan(2);
    // past the serum's binding capacity free zinc rises steeply
    expect(freeZinc(p.zn_medium + 200, sites, p.albumin_zn_kd)).toBeGreaterThan(100);
  });
});

describe('labile Zn2+ and metallothionein', () => {
  it('an untreated dish stays at the control state: zn_ref, MT 1, no coupling moved', () => {
    const [a, b] = run([], [60, 1440]);
    const p = resolveParams();
    for (const m of [a, b]) {
      expect(m.zn).toBeCloseTo(p.zn_ref, 4);
      expect(m.mt).toBeCloseTo(1, 4);
    }
    expect(b.feedback / a.feedback).toBeCloseTo(1, 4);
  });

  it('ZnCl2 raises labile Zn2+ within an hour, induces MT over hours, and MT then lowers the labile pool', () => {
    const [h1, h4, h24] = run([zn(50)], [60, 240, 1440]);
    expect(h1.zn).toBeGreaterThan(10);
    expect(h4.mt).toBeGreaterThan(1.2);
    expect(h24.mt).toBeGreaterThan(h4.mt);
    expect(h24.zn).toBeLessThan(h4.zn);
    // past the serum's binding capacity (~80 uM) the same added zinc loads the cells far more
    const [over] = run([zn(200)], [60]);
    expect(over.zn).toBeGreaterThan(2 * h1.zn);
  });

  it('TPEN lowers labile Zn2+ and the NOX arm with it', () => {
    const [ctl] = run([], [120]);
    const [t] = run([{ agent: 'tpen', uM: 2, start_min: 0 }], [120]);
    expect(t.zn).toBeLessThan(0.5 * ctl.zn);
    expect(t.feedback).toBeLessThan(ctl.feedback);
  });

  it('cells of an MT1G knock-down start with their own low MT and hold more labile Zn2+', () => {
    const [m] = run([{ agent: 'knockdown', gene: 'MT1G', factor: 0.2 }], [120]);
    expect(m.mt).toBeLessThan(0.3);
    expect(m.zn).toBeGreaterThan(1.4);
  });
});

describe('zinc acts on the core and on Ca2+', () => {
  it('a zinc load raises the NOX arm and mitochondrial ROS, and cytosolic Ca2+ through the PMCA block', () => {
    const [ctl] = run([], [240]);
    const [z] = run([zn(50)], [240]);
    expect(z.feedback).toBeGreaterThan(1.3 * ctl.feedback);
    expect(z.ros_src).toBeGreaterThan(1.02 * ctl.ros_src);
    expect(z.ca).toBeGreaterThan(1.1 * ctl.ca);
    // without the PMCA block, Ca2+ stays at rest
    const [noBlock] = run([zn(50)], [240], { zn_pmca_ki: 1000 });
    expect(noBlock.ca).toBeLessThan(z.ca);
  });

  it('zinc lowers iron uptake from ferric citrate (competition at ZIP14)', () => {
    const fac = { agent: 'fac', uM: 100, start_min: 0 };
    const [f] = run([fac], [360]);
    const [fz] = run([fac, zn(50)], [360]);
    expect(fz.fe).toBeLessThan(f.fe);
  });

  it('with ion_couple_zn 0 the pools still move but the core and Ca2+ do not feel them', () => {
    const [ctl] = run([], [240], { ion_couple_zn: 0 });
    const [z] = run([zn(50)], [240], { ion_couple_zn: 0 });
    expect(z.zn).toBeGreaterThan(10 * ctl.zn);
    expect(z.feedback).toBeCloseTo(ctl.feedback, 8);
    expect(z.ros_src).toBeCloseTo(ctl.ros_src, 8);
    expect(z.ca).toBeCloseTo(ctl.ca, 6);
  });
});
