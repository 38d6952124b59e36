// Why this file exists: the registry of behaviours from MODEL.md section 5 that the validation
// report checks at full size, each with its target (numbers and the pass criterion), its source,
// and a `run` that simulates, measures, decides pass/fail and draws its figures.
// Every behaviour has a check; a new one is an object with a `run` (see the note at the end of this
// file), using ctx.scenario/ctx.run and the helpers in kit.ts, measures.ts and figures.ts.
import { ALIVE, DEAD, DYING, EMPTY, NECROTIC, type SimState, VESSEL } from '../model/layout';
import { barChart, heatmap, lineChart, PALETTE, type Series } from '../report/svg';
import { siteAt } from './context';
import { frontFigure, kymographFigure, survivalFigure } from './figures';
import { Criteria, commands, dishOutcome, dishRun, type FrontSpeed, frontAdvance, frontSpeed, maxAliveRos, meanDeathDelay, presetRun, result, speedText, waveOf } from './kit';
import { committedFractionIn, committedProfile, doseAtLevel, frontPoints, fx, quantile, riseTime, sampleAt } from './measures';
import type { Behaviour, CheckContext, Figure, RunResult, Snapshot } from './types';

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
    c.add('early / late speed within 10%', `${fx(w.speed_early)} / ${fx(w.speed_late)} um/min (ratio ${fx(ratio, 3)})`, Math.abs(ratio - 1) < 0.1);
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
      kymographFigure(r, { file: 'kymograph-fate.svg', title: 'Kymograph of cell fate, 10 uM erastin + light pulse at 360 min', caption: 'Fraction of cells dying or dead in each 40 um column bin (all 40 rows) against time, from 300 min; the dashed line is the linear fit of the front', what: { kind: 'committed' }, color: { label: 'fraction dying or dead', unit: '1', domain: [0, 1] }, overlays: overlay, tMin: 300 }),
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
    c.add('5-h GSH halves below 0.6 uM', at5[0] <= 50 ? `at or below ${DOSES_54[0]} uM` : `at ${fx(half, 2)} uM`, half < 0.6);
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
    return result(c, `5 h: ${at5.map((v) => fx(v, 0)).join(', ')} % (data ${GSH_CO_5H.join(', ')}); 8 h: ${at8.map((v) => fx(v, 0)).join(', ')} %; halves ${at5[0] <= 50 ? `at or below ${DOSES_54[0]}` : `at ${fx(half, 2)}`} uM`, figures, [table, commands([{ name: 'control', run: control }, { name: '10 uM', run: runs[runs.length - 1] }])]);
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
  pass: '10 uM erastin, pulse at 360-370 min: a 0.5 a.u. pulse commits no cell and the illuminated cell\'s ROS ends within 10% of its value in the same dish without a pulse (ROS drifts while erastin acts); a 30 a.u. pulse launches a wave; without erastin a 30 a.u. pulse launches no wave and no alive cell holds ROS > 1 a.u. from 60 min after the pulse.',
  source: CO_2024,
  async run(ctx) {
    const common = ['duration_min=600', 'output.sample_every_min=1'];
    const specs = [
      { name: 'primed, no pulse', preset: 'primed-light-pulse', overrides: ['treatments[1].dose=0', ...common] },
      { name: 'primed, 0.5 a.u.', preset: 'primed-light-pulse', overrides: ['treatments[1].dose=0.5', ...common] },
      { name: 'primed, 30 a.u.', preset: 'primed-light-pulse', overrides: common },
      { name: 'unprimed, 30 a.u.', preset: 'unprimed-light-pulse', overrides: common },
    ];
    const runs = await Promise.all(specs.map(async (s) => {
      const { scenario, command } = ctx.scenario(s.preset, s.overrides);
      const cells = [siteAt(scenario, 10, 390), siteAt(scenario, 150, 390)];
      return { ...s, run: await ctx.run({ scenario, command, track: { cells, vars: ['ros'] }, probes: { maxAliveRos } }) };
    }));
    const [none, sub, supra, unprimed] = runs.map((x) => x.run);
    const c = new Criteria();
    const subLast = sub.samples[sub.samples.length - 1];
    c.add('primed, 0.5 a.u.: no cell commits', `${subLast.dying + subLast.dead} committed`, subLast.dying + subLast.dead === 0);
    // ROS drifts up while erastin depletes GSH, so "relaxes" is judged against the same dish without a pulse
    const peak = Math.max(...sub.tracks[0].values.ros);
    const litEnd = sub.tracks[0].values.ros[sub.samples.length - 1];
    const ctlEnd = none.tracks[0].values.ros[none.samples.length - 1];
    c.add('primed, 0.5 a.u.: the illuminated cell ends within 10% of the unpulsed dish', `peak ${fx(peak, 3)}, end ${fx(litEnd, 3)} a.u. vs ${fx(ctlEnd, 3)} a.u. without pulse`, Math.abs(litEnd / ctlEnd - 1) < 0.1);
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
      const color = ['#777777', '#0072b2', '#d55e00', '#009e73'][k];
      x.run.tracks.forEach((tr, j) => {
        const pts = x.run.samples.map((s, i) => [s.t_min, tr.status[i] === DEAD ? Number.NaN : tr.values.ros[i]] as [number, number]).filter(([t]) => t >= 300);
        series.push({ name: `${x.name}: ${j === 0 ? 'cell in the pulse' : 'cell 50 um beyond'}`, points: pts, color, dash: j === 1 });
      });
    });
    const chart = lineChart({
      title: 'ROS of single cells around the pulse (360-370 min)',
      x: { label: 'time', unit: 'min' },
      y: { label: 'ROS', unit: 'a.u.', log: true },
      series,
      rules: [{ axis: 'y', at: 1, label: 'NOX feedback half-activation (1 a.u.)' }],
    });
    const figures: Figure[] = [{ file: 'ros-traces.svg', caption: 'ROS of a cell inside the pulse disc (solid) and of a cell 50 um beyond its edge (dashed), until rupture; grey: the same dish without a pulse; log axis', svg: chart }];
    return result(c, `0.5 a.u.: ${subLast.dying + subLast.dead} cells commit, the illuminated cell's ROS peaks at ${fx(peak, 2)} and ends at ${fx(litEnd, 3)} a.u. (${fx(ctlEnd, 3)} without pulse); 30 a.u.: ${speedText(ws)} primed, ${speedText(wu)} unprimed (max alive ROS after 430 min ${fx(maxLate, 3)} a.u.)`, figures, [commands(runs.map((x) => ({ name: x.name, run: x.run })))]);
  },
};

// ---------------------------------------------------------------------------------------------
// 5.7 synchronous death: where it starts for each inducer

const YANG_2014 = 'Yang et al., Cell 156:317 (2014)';

const INDUCERS_57 = [
  { agent: 'erastin', label: 'erastin', doses: [5, 10, 12.5, 15, 17.5, 20, 40], none: 10, all: 20, minutes: 1200 },
  { agent: 'rsl3', label: 'RSL3', doses: [0.005, 0.01, 0.03, 0.1, 0.2, 0.3, 0.5, 1], none: 0.005, all: 1, minutes: 1200 },
  { agent: 'ml162', label: 'ML162', doses: [0.01, 0.03, 0.1, 0.2, 0.3, 0.5, 1], none: 0.01, all: 1, minutes: 1200 },
  { agent: 'bso', label: 'BSO', doses: [100, 200, 500, 700, 1000], none: 100, all: 1000, minutes: 2400 },
  { agent: 'fin56', label: 'FIN56', doses: [0.1, 0.3, 1, 2, 3, 10], none: 0.1, all: 10, minutes: 2400 },
] as const;

/** A 20 x 20 dish with one inducer from t = 0 and no pulse (shared by 5.7 and 5.8). */
const inducerDish = (ctx: CheckContext, agent: string, uM: number, minutes: number) => dishRun(ctx, `dish-${agent}-${uM}uM`, [{ agent, uM, start_min: 0 }], { minutes });

/** A dose without trailing zeros. */
const dose = (v: number) => (Number.isFinite(v) ? String(Number(v.toPrecision(6))) : '–');

