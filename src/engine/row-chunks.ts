// Why this file exists: the workers share the rows of the cell and row phases (and the columns of
// the column phase, a sample's rows, a scan's rows) by chunks taken in turn from a shared counter,
// not as fixed bands: a worker that the machine's other work holds up,
// or whose rows hold more living cells, takes fewer chunks and the others take the rest, instead
// of every other worker waiting for it at the barrier. Every row is computed the same whichever
// worker takes it (the phases read and write only their rows' sites), so the results are the
// same bits on any number of workers.
import { rowsForFullTable } from '../model/site-targets';

/** chunks of rows each worker takes in a phase, on average: enough that the last one taken costs little */
const CHUNKS_PER_WORKER = 64;

/**
 * Rows of a chunk on a lattice `width` x `height` run by `workers` workers: an even number (the
 * row sweeps run rows two at a time), at least what a tumour's slow step needs for its table of
 * per-site targets (site-targets.ts), and at most the whole lattice.
 */
export function chunkRows(width: number, height: number, workers: number): number {
  const least = rowsForFullTable(width);
  let rows = Math.ceil(height / (CHUNKS_PER_WORKER * Math.max(1, workers)));
  // chunks held up by the table's size: as many as fit, a multiple of the workers where that can
  // be, of near-equal size (chunks of 60, 60 and 30 rows of a 150-row tumour left one of two
  // workers 90 rows to the other's 60)
  if (rows < least) {
    const fit = Math.max(1, Math.floor(height / least));
    const n = fit >= workers ? fit - (fit % Math.max(1, workers)) : fit;
    rows = Math.ceil(height / n);
  }
  return Math.min(height, rows + (rows & 1));
}

/**
 * Columns of a chunk of the column phase: one chunk per worker (an even number of columns), so a
 * worker that comes late to the phase finds the others have taken its chunk. No finer: a column
 * sweep over fewer columns costs more per column (each row's stretch of memory is shorter).
 */
export function chunkCols(width: number, workers: number): number {
  const cols = Math.ceil(width / Math.max(1, workers));
  return Math.min(width, cols + (cols & 1));
}
