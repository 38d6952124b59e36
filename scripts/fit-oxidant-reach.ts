// Why this file exists: `npm run fit:oxidant`, the rerunnable fit of the oxidant's transport
// (ox_decay, ox_diffusion) to the untreated wave speed and the widest crossed gap of Co et al. 2024
// (fits/oxidant-reach.json says what and why; src/fit/oxidant-reach.ts does it). Prints every
// point tried and writes the result beside the spec as fits/oxidant-reach.result.json.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fitOxidantReach } from '../src/fit/oxidant-reach';
import { FERROWAVE_VERSION } from '../src/model/version';

const specPath = resolve(process.argv[2] ?? 'fits/oxidant-reach.json');
const spec = JSON.parse(readFileSync(specPath, 'utf8'));
const speedStrip = JSON.parse(readFileSync(resolve(dirname(specPath), spec.speed_scenario), 'utf8'));
const t0 = performance.now();
const fit = fitOxidantReach(speedStrip, spec.gap_scenario, spec.gap_x_um, spec.targets, spec.start, spec.bisection_steps, (l) => console.log(l));
const wall_s = (performance.now() - t0) / 1000;
const out = { ferrowave_version: FERROWAVE_VERSION, spec: specPath.replace(`${resolve('.')}/`, ''), wall_s: Math.round(wall_s), ...fit };
const outPath = specPath.replace(/\.json$/, '.result.json');
writeFileSync(outPath, `${JSON.stringify(out, null, 2)}\n`);
console.log(
  `best: ox_decay ${fit.best.ox_decay.toPrecision(4)} /min (interval ${fit.interval.map((x) => x.toPrecision(4)).join('-')}), ox_diffusion ${fit.best.ox_diffusion.toPrecision(4)} um^2/min, ${fit.best.speed_um_per_min.toFixed(3)} um/min; ${fit.runs} runs in ${wall_s.toFixed(0)} s -> ${outPath}`,
);
