// Why this file exists: a fingerprint of what the model computes, to hold a speed-up of the step
// to the bits of the code before it: runs presets (and the determinism scenarios) on 0, 1 or 2
// workers and prints the state hash at a few points of each run, with the running totals, as JSON
// lines. Run it before and after a change and compare the files:
//   npx tsx scripts/state-hashes.ts --workers 0,2 --out before.jsonl [preset | scenario.json ...]
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { hashBuffer } from '../src/analysis/hash';
import { createEngine } from '../src/engine/engine';
import { spawnNodeWorker } from '../src/host/node-workers';
import { AUX_VARS, CELL_VARS, FIELDS, GENES, type SimState } from '../src/model/layout';
import { PRESETS } from '../src/model/presets';
import { type ResolvedScenario, resolveScenario } from '../src/model/scenario';
import { createSimulation } from '../src/model/simulation';
import { FERROWAVE_VERSION } from '../src/model/version';
import { determinismScenario, tumourDeterminismScenario } from '../test/engine/determinism-scenario';

const { values: opt, positionals: args } = parseArgs({
  allowPositionals: true,
  options: {
    workers: { type: 'string', default: '0' },
    out: { type: 'string', default: '' },
    'max-steps': { type: 'string', default: 'Infinity' },
    points: { type: 'string', default: '4' },
  },
});
const workers = opt.workers.split(',').map(Number);
const out = opt.out;
/** at most this many steps of each run (the whole run by default) */
const maxSteps = Number(opt['max-steps']);
const points = Number(opt.points);

/**
 * The hash of the model's arrays only (every per-cell variable, rate, field, drug field, phenotype,
 * status, neighbour snapshot, birth mark and subclone, and the running totals), without the
 * sweeps' scratch or the layout: what a change of the layout must keep.
 */
function modelHash(st: SimState): string {
  const parts: ArrayBufferView[] = [st.header.subarray(0, 4)];
  for (const v of CELL_VARS) parts.push(st.cell[v.name]);
  for (const v of AUX_VARS) parts.push(st.aux[v.name]);
  for (const v of FIELDS) parts.push(st.field[v.name]);
  for (const d of Object.keys(st.drug).sort()) parts.push(st.drug[d]);
  for (const g of GENES) parts.push(st.pheno[g]);
  parts.push(st.status, st.nbr, st.born, st.clone);
  const total = parts.reduce((a, v) => a + v.byteLength, 0);
  const bytes = new Uint8Array(Math.ceil(total / 4) * 4);
  let at = 0;
  for (const v of parts) {
    bytes.set(new Uint8Array(v.buffer, v.byteOffset, v.byteLength), at);
    at += v.byteLength;
  }
  return hashBuffer(bytes.buffer);
}

const scenarios: Record<string, () => ResolvedScenario> = {
  'determinism-dish': determinismScenario,
  'determinism-tumour': tumourDeterminismScenario,
};
for (const name of Object.keys(PRESETS)) scenarios[name] = () => resolveScenario(PRESETS[name], FERROWAVE_VERSION);
const names = args.length ? args : Object.keys(scenarios).filter((n) => n !== 'primed-dish-1024');

const lines: string[] = [];
for (const name of names) {
  // a scenario file by its path
  if (name.endsWith('.json')) scenarios[name] = () => resolveScenario(JSON.parse(readFileSync(name, 'utf8')), FERROWAVE_VERSION);
  const make = scenarios[name];
  if (!make) throw new Error(`no scenario ${name}`);
  for (const w of workers) {
    const sim = createSimulation(make());
    const engine = await createEngine(sim, w, spawnNodeWorker);
    const total = Math.min(sim.totalSteps(), maxSteps);
    const t0 = performance.now();
    const hashes: string[] = [];
    try {
      for (let k = 1; k <= points; k++) {
        await engine.advance(Math.round((total * k) / points) - sim.stepIndex());
        const h = sim.state.header;
        hashes.push(`${sim.stepIndex()}:${hashBuffer(sim.state.buffer)}:${h[1]}/${h[2]}/${h[3]}:${modelHash(sim.state)}`);
      }
    } finally {
      engine.dispose();
    }
    const wall = (performance.now() - t0) / 1000;
    const line = JSON.stringify({ name, workers: w, hashes });
    lines.push(line);
    console.log(line, `(${wall.toFixed(1)} s, ${((sim.state.n * total) / wall / 1e6).toFixed(1)} M site-updates/s)`);
  }
}
if (out) writeFileSync(out, `${lines.join('\n')}\n`);
