// src/model/math.ts against the engine's Math.* on many seeded inputs per function: edge cases
// (+-0, subnormals, +-Infinity, NaN, the thresholds of each algorithm and their neighbours one and
// two ulps away) and seeded draws over each function's range, over every bit pattern, and over
// the ranges the model feeds them. Everywhere the results must be within 1 ulp of Math.*.
//
// Bit-identity: on Node 20 (V8 11.x) Math.exp, expm1, log, log1p, log2, log10, sin, cos, sinh,
// cosh, tanh and pow are fdlibm (src/base/ieee754.cc) and Math.hypot is the algorithm of
// src/builtins/math.tq; the library ports exactly those, so every one of its 13 functions gives
// Math.*'s bits on every tested input, and this file asserts it there. Newer V8 moved some
// functions to other libms (LLVM libc sin, std::pow), so on other engines or versions only the
// 1-ulp bound is asserted (the library's bits do not change; Math.*'s may).
// The last block pins exact bit patterns, so any change to the library's results is caught on
// any host.
import { describe, expect, it } from 'vitest';
import * as M from '../../src/model/math';
import { AGENTS } from '../../src/model/agents';
import { actionValue } from '../../src/model/effects';
import { resolveParams } from '../../src/model/params';

const V8_MAJOR = Number(globalThis.process?.versions?.v8?.split('.')[0] ?? Number.NaN);
/** Math.* is fdlibm here (Node 20): expect the library's bits exactly */
const EXPECT_IDENTICAL = V8_MAJOR === 11;

// ---- bits ----

const F = new Float64Array(1);
const B = new BigUint64Array(F.buffer);
const bitsOf = (x: number): bigint => {
  F[0] = x;
  return B[0];
};
const fromBits = (b: bigint): number => {
  B[0] = BigInt.asUintN(64, b);
  return F[0];
};
const hex = (x: number): string => `0x${bitsOf(x).toString(16).padStart(16, '0')}`;

/** doubles in order as integers (-0 and +0 both 0) */
const ordinal = (x: number): bigint => {
  const b = bitsOf(x);
  return b >> 63n ? -(b & 0x7fffffffffffffffn) : b;
};

/** distance in ulps (0 for the same value, NaN and NaN included; Infinity if only one is NaN or signs of zero differ) */
function ulps(a: number, b: number): number {
  if (Object.is(a, b)) return 0;
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.POSITIVE_INFINITY;
  if (a === 0 && b === 0) return Number.POSITIVE_INFINITY; // +0 vs -0
  const d = ordinal(a) - ordinal(b);
  return Number(d < 0n ? -d : d);
}

/** x and its neighbours up to two ulps either way (finite x) */
function around(x: number): number[] {
  const o = ordinal(x);
  const out: number[] = [];
  for (let d = -2n; d <= 2n; d++) {
    const v = o + d;
    out.push(v < 0n ? fromBits((1n << 63n) | -v) : fromBits(v));
  }
  return out;
}

// ---- a seeded generator (splitmix32; never Math.random) ----

function seeded(seed: number) {
  let s = seed | 0;
  const u32 = (): number => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  /** uniform on [0, 1) with 53 random bits */
  const unit = (): number => (u32() * 2097152 + (u32() >>> 11)) / 9007199254740992;
  return {
    unit,
    /** uniform on [a, b) */
    range: (a: number, b: number): number => a + (b - a) * unit(),
    /** any of the 2^64 bit patterns (NaNs, infinities, subnormals included) */
    anyDouble: (): number => fromBits((BigInt(u32()) << 32n) | BigInt(u32())),
    /** sign * 2^e with e uniform on [e0, e1) */
    logUniform: (e0: number, e1: number, signed = true): number => (signed && u32() & 1 ? -1 : 1) * 2 ** (e0 + (e1 - e0) * unit()),
  };
}

const N = 20000; // seeded draws per family

// ---- comparison ----

interface Tally {
  total: number;
  identical: number;
  maxUlps: number;
  worst: string;
}

