// Why this file exists: runs a simulation to its end on an engine, sampling the declared
// observables at the scenario's output interval, and ends it early when asked after a sample (a
// state that went bad). Shared by the CLI, sweeps, fits, validation and the tests.
import { countsAndMeans, type Sample } from '../analysis/observables';
import { frontPosition, waveOrigin } from '../analysis/wave';
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

export function takeSample(engine: Engine): Sample {
  const sim = engine.sim;
  // the same origin as the summary and the sandbox: the pulse, else the first committed cell
  const origin = waveOrigin(sim.scenario, sim.state);
  return {
    t_min: sim.time(),
    ...countsAndMeans(sim.state),
    front_um: origin ? frontPosition(sim.state, sim.scenario.lattice.site_um, origin) : null,
  };
}

export async function runToEnd(engine: Engine, hooks: RunHooks = {}): Promise<Sample[]> {
  const sim = engine.sim;
  const every = Math.max(1, Math.round(sim.scenario.output.sample_every_min / sim.dt));
  const total = sim.totalSteps();
  const samples: Sample[] = [];
  /** takes a sample; true when the run is to end there */
  const record = async (): Promise<boolean> => {
    const s = takeSample(engine);
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
