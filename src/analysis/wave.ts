// Why this file exists: turns the map of commitment times into what a biologist measures: is
// there a travelling death front, where is it, how fast does it move, and is it linear in time
// (a trigger wave) or slowing like sqrt(t) (diffusion of the trigger alone).
import { isPulseAgent } from '../model/agents';
import type { SimState } from '../model/layout';
import { distanceBeyond } from '../model/region';
import type { Region, ResolvedScenario } from '../model/scenario';

/** Where a wave starts: the region of the first pulse (or, without one, the first committed cell). */
export type Origin = Region;

/** The scenario's first pulse region (light pulse or H2O2), or null. */
export function pulseOrigin(sc: ResolvedScenario): Origin | null {
  const first = [...sc.treatments].filter((t) => isPulseAgent(t.agent)).sort((a, b) => a.start_min - b.start_min)[0];
  if (!first) return null;
  const { width, height, site_um } = sc.lattice;
  return first.region ?? { rect: { x_um: 0, y_um: 0, width_um: width * site_um, height_um: height * site_um } };
}

/** Without a pulse: the earliest committed cell (lowest index on ties), as a one-site disc. */
export function firstCommitOrigin(st: SimState, site_um: number): Origin | null {
  const rows = new Float64Array(st.height * FRONT_SLOTS);
  frontOfRows(st, 0, st.height, site_um, null, rows, FRONT_SLOTS, 0);
  return commitOrigin(st.width, site_um, firstCommitOfRows(st.height, rows, FRONT_SLOTS, 0));
}

/** The one-site disc of site `site` (a lattice `width` sites wide), or null for -1 (no committed cell). */
export function commitOrigin(width: number, site_um: number, site: number): Origin | null {
  if (site < 0) return null;
  const x = site % width;
  const y = (site - x) / width;
  return { disc: { x_um: (x + 0.5) * site_um, y_um: (y + 0.5) * site_um, r_um: site_um / 2 } };
}

/**
 * Doubles per row of frontOfRows: the furthest distance beyond the origin of a committed cell of
 * the row (-Infinity: none, or no origin), the row's earliest commitment time and its site (-1: none).
 */
export const FRONT_SLOTS = 3;

/**
 * The per-row parts of frontPosition (with `origin`; none without) and of firstCommitOrigin, for
 * rows [y0, y1): row y's FRONT_SLOTS doubles at out[off + (y - y0) * stride]. A maximum and a
 * minimum: the rows' parts combine to the whole lattice's to the bit, whoever computed which rows
 * (a worker its chunks of rows: Engine.sampleRows).
 */
export function frontOfRows(
  st: SimState,
  y0: number,
  y1: number,
  site_um: number,
  origin: Origin | null,
  out: Float64Array,
  stride: number,
  off: number,
): void {
  const W = st.width;
  const t = st.cell.t_dying;
  for (let y = y0; y < y1; y++) {
    const o = off + (y - y0) * stride;
    const i0 = y * W;
    let best = Number.NEGATIVE_INFINITY;
    let first = -1;
    for (let x = 0; x < W; x++) {
      const tc = t[i0 + x];
      if (!Number.isFinite(tc)) continue;
      if (first < 0 || tc < t[first]) first = i0 + x;
      if (!origin) continue;
      const d = distanceBeyond(origin, (x + 0.5) * site_um, (y + 0.5) * site_um);
      if (d > best) best = d;
    }
    out[o] = best;
    out[o + 1] = first < 0 ? Number.NaN : t[first];
    out[o + 2] = first;
  }
}

/** frontPosition from the rows' parts (frontOfRows; row y at off + y * stride). */
export function frontOfRowParts(height: number, rows: Float64Array, stride: number, off: number): number | null {
  let best = Number.NEGATIVE_INFINITY;
  for (let y = 0; y < height; y++) if (rows[off + y * stride] > best) best = rows[off + y * stride];
  return Number.isFinite(best) ? Math.max(0, best) : null;
}

/** The earliest committed site (lowest index on ties) from the rows' parts (frontOfRows), or -1. */
export function firstCommitOfRows(height: number, rows: Float64Array, stride: number, off: number): number {
  let best = -1;
  let bestT = Number.NaN;
  for (let y = 0; y < height; y++) {
    const o = off + y * stride;
    if (rows[o + 2] >= 0 && (best < 0 || rows[o + 1] < bestT)) {
      best = rows[o + 2];
      bestT = rows[o + 1];
    }
  }
  return best;
}

/**
 * Where a run's wave is measured from, for the CLI (timeseries.csv front_um, summary.json) and the
 * sandbox alike: the first pulse's region, else the earliest committed cell (null before any).
 */
export function waveOrigin(sc: ResolvedScenario, st: SimState): Origin | null {
  return pulseOrigin(sc) ?? firstCommitOrigin(st, sc.lattice.site_um);
}

export interface WaveResult {
  /** a front that moves outward, linear in time (R^2 >= 0.9) */
  detected: boolean;
  /**
   * wave: an ordered travelling front; synchronous: cells far from the origin die too, but death
   * time does not grow with distance (every cell crossed its own threshold); local: deaths stay
   * near the origin; none: no cell committed
   */
  pattern: 'wave' | 'synchronous' | 'local' | 'none';
  speed_um_per_min: number | null;
  /** speed fitted over the first and second half of the front's travel */
  speed_early: number | null;
  speed_late: number | null;
  /** R^2 of the linear fit of front distance vs time */
  r2: number | null;
  /** furthest committed cell beyond the origin's edge, um */
  reach_um: number;
  origin: Origin;
}

