// Why this file exists: sinh, cosh and tanh as V8 has them in src/base/ieee754.cc (fdlibm e_sinh.c,
// e_cosh.c, s_tanh.c as rewritten there), on this library's exp and expm1, so they give V8's bits
// on every host.
//
// ====================================================
// Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
//
// Developed at SunSoft, a Sun Microsystems, Inc. business.
// Permission to use, copy, modify, and distribute this
// software is freely granted, provided that this notice
// is preserved.
// ====================================================
import { highWord } from './bits';
import { exp, expm1 } from './exp';

const OVERFLOW = 710.4758600739439; // sinh and cosh overflow above
const LOG_MAXD = 709.7822265625; // 0x40862E42 00000000
const TWO_M28 = 3.725290298461914e-9; // 2^-28

/**
 * Hyperbolic sine. |x| < 22: (E + E / (E + 1)) / 2 with E = expm1(|x|) (for |x| < 1 as 2E - E^2 /
 * (E + 1)); up to ln(max double): exp(|x|) / 2; up to the overflow threshold: (exp(|x|/2) / 2)
 * exp(|x|/2); sign restored.
 */
export function sinh(x: number): number {
  const h = x < 0 ? -0.5 : 0.5;
  const ax = Math.abs(x);
  if (ax < 22) {
    if (ax < TWO_M28) return x; // sinh(x) = x (keeps -0)
    const t = expm1(ax);
    if (ax < 1) return h * (2 * t - (t * t) / (t + 1));
    return h * (t + t / (t + 1));
  }
  if (ax < LOG_MAXD) return h * exp(ax);
  if (ax <= OVERFLOW) {
    const w = exp(0.5 * ax);
    const t = h * w;
    return t * w;
  }
  return x * 1e307; // overflow to +-inf, or NaN
}

/**
 * Hyperbolic cosine. |x| < ln2/2: 1 + E^2 / (2 (1 + E)) with E = expm1(|x|); |x| < 22: (exp(|x|) +
 * 1/exp(|x|)) / 2; then exp(|x|) / 2 and (exp(|x|/2) / 2) exp(|x|/2) as sinh.
 */
export function cosh(x: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix < 0x3fd62e43) {
    // |x| < ln2/2
    const t = expm1(Math.abs(x));
    const w = 1 + t;
    if (ix < 0x3c800000) return w; // |x| < 2^-55: 1
    return 1 + (t * t) / (w + w);
  }
  if (ix < 0x40360000) {
    // |x| < 22
    const t = exp(Math.abs(x));
    return 0.5 * t + 0.5 / t;
  }
  if (ix < 0x40862e42) return 0.5 * exp(Math.abs(x)); // |x| < ln(max double)
  if (Math.abs(x) <= OVERFLOW) {
    const w = exp(0.5 * Math.abs(x));
    const t = 0.5 * w;
    return t * w;
  }
  if (ix >= 0x7ff00000) return x * x; // inf or NaN
  return Number.POSITIVE_INFINITY; // overflow
}

/**
 * Hyperbolic tangent (fdlibm s_tanh.c). |x| < 2^-28: x; |x| < 1: -t / (t + 2) with t = expm1(-2|x|);
 * |x| < 22: 1 - 2 / (t + 2) with t = expm1(2|x|); beyond: +-1.
 */
export function tanh(x: number): number {
  const jx = highWord(x);
  const ix = jx & 0x7fffffff;
  if (ix >= 0x7ff00000) return jx >= 0 ? 1 / x + 1 : 1 / x - 1; // tanh(+-inf) = +-1, tanh(NaN) = NaN
  let z: number;
  if (ix < 0x40360000) {
    // |x| < 22
    if (ix < 0x3e300000) return x; // |x| < 2^-28
    if (ix >= 0x3ff00000) {
      // |x| >= 1
      const t = expm1(2 * Math.abs(x));
      z = 1 - 2 / (t + 2);
    } else {
      const t = expm1(-2 * Math.abs(x));
      z = -t / (t + 2);
    }
  } else z = 1; // |x| >= 22: 1 - tiny rounds to 1
  return jx >= 0 ? z : -z;
}
