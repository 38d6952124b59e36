// docs/validation/sensitivity.md sorts the parameters without a measured source into "need a
// source" and "do not matter" by both measures: a share of the variance (ST) and the change when
// redrawn alone within the regime, so a parameter that moves every wave by 10% is not declared
// harmless because regime changes of others dominate the variance.
import { describe, expect, it } from 'vitest';
import { type SensitivityInput, sensitivityMarkdown } from '../../scripts/sensitivity/markdown';
import type { SobolMetricResult, SobolRow } from '../../src/sweep/sobol-table';
import { SOBOL_METRICS } from '../../src/sweep/sobol-metrics';

const row = (metric: string, parameter: string, category: SobolRow['category'], ST: number, effect: number): SobolRow => ({
  metric,
  parameter,
  unit: '1/min',
  from: 1,
  to: 2,
  scale: 'log',
  category,
  source: category ?? '',
  S1: ST / 2,
  S1_lo: 0,
  S1_hi: ST,
  ST,
  ST_lo: ST / 2,
  ST_hi: ST * 1.5,
  n: 64,
  effect,
  pairs_in_regime: 40,
  regime_changes: 0,
  pairs: 64,
});
const result = (k: 0 | 1, rows: SobolRow[]): SobolMetricResult => ({
  metric: SOBOL_METRICS[k],
  rows,
  used: 100,
  failed: 0,
  excluded: 0,
  missing: 0,
  mean: 1,
  sd: 1,
});

// control speed 5 um/min: an effect of 0.5 um/min is 10% of it
const input = (): SensitivityInput => ({
  version: 'test',
  run: {
    commit: 'abc1234',
    date: '2026-12-06',
    machine: '2-core test',
    wall_s: 1446,
    cpu_s: 1295,
    sweeps: [1, 2].map((i) => ({ name: `s${i}`, file: `fits/s${i}.json`, runs: 5760, failed: 0, wall_s: 600 })),
    screenRuns: 54,
  },
  analysedBy: null,
  points: 64,
  axes: 4,
  factor: 1.5,
  seed: 1,
  speed: result(0, [
    row('wave_speed', 'big', 'calibration', 0.4, 1),
    row('wave_speed', 'shifter', 'assumption', 0.01, 0.5),
    row('wave_speed', 'inert', 'assumption', 0.001, 0.01),
    row('wave_speed', 'measured', 'literature', 0.3, 1),
  ]),
  threshold: result(1, [
    row('erastin_threshold', 'big', 'calibration', 0.3, 1),
    row('erastin_threshold', 'shifter', 'assumption', 0.005, 0.01),
    row('erastin_threshold', 'inert', 'assumption', 0.001, 0.01),
    row('erastin_threshold', 'measured', 'literature', 0.2, 1),
  ]),
  control: { speed_um_per_min: 5, pattern: 'wave', threshold_uM: 1, threshold_range: 'in-range' },
  speedOutcomes: { counts: { wave: 80 }, quantiles: [4, 4.5, 5, 5.5, 6] },
  thresholdOutcomes: { counts: { 'in range': 90 }, quantiles: [-1, -0.5, 0, 0.5, 1] },
  gaps: [
    { params: {}, crossed: false },
    { params: { ox_diffusion: 428 }, crossed: false },
  ],
  screened: [{ name: 'prolif_rate', reason: 'tumours only', value: 0.001245, inert: true, inertSpeed: true, inertThreshold: true }],
  fixed: ['burst_rate'],
  figures: { speed: 'a.svg', threshold: 'b.svg' },
  out: 'runs/sensitivity',
});

/** The parameters listed under a heading (up to the next one). */
function listed(md: string, heading: string): string[] {
  const at = md.indexOf(heading);
  expect(at, heading).toBeGreaterThanOrEqual(0);
  const section = md.slice(at, md.indexOf('\n## ', at + 1));
  return [...section.matchAll(/^\| `([a-z_]+)`/gm)].map((m) => m[1]);
}

describe('the sensitivity document', () => {
  const md = sensitivityMarkdown(input());

  it('says first how long it took, on what, and how many runs', () => {
    expect(md).toContain('The gaps hold: with the lanes alternately at the highest and the lowest dose');
    expect(sensitivityMarkdown({ ...input(), gaps: [{ params: {}, crossed: true }] })).toContain('**A wave crossed a gap between lanes at the defaults');
    expect(md.split('\n')[2]).toMatch(
      /^\*\*24 min 6 s on this machine \(2-core test\) for 11574 runs\*\* \(21 min 35 s of CPU time: 10 min 48 s on two idle cores\)/,
    );
  });

  it('lists an unsourced parameter that moves every wave by 10% as needing a source, though its ST is 0.01', () => {
    expect(listed(md, 'Parameters without a measured source that matter')).toEqual(['big', 'shifter']);
    expect(md).toContain('| `shifter` | assumption: assumption | 1 to 2 1/min (log) | 0.010 [0.005, 0.015] | 10.0%, 0/64 |');
  });

  it('declares harmless only what is small by both measures; measured parameters apart', () => {
    expect(listed(md, 'Parameters without a measured source that do not matter')).toEqual(['inert', 'prolif_rate']);
    expect(listed(md, 'Measured or fitted parameters that matter')).toEqual(['measured']);
    expect(md).toContain('| `prolif_rate` | literature | tumours only | no effect (at 0.001245) |');
  });
});
