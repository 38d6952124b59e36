// Fuzz: mutated scenarios (every preset as a seed; objects as the page and sweeps pass them, and
// text as files and share links carry them) and the reproducers. Each gives a clear
// validation error naming a path, or a valid scenario that the JSON schema accepts too, that
// resolves to itself and that a machine can run; never a crash, a hang or a polluted prototype.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { decodeShareHash, encodeShareHash, parseScenarioText } from '../../src/io/scenario-text';
import { PRESET_NAMES, PRESETS } from '../../src/model/presets';
import { regionOverlaps } from '../../src/model/region-extent';
import { type ResolvedScenario, resolveScenario, ScenarioError } from '../../src/model/scenario';
import { scaleProblems } from '../../src/model/scenario-limits';
import { bigList, damageText, defineOwn, type Json, jsonText, mutate, nested, rng } from './mutate';
import { judge, prototypeKeys, unclear, type Verdict } from './verdict';

const schema = JSON.parse(readFileSync(join(import.meta.dirname, '../../schemas/scenario.schema.json'), 'utf8'));
const schemaOk = new Ajv({ allErrors: false }).compile(schema);
const presets = PRESET_NAMES.map((n) => PRESETS[n] as Json);

/** What a valid scenario must also be: schema-valid (as given and resolved), its own resolution, runnable, regions inside. */
function checkValid(label: string, raw: unknown, sc: ResolvedScenario): void {
  expect(schemaOk(raw), `${label}: the CLI accepts it, the schema does not: ${JSON.stringify(schemaOk.errors?.[0])}`).toBe(true);
  expect(schemaOk(sc), `${label}: resolved, the schema refuses it`).toBe(true);
  expect(resolveScenario(JSON.parse(JSON.stringify(sc)), sc.ferrowave_version), `${label}: resolves differently a second time`).toEqual(sc);
  expect(scaleProblems(sc), label).toEqual([]);
  const W = sc.lattice.width * sc.lattice.site_um;
  const H = sc.lattice.height * sc.lattice.site_um;
  for (const t of sc.treatments) if (t.region) expect(regionOverlaps(t.region, W, H), `${label}: a region outside the lattice`).toBe(true);
}

function expectClear<T>(label: string, v: Verdict<T>): void {
  expect(v.ms, `${label}: took ${v.ms.toFixed(0)} ms`).toBeLessThan(3000);
  if (!v.ok) expect(unclear(v.error), label).toBeNull();
}

