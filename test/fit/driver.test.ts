// The fit's driver and its statistics without simulating: on an objective with a known optimum and
// curvature the optimiser finds the optimum, the profile likelihood gives the analytic interval
// (+-1.96 SD for a quadratic chi-square), a parameter the objective ignores is reported
// practically unidentifiable, and a state passed through JSON mid-fit ends the same. Then the
// objective: runs without a wave or that failed count as far off (finite), and the tolerance rule.
import { describe, expect, it } from 'vitest';
import { fitKey } from '../../src/fit/draws';
import { absorb, type FitState, initialState, nextBatch } from '../../src/fit/driver';
import type { RunMeasures } from '../../src/fit/measure';
import { scoreCandidate } from '../../src/fit/objective';
import { FAILED_RESIDUAL_SD, modelValue, type RunOutcome } from '../../src/fit/observables';
import type { FitPlan, PlannedPoint } from '../../src/fit/plan';
import { validateFit } from '../../src/fit/spec';
import { summariseUncertainty } from '../../src/fit/uncertainty';

const spec = validateFit({
  seed: 4,
  data: [{ file: 'd.csv', scenario: 'primed-light-pulse' }],
  parameters: [
    { path: 'params.w_fsp1', lower: 0, upper: 1 },
    { path: 'params.w_bh4', lower: 0, upper: 1 },
    { path: 'params.kd_dead_factor', lower: 0, upper: 1 },
  ],
  optimiser: { max_generations: 80, tol_fun: 1e-9, tol_x: 1e-6 },
  uncertainty: { points: 7, max_generations: 12, refine: 2, scale_by_reduced_chi2: false },
});
/** chi-square with SDs 0.05 and 0.1 around (0.3, 0.6); the third parameter does nothing */
const chi2 = (v: number[]) => ((v[0] - 0.3) / 0.05) ** 2 + ((v[1] - 0.6) / 0.1) ** 2;

function drive(state: FitState, until?: (s: FitState) => boolean): FitState {
  const key = fitKey(spec.seed);
  while (state.phase !== 'done' && !until?.(state)) {
    const cands = nextBatch(state, spec, key);
    state = absorb(
      state,
      spec,
      key,
      cands,
      cands.map((c) => ({ objective: chi2(c.values), failed: 0, pass: 0, points: [] })),
    );
  }
  return state;
}

describe('fit driver', () => {
  const done = drive(initialState(spec, [0.8, 0.2, 0.5], 20));

  it('finds the optimum, then profiles every parameter', () => {
    expect(done.best?.values[0]).toBeCloseTo(0.3, 3);
    expect(done.best?.values[1]).toBeCloseTo(0.6, 3);
    expect(done.evaluations[0]).toMatchObject({ phase: 'start', values: [0.8, 0.2, 0.5] });
    expect(done.profile?.filter((r) => r.round === 0)).toHaveLength(21);
    expect(done.refined).toBe(2);
  });

  it('gives the analytic 95% interval of a quadratic chi-square and calls an ignored parameter unidentifiable', () => {
    const u = summariseUncertainty(done, spec, 20);
    expect(u.threshold).toBeCloseTo(3.841, 3);
    const [a, b, c] = u.params;
    expect(a.verdict).toBe('identifiable');
    expect(a.lower).toBeCloseTo(0.3 - 1.96 * 0.05, 2);
    expect(a.upper).toBeCloseTo(0.3 + 1.96 * 0.05, 2);
    expect(b.lower).toBeCloseTo(0.6 - 1.96 * 0.1, 2);
    expect(b.upper).toBeCloseTo(0.6 + 1.96 * 0.1, 2);
    expect(c.verdict).toBe('practically unidentifiable');
    expect(c.lower).toBeNull();
    expect(c.upper).toBeNull();
  });

  it('continues from its state passed through JSON exactly as without the interruption', () => {
    for (const stop of [3, 25]) {
      const half = drive(initialState(spec, [0.8, 0.2, 0.5], 20), (s) => s.batch === stop);
      expect(half.phase).not.toBe('done');
      expect(drive(JSON.parse(JSON.stringify(half)))).toEqual(done);
    }
  });
});

