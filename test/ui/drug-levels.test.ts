// Every drug and bath species can be seen (issue 16, item 4): the bath fields have views, each
// drug of the running scenario gets a view in its unit, and its level at a site is what the model
// places there: in a dish the dose of its treatments active now over the sites their regions cover
// (the same regions and steps as the schedule), in a tumour the drug's own diffusing field.
import { describe, expect, it } from 'vitest';
import { AGENTS } from '../../src/model/agents';
import { FIELDS, layoutState } from '../../src/model/layout';
import { type ResolvedScenario, resolveScenario } from '../../src/model/scenario';
import { drugView, drugViewId, fillViewBytes, valueByte, VIEWS } from '../../src/render/views';
import { type RawScenario, SimController } from '../../src/ui/controller';
import { activeTreatments, appliedDose, DrugLevels, leveledAgents } from '../../src/ui/drug-levels';
import { determinismScenario, tumourDeterminismScenario } from '../engine/determinism-scenario';

function controller(): SimController {
  return new SimController({
    workers: 0,
    spawn: () => {
      throw new Error('no workers in this test');
    },
  });
}

/** the determinism dish: erastin everywhere from 0, ferrostatin-1 5 uM in the rect x 900-1220 um from 0, a light pulse */
const dish = (): ResolvedScenario => determinismScenario();

describe('drug and bath views', () => {
  it('every extracellular field has a view in its unit', () => {
    for (const f of FIELDS) {
      const v = VIEWS.find((x) => x.id === f.name);
      expect(v, f.name).toBeDefined();
      if (v && v.kind !== 'fate') expect(v.unit).toBe(f.unit);
    }
  });

  it('the agents with a level are the scenario treatments but pulses and genetic changes', () => {
    expect(leveledAgents(dish())).toEqual(['erastin', 'ferrostatin-1']);
  });

  it('a drug view is in the agent unit on a log scale spanning its default dose', () => {
    const v = drugView('ferrostatin-1', () => null);
    expect(v.id).toBe(drugViewId('ferrostatin-1'));
    expect(v.kind).toBe('drug');
    expect(v.unit).toBe(AGENTS['ferrostatin-1'].unit);
    expect(v.lo).toBeLessThan(AGENTS['ferrostatin-1'].default_dose);
    expect(v.hi).toBeGreaterThan(AGENTS['ferrostatin-1'].default_dose);
  });

  it('draws a drug level through its colour map, and a drug that is nowhere at the bottom of it', () => {
    const st = layoutState(4, 2);
    const level = new Float32Array([0, 1, 10, 100, 0, 1, 10, 100]);
    const v = drugView('ferrostatin-1', () => level);
    const out = new Uint8Array(8);
    fillViewBytes(v, st, out, 4); // every site empty: drugs show there too (no living-cell mask)
    expect([...out]).toEqual([...level].map((x) => valueByte(v, x)));
    expect(out[2]).toBeGreaterThan(out[1]);
    fillViewBytes(
      drugView('ferrostatin-1', () => null),
      st,
      out,
      4,
    );
    expect([...out]).toEqual(new Array(8).fill(1));
  });
});

describe('drug levels at each site', () => {
  it('in a dish: the dose of the active treatments over the sites their regions cover', () => {
    const sc = dish();
    const W = sc.lattice.width;
    const at = (map: Float32Array, x_um: number, y_um: number) => map[Math.floor(y_um / 20) * W + Math.floor(x_um / 20)];
    const fer = appliedDose(sc, activeTreatments(sc, 'ferrostatin-1', 10));
    expect(at(fer, 1000, 300)).toBe(5);
    expect(at(fer, 500, 300)).toBe(0);
    expect(at(fer, 1300, 300)).toBe(0);
    const era = appliedDose(sc, activeTreatments(sc, 'erastin', 10));
    expect(era.every((x) => x === 10)).toBe(true);
  });

  it('follows start and end times and sums overlapping treatments', () => {
    const raw = structuredClone(dish()) as unknown as RawScenario;
    (raw.treatments as unknown[]).push({
      agent: 'ferrostatin-1',
      uM: 2,
      start_min: 50,
      end_min: 100,
      region: { rect: { x_um: 1000, y_um: 0, width_um: 400, height_um: 740 } },
    });
    const sc = resolveScenario(raw, 'test');
    const W = sc.lattice.width;
    const level = (step: number, x_um: number) => appliedDose(sc, activeTreatments(sc, 'ferrostatin-1', step))[10 * W + Math.floor(x_um / 20)];
    expect(level(99, 1100)).toBe(5); // before 50 min: the first only
    expect(level(100, 1100)).toBe(7); // from 50 min (step 100 at dt 0.5): both
    expect(level(100, 1300)).toBe(2);
    expect(level(199, 1300)).toBe(2);
    expect(level(200, 1300)).toBe(0); // ended at 100 min
  });

  it('a painted stroke added during a run shows where it was painted, from when it starts', async () => {
    const c = controller();
    await c.load(structuredClone(dish()) as unknown as RawScenario, 5);
    const levels = new DrugLevels(() => c.sim);
    await c.step(20);
    await c.addTreatments([
      {
        agent: 'liproxstatin-1',
        uM: 1,
        region: {
          stroke: {
            r_um: 60,
            points_um: [
              [2000, 250],
              [2000, 300],
              [2000, 350],
            ],
          },
        },
      },
    ]);
    const W = c.scenario.lattice.width;
    const map = levels.levels('liproxstatin-1');
    expect(map).not.toBeNull();
    expect(map?.[Math.floor(300 / 20) * W + 100]).toBe(1); // x 2000 um = site 100
    expect(map?.[Math.floor(300 / 20) * W + 50]).toBe(0);
    expect(levels.source('liproxstatin-1')).toBe('applied');
    c.dispose();
  });

  it('in a tumour: the drug field the cells see', async () => {
    const c = controller();
    await c.load(structuredClone(tumourDeterminismScenario()) as unknown as RawScenario, 9);
    const levels = new DrugLevels(() => c.sim);
    await c.step(200); // erastin from 20 min in the plasma, diffusing in from the vessel and the edges
    expect(levels.source('erastin')).toBe('tissue');
    const map = levels.levels('erastin');
    expect(map).toBe(c.sim.state.drug.erastin);
    expect(Math.max(...(map ?? []))).toBeGreaterThan(0.1);
    c.dispose();
  });
});
