// One seed, one result: the full state after N steps hashes the same for 0 (in-thread), 1, 2
// and 4 Node workers; another seed gives another state.
import { describe, expect, it } from 'vitest';
import { hashBuffer } from '../../src/analysis/hash';
import { createEngine } from '../../src/engine/engine';
import { spawnNodeWorker } from '../../src/host/node-workers';
import { createSimulation } from '../../src/model/simulation';
import { DETERMINISM_STEPS, determinismScenario, TUMOUR_STEPS, tumourDeterminismScenario } from './determinism-scenario';

async function hashAfter(workers: number, seed?: number): Promise<string> {
  const sc = determinismScenario();
  const sim = createSimulation(sc, seed ?? sc.seed);
  const engine = await createEngine(sim, workers, spawnNodeWorker);
  try {
    // in uneven chunks, so the hash also covers resuming across advance() calls
    await engine.advance(37);
    await engine.advance(DETERMINISM_STEPS - 37);
    expect(sim.stepIndex()).toBe(DETERMINISM_STEPS);
    return hashBuffer(sim.state.buffer);
  } finally {
    engine.dispose();
  }
}

describe('determinism across worker counts', () => {
  it('gives bit-identical state for 0, 1, 2 and 4 workers', async () => {
    const ref = await hashAfter(0);
    for (const w of [1, 2, 4]) expect(await hashAfter(w), `${w} workers`).toBe(ref);
  });

  it('gives a different state for a different seed and the same for the same seed', async () => {
    expect(await hashAfter(0, 1)).not.toBe(await hashAfter(0, 2));
    expect(await hashAfter(0, 1)).toBe(await hashAfter(0, 1));
  });

  it('actually exercises the randomness and the wave in that scenario', async () => {
    const sc = determinismScenario();
    const sim = createSimulation(sc);
    sim.step(DETERMINISM_STEPS);
    let dying = 0;
    for (let i = 0; i < sim.state.n; i++) if (sim.state.status[i] >= 2) dying++;
    expect(dying).toBeGreaterThan(10);
    expect(new Set(sim.state.pheno.GPX4).size).toBeGreaterThan(5);
  });
});

describe('determinism of tumours (growth, necrosis, diffusing drugs) across worker counts', () => {
  async function tumourHash(workers: number): Promise<{ hash: string; births: number; necroses: number }> {
    const sim = createSimulation(tumourDeterminismScenario());
    const engine = await createEngine(sim, workers, spawnNodeWorker);
    try {
      await engine.advance(101);
      await engine.advance(TUMOUR_STEPS - 101);
      return { hash: hashBuffer(sim.state.buffer), births: sim.state.header[3], necroses: sim.state.header[2] };
    } finally {
      engine.dispose();
    }
  }
  it('gives bit-identical state for 0, 1, 2 and 4 workers, with divisions and deaths happening', async () => {
    const ref = await tumourHash(0);
    expect(ref.births).toBeGreaterThan(20);
    expect(ref.necroses).toBeGreaterThan(0);
    for (const w of [1, 2, 4]) expect((await tumourHash(w)).hash, `${w} workers`).toBe(ref.hash);
  });
});

describe('initial state built on workers', () => {
  it('is bit-identical to the one createSimulation builds in one thread, for a dish and a tumour', async () => {
    for (const sc of [determinismScenario(), tumourDeterminismScenario()]) {
      const ref = hashBuffer(createSimulation(sc, sc.seed).state.buffer);
      for (const w of [0, 3]) {
        const sim = createSimulation(sc, sc.seed, { deferInit: true });
        expect(hashBuffer(sim.state.buffer), 'not initialised yet').not.toBe(ref);
        const engine = await createEngine(sim, w, spawnNodeWorker);
        try {
          await engine.initialise();
          expect(hashBuffer(sim.state.buffer), `${w} workers`).toBe(ref);
        } finally {
          engine.dispose();
        }
      }
    }
  });
});
