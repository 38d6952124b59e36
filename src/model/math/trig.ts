// Why this file exists: sin and cos, ported from fdlibm (s_sin.c, s_cos.c, k_sin.c, k_cos.c,
// e_rem_pio2.c, k_rem_pio2.c) as V8 has them in src/base/ieee754.cc, so they give V8's bits on
// every host. Only + - * /, Math.floor and word access.
//
// ====================================================
// Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
//
// Developed at SunSoft, a Sun Microsystems, Inc. business.
// Permission to use, copy, modify, and distribute this
// software is freely granted, provided that this notice
// is preserved.
// ====================================================
import { fromWords, highWord, lowWord, scalbn } from './bits';

// ---- kernels on [-pi/4, pi/4]; y is the tail of x (x + y is the reduced argument) ----

const S1 = -0.16666666666666632; // 0xBFC55555 55555549
const S2 = 0.00833333333332249; // 0x3F811111 1110F8A6
const S3 = -1.984126982985795e-4; // 0xBF2A01A0 19C161D5
const S4 = 2.7557313707070068e-6; // 0x3EC71DE3 57B1FE7D
const S5 = -2.5050760253406863e-8; // 0xBE5AE5E6 8A2B9CEB
const S6 = 1.58969099521155e-10; // 0x3DE5D93A 5ACFD57C

/**
 * sin(x + y) on [-pi/4, pi/4] (k_sin.c): x + S1 x^3 + ... + S6 x^13 (Remez error <= 2^-58), with
 * the first-order correction for the tail y when iy = 1.
 */
function kernelSin(x: number, y: number, iy: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix < 0x3e400000) return x; // |x| < 2^-27
  const z = x * x;
  const v = z * x;
  const r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
  if (iy === 0) return x + v * (S1 + z * r);
  return x - (z * (0.5 * y - v * r) - y - v * S1);
}

const C1 = 0.0416666666666666; // 0x3FA55555 5555554C
const C2 = -0.001388888888887411; // 0xBF56C16C 16C15177
const C3 = 2.480158728947673e-5; // 0x3EFA01A0 19CB1590
const C4 = -2.7557314351390663e-7; // 0xBE927E4F 809C52AD
const C5 = 2.087572321298175e-9; // 0x3E21EE9E BDB4B1C4
const C6 = -1.1359647557788195e-11; // 0xBDA8FAE9 BE8838D4

/**
 * cos(x + y) on [-pi/4, pi/4] (k_cos.c): 1 - x^2/2 + C1 x^4 + ... + C6 x^14 (Remez error <= 2^-58),
 * corrected for y; for |x| > 0.3 the subtraction from 1 goes through qx ~ x/4 (exact steps).
 */
function kernelCos(x: number, y: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix < 0x3e400000) return 1; // |x| < 2^-27
  const z = x * x;
  const r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
  if (ix < 0x3fd33333) return 1 - (0.5 * z - (z * r - x * y)); // |x| < 0.3
  const qx = ix > 0x3fe90000 ? 0.28125 : fromWords(ix - 0x00200000, 0); // x/4, low word cleared
  const iz = 0.5 * z - qx;
  const a = 1 - qx;
  return a - (iz - (z * r - x * y));
}

// ---- argument reduction: x - n pi/2 = y0 + y1, |y0 + y1| <= pi/4 ----

/** 2/pi in 24-bit chunks (396 hex digits) */
const TWO_OVER_PI = [
  0xa2f983, 0x6e4e44, 0x1529fc, 0x2757d1, 0xf534dd, 0xc0db62, 0x95993c, 0x439041, 0xfe5163, 0xabdebb, 0xc561b7, 0x246e3a, 0x424dd2, 0xe00649, 0x2eea09,
  0xd1921c, 0xfe1deb, 0x1cb129, 0xa73ee8, 0x8235f5, 0x2ebb44, 0x84e99c, 0x7026b4, 0x5f7e41, 0x3991d6, 0x398353, 0x39f49c, 0x845f8b, 0xbdf928, 0x3b1ff8,
  0x97ffde, 0x05980f, 0xef2f11, 0x8b5a0a, 0x6d1f6d, 0x367ecf, 0x27cb09, 0xb74f46, 0x3f669e, 0x5fea2d, 0x7527ba, 0xc7ebe5, 0xf17b3d, 0x0739f7, 0x8a5292,
  0xea6bfb, 0x5fb11f, 0x8d5d08, 0x560330, 0x46fc7b, 0x6babf0, 0xcfbc20, 0x9af436, 0x1da9e3, 0x91615e, 0xe61b08, 0x659985, 0x5f14a0, 0x68408d, 0xffd880,
  0x4d7327, 0x310606, 0x1556ca, 0x73a8c9, 0x60e27b, 0xc08c6b,
];

