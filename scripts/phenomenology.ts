// Why this file exists: `npm run fit:phenomenology`. The phenomenological parameters of the redox
// core (the lumped ROS switch, the lipid-peroxide chain, the oxidant's release, the defence's
// split, the phenotype patches) have no measured counterpart (docs/model.md 6.0d). This asks, for
// each, how much its value matters once the model is refitted the way a user who changed it would
// refit: the parameter at 0.5, 0.7, 1.4 and 2 times its default (clipped to its range),
// ox_diffusion refitted to the published untreated wave speed (as `npm run fit:oxidant` does),
// then every dataset the model is fitted to scored at those values: the 58 points of the
// calibration fit (fits/calibration.fit.json), the erastin threshold (no wave at 0.6 uM, a wave at
// 1.25 uM), the scratched gaps (160 um crossed, 180 um not) and the spontaneous wave sites
// (fits/spontaneous.fit.json), with the fits' own tolerance rules and the data's brackets. A set
// holds when nothing misses that the defaults meet. Writes fits/phenomenology.result.json and the
// tables of docs/model.md 6.0f (between its phenomenology markers); `--docs` rewrites only the
// tables from the committed result; parameter names on the command line study only those and
// write nothing.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readFitFile } from '../src/cli/fit-input';
import { measureFront } from '../src/analysis/front-speed';
import { pulseOrigin } from '../src/analysis/wave';
import type { RunOutcome } from '../src/fit/observables';
import { crossesGap, diffusionForSpeed, stripSpeed } from '../src/fit/oxidant-reach';
import { informativePoints, scenarioOf } from '../src/fit/plan';
import { scoreCandidate } from '../src/fit/objective';
import { paramSpec } from '../src/model/params';
import { resolveScenario } from '../src/model/scenario';
import { createSimulation } from '../src/model/simulation';
import { FERROWAVE_VERSION } from '../src/model/version';
import { type FitScore, fx, type Miss, phenomenologyBlock, type Variant, type Verdict, verdictOf } from './lib/phenomenology-table';
import { executeEval } from '../src/node/fit-execute';

const ALL = ['lpo_clear', 'lpo_chain_rate', 'lpo_rate', 'ros_clear', 'ros_time_scale', 'ox_release_gain', 'w_gpx4', 'pheno_patch_um'];
/** `--docs`: only rewrite the table of docs/model.md 6.0f from the committed result */
const docsOnly = process.argv[2] === '--docs';
/** parameters named on the command line: study only those and write nothing (a quick look) */
const only = docsOnly ? [] : process.argv.slice(2);
for (const p of only) if (!ALL.includes(p)) throw new Error(`${p} is not one of the studied parameters: ${ALL.join(', ')}`);
const STUDIED = only.length ? only : ALL;
const FACTORS = [0.5, 0.7, 1.4, 2];
const read = (p: string) => JSON.parse(readFileSync(resolve(p), 'utf8'));
const oxSpec = read('fits/oxidant-reach.spec.json');
const speedStrip = read('fits/primed-strip.json');
const thresholdStrip = read('fits/primed-strip-long.json');
const calibration = readFitFile(resolve('fits/calibration.fit.json'));
const spontaneous = readFitFile(resolve('fits/spontaneous.fit.json'));
const OX_DECAY = paramSpec('ox_decay')!.default;
const OX_DIFFUSION = paramSpec('ox_diffusion')!.default;

const withParams = (raw: Record<string, unknown>, params: Record<string, number>) => {
  const r = structuredClone(raw);
  r.params = { ...((r.params as Record<string, number>) ?? {}), ...params };
  return r;
};

/** Score a fit (its every condition run in this thread) at `params`. */
async function scoreFit(fit: ReturnType<typeof readFitFile>, params: Record<string, number>): Promise<FitScore> {
  const outcomes: RunOutcome[] = [];
  for (const c of fit.plan.conditions) {
    const r = await executeEval({ id: c.index, scenario: scenarioOf(fit.plan, c, params, fit.spec.name, FERROWAVE_VERSION), times_min: c.times_min });
    outcomes.push(r.outcome);
  }
  const s = scoreCandidate(fit.plan, outcomes);
  const bad = fit.plan.points
    .map((p, i) => ({ p, r: s.points[i] }))
    .filter(({ r }) => !r.pass)
    .map(({ p, r }) => ({ key: `${p.agent} ${p.dose} ${p.observable}`, model: r.model, data: p.value }));
  return { objective: s.objective, pass: s.pass, points: fit.plan.points.length, informative: informativePoints(fit.plan), failing: bad };
}

/** Whether the strip carries a travelling wave at this erastin dose. */
async function waveAt(uM: number, params: Record<string, number>) {
  const raw = withParams(thresholdStrip, params) as { treatments: Array<Record<string, unknown>> };
  raw.treatments[0].uM = uM;
  const sc = resolveScenario(raw as unknown as Record<string, unknown>, FERROWAVE_VERSION);
  const sim = createSimulation(sc, sc.seed, { unshared: true });
  sim.step(sim.totalSteps());
  const f = measureFront(sim.state, sc.lattice.site_um, pulseOrigin(sc)!);
  return f?.kind === 'wave' ? f.v : 0;
}