function compare1(name: string, mine: (x: number) => number, ref: (x: number) => number, xs: number[]): Tally {
  const t: Tally = { total: 0, identical: 0, maxUlps: 0, worst: '' };
  for (const x of xs) {
    const a = mine(x);
    const b = ref(x);
    const d = ulps(a, b);
    t.total++;
    if (d === 0) t.identical++;
    else if (d > t.maxUlps) {
      t.maxUlps = d;
      t.worst = `${name}(${x}) = ${a} (${hex(a)}), Math: ${b} (${hex(b)})`;
    }
  }
  return t;
}

function compare2(name: string, mine: (x: number, y: number) => number, ref: (x: number, y: number) => number, xys: Array<[number, number]>): Tally {
  const t: Tally = { total: 0, identical: 0, maxUlps: 0, worst: '' };
  for (const [x, y] of xys) {
    const a = mine(x, y);
    const b = ref(x, y);
    const d = ulps(a, b);
    t.total++;
    if (d === 0) t.identical++;
    else if (d > t.maxUlps) {
      t.maxUlps = d;
      t.worst = `${name}(${x}, ${y}) = ${a} (${hex(a)}), Math: ${b} (${hex(b)})`;
    }
  }
  return t;
}

function expectClose(t: Tally): void {
  expect(t.maxUlps, t.worst).toBeLessThanOrEqual(1);
  if (EXPECT_IDENTICAL) expect(t.identical, t.worst).toBe(t.total);
}

// ---- inputs ----

const SPECIAL = [
  0,
  -0,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  Number.NaN,
  5e-324,
  -5e-324,
  2.2250738585072014e-308,
  -2.2250738585072014e-308,
  2.225073858507201e-308,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  1,
  -1,
  0.5,
  -0.5,
  2,
  -2,
];
const nearAll = (xs: number[]): number[] => xs.flatMap((x) => [...around(x), ...around(-x)]);

function draws(seed: number, families: Array<(g: ReturnType<typeof seeded>) => number>): number[] {
  const g = seeded(seed);
  const out: number[] = [];
  for (const f of families) for (let i = 0; i < N; i++) out.push(f(g));
  return out;
}

const LN2 = Math.LN2;

const EXP_INPUTS = [
  ...SPECIAL,
  // overflow / underflow thresholds, |x| = ln2/2 and 1.5 ln2 (reduction branches), 2^-28, k = 1024,
  // subnormal results (k < -1021), exp(1) (special-cased), 22, 56 ln2 (expm1's branches)
  ...nearAll([
    709.782712893384,
    745.1332191019411,
    0.5 * LN2,
    1.5 * LN2,
    2 ** -28,
    2 ** -54,
    709.7,
    708.4,
    707,
    1,
    22,
    56 * LN2,
    20 * LN2,
    19.5 * LN2,
    0.25,
    1e-300,
  ]),
  ...draws(1, [(g) => g.range(-750, 750), (g) => g.range(-2, 2), (g) => g.logUniform(-60, 10), (g) => g.anyDouble(), (g) => g.range(-40, 40)]),
];

const LOG_INPUTS = [
  ...SPECIAL,
  -3,
  Number.NEGATIVE_INFINITY,
  // 1 and its neighbours, sqrt(2) and sqrt(2)/2 (normalisation edge), powers of 2 and 10, the smallest normal
  ...around(1),
  ...around(Math.SQRT2),
  ...around(Math.SQRT1_2),
  ...around(1 + 2 ** -20),
  ...around(1 - 2 ** -20),
  ...Array.from({ length: 60 }, (_, i) => 2 ** (i * 36 - 1074)),
  ...Array.from({ length: 46 }, (_, i) => 10 ** (i - 23)),
  ...around(2.2250738585072014e-308),
  ...draws(2, [
    (g) => g.logUniform(-1074, 1024, false),
    (g) => 1 + g.range(-1e-3, 1e-3),
    (g) => g.range(0, 4),
    (g) => Math.abs(g.anyDouble()),
    (g) => g.anyDouble(),
    (g) => (Math.floor(g.unit() * 4294967296) || 1) / 4294967296,
  ]),
];

