// Why this file exists: the neighbour snapshot (SimState.nbr) that the slow block (contact
// inhibition) and growth (free sites to divide into) read: per site, its living 4-neighbours and
// which of them are empty. Refreshed by rows in the x-diffusion phase (status is read-only then).
// Where a site and its four neighbours are all empty (a tumour's surroundings) the snapshot is a
// function of the site's place alone and is written as such, without reading the neighbours.
import { ALIVE, DYING, EMPTY, type SimState } from './layout';
import { occupiedNear } from './living-runs';

/**
 * Living 4-neighbours of each site in rows [y0, y1), and which neighbours are empty. The lattice
 * edge counts as a living neighbour: the simulated window is part of a larger culture.
 */
export function countNeighbours(st: SimState, y0: number, y1: number): void {
  const { width: W, height: H, status, nbr } = st;
  const rows = Math.max(0, y1 - y0);
  const ext = new Int32Array(2 * (rows + 2));
  const near = new Int32Array(2 * rows);
  occupiedNear(status, W, H, y0, y1, ext, near);
  for (let y = y0; y < y1; y++) {
    const o = y * W;
    const lo = near[2 * (y - y0)],
      hi = near[2 * (y - y0) + 1];
    if (lo > hi) {
      emptyAround(nbr, o, 0, W, y, W, H);
      continue;
    }
    emptyAround(nbr, o, 0, lo, y, W, H);
    count(st, o, lo, hi + 1, y);
    emptyAround(nbr, o, hi + 1, W, y, W, H);
  }
}

/** the snapshot of sites [x0, x1) of row y (offset o) whose four neighbours are all empty: the edges count as living */
function emptyAround(nbr: Uint8Array, o: number, x0: number, x1: number, y: number, W: number, H: number): void {
  if (x0 >= x1) return;
  const ny = (y === 0 ? 1 : 0) + (y === H - 1 ? 1 : 0);
  const my = (y > 0 ? 4 : 0) | (y < H - 1 ? 8 : 0);
  const at = (x: number) => {
    const n = ny + (x === 0 ? 1 : 0) + (x === W - 1 ? 1 : 0);
    const mask = my | (x > 0 ? 1 : 0) | (x < W - 1 ? 2 : 0);
    return n | (mask << 4);
  };
  nbr[o + x0] = at(x0);
  if (x1 - 1 > x0) nbr[o + x1 - 1] = at(x1 - 1);
  if (x1 - 1 > x0 + 1) nbr.fill(at(x0 + 1), o + x0 + 1, o + x1 - 1);
}

/** the snapshot of sites [x0, x1) of row y (offset o), from their neighbours */
function count(st: SimState, o: number, x0: number, x1: number, y: number): void {
  const { width: W, height: H, status, nbr } = st;
  for (let x = x0; x < x1; x++) {
    const i = o + x;
    let n = 0;
    let mask = 0;
    if (x > 0) {
      const s = status[i - 1];
      if (s === ALIVE || s === DYING) n++;
      else if (s === EMPTY) mask |= 1;
    } else n++;
    if (x < W - 1) {
      const s = status[i + 1];
      if (s === ALIVE || s === DYING) n++;
      else if (s === EMPTY) mask |= 2;
    } else n++;
    if (y > 0) {
      const s = status[i - W];
      if (s === ALIVE || s === DYING) n++;
      else if (s === EMPTY) mask |= 4;
    } else n++;
    if (y < H - 1) {
      const s = status[i + W];
      if (s === ALIVE || s === DYING) n++;
      else if (s === EMPTY) mask |= 8;
    } else n++;
    nbr[i] = n | (mask << 4);
  }
}