const synchronous57: Behaviour = {
  id: '5.7',
  title: 'Synchronous death under very strong priming',
  target: 'Very strong priming can push every cell over the edge at once: synchronous death instead of a wave. The model must show where that regime starts for each inducer.',
  pass: 'On 20 x 20 site dishes without a pulse (the fast tests\' dishes, seed 1): with erastin no cell commits at 10 uM in 20 h and every cell does at 20 uM, half of them after > 5 h (after GSH has fallen); RSL3: none at 0.005, all at 1 uM; ML162: none at 0.01, all at 1 uM (20 h); BSO: none at 100, all at 1000 uM; FIN56: none at 0.1, all at 10 uM (40 h). Where the regime starts is read from a dose sweep: between the highest dose at which no cell commits and the lowest at which all do.',
  source: `${CO_2024} (the one-variable model is bistable only for erastin ~0.39-11.7 uM); ${YANG_2014} (RSL3, ML162, BSO and FIN56)`,
  async run(ctx) {
    const sweeps: Array<(typeof INDUCERS_57)[number] & { points: Array<{ dose: number; run: RunResult; out: ReturnType<typeof dishOutcome>; spread: number }> }> = [];
    for (const ind of INDUCERS_57) {
      const points: (typeof sweeps)[number]['points'] = [];
      for (const d of ind.doses) {
        const r = await inducerDish(ctx, ind.agent, d, ind.minutes);
        const t = r.sim.state.cell.t_dying;
        points.push({ dose: d, run: r, out: dishOutcome(r), spread: quantile(t, 0.9) - quantile(t, 0.1) });
      }
      sweeps.push({ ...ind, points });
    }
    const c = new Criteria();
    const at = (s: (typeof sweeps)[number], d: number) => s.points.find((p) => p.dose === d)!;
    const hours = (m: number) => `${fx(m / 60, 0)} h`;
    for (const s of sweeps) {
      const none = at(s, s.none);
      const all = at(s, s.all);
      c.add(`${s.label} ${s.none} uM: no cell commits in ${hours(s.minutes)}`, `${fx(100 * none.out.fraction, 1)} % of ${none.out.cells}`, none.out.fraction === 0);
      c.add(`${s.label} ${s.all} uM: every cell commits in ${hours(s.minutes)}`, `${fx(100 * all.out.fraction, 1)} %${all.out.t50 !== null ? `, half by ${all.out.t50} min` : ''}`, all.out.fraction === 1);
      if (s.agent === 'erastin') c.add(`erastin ${s.all} uM: half of the cells commit after > 300 min`, `${all.out.t50 ?? '–'} min`, (all.out.t50 ?? 0) > 300);
    }
    const regime = sweeps.map((s) => {
      const lo = s.points.filter((p) => p.out.fraction === 0).map((p) => p.dose);
      const hi = s.points.filter((p) => p.out.fraction === 1).map((p) => p.dose);
      return `${s.label} ${dose(lo.length ? Math.max(...lo) : Number.NaN)}-${dose(hi.length ? Math.min(...hi) : Number.NaN)}`;
    });
    const chart = lineChart({
      title: 'Cells committed without a trigger against inducer dose (20 x 20 dishes)',
      x: { label: 'inducer', unit: 'uM', log: true, domain: [0.003, 2000] },
      y: { label: 'fraction of cells dying or dead at the end', unit: '1', domain: [-0.02, 1.05] },
      series: sweeps.map((s) => ({ name: `${s.label} (${hours(s.minutes)})`, points: s.points.map((p) => [p.dose, p.out.fraction] as [number, number]), marker: 'circle' as const })),
    });
    const table = [
      '| inducer | dose (uM) | run (h) | committed at the end | first commitment (min) | half committed (min) | 10-90% spread of commitment times (min) |',
      '|---|---|---|---|---|---|---|',
      ...sweeps.flatMap((s) => s.points.map((p) => `| ${s.label} | ${p.dose} | ${s.minutes / 60} | ${fx(100 * p.out.fraction, 1)} % | ${p.out.first ?? '–'} | ${p.out.t50 ?? '–'} | ${fx(p.spread, 0)} |`)),
    ].join('\n');
    const figures: Figure[] = [{ file: 'dose-response.svg', caption: 'Fraction of the cells of a 20 x 20 dish without a pulse that commit by the end (20 h; BSO and FIN56 40 h) against the dose of each inducer: the step is where synchronous death starts', svg: chart }];
    return result(c, `synchronous death starts between (uM): ${regime.join('; ')}`, figures, [table, commands(sweeps.flatMap((s) => [at(s, s.none), at(s, s.all)].map((p) => ({ name: `${s.label} ${p.dose} uM`, run: p.run }))))]);
  },
};

// ---------------------------------------------------------------------------------------------
// 5.8 direct GPX4 inhibitors

const rsl3Pulse = (ctx: CheckContext, agent: string, uM: number, pulse_min: number) =>
  presetRun(ctx, 'primed-light-pulse', [`treatments[0]=${JSON.stringify({ agent, uM, start_min: 0 })}`, ...(pulse_min === 360 ? [] : [`treatments[1].start_min=${pulse_min}`, `treatments[1].end_min=${pulse_min + 10}`])]);

const gpx4Inhibitors58: Behaviour = {
  id: '5.8',
  title: 'Direct GPX4 inhibitors kill faster and propagate little',
  target: 'Direct GPX4 inhibitors (RSL3, ML162) kill faster than erastin (no GSH depletion lag) and give little long-range propagation in the setting where erastin propagates.',
  pass: 'In 20 x 20 dishes without a pulse, 1 uM RSL3 or ML162 commits half of the cells in less than half the time 20 uM erastin takes. In the full 400 x 40 dish with the light pulse moved to 100 min (before the inhibitor has killed), 1 uM RSL3 or ML162: every cell commits within 120 min of the first, no wave is detected, and the pattern is synchronous.',
  source: `${CO_2024}; ${YANG_2014}`,
  async run(ctx) {
    const era = await inducerDish(ctx, 'erastin', 20, 1200);
    const te = dishOutcome(era).t50 ?? Number.NaN;
    const c = new Criteria();
    const agents = [{ agent: 'rsl3', label: 'RSL3' }, { agent: 'ml162', label: 'ML162' }];
    const dishes = [];
    const fulls = [];
    for (const a of agents) {
      const d = await inducerDish(ctx, a.agent, 1, 1200);
      const t50 = dishOutcome(d).t50 ?? Number.NaN;
      dishes.push({ ...a, run: d, t50 });
      c.add(`${a.label} 1 uM: half committed in < half the time of 20 uM erastin (dish)`, `${fx(t50, 0)} vs ${fx(te, 0)} min`, t50 < te / 2);
    }
    for (const a of agents) {
      const r = await rsl3Pulse(ctx, a.agent, 1, 100);
      const t = r.sim.state.cell.t_dying;
      let lo = Number.POSITIVE_INFINITY, hi = Number.NEGATIVE_INFINITY, n = 0;
      for (let i = 0; i < r.sim.state.n; i++) {
        if (!Number.isFinite(t[i])) continue;
        lo = Math.min(lo, t[i]);
        hi = Math.max(hi, t[i]);
        n++;
      }
      const w = waveOf(r);
      fulls.push({ ...a, run: r, lo, hi, n, w });
      c.add(`${a.label} 1 uM, 400 x 40 dish: every cell commits within 120 min of the first`, `${n} of ${r.samples[0].alive} cells, ${fx(lo, 1)}-${fx(hi, 1)} min (span ${fx(hi - lo, 1)} min)`, n === r.samples[0].alive && hi - lo < 120);
      c.add(`${a.label} 1 uM, 400 x 40 dish: no wave, pattern synchronous`, `${w.detected ? speedText(w) : 'no wave'}, pattern ${w.pattern}`, !w.detected && w.pattern === 'synchronous');
    }
    // for information: low RSL3 doses with the standard pulse at 360 min
    const low = [];
    for (const d of [0.01, 0.03, 0.1]) {
      const r = await rsl3Pulse(ctx, 'rsl3', d, 360);
      low.push({ dose: d, run: r, w: waveOf(r), committed: r.summary.death.fraction_final });
    }
    const erastinWave = await presetRun(ctx, 'primed-light-pulse');
    const lowTable = [
      'For information, lower RSL3 doses with the standard pulse at 360 min (400 x 40 dish):',
      '',
      '| RSL3 (uM) | wave | pattern | reach (um) | committed at 900 min |',
      '|---|---|---|---|---|',
      ...low.map((x) => `| ${x.dose} | ${speedText(x.w)} | ${x.w.pattern} | ${fx(x.w.reach_um, 0)} | ${fx(100 * x.committed, 1)} % |`),
      `| (10 uM erastin) | ${speedText(waveOf(erastinWave))} | ${waveOf(erastinWave).pattern} | ${fx(waveOf(erastinWave).reach_um, 0)} | ${fx(100 * erastinWave.summary.death.fraction_final, 1)} % |`,
    ].join('\n');
    const figures: Figure[] = [
      survivalFigure('survival.svg', 'Survival in 20 x 20 dishes without a pulse', 'Fraction of the initial cells not ruptured (solid) and not committed (dashed): RSL3 and ML162 kill within 3 h, erastin only after GSH has fallen', [
        ...dishes.map((d) => ({ name: `${d.label} 1 uM`, run: d.run })),
        { name: 'erastin 20 uM', run: era },
      ]),
      kymographFigure(fulls[0].run, { file: 'kymograph-rsl3.svg', title: 'Kymograph of cell fate, 1 uM RSL3, light pulse at 100 min (400 x 40 sites)', caption: 'Fraction of cells dying or dead per column bin against time: the whole dish commits within about 2 h, with no front from the pulse at the left edge', what: { kind: 'committed' }, color: { label: 'fraction dying or dead', unit: '1', domain: [0, 1] }, tMin: 60 }),
    ];
    const model = `dish t50: ${dishes.map((d) => `${d.label} ${fx(d.t50, 0)}`).join(', ')} vs erastin 20 uM ${fx(te, 0)} min; 400 x 40: ${fulls.map((f) => `${f.label} all commit in ${fx(f.hi - f.lo, 0)} min, ${f.w.pattern}`).join('; ')}; RSL3 0.01/0.03/0.1 uM with a pulse: ${low.map((x) => (x.w.detected ? fx(x.w.speed_um_per_min) : x.w.pattern)).join(' / ')}`;
    return result(c, model, figures, [lowTable, commands([...fulls.map((f) => ({ name: `${f.label} 1 uM, pulse at 100 min`, run: f.run })), ...dishes.map((d) => ({ name: `${d.label} 1 uM dish`, run: d.run })), { name: 'erastin 20 uM dish', run: era }])]);
  },
};