const LOG1P_INPUTS = [
  ...SPECIAL,
  ...around(-1),
  -1.5,
  // the branch points of s_log1p.c: 2^-29, 2^-54, sqrt(2) - 1, sqrt(2)/2 - 1, 2^53
  ...nearAll([2 ** -29, 2 ** -54, Math.SQRT2 - 1, 1 - Math.SQRT1_2, 2 ** 53, 1e-10]),
  ...draws(3, [(g) => g.range(-1, 3), (g) => g.logUniform(-80, 10), (g) => g.logUniform(-1074, 1024, false), (g) => g.anyDouble()]),
];

const PI = Math.PI;
const TRIG_INPUTS = [
  ...SPECIAL,
  // pi/4 (no reduction), 3pi/4 (n = +-1), n pi/2 for n = 1..40 (the cancellation table), 2^19 pi/2
  // (medium / large reduction), huge arguments, 2^-27 (kernel shortcut), 0.3 and 0.78125 (k_cos.c)
  ...nearAll([PI / 4, (3 * PI) / 4, 2 ** 19 * (PI / 2), 2 ** -27, 0.3, 0.78125, 1e22, 1e300, 2 ** 1023, 1e6, 1e9]),
  ...Array.from({ length: 40 }, (_, n) => nearAll([((n + 1) * PI) / 2])).flat(),
  // the doubles below 2^19 pi/2 closest to a multiple of pi/2 (68 to 72 bits cancel: the third step
  // of the medium reduction), and 6381956970095103 * 2^797, the hardest case for the large one
  ...nearAll([
    321307.9594422229, 642615.9188844458, 413441.44719405076, 597708.4226977065, 138200.2316277418, 229174.47169039503, 276400.4632554836, 458348.94338079006,
  ]),
  ...nearAll([6381956970095103 * 2 ** 797]),
  ...draws(4, [
    (g) => g.range(-10, 10),
    (g) => g.range(-1e6, 1e6),
    (g) => g.logUniform(-30, 1024),
    (g) => g.anyDouble(),
    (g) => 2 * PI * g.unit(),
    (g) => PI * g.unit(),
  ]),
];

const HYPERBOLIC_INPUTS = [
  ...SPECIAL,
  // 2^-28, 2^-55, ln2/2, 1, 22, ln(max double), the overflow threshold
  ...nearAll([2 ** -28, 2 ** -55, 0.5 * LN2, 1, 22, 709.7822265625, 709.782712893384, 710.4758600739439]),
  ...draws(5, [(g) => g.range(-30, 30), (g) => g.range(-720, 720), (g) => g.range(-1, 1), (g) => g.logUniform(-60, 12), (g) => g.anyDouble()]),
];

// ---- tests ----

