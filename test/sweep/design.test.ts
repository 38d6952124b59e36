// Sweep designs and seeds: grid order and spacing, Latin hypercube strata, Sobol net properties,
// per-run seeds (distinct, reproducible, split-independent), sharding as a partition.
import { describe, expect, it } from 'vitest';
import { designPoints, gridValues, latinHypercube, shiftedSobol } from '../../src/sweep/design';
import { runSeed } from '../../src/sweep/seeds';
import { inShard, parseShard } from '../../src/sweep/shard';
import { sobolPoints } from '../../src/sweep/sobol';
import { type Axis, validateSweep } from '../../src/sweep/spec';

const vocab = { metrics: ['wave_speed_um_per_min'], timeseriesColumns: ['t_min', 'alive'] };
const axis = (o: Partial<Axis>): Axis => ({ path: 'x', name: null, values: null, from: null, to: null, n: null, scale: 'linear', integer: false, ...o });

describe('grid designs', () => {
  it('spaces ranges linearly or logarithmically, ends included, tidy decimals', () => {
    expect(gridValues(axis({ from: 0, to: 0.3, n: 4 }))).toEqual([0, 0.1, 0.2, 0.3]);
    expect(gridValues(axis({ from: 1, to: 100, n: 3, scale: 'log' }))).toEqual([1, 10, 100]);
    expect(gridValues(axis({ from: 0.1, to: 10, n: 5, scale: 'log' }))).toEqual([0.1, 0.316227766017, 1, 3.16227766017, 10]);
    expect(gridValues(axis({ from: 10, to: 20, n: 3, integer: true }))).toEqual([10, 15, 20]);
  });

  it('is the full factorial, first axis slowest', () => {
    const spec = validateSweep(
      {
        base: 'p',
        axes: [
          { path: 'a', values: [1, 2] },
          { path: 'b', values: ['x', 'y', 'z'] },
        ],
      },
      vocab,
    );
    expect(designPoints(spec)).toEqual([
      [1, 'x'],
      [1, 'y'],
      [1, 'z'],
      [2, 'x'],
      [2, 'y'],
      [2, 'z'],
    ]);
  });
});

describe('space-filling designs', () => {
  it('Latin hypercube: every axis has exactly one point per stratum; the master seed decides the rest', () => {
    const n = 50;
    const pts = latinHypercube(n, 3, 7);
    for (let d = 0; d < 3; d++) {
      const strata = pts.map((p) => Math.floor(p[d] * n)).sort((a, b) => a - b);
      expect(strata).toEqual(Array.from({ length: n }, (_, i) => i));
    }
    expect(latinHypercube(n, 3, 7)).toEqual(pts);
    expect(latinHypercube(n, 3, 8)).not.toEqual(pts);
  });

  it('Sobol: the known first points (as scipy.stats.qmc.Sobol unscrambled), in Gray-code order', () => {
    expect(sobolPoints(8, 3)).toEqual([
      [0, 0, 0],
      [0.5, 0.5, 0.5],
      [0.75, 0.25, 0.25],
      [0.25, 0.75, 0.75],
      [0.375, 0.375, 0.625],
      [0.875, 0.875, 0.125],
      [0.625, 0.125, 0.875],
      [0.125, 0.625, 0.375],
    ]);
  });

  it('Sobol (shifted): 64 points stratify every axis, and the first two axes are a (0,6,2)-net', () => {
    const dims = 21;
    const pts = shiftedSobol(64, dims, 3);
    for (let d = 0; d < dims; d++) expect(new Set(pts.map((p) => Math.floor(p[d] * 64))).size, `axis ${d}`).toBe(64);
    // every elementary box 2^-i x 2^-(6-i) of the first two axes holds exactly one point
    for (let i = 0; i <= 6; i++) {
      const boxes = new Set(pts.map((p) => `${Math.floor(p[0] * 2 ** i)},${Math.floor(p[1] * 2 ** (6 - i))}`));
      expect(boxes.size, `boxes 2^-${i} x 2^-${6 - i}`).toBe(64);
    }
    expect(shiftedSobol(64, dims, 3)).toEqual(pts);
    expect(shiftedSobol(64, dims, 4)).not.toEqual(pts);
  });

  it('maps unit coordinates onto ranges and choices', () => {
    const spec = validateSweep(
      {
        base: 'p',
        design: 'sobol',
        points: 16,
        seed: 1,
        axes: [
          { path: 'a', from: 1, to: 100, scale: 'log' },
          { path: 'b', values: ['x', 'y'] },
          { path: 'c', from: 10, to: 20, integer: true },
        ],
      },
      vocab,
    );
    const pts = designPoints(spec);
    expect(pts).toHaveLength(16);
    for (const [a, b, c] of pts) {
      expect(a).toBeGreaterThanOrEqual(1);
      expect(a).toBeLessThanOrEqual(100);
      expect(['x', 'y']).toContain(b);
      expect(Number.isInteger(c)).toBe(true);
    }
    // half the points below 10 on a log axis from 1 to 100 (balanced net)
    expect(pts.filter((p) => (p[0] as number) < 10)).toHaveLength(8);
    expect(pts.filter((p) => p[1] === 'x')).toHaveLength(8);
  });
});

describe('run seeds', () => {
  it('are distinct across 200000 runs, reproducible, and depend on the master seed', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 200_000; i++) seen.add(runSeed(42, i));
    expect(seen.size).toBe(200_000);
    expect(runSeed(42, 17)).toBe(runSeed(42, 17));
    expect(runSeed(43, 17)).not.toBe(runSeed(42, 17));
    for (const s of [...seen].slice(0, 100)) expect(Number.isInteger(s) && s >= 0 && s < 2 ** 32).toBe(true);
  });
});

describe('shards', () => {
  it('parse i/n and reject anything else with what is allowed', () => {
    expect(parseShard('2/5')).toEqual({ index: 2, count: 5 });
    for (const bad of ['5/5', '1', 'a/b', '-1/3', '0/0']) expect(() => parseShard(bad)).toThrow(/0 <= i < n/);
  });

  it('put every run in exactly one shard, as a function of its index only', () => {
    for (const n of [1, 2, 3, 7]) {
      for (let r = 0; r < 100; r++) {
        let owners = 0;
        for (let i = 0; i < n; i++) if (inShard(r, { index: i, count: n })) owners++;
        expect(owners).toBe(1);
      }
    }
  });
});
