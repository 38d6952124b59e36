// Why this file exists: runs a simulation to its end on an engine, sampling the declared
// observables at the scenario's output interval. Shared by the CLI, the tests and (later) sweeps.
import { countsAndMeans, type Sample } from '../analysis/observables';
import { frontPosition, waveOrigin } from '../analysis/wave';
import type { Engine } from './engine';

export interface RunHooks {
  /** called with each sample as soon as it is taken (so a crash loses nothing already computed) */
  onSample?(s: Sample): void;
  onProgress?(step: number, total: number): void;
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
  const record = () => {
    const s = takeSample(engine);
    samples.push(s);
    hooks.onSample?.(s);
  };
  if (sim.stepIndex() === 0 || samples.length === 0) record();
  while (sim.stepIndex() < total) {
    await engine.advance(Math.min(every, total - sim.stepIndex()));
    record();
    hooks.onProgress?.(sim.stepIndex(), total);
  }
  return samples;
}