/** Half-open column range [x0, x1) that an analysis is restricted to (a lane of the dish). */
export interface Columns {
  x0: number;
  x1: number;
}

/**
 * The points behind the front fit: committed cells binned by distance beyond the origin (one site
 * per bin, beyond the first site), the median commit time of each bin with >= 3 cells, as
 * [t_min, distance_um]; and the furthest committed cell (reach_um). `within`: only these columns.
 */
export function frontPoints(st: SimState, site_um: number, origin: Origin, within?: Columns): { points: Array<[number, number]>; reach_um: number } {
  const { width: W, height: H } = st;
  const t = st.cell.t_dying;
  const bins: number[][] = [];
  let reach = 0;
  const x0 = within ? within.x0 : 0;
  const x1 = within ? within.x1 : W;
  for (let y = 0; y < H; y++) {
    for (let x = x0; x < x1; x++) {
      const tc = t[y * W + x];
      if (!Number.isFinite(tc)) continue;
      const beyond = distanceBeyond(origin, (x + 0.5) * site_um, (y + 0.5) * site_um);
      if (beyond > reach) reach = beyond;
      if (beyond <= site_um) continue;
      const b = Math.floor(beyond / site_um);
      if (!bins[b]) bins[b] = [];
      bins[b].push(tc);
    }
  }
  const points: Array<[number, number]> = [];
  bins.forEach((ts, b) => {
    if (!ts || ts.length < 3) return;
    ts.sort((a, c) => a - c);
    points.push([ts[ts.length >> 1], (b + 0.5) * site_um]);
  });
  return { points, reach_um: reach };
}

/**
 * Bin committed cells by distance from the origin (one site per bin), take the median commit
 * time per bin, and fit distance = d0 + v t over bins beyond the origin (robust to stragglers).
 * A wave is detected when cells keep committing more than `minTravel_um` beyond the origin and
 * their commitment time grows linearly with distance (positive speed, R^2 >= 0.9). `within`: only
 * the cells of these columns (one lane of a dish cut into lanes by gaps).
 */
export function analyseWave(st: SimState, site_um: number, origin: Origin, minTravel_um = 200, within?: Columns): WaveResult {
  const t = st.cell.t_dying;
  const { points: pts, reach_um: reach } = frontPoints(st, site_um, origin, within);
  let any = false;
  if (within) for (let y = 0; y < st.height && !any; y++) for (let x = within.x0; x < within.x1 && !any; x++) any = Number.isFinite(t[y * st.width + x]);
  else for (let i = 0; i < st.n && !any; i++) any = Number.isFinite(t[i]);
  const far = reach >= minTravel_um && pts.length >= 5;
  if (!far)
    return { detected: false, pattern: any ? 'local' : 'none', speed_um_per_min: null, speed_early: null, speed_late: null, r2: null, reach_um: reach, origin };
  const fit = linfit(pts);
  const half = pts.length >> 1;
  const ordered = fit.slope > 0 && fit.r2 >= 0.9;
  if (!ordered)
    return { detected: false, pattern: 'synchronous', speed_um_per_min: null, speed_early: null, speed_late: null, r2: fit.r2, reach_um: reach, origin };
  return {
    detected: true,
    pattern: 'wave',
    speed_um_per_min: fit.slope,
    speed_early: linfit(pts.slice(0, half)).slope,
    speed_late: linfit(pts.slice(half)).slope,
    r2: fit.r2,
    reach_um: reach,
    origin,
  };
}

export function linfit(pts: ReadonlyArray<[number, number]>): { slope: number; intercept: number; r2: number } {
  const n = pts.length;
  let sx = 0,
    sy = 0,
    sxx = 0,
    sxy = 0,
    syy = 0;
  for (const [x, y] of pts) {
    sx += x;
    sy += y;
    sxx += x * x;
    sxy += x * y;
    syy += y * y;
  }
  const vx = sxx - (sx * sx) / n;
  const vy = syy - (sy * sy) / n;
  const cxy = sxy - (sx * sy) / n;
  const slope = vx > 0 ? cxy / vx : Number.NaN;
  return { slope, intercept: (sy - slope * sx) / n, r2: vx > 0 && vy > 0 ? (cxy * cxy) / (vx * vy) : Number.NaN };
}

/**
 * The front now: the furthest distance beyond the origin reached by cells that committed to
 * ferroptosis (a commitment time: dying, dead, or dead and cleared from a tumour), um; null before
 * any. Hypoxic (necrotic) deaths and vessels are not part of the wave, so a tumour's front starts
 * at nothing, not at its nearest vessel.
 */
export function frontPosition(st: SimState, site_um: number, origin: Origin): number | null {
  const rows = new Float64Array(st.height * FRONT_SLOTS);
  frontOfRows(st, 0, st.height, site_um, origin, rows, FRONT_SLOTS, 0);
  return frontOfRowParts(st.height, rows, FRONT_SLOTS, 0);
}