// ---------------------------------------------------------------------------------------------
// 5.9 order of events in a dying cell; osmoprotection

/** Tracked cells of 5.9: distance from the left edge (um); the figure shows the 1 mm one. */
const ORDER_CELLS_UM = [600, 1000, 1500, 2000];
const ORDER_VARS = [
  { key: 'lpo', name: 'lipid peroxides (lpo, a.u.)' },
  { key: 'ca', name: 'cytosolic Ca2+ (ca, uM)' },
  { key: 'vol', name: 'cell volume (vol, rel.)' },
] as const;
/** the pre-death baseline is read this long before commitment, min (before the front's oxidant arrives) */
const BASELINE_LEAD_MIN = 90;

const order59: Behaviour = {
  id: '5.9',
  title: 'Order of events in a dying cell; blocking rupture does not stop the wave',
  target: 'In a dying cell lipid peroxides rise, then cytosolic Ca2+ rises, then the cell swells and ruptures. Blocking rupture (osmoprotectant) delays death but does not stop the wave, which runs upstream of rupture.',
  pass: `In cells 0.6, 1, 1.5 and 2 mm from the pulse (10 uM erastin) each rise starts in the order lpo < Ca2+ < volume, and each cell ruptures. A rise starts when the variable first exceeds its pre-death baseline (its value ${BASELINE_LEAD_MIN} min before commitment) by 10% of its rise up to rupture; the times at 50% of the rise are shown too. With 10 mM PEG a wave still runs and commitment-to-rupture takes longer.`,
  source: `Riegman et al., Nat Cell Biol 22:1042 (2020); Pedrera et al., Cell Death Differ 28:1644 (2021); ${CO_2024}`,
  async run(ctx) {
    const { scenario, command } = ctx.scenario('primed-light-pulse', ['output.sample_every_min=0.5']);
    const yMid = (scenario.lattice.height * scenario.lattice.site_um) / 2;
    const cells = ORDER_CELLS_UM.map((x) => siteAt(scenario, x, yMid));
    const r = await ctx.run({ scenario, command, track: { cells, vars: ['lpo', 'ca', 'vol', 'ros'] } });
    const t = r.samples.map((s) => s.t_min);
    const c = new Criteria();
    const timing = r.tracks.map((tr, k) => {
      const tDying = r.sim.state.cell.t_dying[tr.index];
      const tDead = r.sim.state.cell.t_dead[tr.index];
      const tBase = tDying - BASELINE_LEAD_MIN;
      const rise = Object.fromEntries(ORDER_VARS.map((v) => [v.key, { onset: riseTime(t, tr.values[v.key], tBase, tDead, 0.1), mid: riseTime(t, tr.values[v.key], tBase, tDead, 0.5) }]));
      return { x_um: ORDER_CELLS_UM[k], tr, tDying, tDead, rise };
    });
    for (const tm of timing) {
      const o = (key: string) => tm.rise[key].onset.time;
      const m = (key: string) => tm.rise[key].mid.time;
      c.add(`cell ${fx(tm.x_um / 1000, 1)} mm from the pulse: commits and ruptures`, `committed ${fx(tm.tDying, 1)}, ruptured ${fx(tm.tDead, 1)} min`, Number.isFinite(tm.tDead));
      c.add(`cell ${fx(tm.x_um / 1000, 1)} mm: rises start lpo < Ca2+ < volume`, `onset lpo ${fx(o('lpo'), 1)}, Ca2+ ${fx(o('ca'), 1)}, volume ${fx(o('vol'), 1)} min (50% of rise: ${fx(m('lpo'), 1)}, ${fx(m('ca'), 1)}, ${fx(m('vol'), 1)})`, o('lpo') < o('ca') && o('ca') < o('vol'));
    }
    const main = timing[ORDER_CELLS_UM.indexOf(1000)];
    const timingTable = [
      '| cell | variable | baseline | value at rupture (max) | rise starts (10%) at (min) | 50% of rise at (min) |',
      '|---|---|---|---|---|---|',
      ...timing.flatMap((tm) => ORDER_VARS.map((v) => `| ${fx(tm.x_um / 1000, 1)} mm | ${v.name} | ${fx(tm.rise[v.key].onset.baseline, 3)} | ${fx(tm.rise[v.key].onset.peak, 3)} | ${fx(tm.rise[v.key].onset.time, 1)} | ${fx(tm.rise[v.key].mid.time, 1)} |`)),
    ].join('\n');
    const peg = await presetRun(ctx, 'primed-light-pulse', [`treatments[2]=${JSON.stringify({ agent: 'peg', uM: 10000, start_min: 0 })}`]);
    const base = await presetRun(ctx, 'primed-light-pulse');
    const wp = waveOf(peg);
    c.add('with 10 mM PEG a wave still runs', speedText(wp), wp.detected);
    const d0 = meanDeathDelay(base.sim.state);
    const d1 = meanDeathDelay(peg.sim.state);
    c.add('PEG delays rupture after commitment', `${fx(d0.mean, 1)} -> ${fx(d1.mean, 1)} min (mean over ${d0.n} / ${d1.n} ruptured cells)`, d1.mean > d0.mean);
    // the 1 mm cell, each variable rescaled to its rise above the pre-death baseline
    const t0 = Number.isFinite(main.tDying) ? main.tDying - BASELINE_LEAD_MIN : 360;
    const t1 = Number.isFinite(main.tDead) ? main.tDead + 20 : scenario.duration_min;
    const scaled = (key: string) => {
      const { baseline, peak } = main.rise[key].onset;
      return t.map((x, k) => [x, (main.tr.values[key][k] - baseline) / (peak - baseline)] as [number, number]).filter(([x]) => x >= t0 && x <= t1);
    };
    const colors = ['#0072b2', '#d55e00', '#009e73'];
    const chart = lineChart({
      title: `One dying cell 1 mm from the pulse (site ${main.tr.index})`,
      x: { label: 'time', unit: 'min' },
      y: { label: 'rise above baseline / rise to rupture', unit: '1', domain: [-0.05, 1.08] },
      series: ORDER_VARS.map((v, k) => ({ name: v.name, points: scaled(v.key), color: colors[k] })),
      rules: [
        ...ORDER_VARS.map((v, k) => ({ axis: 'x' as const, at: main.rise[v.key].onset.time, color: colors[k] })),
        { axis: 'y', at: 0.1, label: 'rise starts (10%)' },
        ...(Number.isFinite(main.tDying) ? [{ axis: 'x' as const, at: main.tDying, label: 'committed', color: '#555' }] : []),
        ...(Number.isFinite(main.tDead) ? [{ axis: 'x' as const, at: main.tDead, label: 'ruptured', color: '#000' }] : []),
      ],
    });
    const unprimed = await presetRun(ctx, 'unprimed-light-pulse');
    const low = await presetRun(ctx, 'primed-light-pulse', ['treatments[0].uM=1.25']);
    const fer = await presetRun(ctx, 'primed-light-pulse', [`treatments[2]=${JSON.stringify({ agent: 'ferrostatin-1', uM: 5, start_min: 0 })}`]);
    const survival = survivalFigure('survival.svg', 'Survival in a 400 x 40 dish (light pulse at 360 min)', 'Fraction of the initial cells not ruptured (alive or dying, solid) and not committed (alive, dashed) against time; PEG delays rupture, not commitment', [
      { name: '10 uM erastin', run: base },
      { name: '10 uM erastin + 10 mM PEG', run: peg },
      { name: '1.25 uM erastin', run: low },
      { name: '10 uM erastin + 5 uM ferrostatin-1', run: fer },
      { name: 'no erastin', run: unprimed },
    ]);
    const figures: Figure[] = [
      { file: 'event-order.svg', caption: `Lipid peroxides, cytosolic Ca2+ and volume of one cell in the wave, each as its rise above its value ${BASELINE_LEAD_MIN} min before commitment, as a fraction of its rise up to rupture; coloured vertical lines: where each rise starts (10%)`, svg: chart },
      survival,
    ];
    const o = (key: string) => fx(main.rise[key].onset.time, 1);
    const m = (key: string) => fx(main.rise[key].mid.time, 1);
    return result(c, `1 mm cell: rises start at lpo ${o('lpo')}, Ca2+ ${o('ca')}, vol ${o('vol')} min (50% of rise at ${m('lpo')}, ${m('ca')}, ${m('vol')}); ordered in ${timing.filter((tm) => tm.rise.lpo.onset.time < tm.rise.ca.onset.time && tm.rise.ca.onset.time < tm.rise.vol.onset.time).length} of ${timing.length} cells; PEG: ${speedText(wp)}, rupture ${fx(d0.mean, 0)} -> ${fx(d1.mean, 0)} min after commitment`, figures, [timingTable, commands([{ name: 'event order', run: r }, { name: 'PEG', run: peg }])]);
  },
};