const measures = (speed: number, extra: Partial<RunMeasures> = {}): RunOutcome => ({
  ok: true,
  m: {
    speed_um_per_min: speed,
    front: speed > 0 ? 'wave' : 'none',
    pattern: speed > 0 ? 'wave' : 'local',
    t50_min: null,
    t_end_min: 900,
    ignition_sites: 0,
    first_ignition_min: null,
    times_min: [],
    dead_fraction: [],
    gsh_uM: [],
    ...extra,
  },
});

describe('objective', () => {
  it('counts a run without a travelling front as speed 0 (a finite residual with a note), never NaN', () => {
    const v = modelValue('wave_speed_ratio', measures(0), measures(5), 0, 0);
    expect(v).toMatchObject({ value: 0, failed: false });
    expect(v.note).toMatch(/no travelling front \(local\): speed taken as 0/);
    const c = modelValue('wave_speed_ratio', measures(3), measures(0), 0, 0);
    expect(c).toMatchObject({ value: 0 });
    expect(c.note).toMatch(/no travelling front in the control run/);
    const t = modelValue('t50_death_min', measures(3), null, 0, 0);
    expect(t.value).toBe(900);
    expect(t.note).toMatch(/censored/);
    expect(modelValue('gsh_percent_at', measures(3, { gsh_uM: [null] }), measures(5, { gsh_uM: [500] }), 0, 0)).toMatchObject({ value: 0 });
    // a field that never ignites: its first ignition censored at the run's end, with a note
    const none = modelValue('first_ignition_min', measures(0), null, 0, 0);
    expect(none.value).toBe(900);
    expect(none.note).toMatch(/no ignition site: censored/);
    expect(modelValue('first_ignition_min', measures(0, { ignition_sites: 2, first_ignition_min: 455 }), null, 0, 0)).toMatchObject({ value: 455, note: null });
    expect(modelValue('ignition_sites', measures(0, { ignition_sites: 7 }), null, 0, 0)).toMatchObject({ value: 7, note: null });
  });

  it('scores points with the tolerance rule and puts failed runs far off', () => {
    const point = (value: number, sd: number, treated: number, relation: PlannedPoint['relation'] = 'eq'): PlannedPoint => ({
      relation,
      index: 0,
      data: 0,
      line: 2,
      agent: 'dfo',
      dose: 1,
      observable: 'wave_speed_ratio',
      t_min: null,
      value,
      sd,
      weight: 2,
      tolerance: { sd: 2, abs: 0.08 },
      treated: [treated],
      control: [0],
      group: '',
      fixed: false,
    });
    const plan = {
      points: [point(0.9, 0.01, 1), point(0.5, 0.2, 1), point(0.8, 0.1, 2)],
      conditions: [0, 1, 2].map((index) => ({ index, times_min: [] })),
    } as unknown as FitPlan;
    const s = scoreCandidate(plan, [measures(5), measures(4), { ok: false, error: 'boom' }]);
    // 0.8 against 0.9 +- 0.01: 10 SD off, and beyond the 0.08 floor
    expect(s.points[0]).toMatchObject({ model: 0.8, pass: false, allowed: 0.08 });
    expect(s.points[0].std_residual).toBeCloseTo(-10, 9);
    expect(s.points[1]).toMatchObject({ pass: true, allowed: 0.4 });
    expect(s.points[2]).toMatchObject({ failed: true, pass: false, std_residual: FAILED_RESIDUAL_SD });
    expect(s.points[2].note).toMatch(/run failed: boom/);
    expect(s.objective).toBeCloseTo(2 * (100 + 2.25 + FAILED_RESIDUAL_SD ** 2), 6);
    expect(s.failed).toBe(1);
    expect(s.pass).toBe(1);
    // bounds: the model (0.8) respects 'at most 0.9' (no residual) and misses 'at least 1.2' by 0.4
    const b = scoreCandidate({ ...plan, points: [point(0.9, 0.1, 1, 'le'), point(1.2, 0.1, 1, 'ge'), point(0.5, 0.1, 1, 'le')] } as FitPlan, [
      measures(5),
      measures(4),
    ]);
    expect(b.points.map((x) => x.pass)).toEqual([true, false, false]);
    expect(b.points[0].residual).toBe(0);
    expect(b.points[1].residual).toBeCloseTo(-0.4, 9);
    expect(b.points[2].residual).toBeCloseTo(0.3, 9);
  });
});
