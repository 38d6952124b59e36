// Why this file exists: the registry of behaviours from MODEL.md section 5 that the validation
// report checks at full size, each with its target (numbers and the pass criterion), its source,
// and a `run` that simulates, measures, decides pass/fail and draws its figures.
// To add a check: replace a `pending(...)` entry by an object with a `run` (see the note at the
// end of this file), using ctx.scenario/ctx.run and the helpers in measures.ts and figures.ts.
import { analyseWave, pulseOrigin, type WaveResult } from '../analysis/wave';
import { ALIVE, DEAD, DYING, type SimState } from '../model/layout';
import { lineChart, type Series } from '../report/svg';
import { siteAt } from './context';
import { frontFigure, kymographFigure, survivalFigure } from './figures';
import { committedFractionIn, committedProfile, doseAtLevel, firstCrossing, frontPoints, fx, normalise, sampleAt } from './measures';
import type { Behaviour, CheckContext, CheckResult, Figure, KymoKind, RunResult } from './types';

// ---------------------------------------------------------------------------------------------
// shared helpers

/** Every pulse run records the same kymographs, so runs shared by several checks are simulated once. */
const STD_KYMO: KymoKind[] = [{ kind: 'committed' }, { kind: 'cell', name: 'ros' }];

async function presetRun(ctx: CheckContext, preset: string, overrides: string[] = []): Promise<RunResult> {
  const { scenario, command } = ctx.scenario(preset, overrides);
  return ctx.run({ scenario, command, kymographs: STD_KYMO });
}

/** The front analysis of the summary (fit of distance against commit time beyond the pulse edge). */
function waveOf(r: RunResult): WaveResult {
  const origin = pulseOrigin(r.scenario);
  if (!origin) throw new Error(`scenario ${r.scenario.name} has no pulse`);
  return analyseWave(r.sim.state, r.scenario.lattice.site_um, origin);
}

const speedText = (w: WaveResult) => (w.detected ? `${fx(w.speed_um_per_min)} um/min` : 'no wave');

/** A list of criteria, each with what the model gives; renders as a Markdown table. */
class Criteria {
  private rows: Array<{ what: string; model: string; ok: boolean }> = [];
  add(what: string, model: string, ok: boolean): boolean {
    this.rows.push({ what, model, ok });
    return ok;
  }
  get ok(): boolean {
    return this.rows.every((r) => r.ok);
  }
  table(): string {
    const cell = (s: string) => s.replace(/\|/g, '\\|');
    return ['| criterion | model | |', '|---|---|---|', ...this.rows.map((r) => `| ${cell(r.what)} | ${cell(r.model)} | ${r.ok ? 'pass' : '**FAIL**'} |`)].join('\n');
  }
}

function result(c: Criteria, model: string, figures: Figure[], extra: string[] = []): CheckResult {
  return { status: c.ok ? 'pass' : 'fail', model, details: [c.table(), ...extra].join('\n\n'), figures };
}

const commands = (runs: Array<{ name: string; run: RunResult }>) =>
  ['Reproduce:', '', ...runs.map(({ name, run }) => `- ${name}: \`${run.command}\``)].join('\n');

function maxAliveRos(st: SimState): number {
  let m = 0;
  for (let i = 0; i < st.n; i++) if (st.status[i] === ALIVE && st.cell.ros[i] > m) m = st.cell.ros[i];
  return m;
}

function meanDeathDelay(st: SimState): { mean: number; n: number } {
  let s = 0, n = 0;
  for (let i = 0; i < st.n; i++) {
    if (st.status[i] !== DEAD) continue;
    s += st.cell.t_dead[i] - st.cell.t_dying[i];
    n++;
  }
  return { mean: n ? s / n : Number.NaN, n };
}

/** A behaviour whose check is not written yet (the report lists its target and source). */
function pending(b: Omit<Behaviour, 'run'>): Behaviour {
  return { ...b, run: async () => ({ status: 'not-implemented', model: 'not checked yet', figures: [] }) };
}

const CO_2024 = 'Co, Wu, Lee & Chen, Nature 631:654 (2024) and its public data';

// ---------------------------------------------------------------------------------------------
// 5.1 trigger wave

