// Why this file exists: what a run reports while it goes: counts of cells by fate and means of
// the main per-cell variables over living cells, declared as (column, variable, aggregator) so
// the time series is data, not code (after Mesa/Agents.jl data collection).
import { ALIVE, DEAD, DYING, type CellVar, type SimState } from '../model/layout';

/** Means over living (alive + dying) cells, in the variable's unit. */
export const MEAN_VARS: readonly CellVar[] = ['ros', 'lpo', 'gsh', 'gpx4', 'cys', 'fe', 'ca', 'zn', 'coq', 'bh4', 'vol'];

export interface Sample {
  t_min: number;
  alive: number;
  dying: number;
  dead: number;
  means: Record<string, number>;
  front_um: number | null;
}

export function countsAndMeans(st: SimState): Omit<Sample, 't_min' | 'front_um'> {
  const { status, n } = st;
  let alive = 0, dying = 0, dead = 0;
  const sums = new Float64Array(MEAN_VARS.length);
  const arrays = MEAN_VARS.map((v) => st.cell[v]);
  for (let i = 0; i < n; i++) {
    const s = status[i];
    if (s === ALIVE) alive++;
    else if (s === DYING) dying++;
    else if (s === DEAD) dead++;
    else continue;
    if (s === DEAD) continue;
    for (let k = 0; k < arrays.length; k++) sums[k] += arrays[k][i];
  }
  const living = alive + dying;
  const means: Record<string, number> = {};
  MEAN_VARS.forEach((v, k) => {
    means[v] = living > 0 ? sums[k] / living : Number.NaN;
  });
  return { alive, dying, dead, means };
}
