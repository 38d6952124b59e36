// Sobol indices from Saltelli's scheme recover the known indices of two analytic functions (the
// Ishigami function on the Sobol base design, the Sobol' g-function with 12 axes on the Latin
// hypercube one), their bootstrap intervals cover them, the same outputs and seed give the same
// numbers, and missing outputs (failed runs) drop only their base points.
import { describe, expect, it } from 'vitest';
import { saltelliUnit } from '../../src/sweep/design';
import { saltelliBaseDesign, saltelliPoint, saltelliRole } from '../../src/sweep/saltelli';
import { type SaltelliOutputs, type SobolIndex, sobolIndices } from '../../src/sweep/sobol-indices';

/** Evaluate f over a saltelli design's unit rows and split the outputs into A, B and AB_i. */
function outputs(n: number, k: number, seed: number, f: (u: number[]) => number): SaltelliOutputs {
  const rows = saltelliUnit(n, k, seed);
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  const ab = Array.from({ length: k }, () => new Float64Array(n));
  rows.forEach((u, p) => {
    const r = saltelliRole(p, k);
    const y = f(u);
    if (r.matrix === 'A') a[r.base] = y;
    else if (r.matrix === 'B') b[r.base] = y;
    else ab[r.axis][r.base] = y;
  });
  return { a, b, ab };
}

// Ishigami (a = 7, b = 0.1) on [-pi, pi]^3: the classic test of sensitivity estimators
const ishigami = (u: number[]) => {
  const [x1, x2, x3] = u.map((v) => Math.PI * (2 * v - 1));
  return Math.sin(x1) + 7 * Math.sin(x2) ** 2 + 0.1 * x3 ** 4 * Math.sin(x1);
};
const V = 49 / 8 + (0.1 * Math.PI ** 4) / 5 + (0.01 * Math.PI ** 8) / 18 + 0.5;
const V1 = 0.5 * (1 + (0.1 * Math.PI ** 4) / 5) ** 2;
const V13 = 0.01 * Math.PI ** 8 * (1 / 18 - 1 / 50);
const ISHIGAMI = { S1: [V1 / V, 49 / 8 / V, 0], ST: [(V1 + V13) / V, 49 / 8 / V, V13 / V] };

// Sobol' g-function: prod (|4u - 2| + a_i) / (1 + a_i); V_i = 1 / (3 (1 + a_i)^2)
const A_G = [0, 0.5, 1, 2, 4.5, 9, 20, 50, 99, 99, 99, 99];
const gfun = (u: number[]) => u.reduce((p, x, i) => (p * (Math.abs(4 * x - 2) + A_G[i])) / (1 + A_G[i]), 1);
const Vi = A_G.map((a) => 1 / (3 * (1 + a) ** 2));
const VG = Vi.reduce((p, v) => p * (1 + v), 1) - 1;
const G = { S1: Vi.map((v) => v / VG), ST: Vi.map((v, i) => (v * Vi.reduce((p, w, j) => (j === i ? p : p * (1 + w)), 1)) / VG) };

const close = (got: SobolIndex[], want: { S1: number[]; ST: number[] }, tol: number) => {
  got.forEach((g, i) => {
    expect(Math.abs(g.S1 - want.S1[i]), `S1[${i}] = ${g.S1.toFixed(3)}, exact ${want.S1[i].toFixed(3)}`).toBeLessThan(tol);
    expect(Math.abs(g.ST - want.ST[i]), `ST[${i}] = ${g.ST.toFixed(3)}, exact ${want.ST[i].toFixed(3)}`).toBeLessThan(tol);
  });
};