// ---------------------------------------------------------------------------------------------
// 5.10 density

const DENSITIES_510 = [0.3, 0.5, 0.7, 0.85, 1];

const density510: Behaviour = {
  id: '5.10',
  title: 'Dense, contact-inhibited cells resist better than sparse ones',
  target: 'Dense, contact-inhibited cells resist better than sparse ones (E-cadherin / NF2 / YAP lowers ACSL4 and TFR1).',
  pass: 'Full 400 x 40 dish, 10 uM erastin, no pulse, 25 h: at density 0.3 (fraction of sites seeded) > 80% of the cells commit; the confluent dish (density 1) loses none. Intermediate densities are shown for information.',
  source: 'Wu et al., Nature 572:402 (2019)',
  async run(ctx) {
    const runs = [];
    for (const d of DENSITIES_510) {
      const { scenario, command } = ctx.scenario('primed-light-pulse', ['duration_min=1500', `treatments=${JSON.stringify([{ agent: 'erastin', uM: 10, start_min: 0 }])}`, ...(d === 1 ? [] : [`tissue.density=${d}`])]);
      const r = await ctx.run({ scenario, command });
      runs.push({ density: d, run: r, out: dishOutcome(r), at6: sampleAt(r.samples, 360).means });
    }
    const sparse = runs[0];
    const dense = runs[runs.length - 1];
    const c = new Criteria();
    c.add('density 0.3: > 80% of the cells commit', `${fx(100 * sparse.out.fraction, 1)} % of ${sparse.out.cells}`, sparse.out.fraction > 0.8);
    c.add('density 1: no cell commits', `${fx(100 * dense.out.fraction, 1)} % of ${dense.out.cells}`, dense.out.fraction === 0);
    const chart = lineChart({
      title: 'Cells committed after 25 h of 10 uM erastin against density (400 x 40 dish, no pulse)',
      x: { label: 'density (fraction of sites seeded)', unit: '1', domain: [0.25, 1.02] },
      y: { label: 'fraction of cells dying or dead at 25 h', unit: '1', domain: [-0.02, 1.05] },
      series: [{ name: 'model', points: runs.map((x) => [x.density, x.out.fraction] as [number, number]), marker: 'circle' }],
    });
    const table = [
      '| density | cells | committed at 25 h | first commitment (min) | mean labile iron at 6 h (fe) | mean lpo at 6 h (a.u.) | mean GSH at 6 h |',
      '|---|---|---|---|---|---|---|',
      ...runs.map((x) => `| ${x.density} | ${x.out.cells} | ${fx(100 * x.out.fraction, 1)} % | ${x.out.first ?? '–'} | ${fx(x.at6.fe, 3)} | ${fx(x.at6.lpo, 3)} | ${fx(x.at6.gsh, 1)} |`),
    ].join('\n');
    const figures: Figure[] = [
      { file: 'committed-vs-density.svg', caption: 'Fraction of the cells that commit within 25 h of 10 uM erastin, without a pulse, against seeding density', svg: chart },
      survivalFigure('survival.svg', 'Survival under 10 uM erastin by density (no pulse)', 'Fraction of the initial cells not ruptured (solid) and not committed (dashed) against time', runs.map((x) => ({ name: `density ${x.density}`, run: x.run }))),
    ];
    return result(c, runs.map((x) => `density ${x.density}: ${fx(100 * x.out.fraction, 0)} %`).join(', ') + ' committed at 25 h', figures, [table, commands([{ name: 'density 0.3', run: sparse.run }, { name: 'confluent', run: dense.run }])]);
  },
};

// ---------------------------------------------------------------------------------------------
// 5.11-5.13: the wave speed under treatments (full dish, 10 uM erastin unless stated)

interface SpeedCase {
  name: string;
  /** treatments added after erastin and the pulse */
  extra?: object[];
  erastin?: number;
  params?: Record<string, number>;
}

type SpeedResult = SpeedCase & { run: RunResult; s: FrontSpeed };

async function speedRun(ctx: CheckContext, k: SpeedCase): Promise<SpeedResult> {
  const overrides: string[] = [];
  if (k.erastin !== undefined && k.erastin !== 10) overrides.push(`treatments[0].uM=${k.erastin}`);
  for (const [j, t] of (k.extra ?? []).entries()) overrides.push(`treatments[${2 + j}]=${JSON.stringify(t)}`);
  for (const [p, v] of Object.entries(k.params ?? {})) overrides.push(`params.${p}=${v}`);
  const run = await presetRun(ctx, 'primed-light-pulse', overrides);
  return { ...k, run, s: frontSpeed(run) };
}

const drug = (agent: string, uM: number) => ({ agent, uM, start_min: 0 });
const knockdown = (gene: string, factor: number) => ({ agent: 'knockdown', gene, factor });

/** Bar chart of front speeds (0 = no wave) with the reference speed as a rule. */
function speedBars(title: string, runs: Array<{ name: string; s: FrontSpeed }>, ref: number): string {
  return barChart({
    title,
    x: { label: 'front speed', unit: 'um/min' },
    bars: runs.map((x, k) => ({ label: x.name, value: x.s.v > 0 ? x.s.v : Number.NaN, color: x.s.met_um !== null ? '#e69f00' : PALETTE[k === 0 ? 6 : 0], note: x.s.v > 0 ? `${fx(x.s.v)}${x.s.met_um !== null ? ' (pulse front)' : ''}` : x.s.wave.pattern === 'synchronous' ? 'no wave: synchronous death' : 'no wave' })),
    rules: [{ axis: 'x', at: ref, label: `untreated ${fx(ref)}` }],
  });
}

const speedTable = (runs: Array<{ name: string; s: FrontSpeed; run: RunResult }>) =>
  [
    '| condition | speed (um/min) | pattern | reach (um) | R² | committed at 900 min |',
    '|---|---|---|---|---|---|',
    ...runs.map((x) => `| ${x.name} | ${x.s.text} | ${x.s.wave.pattern} | ${fx(x.s.wave.reach_um, 0)} | ${fx(x.s.wave.r2, 4)} | ${fx(100 * x.run.summary.death.fraction_final, 1)} % |`),
  ].join('\n');

const FRONT_NOTE = 'Speeds are the front fit of the summary; where a front ignited on its own further out meets the pulse front (iron loading), the pulse front is fitted up to where they meet (orange bars).';

