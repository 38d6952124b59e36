// Why this file exists: the numbers the checks read off a finished run that the summary does not
// expose: the (commit time, distance) points behind the front fit (all of them, or the pulse's own
// front up to where a spontaneously ignited one meets it), a committed-fraction profile against
// distance, when a trajectory crosses a level or starts to rise, quantiles, and formatting.
import type { Sample } from '../analysis/observables';
import { frontPoints as binnedFront, linfit, type Origin } from '../analysis/wave';
import { distanceBeyond } from '../model/region';
import { DYING, EMPTY, type SimState } from '../model/layout';

/** The pulse's own front (moved to src/analysis, shared with fits). */
export { pulseFront } from '../analysis/front-speed';

/** The points the front fit uses (frontPoints of src/analysis/wave.ts), with their linear fit. */
export function frontPoints(
  st: SimState,
  site_um: number,
  origin: Origin,
): { points: Array<[number, number]>; fit: { slope: number; intercept: number; r2: number } | null } {
  const { points } = binnedFront(st, site_um, origin);
  return { points, fit: points.length >= 2 ? linfit(points) : null };
}

/** Fraction of occupied sites that are dying or dead, per distance bin beyond the origin (one site wide). */
export function committedProfile(st: SimState, site_um: number, origin: Origin, maxDistance_um: number): Array<[number, number]> {
  const nb = Math.ceil(maxDistance_um / site_um);
  const n = new Float64Array(nb);
  const c = new Float64Array(nb);
  for (let y = 0; y < st.height; y++) {
    for (let x = 0; x < st.width; x++) {
      const i = y * st.width + x;
      if (st.status[i] === EMPTY) continue;
      const d = Math.max(0, distanceBeyond(origin, (x + 0.5) * site_um, (y + 0.5) * site_um));
      const b = Math.floor(d / site_um);
      if (b >= nb) continue;
      n[b]++;
      if (st.status[i] >= DYING) c[b]++;
    }
  }
  const out: Array<[number, number]> = [];
  for (let b = 0; b < nb; b++) if (n[b] > 0) out.push([(b + 0.5) * site_um, c[b] / n[b]]);
  return out;
}

/** Fraction of occupied sites with x in [x0_um, x1_um) that are dying or dead. */
export function committedFractionIn(st: SimState, site_um: number, x0_um: number, x1_um: number): { fraction: number; cells: number } {
  let n = 0,
    c = 0;
  for (let y = 0; y < st.height; y++) {
    for (let x = 0; x < st.width; x++) {
      const xc = (x + 0.5) * site_um;
      const i = y * st.width + x;
      if (xc < x0_um || xc >= x1_um || st.status[i] === EMPTY) continue;
      n++;
      if (st.status[i] >= DYING) c++;
    }
  }
  return { fraction: n ? c / n : Number.NaN, cells: n };
}

/** Rescale to [0, 1] by the series' own min and max. */
export function normalise(v: readonly number[]): number[] {
  const lo = Math.min(...v);
  const hi = Math.max(...v);
  return v.map((x) => (hi > lo ? (x - lo) / (hi - lo) : 0));
}

/** First time (linear interpolation between samples) at which v reaches `level`, or NaN. */
export function firstCrossing(t: readonly number[], v: readonly number[], level: number): number {
  for (let k = 0; k < v.length; k++) {
    if (v[k] >= level) {
      if (k === 0) return t[0];
      return t[k - 1] + ((level - v[k - 1]) / (v[k] - v[k - 1])) * (t[k] - t[k - 1]);
    }
  }
  return Number.NaN;
}

/**
 * When a trajectory starts to rise above its baseline: the baseline is the value at the first
 * sample at or after tBase, the rise is the largest value up to tEnd minus the baseline, and the
 * result is the first time after tBase (interpolated) at which the value exceeds the baseline by
 * `fraction` of the rise (NaN if it never rises).
 */
export function riseTime(
  t: readonly number[],
  v: readonly number[],
  tBase: number,
  tEnd: number,
  fraction: number,
): { baseline: number; peak: number; time: number } {
  const k0 = t.findIndex((x) => x >= tBase - 1e-9);
  if (k0 < 0) return { baseline: Number.NaN, peak: Number.NaN, time: Number.NaN };
  const baseline = v[k0];
  let peak = baseline;
  for (let k = k0; k < v.length && t[k] <= tEnd + 1e-9; k++) if (v[k] > peak) peak = v[k];
  if (!(peak > baseline)) return { baseline, peak, time: Number.NaN };
  const level = baseline + fraction * (peak - baseline);
  const time = firstCrossing(t.slice(k0), v.slice(k0), level);
  return { baseline, peak, time };
}

/** The q-quantile (0-1, nearest rank) of the finite values, or NaN. */
export function quantile(values: ArrayLike<number>, q: number): number {
  const v = Array.from(values)
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
  return v.length ? v[Math.min(v.length - 1, Math.max(0, Math.round(q * (v.length - 1))))] : Number.NaN;
}

/** The sample at (or just after) time t. */
export function sampleAt(samples: readonly Sample[], t_min: number): Sample {
  return samples.find((s) => s.t_min >= t_min - 1e-9) ?? samples[samples.length - 1];
}

/** Dose (log-interpolated) at which a decreasing response first falls to `level`, or NaN. */
export function doseAtLevel(doses: readonly number[], response: readonly number[], level: number): number {
  for (let k = 1; k < doses.length; k++) {
    if (response[k - 1] > level && response[k] <= level) {
      const f = (response[k - 1] - level) / (response[k - 1] - response[k]);
      return 10 ** (Math.log10(doses[k - 1]) + f * (Math.log10(doses[k]) - Math.log10(doses[k - 1])));
    }
  }
  return response[0] <= level ? doses[0] : Number.NaN;
}

/** A number with `d` decimals, or "–" when not finite. */
export const fx = (v: number | null | undefined, d = 2) => (v === null || v === undefined || !Number.isFinite(v) ? '–' : v.toFixed(d));
