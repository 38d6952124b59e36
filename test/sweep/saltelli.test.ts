// A saltelli design as a sweep file asks for it: N base points give N x (k + 2) runs (A, B, then
// one AB per axis), AB_i equal to A but on axis i; the runs of a base point share its seed; the
// design is the master seed's, whatever the number of axes (Sobol below 22 dimensions, a Latin
// hypercube beyond); "all-params" is every parameter of the registry with why any is left out;
// and every mistake in such a file is named by its JSON path.
import { describe, expect, it } from 'vitest';
import { PARAMS, type ParamSpec } from '../../src/model/params';
import { PRESETS } from '../../src/model/presets';
import { formatProblem } from '../../src/model/scenario';
import { designPoints } from '../../src/sweep/design';
import { paramAxes } from '../../src/sweep/param-axes';
import { planSweep } from '../../src/sweep/plan';
import { saltelliRole } from '../../src/sweep/saltelli';
import { runSeed } from '../../src/sweep/seeds';
import { countPoints, SweepError, validateSweep } from '../../src/sweep/spec';

const vocab = { metrics: ['wave_speed_um_per_min'], timeseriesColumns: ['t_min'] };
const base = () => structuredClone(PRESETS['primed-light-pulse']);
const small = { 'lattice.width': 20, 'lattice.height': 2, 'treatments[1].region.disc.y_um': 20 };

function problems(raw: Record<string, unknown>): string[] {
  try {
    validateSweep(raw, vocab);
  } catch (e) {
    if (e instanceof SweepError) return e.problems.map(formatProblem);
    throw e;
  }
  return [];
}

describe('the saltelli design', () => {
  const axes = [
    { path: 'params.ox_diffusion', from: 190, to: 430, scale: 'log' },
    { path: 'treatments[0].uM', from: 5, to: 10 },
    { path: 'params.lpo_commit', values: [15, 20, 25] },
  ];
  const spec = validateSweep({ base: 'p', design: 'saltelli', points: 8, seed: 3, axes }, vocab);

  it('has N x (k + 2) points: A_j, B_j, then AB_ij equal to A_j except on axis i, where it takes B_j', () => {
    const pts = designPoints(spec);
    expect(countPoints(spec.design, spec.points, spec.axes)).toBe(40);
    expect(pts).toHaveLength(40);
    for (let j = 0; j < 8; j++) {
      const [a, b, ...ab] = pts.slice(5 * j, 5 * j + 5);
      expect(a).not.toEqual(b);
      for (const [i, row] of ab.entries()) expect(row).toEqual(a.map((v, d) => (d === i ? b[d] : v)));
    }
    for (const p of pts) {
      expect(p[0]).toBeGreaterThanOrEqual(190);
      expect(p[0]).toBeLessThanOrEqual(430);
      expect([15, 20, 25]).toContain(p[2]);
    }
  });

  it('is the master seed`s: the same seed, the same design; another seed, another one', () => {
    expect(designPoints(spec)).toEqual(designPoints(validateSweep({ base: 'p', design: 'saltelli', points: 8, seed: 3, axes }, vocab)));
    expect(designPoints(spec)).not.toEqual(designPoints(validateSweep({ base: 'p', design: 'saltelli', points: 8, seed: 4, axes }, vocab)));
  });

  it('gives the k + 2 runs of a base point one seed (only the parameters differ), each base point its own', () => {
    const plan = planSweep(validateSweep({ base: 'p', design: 'saltelli', points: 8, seed: 3, set: small, axes }, vocab), base(), 'test');
    expect(plan.runs).toHaveLength(40);
    for (const r of plan.runs) expect(r.seed).toBe(runSeed(3, saltelliRole(r.point, 3).base));
    expect(new Set(plan.runs.map((r) => r.seed)).size).toBe(8);
    expect(() => validateSweep({ base: 'p', design: 'saltelli', points: 8, replicates: 2, axes }, vocab)).toThrow(
      'sweep.replicates: 2 — must be 1 for a saltelli design: the N x (axes + 2) runs of a base point share its seed',
    );
  });

  it('works for any number of axes: 60 axes draw a 120-dimensional Latin hypercube, every column of A and B stratified', () => {
    const many = Array.from({ length: 60 }, (_, i) => ({ path: `params.${PARAMS[i].name}`, from: 0, to: 1 }));
    const raw = { base: 'p', design: 'saltelli', points: 16, seed: 1, axes: many };
    // explicit lists keep the limit of 32 axes; "all-params" is the way to many
    const p = problems(raw);
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/^sweep\.axes: \[.* — 60 axes: at most 32 \(or "all-params"\)$/);
    const s = validateSweep({ base: 'p', design: 'saltelli', points: 16, seed: 1, axes: 'all-params' }, vocab);
    const pts = designPoints(s);
    const k = s.axes.length;
    expect(pts).toHaveLength(16 * (k + 2));
    for (let d = 0; d < k; d++) {
      const a = pts.filter((_, p) => p % (k + 2) === 0).map((p) => p[d] as number);
      const { from, to } = s.axes[d];
      // one value per stratum of the log range
      const strata = a.map((v) => Math.floor((16 * Math.log(v / from!)) / Math.log(to! / from!))).sort((x, y) => x - y);
      expect(strata, s.axes[d].path).toEqual(Array.from({ length: 16 }, (_, i) => i));
    }
  });
});