const zinc511: Behaviour = {
  id: '5.11',
  title: 'Zinc chelation protects, zinc supplementation sensitises; ZIP7 loss protects',
  target: 'Zinc chelation protects and zinc supplementation sensitises, even under iron chelation; ZIP7 loss protects.',
  pass: 'Full 400 x 40 dish, 10 uM erastin, pulse at 360 min, drugs from t = 0: no wave with 2 uM TPEN; no wave with 100 uM DFO, and with 100 uM DFO + 50 uM ZnCl2 a wave faster than 2 um/min; ZIP7 knock-down to 0.2 slows the wave below 0.7 x the untreated speed; 50 uM ZnCl2 alone gives a faster wave or kills every cell.',
  source: 'Chen et al., Cell Death Dis 12 (2021)',
  async run(ctx) {
    const cases: SpeedCase[] = [
      { name: 'untreated' },
      { name: 'TPEN 2 uM', extra: [drug('tpen', 2)] },
      { name: 'DFO 100 uM', extra: [drug('dfo', 100)] },
      { name: 'DFO 100 + ZnCl2 50 uM', extra: [drug('dfo', 100), drug('zncl2', 50)] },
      { name: 'ZIP7 knock-down 0.2', extra: [knockdown('ZIP7', 0.2)] },
      { name: 'ZnCl2 50 uM', extra: [drug('zncl2', 50)] },
    ];
    const runs: SpeedResult[] = [];
    for (const k of cases) runs.push(await speedRun(ctx, k));
    const [r0, rTpen, rDfo, rDfoZn, rZip7, rZn] = runs;
    const v0 = r0.s.v;
    const c = new Criteria();
    c.add('untreated: wave', r0.s.text, v0 > 0);
    c.add('TPEN 2 uM: no wave', rTpen.s.text, rTpen.s.v === 0);
    c.add('DFO 100 uM: no wave', rDfo.s.text, rDfo.s.v === 0);
    c.add('DFO 100 + ZnCl2 50 uM: wave > 2 um/min', rDfoZn.s.text, rDfoZn.s.v > 2);
    c.add('ZIP7 knock-down 0.2: speed < 0.7 x untreated', `${rZip7.s.text} (${fx(rZip7.s.v / v0, 2)} x)`, rZip7.s.v < 0.7 * v0);
    const allDie = rZn.run.summary.death.fraction_final === 1;
    c.add('ZnCl2 50 uM alone: faster wave or every cell dies', `${rZn.s.text}; ${fx(100 * rZn.run.summary.death.fraction_final, 1)} % committed`, rZn.s.v > v0 || allDie);
    const figures: Figure[] = [
      { file: 'speeds.svg', caption: 'Front speed by zinc treatment (10 uM erastin, 400 x 40 dish); no bar: no wave', svg: speedBars('Wave speed under zinc chelation and supplementation', runs, v0) },
      frontFigure('fronts.svg', 'Front position against time under zinc treatments', 'Furthest committed cell beyond the pulse edge; with ZnCl2 alone every cell dies and the front jumps across the dish', runs.map((x) => ({ name: x.name, run: x.run }))),
    ];
    return result(c, runs.map((x) => `${x.name}: ${x.s.v > 0 ? fx(x.s.v) : x.s.wave.pattern === 'synchronous' ? 'synchronous' : 'none'}`).join('; ') + ' (um/min)', figures, [speedTable(runs), commands(runs.map((x) => ({ name: x.name, run: x.run })))]);
  },
};

const selenium512: Behaviour = {
  id: '5.12',
  title: 'Selenium protects through GPX4',
  target: 'Selenium supplementation protects through GPX4; GPX4 loss or selenium deprivation sensitises.',
  pass: 'Full 400 x 40 dish, pulse at 360 min: at 1.25 uM erastin, 0.5 uM selenite slows the wave below 0.5 x its speed without selenite, or stops it (the front advances no further in the last 2 h while without selenite it still does); no wave at 0.6 uM erastin, but a wave faster than 1 um/min there with GPX4 knocked down to 0.5 or with medium selenium lowered to 0.003 uM (params.se_medium).',
  source: 'Ingold et al., Cell 172:409 (2018)',
  async run(ctx) {
    const cases: SpeedCase[] = [
      { name: 'erastin 1.25 uM', erastin: 1.25 },
      { name: 'erastin 1.25 + selenite 0.5 uM', erastin: 1.25, extra: [drug('selenite', 0.5)] },
      { name: 'erastin 0.6 uM', erastin: 0.6 },
      { name: 'erastin 0.6 uM, GPX4 knock-down 0.5', erastin: 0.6, extra: [knockdown('GPX4', 0.5)] },
      { name: 'erastin 0.6 uM, se_medium 0.003 uM', erastin: 0.6, params: { se_medium: 0.003 } },
    ];
    const runs: SpeedResult[] = [];
    for (const k of cases) runs.push(await speedRun(ctx, k));
    const [e125, se, e06, gpx4, seLow] = runs;
    const c = new Criteria();
    const adv0 = frontAdvance(e125.run);
    const adv1 = frontAdvance(se.run);
    const ratio = se.s.v / e125.s.v;
    const stalled = adv1 <= 0 && adv0 > 0;
    c.add('1.25 uM erastin: wave still advancing at the end', `${e125.s.text}, +${fx(adv0, 0)} um in the last 2 h`, e125.s.v > 0 && adv0 > 0);
    c.add('selenite 0.5 uM: speed < 0.5 x, or the front stops', `${se.s.text} (${fx(ratio, 3)} x); front ${stalled ? `stopped at ${fx(se.s.wave.reach_um, 0)} um` : `+${fx(adv1, 0)} um in the last 2 h`}; ${se.run.summary.death.committed_total} vs ${e125.run.summary.death.committed_total} cells committed`, ratio < 0.5 || stalled);
    c.add('0.6 uM erastin: no wave', e06.s.text, e06.s.v === 0);
    c.add('0.6 uM, GPX4 knock-down 0.5: wave > 1 um/min', gpx4.s.text, gpx4.s.v > 1);
    c.add('0.6 uM, se_medium 0.003 uM: wave > 1 um/min', seLow.s.text, seLow.s.v > 1);
    const gpxTable = [
      '| condition | speed (um/min) | reach (um) | front advance in the last 2 h (um) | cells committed | mean GPX4 at 6 h |',
      '|---|---|---|---|---|---|',
      ...runs.map((x) => `| ${x.name} | ${x.s.text} | ${fx(x.s.wave.reach_um, 0)} | ${fx(frontAdvance(x.run), 0)} | ${x.run.summary.death.committed_total} | ${fx(sampleAt(x.run.samples, 355).means.gpx4, 3)} |`),
    ].join('\n');
    const figures: Figure[] = [
      frontFigure('fronts.svg', 'Front position against time: selenium and GPX4', 'Furthest committed cell beyond the pulse edge: selenite stops the 1.25 uM front after a few cells; GPX4 loss or selenium deprivation lets 0.6 uM erastin carry a wave', runs.map((x) => ({ name: x.name, run: x.run }))),
    ];
    return result(c, `1.25 uM: ${fx(e125.s.v)} -> ${fx(se.s.v)} um/min with selenite (${fx(ratio, 2)} x; front ${stalled ? `stops at ${fx(se.s.wave.reach_um, 0)} um` : 'keeps going'}); 0.6 uM: ${e06.s.v > 0 ? fx(e06.s.v) : 'no wave'}, GPX4 0.5: ${fx(gpx4.s.v)}, se_medium 0.003: ${fx(seLow.s.v)} um/min`, figures, [gpxTable, commands(runs.map((x) => ({ name: x.name, run: x.run })))]);
  },
};

const DFO_513 = [0, 10, 30, 100];

