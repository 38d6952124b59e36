// Why this file exists: how a lattice is split among workers. Rows (cell and x-diffusion phases)
// and columns (y-diffusion phase) are cut into contiguous, near-equal bands; the split never
// changes results, only who computes what.

/** [lo, hi) of band k when n items are cut into `parts` bands. */
export function band(n: number, parts: number, k: number): [number, number] {
  return [Math.floor((n * k) / parts), Math.floor((n * (k + 1)) / parts)];
}
