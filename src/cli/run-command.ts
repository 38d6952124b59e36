// Why this file exists: `ferrowave run`: validate, run on N workers with a progress line on
// stderr, and write a self-describing run folder (src/formats/run-folder.ts).
import { resolve } from 'node:path';
import { summarise } from '../analysis/summary';
import { createEngine } from '../engine/engine';
import { runToEnd } from '../engine/runner';
import { prepareOutDir, TimeseriesWriter, writeCellsCsv, writeResolvedScenario, writeSummary } from '../formats/run-folder-fs';
import { spawnNodeWorker } from '../host/node-workers';
import type { ResolvedScenario } from '../model/scenario';
import { createSimulation } from '../model/simulation';
import { Progress } from './progress';

export interface RunOptions {
  out: string;
  workers: number;
  cellsCsv: boolean;
  force: boolean;
  quiet: boolean;
}

export async function runCommand(sc: ResolvedScenario, o: RunOptions): Promise<string> {
  const dir = resolve(o.out);
  prepareOutDir(dir, o.force);
  writeResolvedScenario(dir, sc);
  // the per-site initial state is built by row bands on the workers
  const sim = createSimulation(sc, sc.seed, { deferInit: true });
  const engine = await createEngine(sim, o.workers, spawnNodeWorker);
  const ts = new TimeseriesWriter(dir);
  const progress = new Progress(sc.name, o.quiet);
  const t0 = performance.now();
  try {
    await engine.initialise();
    const samples = await runToEnd(engine, {
      onSample: (s) => {
        ts.add(s);
        progress.update(s, sim.totalSteps() > 0 ? sim.stepIndex() / sim.totalSteps() : 1);
      },
    });
    const wall = (performance.now() - t0) / 1000;
    const summary = { ...summarise(sim, samples), run: { workers: o.workers, wall_s: Number(wall.toFixed(3)), steps: sim.stepIndex(), cells: sim.state.n } };
    writeSummary(dir, summary);
    if (o.cellsCsv) writeCellsCsv(dir, sim.state, sc.lattice.site_um);
    progress.done(summary.wave.detected ? `wave ${summary.wave.speed_um_per_min?.toFixed(2)} um/min` : 'no wave', wall);
  } finally {
    engine.dispose();
  }
  return dir;
}
