// A video frames the tissue: the box around every non-empty site, a margin, the frame's shape,
// inside the lattice; a dish (every site a cell) keeps the whole lattice.
import { describe, expect, it } from 'vitest';
import { ALIVE, DEAD, NECROTIC, VESSEL } from '../../src/model/layout';
import { framePlan, frameAround, tissueBox, tissueFrame } from '../../src/record/framing';

/** A W x H status array with these sites set. */
function lattice(W: number, H: number, sites: Array<[number, number, number]>): Uint8Array {
  const s = new Uint8Array(W * H);
  for (const [x, y, v] of sites) s[y * W + x] = v;
  return s;
}

describe('tissue framing', () => {
  it('boxes every non-empty site: living, dead, necrotic cells and vessels', () => {
    const st = lattice(150, 150, [
      [50, 60, ALIVE],
      [99, 70, DEAD],
      [70, 101, NECROTIC],
      [60, 55, VESSEL],
    ]);
    expect(tissueBox(st, { width: 150, height: 150 })).toEqual({ x: 50, y: 55, width: 50, height: 47 });
    expect(tissueBox(new Uint8Array(100), { width: 10, height: 10 })).toBeNull();
  });

  it('adds the margin and widens the box to the frame shape, centred on the tissue', () => {
    const L = { width: 150, height: 150 };
    // a 50 x 50 tumour in the middle: 5-site margin -> 60 x 60; 16:9 -> 107 x 60
    expect(frameAround({ x: 50, y: 50, width: 50, height: 50 }, L, 10, 16 / 9)).toEqual({ x: 22, y: 45, width: 107, height: 60 });
    // a square frame keeps it square; no margin
    expect(frameAround({ x: 50, y: 50, width: 50, height: 50 }, L, 0, 1)).toEqual({ x: 50, y: 50, width: 50, height: 50 });
    // a tall tissue in a wide frame gets width; a wide one in a tall frame gets height
    expect(frameAround({ x: 70, y: 20, width: 10, height: 100 }, L, 10, 1)).toEqual({ x: 15, y: 10, width: 120, height: 120 });
  });

  it('stays inside the lattice, shifting the frame rather than cutting the tissue', () => {
    const L = { width: 150, height: 150 };
    // tissue at the left edge: the frame starts at site 0
    expect(frameAround({ x: 0, y: 40, width: 30, height: 30 }, L, 10, 1)).toEqual({ x: 0, y: 37, width: 36, height: 36 });
    // wider than the lattice allows: the whole width, letterboxed by the compositor
    expect(frameAround({ x: 10, y: 60, width: 130, height: 30 }, L, 10, 16 / 9)).toEqual({ x: 0, y: 33, width: 150, height: 84 });
  });

  it('keeps the whole lattice for a dish (null) and when nothing is there', () => {
    const dish = new Uint8Array(400 * 40).fill(ALIVE);
    expect(tissueFrame(dish, { width: 400, height: 40 }, 10, 16 / 9)).toBeNull();
    expect(tissueFrame(new Uint8Array(100), { width: 10, height: 10 }, 10, 1)).toBeNull();
  });

  it('fills in a plan that frames the tissue, and leaves the others', () => {
    const st = lattice(150, 150, [
      [50, 50, ALIVE],
      [99, 99, ALIVE],
    ]);
    const plan = { area: 'tissue', region: null, marginPercent: 10, width: 1920, height: 1080 };
    expect(framePlan(plan, st, { width: 150, height: 150 }).region).toEqual({ x: 22, y: 45, width: 107, height: 60 });
    expect(framePlan({ ...plan, area: 'lattice' }, st, { width: 150, height: 150 }).region).toBeNull();
  });
});
