// The tumour comparison preset (tumour-erastin-rescues) says what its three branches show: with
// erastin alone a wave crosses the tumour and every cell commits; ferrostatin-1 or DFO given with
// the erastin stop it; and each branch's front never falls back as the dead are cleared. Each
// branch is the base preset with the branch's treatments added from the checkpoint's time, run
// headless here as `ferrowave run` would (the page's branches equal these:
// test/ui/comparison.test.ts), so the description cannot drift from the model.
import { describe, expect, it } from 'vitest';
import { summarise } from '../../src/analysis/summary';
import { createEngine } from '../../src/engine/engine';
import { runToEnd } from '../../src/engine/runner';
import { PRESETS } from '../../src/model/presets';
import { resolveScenario } from '../../src/model/scenario';
import { createSimulation } from '../../src/model/simulation';
import { FERROWAVE_VERSION } from '../../src/model/version';
import { validateComparisonPreset } from '../../src/ui/comparison-preset';
import { COMPARISON_PRESETS } from '../../src/ui/comparison-presets';

describe('the tumour comparison preset', () => {
  it('erastin alone: a wave kills the tumour; with ferrostatin-1 or DFO from the checkpoint almost no cell dies', async () => {
    const c = validateComparisonPreset(COMPARISON_PRESETS['tumour-erastin-rescues'], PRESETS);
    expect(c.base).toBe('tumour-erastin');
    const base = PRESETS[c.base] as { treatments: Array<{ agent: string; start_min?: number }> };
    // the checkpoint is the tumour grown, before erastin reaches the plasma
    expect(c.checkpoint_min).toBeLessThanOrEqual(Number(base.treatments.find((t) => t.agent === 'erastin')?.start_min));
    const out = [];
    for (const arm of c.arms) {
      const raw = structuredClone(PRESETS[c.base]) as { treatments: unknown[] };
      raw.treatments.push(...arm.add);
      const sc = resolveScenario(raw, FERROWAVE_VERSION);
      const sim = createSimulation(sc, sc.seed);
      const samples = await runToEnd(await createEngine(sim, 0));
      const s = summarise(sim, samples);
      // the front is how far the wave reached: it never falls back, though dead cells are cleared
      // and daughters fill their sites (a cell near the pulse that died is no longer there at 60 h)
      const fronts = samples.map((x) => x.front_um).filter((f): f is number => f !== null);
      for (let k = 1; k < fronts.length; k++) expect(fronts[k], arm.label).toBeGreaterThanOrEqual(fronts[k - 1]);
      if (s.death.committed_total > 0) expect(samples.at(-1)?.front_um, arm.label).toBe(Math.max(...fronts));
      out.push({
        label: arm.label,
        wave: s.wave.pattern,
        speed: s.wave.speed_um_per_min,
        committed: s.death.committed_total,
        fraction: s.death.fraction_final,
      });
    }
    const [erastin, fer1, dfo] = out;
    expect(erastin.wave).toBe('wave');
    expect(erastin.speed as number).toBeGreaterThan(3);
    expect(erastin.speed as number).toBeLessThan(4.5);
    expect(erastin.fraction).toBeGreaterThan(0.95);
    for (const r of [fer1, dfo]) {
      expect(r.wave, r.label).not.toBe('wave');
      expect(r.fraction, r.label).toBeLessThan(0.05);
    }
  }, 120_000);
});
