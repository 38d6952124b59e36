// The erastin threshold in one run: a dish cut by cell-free gaps into lanes of different erastin
// doses, all pulsed at one end. The lanes are found in the scenario (gaps, doses by region), each
// lane's front is analysed on its own, and the threshold is bracketed by the lanes' doses; a lane
// at 0.6 uM carries no wave where one at 10 uM does, in summary.json and runs.csv alike.
import { describe, expect, it } from 'vitest';
import { erastinLanes, laneThreshold } from '../../src/analysis/lanes';
import { type ResolvedScenario, resolveScenario } from '../../src/model/scenario';
import { METRICS } from '../../src/sweep/metrics';
import { log2Threshold } from '../../src/sweep/sobol-metrics';
import { run } from '../helpers';

const SITE = 20;
/** Lanes of `width` sites along y, `gap` sites apart, `length` sites long, one erastin dose each, pulsed over y < 60 um at 360 min. */
function lanes(doses: number[], o: { width?: number; gap?: number; length?: number } = {}): ResolvedScenario {
  const w = o.width ?? 4;
  const gap = o.gap ?? 15;
  const len = o.length ?? 30;
  const W = doses.length * w + (doses.length - 1) * gap;
  const gaps = doses.slice(1).map((_, k) => ({ x_um: ((k + 1) * (w + gap) - gap) * SITE, width_um: gap * SITE }));
  const treatments: object[] = doses.map((uM, k) => ({
    agent: 'erastin',
    uM,
    start_min: 0,
    region: { rect: { x_um: k * (w + gap) * SITE, y_um: 0, width_um: w * SITE, height_um: len * SITE } },
  }));
  treatments.push({ agent: 'light-pulse', dose: 30, start_min: 360, end_min: 370, region: { rect: { x_um: 0, y_um: 0, width_um: W * SITE, height_um: 60 } } });
  return resolveScenario(
    {
      seed: 3,
      lattice: { width: W, height: len, site_um: SITE },
      duration_min: 660,
      tissue: { kind: 'monolayer', gaps },
      treatments,
      params: { burst_rate: 0 },
    },
    'test',
  );
}

describe('the threshold from the lanes', () => {
  it('is the log midpoint between the highest dose without a wave and the lowest with one', () => {
    const t = laneThreshold([0.3, 0.6, 1.25, 2.5], [false, false, true, true]);
    expect(t).toEqual({ threshold_uM: Math.sqrt(0.6 * 1.25), range: 'in-range', lowest_carrying_uM: 1.25, highest_failing_uM: 0.6, monotone: true });
    // doses in any order
    expect(laneThreshold([2.5, 0.3, 1.25, 0.6], [true, false, true, false]).threshold_uM).toBe(Math.sqrt(0.6 * 1.25));
  });

  it('says when it lies outside the doses (no number), and when a lane above it fails', () => {
    expect(laneThreshold([1, 2, 4], [false, false, false])).toMatchObject({ threshold_uM: null, range: 'above-range', lowest_carrying_uM: null });
    expect(laneThreshold([1, 2, 4], [true, true, true])).toMatchObject({ threshold_uM: null, range: 'below-range', lowest_carrying_uM: 1 });
    expect(laneThreshold([1, 2, 4, 8], [false, true, false, true])).toMatchObject({ threshold_uM: Math.sqrt(2), monotone: false });
  });

  it('counts a threshold outside the doses half a dose step beyond the end dose for the Sobol analysis (log2 uM)', () => {
    const summary = (range: 'in-range' | 'below-range' | 'above-range', threshold_uM: number | null) => ({
      threshold_uM,
      range,
      lowest_carrying_uM: null,
      highest_failing_uM: null,
      monotone: true,
      lanes: [1, 2, 4].map((d) => ({
        erastin_uM: d,
        x_from_um: 0,
        x_to_um: 80,
        pattern: 'none' as const,
        speed_um_per_min: null,
        reach_um: 0,
        carries: false,
      })),
    });
    expect(log2Threshold(summary('in-range', 2))).toBe(1);
    expect(log2Threshold(summary('below-range', null))).toBe(-0.5);
    expect(log2Threshold(summary('above-range', null))).toBe(2.5);
  });
});

describe('lanes in a scenario', () => {
  it('are the bands between gaps, each with the erastin dose of its sites', () => {
    const sc = lanes([0.6, 10, 3]);
    expect(erastinLanes(sc)).toEqual([
      { x0: 0, x1: 4, erastin_uM: 0.6 },
      { x0: 19, x1: 23, erastin_uM: 10 },
      { x0: 38, x1: 42, erastin_uM: 3 },
    ]);
  });

  it('are none without gaps, with one dose everywhere, or when a band gets two doses', () => {
    const noGaps = lanes([0.6, 10]);
    expect(erastinLanes({ ...noGaps, tissue: { kind: 'monolayer', gaps: [], density: 1 } })).toBeNull();
    expect(erastinLanes(lanes([5, 5]))).toBeNull();
    const mixed = lanes([0.6, 10]);
    // a second erastin treatment over half of the first lane only
    mixed.treatments.push({ ...mixed.treatments[0], region: { rect: { x_um: 0, y_um: 0, width_um: 40, height_um: 600 } } });
    expect(erastinLanes(mixed)).toBeNull();
  });

  it('a lane at 0.6 uM carries no wave, one at 10 uM does: the threshold lies between them', async () => {
    const { summary } = await run(lanes([0.6, 10]));
    const l = summary.erastin_lanes!;
    expect(l.lanes.map((x) => [x.erastin_uM, x.carries])).toEqual([
      [0.6, false],
      [10, true],
    ]);
    expect(l.lanes[1].pattern).toBe('wave');
    expect(l.lanes[1].speed_um_per_min).toBeGreaterThan(3);
    expect(l.lanes[0].reach_um).toBeLessThan(200);
    expect(l).toMatchObject({ range: 'in-range', lowest_carrying_uM: 10, highest_failing_uM: 0.6 });
    expect(l.threshold_uM).toBeCloseTo(Math.sqrt(6), 12);
    // the runs.csv columns read it
    const col = (name: string) => METRICS.find((m) => m.name === name)!.get(summary);
    expect([col('erastin_threshold_uM'), col('erastin_threshold_range'), col('erastin_lowest_wave_uM'), col('erastin_highest_no_wave_uM')]).toEqual([
      l.threshold_uM,
      'in-range',
      10,
      0.6,
    ]);
  });

  it('a dish without lanes has no erastin_lanes in its summary (summary.json unchanged)', async () => {
    const sc = lanes([10]);
    const { summary } = await run(sc);
    expect('erastin_lanes' in summary).toBe(false);
    expect(METRICS.find((m) => m.name === 'erastin_threshold_uM')!.get(summary)).toBeNull();
  });
});
