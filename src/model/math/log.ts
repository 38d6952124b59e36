// Why this file exists: log, log1p, log2 and log10, ported from fdlibm / FreeBSD msun (e_log.c,
// s_log1p.c, e_log2.c with k_log.h, e_log10.c) as V8 has them in src/base/ieee754.cc, so they give
// V8's bits on every host. Only + - * / and word access.
//
// ====================================================
// Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
//
// Developed at SunSoft, a Sun Microsystems, Inc. business.
// Permission to use, copy, modify, and distribute this
// software is freely granted, provided that this notice
// is preserved.
// ====================================================
import { highWord, lowWord, withHighWord, withLowWord } from './bits';

const LN2_HI = 0.6931471803691238; // 0x3FE62E42 FEE00000 (k * LN2_HI exact for |k| < 2000)
const LN2_LO = 1.9082149292705877e-10; // 0x3DEA39EF 35793C76
const TWO54 = 18014398509481984; // 0x43500000 00000000

// log(1+f) = 2s + s R(s^2), s = f / (2 + f): R(z) ~ Lg1 z + ... + Lg7 z^7, Remez error <= 2^-58.45
const Lg1 = 0.6666666666666735; // 0x3FE55555 55555593
const Lg2 = 0.3999999999940942; // 0x3FD99999 9997FA04
const Lg3 = 0.2857142874366239; // 0x3FD24924 94229359
const Lg4 = 0.22222198432149784; // 0x3FCC71C5 1D8E78AF
const Lg5 = 0.1818357216161805; // 0x3FC74664 96CB03DE
const Lg6 = 0.15313837699209373; // 0x3FC39A09 D078C69F
const Lg7 = 0.14798198605116586; // 0x3FC2F112 DF3E5244

/**
 * Natural logarithm (fdlibm e_log.c, error < 1 ulp). Write x = 2^k (1+f) with sqrt(2)/2 < 1+f <
 * sqrt(2); log(1+f) = f - (f^2/2 - s (f^2/2 + R)) with s = f / (2+f) and R a degree-7 polynomial
 * in s^2; add k ln2 as k LN2_HI (exact) + k LN2_LO.
 */
