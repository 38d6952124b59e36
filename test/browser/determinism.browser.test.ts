// The same scenario and seed give the same bits in Chromium, in the page and in 1 or 2 Web
// Workers, as in Node (the state, and a run's samples summed by rows on the workers); and
// Chromium's workers run the WebAssembly SIMD kernels (the speed of the sandbox depends on them).
import { describe, expect, inject, it } from 'vitest';
import { hashBuffer } from '../../src/analysis/hash';
import { createEngine } from '../../src/engine/engine';
import { runToEnd } from '../../src/engine/runner';
import { spawnBrowserWorker } from '../../src/host/browser-workers';
import { createSimulation } from '../../src/model/simulation';
import { DETERMINISM_STEPS, determinismScenario, TUMOUR_STEPS, tumourDeterminismScenario } from '../engine/determinism-scenario';
import { samplesHash } from './node-hashes';

async function browserHash(workers: number, tumour = false): Promise<string> {
  const sim = createSimulation(tumour ? tumourDeterminismScenario() : determinismScenario());
  const engine = await createEngine(sim, workers, spawnBrowserWorker);
  try {
    // (a page's own thread may not compile a module over 4 KB synchronously: it steps in TypeScript, same bits)
    if (workers > 0) expect(engine.kernel, `${workers} web workers`).toBe('wasm-simd');
    const steps = tumour ? TUMOUR_STEPS : DETERMINISM_STEPS;
    await engine.advance(37);
    await engine.advance(steps - 37);
    return hashBuffer(sim.state.buffer);
  } finally {
    engine.dispose();
  }
}

describe('determinism between Node and the browser', () => {
  it('hashes the full state identically in Chromium (0, 1 and 2 workers) and in Node', async () => {
    const node = inject('nodeHashes').determinism;
    expect(node).toMatch(/^[0-9a-f]{16}$/);
    for (const w of [0, 1, 2]) expect(await browserHash(w), `${w} web workers`).toBe(node);
  });

  it("takes a run's samples identically in Chromium (0 and 2 workers) and in Node", async () => {
    for (const w of [0, 2]) {
      const engine = await createEngine(createSimulation(determinismScenario()), w, spawnBrowserWorker);
      try {
        expect(samplesHash(await runToEnd(engine)), `${w} web workers`).toBe(inject('nodeHashes').samples);
      } finally {
        engine.dispose();
      }
    }
  });

  it('does the same for a growing, treated tumour', async () => {
    const node = inject('nodeHashes').tumour;
    for (const w of [0, 2]) expect(await browserHash(w, true), `${w} web workers`).toBe(node);
  });
});
