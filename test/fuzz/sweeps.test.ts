// Fuzz: mutated sweep files (the README's example, an inline-base sweep and space-filling
// designs as seeds). Each is a clear error naming a sweep path or a design point, or a valid
// sweep that the JSON schema accepts too; small valid ones are planned (every design point's
// scenario validated), again ending in a plan or a clear error; no prototype changes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { timeseriesHeader } from '../../src/formats/run-folder';
import { ownValue } from '../../src/model/own-keys';
import { PRESET_NAMES, PRESETS } from '../../src/model/presets';
import { METRIC_NAMES } from '../../src/sweep/metrics';
import { planSweep } from '../../src/sweep/plan';
import { countPoints, validateSweep } from '../../src/sweep/spec';
import { type Json, mutate, rng } from './mutate';
import { judge, prototypeKeys, unclear } from './verdict';

const root = join(import.meta.dirname, '../..');
const read = (rel: string) => JSON.parse(readFileSync(join(root, rel), 'utf8'));
const sweepOk = new Ajv({ allErrors: false }).compile(read('schemas/sweep.schema.json'));
const vocab = { metrics: METRIC_NAMES, timeseriesColumns: timeseriesHeader().split(','), presets: PRESET_NAMES };

const strip = { ...structuredClone(PRESETS['primed-light-pulse']), lattice: { width: 20, height: 2, site_um: 20 }, duration_min: 60 } as Json;
const SEEDS: Json[] = [
  read('examples/erastin-dfo-sweep.json'),
  { name: 'inline', base: strip, axes: [{ path: 'params.ox_diffusion', from: 100, to: 400, n: 3, scale: 'log' }], replicates: 2, seed: 5 },
  {
    name: 'lhs',
    base: 'unprimed-light-pulse',
    design: 'latin-hypercube',
    points: 4,
    axes: [
      { path: 'treatments[0].dose', from: 1, to: 40 },
      { path: 'lattice.width', values: [10, 20, 30], name: 'w' },
    ],
    keep: { metrics: ['wave_speed_um_per_min'], timeseries: ['alive'] },
  },
  { base: 'primed-light-pulse', design: 'sobol', points: 3, axes: [{ path: 'treatments[0].uM', from: 0.5, to: 10, integer: true }] },
  {
    name: 'saltelli',
    base: strip,
    design: 'saltelli',
    points: 2,
    axes: [
      { path: 'params.ox_diffusion', from: 190, to: 430, scale: 'log' },
      { path: 'treatments[0].uM', values: [5, 10] },
    ],
  },
  read('fits/sensitivity-speed.sweep.json'),
];

describe('fuzzed sweep files', () => {
  it('500 mutated sweeps: a clear error naming a path, or a valid sweep the schema accepts; small ones planned', () => {
    const before = prototypeKeys();
    const r = rng('sweeps');
    let valid = 0;
    let planned = 0;
    for (let i = 0; i < 500; i++) {
      const label = `sweep #${i}`;
      const raw = mutate(r, r.pick(SEEDS), SEEDS);
      const v = judge(label, () => validateSweep(raw, vocab));
      expect(v.ms, label).toBeLessThan(3000);
      if (!v.ok) {
        expect(unclear(v.error), label).toBeNull();
        continue;
      }
      valid++;
      const schemaSays = () => `${label}: the CLI accepts it, the schema does not: ${JSON.stringify(sweepOk.errors?.[0])}`;
      const spec = v.value;
      // an inline base is validated when the design is planned (with set and the axes applied)
      if (typeof spec.base === 'string') expect(sweepOk(raw), schemaSays()).toBe(true);
      const base = typeof spec.base === 'string' ? ownValue(PRESETS, spec.base) : spec.base;
      if (!base || countPoints(spec.design, spec.points, spec.axes) * spec.replicates > 48) continue;
      const p = judge(label, () => planSweep(spec, base, 'fuzz'));
      expect(p.ms, label).toBeLessThan(5000);
      if (p.ok) {
        planned++;
        expect(sweepOk(raw), schemaSays()).toBe(true);
      } else expect(unclear(p.error), label).toBeNull();
    }
    expect(valid).toBeGreaterThan(20);
    expect(planned).toBeGreaterThan(5);
    expect(prototypeKeys()).toBe(before);
  });

  it("refuses the issue's prototype paths in set and axes, naming them", () => {
    const before = prototypeKeys();
    const example = read('examples/erastin-dfo-sweep.json');
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ ...example, set: { 'treatments.__proto__.x': 1 } }, /^sweep\.set\["treatments\.__proto__\.x"\]: 1 — the key: "__proto__" is not allowed in a path/],
      [{ ...example, axes: [{ path: '__proto__.end_min', values: [1] }] }, /^sweep\.axes\[0\]\.path: "__proto__\.end_min" — "__proto__" is not allowed/],
      [
        { ...example, axes: [{ path: 'constructor.prototype.x', values: [1] }] },
        /^sweep\.axes\[0\]\.path: "constructor\.prototype\.x" — "constructor" is not allowed/,
      ],
    ];
    for (const [raw, why] of cases) {
      const v = judge('prototype path', () => validateSweep(raw, vocab));
      expect(v.ok).toBe(false);
      if (!v.ok) expect(v.error.message).toMatch(why);
    }
    // a path beyond a list's end is found when the design is planned, naming the axis
    const spec = validateSweep({ ...example, axes: [{ path: 'treatments[5].uM', values: [1, 2] }] }, vocab);
    const p = judge('beyond the end', () => planSweep(spec, structuredClone(PRESETS['primed-light-pulse']), 'fuzz'));
    expect(p.ok).toBe(false);
    if (!p.ok)
      expect(p.error.message).toMatch(/^design point 0: .* — sweep\.axes\[0\] treatments\[5\]\.uM: 1 — treatments has 3 items: \[5\] is beyond its end/);
    expect(prototypeKeys()).toBe(before);
  });
});
