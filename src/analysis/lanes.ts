// Why this file exists: the erastin threshold of a parameter set, measured in one run. A dish cut
// into parallel lanes by cell-free gaps (tissue.gaps: vertical bands, so the lanes run along y),
// each lane primed with its own erastin dose and all pulsed at one end: the threshold is where the
// lanes start to carry the wave. This finds the lanes and their doses in the scenario, analyses
// each lane's front on its own (analyseWave within its columns) and brackets the threshold. Pure.
import type { SimState } from '../model/layout';
import { regionRuns } from '../model/region';
import type { ResolvedScenario } from '../model/scenario';
import { analyseWave, type Columns, pulseOrigin, type WaveResult } from './wave';

/** A lane: the columns [x0, x1) between two gaps (or a gap and the lattice edge) and its erastin dose. */
export interface ErastinLane extends Columns {
  /** the sum of the erastin treatments covering each of the lane's sites (the same for all), uM */
  erastin_uM: number;
}

export interface LaneOutcome {
  erastin_uM: number;
  /** the lane's columns as distances from the lattice's left edge, um */
  x_from_um: number;
  x_to_um: number;
  pattern: WaveResult['pattern'];
  /** front speed when the lane carries a travelling wave, um/min (else null) */
  speed_um_per_min: number | null;
  /** furthest committed cell of the lane beyond the pulse, um */
  reach_um: number;
  /** the lane's cells die beyond the pulse: a travelling wave or synchronous death */
  carries: boolean;
}

/** Where the threshold lies relative to the lanes' doses. */
export type ThresholdRange = 'in-range' | 'below-range' | 'above-range';

export interface Threshold {
  /**
   * the log midpoint between the highest dose that does not carry below the lowest lane that does,
   * and that lane's dose, uM; null when the threshold is outside the lanes' doses (see `range`)
   */
  threshold_uM: number | null;
  range: ThresholdRange;
  /** the lowest dose whose lane carries, uM (null: none carries) */
  lowest_carrying_uM: number | null;
  /** the highest dose below it whose lane does not carry, uM (null: the lowest lane carries) */
  highest_failing_uM: number | null;
  /** every lane above the lowest carrying one carries too */
  monotone: boolean;
}

export interface LanesResult extends Threshold {
  /** lanes in order of dose (ties: from left to right) */
  lanes: LaneOutcome[];
}

/** Columns [a, b) of a gap, with the rounding of the tissue placement (src/model/tissue.ts). */
function gapColumns(x_um: number, width_um: number, site: number, W: number): [number, number] {
  return [Math.max(0, Math.ceil(x_um / site - 0.5)), Math.min(W, Math.floor((x_um + width_um) / site - 0.5) + 1)];
}

/**
 * The lanes of a scenario: a monolayer cut by gaps into at least two bands of columns, each with one
 * erastin dose over all its sites, not all the same. Null for any other scenario (no gaps, a tumour,
 * one dose everywhere, a band whose sites get different doses).
 */
export function erastinLanes(sc: ResolvedScenario): ErastinLane[] | null {
  if (sc.tissue.kind !== 'monolayer' || sc.tissue.gaps.length === 0) return null;
  const { width: W, height: H, site_um: site } = sc.lattice;
  const cut = new Uint8Array(W);
  for (const g of sc.tissue.gaps) {
    const [a, b] = gapColumns(g.x_um, g.width_um, site, W);
    cut.fill(1, a, Math.max(a, b));
  }
  const bands: Columns[] = [];
  for (let x = 0; x < W; x++) {
    if (cut[x]) continue;
    const last = bands[bands.length - 1];
    if (last && last.x1 === x) last.x1 = x + 1;
    else bands.push({ x0: x, x1: x + 1 });
  }
  if (bands.length < 2) return null;
  const erastin = sc.treatments.filter((t) => t.agent === 'erastin');
  const lanes: ErastinLane[] = [];
  for (const band of bands) {
    // the dose of every site of the band, row by row; a band with two doses is no lane
    let dose: number | null = null;
    for (let y = 0; y < H; y++) {
      const row = new Float64Array(band.x1 - band.x0);
      for (const t of erastin)
        for (const [a, b] of regionRuns(t.region, y, W, site)) for (let x = Math.max(a, band.x0); x < Math.min(b, band.x1); x++) row[x - band.x0] += t.uM ?? 0;
      for (const d of row) {
        if (dose === null) dose = d;
        else if (d !== dose) return null;
      }
    }
    lanes.push({ ...band, erastin_uM: dose ?? 0 });
  }
  const first = lanes[0].erastin_uM;
  return lanes.some((l) => l.erastin_uM !== first) ? lanes : null;
}

/**
 * The threshold from the lanes' doses and whether each carries: the lowest carrying dose, bracketed
 * by the highest failing dose below it; the threshold is their log midpoint (the geometric mean).
 * Doses need not be sorted. Without a carrying lane the threshold is above the range; when the
 * lowest lane carries, below it (threshold_uM null in both cases).
 */
export function laneThreshold(doses_uM: readonly number[], carries: readonly boolean[]): Threshold {
  const order = doses_uM.map((_, i) => i).sort((a, b) => doses_uM[a] - doses_uM[b] || a - b);
  const k = order.findIndex((i) => carries[i]);
  if (k < 0) return { threshold_uM: null, range: 'above-range', lowest_carrying_uM: null, highest_failing_uM: null, monotone: true };
  const lowest = doses_uM[order[k]];
  const monotone = order.slice(k).every((i) => carries[i]);
  const below = order.slice(0, k).filter((i) => doses_uM[i] < lowest);
  if (below.length === 0) return { threshold_uM: null, range: 'below-range', lowest_carrying_uM: lowest, highest_failing_uM: null, monotone };
  const failing = doses_uM[below[below.length - 1]];
  // the geometric mean, without a logarithm: sqrt(a b) is exactly rounded on every host
  return { threshold_uM: Math.sqrt(failing * lowest), range: 'in-range', lowest_carrying_uM: lowest, highest_failing_uM: failing, monotone };
}

/** Each lane's front (from the scenario's first pulse) and the threshold; null when the scenario has no lanes or no pulse. */
export function analyseLanes(st: SimState, sc: ResolvedScenario): LanesResult | null {
  const lanes = erastinLanes(sc);
  const origin = pulseOrigin(sc);
  if (!lanes || !origin) return null;
  const site = sc.lattice.site_um;
  const outcomes: LaneOutcome[] = lanes.map((l) => {
    const w = analyseWave(st, site, origin, 200, l);
    return {
      erastin_uM: l.erastin_uM,
      x_from_um: l.x0 * site,
      x_to_um: l.x1 * site,
      pattern: w.pattern,
      speed_um_per_min: w.speed_um_per_min,
      reach_um: w.reach_um,
      carries: w.pattern === 'wave' || w.pattern === 'synchronous',
    };
  });
  outcomes.sort((a, b) => a.erastin_uM - b.erastin_uM || a.x_from_um - b.x_from_um);
  const th = laneThreshold(
    outcomes.map((o) => o.erastin_uM),
    outcomes.map((o) => o.carries),
  );
  return { ...th, lanes: outcomes };
}
