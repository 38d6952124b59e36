// Fit files, their data rows and the plan of runs: every problem names where it is (JSON path, or
// file, line and column), the value and what is allowed; rows that need the same run share it.
import { describe, expect, it } from 'vitest';
import { readDataRows } from '../../src/fit/data';
import { parseCsv } from '../../src/model/csv-text';
import { checkPlan, planFit } from '../../src/fit/plan';
import { FitError, type FitSpec, validateFit } from '../../src/fit/spec';
import type { Problem } from '../../src/model/scenario';

const minimal = {
  data: [{ file: 'd.csv', scenario: 'primed-light-pulse' }],
  parameters: [{ path: 'params.feedback_iron_share', lower: 0.1, upper: 0.3, scale: 'log' }],
};

function problems(raw: unknown): Problem[] {
  try {
    validateFit(raw);
  } catch (e) {
    if (e instanceof FitError) return e.problems;
    throw e;
  }
  return [];
}

describe('fit file validation', () => {
  it('fills the defaults of a minimal fit file', () => {
    const s = validateFit(minimal);
    expect(s.parameters[0]).toEqual({ path: 'params.feedback_iron_share', name: 'feedback_iron_share', lower: 0.1, upper: 0.3, scale: 'log', start: null });
    expect(s.data[0].columns).toMatchObject({ agent: 'agent', dose_uM: 'uM', value: 'value', sd: 'sd' });
    expect(s.optimiser).toMatchObject({ method: 'cma-es', sigma0: 0.25, population: null });
    expect(s.uncertainty).toMatchObject({ method: 'profile', level: 0.95 });
    expect(s.tolerance).toEqual({ sd: 2, abs: 0 });
  });

  it('names every problem by its JSON path, value and what is allowed', () => {
    const p = problems({
      ...minimal,
      seed: -3,
      extra: true,
      data: [{ file: 'd.txt', scenario: 'x', observable: 'speed', set: { 'params.feedback_iron_share': 0.2 }, columns: { dose: 'uM' } }],
      parameters: [
        { path: 'params.feedback_iron_share', lower: 0, upper: 9, scale: 'log' },
        { path: 'params.not_a_parameter', lower: 1, upper: 2 },
        { path: 'params.ox_diffusion', lower: 300, upper: 200, start: 50 },
        { path: 'params.feedback_iron_share', lower: 0.1, upper: 0.2 },
      ],
      optimiser: { method: 'nelder-mead', sigma0: 0 },
      uncertainty: { level: 0.8, points: 2 },
    });
    const by = Object.fromEntries(p.map((q) => [q.path, q]));
    expect(by['fit.extra'].message).toMatch(/unknown key; allowed keys here: name, description, seed, data, parameters/);
    expect(by['fit.seed']).toMatchObject({ value: -3 });
    expect(by['fit.data[0].file'].message).toMatch(/\.csv file, relative to the fit file/);
    expect(by['fit.data[0].observable'].message).toMatch(/allowed: wave_speed_ratio, wave_speed_um_per_min, fraction_dead_at, gsh_percent_at, t50_death_min/);
    expect(by['fit.data[0].columns.dose'].message).toMatch(/allowed keys here: agent, dose_uM, value/);
    expect(by['fit.parameters[0].upper']).toMatchObject({ value: 9 });
    expect(by['fit.parameters[0].upper'].message).toMatch(/0-1 1, the parameter's allowed range/);
    expect(by['fit.parameters[0].lower'].message).toMatch(/> 0 on a log scale/);
    expect(by['fit.parameters[1].path'].message).toMatch(/params.<name> of a model parameter/);
    expect(by['fit.parameters[2].upper'].message).toMatch(/above lower \(300\)/);
    expect(by['fit.parameters[2].start'].message).toMatch(/within the bounds \[300, 200\]/);
    expect(by['fit.parameters[3].path'].message).toMatch(/already fitted by fit.parameters\[0\]/);
    expect(by['fit.data[0].set["params.feedback_iron_share"]'].message).toMatch(/fitted parameter: fit it or fix it/);
    expect(by['fit.optimiser.method'].message).toBe('allowed: cma-es');
    expect(by['fit.optimiser.sigma0']).toBeDefined();
    expect(by['fit.uncertainty.level'].message).toMatch(/0.68, 0.9, 0.95, 0.99/);
    expect(by['fit.uncertainty.points'].message).toMatch(/integer >= 3/);
  });

  it('refuses keys that would reach a prototype rather than a value', () => {
    const p = problems({
      ...minimal,
      data: [{ file: 'd.csv', scenario: 'toString', set: { '__proto__.polluted': 1, 'a.constructor': 2 } }],
      uncertainty: { level: 'toString' },
    });
    expect(p.map((q) => q.path)).toEqual(['fit.data[0].set["__proto__.polluted"]', 'fit.data[0].set["a.constructor"]', 'fit.uncertainty.level']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a fit without data or parameters', () => {
    expect(problems({}).map((q) => q.path)).toEqual(['fit.data', 'fit.parameters']);
  });
});

const spec = (over: Record<string, unknown> = {}): FitSpec => validateFit({ ...minimal, data: [{ file: 'd.csv', scenario: 'primed-light-pulse', ...over }] });

describe('data rows', () => {
  it('reads quoted fields with commas, and the SD of a ratio from the measured speed', () => {
    const text = 'agent,uM,speed,sd_speed,ratio,source\ndfo,0,6,0.3,1.000,"Fig. 3, 96-well"\ndfo,10,4.5,0.6,0.75,"Fig. 3, 96-well"\n';
    const s = spec({ observable: 'wave_speed_ratio', columns: { value: 'ratio', sd: 'sd_speed', sd_relative_to: 'speed' } });
    const problems: Problem[] = [];
    const { points } = readDataRows(text, s.data[0], 0, 'd.csv', s.tolerance, problems);
    expect(problems).toEqual([]);
    expect(points.map((p) => [p.agent, p.dose, p.value, p.line])).toEqual([
      ['dfo', 0, 1, 2],
      ['dfo', 10, 0.75, 3],
    ]);
    expect(points[1].sd).toBeCloseTo((0.75 * 0.6) / 4.5, 12);
    expect(parseCsv('a,b\n"x, ""y""",2\r\n')[1].fields).toEqual(['x, "y"', '2']);
  });

  it('names the file, line and column of a bad row; an unknown agent lists the allowed ones and how to skip it', () => {
    const text = [
      'agent,uM,observable,value,sd,t_min',
      'not-a-drug,1,wave_speed_ratio,0.9,0.1,',
      'dfo,abc,wave_speed_ratio,0.9,0.1,',
      'dfo,1,fraction_dead_at,0.5,0.1,',
      'dfo,1,wave_speed_ratio,0.9,0.1,,extra',
      'erastin,500,wave_speed_um_per_min,1,0.1,',
    ].join('\n');
    const problems: Problem[] = [];
    readDataRows(text, spec().data[0], 0, 'd.csv', { sd: 2, abs: 0 }, problems);
    expect(problems.map((p) => p.path)).toEqual([
      'd.csv line 2, column agent',
      'd.csv line 3, column uM',
      'd.csv line 4, column t_min',
      'd.csv line 5',
      'd.csv line 6, column uM',
    ]);
    expect(problems[0].message).toMatch(/not a treatment of the model; allowed: erastin, .*dfo.*; or list it in fit.data\[0\].skip_agents/);
    expect(problems[3].message).toMatch(/7 fields, the header 6 \(a field holding a comma must be in double quotes\)/);
    expect(problems[4].message).toMatch(/above erastin's allowed range 0-100 uM/);
  });

  it('leaves out the rows of skip_agents and reports them, and says when a skipped agent is known', () => {
    const text = 'agent,uM,value,sd\nnot-a-drug,1,0.9,0.1\ndfo,1,0.9,0.1\nnot-a-drug,2,0.8,0.1\nfac,1,1.1,0.1\n';
    const s = spec({ observable: 'wave_speed_ratio', skip_agents: ['not-a-drug', 'fac'] });
    const problems: Problem[] = [];
    const { points, skipped } = readDataRows(text, s.data[0], 0, 'd.csv', s.tolerance, problems);
    expect(problems).toEqual([]);
    expect(points.map((p) => p.agent)).toEqual(['dfo']);
    expect(skipped).toEqual([
      { data: 0, agent: 'not-a-drug', lines: [2, 4], known: false },
      { data: 0, agent: 'fac', lines: [5], known: true },
    ]);
  });

  it('names a missing column and the columns the header has', () => {
    const problems: Problem[] = [];
    readDataRows('agent,dose,value,sd\ndfo,1,1,1\n', spec({ observable: 'wave_speed_ratio' }).data[0], 0, 'd.csv', { sd: 2, abs: 0 }, problems);
    expect(problems[0]).toMatchObject({ path: 'd.csv line 1', value: 'uM' });
    expect(problems[0].message).toMatch(/no column "uM" \(fit.data\[0\].columns.dose_uM\); the header has: agent, dose, value, sd/);
  });
});

describe('plan of runs', () => {
  it('runs each condition once per candidate: ratios, dose-0 rows and GSH share the untreated control', () => {
    const text = [
      'agent,uM,observable,value,sd,t_min',
      'dfo,0,wave_speed_ratio,1,0.05,',
      'dfo,10,wave_speed_ratio,0.8,0.05,',
      'dfo,10,fraction_dead_at,0.5,0.1,600',
      'dfo,10,gsh_percent_at,40,5,300',
      'fac,10,wave_speed_ratio,1.2,0.05,',
    ].join('\n');
    const s = spec();
    const { points } = readDataRows(text, s.data[0], 0, 'd.csv', s.tolerance, []);
    const base = { raw: { name: 'b', seed: 5, lattice: { width: 20, height: 3 }, duration_min: 900, treatments: [] }, seed: 5, duration_min: 900 };
    const plan = planFit(s, points, [base]);
    // control, dfo 10, fac 10
    expect(plan.conditions.map((c) => [c.agent, c.dose, c.times_min])).toEqual([
      [null, 0, [300]],
      ['dfo', 10, [300, 600]],
      ['fac', 10, []],
    ]);
    expect(plan.points.map((p) => [p.treated, p.control, p.fixed])).toEqual([
      [[0], [0], true],
      [[1], [0], false],
      [[1], [], false],
      [[1], [0], false],
      [[2], [0], false],
    ]);
    expect(plan.conditions.every((c) => c.seed === 5)).toBe(true);
    const late = readDataRows('agent,uM,observable,value,sd,t_min\ndfo,1,fraction_dead_at,0.5,0.1,1000\n', s.data[0], 0, 'd.csv', s.tolerance, []).points;
    const bad = checkPlan(planFit(s, late, [base]), { feedback_iron_share: 0.2 }, 'f', '0.1.0', (p) => `d.csv line ${p.line}`);
    expect(bad.map((q) => q.path)).toContain('d.csv line 2');
    expect(bad.find((q) => q.value === 1000)?.message).toMatch(/after the end of its scenario \(duration_min 900\)/);
  });
});