/** high words of n pi/2 for n = 1..32 (where cancellation needs a closer look) */
const NPIO2_HW = [
  0x3ff921fb, 0x400921fb, 0x4012d97c, 0x401921fb, 0x401f6a7a, 0x4022d97c, 0x4025fdbb, 0x402921fb, 0x402c463a, 0x402f6a7a, 0x4031475c, 0x4032d97c, 0x40346b9c,
  0x4035fdbb, 0x40378fdb, 0x403921fb, 0x403ab41b, 0x403c463a, 0x403dd85a, 0x403f6a7a, 0x40407e4c, 0x4041475c, 0x4042106c, 0x4042d97c, 0x4043a28c, 0x40446b9c,
  0x404534ac, 0x4045fdbb, 0x4046c6cb, 0x40478fdb, 0x404858eb, 0x404921fb,
];

const INV_PIO2 = 0.6366197723675814; // 0x3FE45F30 6DC9C883: 53 bits of 2/pi
const PIO2_1 = 1.5707963267341256; // 0x3FF921FB 54400000: first 33 bits of pi/2
const PIO2_1T = 6.077100506506192e-11; // 0x3DD0B461 1A626331: pi/2 - PIO2_1
const PIO2_2 = 6.077100506303966e-11; // 0x3DD0B461 1A600000: second 33 bits
const PIO2_2T = 2.0222662487959506e-21; // 0x3BA3198A 2E037073: pi/2 - (PIO2_1 + PIO2_2)
const PIO2_3 = 2.0222662487111665e-21; // 0x3BA3198A 2E000000: third 33 bits
const PIO2_3T = 8.4784276603689e-32; // 0x397B839A 252049C1: pi/2 - (PIO2_1 + PIO2_2 + PIO2_3)
const TWO24 = 16777216; // 0x41700000 00000000
const TWON24 = 5.9604644775390625e-8; // 0x3E700000 00000000

/** the reduced argument y0 + y1 of the last remPio2 call */
const Y = new Float64Array(2);
const TX = new Float64Array(3);

/**
 * Reduces x to Y[0] + Y[1] = x - n pi/2 and returns n (e_rem_pio2.c). Small |x| subtract n pi/2
 * split in 33-bit pieces (one, two or three of them as cancellation demands); |x| > 2^19 pi/2
 * go to kernelRemPio2 with x cut in 24-bit pieces.
 */
function remPio2(x: number): number {
  const hx = highWord(x);
  const ix = hx & 0x7fffffff;
  if (ix <= 0x3fe921fb) {
    // |x| ~<= pi/4: no reduction
    Y[0] = x;
    Y[1] = 0;
    return 0;
  }
  if (ix < 0x4002d97c) {
    // |x| < 3pi/4: n = +-1
    if (hx > 0) {
      let z = x - PIO2_1;
      if (ix !== 0x3ff921fb) {
        // 33 + 53 bits of pi are enough
        Y[0] = z - PIO2_1T;
        Y[1] = z - Y[0] - PIO2_1T;
      } else {
        // near pi/2: 33 + 33 + 53 bits
        z -= PIO2_2;
        Y[0] = z - PIO2_2T;
        Y[1] = z - Y[0] - PIO2_2T;
      }
      return 1;
    }
    let z = x + PIO2_1;
    if (ix !== 0x3ff921fb) {
      Y[0] = z + PIO2_1T;
      Y[1] = z - Y[0] + PIO2_1T;
    } else {
      z += PIO2_2;
      Y[0] = z + PIO2_2T;
      Y[1] = z - Y[0] + PIO2_2T;
    }
    return -1;
  }
  if (ix <= 0x413921fb) {
    // |x| ~<= 2^19 pi/2: medium size
    const t = Math.abs(x);
    const n = (t * INV_PIO2 + 0.5) | 0;
    const fn = n;
    let r = t - fn * PIO2_1;
    let w = fn * PIO2_1T; // first round, good to 85 bits
    if (n < 32 && ix !== NPIO2_HW[n - 1]) {
      Y[0] = r - w; // no cancellation
    } else {
      const j = ix >> 20;
      Y[0] = r - w;
      let i = j - ((highWord(Y[0]) >> 20) & 0x7ff);
      if (i > 16) {
        // second iteration, good to 118 bits
        let tt = r;
        w = fn * PIO2_2;
        r = tt - w;
        w = fn * PIO2_2T - (tt - r - w);
        Y[0] = r - w;
        i = j - ((highWord(Y[0]) >> 20) & 0x7ff);
        if (i > 49) {
          // third iteration, 151 bits: covers every case
          tt = r;
          w = fn * PIO2_3;
          r = tt - w;
          w = fn * PIO2_3T - (tt - r - w);
          Y[0] = r - w;
        }
      }
    }
    Y[1] = r - Y[0] - w;
    if (hx < 0) {
      Y[0] = -Y[0];
      Y[1] = -Y[1];
      return -n;
    }
    return n;
  }
  if (ix >= 0x7ff00000) {
    // inf or NaN
    Y[0] = Y[1] = x - x;
    return 0;
  }
  // large |x|: z = scalbn(|x|, -e0) cut into three 24-bit pieces
  const e0 = (ix >> 20) - 1046; // ilogb(z) - 23
  let z = fromWords(ix - (e0 << 20), lowWord(x));
  for (let i = 0; i < 2; i++) {
    TX[i] = z | 0; // z < 2^24
    z = (z - TX[i]) * TWO24;
  }
  TX[2] = z;
  let nx = 3;
  while (TX[nx - 1] === 0) nx--; // skip zero terms
  const n = kernelRemPio2(TX, e0, nx);
  if (hx < 0) {
    Y[0] = -Y[0];
    Y[1] = -Y[1];
    return -n;
  }
  return n;
}

