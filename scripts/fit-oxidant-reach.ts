// Why this file exists: `npm run fit:oxidant`, the rerunnable fit of the oxidant's transport
// (fits/oxidant-reach.spec.json says what and why; src/fit/oxidant-reach.ts does it): the joint
// fit of (ox_decay, ox_diffusion) to the published untreated wave speed and the gap data (the
// defaults), the gaps the wave crosses there, and for comparison ox_diffusion fitted to the speed
// alone at the earlier ox_decay. Writes fits/oxidant-reach.result.json.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { diffusionForSpeed, fitOxidantReach, widestCrossed } from '../src/fit/oxidant-reach';
import { FERROWAVE_VERSION } from '../src/model/version';

const specPath = resolve(process.argv[2] ?? 'fits/oxidant-reach.spec.json');
const spec = JSON.parse(readFileSync(specPath, 'utf8'));
const speedStrip = JSON.parse(readFileSync(resolve(dirname(specPath), spec.speed_scenario), 'utf8'));
const t0 = performance.now();
const joint = fitOxidantReach(speedStrip, spec.gap_scenario, spec.gap_x_um, spec.targets, spec.start, spec.bisection_steps, (l) =>
  console.log(`joint fit: ${l}`),
);
const best = joint.best;
const gaps = widestCrossed(spec.gap_scenario, spec.gap_x_um, spec.report_widths_um, best.ox_decay, best.ox_diffusion);
console.log(
  `adopted (joint fit): ox_decay ${best.ox_decay.toPrecision(4)} /min, ox_diffusion ${best.ox_diffusion.toPrecision(4)} um^2/min: ${best.speed_um_per_min.toFixed(3)} um/min; gaps crossed: ${spec.report_widths_um.map((w: number) => `${w} um ${gaps.crossed[w] ? 'yes' : 'no'}`).join(', ')}`,
);
const k = spec.compare_ox_decay;
const s = diffusionForSpeed(speedStrip, k, spec.targets.speed_um_per_min, spec.start.ox_diffusion);
const speedOnlyGaps = widestCrossed(spec.gap_scenario, spec.gap_x_um, spec.report_widths_um, k, s.ox_diffusion);
const wall_s = (performance.now() - t0) / 1000;
const out = {
  ferrowave_version: FERROWAVE_VERSION,
  spec: specPath.replace(`${resolve('.')}/`, ''),
  wall_s: Math.round(wall_s),
  adopted: { ox_decay: best.ox_decay, ox_diffusion: best.ox_diffusion, speed_um_per_min: best.speed_um_per_min, gaps, joint_fit: joint },
  speed_only_at_earlier_ox_decay: { ox_decay: k, ox_diffusion: s.ox_diffusion, speed_um_per_min: s.speed, runs: s.runs, gaps: speedOnlyGaps },
};
const outPath = specPath.replace(/(\.spec)?\.json$/, '.result.json');
writeFileSync(outPath, `${JSON.stringify(out, null, 2)}\n`);
console.log(
  `adopted: ox_decay ${best.ox_decay.toPrecision(4)} /min (${joint.interval.map((x) => x.toPrecision(4)).join('-')}), ox_diffusion ${best.ox_diffusion.toPrecision(4)} um^2/min (widest crossed gap ${gaps.widest_um} um); speed alone at ox_decay ${k}: ox_diffusion ${s.ox_diffusion.toPrecision(4)} (widest crossed gap ${speedOnlyGaps.widest_um} um); ${wall_s.toFixed(0)} s -> ${outPath}`,
);