const wave51: Behaviour = {
  id: '5.1',
  title: 'Trigger wave in an erastin-primed monolayer',
  target:
    'In a confluent monolayer primed with 10 uM erastin, a local ROS burst launches a death front at constant speed, about 5.5 um/min (measured 4.5-6.1 um/min across plates), linear in time over millimetres.',
  pass:
    'Speed 4.5-6.5 um/min, R² of the linear fit > 0.99, early and late halves within 10%, front travels > 2 mm.',
  source: CO_2024,
  async run(ctx) {
    const r = await presetRun(ctx, 'primed-light-pulse');
    const w = waveOf(r);
    const c = new Criteria();
    const v = w.speed_um_per_min ?? Number.NaN;
    c.add('a front is detected', w.detected ? 'yes' : 'no', w.detected);
    c.add('speed 4.5-6.5 um/min', `${fx(v)} um/min`, v >= 4.5 && v <= 6.5);
    c.add('R² > 0.99', fx(w.r2, 4), (w.r2 ?? 0) > 0.99);
    const ratio = (w.speed_late ?? Number.NaN) / (w.speed_early ?? Number.NaN);
    c.add('late / early speed within 10%', `${fx(w.speed_early)} / ${fx(w.speed_late)} um/min (ratio ${fx(ratio, 3)})`, Math.abs(ratio - 1) < 0.1);
    c.add('front travels > 2000 um', `${fx(w.reach_um, 0)} um`, w.reach_um > 2000);
    const site = r.scenario.lattice.site_um;
    const origin = w.origin;
    const { points, fit } = frontPoints(r.sim.state, site, origin);
    const t1 = r.scenario.duration_min;
    const fitLine: Array<[number, number]> = fit ? [points[0][0], t1].map((t) => [t, fit.intercept + fit.slope * t] as [number, number]) : [];
    const front = lineChart({
      title: 'Front position against time (10 uM erastin, 400 x 40 sites)',
      x: { label: 'time', unit: 'min' },
      y: { label: 'distance beyond the pulse edge', unit: 'um' },
      series: [
        { name: 'median commit time per 20 um bin', points, line: false, marker: 'circle', color: '#0072b2' },
        { name: `linear fit: ${fx(fit?.slope)} um/min, R² ${fx(fit?.r2, 4)}`, points: fitLine, color: '#d55e00', dash: true },
        { name: 'furthest committed cell (samples)', points: r.samples.filter((s) => s.front_um !== null).map((s) => [s.t_min, s.front_um!] as [number, number]), color: '#009e73', width: 1 },
      ],
    });
    const x0 = origin.disc ? origin.disc.x_um + origin.disc.r_um : 0;
    const overlay: Series[] = fit ? [{ name: `fit ${fx(fit.slope)} um/min`, points: fitLine.map(([t, d]) => [x0 + d, t] as [number, number]), color: '#ff3b30', dash: true }] : [];
    const figures: Figure[] = [
      kymographFigure(r, { file: 'kymograph-fate.svg', title: 'Kymograph of cell fate, 10 uM erastin + light pulse at 360 min', caption: 'Fraction of cells dying or dead in each 40 um column bin against time (all 40 rows); the dashed line is the linear fit of the front', what: { kind: 'committed' }, color: { label: 'fraction dying or dead', unit: '1', domain: [0, 1] }, overlays: overlay }),
      kymographFigure(r, { file: 'kymograph-ros.svg', title: 'Kymograph of ROS in living cells, 10 uM erastin', caption: 'Mean ROS over living (alive or dying) cells in each column bin after 300 min; grey: no living cell left', what: { kind: 'cell', name: 'ros' }, color: { label: 'ROS', unit: 'a.u.' }, tMin: 300 }),
      { file: 'front.svg', caption: 'Front position against time with the linear fit (no sqrt(t) slowing)', svg: front },
    ];
    return result(c, `${fx(v)} um/min (early ${fx(w.speed_early)}, late ${fx(w.speed_late)}; R² ${fx(w.r2, 4)}), front reached ${fx(w.reach_um, 0)} um`, figures, [commands([{ name: '10 uM erastin', run: r }])]);
  },
};

// ---------------------------------------------------------------------------------------------
// 5.2 unprimed reach