/** pi/2 in 24-bit chunks */
const PIO2 = [
  1.570796251296997, // 0x3FF921FB 40000000
  7.549789415861596e-8, // 0x3E74442D 00000000
  5.390302529957765e-15, // 0x3CF84698 80000000
  3.282003415807913e-22, // 0x3B78CC51 60000000
  1.270655753080676e-29, // 0x39F01B83 80000000
  1.2293330898111133e-36, // 0x387A2520 40000000
  2.7337005381646456e-44, // 0x36E38222 80000000
  2.1674168387780482e-51, // 0x3569F31D 00000000
];

const IQ = new Int32Array(20);
const FF = new Float64Array(20);
const FQ = new Float64Array(20);
const QQ = new Float64Array(20);

/**
 * x (nx 24-bit pieces, the first scaled by 2^e0) minus n pi/2 into Y[0] + Y[1]; returns n mod 8
 * (k_rem_pio2.c with prec = 2, as V8 calls it: jk = 4 initial terms of 2/pi). Multiplies by 2/pi
 * in 24-bit chunks, skipping the chunks whose product is a multiple of 8, and adds terms until
 * the fraction is not lost to cancellation.
 */
function kernelRemPio2(x: Float64Array, e0: number, nx: number): number {
  const jk = 4;
  const jp = jk;
  const jx = nx - 1;
  let jv = ((e0 - 3) / 24) | 0;
  if (jv < 0) jv = 0;
  let q0 = e0 - 24 * (jv + 1);

  // FF[0..jx + jk] = TWO_OVER_PI[jv - jx .. jv + jk]
  let j = jv - jx;
  const m = jx + jk;
  for (let i = 0; i <= m; i++, j++) FF[i] = j < 0 ? 0 : TWO_OVER_PI[j];

  // QQ[0..jk]
  for (let i = 0; i <= jk; i++) {
    let fw = 0;
    for (j = 0; j <= jx; j++) fw += x[j] * FF[jx + i - j];
    QQ[i] = fw;
  }

  let jz = jk;
  let z: number;
  let n: number;
  let ih: number;
  for (;;) {
    // distill QQ into IQ, reversed
    z = QQ[jz];
    for (let i = 0, jj = jz; jj > 0; i++, jj--) {
      const fw = (TWON24 * z) | 0;
      IQ[i] = (z - TWO24 * fw) | 0;
      z = QQ[jj - 1] + fw;
    }
    // n
    z = scalbn(z, q0); // the actual value of z
    z -= 8 * Math.floor(z * 0.125); // drop multiples of 8
    n = z | 0;
    z -= n;
    ih = 0;
    if (q0 > 0) {
      // IQ[jz - 1] holds bits of n
      const i = IQ[jz - 1] >> (24 - q0);
      n += i;
      IQ[jz - 1] -= i << (24 - q0);
      ih = IQ[jz - 1] >> (23 - q0);
    } else if (q0 === 0) ih = IQ[jz - 1] >> 23;
    else if (z >= 0.5) ih = 2;

    if (ih > 0) {
      // fraction >= 0.5: n + 1 and 1 - fraction
      n += 1;
      let carry = 0;
      for (let i = 0; i < jz; i++) {
        const v = IQ[i];
        if (carry === 0) {
          if (v !== 0) {
            carry = 1;
            IQ[i] = 0x1000000 - v;
          }
        } else IQ[i] = 0xffffff - v;
      }
      if (q0 === 1) IQ[jz - 1] &= 0x7fffff;
      else if (q0 === 2) IQ[jz - 1] &= 0x3fffff;
      if (ih === 2) {
        z = 1 - z;
        if (carry !== 0) z -= scalbn(1, q0);
      }
    }

    // recompute with more terms if the fraction cancelled to 0
    if (z !== 0) break;
    let any = 0;
    for (let i = jz - 1; i >= jk; i--) any |= IQ[i];
    if (any !== 0) break;
    let k = 1;
    while (jk >= k && IQ[jk - k] === 0) k++; // k = number of terms needed
    for (let i = jz + 1; i <= jz + k; i++) {
      FF[jx + i] = TWO_OVER_PI[jv + i];
      let fw = 0;
      for (j = 0; j <= jx; j++) fw += x[j] * FF[jx + i - j];
      QQ[i] = fw;
    }
    jz += k;
  }

  // chop off zero terms
  if (z === 0) {
    jz -= 1;
    q0 -= 24;
    while (IQ[jz] === 0) {
      jz--;
      q0 -= 24;
    }
  } else {
    // break z into 24-bit pieces if needed
    z = scalbn(z, -q0);
    if (z >= TWO24) {
      const fw = (TWON24 * z) | 0;
      IQ[jz] = z - TWO24 * fw;
      jz += 1;
      q0 += 24;
      IQ[jz] = fw;
    } else IQ[jz] = z;
  }

  // the integer chunks as doubles
  let fw = scalbn(1, q0);
  for (let i = jz; i >= 0; i--) {
    QQ[i] = fw * IQ[i];
    fw *= TWON24;
  }

  // FQ = PIO2[0..jp] * QQ[jz..0]
  for (let i = jz; i >= 0; i--) {
    fw = 0;
    for (let k = 0; k <= jp && k <= jz - i; k++) fw += PIO2[k] * QQ[i + k];
    FQ[jz - i] = fw;
  }

  // compress FQ into Y[0] + Y[1]
  fw = 0;
  for (let i = jz; i >= 0; i--) fw += FQ[i];
  Y[0] = ih === 0 ? fw : -fw;
  fw = FQ[0] - fw;
  for (let i = 1; i <= jz; i++) fw += FQ[i];
  Y[1] = ih === 0 ? fw : -fw;
  return n & 7;
}