/** A variant at which no ox_diffusion gives the published untreated speed (e.g. no wave at all). */
function unreachable(param: string | null, factor: number, value: number | null, speed: number, t0: number): Variant {
  const none = { objective: Number.NaN, pass: 0, points: 0, informative: 0, failing: [] as Miss[] };
  return {
    param,
    factor,
    value,
    ox_diffusion: Number.NaN,
    speed_um_per_min: speed,
    calibration: none,
    spontaneous: none,
    speed_at_0_6_uM: Number.NaN,
    speed_at_1_25_uM: Number.NaN,
    gap_160_crossed: false,
    gap_180_crossed: false,
    misses: [`no ox_diffusion within its range gives the untreated speed (${fx(speed)} um/min at the default ${OX_DIFFUSION} um²/min)`],
    holds: false,
    wall_s: (performance.now() - t0) / 1000,
  };
}

async function variant(param: string | null, factor: number): Promise<Variant> {
  const t0 = performance.now();
  const spec = param ? paramSpec(param)! : null;
  const value = spec ? Math.min(spec.max, Math.max(spec.min, Number((spec.default * factor).toPrecision(6)))) : null;
  const params: Record<string, number> = param && value !== null ? { [param]: value } : {};
  let fitSpeed: { ox_diffusion: number; speed: number };
  try {
    fitSpeed = diffusionForSpeed(withParams(speedStrip, params), OX_DECAY, oxSpec.targets.speed_um_per_min, OX_DIFFUSION);
  } catch {
    // no diffusivity in the parameter's range gives the published speed: nothing else can be scored
    const speed = stripSpeed(withParams(speedStrip, params), OX_DECAY, OX_DIFFUSION);
    return unreachable(param, factor, value, speed, t0);
  }
  const ox_diffusion = Number(fitSpeed.ox_diffusion.toPrecision(6));
  const all = { ...params, ox_diffusion };
  const cal = await scoreFit(calibration, all);
  const spo = await scoreFit(spontaneous, all);
  const s06 = await waveAt(0.6, all);
  const s125 = await waveAt(1.25, all);
  const gapStrip = withParams(oxSpec.gap_scenario, params);
  const g160 = crossesGap(gapStrip, oxSpec.gap_x_um, 160, OX_DECAY, ox_diffusion);
  const g180 = crossesGap(gapStrip, oxSpec.gap_x_um, 180, OX_DECAY, ox_diffusion);
  const misses = [
    ...cal.failing.map((f) => `calibration: ${f.key}`),
    ...spo.failing.map((f) => `spontaneous: ${f.key}`),
    ...(s06 > 0 ? ['a wave at 0.6 uM'] : []),
    ...(s125 > 0 ? [] : ['no wave at 1.25 uM']),
    ...(g160 ? [] : ['160 um gap not crossed']),
    ...(g180 ? ['180 um gap crossed'] : []),
  ];
  return {
    param,
    factor,
    value,
    ox_diffusion,
    speed_um_per_min: fitSpeed.speed,
    calibration: cal,
    spontaneous: spo,
    speed_at_0_6_uM: s06,
    speed_at_1_25_uM: s125,
    gap_160_crossed: g160,
    gap_180_crossed: g180,
    misses,
    holds: false,
    wall_s: (performance.now() - t0) / 1000,
  };
}

const RESULT = resolve('fits/phenomenology.result.json');
const DOC = resolve('docs/model.md');

/** Write the verdicts and the table of every set between the phenomenology markers of docs/model.md. */
function writeDocs(verdicts: readonly Verdict[], variants: readonly Variant[]): string {
  const block = phenomenologyBlock(verdicts, variants);
  const doc = readFileSync(DOC, 'utf8');
  const marked = /<!-- phenomenology:begin -->[\s\S]*<!-- phenomenology:end -->/;
  if (!marked.test(doc)) throw new Error('docs/model.md has no phenomenology markers');
  writeFileSync(DOC, doc.replace(marked, `<!-- phenomenology:begin -->\n${block}\n<!-- phenomenology:end -->`));
  return block;
}

if (docsOnly) {
  const r = read(RESULT);
  writeDocs(r.verdicts, r.variants);
  console.log(`docs/model.md 6.0f rewritten from ${RESULT}`);
  process.exit(0);
}

const t0 = performance.now();
const variants: Variant[] = [];
const todo: Array<[string | null, number]> = [[null, 1], ...STUDIED.flatMap((p) => FACTORS.map((f) => [p, f] as [string, number]))];
for (const [p, f] of todo) {
  const v = await variant(p, f);
  // a variant holds when nothing misses its data that the defaults meet
  const base = variants[0] ?? v;
  v.holds = v.misses.every((m) => base.misses.includes(m));
  variants.push(v);
  console.log(`${p ?? 'defaults'} x${f}: ${v.holds ? 'holds' : `fails: ${v.misses.join('; ')}`} (${fx(v.wall_s, 1)} s)`);
}
const wall_s = Math.round((performance.now() - t0) / 1000);
const verdicts = STUDIED.map((p) => verdictOf(variants, p));
const table = phenomenologyBlock(verdicts, variants);
if (!only.length) {
  writeFileSync(
    RESULT,
    `${JSON.stringify({ ferrowave_version: FERROWAVE_VERSION, wall_s, factors: FACTORS, ox_decay: OX_DECAY, target_speed_um_per_min: oxSpec.targets.speed_um_per_min, verdicts, variants }, null, 2)}\n`,
  );
  writeDocs(verdicts, variants);
}
console.log(table);
console.log(`${variants.length} parameter sets in ${wall_s} s${only.length ? ' (a quick look: nothing written)' : ' -> fits/phenomenology.result.json'}`);
