// Why this file exists: `npm run bench`, the speed of the full model where it matters: a
// 1024 x 1024 erastin-primed dish with a wave running, on 1 and 2 workers, against the memory
// roofline (a TypedArray copy of the same bytes). Reports medians; writes bench/results.json.
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { createEngine } from '../src/engine/engine';
import { spawnNodeWorker } from '../src/host/node-workers';
import { bytesPerSite, stateBytes } from '../src/model/layout';
import { PRESETS } from '../src/model/presets';
import { resolveScenario } from '../src/model/scenario';
import { createSimulation } from '../src/model/simulation';
import { FERROWAVE_VERSION } from '../src/model/version';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const preset = PRESETS['primed-dish-1024'];
const N = 1024 * 1024;

/** Throughput with the wave running: the pulse at t = 0 so fronts move during the window. */
async function throughput(workers: number, steps: number, reps: number): Promise<number> {
  const raw = structuredClone(preset) as { treatments: Array<{ start_min: number; end_min?: number }> };
  raw.treatments[1].start_min = 0;
  raw.treatments[1].end_min = 10;
  const sim = createSimulation(resolveScenario(raw, FERROWAVE_VERSION));
  const engine = await createEngine(sim, workers, spawnNodeWorker, { ownCores: workers <= cpus().length });
  try {
    await engine.advance(40); // warm-up: JIT, first slow and field steps
    const rates: number[] = [];
    for (let r = 0; r < reps; r++) {
      const t0 = performance.now();
      await engine.advance(steps);
      rates.push((N * steps) / ((performance.now() - t0) / 1000));
    }
    return median(rates);
  } finally {
    engine.dispose();
  }
}

async function fullRun(workers: number): Promise<{ wall_s: number; steps: number; sim_min: number }> {
  const sc = resolveScenario(preset, FERROWAVE_VERSION);
  const sim = createSimulation(sc);
  const engine = await createEngine(sim, workers, spawnNodeWorker, { ownCores: workers <= cpus().length });
  try {
    const t0 = performance.now();
    await engine.advance(sim.totalSteps());
    return { wall_s: (performance.now() - t0) / 1000, steps: sim.stepIndex(), sim_min: sim.time() };
  } finally {
    engine.dispose();
  }
}

function roofline(bytes: number, reps: number): number {
  const a = new Uint8Array(new SharedArrayBuffer(bytes));
  const b = new Uint8Array(new SharedArrayBuffer(bytes));
  a.fill(1);
  b.set(a);
  const rates: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    b.set(a);
    rates.push(bytes / ((performance.now() - t0) / 1000));
  }
  return median(rates);
}

const out: Record<string, unknown> = {
  ferrowave_version: FERROWAVE_VERSION,
  date: new Date().toISOString(),
  cpu: cpus()[0]?.model,
  cores: cpus().length,
  lattice: '1024 x 1024',
  dt_min: 0.5,
};
const bytes = stateBytes(1024, 1024);
out.bytes_per_cell = Number((bytes / N).toFixed(1));
out.bytes_per_cell_arrays = bytesPerSite();
const copy = roofline(bytes, 7);
out.roofline_copy_GB_per_s = Number((copy / 1e9).toFixed(2));
// a step that read and wrote every byte of a cell's state once, as fast as TypedArray.set moves
// bytes, would run at most this fast
out.roofline_cell_updates_per_s = Number((copy / (bytes / N)).toExponential(3));
console.error(`state ${out.bytes_per_cell} B/cell; TypedArray copy ${out.roofline_copy_GB_per_s} GB/s`);
const steps = 120;
const one = await throughput(1, steps, 3);
console.error(`1 worker : ${(one / 1e6).toFixed(1)} M cell-updates/s`);
const two = await throughput(2, steps, 3);
console.error(`2 workers: ${(two / 1e6).toFixed(1)} M cell-updates/s (scaling ${(two / one).toFixed(2)}x)`);
out.cell_updates_per_s = { workers_1: Number(one.toExponential(3)), workers_2: Number(two.toExponential(3)) };
out.scaling_1_to_2 = Number((two / one).toFixed(2));
out.fraction_of_roofline_2_workers = Number((two / (copy / (bytes / N))).toFixed(3));
const full = await fullRun(2);
out.full_600_min_2_workers = { wall_s: Number(full.wall_s.toFixed(1)), steps: full.steps };
out.sim_cell_minutes_per_wall_s = Number(((N * full.sim_min) / full.wall_s).toExponential(3));
console.error(
  `600 min of 1024 x 1024 on 2 workers: ${full.wall_s.toFixed(1)} s wall (${(out.sim_cell_minutes_per_wall_s as number).toExponential(2)} cell-min per s)`,
);
const targets = { wall_under_60s: full.wall_s < 60, scaling_at_least_1_7: two / one >= 1.7, bytes_at_most_200: (out.bytes_per_cell as number) <= 200 };
out.targets_met = targets;
writeFileSync(new URL('./results.json', import.meta.url), `${JSON.stringify(out, null, 2)}\n`);
console.log(JSON.stringify(out, null, 2));
