// Comparison presets (issue 14: Ca2+-free vs normal medium side by side) are data validated up
// front: a good file gives the arms the comparison takes (the checkpoint's time as the start of
// treatments that leave it out); each mistake is reported naming its field and what is allowed;
// every file shipped in public/comparisons/ validates and is on the page's list.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRESET_NAMES, PRESETS } from '../../src/model/presets';
import { ComparisonPresetError, validateComparisonPreset } from '../../src/ui/comparison-preset';
import { COMPARISON_NAMES, COMPARISON_PRESETS } from '../../src/ui/comparison-presets';

const root = join(import.meta.dirname, '../..');
const good = () => ({
  name: 'calcium-free-vs-normal',
  description: 'normal against Ca2+-free medium from 5 h',
  base: 'primed-light-pulse',
  checkpoint_min: 300,
  arms: [
    { label: 'normal medium', add: [] },
    { label: 'Ca2+-free medium', add: [{ agent: 'calcium-free', uM: 0 }] },
  ],
});

/** the message of the error the validator throws for `raw` */
function errorOf(raw: unknown): string {
  try {
    validateComparisonPreset(raw, PRESETS);
  } catch (e) {
    expect(e).toBeInstanceOf(ComparisonPresetError);
    return (e as Error).message;
  }
  throw new Error('the validator accepted it');
}

describe('comparison preset validation', () => {
  it('accepts a good file and gives the arms with the checkpoint time as the start of their treatments', () => {
    const c = validateComparisonPreset(good(), PRESETS);
    expect(c.base).toBe('primed-light-pulse');
    expect(c.baseScenario).toBe(PRESETS['primed-light-pulse']);
    expect(c.checkpoint_min).toBe(300);
    expect(c.arms).toEqual([
      { label: 'normal medium', add: [] },
      { label: 'Ca2+-free medium', add: [{ agent: 'calcium-free', uM: 0, start_min: 300 }] },
    ]);
    // a start after the checkpoint is kept; four arms are allowed; a "$schema" key is too
    const four = good() as Record<string, unknown>;
    four.$schema = '../../schemas/comparison.schema.json';
    four.arms = [
      ...good().arms,
      { label: 'later', add: [{ agent: 'calcium-free', uM: 0, start_min: 400 }] },
      { label: 'erastin', add: [{ agent: 'rsl3', uM: 1 }] },
    ];
    const c4 = validateComparisonPreset(four, PRESETS);
    expect(c4.arms.map((a) => a.add.map((t) => t.start_min))).toEqual([[], [300], [400], [300]]);
    // the checkpoint may be anywhere in [0, duration]
    expect(validateComparisonPreset({ ...good(), checkpoint_min: 0 }, PRESETS).checkpoint_min).toBe(0);
    expect(validateComparisonPreset({ ...good(), checkpoint_min: 900 }, PRESETS).checkpoint_min).toBe(900);
  });

  it('names the field and what is allowed for each mistake', () => {
    const cases: Array<[string, (c: Record<string, unknown>) => void, RegExp]> = [
      [
        'an unknown base preset',
        (c) => (c.base = 'primed-light-pulses'),
        /comparison\.base: "primed-light-pulses" — must be the name of a preset: one of "primed-light-pulse", /,
      ],
      ['no base', (c) => delete c.base, /comparison\.base: missing — must be the name of a preset/],
      ['a checkpoint after the end', (c) => (c.checkpoint_min = 901), /comparison\.checkpoint_min: 901 — must be a time in \[0, 900\] min/],
      ['a checkpoint before t = 0', (c) => (c.checkpoint_min = -5), /comparison\.checkpoint_min: -5 — must be a time in \[0, 900\] min/],
      ['a checkpoint that is not a number', (c) => (c.checkpoint_min = '300'), /comparison\.checkpoint_min: "300" — must be a time in \[0, 900\]/],
      ['one arm', (c) => (c.arms = (c.arms as unknown[]).slice(0, 1)), /comparison\.arms: .* — must be a list of 2 to 4 branches/],
      ['five arms', (c) => (c.arms = [1, 2, 3, 4, 5].map((k) => ({ label: `a${k}`, add: [] }))), /comparison\.arms: .* — must be a list of 2 to 4 branches/],
      ['no arms', (c) => delete c.arms, /comparison\.arms: missing — must be a list of 2 to 4 branches/],
      [
        'an unknown agent in an arm',
        (c) => ((c.arms as Array<{ add: unknown[] }>)[1].add = [{ agent: 'calcium-fre', uM: 0 }]),
        /comparison\.arms\[1\]\.add\[0\]\.agent: "calcium-fre" — .*calcium-free/,
      ],
      [
        'a dose out of range in an arm',
        (c) => ((c.arms as Array<{ add: unknown[] }>)[1].add = [{ agent: 'calcium-free', uM: 1e6 }]),
        /comparison\.arms\[1\]\.add\[0\]\.uM: 1000000 — /,
      ],
      [
        'a treatment starting before the checkpoint',
        (c) => ((c.arms as Array<{ add: unknown[] }>)[1].add = [{ agent: 'calcium-free', uM: 0, start_min: 100 }]),
        /comparison\.arms\[1\]\.add\[0\]\.start_min: 100 — must be at or after the checkpoint's time \(comparison\.checkpoint_min = 300 min\)/,
      ],
      [
        'an arm without a label',
        (c) => delete (c.arms as Array<{ label?: string }>)[0].label,
        /comparison\.arms\[0\]\.label: missing — required: one line of text/,
      ],
      [
        'two arms with one label',
        (c) => ((c.arms as Array<{ label: string }>)[1].label = 'normal medium'),
        /comparison\.arms\[1\]\.label: "normal medium" — must differ/,
      ],
      [
        'add that is not a list',
        (c) => ((c.arms as Array<{ add: unknown }>)[1].add = { agent: 'calcium-free' }),
        /comparison\.arms\[1\]\.add: .* — must be a list of treatments/,
      ],
      [
        'an unknown key',
        (c) => (c.checkpoint = 300),
        /comparison\.checkpoint: 300 — unknown key; allowed: "name", "description", "base", "checkpoint_min", "arms"/,
      ],
      [
        'an unknown key in an arm',
        (c) => ((c.arms as Array<Record<string, unknown>>)[0].treatments = []),
        /comparison\.arms\[0\]\.treatments: \[\] — unknown key; allowed: "label", "add"/,
      ],
      ['no name', (c) => delete c.name, /comparison\.name: missing — required/],
    ];
    for (const [what, change, expected] of cases) {
      const c = good() as Record<string, unknown>;
      change(c);
      expect(errorOf(c), what).toMatch(expected);
    }
    expect(errorOf([])).toMatch(/^comparison: \[\] — must be a JSON object/);
  });

  it('reports every problem at once', () => {
    const c = { ...good(), base: 'nope', arms: [{ label: 'x', add: 5 }] } as Record<string, unknown>;
    const lines = errorOf(c).split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^comparison\.base:/);
    expect(lines[1]).toMatch(/^comparison\.arms:/);
  });
});