const reach52: Behaviour = {
  id: '5.2',
  title: 'Without priming the burst kills only its neighbourhood',
  target:
    'Without erastin the same burst kills only its neighbourhood, reach <= ~20 um (2-3 cells), then the tissue recovers.',
  pass:
    'Reach read as 2-3 cells of 20 um. No wave, cells die but none further than 60 um beyond the illuminated disc, no cell still dying at the end, no new deaths in the last 6 h, survivors\' mean ROS back within 10% of its pre-pulse value.',
  source: CO_2024,
  async run(ctx) {
    const r = await presetRun(ctx, 'unprimed-light-pulse');
    const primed = await presetRun(ctx, 'primed-light-pulse');
    const w = waveOf(r);
    const last = r.samples[r.samples.length - 1];
    const c = new Criteria();
    c.add('no wave', w.detected ? 'wave' : 'no wave', !w.detected);
    c.add('the illuminated cells die', `${last.dead} dead`, last.dead > 0);
    c.add('reach <= 60 um beyond the illuminated disc', `${fx(w.reach_um, 0)} um`, w.reach_um <= 60);
    c.add('no cell still dying at the end', `${last.dying} dying`, last.dying === 0);
    const dead540 = sampleAt(r.samples, r.scenario.duration_min - 360).dead;
    c.add('no new deaths in the last 6 h', `${dead540} -> ${last.dead} dead`, dead540 === last.dead);
    const pre = sampleAt(r.samples, 355).means.ros;
    const post = last.means.ros;
    c.add('survivors\' mean ROS within 10% of pre-pulse', `${fx(pre, 3)} -> ${fx(post, 3)} a.u.`, Math.abs(post / pre - 1) < 0.1);
    const origin = w.origin;
    const site = r.scenario.lattice.site_um;
    const profile = lineChart({
      title: 'Cells committed at the end against distance from the pulse',
      x: { label: 'distance beyond the illuminated disc', unit: 'um' },
      y: { label: 'fraction dying or dead', unit: '1', domain: [0, 1.02] },
      series: [
        { name: 'no erastin', points: committedProfile(r.sim.state, site, origin, 1000), marker: 'circle' },
        { name: '10 uM erastin', points: committedProfile(primed.sim.state, site, origin, 1000), dash: true },
      ],
      rules: [{ axis: 'x', at: 60, label: 'target reach 60 um' }],
    });
    const figures: Figure[] = [
      { file: 'profile.svg', caption: 'Fraction of cells committed (dying or dead) at 900 min, by distance beyond the illuminated disc, with and without erastin', svg: profile },
      kymographFigure(r, { file: 'kymograph-ros.svg', title: 'Kymograph of ROS in living cells without erastin (first 800 um)', caption: 'Mean ROS over living cells per column bin after 300 min: the pulse at 360-370 min raises ROS near the edge, then it relaxes', what: { kind: 'cell', name: 'ros' }, color: { label: 'ROS', unit: 'a.u.' }, tMin: 300, xMax_um: 800 }),
    ];
    return result(c, `${w.detected ? 'wave' : 'no wave'}; ${last.dead} cells died, reach ${fx(w.reach_um, 0)} um; survivors' ROS ${fx(pre, 3)} -> ${fx(post, 3)} a.u.`, figures, [commands([{ name: 'no erastin', run: r }])]);
  },
};

// ---------------------------------------------------------------------------------------------
// 5.3 erastin threshold and speed against dose

const DOSES_53 = [0.3, 0.6, 1.25, 2.5, 5, 10];

const threshold53: Behaviour = {
  id: '5.3',
  title: 'Erastin threshold; speed does not fall with dose',
  target: 'No wave at 0.3 or 0.6 uM erastin, waves from 1.25 uM up; speed does not fall as the dose rises.',
  pass: 'As stated, at 0.3, 0.6, 1.25, 2.5, 5, 10 uM (full 400 x 40 dish), each speed >= 0.98 x the speed at the next lower dose.',
  source: CO_2024,
  async run(ctx) {
    const runs = await Promise.all(DOSES_53.map(async (d) => ({ dose: d, run: await presetRun(ctx, 'primed-light-pulse', d === 10 ? [] : [`treatments[0].uM=${d}`]) })));
    const waves = runs.map((r) => ({ ...r, w: waveOf(r.run) }));
    const c = new Criteria();
    for (const { dose, w } of waves) {
      const want = dose >= 1.25;
      c.add(`${dose} uM: ${want ? 'wave' : 'no wave'}`, speedText(w), w.detected === want);
    }
    const detected = waves.filter((x) => x.w.detected && x.dose >= 1.25);
    let mono = true;
    for (let k = 1; k < detected.length; k++) if (detected[k].w.speed_um_per_min! < 0.98 * detected[k - 1].w.speed_um_per_min!) mono = false;
    c.add('speed non-decreasing with dose (2% tolerance)', detected.map((x) => fx(x.w.speed_um_per_min)).join(' <= '), mono && detected.length > 1);
    const speedChart = lineChart({
      title: 'Wave speed against erastin dose',
      x: { label: 'erastin', unit: 'uM', log: true, domain: [0.2, 15] },
      y: { label: 'front speed', unit: 'um/min', domain: [0, 7] },
      bands: [{ axis: 'x', from: 0.6, to: 1.25, label: 'target threshold: 0.6-1.25 uM', color: '#888888' }],
      series: [
        { name: 'model (wave)', points: detected.map((x) => [x.dose, x.w.speed_um_per_min!] as [number, number]), marker: 'circle' },
        { name: 'model: no wave (plotted at 0)', points: waves.filter((x) => !x.w.detected).map((x) => [x.dose, 0] as [number, number]), line: false, marker: 'cross', color: '#d55e00' },
        { name: 'Co et al. 10 uM: 4.5-6.1, ~5.5', points: [[10, 4.5], [10, 6.1]], color: '#009e73', width: 3 },
        { name: 'Co et al. typical speed', points: [[10, 5.5]], line: false, marker: 'diamond', color: '#009e73' },
      ],
    });
    const figures: Figure[] = [
      { file: 'speed-vs-dose.svg', caption: 'Front speed against erastin dose (log axis); crosses: no wave detected', svg: speedChart },
      frontFigure('fronts.svg', 'Front position against time by erastin dose', 'Furthest committed cell beyond the pulse edge against time, one line per dose', waves.map((x) => ({ name: `${x.dose} uM`, run: x.run }))),
    ];
    const table = ['| erastin (uM) | wave | speed (um/min) | early / late | R² | reach (um) |', '|---|---|---|---|---|---|', ...waves.map(({ dose, w }) => `| ${dose} | ${w.detected ? 'yes' : 'no'} | ${fx(w.speed_um_per_min)} | ${fx(w.speed_early)} / ${fx(w.speed_late)} | ${fx(w.r2, 4)} | ${fx(w.reach_um, 0)} |`)].join('\n');
    const model = waves.map(({ dose, w }) => `${dose}: ${w.detected ? fx(w.speed_um_per_min) : 'none'}`).join(', ');
    return result(c, `speed (um/min) by dose (uM): ${model}`, figures, [table, commands(waves.map((x) => ({ name: `${x.dose} uM`, run: x.run })))]);
  },
};

