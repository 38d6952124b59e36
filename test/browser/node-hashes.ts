// Node-side half of the Node-vs-browser determinism check: computes, in Node, the state hash of
// the determinism scenario that the browser test recomputes in Chromium (handed over by
// global-setup.ts via provide/inject).
import { hashBuffer } from '../../src/analysis/hash';
import { createSimulation } from '../../src/model/simulation';
import { DETERMINISM_STEPS, determinismScenario, TUMOUR_STEPS, tumourDeterminismScenario } from '../engine/determinism-scenario';

export async function computeNodeHashes(): Promise<Record<string, string>> {
  const sim = createSimulation(determinismScenario());
  sim.step(DETERMINISM_STEPS);
  const tumour = createSimulation(tumourDeterminismScenario());
  tumour.step(TUMOUR_STEPS);
  return { determinism: hashBuffer(sim.state.buffer), tumour: hashBuffer(tumour.state.buffer) };
}