describe('shipped comparison presets', () => {
  it('every file in public/comparisons validates, is named after its file and is on the page list', () => {
    const files = readdirSync(join(root, 'public/comparisons')).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    expect(files.map((f) => f.replace(/\.json$/, '')).sort()).toEqual([...COMPARISON_NAMES].sort());
    for (const f of files) {
      const raw = JSON.parse(readFileSync(join(root, 'public/comparisons', f), 'utf8'));
      const c = validateComparisonPreset(raw, PRESETS);
      expect(c.name, f).toBe(f.replace(/\.json$/, ''));
      expect(COMPARISON_PRESETS[c.name], f).toEqual(raw);
      expect(PRESET_NAMES).toContain(c.base);
      expect(c.description.length, `${f} has a description`).toBeGreaterThan(40);
    }
  });

  it('calcium-free-vs-normal: primed-light-pulse checkpointed at 5 h, before the 6 h pulse; normal against Ca2+-free medium', () => {
    const c = validateComparisonPreset(COMPARISON_PRESETS['calcium-free-vs-normal'], PRESETS);
    expect(c.base).toBe('primed-light-pulse');
    const pulse = (PRESETS[c.base].treatments as Array<Record<string, unknown>>).find((t) => t.agent === 'light-pulse');
    expect(c.checkpoint_min).toBeLessThan(Number(pulse?.start_min));
    expect(c.arms).toEqual([
      { label: 'normal medium', add: [] },
      { label: 'Ca2+-free medium', add: [{ agent: 'calcium-free', uM: 0, start_min: 300 }] },
    ]);
  });
});