describe('src/model/math.ts against Math.* (Node 20: bit-identical)', () => {
  const cases: Array<[string, (x: number) => number, (x: number) => number, number[]]> = [
    ['exp', M.exp, Math.exp, EXP_INPUTS],
    ['expm1', M.expm1, Math.expm1, EXP_INPUTS],
    ['log', M.log, Math.log, LOG_INPUTS],
    ['log2', M.log2, Math.log2, LOG_INPUTS],
    ['log10', M.log10, Math.log10, LOG_INPUTS],
    ['log1p', M.log1p, Math.log1p, LOG1P_INPUTS],
    ['sin', M.sin, Math.sin, TRIG_INPUTS],
    ['cos', M.cos, Math.cos, TRIG_INPUTS],
    ['sinh', M.sinh, Math.sinh, HYPERBOLIC_INPUTS],
    ['cosh', M.cosh, Math.cosh, HYPERBOLIC_INPUTS],
    ['tanh', M.tanh, Math.tanh, HYPERBOLIC_INPUTS],
  ];
  for (const [name, mine, ref, xs] of cases) {
    it(`${name}: ${xs.length} inputs within 1 ulp${EXPECT_IDENTICAL ? ', all bit-identical' : ''}`, () => {
      expectClose(compare1(name, mine, ref, xs));
    });
  }

  it('pow: ECMAScript special cases', () => {
    const { NaN: nan, POSITIVE_INFINITY: inf } = Number;
    const table: Array<[number, number, number]> = [
      [nan, 0, 1],
      [nan, -0, 1],
      [inf, 0, 1],
      [3, nan, nan],
      [nan, 1, nan],
      [1, nan, nan],
      [1, inf, nan], // 1 in IEEE 754 and C, NaN in JavaScript
      [1, -inf, nan],
      [-1, inf, nan],
      [-1, -inf, nan],
      [2, inf, inf],
      [2, -inf, 0],
      [0.5, inf, 0],
      [0.5, -inf, inf],
      [-0.5, inf, 0],
      [-2, -inf, 0],
      [inf, 0.5, inf],
      [inf, -0.5, 0],
      [-inf, 3, -inf],
      [-inf, 2, inf],
      [-inf, 0.5, inf], // not sqrt(-inf)
      [-inf, -3, -0],
      [-inf, -2, 0],
      [0, 3, 0],
      [0, -3, inf],
      [-0, 3, -0],
      [-0, 2, 0],
      [-0, 0.5, 0], // not sqrt(-0) = -0
      [-0, -3, -inf],
      [-0, -2, inf],
      [-0, -0.5, inf],
      [-8, 1 / 3, nan], // negative base, non-integer exponent
      [-2, 0.5, nan],
      [-2, 3, -8],
      [-2, -3, -0.125],
      [-2, 2, 4],
      [-1.5, 2 ** 60, inf], // huge even exponent
      [-1.5, -(2 ** 60), 0],
      [-3, 2 ** 53, inf],
      [2, -1074, 5e-324],
      [2, -1075, 0],
      [2, 1023, 2 ** 1023],
      [2, 1024, inf],
      [10, 22, 1e22], // exact integers stay exact
      [7, 0.5, Math.sqrt(7)],
      [7, 1, 7],
      [7, -1, 1 / 7],
      [7, 2, 49],
    ];
    for (const [x, y, want] of table) {
      expect(Object.is(M.pow(x, y), want), `pow(${x}, ${y}) = ${M.pow(x, y)}, want ${want}`).toBe(true);
      expect(Object.is(M.pow(x, y), x ** y), `pow(${x}, ${y}) vs **`).toBe(true);
    }
  });

  it('pow: seeded pairs across its range within 1 ulp (bit-identical on Node 20)', () => {
    const g = seeded(6);
    const pairs: Array<[number, number]> = [];
    const special = [...SPECIAL, 3, -3, 0.25, 10, 1e-300, 1e300, 1 + 2 ** -40, 1 - 2 ** -40];
    const exps = [
      ...SPECIAL,
      3,
      -3,
      0.25,
      1 / 3,
      -1 / 3,
      2 ** 31,
      2 ** 31 + 1,
      2 ** 53,
      2 ** 53 + 2,
      2 ** 64,
      2 ** 70,
      1e20,
      0.1,
      2.5,
      -2.5,
      1074,
      -1074,
      1075,
    ];
    for (const x of special) for (const y of exps) pairs.push([x, y]);
    for (let i = 0; i < N; i++) {
      pairs.push([g.anyDouble(), g.anyDouble()]);
      pairs.push([g.range(0, 100), g.range(-10, 10)]);
      pairs.push([g.logUniform(-40, 40, false), g.range(0, 4)]); // Hill terms
      pairs.push([-g.range(0, 10), Math.round(g.range(-40, 40))]); // negative base, integer exponent
      pairs.push([-g.logUniform(-1074, 1024, false), Math.round(g.range(-1e6, 1e6)) * 2 + 1]); // odd exponents, results far out of range
      pairs.push([1 + g.range(-1e-6, 1e-6), g.range(-1e10, 1e10)]); // |y| > 2^31 near 1
      pairs.push([g.logUniform(-1074, 1024, false), g.range(-4, 4)]);
      // y log2(x) near the overflow (1024) and underflow (-1075) edges
      const x = g.range(1.01, 100);
      pairs.push([x, (1024 + g.range(-2, 1)) / Math.log2(x)]);
      pairs.push([x, (-1075 + g.range(-1, 30)) / Math.log2(x)]);
    }
    expectClose(compare2('pow', M.pow, Math.pow, pairs));
  });

  it('hypot: special cases and seeded pairs (bit-identical to V8 on every tested pair)', () => {
    const { NaN: nan, POSITIVE_INFINITY: inf } = Number;
    expect(Object.is(M.hypot(0, 0), 0)).toBe(true);
    expect(Object.is(M.hypot(-0, -0), 0)).toBe(true);
    expect(M.hypot(inf, nan)).toBe(inf);
    expect(M.hypot(nan, -inf)).toBe(inf);
    expect(M.hypot(nan, 3)).toBeNaN();
    expect(M.hypot(3, 4)).toBe(5);
    expect(M.hypot(-3, 4)).toBe(5);
    expect(M.hypot(1e308, 1e308)).toBe(Math.hypot(1e308, 1e308)); // no overflow
    expect(M.hypot(3e-320, 4e-320)).toBe(5e-320); // no underflow
    const g = seeded(7);
    const pairs: Array<[number, number]> = [];
    for (const x of SPECIAL) for (const y of SPECIAL) pairs.push([x, y]);
    for (let i = 0; i < N; i++) {
      pairs.push([g.anyDouble(), g.anyDouble()]);
      pairs.push([g.range(-3000, 3000), g.range(-3000, 3000)]); // lattice distances, um
      pairs.push([g.logUniform(-1074, 1024), g.logUniform(-1074, 1024)]);
      pairs.push([g.range(-1, 1), g.logUniform(-60, 0)]);
    }
    const t = compare2('hypot', M.hypot, Math.hypot, pairs);
    expect(t.maxUlps, t.worst).toBeLessThanOrEqual(1);
    if (Number.isFinite(V8_MAJOR)) expect(t.identical, t.worst).toBe(t.total); // the same algorithm as V8's, every version
  });

  it('the inputs the model gives them (Box-Muller, quanta of drug levels, Hill terms, smooth noise)', () => {
    const g = seeded(8);
    const u32 = Array.from({ length: N }, () => Math.floor(g.unit() * 4294967296) / 4294967296);
    // random.ts normal(): log of a keyed uniform (never 0), cos of 2 pi times one
    expectClose(
      compare1(
        'log',
        M.log,
        Math.log,
        u32.map((u) => u || 2.3283064365386963e-10),
      ),
    );
    expectClose(
      compare1(
        'cos',
        M.cos,
        Math.cos,
        u32.map((u) => 2 * Math.PI * u),
      ),
    );
    // schedule.ts: the quanta round(25 ln c) and their bounds exp((q +- (0.5 - 1e-6)) / 25)
    const q = Array.from({ length: 1400 }, (_, i) => i - 700);
    expectClose(
      compare1(
        'exp',
        M.exp,
        Math.exp,
        q.flatMap((k) => [k / 25, (k - 0.5 + 1e-6) / 25, (k + 0.5 - 1e-6) / 25]),
      ),
    );
    expectClose(
      compare1(
        'log',
        M.log,
        Math.log,
        q.map((k) => Math.fround(Math.exp(k / 25) * (1 + (g.unit() - 0.5) * 1e-6))),
      ),
    );
    // effects.ts: (c / potency)^hill for every agent's actions over the tabulated levels
    const hill: Array<[number, number]> = [];
    const defaults = resolveParams();
    for (const a of Object.values(AGENTS)) {
      for (const act of a.actions) {
        const potency = actionValue(act.potency, defaults);
        for (const k of q) if (potency > 0) hill.push([Math.exp(k / 25) / potency, act.hill], [Math.exp(k / 25), act.hill], [potency, act.hill]);
      }
    }
    expectClose(compare2('pow', M.pow, Math.pow, hill));
    // initial-state.ts, growth.ts, tissue.ts: cos(pi f), exp(cv z) and Gaussian weights exp(-d^2 / (2 sigma^2))
    expectClose(
      compare1(
        'cos',
        M.cos,
        Math.cos,
        u32.map((u) => Math.PI * u),
      ),
    );
    expectClose(
      compare1(
        'exp',
        M.exp,
        Math.exp,
        u32.map((u) => 0.3 * (u - 0.5) * 12),
      ),
    );
    expectClose(
      compare1(
        'exp',
        M.exp,
        Math.exp,
        u32.map((u) => -16 * u),
      ),
    );
  });
});

