// schemas/comparison.schema.json (npm run build:schemas; its freshness is checked with the other
// schemas in schemas.test.ts): a standard validator (ajv) with it accepts every shipped comparison
// preset, as the page's validation does, and rejects the mistakes the page rejects that a schema can see.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../src/model/presets';
import { validateComparisonPreset } from '../../src/ui/comparison-preset';

const root = join(import.meta.dirname, '../..');
const read = (rel: string) => JSON.parse(readFileSync(join(root, rel), 'utf8'));
const ajv = new Ajv({ allErrors: true, strictTypes: true });
const comparisonOk = ajv.compile(read('schemas/comparison.schema.json'));
const pageAccepts = (raw: unknown): boolean => {
  try {
    validateComparisonPreset(raw, PRESETS);
    return true;
  } catch {
    return false;
  }
};

describe('comparison preset schema', () => {
  it('accepts every shipped comparison preset, as the page does (with a "$schema" key too)', () => {
    const files = readdirSync(join(root, 'public/comparisons')).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const raw = read(`public/comparisons/${f}`);
      expect(comparisonOk(raw), `${f}: ${ajv.errorsText(comparisonOk.errors)}`).toBe(true);
      expect(pageAccepts(raw), f).toBe(true);
      const withSchema = { $schema: '../../schemas/comparison.schema.json', ...raw };
      expect(comparisonOk(withSchema), ajv.errorsText(comparisonOk.errors)).toBe(true);
      expect(pageAccepts(withSchema), f).toBe(true);
    }
  });

  it('rejects the mistakes the page rejects', () => {
    const base = () => read('public/comparisons/calcium-free-vs-normal.json') as Record<string, unknown>;
    const arms = (c: Record<string, unknown>) => c.arms as Array<Record<string, unknown>>;
    const bad: Array<[string, (c: Record<string, unknown>) => void]> = [
      ['an unknown base preset', (c) => (c.base = 'primed-light-pulses')],
      ['a checkpoint before t = 0', (c) => (c.checkpoint_min = -1)],
      ['one branch', (c) => (c.arms = arms(c).slice(0, 1))],
      ['five branches', (c) => (c.arms = [1, 2, 3, 4, 5].map((k) => ({ label: `b${k}`, add: [] })))],
      ['an unknown agent', (c) => (arms(c)[1].add = [{ agent: 'calcium-fre', uM: 0 }])],
      ['a dose out of range', (c) => (arms(c)[1].add = [{ agent: 'calcium-free', uM: 1e6 }])],
      ['an empty label', (c) => (arms(c)[0].label = '')],
      ['an unknown key', (c) => (c.checkpoint = 300)],
      ['an unknown key in a branch', (c) => (arms(c)[0].treatments = [])],
      ['no name', (c) => delete c.name],
    ];
    for (const [what, change] of bad) {
      const c = base();
      change(c);
      expect(pageAccepts(c), `the page accepts ${what}`).toBe(false);
      expect(comparisonOk(c), `the schema accepts ${what}`).toBe(false);
    }
  });
});
