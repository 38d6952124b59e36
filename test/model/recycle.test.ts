// A sweep worker lays each run's state out in the store of its previous run (recycle): the new
// simulation must not see anything of the old one, so it must give the bits of a simulation in a
// fresh store, step for step; a store of another size is not reused.
import { describe, expect, it } from 'vitest';
import { hashBuffer } from '../../src/analysis/hash';
import { resolveScenario } from '../../src/model/scenario';
import { createSimulation } from '../../src/model/simulation';
import { determinismScenario } from '../engine/determinism-scenario';

describe('recycled state stores', () => {
  it('give the bits of a fresh store, after a run that left dead and dying cells in it', () => {
    const base = determinismScenario();
    const first = createSimulation(base, 11);
    first.step(200);
    const dead = first.state.status.filter((s) => s !== 1).length;
    expect(dead, 'the first run leaves cells that are not alive').toBeGreaterThan(50);
    const other = resolveScenario({ ...structuredClone(base), treatments: base.treatments.slice(1) }, 'test');
    const reused = createSimulation(other, 12, { recycle: first.state.store });
    expect(reused.state.store).toBe(first.state.store);
    const fresh = createSimulation(other, 12);
    expect(hashBuffer(reused.state.buffer)).toBe(hashBuffer(fresh.state.buffer));
    reused.step(150);
    fresh.step(150);
    expect(hashBuffer(reused.state.buffer)).toBe(hashBuffer(fresh.state.buffer));
  });

  it('are not reused for a lattice of another size', () => {
    const base = determinismScenario();
    const first = createSimulation(base, 1);
    const wider = resolveScenario({ ...structuredClone(base), lattice: { ...base.lattice, width: base.lattice.width + 64 } }, 'test');
    const sim = createSimulation(wider, 1, { recycle: first.state.store });
    expect(sim.state.store).not.toBe(first.state.store);
    expect(sim.state.width).toBe(base.lattice.width + 64);
  });
});
