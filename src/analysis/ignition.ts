// Why this file exists: where waves start on their own. A primed dish without a pulse ignites
// from scattered sites (Co et al., Nature 631:654 (2024), Extended Data Fig. 2); this finds those
// sites in the map of commitment times, so checks, summaries and users count them the same way.
import { ALIVE, DEAD, DYING, type SimState } from '../model/layout';

export interface IgnitionSite {
  x_um: number;
  y_um: number;
  /** commitment time of the site's first cell, min */
  t_min: number;
}

export interface IgnitionOptions {
  /** neighbourhood radius, um: no cell within it committed earlier, and the front must fill it */
  radius_um?: number;
  /** the share of the neighbourhood's cells that must commit within window_min after the site */
  share?: number;
  /** min */
  window_min?: number;
}

/**
 * The sources of fronts: committed cells with no earlier commitment within radius_um in the
 * window_min before them (ties go to the lower index) whose neighbourhood then commits, share of it within window_min. A cell that
 * dies alone (its neighbours commit much later, from another front, or never) is not a source.
 */
export function ignitionSites(st: SimState, site_um: number, o: IgnitionOptions = {}): IgnitionSite[] {
  const radius = o.radius_um ?? 100;
  const share = o.share ?? 0.5;
  const window = o.window_min ?? 120;
  const { width: W, height: H } = st;
  const t = st.cell.t_dying;
  const r = Math.floor(radius / site_um);
  const r2 = (radius / site_um) * (radius / site_um);
  const sites: IgnitionSite[] = [];
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const i = y * W + x;
      const ti = t[i];
      if (!Number.isFinite(ti)) continue;
      let earlier = false;
      let n = 0;
      let soon = 0;
      for (let dy = -r; dy <= r && !earlier; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= H) continue;
        for (let dx = -r; dx <= r; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= W || (dx === 0 && dy === 0) || dx * dx + dy * dy > r2) continue;
          const j = yy * W + xx;
          const tj = t[j];
          // an earlier commitment nearby makes this cell part of that front, unless it is older than the
          // window (a cell that died alone long before)
          if ((tj < ti && tj >= ti - window) || (tj === ti && j < i)) {
            earlier = true;
            break;
          }
          const sj = st.status[j];
          if (sj !== ALIVE && sj !== DYING && sj !== DEAD) continue; // no cell that could die of ferroptosis
          n++;
          if (tj <= ti + window) soon++;
        }
      }
      if (!earlier && n > 0 && soon >= share * n) sites.push({ x_um: (x + 0.5) * site_um, y_um: (y + 0.5) * site_um, t_min: ti });
    }
  }
  return sites.sort((a, b) => a.t_min - b.t_min);
}

/**
 * Cells that committed on their own: no neighbour (of the 8 around) committed before them. In a
 * confluent dish the first cell of each wave; in a sparse one every cell that dies without a
 * neighbour to pass it on. Returns their number.
 */
export function autonomousCommitments(st: SimState): number {
  const { width: W, height: H } = st;
  const t = st.cell.t_dying;
  let n = 0;
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const ti = t[y * W + x];
      if (!Number.isFinite(ti)) continue;
      let earlier = false;
      for (let dy = -1; dy <= 1 && !earlier; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= H) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= W || (dx === 0 && dy === 0)) continue;
          if (t[yy * W + xx] < ti) {
            earlier = true;
            break;
          }
        }
      }
      if (!earlier) n++;
    }
  }
  return n;
}
