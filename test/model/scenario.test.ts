// Scenario validation: every problem is reported at once, naming the JSON path, the value and
// what is allowed; defaults are filled in; presets are valid.
import { describe, expect, it } from 'vitest';
import { PARAMS } from '../../src/model/params';
import { PRESET_NAMES, PRESETS } from '../../src/model/presets';
import { applyOverride, resolveScenario, ScenarioError } from '../../src/model/scenario';

const ok = { seed: 7, lattice: { width: 40, height: 4, site_um: 20 }, duration_min: 60, treatments: [{ agent: 'erastin', uM: 10, start_min: 0 }] };

function problems(raw: unknown): string[] {
  try {
    resolveScenario(raw, 'test');
  } catch (e) {
    if (e instanceof ScenarioError) return e.problems.map((p) => `${p.path} | ${JSON.stringify(p.value)} | ${p.message}`);
    throw e;
  }
  return [];
}

describe('scenario validation', () => {
  it('accepts a minimal scenario, fills every default and lists every parameter', () => {
    const sc = resolveScenario(ok, '9.9.9');
    expect(sc.ferrowave_version).toBe('9.9.9');
    expect(sc.numerics.dt_min).toBe(0.5);
    expect(sc.tissue).toEqual({ kind: 'monolayer', gaps: [], density: 1 });
    expect(Object.keys(sc.params).sort()).toEqual(PARAMS.map((p) => p.name).sort());
    expect(sc.treatments[0]).toMatchObject({ agent: 'erastin', uM: 10, start_min: 0, end_min: null, region: null });
  });

  it('treats 0 as a valid seed', () => {
    expect(resolveScenario({ ...ok, seed: 0 }, 't').seed).toBe(0);
  });

  it('reports every problem with its path, value and what is allowed', () => {
    const p = problems({
      seed: -1,
      lattice: { width: 40, height: 4, site_um: 100 },
      duration_min: 60,
      colour: 'red',
      treatments: [
        { agent: 'erastine', uM: 10 },
        { agent: 'rsl3', uM: -1 },
        { agent: 'light-pulse', uM: 3, region: { disc: { x_um: 0, y_um: 0 } } },
      ],
      params: { ox_diffusion: -5, no_such_param: 1 },
    });
    expect(p).toHaveLength(9);
    expect(p).toContainEqual(expect.stringMatching(/^scenario\.params\.no_such_param \| 1 \| unknown parameter/));
    expect(p).toContainEqual(expect.stringMatching(/^scenario\.seed \| -1 \| must be an integer, >= 0/));
    expect(p).toContainEqual(expect.stringMatching(/^scenario\.lattice\.site_um \| 100 \| .*<= 50/));
    expect(p).toContainEqual(expect.stringMatching(/^scenario\.colour \| "red" \| unknown key; allowed keys here: name, description, seed/));
    expect(p).toContainEqual(expect.stringMatching(/^scenario\.treatments\[0\]\.agent \| "erastine" \| unknown agent; allowed: erastin, sulfasalazine/));
    expect(p).toContainEqual(expect.stringMatching(/^scenario\.treatments\[1\]\.uM \| -1 \| must be a number \(uM\), >= 0/));
    expect(p).toContainEqual(expect.stringMatching(/^scenario\.treatments\[2\]\.uM \| 3 \| light-pulse takes "dose"/));
    expect(p).toContainEqual(expect.stringMatching(/^scenario\.treatments\[2\]\.region\.disc\.r_um \| undefined \| required/));
    expect(p).toContainEqual(expect.stringMatching(/^scenario\.params\.ox_diffusion \| -5 \| must be a number \(um\^2\/min\), >= 1/));
  });

  it('rejects unknown parameters and genetic changes without a gene', () => {
    const p = problems({ ...ok, params: { nope: 1 }, treatments: [{ agent: 'knockdown', factor: 0.5 }] });
    expect(p.some((x) => x.startsWith('scenario.params.nope'))).toBe(true);
    expect(p.some((x) => x.startsWith('scenario.treatments[0].gene') && x.includes('SLC7A11'))).toBe(true);
  });

  it('applies --set overrides to nested paths and list items', () => {
    const raw = structuredClone(ok) as Record<string, unknown>;
    applyOverride(raw, 'treatments[0].uM=2.5');
    applyOverride(raw, 'params.ox_diffusion=300');
    applyOverride(raw, 'name=dose');
    const sc = resolveScenario(raw, 't');
    expect(sc.treatments[0].uM).toBe(2.5);
    expect(sc.params.ox_diffusion).toBe(300);
    expect(sc.name).toBe('dose');
  });

  it('ships valid presets for the classic experiments', () => {
    for (const n of ['primed-light-pulse', 'unprimed-light-pulse', 'ferrostatin-rescue', 'erastin-0.6uM-light-pulse', 'erastin-1.25uM-light-pulse']) {
      expect(PRESET_NAMES).toContain(n);
    }
    for (const n of PRESET_NAMES) expect(() => resolveScenario(PRESETS[n], 't'), n).not.toThrow();
  });

  it('validates tumours: genes of subclones, fractions, and no regions for medium species', () => {
    const base = { seed: 1, lattice: { width: 40, height: 40, site_um: 20 }, duration_min: 60 };
    const p = problems({
      ...base,
      tissue: {
        kind: 'tumour',
        subclones: [
          { name: 'a', pheno: { FSP2: 2 }, fraction: 0.7 },
          { name: 'b', pheno: { FSP1: 2 }, fraction: 0.6 },
        ],
      },
      treatments: [
        { agent: 'zncl2', uM: 10, region: { disc: { x_um: 100, y_um: 100, r_um: 50 } } },
        { agent: 'erastin', uM: 10, region: { disc: { x_um: 100, y_um: 100, r_um: 50 } } },
      ],
    });
    expect(p).toContainEqual(expect.stringMatching(/^scenario\.tissue\.subclones\[0\]\.pheno\.FSP2 \| 2 \| unknown gene; allowed: SLC7A11/));
    expect(p).toContainEqual(expect.stringMatching(/^scenario\.tissue\.subclones \| 1\.3 \| the fractions/));
    expect(p).toContainEqual(expect.stringMatching(/^scenario\.treatments\[0\]\.region .* in a tumour zncl2 is part of the medium/));
    // a drug may be applied locally (painted): no problem for treatments[1]
    expect(p.some((l) => l.startsWith('scenario.treatments[1]'))).toBe(false);
    const sc = resolveScenario({ ...base, tissue: { kind: 'tumour' } }, 't');
    expect(sc.boundary).toBe('medium');
    expect(sc.numerics.field_every).toBe(2);
    expect(sc.tissue.kind === 'tumour' && sc.tissue.seeds).toHaveLength(1);
  });
});
