// Why this file exists: a run's sample (timeseries.csv's row: counts, means, the front) is a pass
// over the whole lattice; on workers each computes the parts of the chunks of rows it takes, in parallel
// (Engine.sampleRows) instead of the main thread doing the whole pass while the workers wait. The
// parts of a row are its partial sums, its front and its first commitment (observables.ts
// meansOfRows, wave.ts frontOfRows), combined from the top row down: the same numbers whoever
// computed which rows, in a worker or in one thread.
import type { SimState } from '../model/layout';
import { countsOfRows, MEANS_SLOTS, meansOfRows, type Sample } from './observables';
import { FRONT_SLOTS, firstCommitOfRows, frontOfRowParts, frontOfRows, type Origin } from './wave';

/** Doubles per row of sampleRows: the partial sums of countsAndMeans, then the front's parts. */
export const SAMPLE_STRIDE = MEANS_SLOTS + FRONT_SLOTS;

/**
 * The parts of rows [y0, y1) of a sample, SAMPLE_STRIDE doubles per row: the front beyond
 * `origin` (none when null) and the first commitment; the partial sums too unless `frontOnly`
 * (then they are left at 0).
 */
export function sampleRows(st: SimState, y0: number, y1: number, site_um: number, origin: Origin | null, frontOnly: boolean): Float64Array {
  const out = new Float64Array((y1 - y0) * SAMPLE_STRIDE);
  if (!frontOnly) meansOfRows(st, y0, y1, out, SAMPLE_STRIDE, 0);
  frontOfRows(st, y0, y1, site_um, origin, out, SAMPLE_STRIDE, MEANS_SLOTS);
  return out;
}

/** The counts and means from the parts of every row of a lattice `height` rows tall (sampleRows of all rows, in order). */
export function countsOfSample(header: Int32Array, height: number, rows: Float64Array): Omit<Sample, 't_min' | 'front_um'> {
  return countsOfRows(header, height, rows, SAMPLE_STRIDE, 0);
}

/** The front beyond the origin the parts were computed with (frontPosition), from every row's parts. */
export function frontOfSample(height: number, rows: Float64Array): number | null {
  return frontOfRowParts(height, rows, SAMPLE_STRIDE, MEANS_SLOTS);
}

/** The earliest committed site (firstCommitOrigin's), from every row's parts, or -1. */
export function firstCommitOfSample(height: number, rows: Float64Array): number {
  return firstCommitOfRows(height, rows, SAMPLE_STRIDE, MEANS_SLOTS);
}
