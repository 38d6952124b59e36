// The fit's tables carry units: a column of parameter values is `name_unit` by the shared rule
// (src/model/unit-suffix.ts) with the unit of the parameter registry; the long tables with a row
// per parameter (uncertainty.csv, profiles.csv) have a `unit` column.
import { describe, expect, it } from 'vitest';
import type { FitState } from '../../src/fit/driver';
import type { FitSpec } from '../../src/fit/spec';
import type { UncertaintySummary } from '../../src/fit/uncertainty';
import { evaluationsCsv, paramColumn, profilesCsv } from '../../src/formats/fit-tables';
import { parseCsv } from '../../src/formats/runs-csv';
import { PARAMS } from '../../src/model/params';
import { unitSuffix } from '../../src/model/unit-suffix';

const spec = { parameters: [{ name: 'ox_diffusion' }, { name: 'w_fsp1' }, { name: 'gsh_ox_rate' }] } as unknown as FitSpec;

describe('fit tables', () => {
  it('name each parameter column name_unit (dimensionless ones by their name), for every parameter of the registry', () => {
    expect(paramColumn('ox_diffusion')).toBe('ox_diffusion_um2_per_min');
    expect(paramColumn('w_fsp1')).toBe('w_fsp1');
    for (const p of PARAMS) {
      const dimensionless = p.unit === '1' || p.unit === 'rel';
      expect(paramColumn(p.name)).toBe(dimensionless ? p.name : `${p.name}_${unitSuffix(p.unit)}`);
      expect(paramColumn(p.name)).toMatch(/^[A-Za-z0-9_]+$/);
    }
  });

  it('evaluations.csv: the fitted parameters with their units between the design and the objective', () => {
    const state = {
      evaluations: [{ batch: 0, phase: 'start', generation: 0, profile: null, values: [300, 0.03, 1.5], objective: 12.5, failed: 0, pass: 3 }],
    } as unknown as FitState;
    const [header, row] = parseCsv(evaluationsCsv(spec, state));
    expect(header).toEqual([
      'evaluation',
      'batch',
      'phase',
      'generation',
      'profile_parameter',
      'profile_point',
      'ox_diffusion_um2_per_min',
      'w_fsp1',
      'gsh_ox_rate_per_au_min',
      'objective',
      'failed_points',
      'pass_points',
    ]);
    expect(row).toEqual(['0', '0', 'start', '0', '', '', '300', '0.03', '1.5', '12.5', '0', '3']);
  });

  it("profiles.csv: each point's parameter value with the parameter's unit", () => {
    const u = {
      threshold: 3.84,
      params: [{ name: 'ox_diffusion', profile: [{ u: 0.5, value: 300, objective: 14 }] }],
    } as unknown as UncertaintySummary;
    expect(parseCsv(profilesCsv(u, 12))).toEqual([
      ['parameter', 'unit', 'unit_coordinate', 'value', 'objective', 'delta_objective', 'within_threshold'],
      ['ox_diffusion', 'um^2/min', '0.5', '300', '14', '2', 'true'],
    ]);
  });
});