// ---------------------------------------------------------------------------------------------
// 5.4 GSH against dose

const DOSES_54 = [0.15, 0.3, 0.6, 1.25, 2.5, 5, 10];
const GSH_CO_5H = [54, 39, 26, 16, 10, 8, 8];
const GSH_TOL_PP = 8;

const gsh54: Behaviour = {
  id: '5.4',
  title: 'GSH falls with erastin dose, deeper at 8 h than at 5 h',
  target: `GSH after 5 h of erastin, % of control: ${GSH_CO_5H.join(', ')} at ${DOSES_54.join(', ')} uM; deeper at 8 h than at 5 h; GSH depletion alone does not make a wave (it halves far below the wave threshold).`,
  pass: `Every dose within ${GSH_TOL_PP} percentage points at 5 h, 8 h below 5 h at every dose, and GSH at 5 h halves at a dose below 0.6 uM (the highest dose without a wave). Run on 8 x 8 sites without a pulse.`,
  source: `${CO_2024} (GSH measurements)`,
  async run(ctx) {
    const small = (name: string, treatments: string) => {
      const { scenario, command } = ctx.scenario('primed-light-pulse', [`name=${name}`, 'lattice.width=8', 'lattice.height=8', 'duration_min=480', `treatments=${treatments}`]);
      return ctx.run({ scenario, command, workers: 0 });
    };
    const control = await small('gsh-control', '[]');
    const runs = await Promise.all(DOSES_54.map((d) => small(`gsh-erastin-${d}uM`, JSON.stringify([{ agent: 'erastin', uM: d, start_min: 0 }]))));
    const pct = (r: RunResult, t: number) => (100 * sampleAt(r.samples, t).means.gsh) / sampleAt(control.samples, t).means.gsh;
    const at5 = runs.map((r) => pct(r, 300));
    const at8 = runs.map((r) => pct(r, 480));
    const c = new Criteria();
    DOSES_54.forEach((d, k) => {
      c.add(`${d} uM at 5 h: ${GSH_CO_5H[k]} +- ${GSH_TOL_PP} %`, `${fx(at5[k], 1)} %`, Math.abs(at5[k] - GSH_CO_5H[k]) <= GSH_TOL_PP);
    });
    const deeper = DOSES_54.filter((_, k) => !(at8[k] < at5[k]));
    c.add('8 h below 5 h at every dose', deeper.length ? `not at ${deeper.join(', ')} uM` : 'yes', deeper.length === 0);
    const half = doseAtLevel(DOSES_54, at5, 50);
    c.add('5-h GSH halves below 0.6 uM', `at ${fx(half, 2)} uM`, half < 0.6);
    const chart = lineChart({
      title: 'GSH against erastin dose (8 x 8 sites, no pulse)',
      x: { label: 'erastin', unit: 'uM', log: true, domain: [0.1, 15] },
      y: { label: 'GSH, % of untreated control', unit: '%', domain: [0, 100] },
      bands: [{ axis: 'x', from: 0.6, to: 1.25, label: 'wave threshold (target)', color: '#888888' }],
      ribbons: [{ name: `Co et al. +- ${GSH_TOL_PP} pp (pass band)`, points: DOSES_54.map((d, k) => [d, GSH_CO_5H[k] - GSH_TOL_PP, GSH_CO_5H[k] + GSH_TOL_PP] as [number, number, number]), color: '#009e73' }],
      series: [
        { name: 'Co et al., 5 h', points: DOSES_54.map((d, k) => [d, GSH_CO_5H[k]] as [number, number]), line: false, marker: 'diamond', color: '#009e73' },
        { name: 'model, 5 h', points: DOSES_54.map((d, k) => [d, at5[k]] as [number, number]), marker: 'circle', color: '#0072b2' },
        { name: 'model, 8 h', points: DOSES_54.map((d, k) => [d, at8[k]] as [number, number]), marker: 'square', dash: true, color: '#d55e00' },
      ],
      rules: [{ axis: 'y', at: 50, label: 'half of control' }],
    });
    const table = [
      '| erastin (uM) | Co et al. 5 h (%) | model 5 h (%) | difference (pp) | model 8 h (%) |',
      '|---|---|---|---|---|',
      ...DOSES_54.map((d, k) => `| ${d} | ${GSH_CO_5H[k]} | ${fx(at5[k], 1)} | ${at5[k] - GSH_CO_5H[k] >= 0 ? '+' : ''}${fx(at5[k] - GSH_CO_5H[k], 1)} | ${fx(at8[k], 1)} |`),
    ].join('\n');
    const figures: Figure[] = [{ file: 'gsh-vs-dose.svg', caption: 'Mean GSH of living cells as % of the untreated control at 5 h and 8 h, against the data of Co et al. (5 h)', svg: chart }];
    return result(c, `5 h: ${at5.map((v) => fx(v, 0)).join(', ')} % (data ${GSH_CO_5H.join(', ')}); 8 h: ${at8.map((v) => fx(v, 0)).join(', ')} %; halves at ${fx(half, 2)} uM`, figures, [table, commands([{ name: 'control', run: control }, { name: '10 uM', run: runs[runs.length - 1] }])]);
  },
};