const speed513: Behaviour = {
  id: '5.13',
  title: 'Iron chelation, iron loading, NOX and FSP1 change the wave speed',
  target: 'Iron chelation slows and, at high enough dose, stops the wave; iron loading, NOX activity and FSP1 inhibition change the wave speed in the directions the biology implies (checked quantitatively against the literature).',
  pass: 'Full 400 x 40 dish, 10 uM erastin, pulse at 360 min, drugs from t = 0; thresholds of the fast tests: DFO 10 uM < 0.7 x untreated, DFO 30 uM slower than 10 uM, no wave at DFO 100 uM; FAC 5 uM > 1.03 x, holo-transferrin 2 uM > 1.1 x; GKT137831 0.05 uM < 0.7 x, no wave at 1 uM; iFSP1 0.04 uM and FSEN1 0.02 uM faster (> 1.05 x and > 1.1 x; at 0.05 uM iFSP1 the full dish also ignites on its own); the directions follow the literature, the amounts are predictions of the model (the measured speeds under these drugs were not available to fit); FSEN1 1 uM: synchronous death. ' + FRONT_NOTE,
  source: `${CO_2024}; Doll et al., Nature 575:693 (2019) and Bersuker et al., Nature 575:688 (2019) (FSP1)`,
  async run(ctx) {
    const cases: SpeedCase[] = [
      { name: 'untreated' },
      ...DFO_513.filter((d) => d > 0).map((d) => ({ name: `DFO ${d} uM`, extra: [drug('dfo', d)] })),
      { name: 'FAC 5 uM', extra: [drug('fac', 5)] },
      { name: 'holo-transferrin 2 uM', extra: [drug('holo-transferrin', 2)] },
      { name: 'GKT137831 0.05 uM', extra: [drug('gkt137831', 0.05)] },
      { name: 'GKT137831 1 uM', extra: [drug('gkt137831', 1)] },
      { name: 'iFSP1 0.04 uM', extra: [drug('ifsp1', 0.04)] },
      { name: 'FSEN1 0.02 uM', extra: [drug('fsen1', 0.02)] },
      { name: 'FSEN1 1 uM', extra: [drug('fsen1', 1)] },
    ];
    const runs: SpeedResult[] = [];
    for (const k of cases) runs.push(await speedRun(ctx, k));
    const by = (name: string) => runs.find((x) => x.name === name)!;
    const v0 = by('untreated').s.v;
    const rel = (x: { s: FrontSpeed }) => `${x.s.text}${x.s.v > 0 ? ` (${fx(x.s.v / v0, 3)} x)` : ''}`;
    const c = new Criteria();
    const d10 = by('DFO 10 uM'), d30 = by('DFO 30 uM'), d100 = by('DFO 100 uM');
    c.add('untreated: wave', by('untreated').s.text, v0 > 0);
    c.add('DFO 10 uM: < 0.7 x untreated', rel(d10), d10.s.v < 0.7 * v0);
    c.add('DFO 30 uM: slower than DFO 10 uM', rel(d30), d30.s.v < d10.s.v);
    c.add('DFO 100 uM: no wave', rel(d100), d100.s.v === 0);
    const faster = (name: string, f: number) => c.add(`${name}: > ${f} x untreated`, rel(by(name)), by(name).s.v > f * v0);
    faster('FAC 5 uM', 1.03);
    faster('holo-transferrin 2 uM', 1.1);
    c.add('GKT137831 0.05 uM: < 0.7 x untreated', rel(by('GKT137831 0.05 uM')), by('GKT137831 0.05 uM').s.v < 0.7 * v0);
    c.add('GKT137831 1 uM: no wave', rel(by('GKT137831 1 uM')), by('GKT137831 1 uM').s.v === 0);
    faster('iFSP1 0.04 uM', 1.05);
    faster('FSEN1 0.02 uM', 1.1);
    const fs = by('FSEN1 1 uM');
    c.add('FSEN1 1 uM: synchronous death', `${fs.s.wave.pattern}, ${fx(100 * fs.run.summary.death.fraction_final, 1)} % committed`, fs.s.wave.pattern === 'synchronous');
    const dfoChart = lineChart({
      title: 'Wave speed against deferoxamine (10 uM erastin)',
      x: { label: 'DFO', unit: 'uM' },
      y: { label: 'front speed (0: no wave)', unit: 'um/min', domain: [0, 7] },
      series: [{ name: 'model', points: DFO_513.map((d) => [d, (d === 0 ? by('untreated') : by(`DFO ${d} uM`)).s.v] as [number, number]), marker: 'circle' }],
      rules: [{ axis: 'y', at: 0.7 * v0, label: '0.7 x untreated' }],
    });
    const holo = by('holo-transferrin 2 uM');
    const figures: Figure[] = [
      { file: 'speeds.svg', caption: 'Front speed by treatment (10 uM erastin, 400 x 40 dish); no bar: no wave; orange: pulse front measured up to where a spontaneously ignited front meets it', svg: speedBars('Wave speed under iron, NOX and FSP1 treatments', runs, v0) },
      { file: 'speed-vs-dfo.svg', caption: 'Front speed against DFO dose; 0 = no wave', svg: dfoChart },
      kymographFigure(holo.run, { file: 'kymograph-holo-transferrin.svg', title: 'Kymograph of cell fate, 10 uM erastin + 2 uM holo-transferrin', caption: 'Fraction of cells dying or dead per column bin: the pulse front from the left and a second front ignited on its own further out, which meet', what: { kind: 'committed' }, color: { label: 'fraction dying or dead', unit: '1', domain: [0, 1] }, tMin: 300 }),
    ];
    return result(c, runs.map((x) => `${x.name}: ${x.s.v > 0 ? fx(x.s.v) : x.s.wave.pattern === 'synchronous' ? 'synchronous' : 'none'}`).join('; ') + ' (um/min)', figures, [speedTable(runs), commands(runs.map((x) => ({ name: x.name, run: x.run })))]);
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
    const tissueGaps = 'gaps' in sc.tissue ? [...sc.tissue.gaps].sort((a, b) => a.x_um - b.x_um) : [];
    if (tissueGaps.length !== 2) throw new Error(`the primed-gap preset should have 2 gaps, has ${tissueGaps.length}`);
    const [g1, g2] = tissueGaps;
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
        bands: tissueGaps.map((g) => ({ axis: 'x' as const, from: g.x_um, to: g.x_um + g.width_um, label: `${g.width_um} um gap` })),
      }),
    ];
    return result(c, `${fx(100 * between.fraction, 1)} % dead between the gaps, ${fx(100 * beyond.fraction, 1)} % beyond the ${g2.width_um} um gap`, figures, [commands([{ name: 'gaps', run: r }])]);
  },
};

// ---------------------------------------------------------------------------------------------
// spontaneous initiation

const FAC_SPONT = [0, 10, 20, 30, 40];

const spontaneous: Behaviour = {
  id: 'spontaneous',
  title: 'Spontaneous initiation of waves in primed tissue',
  target: 'Without a light pulse, a primed dish ignites on its own from its most sensitive cells, hours after priming and sooner with more iron (iron-dependent ROS; docs/model.md 3.11). Spontaneous bursts (`burst_rate`) are off by default and still to be calibrated.',
  pass: '40 x 40 site dishes (seed 1), 10 uM erastin, no pulse, 30 h, ferric ammonium citrate (FAC) 0-40 uM from t = 0: no cell commits without FAC; with 20 uM FAC the dish ignites, after > 4 h; the first commitment comes earlier with more iron (never at 0 uM, then non-increasing over 20, 30, 40 uM) and is earlier at 40 than at 20 uM.',
  source: `${CO_2024}; docs/model.md section 3.11`,
  async run(ctx) {
    const runs: Array<{ fac: number; run: RunResult; out: ReturnType<typeof dishOutcome> }> = [];
    for (const f of FAC_SPONT) {
      const r = await dishRun(ctx, `spontaneous-fac-${f}uM`, [{ agent: 'erastin', uM: 10, start_min: 0 }, ...(f > 0 ? [{ agent: 'fac', uM: f, start_min: 0 }] : [])], { size: 40, minutes: 1800 });
      runs.push({ fac: f, run: r, out: dishOutcome(r) });
    }
    const first = (f: number) => runs.find((x) => x.fac === f)!.out.first;
    const c = new Criteria();
    c.add('FAC 0: no cell commits in 30 h', first(0) === null ? 'none' : `first at ${first(0)} min`, first(0) === null);
    c.add('FAC 20 uM: the dish ignites, after > 240 min', first(20) === null ? 'none' : `first at ${first(20)} min`, first(20) !== null && first(20)! > 240);
    c.add('FAC 40 uM: earlier than at 20 uM', `${first(40) ?? 'none'} vs ${first(20) ?? 'none'} min`, first(40) !== null && first(20) !== null && first(40)! < first(20)!);
    const times = runs.map((x) => x.out.first ?? Number.POSITIVE_INFINITY);
    let mono = true;
    for (let k = 1; k < times.length; k++) if (times[k] > times[k - 1]) mono = false;
    c.add('first commitment never later with more iron (0-40 uM)', runs.map((x) => `${x.fac}: ${x.out.first ?? 'none'}`).join(', '), mono);
    const ignited = runs.filter((x) => x.out.first !== null);
    const chart = lineChart({
      title: 'First commitment without a pulse against added iron (40 x 40 dish, 10 uM erastin)',
      x: { label: 'ferric ammonium citrate', unit: 'uM', domain: [-2, 42] },
      y: { label: 'first commitment', unit: 'min', domain: [0, 1900] },
      series: [
        { name: 'model', points: ignited.map((x) => [x.fac, x.out.first!] as [number, number]), marker: 'circle' },
        { name: 'no commitment within 30 h (plotted at 1800)', points: runs.filter((x) => x.out.first === null).map((x) => [x.fac, 1800] as [number, number]), line: false, marker: 'cross', color: '#d55e00' },
      ],
      rules: [{ axis: 'y', at: 240, label: '4 h' }],
    });
    const table = [
      '| FAC (uM) | first commitment (min) | half committed (min) | committed at 30 h | pattern from the first cell | speed (um/min) |',
      '|---|---|---|---|---|---|',
      ...runs.map((x) => `| ${x.fac} | ${x.out.first ?? '–'} | ${x.out.t50 ?? '–'} | ${fx(100 * x.out.fraction, 1)} % | ${x.run.summary.wave.pattern} | ${fx(x.run.summary.wave.speed_um_per_min)} |`),
    ].join('\n');
    const figures: Figure[] = [
      { file: 'first-commitment.svg', caption: 'Time of the first commitment in a primed dish without a pulse against added iron', svg: chart },
      survivalFigure('survival.svg', 'Survival of primed 40 x 40 dishes without a pulse, by added iron', 'Fraction of the initial cells not ruptured (solid) and not committed (dashed)', runs.map((x) => ({ name: `FAC ${x.fac} uM`, run: x.run }))),
    ];
    return result(c, `first commitment (min) by FAC (uM): ${runs.map((x) => `${x.fac}: ${x.out.first ?? 'none'}`).join(', ')}`, figures, [table, commands(runs.map((x) => ({ name: `FAC ${x.fac} uM`, run: x.run })))]);
  },
};

