// Why this file exists: check 5.11: zinc chelation protects and zinc supplementation sensitises,
// even under iron chelation; ZIP7 loss protects.
import { frontFigure } from '../figures';
import { Criteria, commands, result } from '../kit';
import { fx } from '../measures';
import type { Behaviour, Figure } from '../types';
import { drug, knockdown, type SpeedCase, type SpeedResult, speedBars, speedRun, speedTable } from './speed-cases';

export const zinc511: Behaviour = {
  id: '5.11',
  title: 'Zinc chelation protects, zinc supplementation sensitises; ZIP7 loss protects',
  target: 'Zinc chelation protects and zinc supplementation sensitises, even under iron chelation; ZIP7 loss protects.',
  pass: "Full 400 x 40 dish, 10 uM erastin, pulse at 360 min, drugs from t = 0, each effect as a change of the wave speed in the direction of its source (the amounts are the model's; the zinc module is to be fitted with the ion crosstalk): 2 uM TPEN slows the wave or stops it; 100 uM DFO slows it or stops it, and adding 50 uM ZnCl2 to it gives a faster wave than DFO alone; ZIP7 knock-down to 0.2 slows it; 50 uM ZnCl2 alone gives a faster wave or kills every cell.",
  source:
    'Chen et al., Cell Death Dis 12 (2021) (zinc chelation protects, zinc supplementation sensitises to erastin, also under iron chelation); ZIP7 loss protects (same paper)',
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
    c.add('TPEN 2 uM: slower than untreated, or no wave', `${rTpen.s.text} (${fx(rTpen.s.v / v0, 2)} x)`, rTpen.s.v < v0);
    c.add('DFO 100 uM: slower than untreated, or no wave', `${rDfo.s.text} (${fx(rDfo.s.v / v0, 2)} x)`, rDfo.s.v < v0);
    c.add('DFO 100 + ZnCl2 50 uM: faster than DFO 100 uM alone', `${rDfoZn.s.text} vs ${rDfo.s.text}`, rDfoZn.s.v > rDfo.s.v);
    c.add('ZIP7 knock-down 0.2: slower than untreated', `${rZip7.s.text} (${fx(rZip7.s.v / v0, 2)} x)`, rZip7.s.v < v0);
    const allDie = rZn.run.summary.death.fraction_final === 1;
    c.add(
      'ZnCl2 50 uM alone: faster wave or every cell dies',
      `${rZn.s.text}; ${fx(100 * rZn.run.summary.death.fraction_final, 1)} % committed`,
      rZn.s.v > v0 || allDie,
    );
    const figures: Figure[] = [
      {
        file: 'speeds.svg',
        caption: 'Front speed by zinc treatment (10 uM erastin, 400 x 40 dish); no bar: no wave',
        svg: speedBars('Wave speed under zinc chelation and supplementation', runs, v0),
      },
      frontFigure(
        'fronts.svg',
        'Front position against time under zinc treatments',
        'Furthest committed cell beyond the pulse edge; with ZnCl2 alone every cell dies and the front jumps across the dish',
        runs.map((x) => ({ name: x.name, run: x.run })),
      ),
    ];
    return result(
      c,
      runs.map((x) => `${x.name}: ${x.s.v > 0 ? fx(x.s.v) : x.s.wave.pattern === 'synchronous' ? 'synchronous' : 'none'}`).join('; ') + ' (um/min)',
      figures,
      [speedTable(runs), commands(runs.map((x) => ({ name: x.name, run: x.run })))],
    );
  },
};