// ---------------------------------------------------------------------------------------------
// 5.5 radical-trapping antioxidants vs apoptosis/necroptosis inhibitors

const DRUGS_55 = [
  { agent: 'ferrostatin-1', uM: 5, stops: true },
  { agent: 'liproxstatin-1', uM: 5, stops: true },
  { agent: 'zvad', uM: 20, stops: false },
  { agent: 'necrostatin-1', uM: 20, stops: false },
] as const;

const inhibitors55: Behaviour = {
  id: '5.5',
  title: 'Ferrostatin-1 and liproxstatin-1 abolish the wave; zVAD-FMK and necrostatin-1 do not',
  target: 'Ferrostatin-1 or liproxstatin-1 (5-20 uM) abolish the wave; zVAD-FMK and necrostatin-1 do not change it.',
  pass: '10 uM erastin, drugs from t = 0: no wave with 5 uM ferrostatin-1 or liproxstatin-1; with 20 uM zVAD-FMK or necrostatin-1 a wave within 5% of the untreated speed.',
  source: CO_2024,
  async run(ctx) {
    const ref = await presetRun(ctx, 'primed-light-pulse');
    const v0 = waveOf(ref).speed_um_per_min ?? Number.NaN;
    const runs = await Promise.all(DRUGS_55.map(async (d) => ({ ...d, run: await presetRun(ctx, 'primed-light-pulse', [`treatments[2]=${JSON.stringify({ agent: d.agent, uM: d.uM, start_min: 0 })}`]) })));
    const c = new Criteria();
    c.add('reference wave (no drug)', `${fx(v0)} um/min`, Number.isFinite(v0));
    for (const d of runs) {
      const w = waveOf(d.run);
      if (d.stops) c.add(`${d.agent} ${d.uM} uM: no wave`, `${speedText(w)}, reach ${fx(w.reach_um, 0)} um`, !w.detected);
      else {
        const rel = (w.speed_um_per_min ?? Number.NaN) / v0 - 1;
        c.add(`${d.agent} ${d.uM} uM: speed within 5%`, `${speedText(w)} (${rel >= 0 ? '+' : ''}${fx(100 * rel, 1)} %)`, w.detected && Math.abs(rel) < 0.05);
      }
    }
    const all = [{ name: 'no drug', run: ref }, ...runs.map((d) => ({ name: `${d.agent} ${d.uM} uM`, run: d.run }))];
    const figures: Figure[] = [frontFigure('fronts.svg', 'Front position against time with death inhibitors (10 uM erastin)', 'Furthest committed cell beyond the pulse edge; radical-trapping antioxidants keep it at the pulse, zVAD-FMK and necrostatin-1 overlap the untreated front', all)];
    return result(c, runs.map((d) => `${d.agent}: ${speedText(waveOf(d.run))}`).join('; ') + `; untreated ${fx(v0)} um/min`, figures, [commands(all)]);
  },
};

// ---------------------------------------------------------------------------------------------
// 5.6 bistability

