// The rows of a phase are cut into chunks the workers take in turn. Where a tumour's table of
// per-site targets sets a least height, the chunks must still be of near-equal size: a short last
// chunk (60, 60 and 30 rows of a 150-row tumour) left one of two workers half as much again as
// the other. Results do not depend on the chunks (determinism.test.ts); their sizes are what this holds.
import { describe, expect, it } from 'vitest';
import { chunkRows } from '../../src/engine/row-chunks';
import { rowsForFullTable } from '../../src/model/site-targets';

const sizes = (height: number, rows: number) => Array.from({ length: Math.ceil(height / rows) }, (_, k) => Math.min(height, (k + 1) * rows) - k * rows);

/** the most rows one of `workers` equally fast workers computes when each takes the next chunk as it is free */
function greedyMax(chunks: number[], workers: number): number {
  const load = new Array<number>(workers).fill(0);
  for (const c of chunks) load[load.indexOf(Math.min(...load))] += c;
  return Math.max(...load);
}

describe('chunks of rows', () => {
  it('are even, cover the lattice, are never shorter than the table needs unless the lattice is, and share the rows nearly equally among the workers', () => {
    for (const width of [31, 64, 150, 259, 512, 1024])
      for (const height of [1, 7, 29, 100, 150, 333, 1024])
        for (const workers of [1, 2, 3, 4]) {
          const rows = chunkRows(width, height, workers);
          const at = `${width} x ${height}, ${workers} workers: ${rows} rows`;
          expect(rows === height || rows % 2 === 0, at).toBe(true);
          expect(rows, at).toBeLessThanOrEqual(height);
          const least = rowsForFullTable(width);
          expect(rows, at).toBeGreaterThanOrEqual(Math.min(height, least));
          const s = sizes(height, rows);
          expect(
            s.reduce((a, b) => a + b, 0),
            at,
          ).toBe(height);
          // held up by the table, with at least a chunk per worker: taken in turn by equally fast
          // workers, no worker has more than 10 % above an equal share (60, 60 and 30 rows on two
          // workers gave one 90 rows to the other's 60)
          if (s.length >= workers) expect(greedyMax(s, workers), `${at}: ${s}`).toBeLessThanOrEqual((1.1 * height) / workers + 2);
        }
  });

  it('give a 150 x 150 tumour on two workers one chunk each of 74-76 rows, and a 1024 x 1024 dish over 40 chunks a worker', () => {
    // the table sets the least height: with 37 treatment targets a 150-site row needs 38 rows, so
    // three chunks would fit and two share the rows equally between two workers, and the 1024-wide
    // dish takes chunks of 12 rows (35 targets gave four chunks of 36-38 rows and chunks of 10;
    // npm run bench measured the same speed on both, 40.1 and 40.2 M cell-minutes per second)
    expect(sizes(150, chunkRows(150, 150, 2))).toEqual([76, 74]);
    const rows = chunkRows(1024, 1024, 2);
    expect(Math.ceil(1024 / rows)).toBeGreaterThanOrEqual(80);
  });
});