export function log(x: number): number {
  let hx = highWord(x);
  let k = 0;
  if (hx < 0x00100000) {
    // x < 2^-1022: zero, subnormal or negative
    if (((hx & 0x7fffffff) | lowWord(x)) === 0) return Number.NEGATIVE_INFINITY; // log(+-0)
    if (hx < 0) return Number.NaN; // log(-#)
    k -= 54;
    x *= TWO54; // scale the subnormal up
    hx = highWord(x);
  }
  if (hx >= 0x7ff00000) return x + x; // inf or NaN
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  let i = (hx + 0x95f64) & 0x100000; // 0x100000 when the fraction is >= sqrt(2)
  x = withHighWord(x, hx | (i ^ 0x3ff00000)); // normalise x or x/2
  k += i >> 20;
  const f = x - 1;
  if ((0x000fffff & (2 + hx)) < 3) {
    // -2^-20 <= f < 2^-20
    if (f === 0) {
      if (k === 0) return 0;
      return k * LN2_HI + k * LN2_LO;
    }
    const R = f * f * (0.5 - 0.3333333333333333 * f);
    if (k === 0) return f - R;
    return k * LN2_HI - (R - k * LN2_LO - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  i = hx - 0x6147a;
  const w = z * z;
  const j = 0x6b851 - hx;
  const t1 = w * (Lg2 + w * (Lg4 + w * Lg6));
  const t2 = z * (Lg1 + w * (Lg3 + w * (Lg5 + w * Lg7)));
  i |= j;
  const R = t2 + t1;
  if (i > 0) {
    // the fraction is far from 1: the more accurate form with f^2/2
    const hfsq = 0.5 * f * f;
    if (k === 0) return f - (hfsq - s * (hfsq + R));
    return k * LN2_HI - (hfsq - (s * (hfsq + R) + k * LN2_LO) - f);
  }
  if (k === 0) return f - s * (f - R);
  return k * LN2_HI - (s * (f - R) - k * LN2_LO - f);
}

/**
 * log(1 + x), accurate near 0 (fdlibm s_log1p.c, error < 1 ulp). As log, on u = 1 + x rounded,
 * plus the correction c / u for the rounding of u; |x| < 2^-29 uses x - x^2/2.
 */
export function log1p(x: number): number {
  const hx = highWord(x);
  const ax = hx & 0x7fffffff;
  let k = 1;
  let f = 0;
  let hu = 0;
  let c = 0;
  if (hx < 0x3fda827a) {
    // 1 + x < sqrt(2)+
    if (ax >= 0x3ff00000) {
      // x <= -1
      if (x === -1) return Number.NEGATIVE_INFINITY;
      return Number.NaN;
    }
    if (ax < 0x3e200000) {
      // |x| < 2^-29
      if (ax < 0x3c900000) return x; // |x| < 2^-54
      return x - x * x * 0.5;
    }
    if (hx > 0 || hx <= (0xbfd2bec4 | 0)) {
      // sqrt(2)/2- <= 1 + x < sqrt(2)+: f = x exactly
      k = 0;
      f = x;
      hu = 1;
    }
  }
  if (hx >= 0x7ff00000) return x + x; // inf or NaN
  if (k !== 0) {
    let u: number;
    if (hx < 0x43400000) {
      u = 1 + x;
      hu = highWord(u);
      k = (hu >> 20) - 1023;
      c = k > 0 ? 1 - (u - x) : x - (u - 1); // correction term
      c /= u;
    } else {
      // x >= 2^53: 1 + x rounds to x
      u = x;
      hu = highWord(u);
      k = (hu >> 20) - 1023;
      c = 0;
    }
    hu &= 0x000fffff;
    if (hu < 0x6a09e) {
      // u ~< sqrt(2)
      u = withHighWord(u, hu | 0x3ff00000); // normalise u
    } else {
      k += 1;
      u = withHighWord(u, hu | 0x3fe00000); // normalise u/2
      hu = (0x00100000 - hu) >> 2;
    }
    f = u - 1;
  }
  const hfsq = 0.5 * f * f;
  if (hu === 0) {
    // |f| < 2^-20
    if (f === 0) {
      if (k === 0) return 0;
      c += k * LN2_LO;
      return k * LN2_HI + c;
    }
    const R = hfsq * (1 - 0.6666666666666666 * f);
    if (k === 0) return f - R;
    return k * LN2_HI - (R - (k * LN2_LO + c) - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  const R = z * (Lg1 + z * (Lg2 + z * (Lg3 + z * (Lg4 + z * (Lg5 + z * (Lg6 + z * Lg7))))));
  if (k === 0) return f - (hfsq - s * (hfsq + R));
  return k * LN2_HI - (hfsq - (s * (hfsq + R) + (k * LN2_LO + c)) - f);
}

/** log(1+f) - f + f^2/2 for 1+f in ~[sqrt(2)/2, sqrt(2)] (msun k_log.h): the kernel of log2 and log10. */
function kLog1p(f: number): number {
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (Lg2 + w * (Lg4 + w * Lg6));
  const t2 = z * (Lg1 + w * (Lg3 + w * (Lg5 + w * Lg7)));
  const R = t2 + t1;
  const hfsq = 0.5 * f * f;
  return s * (hfsq + R);
}

const IVLN2_HI = 1.4426950407214463; // 0x3FF71547 65200000: 1/ln2, top 33 bits
const IVLN2_LO = 1.6751713164886512e-10; // 0x3DE705FC 2EEFA200

/**
 * Base-2 logarithm (msun e_log2.c, < 1 ulp): the reduction of log, then (f - f^2/2 + kLog1p(f)) /
 * ln2 + k with f - f^2/2 split in hi + lo and the sum with k in extra precision; exact for 2^k.
 */
export function log2(x: number): number {
  let hx = highWord(x);
  const lx = lowWord(x);
  let k = 0;
  if (hx < 0x00100000) {
    // x < 2^-1022
    if (((hx & 0x7fffffff) | lx) === 0) return Number.NEGATIVE_INFINITY; // log(+-0)
    if (hx < 0) return Number.NaN; // log(-#)
    k -= 54;
    x *= TWO54; // scale the subnormal up
    hx = highWord(x);
  }
  if (hx >= 0x7ff00000) return x + x; // inf or NaN
  if (hx === 0x3ff00000 && lx === 0) return 0; // log2(1) = +0
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  const i = (hx + 0x95f64) & 0x100000;
  x = withHighWord(x, hx | (i ^ 0x3ff00000)); // normalise x or x/2
  k += i >> 20;
  const y = k;
  const f = x - 1;
  const hfsq = 0.5 * f * f;
  const r = kLog1p(f);
  const hi = withLowWord(f - hfsq, 0);
  const lo = f - hi - hfsq + r;
  let valHi = hi * IVLN2_HI;
  let valLo = (lo + hi) * IVLN2_LO + lo * IVLN2_HI;
  // y + valHi with its rounding error kept (Dekker)
  const w = y + valHi;
  valLo += y - w + valHi;
  valHi = w;
  return valLo + valHi;
}

const IVLN10 = Math.LOG10E; // 0x3FDBCB7B 1526E50E: 1/ln10
const LOG10_2HI = 0.30102999566361177; // 0x3FD34413 509F6000
const LOG10_2LO = 3.694239077158931e-13; // 0x3D59FEF3 11F12B36

/**
 * Base-10 logarithm (fdlibm e_log10.c as V8 has it): x = 2^n m, log10(x) = n log10(2) + log(m) /
 * ln10 with log10(2) split in hi + lo; log10(10^n) = n for n = 0..22.
 */
export function log10(x: number): number {
  let hx = highWord(x);
  let lx = lowWord(x);
  let k = 0;
  if (hx < 0x00100000) {
    // x < 2^-1022
    if (((hx & 0x7fffffff) | lx) === 0) return Number.NEGATIVE_INFINITY; // log(+-0)
    if (hx < 0) return Number.NaN; // log(-#)
    k -= 54;
    x *= TWO54; // scale the subnormal up
    hx = highWord(x);
    lx = lowWord(x);
  }
  if (hx >= 0x7ff00000) return x + x; // inf or NaN
  if (hx === 0x3ff00000 && lx === 0) return 0; // log10(1) = +0
  k += (hx >> 20) - 1023;
  const i = k < 0 ? 1 : 0;
  hx = (hx & 0x000fffff) | ((0x3ff - i) << 20);
  const y = k + i;
  x = withHighWord(x, hx);
  const z = y * LOG10_2LO + IVLN10 * log(x);
  return z + y * LOG10_2HI;
}
