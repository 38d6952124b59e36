// A treatment added to a running simulation (the sandbox, a branch) must give the state of the
// scenario that listed it from t = 0, bit for bit, whatever the step it lands on: here at steps
// where the change turns the next step into a slow one while cells are dying (the neighbour
// snapshot must then be taken as a run of the new scenario would have taken it).
import { describe, expect, it } from 'vitest';
import { hashBuffer } from '../../src/analysis/hash';
import { continueSimulation } from '../../src/model/continue';
import { resolveScenario } from '../../src/model/scenario';
import { createSimulation } from '../../src/model/simulation';
import { determinismScenario } from '../engine/determinism-scenario';

describe('continueSimulation', () => {
  it('equals a run of the changed scenario from the start, at steps 100, 121 and 140', () => {
    const base = determinismScenario();
    for (const c of [100, 121, 140]) {
      const added = { agent: 'ferrostatin-1', uM: 5, start_min: c * base.numerics.dt_min, region: { disc: { x_um: 600, y_um: 370, r_um: 200 } } };
      const changed = resolveScenario({ ...structuredClone(base), treatments: [...base.treatments, added] }, 'test');
      const running = createSimulation(base, base.seed);
      running.step(c);
      const continued = continueSimulation(running, changed);
      continued.step(200 - c);
      const fromStart = createSimulation(changed, base.seed);
      fromStart.step(200);
      expect(hashBuffer(continued.state.buffer), `change at step ${c}`).toBe(hashBuffer(fromStart.state.buffer));
    }
  });
});
