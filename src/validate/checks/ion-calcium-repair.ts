// Why this file exists: check ion-ca-repair (issue 14, the Ca2+ part of the review's crosstalk,
// second half): Ca2+ both helps kill and helps survive. Upstream, Ca2+ entry feeds the redox core
// (check ion-ca; here the erastin wave in Ca2+-free medium); downstream, Ca2+ recruits ESCRT-III,
// which reseals the peroxidation pores and delays rupture (C7), and MS4A15 lowers ER Ca2+ and with
// it PUFA-PL synthesis (C8). The criteria are those of the design written before the module was
// built (docs/design/ion-crosstalk.md, C7 and C8); the sources give directions, the factors are the design's.
import { barChart } from '../../report/bar-chart';
import { PALETTE } from '../../report/colours';
import { Criteria, commands, frontSpeed, meanDeathDelay, result } from '../kit';
import { fx, sampleAt } from '../measures';
import type { Behaviour, Figure, RunResult } from '../types';
import { geneChange, knockdown, PRE_MIN, precultured, type SpeedResult, speedRun } from './speed-cases';

/** mean commitment -> rupture (min) of the ruptured cells */
const delay = (r: RunResult) => meanDeathDelay(r.sim.state).mean;

/** the living cells' mean free ER Ca2+ at the end of the pre-culture (uM) */
const erAt = (r: RunResult) => sampleAt(r.samples, PRE_MIN).means.ca_er;

