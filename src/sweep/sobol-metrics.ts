// Why this file exists: what a Sobol analysis of a sweep apportions, and how runs without a
// number are handled, said once. Two outputs: the wave speed (a strip pulsed at one end: 0 when no
// wave travels, which is a meaningful speed; synchronous death, where every cell dies without a
// front, counts as fast as the fastest wave of the sweep: beyond the wave's regime, not out of the
// analysis, since leaving those runs out would hide the parameters that cause them) and the
// erastin threshold (a dish cut into lanes of erastin doses, lanes.ts: on a log2 scale, a
// threshold outside the lanes' doses counted half a dose step beyond the end dose, a censored
// value). Failed runs are left out; sobol-table.ts counts them. Each output also has its regimes
// (a wave, none, synchronous death; a threshold within the lanes or beyond them): a parameter can
// matter by moving a dish across a regime's edge or within a regime, and sobol-table.ts measures both.
import type { Summary } from '../analysis/summary';
import { log2 } from '../model/math';

export interface SobolMetric {
  /** sobol.csv's metric column */
  id: string;
  label: string;
  unit: string;
  /** how a run's number is read, and what is left out (for reports) */
  how: string;
  /** whether a finished run belongs to this analysis (its scenario measures this) */
  applies(s: Summary): boolean;
  /** how to read a run's number (null: leave the run out), given every finished run that applies */
  reader(all: readonly Summary[]): (s: Summary) => number | null;
  /** the run's regime (e.g. wave, no wave, synchronous) */
  regime(s: Summary): string;
  /** the regime in which the number is a measurement, not a convention (e.g. wave) */
  measured: string;
}

/** log2 of the erastin threshold, censored half a dose step beyond the lanes' doses. */
export function log2Threshold(l: NonNullable<Summary['erastin_lanes']>): number | null {
  const doses = [...new Set(l.lanes.map((x) => x.erastin_uM))].filter((d) => d > 0).sort((a, b) => a - b);
  if (l.range === 'in-range') return l.threshold_uM !== null && l.threshold_uM > 0 ? log2(l.threshold_uM) : null;
  if (doses.length < 2) return null;
  if (l.range === 'below-range') return log2(doses[0]) - (log2(doses[1]) - log2(doses[0])) / 2;
  const n = doses.length;
  return log2(doses[n - 1]) + (log2(doses[n - 1]) - log2(doses[n - 2])) / 2;
}

export const SOBOL_METRICS: readonly SobolMetric[] = [
  {
    id: 'wave_speed',
    label: 'wave speed',
    unit: 'um/min',
    how: 'the front speed of the run; 0 when no wave travels (no cell, or only cells near the pulse, died); synchronous death (every cell dies without a front: beyond the wave regime) counts as fast as the fastest wave of the sweep; failed runs are left out',
    applies: (s) => s.erastin_lanes === undefined,
    reader: (all) => {
      let fastest = 0;
      for (const s of all) if (s.wave.pattern === 'wave' && s.wave.speed_um_per_min !== null) fastest = Math.max(fastest, s.wave.speed_um_per_min);
      return (s) => (s.wave.pattern === 'wave' ? s.wave.speed_um_per_min : s.wave.pattern === 'synchronous' ? fastest : 0);
    },
    regime: (s) => (s.wave.pattern === 'wave' ? 'wave' : s.wave.pattern === 'synchronous' ? 'synchronous' : 'no wave'),
    measured: 'wave',
  },
  {
    id: 'erastin_threshold',
    label: 'erastin threshold',
    unit: 'log2 uM',
    how: 'log2 of the log midpoint between the highest erastin dose whose lane carries no wave and the lowest that does; a threshold below or above the lanes counts half a dose step beyond the end dose (censored); failed runs are left out',
    applies: (s) => s.erastin_lanes !== undefined,
    reader: () => (s) => (s.erastin_lanes ? log2Threshold(s.erastin_lanes) : null),
    regime: (s) => s.erastin_lanes?.range ?? 'no lanes',
    measured: 'in-range',
  },
];