// ---- sin and cos ----
// With x - n pi/2 = y in [-pi/4, pi/4] and S, C the kernels on y:
//   n mod 4:   0    1    2    3
//   sin(x):    S    C   -S   -C
//   cos(x):    C   -S   -C    S

/** Sine (fdlibm s_sin.c): reduce by remPio2, then the kernels. Nearly rounded (< 1 ulp). */
export function sin(x: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix <= 0x3fe921fb) return kernelSin(x, 0, 0); // |x| ~<= pi/4
  if (ix >= 0x7ff00000) return x - x; // sin(inf or NaN) is NaN
  const n = remPio2(x);
  switch (n & 3) {
    case 0:
      return kernelSin(Y[0], Y[1], 1);
    case 1:
      return kernelCos(Y[0], Y[1]);
    case 2:
      return -kernelSin(Y[0], Y[1], 1);
    default:
      return -kernelCos(Y[0], Y[1]);
  }
}

/** Cosine (fdlibm s_cos.c): reduce by remPio2, then the kernels. Nearly rounded (< 1 ulp). */
export function cos(x: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix <= 0x3fe921fb) return kernelCos(x, 0); // |x| ~<= pi/4
  if (ix >= 0x7ff00000) return x - x; // cos(inf or NaN) is NaN
  const n = remPio2(x);
  switch (n & 3) {
    case 0:
      return kernelCos(Y[0], Y[1]);
    case 1:
      return -kernelSin(Y[0], Y[1], 1);
    case 2:
      return -kernelCos(Y[0], Y[1]);
    default:
      return kernelSin(Y[0], Y[1], 1);
  }
}