// ---------------------------------------------------------------------------------------------
// tumours

const TUMOUR_PRESETS = ['tumour-erastin', 'tumour-fsp1-resistant-erastin', 'tumour-fsp1-resistant-erastin-fsen1', 'tumour-dfo-rescue', 'tumour-vessels'] as const;
/** fate map codes: the status codes, with living cells of a subclone as ALIVE_SUBCLONE */
const ALIVE_SUBCLONE = 6;
const FATE_CATEGORIES = [
  { value: EMPTY, label: 'empty', color: '#f4f4f4' },
  { value: ALIVE, label: 'alive, parental', color: '#0072b2' },
  { value: ALIVE_SUBCLONE, label: 'alive, FSP1-high subclone', color: '#e69f00' },
  { value: DYING, label: 'dying (committed)', color: '#cc79a7' },
  { value: DEAD, label: 'dead (ferroptosis)', color: '#000000' },
  { value: NECROTIC, label: 'necrotic (hypoxia)', color: '#8c6d31' },
  { value: VESSEL, label: 'vessel', color: '#d62728' },
];
const TUMOUR_SNAPSHOTS = [2160, 3600];
/** cells left of this line (um) are "near the vessels" in tumour-vessels */
const NEAR_VESSELS_UM = 1300;

const living = (st: SimState, clone: number) => {
  let n = 0;
  for (let i = 0; i < st.n; i++) if ((st.status[i] === ALIVE || st.status[i] === DYING) && st.clone[i] === clone) n++;
  return n;
};
const TUMOUR_PROBES = { living0: (st: SimState) => living(st, 0), living1: (st: SimState) => living(st, 1) };

/** The maps show the tumour's part of the 3 x 3 mm lattice: sites with centres in [lo, hi) um on both axes. */
const TUMOUR_WINDOW_UM: readonly [number, number] = [700, 2300];

/** Rows (y upwards) of value(i) over the sites of the tumour window, with the window's edges in um. */
function windowRows(r: RunResult, value: (i: number) => number): { rows: Float64Array[]; domain: [number, number] } {
  const { width: W, height: H, site_um: site } = r.scenario.lattice;
  const first = Math.max(0, Math.ceil(TUMOUR_WINDOW_UM[0] / site - 0.5));
  const end = Math.min(W, H, Math.ceil(TUMOUR_WINDOW_UM[1] / site - 0.5));
  const rows = Array.from({ length: end - first }, (_, y) => Float64Array.from({ length: end - first }, (_, x) => value((y + first) * W + x + first)));
  return { rows, domain: [first * site, end * site] };
}

function fateMap(r: RunResult, snap: Snapshot, file: string, title: string, caption: string): Figure {
  const { rows, domain } = windowRows(r, (i) => {
    const s = snap.status[i];
    return s === ALIVE && snap.clone[i] > 0 ? ALIVE_SUBCLONE : s;
  });
  const svg = heatmap({
    title,
    x: { label: 'x', unit: 'um', domain },
    y: { label: 'y', unit: 'um', domain },
    color: { label: 'fate', unit: 'code' },
    categories: FATE_CATEGORIES,
    data: rows,
    width: 72 + 420 + 200,
    height: 420 + 86,
  });
  return { file, caption, svg };
}

const median = (v: number[]) => quantile(v, 0.5);

