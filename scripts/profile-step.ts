// Why this file exists: where a step's time goes, phase by phase, in one thread: the cell blocks
// (cellsPhase), the row and column sweeps of the fields, the neighbour snapshot and the two growth
// phases, in CPU time. Runs a preset (optionally from a later step, or on another lattice) and prints ns per
// site and per step for each phase, with the site-updates/s of the whole.
//   npx tsx scripts/profile-step.ts tumour-erastin --from 2880 --steps 400
//   npx tsx scripts/profile-step.ts my-scenario.json --steps 100
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { PRESETS } from '../src/model/presets';
import { resolveScenario } from '../src/model/scenario';
import { createSimulation } from '../src/model/simulation';
import { ALIVE, DYING } from '../src/model/layout';
import { FERROWAVE_VERSION } from '../src/model/version';

/** CPU time of this process, ms (on a machine shared with other work, wall time says little) */
const now = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const { values: opt, positionals } = parseArgs({
  allowPositionals: true,
  options: { from: { type: 'string', default: '0' }, steps: { type: 'string', default: '200' }, size: { type: 'string', default: '' } },
});
const from = Number(opt.from);
const steps = Number(opt.steps);
const size = opt.size;
const name = positionals[0] ?? 'tumour-erastin';
const raw = (name.endsWith('.json') ? JSON.parse(readFileSync(name, 'utf8')) : structuredClone(PRESETS[name])) as {
  lattice: { width: number; height: number };
};
if (size) raw.lattice.width = raw.lattice.height = Number(size);
const sim = createSimulation(resolveScenario(raw, FERROWAVE_VERSION));
const st = sim.state;
const W = st.width,
  H = st.height;
const t0 = now();
if (from > 0) sim.step(from);
console.log(`${name} ${W} x ${H}: ${from} steps to start in ${((now() - t0) / 1000).toFixed(1)} s`);
const ns = { cellsSlow: 0, cellsFast: 0, rows: 0, cols: 0, grow1: 0, grow2: 0 };
let slow = 0,
  growth = 0;
const total0 = now();
for (let k = 0; k < steps; k++) {
  const s = st.header[0];
  let a = now();
  sim.cellsPhase(0, H, s);
  let b = now();
  if (sim.slowStep(s)) ns.cellsSlow += b - a;
  else ns.cellsFast += b - a;
  a = b;
  sim.rowPhase(0, H, s);
  b = now();
  ns.rows += b - a;
  a = b;
  sim.colPhase(0, W, s);
  b = now();
  ns.cols += b - a;
  if (sim.slowStep(s)) slow++;
  if (sim.growthStep(s)) {
    growth++;
    a = now();
    sim.growPhase1(0, H, s);
    b = now();
    ns.grow1 += b - a;
    sim.growPhase2(0, H, s);
    ns.grow2 += now() - b;
  }
  sim.commitStep(s);
}
const wall = now() - total0;
let living = 0;
for (let i = 0; i < st.n; i++) if (st.status[i] === ALIVE || st.status[i] === DYING) living++;
console.log(`${steps} steps (${slow} slow, ${growth} with growth), living ${living} of ${st.n} sites`);
for (const [k, v] of Object.entries(ns))
  console.log(
    `  ${k.padEnd(9)} ${((v * 1e6) / (st.n * steps)).toFixed(2).padStart(7)} ns/site  ${(v / steps).toFixed(3).padStart(8)} ms/step  ${((100 * v) / wall).toFixed(0)} %`,
  );
console.log(`  total     ${((wall * 1e6) / (st.n * steps)).toFixed(2).padStart(7)} ns/site  ${((st.n * steps) / wall / 1e3).toFixed(1)} M site-updates/s`);