describe('fuzzed scenarios', () => {
  it('1000 mutated scenario objects: a clear error naming a path, or a valid, runnable scenario', () => {
    const before = prototypeKeys();
    const r = rng('scenario-objects');
    let valid = 0;
    for (let i = 0; i < 1000; i++) {
      const label = `scenario object #${i}`;
      const raw = mutate(r, r.pick(presets), presets);
      const v = judge(label, () => resolveScenario(raw, 'fuzz'));
      expectClear(label, v);
      if (v.ok) {
        valid++;
        checkValid(label, raw, v.value);
      }
    }
    // the mutations leave some scenarios valid (the checks above ran on them), most not
    expect(valid).toBeGreaterThan(50);
    expect(valid).toBeLessThan(900);
    expect(prototypeKeys()).toBe(before);
    expect(({} as Record<string, unknown>).end_min).toBeUndefined();
  });

  it('500 damaged scenario files and share links: a readable error or a valid scenario', () => {
    const r = rng('scenario-text');
    for (let i = 0; i < 500; i++) {
      const label = `scenario text #${i}`;
      const raw = mutate(r, r.pick(presets), presets);
      let text = jsonText(raw);
      if (r.chance(0.5)) text = damageText(r, text);
      const v = judge(label, () => parseScenarioText(text, 'file'));
      expectClear(label, v);
      if (v.ok) {
        checkValid(label, JSON.parse(text), v.value);
        // what the page shares, it opens again as the same scenario
        expect(decodeShareHash(encodeShareHash(v.value)), label).toEqual(v.value);
      }
    }
  });

  it("the issue's reproducers: each refused with the field, the value and the allowed range", () => {
    const base = () => structuredClone(PRESETS['primed-light-pulse']) as Record<string, Json>;
    const cases: Array<[string, () => unknown, RegExp]> = [
      ['dt_min 1e-300', () => ({ ...base(), numerics: { dt_min: 1e-300 } }), /^scenario\.numerics\.dt_min: 1e-300 — .*>= 0\.001/],
      ['dt_min 1e-9', () => ({ ...base(), numerics: { dt_min: 1e-9 } }), /^scenario\.numerics\.dt_min: 1e-9 — /],
      ['an 8192 x 8192 lattice', () => ({ ...base(), lattice: { width: 8192, height: 8192, site_um: 20 } }), /^scenario\.lattice: .* \d+\.\d GiB .* 4\.0 GiB/],
      [
        'a year on a 4096 x 4096 dish',
        () => ({ ...base(), lattice: { width: 4096, height: 4096 }, duration_min: 100000, treatments: [] }),
        /site-steps: at most 1e12/,
      ],
      [
        'a sample every 1e-300 min',
        () => ({ ...base(), output: { sample_every_min: 1e-300 }, duration_min: 100000 }),
        /^scenario\.output\.sample_every_min: .*samples/,
      ],
      [
        'a pulse outside the lattice',
        () => ({ ...base(), treatments: [{ agent: 'light-pulse', dose: 30, region: { disc: { x_um: 1e6, y_um: 0, r_um: 100 } } }] }),
        /^scenario\.treatments\[0\]\.region: .* lies wholly outside the lattice \(0-8000 x 0-800 um\)/,
      ],
      [
        'a gap beyond the lattice',
        () => ({ ...base(), tissue: { kind: 'monolayer', gaps: [{ x_um: 9000, width_um: 100 }] } }),
        /^scenario\.tissue\.gaps\[0\]\.x_um: 9000 — .*<= 8000/,
      ],
      [
        'a tumour seed outside the lattice',
        () => ({ ...base(), treatments: [], tissue: { kind: 'tumour', seeds: [{ rect: { x_um: -500, y_um: 0, width_um: 100, height_um: 100 } }] } }),
        /^scenario\.tissue\.seeds\[0\]: .* lies wholly outside/,
      ],
      [
        'a name with terminal escapes',
        () => ({ ...base(), name: '\u001b]0;pwned\u0007\u001b[2J' }),
        /^scenario\.name: "\\u001b\]0;pwned\\u0007\\u001b\[2J" — must be one line/,
      ],
      [
        'a 2-million-element value',
        () => ({ ...base(), treatments: bigList(2_000_000) }),
        /^scenario\.treatments: \[0,1,2,3,4,5,6,0,.*… \(a list of 2000000 items\) — 2000000 items: at most 1000$/,
      ],
      ['a value nested 100,000 deep', () => ({ ...base(), params: nested(100_000) }), /^scenario\.params: \[\[\[\[.*\[…\].*must be an object/],
      [
        'a prototype key',
        () => {
          const s = base();
          defineOwn(s, '__proto__', { end_min: 1 });
          return s;
        },
        /^scenario\.__proto__: \{"end_min":1\} — forbidden key/,
      ],
    ];
    for (const [what, make, expected] of cases) {
      const v = judge(what, () => resolveScenario(make(), 'fuzz'));
      expect(v.ok, `${what} was accepted`).toBe(false);
      if (v.ok) continue;
      expect(unclear(v.error), what).toBeNull();
      expect(v.error.message.split('\n')[0], what).toMatch(expected);
      expect(v.ms, what).toBeLessThan(3000);
    }
  });

  it('500,000 unknown keys (the issue had 2 million): at most 100 problems listed, the count of the others given', () => {
    const raw: Record<string, unknown> = structuredClone(PRESETS['primed-light-pulse']);
    for (let i = 0; i < 500_000; i++) raw[`k${i}`] = i;
    const v = judge('500k keys', () => resolveScenario(raw, 'fuzz'));
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(unclear(v.error)).toBeNull();
    expect(v.error instanceof ScenarioError && v.error.problems).toHaveLength(100);
    expect(v.error.message).toMatch(/\(and 499900 more problems\)$/);
    expect(v.error.message.length).toBeLessThan(30_000);
  });

  it('JSON text nested 100,000 deep or larger than 16 MiB is refused before parsing', () => {
    const deep = `{"seed": 1, "params": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    expect(() => parseScenarioText(deep, 'file')).toThrow(/nested deeper than 64 levels of objects and lists \(at line 1, column 86\)/);
    const big = `{"description": "${'x'.repeat(17 * 1024 * 1024)}"}`;
    expect(() => parseScenarioText(big, 'file')).toThrow(/characters: at most 16777216/);
  });
});
