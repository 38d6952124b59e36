// Treatments changed with the mouse during a run (a painted brush stroke, a drug added to a growing
// tumour, a treatment removed from the timeline) must leave a scenario JSON that re-runs headless
// to the very same state: the sandbox's history is the exported scenario, nothing hidden.
import { describe, expect, it } from 'vitest';
import { hashBuffer } from '../../src/analysis/hash';
import { resolveScenario } from '../../src/model/scenario';
import { createSimulation } from '../../src/model/simulation';
import { FERROWAVE_VERSION } from '../../src/model/version';
import { type RawScenario, SimController } from '../../src/ui/controller';
import { determinismScenario, tumourDeterminismScenario } from '../engine/determinism-scenario';

function controller(): SimController {
  return new SimController({
    workers: 0,
    spawn: () => {
      throw new Error('no workers in this test');
    },
  });
}

/** The exported scenario run headless from t = 0 to `steps`: its state hash. */
function headlessHash(raw: RawScenario, steps: number): string {
  const sc = resolveScenario(raw, FERROWAVE_VERSION);
  const sim = createSimulation(sc, sc.seed);
  sim.step(steps);
  return hashBuffer(sim.state.buffer);
}

describe('treatments changed during a sandbox run', () => {
  it('a brush stroke of ferrostatin-1 painted mid-run re-runs headless to the same state, and changes the run', async () => {
    const c = controller();
    const base = structuredClone(determinismScenario()) as unknown as RawScenario;
    await c.load(base, 5);
    await c.step(40);
    const [t] = await c.addTreatments([
      {
        agent: 'ferrostatin-1',
        uM: 5,
        region: {
          stroke: {
            r_um: 60,
            points_um: [
              [200, 100],
              [260, 140],
              [320, 180],
              [380, 220],
            ],
          },
        },
      },
    ]);
    expect(t.start_min).toBe(20);
    await c.step(160);
    const painted = hashBuffer(c.sim.state.buffer);
    expect(headlessHash(c.rawScenario(), 200)).toBe(painted);
    expect(headlessHash({ ...base, seed: 5 }, 200)).not.toBe(painted);
    c.dispose();
  });

  it('erastin added to a growing tumour (a new drug field) and then removed re-runs headless to the same state', async () => {
    const c = controller();
    const base = structuredClone(tumourDeterminismScenario()) as unknown as RawScenario;
    base.treatments = (base.treatments as { agent: string }[]).filter((t) => t.agent !== 'erastin');
    await c.load(base, 9);
    expect(Object.keys(c.sim.state.drug)).toEqual([]);
    await c.step(100);
    await c.addTreatments([{ agent: 'erastin', uM: 10 }]);
    expect(Object.keys(c.sim.state.drug)).toEqual(['erastin']);
    await c.step(150);
    const sc = c.rawScenario();
    const idx = (sc.treatments as { agent: string }[]).findIndex((t) => t.agent === 'erastin');
    await c.removeTreatment(idx);
    const ended = (c.rawScenario().treatments as { agent: string; end_min?: number }[])[idx];
    expect(ended.end_min).toBe(125);
    await c.step(150);
    expect(headlessHash(c.rawScenario(), 400)).toBe(hashBuffer(c.sim.state.buffer));
    c.dispose();
  });

  it('removes a treatment that has not started, refuses to undo one that is over, and rejects a start in the past', async () => {
    const c = controller();
    await c.load(structuredClone(determinismScenario()) as unknown as RawScenario, 5);
    await c.step(40);
    await c.addTreatments([{ agent: 'rsl3', uM: 1, start_min: 100 }]);
    const n = (c.rawScenario().treatments as unknown[]).length;
    await c.removeTreatment(n - 1);
    expect((c.rawScenario().treatments as unknown[]).length).toBe(n - 1);
    // the light pulse (index 2) fired at 5-15 min: over
    await expect(c.removeTreatment(2)).rejects.toThrow(/already over/);
    await expect(c.addTreatments([{ agent: 'rsl3', uM: 1, start_min: 3 }])).rejects.toThrow(/start now or later/);
    // an invalid treatment is reported with its field and leaves the run untouched
    const before = hashBuffer(c.sim.state.buffer);
    await expect(c.addTreatments([{ agent: 'erastin', uM: -1 }])).rejects.toThrow(/treatments\[3\]\.uM/);
    expect(hashBuffer(c.sim.state.buffer)).toBe(before);
    c.dispose();
  });
});
