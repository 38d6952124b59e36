// The front of a run is the farthest the wave has reached from its origin: it holds when the sites
// that carried it forget their commitment (cleared and regrown), and starts again from a new origin.
import { describe, expect, it } from 'vitest';
import { FrontReach } from '../../src/analysis/front-reach';
import type { Origin } from '../../src/analysis/wave';

const a: Origin = { disc: { x_um: 0, y_um: 400, r_um: 100 } };
const b: Origin = { disc: { x_um: 500, y_um: 400, r_um: 20 } };

describe('FrontReach', () => {
  it('keeps the farthest front from one origin, through moments with a nearer or no committed site', () => {
    const r = new FrontReach();
    expect(r.update(a, null)).toBe(null); // nothing committed yet
    expect(r.update(a, 0)).toBe(0);
    expect(r.update(a, 120)).toBe(120);
    expect(r.update(a, 40)).toBe(120); // the far sites were cleared and regrown
    expect(r.update(a, null)).toBe(120);
    expect(r.update(a, 300)).toBe(300);
  });

  it('starts again when the origin changes, and passes a front without an origin through', () => {
    const r = new FrontReach();
    r.update(a, 500);
    expect(r.update(b, 60)).toBe(60);
    expect(r.update({ disc: { x_um: 500, y_um: 400, r_um: 20 } }, 10)).toBe(60); // the same origin, another object
    expect(r.update(null, 7)).toBe(7);
  });
});
