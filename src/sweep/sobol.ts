// Why this file exists: Sobol low-discrepancy points for space-filling sweeps, with the direction
// numbers of Joe & Kuo (new-joe-kuo-6.21201, dimensions 1-21) in Gray-code order. A digital shift
// (XOR with a 32-bit word per dimension, drawn from the sweep's master seed) keeps the net
// structure while making the design depend on the seed. Pure and deterministic.

/** Joe & Kuo: [s, a, m_1..m_s] for dimensions 2.. (dimension 1 is the van der Corput sequence). */
const JOE_KUO: ReadonlyArray<readonly number[]> = [
  [1, 0, 1],
  [2, 1, 1, 3],
  [3, 1, 1, 3, 1],
  [3, 2, 1, 1, 1],
  [4, 1, 1, 1, 3, 3],
  [4, 4, 1, 3, 5, 13],
  [5, 2, 1, 1, 5, 5, 17],
  [5, 4, 1, 1, 5, 5, 5],
  [5, 7, 1, 1, 7, 11, 19],
  [5, 11, 1, 1, 5, 1, 1],
  [5, 13, 1, 1, 1, 3, 11],
  [5, 14, 1, 3, 5, 5, 31],
  [6, 1, 1, 3, 3, 9, 7, 49],
  [6, 13, 1, 1, 1, 15, 21, 21],
  [6, 16, 1, 3, 1, 13, 27, 49],
  [6, 19, 1, 1, 1, 15, 7, 5],
  [6, 22, 1, 3, 1, 15, 13, 25],
  [6, 25, 1, 1, 5, 5, 19, 61],
  [7, 1, 1, 3, 7, 11, 23, 15, 103],
  [7, 4, 1, 3, 7, 13, 13, 15, 69],
];

export const SOBOL_MAX_DIMS = JOE_KUO.length + 1;
const BITS = 32;

/** The 32 direction numbers of one dimension (0-based), as unsigned 32-bit integers. */
function directions(dim: number): Uint32Array {
  const v = new Uint32Array(BITS + 1);
  if (dim === 0) {
    for (let i = 1; i <= BITS; i++) v[i] = 2 ** (BITS - i);
    return v;
  }
  const [s, a, ...m] = JOE_KUO[dim - 1];
  for (let i = 1; i <= BITS; i++) {
    if (i <= s) v[i] = m[i - 1] * 2 ** (BITS - i);
    else {
      let x = (v[i - s] ^ (v[i - s] >>> s)) >>> 0;
      for (let k = 1; k < s; k++) x = (x ^ (((a >>> (s - 1 - k)) & 1) * v[i - k])) >>> 0;
      v[i] = x;
    }
  }
  return v;
}

/**
 * The first n points of the `dims`-dimensional Sobol sequence (point 0 is the origin before the
 * shift), each coordinate in [0, 1). shift[d] is XORed into dimension d (0 = unshifted).
 */
export function sobolPoints(n: number, dims: number, shift: ArrayLike<number> = []): number[][] {
  if (dims < 1 || dims > SOBOL_MAX_DIMS) throw new Error(`Sobol points need 1 to ${SOBOL_MAX_DIMS} dimensions, got ${dims}`);
  const dirs: Uint32Array[] = [];
  for (let d = 0; d < dims; d++) dirs.push(directions(d));
  const x = new Uint32Array(dims);
  const out: number[][] = [];
  for (let i = 0; i < n; i++) {
    if (i > 0) {
      // c: 1-based position of the lowest zero bit of i - 1
      let c = 1;
      let k = i - 1;
      while (k & 1) {
        k >>>= 1;
        c++;
      }
      for (let d = 0; d < dims; d++) x[d] = (x[d] ^ dirs[d][c]) >>> 0;
    }
    const p: number[] = [];
    for (let d = 0; d < dims; d++) p.push(((x[d] ^ (shift[d] ?? 0)) >>> 0) / 2 ** BITS);
    out.push(p);
  }
  return out;
}
