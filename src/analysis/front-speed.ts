// Why this file exists: the speed a modeller compares with a measured wave speed, shared by the
// validation checks and by fits: the travelling front's fitted speed when there is a wave, or else
// the front launched by the pulse alone, fitted up to where a spontaneously ignited front meets
// it (a primed dish may ignite on its own far from the pulse), or 0 when no front travelled. Also
// the front as the sandbox shows it during a run, from the same functions as the CLI's files.
import type { SimState } from '../model/layout';
import type { ResolvedScenario } from '../model/scenario';
import { analyseWave, frontPoints, frontPosition, linfit, type Origin, type WaveResult, waveOrigin } from './wave';

/** A linear fit of front distance (um) against commit time (min). */
export interface FrontFit {
  slope: number;
  intercept: number;
  r2: number;
}

/**
 * The front launched by the pulse alone: the front-fit points (frontPoints) from the origin
 * outward, cut where commitment comes more than `tol_min` earlier than the latest so far (there a
 * front from a spontaneous ignition further out meets the pulse front), with their linear fit.
 * `met_um` is the distance of the last point kept when the series was cut, else null.
 */
export function pulseFront(
  st: SimState,
  site_um: number,
  origin: Origin,
  tol_min = 30,
): { points: Array<[number, number]>; fit: FrontFit | null; met_um: number | null } {
  const all = frontPoints(st, site_um, origin).points;
  const kept: Array<[number, number]> = [];
  let latest = Number.NEGATIVE_INFINITY;
  let cut = false;
  for (const p of all) {
    if (p[0] < latest - tol_min) {
      cut = true;
      break;
    }
    latest = Math.max(latest, p[0]);
    kept.push(p);
  }
  // end at the latest commitment (the meeting point), not on the far side of it
  let last = kept.length - 1;
  if (cut) while (last > 0 && kept[last][0] < latest) last--;
  const points = kept.slice(0, last + 1);
  return { points, fit: points.length >= 2 ? linfit(points) : null, met_um: cut ? points[points.length - 1][1] : null };
}

/** The speed of a run's front: `v` in um/min (0 = no travelling front) and how it was measured. */
export interface MeasuredFront {
  v: number;
  /** wave: the whole front (analyseWave); pulse-front: the pulse's own front until another met it; none: v = 0 */
  kind: 'wave' | 'pulse-front' | 'none';
  wave: WaveResult;
  /** the pulse front's fit, when that is what was measured */
  fit: FrontFit | null;
  /** where the pulse front met a spontaneously ignited one (um beyond the pulse edge), when that is what was measured */
  met_um: number | null;
}

/**
 * The wave's speed, or else the pulse front's before a spontaneously ignited front meets it (at
 * least 20 bins, 1000 um and R^2 0.99: a front, not a few early deaths), or 0 (no wave).
 */
export function measureFront(st: SimState, site_um: number, origin: Origin): MeasuredFront {
  const wave = analyseWave(st, site_um, origin);
  if (wave.detected) return { v: wave.speed_um_per_min!, kind: 'wave', wave, fit: null, met_um: null };
  const pf = pulseFront(st, site_um, wave.origin);
  if (pf.met_um !== null && pf.fit && pf.points.length >= 20 && pf.met_um >= 1000 && pf.fit.slope > 0 && pf.fit.r2 >= 0.99)
    return { v: pf.fit.slope, kind: 'pulse-front', wave, fit: pf.fit, met_um: pf.met_um };
  return { v: 0, kind: 'none', wave, fit: null, met_um: null };
}

/** The front of a run as the sandbox shows it while the run goes on (frontNow). */
export interface FrontNow {
  /** where it is measured from (waveOrigin), null before any pulse or commitment */
  origin: Origin | null;
  /** frontPosition: as timeseries.csv front_um */
  front_um: number | null;
  /** analyseWave of the run so far: as summary.json `wave` when the run ends here */
  wave: WaveResult | null;
  /** the front's speed over the last `window_min`: the same front points, those of cells that committed within the window (>= 4) */
  recent: FrontFit | null;
}

/**
 * The front now, by the CLI's own code: its position (the timeseries' front_um), the wave analysis
 * of the run so far (summary.json's `wave`, for a run that ended now) and its speed over the last
 * `window_min` of commitments. The sandbox's readout is this, so the page and the CLI agree.
 */
export function frontNow(st: SimState, sc: ResolvedScenario, now_min: number, window_min = 60): FrontNow {
  const site = sc.lattice.site_um;
  const origin = waveOrigin(sc, st);
  if (!origin) return { origin, front_um: null, wave: null, recent: null };
  const recentPts = frontPoints(st, site, origin).points.filter((p) => p[0] >= now_min - window_min);
  const recent = recentPts.length >= 4 ? linfit(recentPts) : null;
  return {
    origin,
    front_um: frontPosition(st, site, origin),
    wave: analyseWave(st, site, origin),
    recent: recent && Number.isFinite(recent.slope) ? recent : null,
  };
}
