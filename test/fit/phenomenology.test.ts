// How much the unsourced core parameters matter once the model is refitted (docs/model.md 6.0f,
// `npm run fit:phenomenology`): the committed result was made at the current defaults, the
// document shows that result, and the rule that judges a parameter set is the one stated there.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { paramSpec, resolveParams } from '../../src/model/params';
import { phenomenologyBlock, type Variant, type Verdict, verdictOf } from '../../scripts/lib/phenomenology-table';

const repo = join(import.meta.dirname, '../..');
const result = JSON.parse(readFileSync(join(repo, 'fits/phenomenology.result.json'), 'utf8')) as {
  factors: number[];
  ox_decay: number;
  variants: Variant[];
  verdicts: Verdict[];
};
const d = resolveParams();

describe('the phenomenological parameters refitted', () => {
  it('was run at the current defaults', () => {
    const base = result.variants[0];
    expect(base.param).toBeNull();
    expect(result.ox_decay).toBe(d.ox_decay);
    // the untreated speed refitted at the defaults lands next to the default diffusivity (its own fit, 6.0b)
    expect(Math.abs(base.ox_diffusion / d.ox_diffusion - 1)).toBeLessThan(0.01);
    // each studied value is its default today times the factor, clipped to the parameter's range
    for (const v of result.variants.slice(1)) {
      const spec = paramSpec(v.param as string);
      if (!spec) throw new Error(`${v.param} is not a parameter`);
      expect(v.value, `${v.param} x${v.factor}`).toBe(Math.min(spec.max, Math.max(spec.min, Number((spec.default * v.factor).toPrecision(6)))));
    }
  });

  it('judges each parameter set against the defaults: it holds when nothing misses its data that the defaults meet', () => {
    const base = result.variants[0];
    for (const v of result.variants.slice(1)) expect(v.holds, `${v.param} x${v.factor}`).toBe(v.misses.every((m) => base.misses.includes(m)));
    // and each parameter's verdict is read off its sets: the range of factors around 1 that all hold
    for (const r of result.verdicts) expect(r).toEqual(verdictOf(result.variants, r.param));
  });

  it('is what docs/model.md 6.0f shows', () => {
    const doc = readFileSync(join(repo, 'docs/model.md'), 'utf8');
    const shown = /<!-- phenomenology:begin -->\n([\s\S]*?)\n<!-- phenomenology:end -->/.exec(doc)?.[1];
    expect(shown).toBe(phenomenologyBlock(result.verdicts, result.variants));
  });
});
