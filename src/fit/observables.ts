// Why this file exists: what a fit can compare with data, each observable's unit and meaning, and
// how a model value is read off the measures of a run (and of its untreated control). Runs that
// give no value (no travelling front, half the cells never dead, a failed run) give a finite
// number with a note, never NaN: a fit must see them as bad, not as missing.
import type { RunMeasures } from './measure';

export const OBSERVABLES = [
  'wave_speed_ratio',
  'wave_speed_um_per_min',
  'fraction_dead_at',
  'gsh_percent_at',
  't50_death_min',
  'ignition_sites',
  'first_ignition_min',
] as const;
export type Observable = (typeof OBSERVABLES)[number];

export interface ObservableInfo {
  unit: string;
  /** needs a time t_min (the value at that time) */
  timed: boolean;
  /** compares the treated run with the same scenario's untreated run (dose 0) */
  control: boolean;
  doc: string;
}

export const OBSERVABLE_INFO: Record<Observable, ObservableInfo> = {
  wave_speed_ratio: {
    unit: '1',
    timed: false,
    control: true,
    doc: 'front speed of the treated run / front speed of the untreated run of the same scenario (0 when the treated run has no travelling front, or when the control has none)',
  },
  wave_speed_um_per_min: { unit: 'um/min', timed: false, control: false, doc: 'front speed of the treated run (0 when no front travels)' },
  fraction_dead_at: {
    unit: '1',
    timed: true,
    control: false,
    doc: 'dead cells (membrane ruptured, as a SYTOX or PI stain sees them) / cells present, at t_min (linear between samples)',
  },
  gsh_percent_at: {
    unit: '%',
    timed: true,
    control: true,
    doc: 'mean GSH of the living cells at t_min, % of the same mean in the untreated run (0 when no cell lives)',
  },
  t50_death_min: {
    unit: 'min',
    timed: false,
    control: false,
    doc: "first time half of the cells that lived had committed to ferroptosis (the run's end when never: censored)",
  },
  ignition_sites: {
    unit: '1',
    timed: false,
    control: false,
    doc: "sites where a front started on its own in the run's lattice: a commitment with no earlier one within 100 um (in the 120 min before it) from which at least half of that neighbourhood commits within 120 min (src/analysis/ignition.ts; a pulse's first cell counts too, so use it without a pulse)",
  },
  first_ignition_min: {
    unit: 'min',
    timed: false,
    control: false,
    doc: "commitment time of the first ignition site (as ignition_sites finds them); the run's end when there is none (censored)",
  },
};

/** A model value: finite always; `note` says why it is not a plain measurement (no wave, censored, failed run). */
export interface ModelValue {
  value: number;
  note: string | null;
  /** a run behind it failed (the point counts as FAILED_RESIDUAL_SD standard deviations off) */
  failed: boolean;
}

/** A run that failed (threw, diverged, killed its worker) puts every point that needs it this many SDs off. */
export const FAILED_RESIDUAL_SD = 100;

/** A run's outcome as the fit sees it: its measures, or the error that stopped it. */
export type RunOutcome = { ok: true; m: RunMeasures } | { ok: false; error: string };

/**
 * The model value of one observable from the treated run (and its control), at time index `k` of
 * the runs' measured times (timed observables).
 */
export function modelValue(obs: Observable, treated: RunOutcome, control: RunOutcome | null, kTreated: number, kControl: number): ModelValue {
  if (!treated.ok) return { value: 0, note: `run failed: ${treated.error}`, failed: true };
  if (OBSERVABLE_INFO[obs].control && !control?.ok)
    return { value: 0, note: `control run failed: ${control && !control.ok ? control.error : 'missing'}`, failed: true };
  const m = treated.m;
  switch (obs) {
    case 'wave_speed_um_per_min':
      return { value: m.speed_um_per_min, note: frontNote(m), failed: false };
    case 'wave_speed_ratio': {
      const c = (control as { ok: true; m: RunMeasures }).m;
      if (!(c.speed_um_per_min > 0)) return { value: 0, note: `no travelling front in the control run (${c.pattern}): ratio taken as 0`, failed: false };
      return { value: m.speed_um_per_min / c.speed_um_per_min, note: frontNote(m), failed: false };
    }
    case 'fraction_dead_at':
      return { value: m.dead_fraction[kTreated], note: null, failed: false };
    case 'gsh_percent_at': {
      const c = (control as { ok: true; m: RunMeasures }).m;
      const g = m.gsh_uM[kTreated];
      const g0 = c.gsh_uM[kControl];
      if (g0 === null || !(g0 > 0)) return { value: 0, note: 'no living cells (or no GSH) in the control run at that time: taken as 0 %', failed: false };
      if (g === null) return { value: 0, note: 'no living cells at that time: taken as 0 %', failed: false };
      return { value: (100 * g) / g0, note: null, failed: false };
    }
    case 't50_death_min':
      if (m.t50_min === null)
        return { value: m.t_end_min, note: `half the cells never died: censored at the end of the run (${m.t_end_min} min)`, failed: false };
      return { value: m.t50_min, note: null, failed: false };
    case 'ignition_sites':
      return { value: m.ignition_sites, note: null, failed: false };
    case 'first_ignition_min':
      if (m.first_ignition_min === null)
        return { value: m.t_end_min, note: `no ignition site: censored at the end of the run (${m.t_end_min} min)`, failed: false };
      return { value: m.first_ignition_min, note: null, failed: false };
  }
}

function frontNote(m: RunMeasures): string | null {
  if (m.front === 'wave') return null;
  if (m.front === 'pulse-front') return 'pulse front, fitted until a spontaneously ignited front met it';
  return `no travelling front (${m.pattern}): speed taken as 0`;
}