describe('pinned bits (any change to the library shows here, on any host)', () => {
  // values of this library; on Node 20 they are also Math.*'s
  const pinned: Array<[string, () => number, string]> = [
    ['exp(1)', () => M.exp(1), '0x4005bf0a8b145769'],
    ['exp(-0.3)', () => M.exp(-0.3), '0x3fe7b4c869c37c05'],
    ['exp(700.5)', () => M.exp(700.5), '0x7f18625c7d4f56c2'],
    ['exp(-740)', () => M.exp(-740), '0x0000000000000055'],
    ['exp(-708.5)', () => M.exp(-708.5), '0x000e6cf6d08897ac'],
    ['expm1(1e-5)', () => M.expm1(1e-5), '0x3ee4f8bc681cdfb6'],
    ['expm1(-20)', () => M.expm1(-20), '0xbfeffffffee4b79b'],
    ['log(2)', () => M.log(2), '0x3fe62e42fefa39ef'],
    ['log(0.1)', () => M.log(0.1), '0xc0026bb1bbb55515'],
    ['log(1e-310)', () => M.log(1e-310), '0xc0864e69394d9508'],
    ['log1p(1e-10)', () => M.log1p(1e-10), '0x3ddb7cdfd9d1d693'],
    ['log1p(-0.7)', () => M.log1p(-0.7), '0xbff34378fcbda720'],
    ['log2(3)', () => M.log2(3), '0x3ff95c01a39fbd68'],
    ['log10(2)', () => M.log10(2), '0x3fd34413509f79ff'],
    ['pow(10, 0.3)', () => M.pow(10, 0.3), '0x3fffec982d5bb8af'],
    ['pow(0.37, 1.8)', () => M.pow(0.37, 1.8), '0x3fc560d7f6fe0424'],
    ['pow(-1.1, 301)', () => M.pow(-1.1, 301), '0xc284f204e521fa7a'],
    ['pow(1e-3, 103.5)', () => M.pow(1e-3, 103.5), '0x000005d23ccb7dcf'],
    ['sin(1)', () => M.sin(1), '0x3feaed548f090cee'],
    ['sin(1e22)', () => M.sin(1e22), '0xbfeb453ab76bf397'],
    ['cos(1)', () => M.cos(1), '0x3fe14a280fb5068c'],
    ['cos(1e300)', () => M.cos(1e300), '0xbfe2699022adc4c1'],
    ['cos(2 pi 0.3)', () => M.cos(2 * Math.PI * 0.3), '0xbfd3c6ef372fe94e'],
    ['sinh(0.3)', () => M.sinh(0.3), '0x3fd37d42af54b926'],
    ['cosh(5)', () => M.cosh(5), '0x40528d6fcbeff3aa'],
    ['tanh(0.7)', () => M.tanh(0.7), '0x3fe356fb17af2e92'],
    ['hypot(1, 1e-8)', () => M.hypot(1, 1e-8), '0x3ff0000000000000'],
    ['hypot(2.5, 7.1)', () => M.hypot(2.5, 7.1), '0x401e1bf0428ea595'],
  ];
  it.each(pinned)('%s', (_name, f, want) => {
    expect(hex(f())).toBe(want);
  });
});
