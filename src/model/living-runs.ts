// Why this file exists: where a row's cells are, so that work per site runs only there. A
// tumour's lattice is mostly empty tissue, dead cells and necrosis, where the per-cell blocks do
// nothing but let the oxidant decay (and, on slow steps, exchange with the medium): those runs of
// the row take a plain loop instead (livingRuns); and beyond the sites of a row that hold
// anything at all (occupiedExtent) neither the neighbour snapshot nor growth has anything to do.
// Found from the status bytes alone (no memory of earlier steps), four sites at a time where the
// row is word-aligned.
import { ALIVE, DYING } from './layout';

/**
 * The runs [x0, x1) of row sites [o, o + width) that hold every living (alive or dying) site, as
 * pairs x0, x1 (relative to o) in `out`; gaps of fewer than `gap` sites without a living cell
 * are kept inside a run (a run costs a call of each block). Returns the number of runs. `words`
 * is `status` viewed as 32-bit words (the same buffer and offset, which must be a multiple of 4).
 */
export function livingRuns(status: Uint8Array, words: Uint32Array, o: number, width: number, gap: number, out: Int32Array): number {
  let runs = 0;
  const lastByte = o + width;
  const alignedFrom = Math.min(lastByte, (o + 3) & ~3);
  const wordEnd = Math.max(alignedFrom, lastByte & ~3);
  // a byte at a time up to a word boundary, then a word (4 sites) at a time, then the rest
  for (let i = o; i < lastByte; ) {
    let a: number;
    let b: number;
    if (i < alignedFrom || i >= wordEnd) {
      const s = status[i];
      a = i++ - o;
      if (s !== ALIVE && s !== DYING) continue;
      b = a + 1;
    } else {
      const v = words[i >> 2];
      a = i - o;
      i += 4;
      // a byte (a status code 0-5) is ALIVE (1) or DYING (2) exactly when its bit 0 differs from
      // its bit 1 and its bit 2 is clear: the four bytes at once
      if (((v ^ (v >>> 1)) & ~(v >>> 2) & 0x01010101) === 0) continue;
      b = a + 4;
    }
    if (runs > 0 && a - out[2 * runs - 1] < gap) out[2 * runs - 1] = b;
    else {
      out[2 * runs] = a;
      out[2 * runs + 1] = b;
      runs++;
    }
  }
  return runs;
}

/**
 * The first and last sites of row sites [o, o + width) that are not EMPTY (status 0), relative to
 * o, into out[k], out[k + 1]; -1, -2 when every site is empty. `words` as for livingRuns.
 */
export function occupiedExtent(status: Uint8Array, words: Uint32Array, o: number, width: number, out: Int32Array, k: number): void {
  const end = o + width;
  let a = o;
  // from the left: bytes up to a word boundary, then words, then bytes
  while (a < end && (a & 3) !== 0 && status[a] === 0) a++;
  if (a < end && (a & 3) === 0) {
    while (a + 4 <= end && words[a >> 2] === 0) a += 4;
    while (a < end && status[a] === 0) a++;
  }
  if (a === end) {
    out[k] = -1;
    out[k + 1] = -2;
    return;
  }
  let b = end - 1;
  while (b > a && ((b + 1) & 3) !== 0 && status[b] === 0) b--;
  if (((b + 1) & 3) === 0) {
    while (b - 3 > a && words[(b - 3) >> 2] === 0) b -= 4;
    while (status[b] === 0) b--;
  }
  out[k] = a - o;
  out[k + 1] = b - o;
}

const wordViews = new WeakMap<Uint8Array, Uint32Array>();

/** `status` as 32-bit words (the view livingRuns and occupiedExtent take), made once per array */
export function statusWords(status: Uint8Array): Uint32Array {
  let w = wordViews.get(status);
  if (!w) {
    w = new Uint32Array(status.buffer, status.byteOffset, status.length >> 2);
    wordViews.set(status, w);
  }
  return w;
}

/**
 * The occupied extents (occupiedExtent) of rows y0 - 1 .. y1 (the rows outside the lattice
 * empty), rows y0 - 1 + j at out[2j], out[2j + 1], then for each row y of [y0, y1) the sites
 * [lo, hi] (at near[2 (y - y0)], near[2 (y - y0) + 1]) outside which the site and its four
 * neighbours are all empty: the union of the extents of rows y - 1, y and y + 1, widened by one.
 * lo > hi when there are none.
 */
export function occupiedNear(status: Uint8Array, width: number, height: number, y0: number, y1: number, out: Int32Array, near: Int32Array): void {
  const words = statusWords(status);
  for (let y = y0 - 1; y <= y1; y++) {
    const j = 2 * (y - y0 + 1);
    if (y < 0 || y >= height) {
      out[j] = -1;
      out[j + 1] = -2;
    } else occupiedExtent(status, words, y * width, width, out, j);
  }
  for (let y = y0; y < y1; y++) {
    const j = 2 * (y - y0);
    let lo = width;
    let hi = -1;
    for (let d = 0; d < 3; d++) {
      const a = out[j + 2 * d],
        b = out[j + 2 * d + 1];
      if (a > b) continue;
      if (a < lo) lo = a;
      if (b > hi) hi = b;
    }
    near[j] = Math.max(0, lo - 1);
    near[j + 1] = Math.min(width - 1, hi + 1);
  }
}
