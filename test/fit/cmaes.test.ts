// The fit's optimiser on functions with a known minimum: CMA-ES finds it, in the unit cube with
// bounds folded in by reflection, the same bits for the same seed (and other draws for another),
// and a state that passes through JSON (a resumed fit) continues exactly as the uninterrupted one.
import { describe, expect, it } from 'vitest';
import { ask, type CmaState, initCma, tell } from '../../src/fit/cmaes';
import { symmetricEigen } from '../../src/fit/linalg';
import { fitKey } from '../../src/fit/draws';
import { reflect } from '../../src/fit/transform';

const stops = { max_generations: 400, max_evaluations: null, tol_fun: 1e-12, tol_x: 1e-9 };

/** Minimise f over [0, 1]^n from x0; returns the best point, its value and the final state. */
function minimise(f: (u: number[]) => number, x0: number[], seed: number, sigma = 0.3, until?: (st: CmaState) => boolean) {
  const key = fitKey(seed);
  let st = initCma(x0, sigma, null, 1);
  let best = { u: x0.map(reflect), f: f(x0.map(reflect)) };
  while (st.stop === null && !until?.(st)) {
    const xs = ask(st, key);
    const fs = xs.map((x) => f(x.map(reflect)));
    fs.forEach((v, k) => {
      if (v < best.f) best = { u: xs[k].map(reflect), f: v };
    });
    st = tell(st, xs, fs, stops);
  }
  return { best, st, key };
}

const sphere = (c: number[]) => (u: number[]) => u.reduce((a, x, i) => a + (x - c[i]) ** 2, 0);
/** Rosenbrock on [0, 1]^2 scaled to [-2, 2]^2: minimum 0 at u = (0.75, 0.75). */
const rosenbrock = (u: number[]) => {
  const x = 4 * u[0] - 2;
  const y = 4 * u[1] - 2;
  return 100 * (y - x * x) ** 2 + (1 - x) ** 2;
};

describe('CMA-ES', () => {
  it('finds the minimum of a sphere in 4 dimensions', () => {
    const c = [0.2, 0.7, 0.45, 0.9];
    const { best } = minimise(sphere(c), [0.5, 0.5, 0.5, 0.5], 3);
    for (let i = 0; i < c.length; i++) expect(best.u[i]).toBeCloseTo(c[i], 5);
  });

  it('finds the minimum of Rosenbrock (a curved valley) in bounds', () => {
    const { best } = minimise(rosenbrock, [0.2, 0.2], 11);
    expect(best.f).toBeLessThan(1e-8);
    expect(best.u[0]).toBeCloseTo(0.75, 4);
    expect(best.u[1]).toBeCloseTo(0.75, 4);
  });

  it('finds a minimum on a bound (reflection keeps every candidate in the cube)', () => {
    const seen: number[] = [];
    const f = (u: number[]) => {
      seen.push(...u);
      return (u[0] - 1) ** 2 + (u[1] - 0.3) ** 2;
    };
    const { best } = minimise(f, [0.5, 0.5], 5);
    expect(best.u[0]).toBeGreaterThan(0.999);
    expect(Math.min(...seen)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...seen)).toBeLessThanOrEqual(1);
  });

  it('is deterministic by seed: the same seed gives the same bits, another seed other candidates', () => {
    const a = minimise(sphere([0.3, 0.6, 0.1]), [0.5, 0.5, 0.5], 7);
    const b = minimise(sphere([0.3, 0.6, 0.1]), [0.5, 0.5, 0.5], 7);
    const c = minimise(sphere([0.3, 0.6, 0.1]), [0.5, 0.5, 0.5], 8);
    expect(b.st).toEqual(a.st);
    expect(b.best).toEqual(a.best);
    // another seed: other candidates, the same minimum
    expect(c.st.history).not.toEqual(a.st.history);
    expect(c.best.u[0]).toBeCloseTo(a.best.u[0], 5);
  });

  it('continues from a state passed through JSON exactly as without the interruption', () => {
    const f = sphere([0.25, 0.8, 0.6]);
    const whole = minimise(f, [0.5, 0.5, 0.5], 9);
    const half = minimise(f, [0.5, 0.5, 0.5], 9, 0.3, (st) => st.generation === 10);
    let st: CmaState = JSON.parse(JSON.stringify(half.st));
    while (st.stop === null) {
      const xs = ask(st, half.key);
      st = tell(
        st,
        xs,
        xs.map((x) => f(x.map(reflect))),
        stops,
      );
    }
    expect(st).toEqual(whole.st);
  });

  it('stops on its budget and says why', () => {
    const { st } = minimise(sphere([0.5, 0.5]), [0.1, 0.1], 1, 0.3, undefined);
    expect(st.stop).toMatch(/^tol_/);
    let s = initCma([0.5], 0.3, null, 1);
    const key = fitKey(1);
    while (s.stop === null) {
      const xs = ask(s, key);
      s = tell(
        s,
        xs,
        xs.map(() => 1),
        { ...stops, max_generations: 3 },
      );
    }
    expect(s.generation).toBe(3);
    expect(s.stop).toBe('max_generations (3)');
  });
});

describe('symmetric eigen-decomposition', () => {
  it('reconstructs the matrix from its eigenvalues and orthonormal eigenvectors', () => {
    const a = [
      [4, 1, -2, 0.5],
      [1, 3, 0, 0.2],
      [-2, 0, 5, 1],
      [0.5, 0.2, 1, 2],
    ];
    const { values, vectors: V } = symmetricEigen(a);
    for (let i = 0; i < 4; i++)
      for (let j = 0; j < 4; j++) {
        const r = values.reduce((s, l, k) => s + V[i][k] * l * V[j][k], 0);
        expect(r).toBeCloseTo(a[i][j], 12);
        const o = V.reduce((s, row) => s + row[i] * row[j], 0);
        expect(o).toBeCloseTo(i === j ? 1 : 0, 12);
      }
  });
});
