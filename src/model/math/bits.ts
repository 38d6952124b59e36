// Why this file exists: fdlibm reads and writes the two 32-bit halves of an IEEE double (its
// GET_HIGH_WORD / SET_LOW_WORD macros). Here that goes through one Float64Array and one Int32Array
// on the same 8 bytes. The word order assumes a little-endian host (index 0 = low word, 1 = high
// word), as on every x86 and ARM machine that runs Node or a browser; a big-endian host throws at
// load rather than give wrong bits.

const F64 = new Float64Array(1);
const I32 = new Int32Array(F64.buffer);
F64[0] = 1;
if (I32[1] !== 0x3ff00000) throw new Error('src/model/math needs a little-endian host');

/** High 32 bits of x (sign, exponent, top 20 bits of the fraction), as a signed int32. */
export function highWord(x: number): number {
  F64[0] = x;
  return I32[1];
}

/** Low 32 bits of x, as an unsigned number in [0, 2^32). */
export function lowWord(x: number): number {
  F64[0] = x;
  return I32[0] >>> 0;
}

/** The double whose high and low 32-bit words are hi and lo (each taken mod 2^32). */
export function fromWords(hi: number, lo: number): number {
  I32[1] = hi;
  I32[0] = lo;
  return F64[0];
}

/** x with its high word replaced by hi. */
export function withHighWord(x: number, hi: number): number {
  F64[0] = x;
  I32[1] = hi;
  return F64[0];
}

/** x with its low word replaced by lo (lo = 0 keeps the top 21 bits of the fraction). */
export function withLowWord(x: number, lo: number): number {
  F64[0] = x;
  I32[0] = lo;
  return F64[0];
}

/**
 * x * 2^n, rounded once (fdlibm s_scalbn.c): the exponent field is set directly, and a subnormal
 * result is made by one multiplication by 2^-54, which rounds correctly.
 */
export function scalbn(x: number, n: number): number {
  const two54 = 18014398509481984; // 0x43500000 00000000
  const twom54 = 5.551115123125783e-17; // 0x3C900000 00000000
  const huge = 1e300;
  const tiny = 1e-300;
  let hx = highWord(x);
  let k = (hx & 0x7ff00000) >> 20; // biased exponent
  if (k === 0) {
    // 0 or subnormal x
    if (((hx & 0x7fffffff) | lowWord(x)) === 0) return x; // +-0
    x *= two54;
    hx = highWord(x);
    k = ((hx & 0x7ff00000) >> 20) - 54;
    if (n < -50000) return tiny * x; // underflow
  }
  if (k === 0x7ff) return x + x; // NaN or Inf
  k += n;
  if (k > 0x7fe) return huge * (x < 0 ? -huge : huge); // overflow
  if (k > 0) return withHighWord(x, (hx & 0x800fffff) | (k << 20)); // normal result
  if (k <= -54) {
    if (n > 50000) return huge * (x < 0 ? -huge : huge); // overflow (n + k wrapped)
    return tiny * (x < 0 ? -tiny : tiny); // underflow
  }
  k += 54; // subnormal result
  return withHighWord(x, (hx & 0x800fffff) | (k << 20)) * twom54;
}
