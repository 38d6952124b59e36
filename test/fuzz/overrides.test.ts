// Fuzz: `--set path=value` assignments (what run, record and validate take) built from the
// scenario's own keys, list indices near and far from a list's end, prototype keys and garbage,
// with values of every type, size and depth. Each is refused with its path named, or applied to
// give a valid scenario or a clear validation error; no built-in prototype ever changes.
import { describe, expect, it } from 'vitest';
import { PRESET_NAMES, PRESETS } from '../../src/model/presets';
import { applyOverride, resolveScenario, ScenarioError } from '../../src/model/scenario';
import { jsonText, KEYS, nasty, rng } from './mutate';
import { judge, prototypeKeys, unclear } from './verdict';

const SEGMENTS = [...KEYS.filter((k) => /^[A-Za-z_$][\w$]*$/.test(k)), 'a-b', '0', '', '..', 'treatments[0]', 'x y'];
const INDICES = ['[0]', '[1]', '[2]', '[3]', '[9]', '[4294967294]', '[99999999999]', '[-1]', '[x]', '[]'];

describe('fuzzed --set overrides', () => {
  it('600 assignments: refused naming the path, or a valid scenario, or a clear validation error', () => {
    const before = prototypeKeys();
    const r = rng('overrides');
    let applied = 0;
    for (let i = 0; i < 600; i++) {
      const parts: string[] = [];
      for (let n = 1 + r.int(4); n > 0; n--) parts.push(`${r.pick(SEGMENTS)}${r.chance(0.3) ? r.pick(INDICES) : ''}`);
      const path = parts.join(r.chance(0.9) ? '.' : '');
      const value = r.chance(0.8) ? jsonText(nasty(r)) : r.pick(['', 'dfo', '{', '[[[', `${'['.repeat(100_000)}`, 'x'.repeat(100_000)]);
      const label = `--set ${path.slice(0, 80)}=${value.slice(0, 40)} (#${i})`;
      const raw = structuredClone(PRESETS[r.pick(PRESET_NAMES)]);
      const set = judge(label, () => applyOverride(raw, `${path}=${value}`));
      expect(set.ms, label).toBeLessThan(1000);
      if (!set.ok) {
        expect(unclear(set.error), label).toBeNull();
        expect(set.error instanceof ScenarioError && set.error.problems[0].path, label).toMatch(/^--set( |$)/);
        continue;
      }
      applied++;
      const v = judge(label, () => resolveScenario(raw, 'fuzz'));
      expect(v.ms, label).toBeLessThan(3000);
      if (!v.ok) expect(unclear(v.error), label).toBeNull();
    }
    expect(applied).toBeGreaterThan(50);
    expect(prototypeKeys()).toBe(before);
    expect(({} as Record<string, unknown>).end_min).toBeUndefined();
    expect(([] as unknown as Record<string, unknown>).x).toBeUndefined();
  });

  it("the issue's reproducers are refused with the path named, and nothing changes", () => {
    const before = prototypeKeys();
    for (const [assignment, why] of [
      ['__proto__.end_min=1', /^--set __proto__\.end_min: 1 — "__proto__" is not allowed in a path/],
      ['lattice.__proto__.x=5', /^--set lattice\.__proto__\.x: 5 — "__proto__" is not allowed/],
      ['treatments.__proto__.x=1', /^--set treatments\.__proto__\.x: 1 — "__proto__" is not allowed/],
      ['constructor.prototype.end_min=1', /^--set constructor\.prototype\.end_min: 1 — "constructor" is not allowed/],
      ['treatments[4294967294].uM=1', /^--set treatments\[4294967294\]\.uM: 1 — index \[4294967294\] is beyond any list/],
      ['treatments[7].uM=1', /^--set treatments\[7\]\.uM: 1 — treatments has 2 items: \[7\] is beyond its end \(use \[0\] to \[2\]; \[2\] adds one\)/],
      ['treatments.x=1', /^--set treatments\.x: 1 — treatments is a list: name an item with \[index\]/],
      [`params.ox_diffusion=${'['.repeat(100)}${']'.repeat(100)}`, /^--set params\.ox_diffusion: .* the value is nested deeper than 64 levels/],
    ] as const) {
      const raw = structuredClone(PRESETS['primed-light-pulse']);
      const copy = JSON.stringify(raw);
      const v = judge(assignment, () => applyOverride(raw, assignment));
      expect(v.ok, assignment).toBe(false);
      if (v.ok) continue;
      expect(v.error.message, assignment).toMatch(why);
      expect(JSON.stringify(raw), `${assignment} changed the scenario`).toBe(copy);
    }
    expect(prototypeKeys()).toBe(before);
    // one past the end adds an item, as the README's sweep example does
    const raw = structuredClone(PRESETS['primed-light-pulse']);
    applyOverride(raw, 'treatments[2].agent=dfo');
    applyOverride(raw, 'treatments[2].uM=3');
    expect(resolveScenario(raw, 'fuzz').treatments[2]).toMatchObject({ agent: 'dfo', uM: 3 });
  });
});
