// Why this file exists: x^y, ported from fdlibm e_pow.c as V8 has it (base::ieee754::legacy::pow
// in src/base/ieee754.cc, what Math.pow and ** run in Node 20), so it gives V8's bits on every
// host, with ECMAScript's special cases: pow(x, NaN) = NaN, pow(NaN, 0) = 1, pow(+-1, +-Infinity)
// = NaN. Only + - * /, Math.sqrt and word access.
//
// ====================================================
// Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
//
// Developed at SunSoft, a Sun Microsystems, Inc. business.
// Permission to use, copy, modify, and distribute this
// software is freely granted, provided that this notice
// is preserved.
// ====================================================
import { fromWords, highWord, lowWord, scalbn, withHighWord, withLowWord } from './bits';

const BP = [1, 1.5];
const DP_H = [0, 0.5849624872207642]; // 0x3FE2B803 40000000: log2(1.5), head
const DP_L = [0, 1.350039202129749e-8]; // 0x3E4CFDEB 43CFD006: its tail
const TWO53 = 9007199254740992; // 0x43400000 00000000
const HUGE = 1e300;
const TINY = 1e-300;
// (3/2)(log(x) - 2s - (2/3)s^3) ~ L1 s^4 + ... + L6 s^14
const L1 = 0.5999999999999946; // 0x3FE33333 33333303
const L2 = 0.4285714285785502; // 0x3FDB6DB6 DB6FABFF
const L3 = 0.33333332981837743; // 0x3FD55555 518F264D
const L4 = 0.272728123808534; // 0x3FD17460 A91D4101
const L5 = 0.23066074577556175; // 0x3FCD864A 93C9DB65
const L6 = 0.20697501780033842; // 0x3FCA7E28 4A454EEF
// exp as in e_exp.c
const P1 = 0.16666666666666602; // 0x3FC55555 5555553E
const P2 = -0.0027777777777015593; // 0xBF66C16C 16BEBD93
const P3 = 6.613756321437934e-5; // 0x3F11566A AF25DE2C
const P4 = -1.6533902205465252e-6; // 0xBEBBBD41 C5D26BF1
const P5 = 4.1381367970572385e-8; // 0x3E663769 72BEA4D0
const LG2 = Math.LN2; // 0x3FE62E42 FEFA39EF: ln2
const LG2_H = 0.6931471824645996; // 0x3FE62E43 00000000
const LG2_L = -1.904654299957768e-9; // 0xBE205C61 0CA86C39
const OVT = 8.008566259537294e-17; // -(1024 - log2(ovfl + .5 ulp))
const CP = 0.9617966939259756; // 0x3FEEC709 DC3A03FD: 2/(3 ln2)
const CP_H = 0.9617967009544373; // 0x3FEEC709 E0000000: (float)CP
const CP_L = -7.028461650952758e-9; // 0xBE3E2FE0 145B01F5: tail of CP_H
const IVLN2 = Math.LOG2E; // 0x3FF71547 652B82FE: 1/ln2
const IVLN2_H = 1.4426950216293335; // 0x3FF71547 60000000: 1/ln2, 24 bits
const IVLN2_L = 1.9259629911266175e-8; // 0x3E54AE0B F85DDF44: its tail

/**
 * x^y (fdlibm e_pow.c, "nearly rounded"; exact for integer results that fit). log2|x| is computed
 * as t1 + t2 with t1 holding 29 trailing zero bits, y log2|x| = n + y' by splitting y the same way,
 * then 2^n exp(y' ln2). Negative x needs an integer y (sign from its parity); special cases as
 * ECMAScript's Number::exponentiate.
 */
