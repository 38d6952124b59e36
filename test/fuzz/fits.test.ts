// Fuzz: mutated fit files (the calibration fit and a fit of every observable as seeds) and damaged
// data files (the calibration data cut, re-quoted, with fields added or changed). Each ends in a
// clear error naming a fit path or a file's line and column, or a valid fit whose runs are
// planned and every run's scenario checked; never another exception, a hang or a prototype change.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDataRows } from '../../src/fit/data';
import { checkPlan, planFit } from '../../src/fit/plan';
import { type FitSpec, fitError, validateFit } from '../../src/fit/spec';
import type { Problem } from '../../src/model/scenario';
import { type Json, mutate, rng } from './mutate';
import { judge, prototypeKeys, unclear } from './verdict';

const root = join(import.meta.dirname, '../..');
const calibration = JSON.parse(readFileSync(join(root, 'fits/calibration.fit.json'), 'utf8')) as Json;
const csv = readFileSync(join(root, 'data/co2024-wave-speed-calibration.csv'), 'utf8');
const every: Json = {
  name: 'every-observable',
  data: [
    { file: 'd.csv', scenario: 'primed-light-pulse', set: { 'lattice.width': 20 }, treatment: { start_min: 10, end_min: 500 }, weight: 2 },
    { file: 'e.csv', scenario: 'unprimed-light-pulse', observable: 'fraction_dead_at', t_min: 300, sd: 0.1, tolerance: { sd: 1, abs: 0.05 } },
  ],
  parameters: [
    { path: 'params.ox_diffusion', lower: 100, upper: 600, scale: 'log', start: 285 },
    { path: 'params.feedback_iron_share', lower: 0.1, upper: 0.3 },
  ],
  replicates: 2,
  optimiser: { population: 6, max_evaluations: 100 },
  uncertainty: { method: 'none' },
};
const SEEDS = [calibration, every];
const base = { raw: { name: 'b', seed: 1, lattice: { width: 20, height: 3 }, duration_min: 600, treatments: [] }, seed: 1, duration_min: 600 };

/** Rows of a data file checked against `spec`'s first data entry; a FitError when any row is bad. */
function rows(spec: FitSpec, text: string) {
  const problems: Problem[] = [];
  const r = readDataRows(text, spec.data[0], 0, spec.data[0].file, spec.tolerance, problems);
  if (problems.length) throw fitError(problems);
  return r;
}

describe('fuzzed fit files', () => {
  it('500 mutated fit files: a clear error naming a fit path, or a valid fit', () => {
    const before = prototypeKeys();
    const r = rng('fits');
    let valid = 0;
    for (let i = 0; i < 500; i++) {
      const label = `fit #${i}`;
      const v = judge(label, () => validateFit(mutate(r, r.pick(SEEDS), SEEDS)));
      expect(v.ms, label).toBeLessThan(2000);
      if (v.ok) valid++;
      else expect(unclear(v.error), label).toBeNull();
    }
    expect(valid).toBeGreaterThan(20);
    expect(prototypeKeys()).toBe(before);
  });

  it('300 damaged data files: a clear error naming the line and column, or data points whose runs are planned and checked', () => {
    const before = prototypeKeys();
    const spec = validateFit(calibration);
    const r = rng('fit-data');
    const lines = csv.trimEnd().split('\n');
    const damage = (): string => {
      const ls = [...lines];
      for (let m = 1 + r.int(3); m > 0; m--) {
        const k = 1 + r.int(ls.length - 1);
        const f = ls[k].split(',');
        switch (r.int(7)) {
          case 0:
            ls[k] = ls[k].slice(0, r.int(ls[k].length));
            break;
          case 1:
            f[r.int(f.length)] = r.pick(['', 'NaN', '-1', '1e400', 'abc', '"', '"a,b"', '__proto__', 'toString', 'ly294002', 'light-pulse', '\u001b[31m']);
            ls[k] = f.join(',');
            break;
          case 2:
            ls[k] = `${ls[k]},extra`;
            break;
          case 3:
            ls.splice(k, 1);
            break;
          case 4:
            ls[0] = ls[0].replace(r.pick(['agent', 'uM', 'ratio_to_control', 'sd_um_per_min', 'speed_um_per_min']), r.pick(['Agent', 'dose', '']));
            break;
          case 5:
            ls.splice(k, 0, r.pick(['', '""', ',,,,,', '\r', 'dfo,1,1,1,1,"never closed']));
            break;
          default:
            ls[k] = ls[k].replace(/,"/, ',');
        }
      }
      return `${ls.join(r.pick(['\n', '\r\n']))}\n`;
    };
    let valid = 0;
    for (let i = 0; i < 300; i++) {
      const label = `data #${i}`;
      const v = judge(label, () => rows(spec, damage()));
      expect(v.ms, label).toBeLessThan(2000);
      if (!v.ok) {
        expect(unclear(v.error), label).toBeNull();
        continue;
      }
      valid++;
      const plan = planFit(spec, v.value.points, [base]);
      const problems = checkPlan(
        plan,
        { feedback_iron_share: 0.2, ros_feedback_max: 1.2, fsp1_rate: 0.1, tfr_uptake: 0.008 },
        'fuzz',
        '0.1.0',
        (p) => `d.csv line ${p.line}`,
      );
      if (problems.length) expect(unclear(fitError(problems)), label).toBeNull();
    }
    expect(valid).toBeGreaterThan(20);
    expect(prototypeKeys()).toBe(before);
  });
});