const bistable56: Behaviour = {
  id: '5.6',
  title: 'Bistability: sub-threshold pulses relax, supra-threshold pulses ignite, only when primed',
  target: 'A sub-threshold pulse relaxes, a supra-threshold pulse becomes a self-sustained high-ROS state, only in primed cells.',
  pass: '10 uM erastin, pulse at 360-370 min: a 0.5 a.u. pulse commits no cell and mean ROS returns within 10% of its pre-pulse value; a 30 a.u. pulse launches a wave; without erastin a 30 a.u. pulse launches no wave and no alive cell holds ROS > 1 a.u. from 60 min after the pulse.',
  source: CO_2024,
  async run(ctx) {
    const common = ['duration_min=600', 'output.sample_every_min=1'];
    const specs = [
      { name: 'primed, 0.5 a.u.', preset: 'primed-light-pulse', overrides: ['treatments[1].dose=0.5', ...common] },
      { name: 'primed, 30 a.u.', preset: 'primed-light-pulse', overrides: common },
      { name: 'unprimed, 30 a.u.', preset: 'unprimed-light-pulse', overrides: common },
    ];
    const runs = await Promise.all(specs.map(async (s) => {
      const { scenario, command } = ctx.scenario(s.preset, s.overrides);
      const cells = [siteAt(scenario, 10, 390), siteAt(scenario, 150, 390)];
      return { ...s, run: await ctx.run({ scenario, command, track: { cells, vars: ['ros'] }, probes: { maxAliveRos } }) };
    }));
    const [sub, supra, unprimed] = runs.map((x) => x.run);
    const c = new Criteria();
    const subLast = sub.samples[sub.samples.length - 1];
    c.add('primed, 0.5 a.u.: no cell commits', `${subLast.dying + subLast.dead} committed`, subLast.dying + subLast.dead === 0);
    const pre = sampleAt(sub.samples, 355).means.ros;
    const peak = Math.max(...sub.tracks[0].values.ros);
    c.add('primed, 0.5 a.u.: mean ROS back within 10%', `${fx(pre, 3)} -> ${fx(subLast.means.ros, 3)} a.u. (illuminated cell peaked at ${fx(peak, 2)} a.u.)`, Math.abs(subLast.means.ros / pre - 1) < 0.1);
    const ws = waveOf(supra);
    c.add('primed, 30 a.u.: wave', speedText(ws), ws.detected);
    const wu = waveOf(unprimed);
    c.add('unprimed, 30 a.u.: no wave', speedText(wu), !wu.detected);
    const tAfter = 370 + 60;
    const late = unprimed.probes.maxAliveRos.filter((_, k) => unprimed.samples[k].t_min >= tAfter);
    const maxLate = Math.max(...late);
    c.add('unprimed, 30 a.u.: no alive cell with ROS > 1 a.u. after 430 min', `max ${fx(maxLate, 3)} a.u.`, maxLate <= 1);
    const series: Series[] = [];
    runs.forEach((x, k) => {
      const color = ['#0072b2', '#d55e00', '#009e73'][k];
      x.run.tracks.forEach((tr, j) => {
        const pts = x.run.samples.map((s, i) => [s.t_min, tr.status[i] === DEAD ? Number.NaN : tr.values.ros[i]] as [number, number]).filter(([t]) => t >= 300);
        series.push({ name: `${x.name}: ${j === 0 ? 'illuminated cell' : 'cell 50 um beyond'}`, points: pts, color, dash: j === 1 });
      });
    });
    const chart = lineChart({
      title: 'ROS of single cells around the pulse (360-370 min)',
      x: { label: 'time', unit: 'min' },
      y: { label: 'ROS', unit: 'a.u.', log: true },
      series,
      rules: [{ axis: 'y', at: 1, label: 'NOX feedback half-activation (1 a.u.)' }],
    });
    const figures: Figure[] = [{ file: 'ros-traces.svg', caption: 'ROS of the illuminated cell (solid) and of a cell 50 um beyond the pulse edge (dashed), until rupture; log axis', svg: chart }];
    return result(c, `0.5 a.u. relaxes (ROS ${fx(pre, 3)} -> ${fx(subLast.means.ros, 3)} a.u.); 30 a.u.: ${speedText(ws)} primed, ${speedText(wu)} unprimed (max alive ROS after 430 min ${fx(maxLate, 3)} a.u.)`, figures, [commands(runs.map((x) => ({ name: x.name, run: x.run })))]);
  },
};

// ---------------------------------------------------------------------------------------------
// 5.9 order of events in a dying cell; osmoprotection