export const ionCalciumRepair: Behaviour = {
  id: 'ion-ca-repair',
  title: 'Ca2+ kills and saves: ESCRT-III repair delays rupture; MS4A15 lowers ER Ca2+',
  target:
    "Ca2+ fluxes through ferroptotic nanopores recruit the ESCRT-III membrane repair machinery, which counterbalances the kinetics of death: its loss (CHMP4B) speeds rupture (Pedrera et al. 2021; Dai et al. 2020). So Ca2+ both helps kill (upstream, check ion-ca) and delays death (downstream). MS4A15 depletes ER Ca2+, which lowers the elongation and desaturation of PUFA-PL and protects; its knock-down does not protect (Xin et al. 2022). Directions from the sources; the factors are the design's (docs/design/ion-crosstalk.md), fixed before the module was run.",
  pass: `On the 400 x 40 primed dish (10 uM erastin, pulse at 360 min, 900 min). C7: CHMP4B knock-down to 0.2, and ESCRT-III off (esc_max 0), each: the mean commitment-to-rupture time <= 0.8 x the control's, and the wave speed within +-5 % of the control's. Shown beside them (no criterion): the wave in Ca2+-free medium, where Ca2+ no longer helps kill. C8: MS4A15 overexpressed x10 from t = 0: the living cells' mean ER Ca2+ after ${PRE_MIN / 60} h <= 0.7 x the control's; after that pre-culture, at 1.25 uM erastin (pulse 6 h later), no wave or a wave <= 0.8 x the control's speed; MS4A15 knock-down to 0.1 does not protect (a wave at least 0.95 x the control's, or synchronous death).`,
  source:
    'Pedrera et al., Cell Death Differ 28:1644 (2021); Dai et al., Biochem Biophys Res Commun 522:415 (2020); Xin et al., Cell Death Differ 29:670 (2022)',
  async run(ctx) {
    const c = new Criteria();
    const ctl = await speedRun(ctx, { name: 'erastin 10 uM' });
    const chmp = await speedRun(ctx, { name: 'erastin 10 uM, CHMP4B 0.2', extra: [knockdown('CHMP4B', 0.2)] });
    const esc0 = await speedRun(ctx, { name: 'erastin 10 uM, esc_max 0', params: { esc_max: 0 } });
    const caFree = await speedRun(ctx, { name: 'erastin 10 uM, Ca2+-free medium', extra: [{ agent: 'calcium-free', uM: 0, start_min: 0 }] });
    const d0 = delay(ctl.run);
    for (const x of [chmp, esc0]) {
      const d = delay(x.run);
      c.add(`C7: ${x.name}: mean commitment to rupture <= 0.8 x control`, `${fx(d, 1)} vs ${fx(d0, 1)} min (${fx(d / d0, 2)} x)`, d <= 0.8 * d0);
      c.add(`C7: ${x.name}: wave speed within +-5 %`, `${x.s.text} vs ${ctl.s.text}`, ctl.s.v > 0 && Math.abs(x.s.v / ctl.s.v - 1) <= 0.05);
    }

    // C8: MS4A15 after a day of pre-culture
    const pre0 = await precultured(ctx, 1.25, []);
    const preHi = await precultured(ctx, 1.25, [geneChange('MS4A15', 10)]);
    const preLo = await precultured(ctx, 1.25, [geneChange('MS4A15', 0.1)]);
    const [s0, sHi, sLo] = [pre0, preHi, preLo].map(frontSpeed);
    c.add(
      `C8: MS4A15 x10: mean ER Ca2+ at ${PRE_MIN / 60} h <= 0.7 x control`,
      `${fx(erAt(preHi), 1)} vs ${fx(erAt(pre0), 1)} uM (${fx(erAt(preHi) / erAt(pre0), 2)} x)`,
      erAt(preHi) <= 0.7 * erAt(pre0),
    );
    c.add(
      'C8: MS4A15 x10, then 1.25 uM erastin: no wave or <= 0.8 x the speed',
      `${sHi.text} vs ${s0.text}`,
      (sHi.v === 0 && sHi.wave.pattern !== 'synchronous') || (s0.v > 0 && sHi.v > 0 && sHi.v <= 0.8 * s0.v),
    );
    c.add('C8: MS4A15 knock-down 0.1 does not protect', `${sLo.text} vs ${s0.text}`, sLo.wave.pattern === 'synchronous' || (s0.v > 0 && sLo.v >= 0.95 * s0.v));

    const killRuns: SpeedResult[] = [ctl, caFree];
    const saveRuns: SpeedResult[] = [ctl, chmp, esc0, caFree];
    const figures: Figure[] = [
      {
        file: 'kills.svg',
        caption: 'Ca2+ helps kill: the erastin wave (10 uM, 400 x 40 dish) in normal and Ca2+-free medium (glutamate and store-operated entry: check ion-ca)',
        svg: barChart({
          title: 'Ca2+ upstream: wave speed',
          x: { label: 'front speed', unit: 'um/min' },
          bars: killRuns.map((x, k) => ({ label: x.name, value: x.s.v > 0 ? x.s.v : Number.NaN, color: PALETTE[k], note: x.s.text })),
        }),
      },
      {
        file: 'saves.svg',
        caption:
          'Ca2+ helps survive: mean minutes from commitment to rupture, with ESCRT-III repair (control), with less of it (CHMP4B 0.2), without it (esc_max 0), and in Ca2+-free medium (no Ca2+ to recruit it, but none through the pores either)',
        svg: barChart({
          title: 'Ca2+ downstream: ESCRT-III repair delays rupture',
          x: { label: 'commitment to rupture', unit: 'min' },
          bars: saveRuns.map((x, k) => ({ label: x.name, value: delay(x.run), color: PALETTE[k], note: `${fx(delay(x.run), 1)} min` })),
        }),
      },
    ];
    const alive = (r: RunResult) => r.samples[r.samples.length - 1].alive;
    const table = [
      '| condition | wave | mean commitment to rupture | living at the end |',
      '|---|---|---|---|',
      ...saveRuns.map((x) => `| ${x.name} | ${x.s.text} | ${fx(delay(x.run), 1)} min | ${alive(x.run)} |`),
      ...[
        ['MS4A15 control, 1.25 uM erastin after pre-culture', pre0, s0],
        ['MS4A15 x10, 1.25 uM erastin after pre-culture', preHi, sHi],
        ['MS4A15 0.1, 1.25 uM erastin after pre-culture', preLo, sLo],
      ].map(
        ([name, r, s]) =>
          `| ${name} (ER Ca2+ ${fx(erAt(r as RunResult), 1)} uM at ${PRE_MIN / 60} h) | ${(s as { text: string }).text} | ${fx(delay(r as RunResult), 1)} min | ${alive(r as RunResult)} |`,
      ),
    ].join('\n');
    return result(
      c,
      `commitment to rupture ${fx(d0, 1)} min; CHMP4B 0.2 ${fx(delay(chmp.run), 1)}, esc_max 0 ${fx(delay(esc0.run), 1)}; Ca2+-free ${caFree.s.text}; MS4A15 x10 ER Ca2+ ${fx(erAt(preHi) / erAt(pre0), 2)} x, 1.25 uM erastin ${sHi.text} vs ${s0.text}`,
      figures,
      [
        table,
        commands([
          ...saveRuns.map((x) => ({ name: x.name, run: x.run })),
          { name: 'MS4A15 control, pre-culture', run: pre0 },
          { name: 'MS4A15 x10, pre-culture', run: preHi },
          { name: 'MS4A15 0.1, pre-culture', run: preLo },
        ]),
      ],
    );
  },
};