describe('Sobol indices (Saltelli 2010 first order, Jansen 1999 total)', () => {
  it('recover the Ishigami indices within 0.03 from 4096 base points of the Sobol design, intervals covering them', () => {
    expect(saltelliBaseDesign(3)).toBe('sobol');
    const got = sobolIndices(outputs(4096, 3, 11, ishigami), { resamples: 300, seed: 1 });
    close(got, ISHIGAMI, 0.03);
    got.forEach((g, i) => {
      expect(g.n).toBe(4096);
      expect(g.ST_lo).toBeLessThanOrEqual(ISHIGAMI.ST[i] + 0.005);
      expect(g.ST_hi).toBeGreaterThanOrEqual(ISHIGAMI.ST[i] - 0.005);
      expect(g.S1_lo).toBeLessThanOrEqual(ISHIGAMI.S1[i] + 0.005);
      expect(g.S1_hi).toBeGreaterThanOrEqual(ISHIGAMI.S1[i] - 0.005);
      expect(g.S1_hi - g.S1_lo).toBeLessThan(0.12);
    });
    // x3 acts only with x1: no first-order effect, a clear total one
    expect(got[2].ST_lo).toBeGreaterThan(0.15);
  });

  it('recover the g-function indices with 12 axes (Latin hypercube base design) and rank the axes like the exact ones', () => {
    expect(saltelliBaseDesign(12)).toBe('latin-hypercube');
    const got = sobolIndices(outputs(4096, 12, 5, gfun), { resamples: 200, seed: 2 });
    close(got, G, 0.04);
    const order = (xs: number[]) => xs.map((_, i) => i).sort((p, q) => xs[q] - xs[p]);
    expect(order(got.map((g) => g.ST)).slice(0, 4)).toEqual(order(G.ST).slice(0, 4));
    // the nearly inert axes (a = 99): ST below 0.005
    for (const i of [8, 9, 10, 11]) expect(got[i].ST).toBeLessThan(0.005);
  });

  it('give the same numbers for the same outputs and seed; another bootstrap seed moves only the intervals', () => {
    const o = outputs(256, 3, 3, ishigami);
    const x = sobolIndices(o, { resamples: 100, seed: 9 });
    expect(sobolIndices(o, { resamples: 100, seed: 9 })).toEqual(x);
    const y = sobolIndices(o, { resamples: 100, seed: 10 });
    expect(y.map((g) => [g.S1, g.ST])).toEqual(x.map((g) => [g.S1, g.ST]));
    expect(y.map((g) => g.ST_lo)).not.toEqual(x.map((g) => g.ST_lo));
    // and the design itself is the seed's: the same seed, the same outputs
    expect(outputs(256, 3, 3, ishigami)).toEqual(o);
    expect(outputs(256, 3, 4, ishigami).a).not.toEqual(o.a);
  });

  it('drop the base points of missing outputs from the indices that need them only', () => {
    const o = outputs(2048, 3, 11, ishigami);
    const a = Float64Array.from(o.a);
    const ab = o.ab.map((x) => Float64Array.from(x));
    for (let j = 0; j < 2048; j += 10) a[j] = Number.NaN; // A_j failed: every index loses j
    for (let j = 5; j < 2048; j += 10) ab[1][j] = Number.NaN; // AB_2j failed: only axis 2 loses j
    const got = sobolIndices({ a, b: o.b, ab }, { resamples: 50 });
    expect(got.map((g) => g.n)).toEqual([2048 - 205, 2048 - 410, 2048 - 205]);
    close(got, ISHIGAMI, 0.05);
  });

  it('are NaN, not 0, for an output that does not vary (nothing to apportion)', () => {
    const flat = outputs(64, 2, 1, () => 3);
    for (const g of sobolIndices(flat, { resamples: 10 })) {
      expect(g.S1).toBeNaN();
      expect(g.ST).toBeNaN();
    }
  });

  it('index runs by base point: A_j, B_j, then AB_1j ... AB_kj', () => {
    const k = 4;
    expect([0, 1, 2, 5, 6, 13].map((p) => saltelliRole(p, k))).toEqual([
      { base: 0, matrix: 'A', axis: -1 },
      { base: 0, matrix: 'B', axis: -1 },
      { base: 0, matrix: 'AB', axis: 0 },
      { base: 0, matrix: 'AB', axis: 3 },
      { base: 1, matrix: 'A', axis: -1 },
      { base: 2, matrix: 'B', axis: -1 },
    ]);
    for (let p = 0; p < 60; p++) {
      const r = saltelliRole(p, k);
      expect(saltelliPoint(r.base, r.matrix, r.axis, k)).toBe(p);
    }
  });
});
