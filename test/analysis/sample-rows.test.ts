// A run's samples are summed row by row on the workers (src/analysis/sample-rows.ts): the same
// numbers to the last bit on 0, 1, 2 or 3 workers, with a pulse and without one (the origin is
// then the first committed cell, found from the rows' parts); the same as the page's in-thread
// countsAndMeans, frontPosition and waveOrigin; and within rounding of one running sum over the
// lattice (how the means were summed before).
import { describe, expect, it } from 'vitest';
import { countsAndMeans, MEAN_VARS, type Sample } from '../../src/analysis/observables';
import { countsOfSample, firstCommitOfSample, SAMPLE_STRIDE, sampleRows } from '../../src/analysis/sample-rows';
import { frontPosition, waveOrigin } from '../../src/analysis/wave';
import { band } from '../../src/engine/bands';
import { createEngine } from '../../src/engine/engine';
import { runToEnd } from '../../src/engine/runner';
import { spawnNodeWorker } from '../../src/host/node-workers';
import { ALIVE, DYING } from '../../src/model/layout';
import { resolveScenario, type ResolvedScenario } from '../../src/model/scenario';
import { createSimulation } from '../../src/model/simulation';

/**
 * A primed dish on an odd lattice (uneven bands, rows long enough for the WebAssembly kernels) with
 * spontaneous bursts, with or without a light pulse at its left edge at 6 h: without one the origin
 * is the first committed cell (a burst within the first hour).
 */
function dish(pulse: boolean): ResolvedScenario {
  const light = { agent: 'light-pulse', dose: 30, start_min: 360, end_min: 370, region: { disc: { x_um: 0, y_um: 370, r_um: 100 } } };
  return resolveScenario(
    {
      seed: 5,
      lattice: { width: 263, height: 37, site_um: 20 },
      duration_min: 560,
      treatments: [{ agent: 'erastin', uM: 10, start_min: 0 }, ...(pulse ? [light] : [])],
      output: { sample_every_min: 10 },
    },
    'sample-rows',
  );
}

async function samplesOn(sc: ResolvedScenario, workers: number): Promise<Sample[]> {
  const sim = createSimulation(sc, sc.seed);
  const engine = await createEngine(sim, workers, spawnNodeWorker);
  try {
    const page: Array<Pick<Sample, 'front_um'> & ReturnType<typeof countsAndMeans>> = [];
    const samples = await runToEnd(engine, {
      // what the page computes in its own thread at the same moments
      onSample: () => {
        const origin = waveOrigin(sim.scenario, sim.state);
        page.push({ ...countsAndMeans(sim.state), front_um: origin ? frontPosition(sim.state, sc.lattice.site_um, origin) : null });
      },
    });
    expect(samples.map(({ t_min, ...rest }) => rest)).toEqual(page);
    return samples;
  } finally {
    engine.dispose();
  }
}

describe('samples summed by rows', () => {
  it.each([
    ['a pulse', true],
    ['no pulse (the first committed cell)', false],
  ])('are the same to the bit on 0, 1, 2 and 3 workers and in the page, with %s', async (_, pulse) => {
    const sc = dish(pulse);
    const ref = await samplesOn(sc, 0);
    expect(ref.at(-1)?.front_um).toBeGreaterThan(0);
    expect(ref.at(-1)?.dying).toBeGreaterThan(0);
    for (const w of [1, 2, 3]) expect(await samplesOn(sc, w), `${w} workers`).toEqual(ref);
  });

  it('combine any cut of the rows into bands to the whole lattice, and stay within rounding of one running sum', () => {
    const sc = dish(false);
    const sim = createSimulation(sc, sc.seed);
    sim.step(sim.totalSteps());
    const st = sim.state;
    const whole = sampleRows(st, 0, st.height, sc.lattice.site_um, null, false);
    expect(firstCommitOfSample(st.height, whole)).toBeGreaterThanOrEqual(0);
    for (const parts of [2, 3, 5, st.height]) {
      const all = new Float64Array(st.height * SAMPLE_STRIDE);
      for (let k = 0; k < parts; k++) {
        const [y0, y1] = band(st.height, parts, k);
        all.set(sampleRows(st, y0, y1, sc.lattice.site_um, null, false), y0 * SAMPLE_STRIDE);
      }
      expect(all).toEqual(whole);
    }
    const c = countsOfSample(st.header, st.height, whole);
    // one running sum over the living cells in site order
    let living = 0;
    const sums = new Float64Array(MEAN_VARS.length);
    for (let i = 0; i < st.n; i++) {
      if (st.status[i] !== ALIVE && st.status[i] !== DYING) continue;
      living++;
      MEAN_VARS.forEach((v, k) => {
        sums[k] += st.cell[v][i];
      });
    }
    expect(c.alive + c.dying).toBe(living);
    MEAN_VARS.forEach((v, k) => {
      const old = sums[k] / living;
      expect(Math.abs(c.means[v] - old), v).toBeLessThanOrEqual(1e-13 * Math.abs(old));
    });
  });
});
