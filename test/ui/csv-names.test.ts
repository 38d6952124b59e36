// The page's CSV downloads name their columns by the CLI's rule (name_unit, tidy): the page's copy
// of the rule gives what src/formats/run-folder.ts gives for every unit of the model.
import { describe, expect, it } from 'vitest';
import { unitSuffix as cliSuffix } from '../../src/formats/run-folder';
import { AGENTS } from '../../src/model/agents';
import { CELL_VARS, FIELDS } from '../../src/model/layout';
import { PARAMS } from '../../src/model/params';
import { column, unitSuffix } from '../../src/ui/csv-names';

describe('CSV column names in the page', () => {
  it('follow the CLI rule for every unit of the model', () => {
    const units = new Set<string>([
      ...CELL_VARS.map((v) => v.unit),
      ...FIELDS.map((f) => f.unit),
      ...Object.values(AGENTS).map((a) => a.unit),
      ...PARAMS.map((p) => p.unit),
    ]);
    for (const u of units) expect(unitSuffix(u), u).toBe(cliSuffix(u));
    expect(column('ros', 'a.u.')).toBe('ros_au');
    expect(column('perfusion', '1/min')).toBe('perfusion_per_min');
    expect(column('n', '')).toBe('n');
  });
});
