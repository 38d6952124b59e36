// Node-side half of the Node-vs-browser determinism check: computes, in Node, the state hash of
// the determinism scenario that the browser test recomputes in Chromium (handed over by
// global-setup.ts via provide/inject), and the hash of its run's samples (timeseries.csv's rows).
import { hashBuffer } from '../../src/analysis/hash';
import type { Sample } from '../../src/analysis/observables';
import { createEngine } from '../../src/engine/engine';
import { runToEnd } from '../../src/engine/runner';
import { createSimulation } from '../../src/model/simulation';
import { DETERMINISM_STEPS, determinismScenario, TUMOUR_STEPS, tumourDeterminismScenario } from '../engine/determinism-scenario';

/** The hash of a run's samples: JSON writes every number to the bit (NaN and infinities as null). */
export function samplesHash(samples: Sample[]): string {
  return hashBuffer(new TextEncoder().encode(JSON.stringify(samples)).buffer);
}

export async function computeNodeHashes(): Promise<Record<string, string>> {
  const sim = createSimulation(determinismScenario());
  sim.step(DETERMINISM_STEPS);
  const tumour = createSimulation(tumourDeterminismScenario());
  tumour.step(TUMOUR_STEPS);
  const run = createSimulation(determinismScenario());
  const samples = samplesHash(await runToEnd(await createEngine(run, 0)));
  return { determinism: hashBuffer(sim.state.buffer), tumour: hashBuffer(tumour.state.buffer), samples };
}
