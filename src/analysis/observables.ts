// Why this file exists: what a run reports while it goes: counts of cells by fate and means of
// the main per-cell variables over living cells, declared as (column, variable, aggregator) so
// the time series is data, not code (after Mesa/Agents.jl data collection).
import { ALIVE, DEAD, DYING, H_BIRTHS, H_COMMITTED, H_NECROSES, NECROTIC, STATUS_NAMES, type CellVar, type SimState } from '../model/layout';

/** Oxygen below which a living cell counts as hypoxic, uM (~0.5% O2). */
export const HYPOXIC_O2_UM = 5;

/** Means over living (alive + dying) cells, in the variable's unit. */
export const MEAN_VARS: readonly CellVar[] = ['ros', 'lpo', 'gsh', 'gpx4', 'cys', 'fe', 'ca', 'zn', 'coq', 'bh4', 'vol'];

export interface Sample {
  t_min: number;
  alive: number;
  dying: number;
  dead: number;
  /** died of hypoxia (tumours) */
  necrotic: number;
  /** living cells with oxygen below HYPOXIC_O2_UM */
  hypoxic: number;
  /** running totals since t = 0: ferroptotic commitments, hypoxic deaths, divisions */
  committed_total: number;
  necrotic_total: number;
  births_total: number;
  /** means over living cells; `o2` is the field at their sites, uM */
  means: Record<string, number>;
  front_um: number | null;
}

/** 1 for the statuses of a living cell (alive, dying), by status code */
const LIVING = new Uint8Array(STATUS_NAMES.length);
LIVING[ALIVE] = 1;
LIVING[DYING] = 1;

export function countsAndMeans(st: SimState): Omit<Sample, 't_min' | 'front_um'> {
  const { status, n } = st;
  let hypoxic = 0,
    o2sum = 0;
  // sites by status, and whether a status is a living cell, by table: no branch that the first
  // samples (before any cell dies) never take, which V8 would have to recompile the loop for later
  const byStatus = new Int32Array(STATUS_NAMES.length);
  const sums = new Float64Array(MEAN_VARS.length);
  const arrays = MEAN_VARS.map((v) => st.cell[v]);
  const o2 = st.field.o2;
  for (let i = 0; i < n; i++) {
    const s = status[i];
    byStatus[s]++;
    if (LIVING[s] === 0) continue;
    for (let k = 0; k < arrays.length; k++) sums[k] += arrays[k][i];
    o2sum += o2[i];
    if (o2[i] < HYPOXIC_O2_UM) hypoxic++;
  }
  const alive = byStatus[ALIVE],
    dying = byStatus[DYING],
    dead = byStatus[DEAD],
    necrotic = byStatus[NECROTIC];
  const living = alive + dying;
  const means: Record<string, number> = {};
  MEAN_VARS.forEach((v, k) => {
    means[v] = living > 0 ? sums[k] / living : Number.NaN;
  });
  means.o2 = living > 0 ? o2sum / living : Number.NaN;
  return {
    alive,
    dying,
    dead,
    necrotic,
    hypoxic,
    committed_total: st.header[H_COMMITTED],
    necrotic_total: st.header[H_NECROSES],
    births_total: st.header[H_BIRTHS],
    means,
  };
}
