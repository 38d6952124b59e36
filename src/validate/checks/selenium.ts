// Why this file exists: check 5.12: selenium protects through GPX4; GPX4 loss or selenium
// deprivation sensitises.
import { frontFigure } from '../figures';
import { Criteria, commands, frontAdvance, result } from '../kit';
import { fx, sampleAt } from '../measures';
import type { Behaviour, Figure } from '../types';
import { drug, knockdown, type SpeedCase, type SpeedResult, speedRun } from './speed-cases';

export const selenium512: Behaviour = {
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
    c.add(
      'selenite 0.5 uM: speed < 0.5 x, or the front stops',
      `${se.s.text} (${fx(ratio, 3)} x); front ${stalled ? `stopped at ${fx(se.s.wave.reach_um, 0)} um` : `+${fx(adv1, 0)} um in the last 2 h`}; ${se.run.summary.death.committed_total} vs ${e125.run.summary.death.committed_total} cells committed`,
      ratio < 0.5 || stalled,
    );
    c.add('0.6 uM erastin: no wave', e06.s.text, e06.s.v === 0);
    c.add('0.6 uM, GPX4 knock-down 0.5: wave > 1 um/min', gpx4.s.text, gpx4.s.v > 1);
    c.add('0.6 uM, se_medium 0.003 uM: wave > 1 um/min', seLow.s.text, seLow.s.v > 1);
    const gpxTable = [
      '| condition | speed (um/min) | reach (um) | front advance in the last 2 h (um) | cells committed | mean GPX4 at 6 h |',
      '|---|---|---|---|---|---|',
      ...runs.map(
        (x) =>
          `| ${x.name} | ${x.s.text} | ${fx(x.s.wave.reach_um, 0)} | ${fx(frontAdvance(x.run), 0)} | ${x.run.summary.death.committed_total} | ${fx(sampleAt(x.run.samples, 355).means.gpx4, 3)} |`,
      ),
    ].join('\n');
    const figures: Figure[] = [
      frontFigure(
        'fronts.svg',
        'Front position against time: selenium and GPX4',
        'Furthest committed cell beyond the pulse edge: selenite stops the 1.25 uM front after a few cells; GPX4 loss or selenium deprivation lets 0.6 uM erastin carry a wave',
        runs.map((x) => ({ name: x.name, run: x.run })),
      ),
    ];
    return result(
      c,
      `1.25 uM: ${fx(e125.s.v)} -> ${fx(se.s.v)} um/min with selenite (${fx(ratio, 2)} x; front ${stalled ? `stops at ${fx(se.s.wave.reach_um, 0)} um` : 'keeps going'}); 0.6 uM: ${e06.s.v > 0 ? fx(e06.s.v) : 'no wave'}, GPX4 0.5: ${fx(gpx4.s.v)}, se_medium 0.003: ${fx(seLow.s.v)} um/min`,
      figures,
      [gpxTable, commands(runs.map((x) => ({ name: x.name, run: x.run })))],
    );
  },
};
