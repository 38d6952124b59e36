// Why this file exists: runs a simulation to its end on an engine, sampling the declared
// observables at the scenario's output interval, and ends it early when asked after a sample (a
// state that went bad). Shared by the CLI, sweeps, fits, validation and the tests. A sample's pass
// over the lattice runs on the engine's workers, each taking chunks of rows (Engine.sampleRows).
import type { Sample } from '../analysis/observables';
import { countsOfSample, firstCommitOfSample, frontOfSample } from '../analysis/sample-rows';
import { FrontReach } from '../analysis/front-reach';
import { commitOrigin, type Origin, pulseOrigin } from '../analysis/wave';
import type { Engine } from './engine';

export interface RunHooks {
  /** called with each sample as soon as it is taken (so a crash loses nothing already computed) */
  onSample?(s: Sample): void;
  onProgress?(step: number, total: number): void;
  /**
   * called after each sample (after onSample), while no worker is stepping (the state is at rest
   * in shared memory): true ends the run there, e.g. when the state holds a value that is not a
   * number (Engine.scan)
   */
  stopAfter?(s: Sample): boolean | Promise<boolean>;
}

/**
 * Takes the samples of one engine's run, in order. The front is measured from the same origin as
 * the summary and the sandbox (wave.ts waveOrigin): the first pulse, else the first committed
 * cell; it is the farthest the front has reached from that origin (FrontReach). Without a pulse
 * the origin is known only once the rows are summed, so the rows' fronts are computed from the
 * last sample's origin, and again (the fronts only) when the origin moved.
 */
export function sampler(engine: Engine): () => Promise<Sample> {
  let guess: Origin | null = null;
  let guessSite = -1;
  // the front never falls back (cleared and regrown sites forget their commitment): front-reach.ts
  const reach = new FrontReach();
  return async () => {
    const sim = engine.sim;
    const { height, width } = sim.state;
    const pulse = pulseOrigin(sim.scenario);
    let rows = await engine.sampleRows(pulse ?? guess, false);
    const counts = countsOfSample(sim.state.header, height, rows);
    let front: number | null = null;
    if (pulse) front = frontOfSample(height, rows);
    else {
      const site = firstCommitOfSample(height, rows);
      if (site >= 0) {
        if (site !== guessSite) {
          guess = commitOrigin(width, sim.scenario.lattice.site_um, site);
          guessSite = site;
          rows = await engine.sampleRows(guess, true);
        }
        front = frontOfSample(height, rows);
      }
    }
    return { t_min: sim.time(), ...counts, front_um: reach.update(pulse ?? guess, front) };
  };
}

/** One sample of the state of `engine` now (sampler). */
export function takeSample(engine: Engine): Promise<Sample> {
  return sampler(engine)();
}

export async function runToEnd(engine: Engine, hooks: RunHooks = {}): Promise<Sample[]> {
  const sim = engine.sim;
  const every = Math.max(1, Math.round(sim.scenario.output.sample_every_min / sim.dt));
  const total = sim.totalSteps();
  const samples: Sample[] = [];
  const take = sampler(engine);
  /** takes a sample; true when the run is to end there */
  const record = async (): Promise<boolean> => {
    const s = await take();
    samples.push(s);
    hooks.onSample?.(s);
    return hooks.stopAfter ? (await hooks.stopAfter(s)) === true : false;
  };
  if (await record()) return samples;
  while (sim.stepIndex() < total) {
    await engine.advance(Math.min(every, total - sim.stepIndex()));
    const stop = await record();
    hooks.onProgress?.(sim.stepIndex(), total);
    if (stop) break;
  }
  return samples;
}
