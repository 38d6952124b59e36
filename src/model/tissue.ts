// Why this file exists: where the cells are at t = 0. A monolayer (confluent or sparse, with
// scratched gaps) or a tumour seeded in regions with vessel sites and subclones. Pure: the same
// scenario and seed give the same tissue.
import { ALIVE, EMPTY, VESSEL, type SimState } from './layout';
import { exp } from './math';
import type { ParamValues } from './params';
import { PURPOSE, type RandomKey, uniform } from './random';
import { placePregrown, placeSectors, pregrownVessels } from './pregrown';
import { forEachSiteIn } from './region';
import type { ResolvedScenario } from './scenario';

/** Fills status (and clone) for the scenario's tissue. */
export function placeTissue(st: SimState, sc: ResolvedScenario, key: RandomKey): void {
  const { width: W, height: H, site_um: site } = sc.lattice;
  const t = sc.tissue;
  st.clone.fill(0);
  if (t.kind === 'monolayer') {
    st.status.fill(ALIVE);
    if (t.density < 1) for (let i = 0; i < st.n; i++) if (uniform(key, i, 0, PURPOSE.seeding) >= t.density) st.status[i] = EMPTY;
    for (const g of t.gaps) {
      const a = Math.max(0, Math.ceil(g.x_um / site - 0.5));
      const b = Math.min(W, Math.floor((g.x_um + g.width_um) / site - 0.5) + 1);
      for (let y = 0; y < H; y++) for (let x = a; x < b; x++) st.status[y * W + x] = EMPTY;
    }
    return;
  }
  st.status.fill(EMPTY);
  for (const r of t.seeds) forEachSiteIn(r, W, H, site, (i) => (st.status[i] = ALIVE));
  // a pre-grown mass: its cells (pregrown.ts)
  if (t.pregrown) placePregrown(st, sc, t.pregrown, key);
  // subclones: a region claims its cells; otherwise a keyed draw gives each its fraction (or, in
  // a pre-grown mass with sectors, an angular sector of it)
  t.subclones.forEach((c, k) => {
    if (!c.region) return;
    forEachSiteIn(c.region, W, H, site, (i) => {
      if (st.status[i] === ALIVE) st.clone[i] = k + 1;
    });
  });
  const sectors = t.pregrown?.sectors === true && placeSectors(st, sc, t.pregrown);
  const byFraction = t.subclones.map((c, k) => ({ k: k + 1, f: c.region || sectors ? 0 : c.fraction }));
  for (let i = 0; i < st.n; i++) {
    if (st.status[i] !== ALIVE || st.clone[i] !== 0) continue;
    let u = uniform(key, i, 0, PURPOSE.clone);
    for (const { k, f } of byFraction) {
      if (u < f) {
        st.clone[i] = k;
        break;
      }
      u -= f;
    }
  }
  for (const v of tumourVessels(sc, key)) {
    const x = Math.min(W - 1, Math.floor(v.x_um / site));
    const y = Math.min(H - 1, Math.floor(v.y_um / site));
    st.status[y * W + x] = VESSEL;
    if (v.r_um > 0) forEachSiteIn({ disc: v }, W, H, site, (i) => (st.status[i] = VESSEL));
  }
}

/** A tumour's vessels: those listed, then a pre-grown mass's (pregrown.ts). */
export function tumourVessels(sc: ResolvedScenario, key: RandomKey): Array<{ x_um: number; y_um: number; r_um: number }> {
  const t = sc.tissue;
  if (t.kind !== 'tumour') return [];
  return t.pregrown ? [...t.vessels, ...pregrownVessels(sc, t.pregrown, key)] : t.vessels;
}

/** Tumours: the perfusion map, a Gaussian of exchange with plasma around each vessel (1/min). */
export function placePerfusion(st: SimState, sc: ResolvedScenario, p: ParamValues, key: RandomKey): void {
  const perf = st.field.perfusion;
  perf.fill(0);
  if (sc.tissue.kind !== 'tumour') return;
  const { width: W, height: H, site_um: site } = sc.lattice;
  for (const v of tumourVessels(sc, key)) {
    const sigma = Math.max(v.r_um, p.vessel_sigma_um);
    const reach = 4 * sigma;
    const x0 = Math.max(0, Math.floor((v.x_um - reach) / site)),
      x1 = Math.min(W, Math.ceil((v.x_um + reach) / site));
    const y0 = Math.max(0, Math.floor((v.y_um - reach) / site)),
      y1 = Math.min(H, Math.ceil((v.y_um + reach) / site));
    for (let y = y0; y < y1; y++)
      for (let x = x0; x < x1; x++) {
        const dx = (x + 0.5) * site - v.x_um,
          dy = (y + 0.5) * site - v.y_um;
        perf[y * W + x] += p.perfusion_rate * exp(-(dx * dx + dy * dy) / (2 * sigma * sigma));
      }
  }
}
