// Why this file exists: exp and expm1, ported from fdlibm (e_exp.c, s_expm1.c) as V8 has them in
// src/base/ieee754.cc, so they give V8's bits on every host. Only + - * / and word access.
//
// ====================================================
// Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
//
// Developed at SunSoft, a Sun Microsystems, Inc. business.
// Permission to use, copy, modify, and distribute this
// software is freely granted, provided that this notice
// is preserved.
// ====================================================
import { fromWords, highWord, lowWord } from './bits';

const LN2_HI = 0.6931471803691238; // 0x3FE62E42 FEE00000
const LN2_LO = 1.9082149292705877e-10; // 0x3DEA39EF 35793C76
const INV_LN2 = Math.LOG2E; // 0x3FF71547 652B82FE: 1/ln2
const O_THRESHOLD = 709.782712893384; // 0x40862E42 FEFA39EF: exp overflows above
const U_THRESHOLD = -745.1332191019411; // 0xC0874910 D52D3051: exp underflows below
const TWO1023 = 8.98846567431158e307; // 0x7FE00000 00000000
const TWOM1000 = 9.332636185032189e-302; // 0x01700000 00000000
const E = Math.E; // 0x4005BF0A 8B145769

// exp(r) on |r| <= ln2/2: R(z) ~ 2 + P1 z + ... + P5 z^5 (z = r^2), Remez error <= 2^-59
const P1 = 0.16666666666666602; // 0x3FC55555 5555553E
const P2 = -0.0027777777777015593; // 0xBF66C16C 16BEBD93
const P3 = 6.613756321437934e-5; // 0x3F11566A AF25DE2C
const P4 = -1.6533902205465252e-6; // 0xBEBBBD41 C5D26BF1
const P5 = 4.1381367970572385e-8; // 0x3E663769 72BEA4D0

/**
 * e^x (fdlibm e_exp.c, error < 1 ulp). Reduce x = k ln2 + r with |r| <= ln2/2 (r = hi - lo in
 * extra precision), approximate exp(r) = 1 + r + r c / (2 - c) with c = r - R1(r^2) a degree-5
 * Remez polynomial, scale by 2^k through the exponent bits. As in V8, exp(1) returns E exactly.
 */
export function exp(x: number): number {
  let hx = highWord(x);
  const xsb = hx >>> 31; // sign bit of x
  hx &= 0x7fffffff; // high word of |x|

  // non-finite or |x| >= 709.78...
  if (hx >= 0x40862e42) {
    if (hx >= 0x7ff00000) {
      if (((hx & 0xfffff) | lowWord(x)) !== 0) return x + x; // NaN
      return xsb === 0 ? x : 0; // exp(+-inf) = {inf, 0}
    }
    if (x > O_THRESHOLD) return Number.POSITIVE_INFINITY; // overflow
    if (x < U_THRESHOLD) return 0; // underflow
  }

  // argument reduction
  let hi = 0;
  let lo = 0;
  let k = 0;
  if (hx > 0x3fd62e42) {
    // |x| > ln2/2
    if (hx < 0x3ff0a2b2) {
      // and |x| < 1.5 ln2: k = +-1
      if (x === 1) return E; // V8: the general path gets the last bit of e wrong
      if (xsb === 0) {
        hi = x - LN2_HI;
        lo = LN2_LO;
        k = 1;
      } else {
        hi = x + LN2_HI;
        lo = -LN2_LO;
        k = -1;
      }
    } else {
      k = (INV_LN2 * x + (xsb === 0 ? 0.5 : -0.5)) | 0; // truncation, as C's (int)
      hi = x - k * LN2_HI; // exact: k * LN2_HI has trailing zeros
      lo = k * LN2_LO;
    }
    x = hi - lo;
  } else if (hx < 0x3e300000) {
    // |x| < 2^-28
    return 1 + x;
  }

  // x is now in the primary range
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2) - x);
  const y = 1 - (lo - (x * c) / (2 - c) - hi);
  if (k >= -1021) {
    if (k === 1024) return y * 2 * TWO1023;
    return y * fromWords(0x3ff00000 + (k << 20), 0); // y * 2^k
  }
  return y * fromWords(0x3ff00000 + ((k + 1000) << 20), 0) * TWOM1000; // subnormal result
}