const order59: Behaviour = {
  id: '5.9',
  title: 'Order of events in a dying cell; blocking rupture does not stop the wave',
  target: 'In a dying cell lipid peroxides rise, then cytosolic Ca2+ rises, then the cell swells and ruptures. Blocking rupture (osmoprotectant) delays death but does not stop the wave, which runs upstream of rupture.',
  pass: 'In a cell 1 mm from the pulse (10 uM erastin) the times at which lpo, Ca2+ and volume reach half their range are ordered lpo < Ca2+ < volume, and the cell ruptures; with 10 mM PEG a wave still runs and commitment-to-rupture takes longer.',
  source: 'Riegman et al., Nat Cell Biol 22:1042 (2020); Pedrera et al., Cell Death Differ 28:1644 (2021); ' + CO_2024,
  async run(ctx) {
    const { scenario, command } = ctx.scenario('primed-light-pulse', ['output.sample_every_min=0.5']);
    const cell = siteAt(scenario, 1000, scenario.lattice.height * scenario.lattice.site_um / 2);
    const r = await ctx.run({ scenario, command, track: { cells: [cell], vars: ['lpo', 'ca', 'vol', 'ros'] } });
    const tr = r.tracks[0];
    const t = r.samples.map((s) => s.t_min);
    const c = new Criteria();
    const tDying = r.sim.state.cell.t_dying[cell];
    const tDead = r.sim.state.cell.t_dead[cell];
    c.add('the tracked cell commits and ruptures', `committed at ${fx(tDying, 1)} min, ruptured at ${fx(tDead, 1)} min`, Number.isFinite(tDead));
    const vars = [
      { key: 'lpo', name: 'lipid peroxides (lpo)' },
      { key: 'ca', name: 'cytosolic Ca2+ (ca)' },
      { key: 'vol', name: 'cell volume (vol)' },
    ];
    const norm = Object.fromEntries(vars.map((v) => [v.key, normalise(tr.values[v.key])]));
    const half = Object.fromEntries(vars.map((v) => [v.key, firstCrossing(t, norm[v.key], 0.5)]));
    c.add('half-range times ordered lpo < Ca2+ < volume', `lpo ${fx(half.lpo, 1)}, Ca2+ ${fx(half.ca, 1)}, volume ${fx(half.vol, 1)} min`, half.lpo < half.ca && half.ca < half.vol);
    const peg = await presetRun(ctx, 'primed-light-pulse', [`treatments[2]=${JSON.stringify({ agent: 'peg', uM: 10000, start_min: 0 })}`]);
    const base = await presetRun(ctx, 'primed-light-pulse');
    const wp = waveOf(peg);
    c.add('with 10 mM PEG a wave still runs', speedText(wp), wp.detected);
    const d0 = meanDeathDelay(base.sim.state);
    const d1 = meanDeathDelay(peg.sim.state);
    c.add('PEG delays rupture after commitment', `${fx(d0.mean, 1)} -> ${fx(d1.mean, 1)} min (mean over ${d0.n} / ${d1.n} ruptured cells)`, d1.mean > d0.mean);
    const t0 = Number.isFinite(tDying) ? tDying - 90 : 360;
    const t1 = Number.isFinite(tDead) ? tDead + 30 : scenario.duration_min;
    const win = (key: string) => t.map((x, k) => [x, norm[key][k]] as [number, number]).filter(([x]) => x >= t0 && x <= t1);
    const chart = lineChart({
      title: `One dying cell 1 mm from the pulse (site ${cell})`,
      x: { label: 'time', unit: 'min' },
      y: { label: 'value rescaled to its own range', unit: '0-1', domain: [-0.02, 1.05] },
      series: vars.map((v) => ({ name: v.name, points: win(v.key) })),
      rules: [
        ...vars.map((v, k) => ({ axis: 'x' as const, at: half[v.key], color: ['#0072b2', '#d55e00', '#009e73'][k] })),
        { axis: 'y', at: 0.5, label: 'half range' },
        ...(Number.isFinite(tDying) ? [{ axis: 'x' as const, at: tDying, label: 'committed', color: '#555' }] : []),
        ...(Number.isFinite(tDead) ? [{ axis: 'x' as const, at: tDead, label: 'ruptured', color: '#000' }] : []),
      ],
    });
    const unprimed = await presetRun(ctx, 'unprimed-light-pulse');
    const low = await presetRun(ctx, 'primed-light-pulse', ['treatments[0].uM=1.25']);
    const fer = await presetRun(ctx, 'primed-light-pulse', [`treatments[2]=${JSON.stringify({ agent: 'ferrostatin-1', uM: 5, start_min: 0 })}`]);
    const survival = survivalFigure('survival.svg', 'Survival in a 400 x 40 dish (light pulse at 360 min)', 'Fraction of the initial cells alive (not dying or dead) against time', [
      { name: '10 uM erastin', run: base },
      { name: '10 uM erastin + 10 mM PEG', run: peg },
      { name: '1.25 uM erastin', run: low },
      { name: '10 uM erastin + 5 uM ferrostatin-1', run: fer },
      { name: 'no erastin', run: unprimed },
    ]);
    const figures: Figure[] = [
      { file: 'event-order.svg', caption: 'Lipid peroxides, cytosolic Ca2+ and volume of one cell in the wave, each rescaled to 0-1 over the run; vertical lines: half-range times, commitment and rupture', svg: chart },
      survival,
    ];
    return result(c, `half-range at lpo ${fx(half.lpo, 1)} < Ca2+ ${fx(half.ca, 1)} < vol ${fx(half.vol, 1)} min; PEG: ${speedText(wp)}, rupture ${fx(d0.mean, 0)} -> ${fx(d1.mean, 0)} min after commitment`, figures, [commands([{ name: 'event order', run: r }, { name: 'PEG', run: peg }])]);
  },
};

// ---------------------------------------------------------------------------------------------
// gaps (MODEL.md section 3)

