// Ca2+ downstream of commitment (issue 14): the peroxidation pores let Ca2+ in, Ca2+ recruits
// ESCRT-III, which reseals them and delays rupture; a share of the swelling runs through the pores
// themselves, so committed cells burst in Ca2+-free medium too; MS4A15 lowers ER Ca2+ and, with
// it, PUFA-PL. Small dishes under RSL3 (every cell commits within a few hours), bursts off.
import { describe, expect, it } from 'vitest';
import { ALIVE, DEAD, DYING } from '../../src/model/layout';
import { resolveScenario } from '../../src/model/scenario';
import { createSimulation } from '../../src/model/simulation';

const rsl3 = { agent: 'rsl3', uM: 1, start_min: 0 };
const caFree = { agent: 'calcium-free', uM: 0, start_min: 0 };

/** the state of a 6 x 6 dish (bursts off) after `minutes` under `treatments` */
function dishAfter(treatments: object[], params: Record<string, number>, minutes: number) {
  const sc = resolveScenario(
    { name: 'repair', seed: 5, lattice: { width: 6, height: 6, site_um: 20 }, duration_min: minutes, treatments, params: { burst_rate: 0, ...params } },
    'test',
  );
  const sim = createSimulation(sc, sc.seed, { unshared: true });
  sim.step(sim.totalSteps());
  return sim.state;
}

/** a 6 x 6 dish under `treatments`: the ruptured cells, the committed ones still intact, and the mean commitment -> rupture (min) */
function deaths(treatments: object[], params: Record<string, number> = {}, minutes = 600) {
  const st = dishAfter(treatments, params, minutes);
  let dead = 0,
    dying = 0,
    sum = 0;
  for (let i = 0; i < st.n; i++) {
    if (st.status[i] === DEAD) {
      dead++;
      sum += st.cell.t_dead[i] - st.cell.t_dying[i];
    } else if (st.status[i] === DYING) dying++;
  }
  return { dead, dying, delay: dead ? sum / dead : Number.NaN, n: st.n };
}

/** the living cells' mean ER Ca2+ (uM) and PUFA-PL after `minutes` */
function erAndPufa(treatments: object[], params: Record<string, number> = {}, minutes = 1440) {
  const st = dishAfter(treatments, params, minutes);
  let er = 0,
    pufa = 0,
    n = 0;
  for (let i = 0; i < st.n; i++)
    if (st.status[i] === ALIVE) {
      er += st.cell.ca_er[i];
      pufa += st.cell.pufa[i];
      n++;
    }
  return { er: er / n, pufa: pufa / n };
}

describe('ESCRT-III repair and the pore route of swelling', () => {
  it('every committed cell bursts under RSL3, and ESCRT-III loss (CHMP4B, esc_max 0) makes it burst sooner', () => {
    const ctl = deaths([rsl3]);
    expect(ctl.dead).toBe(ctl.n);
    const chmp = deaths([rsl3, { agent: 'knockdown', gene: 'CHMP4B', factor: 0.2 }]);
    const none = deaths([rsl3], { esc_max: 0 });
    expect(chmp.dead).toBe(chmp.n);
    expect(chmp.delay).toBeLessThan(0.9 * ctl.delay);
    expect(none.delay).toBeLessThan(chmp.delay);
    // more ESCRT-III delays it further
    expect(deaths([rsl3], { esc_max: 4 }).delay).toBeGreaterThan(1.1 * ctl.delay);
  });

  it('in Ca2+-free medium committed cells still burst through the pores, and without the pore route they never do', () => {
    const free = deaths([rsl3, caFree]);
    expect(free.dead).toBe(free.n);
    const noPores = deaths([rsl3, caFree], { swell_pore_share: 0 });
    expect(noPores.dead).toBe(0);
    expect(noPores.dying).toBe(noPores.n);
  });
});

describe('MS4A15 and ER Ca2+', () => {
  it('overexpressed, MS4A15 lowers ER Ca2+ and with it PUFA-PL over a day; knock-down raises both a little', () => {
    const ctl = erAndPufa([]);
    const hi = erAndPufa([{ agent: 'overexpress', gene: 'MS4A15', factor: 10 }]);
    const lo = erAndPufa([{ agent: 'knockdown', gene: 'MS4A15', factor: 0.1 }]);
    expect(hi.er).toBeLessThan(0.9 * ctl.er);
    expect(hi.pufa).toBeLessThan(0.97 * ctl.pufa);
    expect(lo.er).toBeGreaterThan(ctl.er);
    expect(lo.pufa).toBeGreaterThan(ctl.pufa);
    // without the ER -> PUFA-PL share, MS4A15 leaves PUFA-PL where it was
    const flat = erAndPufa([{ agent: 'overexpress', gene: 'MS4A15', factor: 10 }], { er_pufa_share: 0 });
    expect(Math.abs(flat.pufa / erAndPufa([], { er_pufa_share: 0 }).pufa - 1)).toBeLessThan(0.005);
  });
});