const tumours: Behaviour = {
  id: 'tumours',
  title: 'Tumours: growth, hypoxia, a resistant subclone, iron chelation and drug from vessels',
  target: 'A tumour is a grown mass of cells: cells divide into free neighbouring sites; oxygen and drugs arrive from vessels and form gradients; hypoxic cores and necrosis appear; subclones differ in their phenotype (MODEL.md section 3). Here: an FSP1-high subclone survives erastin (FSP1 is a GPX4-independent defence) and falls to the FSP1 inhibitor FSEN1; iron chelation rescues the tumour; erastin delivered by vessels kills the cells near them first.',
  pass: 'Tumour presets (150 x 150 sites, 60 h; erastin from 24 h, light pulse at 30 h in the centre): tumour-erastin grows before treatment (divisions > 0, more living cells at 24 h than at 0); tumour-vessels (three vessels on the left, sealed edges) has hypoxic cells and necrosis; in tumour-fsp1-resistant-erastin cells survive to the end and most of them (> 50%) belong to the FSP1-high subclone; with 1 uM FSEN1 fewer than 10% as many survive; tumour-dfo-rescue commits fewer than 10% as many cells as tumour-erastin; in tumour-vessels the median commitment time of cells with x < 1300 um (near the vessels) is earlier than that of the cells further right.',
  source: `MODEL.md section 3 (tumour context); Doll et al., Nature 575:693 (2019) and Bersuker et al., Nature 575:688 (2019) (FSP1, FSEN1); ${CO_2024}`,
  async run(ctx) {
    const runs: Record<string, RunResult> = {};
    for (const p of TUMOUR_PRESETS) {
      const { scenario, command } = ctx.scenario(p);
      runs[p] = await ctx.run({ scenario, command, probes: TUMOUR_PROBES, snapshots: { t_min: TUMOUR_SNAPSHOTS }, commitTimes: true });
    }
    const era = runs['tumour-erastin'];
    const res = runs['tumour-fsp1-resistant-erastin'];
    const fsen = runs['tumour-fsp1-resistant-erastin-fsen1'];
    const dfo = runs['tumour-dfo-rescue'];
    const ves = runs['tumour-vessels'];
    const livingAt = (r: RunResult, t: number) => {
      const s = sampleAt(r.samples, t);
      return s.alive + s.dying;
    };
    const lastOf = (r: RunResult) => r.samples[r.samples.length - 1];
    const c = new Criteria();
    c.add('tumour-erastin grows before treatment', `${era.summary.death.births_total} divisions; living ${livingAt(era, 0)} -> ${livingAt(era, 1440)} cells at 24 h`, era.summary.death.births_total > 0 && livingAt(era, 1440) > livingAt(era, 0));
    const maxHyp = (r: RunResult) => Math.max(...r.samples.map((s) => s.hypoxic));
    c.add('tumour-vessels: hypoxic cells and necrosis', `up to ${maxHyp(ves)} hypoxic cells, ${ves.summary.death.necrotic_total} necrotic deaths`, maxHyp(ves) > 0 && ves.summary.death.necrotic_total > 0);
    const nRes = lastOf(res).alive + lastOf(res).dying;
    const sub = res.probes.living1;
    const subEnd = sub[sub.length - 1];
    const sub0 = sub[0] / (res.probes.living0[0] + sub[0]);
    c.add('FSP1-high subclone: cells survive erastin, most of them of the subclone', `${nRes} living at 60 h, ${fx(100 * subEnd / Math.max(1, nRes), 1)} % FSP1-high (${fx(100 * sub0, 1)} % at t = 0)`, nRes > 0 && subEnd / nRes > 0.5);
    const nFsen = lastOf(fsen).alive + lastOf(fsen).dying;
    c.add('with 1 uM FSEN1: < 10% as many survivors', `${nFsen} vs ${nRes} living at 60 h`, nFsen < 0.1 * nRes);
    c.add('DFO 100 uM: < 10% as many cells commit as without', `${dfo.summary.death.committed_total} vs ${era.summary.death.committed_total} commitments; ${lastOf(dfo).alive} living at 60 h`, dfo.summary.death.committed_total < 0.1 * era.summary.death.committed_total);
    const near: number[] = [];
    const far: number[] = [];
    const W = ves.scenario.lattice.width;
    const site = ves.scenario.lattice.site_um;
    ves.commit_t!.forEach((t, i) => {
      if (Number.isFinite(t)) (((i % W) + 0.5) * site < NEAR_VESSELS_UM ? near : far).push(t);
    });
    c.add(`tumour-vessels: cells near the vessels (x < ${NEAR_VESSELS_UM} um) commit earlier`, `median ${fx(median(near), 0)} min (${near.length} cells) vs ${fx(median(far), 0)} min (${far.length} cells)`, median(near) < median(far));
    const table = [
      '| preset | divisions | living at 24 h | max hypoxic | necrotic deaths | commitments | living at 60 h (FSP1-high) | wave from the pulse or first cell |',
      '|---|---|---|---|---|---|---|---|',
      ...TUMOUR_PRESETS.map((p) => {
        const r = runs[p];
        const l = lastOf(r);
        const w = r.summary.wave;
        return `| ${p} | ${r.summary.death.births_total} | ${livingAt(r, 1440)} | ${maxHyp(r)} | ${r.summary.death.necrotic_total} | ${r.summary.death.committed_total} | ${l.alive + l.dying} (${r.probes.living1[r.probes.living1.length - 1]}) | ${w.detected ? `${fx(w.speed_um_per_min)} um/min` : w.pattern} |`;
      }),
    ].join('\n');
    const snap = (r: RunResult, t: number) => r.snapshots.find((s) => s.t_min >= t - 1e-9)!;
    const livingChart = lineChart({
      title: 'Living cells in the tumour presets',
      x: { label: 'time', unit: 'min' },
      y: { label: 'living cells (alive or dying)', unit: 'cells' },
      series: TUMOUR_PRESETS.map((p) => ({ name: p, points: runs[p].samples.map((s) => [s.t_min, s.alive + s.dying] as [number, number]) })),
      rules: [{ axis: 'x', at: 1440, label: 'erastin' }, { axis: 'x', at: 1800, label: 'pulse' }],
    });
    const vesCounts = lineChart({
      title: 'tumour-vessels: cells by fate',
      x: { label: 'time', unit: 'min' },
      y: { label: 'cells', unit: 'cells' },
      series: [
        { name: 'alive', points: ves.samples.map((s) => [s.t_min, s.alive] as [number, number]), color: '#0072b2' },
        { name: 'hypoxic (living, O2 < 5 uM)', points: ves.samples.map((s) => [s.t_min, s.hypoxic] as [number, number]), color: '#56b4e9', dash: true },
        { name: 'dead (ferroptosis, until cleared)', points: ves.samples.map((s) => [s.t_min, s.dead] as [number, number]), color: '#000000' },
        { name: 'necrotic (until cleared)', points: ves.samples.map((s) => [s.t_min, s.necrotic] as [number, number]), color: '#8c6d31' },
      ],
      rules: [{ axis: 'x', at: 1440, label: 'erastin' }],
    });
    const clones = lineChart({
      title: 'Living cells by clone, FSP1-high subclone tumour',
      x: { label: 'time', unit: 'min' },
      y: { label: 'living cells', unit: 'cells' },
      series: [
        { name: 'parental', points: res.samples.map((s, k) => [s.t_min, res.probes.living0[k]] as [number, number]), color: '#0072b2' },
        { name: 'FSP1-high', points: res.samples.map((s, k) => [s.t_min, res.probes.living1[k]] as [number, number]), color: '#e69f00' },
        { name: 'parental, + FSEN1 1 uM', points: fsen.samples.map((s, k) => [s.t_min, fsen.probes.living0[k]] as [number, number]), color: '#0072b2', dash: true },
        { name: 'FSP1-high, + FSEN1 1 uM', points: fsen.samples.map((s, k) => [s.t_min, fsen.probes.living1[k]] as [number, number]), color: '#e69f00', dash: true },
      ],
      rules: [{ axis: 'x', at: 1440, label: 'erastin' }, { axis: 'x', at: 1800, label: 'pulse' }],
    });
    const commit = windowRows(ves, (i) => ves.commit_t![i]);
    const commitMap = heatmap({
      title: 'tumour-vessels: when each cell committed',
      x: { label: 'x', unit: 'um', domain: commit.domain },
      y: { label: 'y', unit: 'um', domain: commit.domain },
      color: { label: 'commitment time', unit: 'min' },
      data: commit.rows,
      overlays: [{ name: `x = ${NEAR_VESSELS_UM} um`, points: [[NEAR_VESSELS_UM, commit.domain[0] + 40], [NEAR_VESSELS_UM, commit.domain[1] - 40]], color: '#ffffff', dash: true }],
      width: 72 + 420 + 130,
      height: 420 + 86,
    });
    const figures: Figure[] = [
      fateMap(era, snap(era, 2160), 'fate-erastin-36h.svg', 'tumour-erastin at 36 h', 'Fate of every site of tumour-erastin at 36 h, 6 h after the pulse: the wave has crossed the whole mass'),
      fateMap(era, snap(era, 3600), 'fate-erastin-60h.svg', 'tumour-erastin at 60 h (end)', 'Fate of every site of tumour-erastin at the end: the dead cells have been cleared; only the vessels remain'),
      fateMap(res, snap(res, 2160), 'fate-fsp1-36h.svg', 'tumour-fsp1-resistant-erastin at 36 h', 'Fate of every site of the tumour with an FSP1-high subclone at 36 h: the parental cells have died, the subclone survives'),
      fateMap(res, snap(res, 3600), 'fate-fsp1-60h.svg', 'tumour-fsp1-resistant-erastin at 60 h (end)', 'The same tumour at the end: the FSP1-high subclone regrows into the cleared space'),
      { file: 'living.svg', caption: 'Living cells against time in the five tumour presets (erastin from 24 h, pulse at 30 h except tumour-vessels)', svg: livingChart },
      { file: 'clones.svg', caption: 'Living parental and FSP1-high cells against time, with erastin alone (solid) and with FSEN1 (dashed)', svg: clones },
      { file: 'vessels-counts.svg', caption: 'tumour-vessels: alive, hypoxic, dead and necrotic cells against time', svg: vesCounts },
      { file: 'vessels-commit-map.svg', caption: `tumour-vessels: first commitment time at every site where a cell committed (grey: no commitment, including the vessels at x = 1100 um: the grey dot inside the tumour is the middle one); dashed: x = ${NEAR_VESSELS_UM} um`, svg: commitMap },
    ];
    const model = `divisions ${era.summary.death.births_total}; hypoxic up to ${maxHyp(ves)} (tumour-vessels); FSP1-high: ${nRes} survivors (${fx(100 * subEnd / Math.max(1, nRes), 0)} % subclone), with FSEN1 ${nFsen}; DFO: ${dfo.summary.death.committed_total} vs ${era.summary.death.committed_total} commitments; vessels: median commitment ${fx(median(near), 0)} near vs ${fx(median(far), 0)} min far`;
    return result(c, model, figures, [table, commands(TUMOUR_PRESETS.map((p) => ({ name: p, run: runs[p] })))]);
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
  synchronous57,
  gpx4Inhibitors58,
  order59,
  density510,
  zinc511,
  selenium512,
  speed513,
  gaps,
  spontaneous,
  tumours,
];

// How to add a check: give the entry a `run(ctx)` that
//   1. builds scenarios with ctx.scenario(preset, ['path=value', ...]) (reproducible with `ferrowave run`),
//   2. runs them with ctx.run({ scenario, command, kymographs?, track?, probes? }) (memoised: the
//      same scenario and recording spec runs once per validation, shared between checks),
//   3. records each criterion with Criteria.add(what, model value, ok) and returns result(...)
//      with its figures (src/report/svg.ts builders or the helpers in ./figures.ts).
// A check that throws is reported as crashed (and `ferrowave validate` exits 1); a check that
// cannot be decided yet returns status 'not-implemented'. presetRun(ctx, preset, overrides) is the
// shortcut for a pulse run that other checks may share.