// expm1(r) on |r| <= ln2/2: R1(z) ~ 1 + Q1 z + ... + Q5 z^5, z = r^2/2 (Qn scaled by 2^n), error <= 2^-61
const Q1 = -0.03333333333333313; // 0xBFA11111 111110F4
const Q2 = 0.0015873015872548146; // 0x3F5A01A0 19FE5585
const Q3 = -7.93650757867488e-5; // 0xBF14CE19 9EAADBB7
const Q4 = 4.008217827329362e-6; // 0x3ED0CFCA 86E65239
const Q5 = -2.0109921818362437e-7; // 0xBE8AFDB7 6E09C32D

/**
 * e^x - 1, accurate near 0 (fdlibm s_expm1.c, error < 1 ulp). Same reduction as exp with a
 * correction term c for the rounding of r; expm1(r) from a rational form in r^2/2; the scaling
 * back to 2^k (expm1(r) + 1) - 1 is arranged by the size of k to avoid cancellation.
 */
export function expm1(x: number): number {
  let hx = highWord(x);
  const neg = hx < 0; // sign bit of x
  hx &= 0x7fffffff; // high word of |x|

  // huge and non-finite arguments
  if (hx >= 0x4043687a) {
    // |x| >= 56 ln2
    if (hx >= 0x40862e42) {
      // |x| >= 709.78...
      if (hx >= 0x7ff00000) {
        if (((hx & 0xfffff) | lowWord(x)) !== 0) return x + x; // NaN
        return neg ? -1 : x; // expm1(+-inf) = {inf, -1}
      }
      if (x > O_THRESHOLD) return Number.POSITIVE_INFINITY; // overflow
    }
    if (neg) return -1; // x < -56 ln2: -1 rounded
  }

  // argument reduction
  let k = 0;
  let c = 0;
  if (hx > 0x3fd62e42) {
    // |x| > ln2/2
    let hi: number;
    let lo: number;
    if (hx < 0x3ff0a2b2) {
      // and |x| < 1.5 ln2
      if (!neg) {
        hi = x - LN2_HI;
        lo = LN2_LO;
        k = 1;
      } else {
        hi = x + LN2_HI;
        lo = -LN2_LO;
        k = -1;
      }
    } else {
      k = (INV_LN2 * x + (neg ? -0.5 : 0.5)) | 0;
      hi = x - k * LN2_HI; // exact
      lo = k * LN2_LO;
    }
    x = hi - lo;
    c = hi - x - lo;
  } else if (hx < 0x3c900000) {
    // |x| < 2^-54: x itself (keeps -0)
    return x;
  }

  // x is now in the primary range
  const hfx = 0.5 * x;
  const hxs = x * hfx;
  const r1 = 1 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
  let t = 3 - r1 * hfx;
  let e = hxs * ((r1 - t) / (6 - x * t));
  if (k === 0) return x - (x * e - hxs); // c is 0
  const twopk = fromWords(0x3ff00000 + (k << 20), 0); // 2^k
  e = x * (e - c) - c;
  e -= hxs;
  if (k === -1) return 0.5 * (x - e) - 0.5;
  if (k === 1) {
    if (x < -0.25) return -2 * (e - (x + 0.5));
    return 1 + 2 * (x - e);
  }
  let y: number;
  if (k <= -2 || k > 56) {
    // exp(x) - 1 suffices
    y = 1 - (e - x);
    y = k === 1024 ? y * 2 * TWO1023 : y * twopk;
    return y - 1;
  }
  if (k < 20) {
    t = fromWords(0x3ff00000 - (0x200000 >> k), 0); // 1 - 2^-k
    y = t - (e - x);
  } else {
    t = fromWords((0x3ff - k) << 20, 0); // 2^-k
    y = x - (e + t);
    y += 1;
  }
  return y * twopk;
}
