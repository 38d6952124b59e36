// Why this file exists: the summary metrics a sweep tabulates, one runs.csv column each (units in
// the names), read from a run's summary.json; and the check that a finished run did not diverge
// (a NaN or infinity where a number must be), which makes it a failed run instead of a result: a
// backstop behind the scan of the state at every sample (analysis/state-scan.ts), which names the cell.
import type { Sample } from '../analysis/observables';
import type { Summary } from '../analysis/summary';

export type MetricValue = number | string | boolean | null;

export interface Metric {
  name: string;
  doc: string;
  get(s: Summary): MetricValue;
  /** numeric (plotted) or categorical */
  numeric: boolean;
}

const wave = (s: Summary) => s.wave as Partial<Extract<Summary['wave'], { origin: unknown }>>;

export const METRICS: readonly Metric[] = [
  { name: 'wave_detected', doc: 'a linear travelling front was found (true/false)', get: (s) => s.wave.detected, numeric: true },
  { name: 'wave_pattern', doc: 'wave, synchronous, local or none', get: (s) => s.wave.pattern, numeric: false },
  { name: 'wave_speed_um_per_min', doc: 'front speed (empty without a wave)', get: (s) => s.wave.speed_um_per_min, numeric: true },
  { name: 'wave_speed_early_um_per_min', doc: 'speed over the first half of the travel', get: (s) => wave(s).speed_early ?? null, numeric: true },
  { name: 'wave_speed_late_um_per_min', doc: 'speed over the second half of the travel', get: (s) => wave(s).speed_late ?? null, numeric: true },
  { name: 'wave_r2', doc: 'R^2 of the linear fit of front distance vs time', get: (s) => wave(s).r2 ?? null, numeric: true },
  { name: 'wave_reach_um', doc: 'furthest committed cell beyond the origin', get: (s) => wave(s).reach_um ?? null, numeric: true },
  { name: 'death_fraction_final', doc: 'ferroptotic commitments / cells that ever lived', get: (s) => s.death.fraction_final, numeric: true },
  { name: 'dead_fraction_now', doc: 'cells dead at the end / cells alive at t = 0', get: (s) => s.death.dead_fraction_now, numeric: true },
  { name: 'death_t50_min', doc: 'time half of the cells had committed (empty if never)', get: (s) => s.death.t50_min, numeric: true },
  { name: 'committed_total', doc: 'ferroptotic commitments since t = 0', get: (s) => s.death.committed_total, numeric: true },
  { name: 'necrotic_total', doc: 'hypoxic deaths since t = 0', get: (s) => s.death.necrotic_total, numeric: true },
  { name: 'births_total', doc: 'divisions since t = 0', get: (s) => s.death.births_total, numeric: true },
  { name: 'alive_final', doc: 'living cells at the end', get: (s) => s.counts_final.alive, numeric: true },
  { name: 'dying_final', doc: 'committed, not yet ruptured cells at the end', get: (s) => s.counts_final.dying, numeric: true },
  { name: 'dead_final', doc: 'dead cells at the end', get: (s) => s.counts_final.dead, numeric: true },
  { name: 't_end_min', doc: 'simulated time at the end', get: (s) => s.t_end_min, numeric: true },
  {
    name: 'erastin_threshold_uM',
    doc: 'dishes cut into lanes of erastin doses: the log midpoint between the highest dose without a wave and the lowest with one (empty outside the doses or without lanes)',
    get: (s) => s.erastin_lanes?.threshold_uM ?? null,
    numeric: true,
  },
  {
    name: 'erastin_threshold_range',
    doc: 'in-range, below-range (the lowest dose carries a wave) or above-range (no dose does); empty without lanes',
    get: (s) => s.erastin_lanes?.range ?? null,
    numeric: false,
  },
  {
    name: 'erastin_lowest_wave_uM',
    doc: 'the lowest erastin dose whose lane carries a wave',
    get: (s) => s.erastin_lanes?.lowest_carrying_uM ?? null,
    numeric: true,
  },
  {
    name: 'erastin_highest_no_wave_uM',
    doc: 'the highest erastin dose below it whose lane does not',
    get: (s) => s.erastin_lanes?.highest_failing_uM ?? null,
    numeric: true,
  },
  { name: 'erastin_lanes_monotone', doc: 'every lane above the lowest carrying one carries too', get: (s) => s.erastin_lanes?.monotone ?? null, numeric: true },
];

export const METRIC_NAMES: readonly string[] = METRICS.map((m) => m.name);

/** Summary keys that are provenance or structure, not metrics (checked by a test against Summary). */
export const NOT_METRICS = ['scenario', 'seed', 'ferrowave_version', 'wave.origin', 'erastin_lanes.lanes'] as const;

export function metricValues(s: Summary, names: readonly string[]): MetricValue[] {
  return names.map((n) => {
    const m = METRICS.find((x) => x.name === n);
    if (!m) throw new Error(`unknown metric ${n}`);
    return m.get(s);
  });
}

/**
 * Why a run counts as diverged, or null: a mean over living cells that is not finite or is
 * negative (every per-cell quantity is a concentration, an amount or a fraction) while cells live,
 * or a summary number that is not finite (null means "not measured" and is fine).
 */
export function divergence(samples: readonly Sample[], summary: Summary): string | null {
  for (const s of samples) {
    if (s.alive + s.dying === 0) continue;
    const means = s.means;
    for (const k in means) {
      if (!Number.isFinite(means[k])) return `diverged: mean ${k} is ${means[k]} at t = ${s.t_min} min`;
      if (means[k] < 0) return `diverged: mean ${k} is negative (${means[k].toPrecision(3)}) at t = ${s.t_min} min`;
    }
  }
  for (const m of METRICS) {
    const v = m.get(summary);
    if (typeof v === 'number' && !Number.isFinite(v)) return `diverged: ${m.name} is ${v}`;
  }
  return null;
}
