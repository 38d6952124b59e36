// Why this file exists: what a run reports while it goes: counts of cells by fate and means of
// the main per-cell variables over living cells, declared as (column, variable, aggregator) so
// the time series is data, not code (after Mesa/Agents.jl data collection). They are summed row
// by row and the rows added in order, so a run on workers (each its chunks of rows) and the page (all
// rows in one thread) give the same numbers to the last bit, whatever the number of workers.
import { ALIVE, DEAD, DYING, H_BIRTHS, H_COMMITTED, H_NECROSES, NECROTIC, STATUS_NAMES, type CellVar, type SimState } from '../model/layout';

/** Oxygen below which a living cell counts as hypoxic, uM (~0.5% O2). */
export const HYPOXIC_O2_UM = 5;

/** Means over living (alive + dying) cells, in the variable's unit. */
export const MEAN_VARS: readonly CellVar[] = ['ros', 'lpo', 'gsh', 'gpx4', 'cys', 'fe', 'ca', 'ca_er', 'zn', 'mt', 'coq', 'bh4', 'vol', 'pufa'];

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

/** 1 for the statuses of a living cell (alive, dying), by status code (any byte: 0 for an unknown one) */
const LIVING = new Uint8Array(256);
LIVING[ALIVE] = 1;
LIVING[DYING] = 1;

/** Doubles per row of the partial sums of countsAndMeans (meansOfRows): sites by status, hypoxic, the sums of MEAN_VARS, the sum of o2. */
export const MEANS_SLOTS = STATUS_NAMES.length + 1 + MEAN_VARS.length + 1;
const HYPOXIC = STATUS_NAMES.length;
const SUMS = HYPOXIC + 1;
/** the sum of o2 follows those of MEAN_VARS */
const O2_SUM = SUMS + MEAN_VARS.length;

/**
 * The partial sums of countsAndMeans of rows [y0, y1): row y's MEANS_SLOTS doubles at
 * out[off + (y - y0) * stride]. Each row's sums start at 0 and add its living cells from left to
 * right; countsOfRows adds the rows from the top. So the numbers do not depend on who computed
 * which rows: a worker its chunks (Engine.sampleRows), or one thread all of them (countsAndMeans).
 */
export function meansOfRows(st: SimState, y0: number, y1: number, out: Float64Array, stride: number, off: number): void {
  const { status, width: W } = st;
  const o2 = st.field.o2;
  // the arrays summed, in the slots' order (MEAN_VARS, then oxygen); four at a time below, so
  // that four running sums (each its own array's, left to right) are in flight at once
  const summed = [...MEAN_VARS.map((v) => st.cell[v]), o2];
  const last = summed.length - 1;
  const living = new Int32Array(W);
  const byStatus = new Int32Array(STATUS_NAMES.length);
  for (let y = y0; y < y1; y++) {
    const o = off + (y - y0) * stride;
    const i0 = y * W;
    byStatus.fill(0);
    // the row's living sites, without a branch
    let m = 0;
    for (let i = i0; i < i0 + W; i++) {
      const s = status[i];
      byStatus[s]++;
      living[m] = i;
      m += LIVING[s];
    }
    for (let k = 0; k < byStatus.length; k++) out[o + k] = byStatus[k];
    let hypoxic = 0;
    for (let j = 0; j < m; j++) hypoxic += o2[living[j]] < HYPOXIC_O2_UM ? 1 : 0;
    out[o + HYPOXIC] = hypoxic;
    for (let k = 0; k <= last; k += 4) {
      // past the last array, the last again (its sum not kept)
      const a0 = summed[k],
        a1 = summed[Math.min(k + 1, last)],
        a2 = summed[Math.min(k + 2, last)],
        a3 = summed[Math.min(k + 3, last)];
      let s0 = 0,
        s1 = 0,
        s2 = 0,
        s3 = 0;
      if (m === W) {
        // a row of living cells only (most of a dish's): the same cells in the same order, without the gather
        for (let i = i0; i < i0 + W; i++) {
          s0 += a0[i];
          s1 += a1[i];
          s2 += a2[i];
          s3 += a3[i];
        }
      } else {
        for (let j = 0; j < m; j++) {
          const i = living[j];
          s0 += a0[i];
          s1 += a1[i];
          s2 += a2[i];
          s3 += a3[i];
        }
      }
      out[o + SUMS + k] = s0;
      if (k + 1 <= last) out[o + SUMS + k + 1] = s1;
      if (k + 2 <= last) out[o + SUMS + k + 2] = s2;
      if (k + 3 <= last) out[o + SUMS + k + 3] = s3;
    }
  }
}

/** countsAndMeans from the partial sums of every row (meansOfRows; row y at off + y * stride), added from the top row down; the totals from `header`. */
export function countsOfRows(header: Int32Array, height: number, rows: Float64Array, stride: number, off: number): Omit<Sample, 't_min' | 'front_um'> {
  const tot = new Float64Array(MEANS_SLOTS);
  for (let y = 0; y < height; y++) {
    const o = off + y * stride;
    for (let k = 0; k < MEANS_SLOTS; k++) tot[k] += rows[o + k];
  }
  const alive = tot[ALIVE],
    dying = tot[DYING],
    dead = tot[DEAD],
    necrotic = tot[NECROTIC];
  const living = alive + dying;
  const means: Record<string, number> = {};
  MEAN_VARS.forEach((v, k) => {
    means[v] = living > 0 ? tot[SUMS + k] / living : Number.NaN;
  });
  means.o2 = living > 0 ? tot[O2_SUM] / living : Number.NaN;
  return {
    alive,
    dying,
    dead,
    necrotic,
    hypoxic: tot[HYPOXIC],
    committed_total: header[H_COMMITTED],
    necrotic_total: header[H_NECROSES],
    births_total: header[H_BIRTHS],
    means,
  };
}

/** The counts and means of the state now, in this thread (the page's plots; a run on workers sums the same rows there: Engine.sampleRows). */
export function countsAndMeans(st: SimState): Omit<Sample, 't_min' | 'front_um'> {
  const rows = new Float64Array(st.height * MEANS_SLOTS);
  meansOfRows(st, 0, st.height, rows, MEANS_SLOTS, 0);
  return countsOfRows(st.header, st.height, rows, MEANS_SLOTS, 0);
}
