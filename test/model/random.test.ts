// Keyed draws: uniform on [0, 1), independent of the order they are drawn in, distinct per
// purpose, and reproducible from the seed.
import { describe, expect, it } from 'vitest';
import { deriveKey, normal, uniform } from '../../src/model/random';

describe('keyed counter-based randomness', () => {
  it('is reproducible from the seed and differs between seeds (0 is a seed)', () => {
    expect(deriveKey(0)).toEqual(deriveKey(0));
    expect(deriveKey(0)).not.toEqual(deriveKey(1));
    const k = deriveKey(0);
    expect(uniform(k, 10, 3, 1)).toBe(uniform(deriveKey(0), 10, 3, 1));
  });

  it('gives uniform draws with the right moments for each purpose', () => {
    const k = deriveKey(42);
    for (const purpose of [1, 2, 101]) {
      let s = 0,
        s2 = 0,
        outside = 0;
      const n = 100000;
      for (let i = 0; i < n; i++) {
        const u = uniform(k, i, 7, purpose);
        if (!(u >= 0 && u < 1)) outside++;
        s += u;
        s2 += u * u;
      }
      expect(outside).toBe(0);
      expect(s / n).toBeCloseTo(0.5, 2);
      expect(s2 / n - (s / n) ** 2).toBeCloseTo(1 / 12, 2);
    }
    let z = 0,
      z2 = 0;
    for (let i = 0; i < 50000; i++) {
      const v = normal(k, i, 0, 3);
      z += v;
      z2 += v * v;
    }
    expect(z / 50000).toBeCloseTo(0, 1);
    expect(z2 / 50000).toBeCloseTo(1, 1);
  });

  it('does not correlate neighbouring cells, steps or purposes', () => {
    const k = deriveKey(3);
    let c = 0;
    const n = 50000;
    for (let i = 0; i < n; i++)
      c +=
        (uniform(k, i, 0, 1) - 0.5) * (uniform(k, i + 1, 0, 1) - 0.5) +
        (uniform(k, i, 0, 1) - 0.5) * (uniform(k, i, 1, 1) - 0.5) +
        (uniform(k, i, 0, 1) - 0.5) * (uniform(k, i, 0, 2) - 0.5);
    expect(Math.abs(c / n)).toBeLessThan(0.005);
  });
});