export function pow(x: number, y: number): number {
  const hx = highWord(x);
  const lx = lowWord(x);
  const hy = highWord(y);
  const ly = lowWord(y);
  let ix = hx & 0x7fffffff;
  const iy = hy & 0x7fffffff;

  if ((iy | ly) === 0) return 1; // x^+-0 = 1, even for NaN x

  // NaN in either argument
  if (ix > 0x7ff00000 || (ix === 0x7ff00000 && lx !== 0) || iy > 0x7ff00000 || (iy === 0x7ff00000 && ly !== 0)) return x + y;

  // when x < 0, whether y is an integer: 0 no, 1 odd, 2 even
  let yisint = 0;
  if (hx < 0) {
    if (iy >= 0x43400000)
      yisint = 2; // |y| >= 2^53: even
    else if (iy >= 0x3ff00000) {
      const e = (iy >> 20) - 0x3ff; // unbiased exponent of y
      if (e > 20) {
        const j = ly >>> (52 - e);
        if (j << (52 - e) === (ly | 0)) yisint = 2 - (j & 1);
      } else if (ly === 0) {
        const j = iy >> (20 - e);
        if (j << (20 - e) === iy) yisint = 2 - (j & 1);
      }
    }
  }

  // special values of y
  if (ly === 0) {
    if (iy === 0x7ff00000) {
      // y = +-inf
      if (((ix - 0x3ff00000) | lx) === 0) return y - y; // (+-1)^+-inf is NaN in ECMAScript
      if (ix >= 0x3ff00000) return hy >= 0 ? y : 0; // (|x| > 1)^+-inf = inf, 0
      return hy < 0 ? -y : 0; // (|x| < 1)^-,+inf = inf, 0
    }
    if (iy === 0x3ff00000) return hy < 0 ? 1 / x : x; // y = +-1
    if (hy === 0x40000000) return x * x; // y = 2
    if (hy === 0x3fe00000 && hx >= 0) return Math.sqrt(x); // y = 0.5, x >= +0
  }

  let ax = Math.abs(x);
  // special values of x: +-0, +-inf, +-1
  if (lx === 0 && (ix === 0x7ff00000 || ix === 0 || ix === 0x3ff00000)) {
    let z = ax;
    if (hy < 0) z = 1 / z; // 1/|x|
    if (hx < 0) {
      if (((ix - 0x3ff00000) | yisint) === 0)
        z = Number.NaN; // (-1)^non-integer
      else if (yisint === 1) z = -z; // (x < 0)^odd = -(|x|^odd)
    }
    return z;
  }

  let n = (hx >> 31) + 1; // 0 for negative x
  if ((n | yisint) === 0) return Number.NaN; // (x < 0)^non-integer
  let s = 1; // sign of the result
  if ((n | (yisint - 1)) === 0) s = -1; // (x < 0)^odd integer

  let t1: number;
  let t2: number;
  if (iy > 0x41e00000) {
    // |y| > 2^31
    if (iy > 0x43f00000) {
      // |y| > 2^64: over- or underflows
      if (ix <= 0x3fefffff) return hy < 0 ? HUGE * HUGE : TINY * TINY;
      if (ix >= 0x3ff00000) return hy > 0 ? HUGE * HUGE : TINY * TINY;
    }
    // over- or underflow unless x is close to 1
    if (ix < 0x3fefffff) return hy < 0 ? s * HUGE * HUGE : s * TINY * TINY;
    if (ix > 0x3ff00000) return hy > 0 ? s * HUGE * HUGE : s * TINY * TINY;
    // |1 - x| <= 2^-20: log(x) by x - x^2/2 + x^3/3 - x^4/4
    const t = ax - 1; // 20 trailing zeros
    const w = t * t * (0.5 - t * (0.3333333333333333 - t * 0.25));
    const u = IVLN2_H * t; // IVLN2_H has 21 significant bits
    const v = t * IVLN2_L - w * IVLN2;
    t1 = withLowWord(u + v, 0);
    t2 = v - (t1 - u);
  } else {
    n = 0;
    if (ix < 0x00100000) {
      // subnormal x
      ax *= TWO53;
      n -= 53;
      ix = highWord(ax);
    }
    n += (ix >> 20) - 0x3ff;
    const j = ix & 0x000fffff;
    // the interval: |x| < sqrt(3/2) (k = 0), < sqrt(3) (k = 1), else halve and use k = 0
    ix = j | 0x3ff00000; // normalise ix
    let k: number;
    if (j <= 0x3988e) k = 0;
    else if (j < 0xbb67a) k = 1;
    else {
      k = 0;
      n += 1;
      ix -= 0x00100000;
    }
    ax = withHighWord(ax, ix);

    // ss = s_h + s_l = (x - 1) / (x + 1) or (x - 1.5) / (x + 1.5)
    let u = ax - BP[k];
    let v = 1 / (ax + BP[k]);
    const ss = u * v;
    const sH = withLowWord(ss, 0);
    // t_h = ax + BP[k], high part
    let tH = fromWords(((ix >> 1) | 0x20000000) + 0x00080000 + (k << 18), 0);
    let tL = ax - (tH - BP[k]);
    const sL = v * (u - sH * tH - sH * tL);
    // log(ax)
    let s2 = ss * ss;
    let r = s2 * s2 * (L1 + s2 * (L2 + s2 * (L3 + s2 * (L4 + s2 * (L5 + s2 * L6)))));
    r += sL * (sH + ss);
    s2 = sH * sH;
    tH = withLowWord(3 + s2 + r, 0);
    tL = r - (tH - 3 - s2);
    // u + v = ss (1 + ...)
    u = sH * tH;
    v = sL * tH + tL * ss;
    // 2/(3 ln2) (ss + ...)
    const pH = withLowWord(u + v, 0);
    const pL = v - (pH - u);
    const zH = CP_H * pH; // CP_H + CP_L = 2/(3 ln2)
    const zL = CP_L * pH + pL * CP + DP_L[k];
    // log2(ax) = (ss + ...) 2/(3 ln2) = n + DP_H + zH + zL
    const t = n;
    t1 = withLowWord(zH + zL + DP_H[k] + t, 0);
    t2 = zL - (t1 - t - DP_H[k] - zH);
  }

  // (y1 + y2)(t1 + t2) with y1 = y's top 32 bits
  const y1 = withLowWord(y, 0);
  const pL = (y - y1) * t1 + y * t2;
  let pH = y1 * t1;
  let z = pL + pH;
  let j = highWord(z);
  let i = lowWord(z) | 0;
  if (j >= 0x40900000) {
    // z >= 1024
    if (((j - 0x40900000) | i) !== 0) return s * HUGE * HUGE; // z > 1024: overflow
    if (pL + OVT > z - pH) return s * HUGE * HUGE; // overflow
  } else if ((j & 0x7fffffff) >= 0x4090cc00) {
    // z <= -1075
    if (((j - (0xc090cc00 | 0)) | i) !== 0) return s * TINY * TINY; // z < -1075: underflow
    if (pL <= z - pH) return s * TINY * TINY; // underflow
  }

  // 2^(pH + pL): n = nearest integer to z when |z| > 0.5, pH -= n
  i = j & 0x7fffffff;
  let k = (i >> 20) - 0x3ff;
  n = 0;
  if (i > 0x3fe00000) {
    n = j + (0x00100000 >> (k + 1));
    k = ((n & 0x7fffffff) >> 20) - 0x3ff; // new k for n
    const t = fromWords(n & ~(0x000fffff >> k), 0);
    n = ((n & 0x000fffff) | 0x00100000) >> (20 - k);
    if (j < 0) n = -n;
    pH -= t;
  }
  let t = withLowWord(pL + pH, 0);
  const u = t * LG2_H;
  const v = (pL - (t - pH)) * LG2 + t * LG2_L;
  z = u + v;
  const w = v - (z - u);
  t = z * z;
  t1 = z - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  const r = (z * t1) / (t1 - 2 - (w + z * w));
  z = 1 - (r - z);
  j = highWord(z) + (n << 20);
  if (j >> 20 <= 0)
    z = scalbn(z, n); // subnormal result
  else z = withHighWord(z, j);
  return s * z;
}
