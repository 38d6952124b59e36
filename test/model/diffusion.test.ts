// The field solver: conserves mass with sealed edges, spreads a point source with variance
// 2 D t along both axes (the physics, in um^2), stays positive and stable at any time step, and
// relaxes to the medium level with medium edges.
import { describe, expect, it } from 'vitest';
import { lineSolver, sweepCols, sweepRows } from '../../src/model/diffusion';

function spread(W: number, H: number, r: number, steps: number, dirichlet = false, edge = 0, init?: (u: Float32Array) => void, theta = 1) {
  const u = new Float32Array(W * H);
  if (init) init(u);
  else u[(H >> 1) * W + (W >> 1)] = 1;
  const rs = lineSolver(W, r, dirichlet, theta);
  const cs = lineSolver(H, r, dirichlet, theta);
  const scratch = new Float32Array(W);
  for (let k = 0; k < steps; k++) {
    sweepRows(u, W, 0, H, rs, edge);
    // columns in two bands, as two workers would do it
    sweepCols(u, W, H, 0, W >> 1, cs, edge, scratch);
    sweepCols(u, W, H, W >> 1, W, cs, edge, scratch);
  }
  return u;
}

describe('diffusion (LOD implicit Euler)', () => {
  it('conserves mass with no-flux edges and stays positive at a large time step', () => {
    const u = spread(33, 21, 25, 10);
    let sum = 0,
      min = Infinity;
    for (const v of u) {
      sum += v;
      min = Math.min(min, v);
    }
    expect(sum).toBeCloseTo(1, 5);
    expect(min).toBeGreaterThanOrEqual(0);
  });

  it('spreads a point source with variance 2 D t along x and along y', () => {
    const D = 400,
      site = 20,
      dt = 0.5,
      steps = 40; // r = D dt / site^2 = 0.5
    const W = 201,
      H = 201;
    const u = spread(W, H, (D * dt) / (site * site), steps);
    let vx = 0,
      vy = 0,
      m = 0;
    for (let y = 0; y < H; y++)
      for (let x = 0; x < W; x++) {
        const w = u[y * W + x];
        m += w;
        vx += w * ((x - 100) * site) ** 2;
        vy += w * ((y - 100) * site) ** 2;
      }
    const expected = 2 * D * dt * steps;
    expect(vx / m / expected).toBeCloseTo(1, 2);
    expect(vy / m / expected).toBeCloseTo(1, 2);
  });

  it('relaxes to the edge value with medium (Dirichlet) edges', () => {
    const u = spread(15, 9, 2, 400, true, 3, (a) => a.fill(0));
    for (const v of u) expect(v).toBeCloseTo(3, 3);
  });

  it('Crank-Nicolson (theta 1/2, r < 1) conserves mass and spreads with variance 2 D t too', () => {
    const D = 285,
      site = 20,
      dt = 1,
      steps = 60;
    const W = 161,
      H = 161;
    const r = (D * dt) / (site * site);
    const u = spread(W, H, r, steps, false, 0, undefined, 0.5);
    let m = 0,
      vx = 0,
      vy = 0,
      min = Infinity;
    for (let y = 0; y < H; y++)
      for (let x = 0; x < W; x++) {
        const w = u[y * W + x];
        m += w;
        min = Math.min(min, w);
        vx += w * ((x - 80) * site) ** 2;
        vy += w * ((y - 80) * site) ** 2;
      }
    expect(m).toBeCloseTo(1, 5);
    expect(min).toBeGreaterThan(-1e-6);
    expect(vx / m / (2 * D * dt * steps)).toBeCloseTo(1, 2);
    expect(vy / m / (2 * D * dt * steps)).toBeCloseTo(1, 2);
  });

  it('Crank-Nicolson with medium edges relaxes to the edge value', () => {
    const u = spread(15, 9, 0.8, 600, true, 3, (a) => a.fill(0), 0.5);
    for (const v of u) expect(v).toBeCloseTo(3, 3);
  });
});
