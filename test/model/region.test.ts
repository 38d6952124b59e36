// Regions decide which cells a treatment reaches. A painted stroke must cover exactly the sites
// whose centres lie within its radius of one of its points, and bad strokes must be refused with
// the path of the bad field.
import { describe, expect, it } from 'vitest';
import { distanceBeyond, forEachSiteIn, regionRuns } from '../../src/model/region';
import { resolveScenario, type Region, ScenarioError } from '../../src/model/scenario';

const W = 40,
  H = 30,
  SITE = 10;

function sitesBruteForce(region: Region): Set<number> {
  const out = new Set<number>();
  const s = region.stroke!;
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const xc = (x + 0.5) * SITE,
        yc = (y + 0.5) * SITE;
      if (s.points_um.some(([px, py]) => (xc - px) ** 2 + (yc - py) ** 2 <= s.r_um ** 2 - 1e-9)) out.add(y * W + x);
    }
  return out;
}

describe('regions', () => {
  it('a stroke covers the union of its discs, as disjoint sorted runs per row', () => {
    const region: Region = {
      stroke: {
        r_um: 23,
        points_um: [
          [50, 50],
          [70, 60],
          [300, 150],
          [-20, 280],
          [395, 295],
        ],
      },
    };
    const got = new Set<number>();
    forEachSiteIn(region, W, H, SITE, (i) => got.add(i));
    expect(got).toEqual(sitesBruteForce(region));
    for (let y = 0; y < H; y++) {
      const runs = regionRuns(region, y, W, SITE);
      for (let k = 1; k < runs.length; k++) expect(runs[k][0]).toBeGreaterThan(runs[k - 1][1]);
    }
    expect(distanceBeyond(region, 300, 150)).toBeCloseTo(-23);
    expect(distanceBeyond(region, 300, 200)).toBeCloseTo(27);
  });

  it('refuses malformed strokes, naming the field', () => {
    const bad = (region: unknown) => {
      try {
        resolveScenario(
          { seed: 1, lattice: { width: 10, height: 10, site_um: 20 }, duration_min: 10, treatments: [{ agent: 'ferrostatin-1', uM: 1, region }] },
          'test',
        );
      } catch (e) {
        expect(e).toBeInstanceOf(ScenarioError);
        return (e as Error).message;
      }
      return 'accepted';
    };
    expect(bad({ stroke: { r_um: 10, points_um: [] } })).toMatch(/treatments\[0\]\.region\.stroke\.points_um/);
    expect(bad({ stroke: { r_um: 10, points_um: [[1, 'a']] } })).toMatch(/points_um\[0\]/);
    expect(bad({ stroke: { r_um: 0, points_um: [[1, 2]] } })).toMatch(/stroke\.r_um/);
    expect(bad({ stroke: { r_um: 5, points_um: [[1, 2]] }, disc: { x_um: 1, y_um: 1, r_um: 1 } })).toMatch(/exactly one of/);
    expect(bad({ stroke: { r_um: 5, points_um: [[1, 2]] } })).toBe('accepted');
  });
});