describe('"axes": "all-params"', () => {
  it('is one axis per parameter of the registry, default x/÷ factor on a log scale, clipped to the allowed range', () => {
    const s = validateSweep({ base: 'p', design: 'saltelli', points: 2, axes: 'all-params', factor: 2 }, vocab);
    expect(s.axes.length + s.all_params!.skipped.length).toBe(PARAMS.length);
    const ox = s.axes.find((a) => a.path === 'params.ox_diffusion')!;
    // ox_diffusion: its default halved and doubled
    const d = PARAMS.find((p) => p.name === 'ox_diffusion')!.default;
    expect(ox).toMatchObject({ from: d / 2, to: 2 * d, scale: 'log', integer: false });
    // w_gpx4: default 0.95, at most 1
    expect(s.axes.find((a) => a.path === 'params.w_gpx4')).toMatchObject({ from: 0.475, to: 1 });
    expect(s.all_params!.factor).toBe(2);
    // a sweep with listed axes validates to the spec it did before "all-params" (its folders resume)
    expect('all_params' in validateSweep({ base: 'p', design: 'saltelli', points: 2, axes: [{ path: 'a', from: 0, to: 1 }] }, vocab)).toBe(false);
  });

  it('says why each parameter left out is: excluded (with the reason given), fixed by sweep.set, a default of 0', () => {
    const s = validateSweep(
      {
        base: 'p',
        design: 'saltelli',
        points: 2,
        axes: 'all-params',
        set: { 'params.burst_rate': 0 },
        exclude: { prolif_rate: 'tumours only' },
        ranges: { lpo_commit: { from: 10, to: 30, integer: true } },
      },
      vocab,
    );
    expect(s.all_params!.skipped).toContainEqual({ name: 'prolif_rate', reason: 'tumours only' });
    expect(s.all_params!.skipped).toContainEqual({ name: 'burst_rate', reason: 'fixed by sweep.set' });
    expect(s.axes.find((a) => a.path === 'params.lpo_commit')).toMatchObject({ from: 10, to: 30, scale: 'linear', integer: true });
    expect(validateSweep({ base: 'p', design: 'saltelli', points: 2, axes: 'all-params', exclude: ['prolif_rate'] }, vocab).all_params!.skipped).toContainEqual(
      {
        name: 'prolif_rate',
        reason: 'excluded by sweep.exclude',
      },
    );
  });

  it('skips a default of 0 (no factor around it) and a range without room, unless given a range; rounds integer ranges', () => {
    const reg = (name: string, def: number, min: number, max: number): ParamSpec => ({
      name,
      unit: 'uM',
      default: def,
      min,
      max,
      group: 'g',
      doc: '',
      source: '',
    });
    const o = { factor: 1.5, exclude: new Map<string, string>(), fixed: new Set<string>() };
    const registry = [reg('zero', 0, 0, 10), reg('pinned', 2, 2, 2), reg('given', 0, 0, 10), reg('count', 3, 1, 10)];
    const { axes, skipped } = paramAxes({ ...o, ranges: { given: { from: 0, to: 1, scale: 'linear', integer: false } } }, registry);
    expect(skipped).toEqual([
      { name: 'zero', reason: 'default 0 uM: no factor around it (give it a range in sweep.ranges)' },
      { name: 'pinned', reason: 'its allowed range [2, 2] uM leaves no room around the default 2' },
    ]);
    expect(axes.map((a) => [a.path, a.from, a.to, a.scale])).toEqual([
      ['params.given', 0, 1, 'linear'],
      ['params.count', 2, 4.5, 'log'],
    ]);
    const ints = paramAxes({ ...o, ranges: { count: { from: 2.6, to: 3.4, scale: 'linear', integer: true } } }, registry);
    expect(ints.skipped).toContainEqual({ name: 'count', reason: 'its range 2.6 to 3.4 holds one integer only' });
  });

  it('names the path of every mistake, with the value and what is allowed', () => {
    expect(
      problems({
        base: 'p',
        design: 'saltelli',
        points: 0,
        axes: 'all-params',
        factor: 0.5,
        exclude: ['ros_basal', 'no_such_param'],
        ranges: {
          ox_diffusion: { from: 0, to: 500, scale: 'log' },
          lpo_commit: { from: 5, to: 5000 },
          ros_basal: { from: 0.05, to: 0.2 },
          nope: { from: 1, to: 2 },
          ros_decay: { from: 0.1, to: 0.3, step: 1 },
        },
      }),
    ).toEqual([
      'sweep.points: 0 — required for design "saltelli": an integer from 1 to 1000000 (the number of base points N: N x (axes + 2) runs)',
      'sweep.factor: 0.5 — must be a number above 1, at most 1000: each parameter varies from default / factor to default x factor (log scale)',
      'sweep.exclude[1]: "no_such_param" — not a parameter of the model (`ferrowave params` lists them)',
      "sweep.ranges.ox_diffusion.from: 0 — required: a number within the parameter's allowed range, 1 to 100000 um^2/min",
      "sweep.ranges.lpo_commit.to: 5000 — required: a number within the parameter's allowed range, 0.1 to 100 a.u.",
      'sweep.ranges.ros_basal: {"from":0.05,"to":0.2} — also in sweep.exclude: vary it or leave it out, not both',
      'sweep.ranges.nope: {"from":1,"to":2} — not a parameter of the model (`ferrowave params` lists them)',
      'sweep.ranges.ros_decay.step: 1 — unknown key; allowed keys here: from, to, scale, integer',
    ]);
    expect(problems({ base: 'p', axes: 'all-params' })).toEqual([
      'sweep.axes: "all-params" — "all-params" (one axis per model parameter) only for designs saltelli and latin-hypercube',
    ]);
    expect(problems({ base: 'p', design: 'saltelli', points: 4, axes: [{ path: 'a', from: 0, to: 1 }], factor: 2 })).toEqual([
      'sweep.factor: 2 — only with "axes": "all-params" (listed axes give their own ranges)',
    ]);
    expect(problems({ base: 'p', design: 'saltelli', points: 4, axes: 'every-param' })).toEqual([
      'sweep.axes: "every-param" — must be a list of axes like { "path": "treatments[0].uM", "values": [1, 2.5, 5] }, or "all-params"',
    ]);
  });

  it('refuses a parameter the base scenario sets (it would be varied around the registry default instead)', () => {
    const s = validateSweep({ base: 'p', design: 'saltelli', points: 1, axes: 'all-params', set: small }, vocab);
    const b = base();
    expect(b.params).toEqual({ burst_rate: 0 });
    expect(() => planSweep(s, b, 'test')).toThrow(
      'the base scenario sets params.burst_rate = 0, which "all-params" would vary around the registry\'s default instead: fix it in sweep.set, or leave it out with sweep.exclude',
    );
  });
});