const gaps: Behaviour = {
  id: 'gaps',
  title: 'The wave crosses narrow cell-free gaps and stops at wide ones',
  target: 'The diffusible oxidant that carries the wave must be able to cross cell-free gaps of a few cell diameters.',
  pass: 'primed-gap preset (10 uM erastin, gaps of 40 um at x = 2000 um and 200 um at x = 5000 um): > 90% of the cells between the gaps die, none beyond the 200 um gap.',
  source: 'MODEL.md section 3; gap widths are this project\'s choice',
  async run(ctx) {
    const r = await presetRun(ctx, 'primed-gap');
    const sc = r.scenario;
    const [g1, g2] = [...sc.tissue.gaps].sort((a, b) => a.x_um - b.x_um);
    const site = sc.lattice.site_um;
    const between = committedFractionIn(r.sim.state, site, g1.x_um + g1.width_um, g2.x_um);
    const beyond = committedFractionIn(r.sim.state, site, g2.x_um + g2.width_um, sc.lattice.width * site);
    const c = new Criteria();
    c.add(`> 90% dead between the ${g1.width_um} um and ${g2.width_um} um gaps`, `${fx(100 * between.fraction, 1)} % of ${between.cells} cells`, between.fraction > 0.9);
    c.add(`none beyond the ${g2.width_um} um gap`, `${fx(100 * beyond.fraction, 1)} % of ${beyond.cells} cells`, beyond.fraction === 0);
    const figures: Figure[] = [
      kymographFigure(r, {
        file: 'kymograph-fate.svg',
        title: 'Kymograph of cell fate with two cell-free gaps (10 uM erastin)',
        caption: 'Fraction of cells dying or dead per column bin against time; white bands: the cell-free gaps',
        what: { kind: 'committed' },
        color: { label: 'fraction dying or dead', unit: '1', domain: [0, 1] },
        tMin: 300,
        bands: sc.tissue.gaps.map((g) => ({ axis: 'x' as const, from: g.x_um, to: g.x_um + g.width_um, label: `${g.width_um} um gap` })),
      }),
    ];
    return result(c, `${fx(100 * between.fraction, 1)} % dead between the gaps, ${fx(100 * beyond.fraction, 1)} % beyond the ${g2.width_um} um gap`, figures, [commands([{ name: 'gaps', run: r }])]);
  },
};

// ---------------------------------------------------------------------------------------------
// the registry, in report order

export const BEHAVIOURS: Behaviour[] = [
  wave51,
  reach52,
  threshold53,
  gsh54,
  inhibitors55,
  bistable56,
  pending({
    id: '5.7',
    title: 'Synchronous death under very strong priming',
    target: 'Very strong priming can push every cell over the edge at once: synchronous death instead of a wave. The model must show where that regime starts for each inducer.',
    source: `${CO_2024} (the one-variable model is bistable only for erastin ~0.39-11.7 uM; MODEL.md section 6)`,
  }),
  pending({
    id: '5.8',
    title: 'Direct GPX4 inhibitors kill faster and propagate little',
    target: 'Direct GPX4 inhibitors (RSL3, ML162) kill faster than erastin (no GSH depletion lag) and give little long-range propagation in the setting where erastin propagates.',
    source: CO_2024,
  }),
  order59,
  pending({
    id: '5.10',
    title: 'Dense, contact-inhibited cells resist better than sparse ones',
    target: 'Dense, contact-inhibited cells resist better than sparse ones (E-cadherin / NF2 / YAP lowers ACSL4 and TFR1).',
    source: 'Wu et al., Nature 572:402 (2019)',
  }),
  pending({
    id: '5.11',
    title: 'Zinc chelation protects, zinc supplementation sensitises; ZIP7 loss protects',
    target: 'Zinc chelation protects and zinc supplementation sensitises, even under iron chelation; ZIP7 loss protects.',
    source: 'Chen et al., Cell Death Dis 12 (2021)',
  }),
  pending({
    id: '5.12',
    title: 'Selenium protects through GPX4',
    target: 'Selenium supplementation protects through GPX4; GPX4 loss or selenium deprivation sensitises.',
    source: 'Ingold et al., Cell 172:409 (2018)',
  }),
  pending({
    id: '5.13',
    title: 'Iron chelation, iron loading, NOX and FSP1 change the wave speed',
    target: 'Iron chelation slows and, at high enough dose, stops the wave; iron loading, NOX activity and FSP1 inhibition change the wave speed in the directions the biology implies (checked quantitatively against the literature).',
    source: `${CO_2024}; Doll et al., Nature (2019) (FSP1)`,
  }),
  gaps,
  pending({
    id: 'spontaneous',
    title: 'Spontaneous initiation of waves in primed tissue',
    target: 'Without a light pulse, waves in a primed dish start from spontaneous, iron-dependent ROS bursts in single cells (`burst_rate`, docs/model.md 3.11); the rate is still to be calibrated.',
    source: `${CO_2024}; docs/model.md section 3.11`,
  }),
];

// How to add a check: give the entry a `run(ctx)` that
//   1. builds scenarios with ctx.scenario(preset, ['path=value', ...]) (reproducible with `ferrowave run`),
//   2. runs them with ctx.run({ scenario, command, kymographs?, track?, probes? }) (memoised: the
//      same scenario and recording spec runs once per validation, shared between checks),
//   3. records each criterion with Criteria.add(what, model value, ok) and returns result(...)
//      with its figures (src/report/svg.ts builders or the helpers in ./figures.ts).
