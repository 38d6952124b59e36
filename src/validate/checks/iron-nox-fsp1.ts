// Why this file exists: check 5.13: iron chelation, iron loading, NOX inhibition and FSP1 inhibition
// change the wave speed in the directions the biology implies.
import { lineChart } from '../../report/svg';
import { kymographFigure } from '../figures';
import { Criteria, commands, type FrontSpeed, result } from '../kit';
import { fx } from '../measures';
import type { Behaviour, Figure } from '../types';
import { CO_2024 } from './sources';
import { drug, type SpeedCase, type SpeedResult, speedBars, speedRun, speedTable } from './speed-cases';

const FRONT_NOTE =
  'Speeds are the front fit of the summary; where a front ignited on its own further out meets the pulse front (iron loading), the pulse front is fitted up to where they meet (orange bars).';

const DFO_513 = [0, 10, 30, 100];

export const speed513: Behaviour = {
  id: '5.13',
  title: 'Iron chelation, iron loading, NOX and FSP1 change the wave speed',
  target:
    'Iron chelation slows and, at high enough dose, stops the wave; iron loading, NOX activity and FSP1 inhibition change the wave speed in the directions the biology implies (checked quantitatively against the literature).',
  pass:
    'Full 400 x 40 dish, 10 uM erastin, pulse at 360 min, drugs from t = 0; thresholds of the fast tests: DFO 10 uM < 0.7 x untreated, DFO 30 uM slower than 10 uM, no wave at DFO 100 uM; FAC 5 uM > 1.03 x, holo-transferrin 2 uM > 1.1 x; GKT137831 0.05 uM < 0.7 x, no wave at 1 uM; iFSP1 0.04 uM and FSEN1 0.02 uM faster (> 1.05 x and > 1.1 x; at 0.05 uM iFSP1 the full dish also ignites on its own); the directions follow the literature, the amounts are predictions of the model (the measured speeds under these drugs were not available to fit); FSEN1 1 uM: synchronous death. ' +
    FRONT_NOTE,
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
    const d10 = by('DFO 10 uM'),
      d30 = by('DFO 30 uM'),
      d100 = by('DFO 100 uM');
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
    c.add(
      'FSEN1 1 uM: synchronous death',
      `${fs.s.wave.pattern}, ${fx(100 * fs.run.summary.death.fraction_final, 1)} % committed`,
      fs.s.wave.pattern === 'synchronous',
    );
    const dfoChart = lineChart({
      title: 'Wave speed against deferoxamine (10 uM erastin)',
      x: { label: 'DFO', unit: 'uM' },
      y: { label: 'front speed (0: no wave)', unit: 'um/min', domain: [0, 7] },
      series: [{ name: 'model', points: DFO_513.map((d) => [d, (d === 0 ? by('untreated') : by(`DFO ${d} uM`)).s.v] as [number, number]), marker: 'circle' }],
      rules: [{ axis: 'y', at: 0.7 * v0, label: '0.7 x untreated' }],
    });
    const holo = by('holo-transferrin 2 uM');
    const figures: Figure[] = [
      {
        file: 'speeds.svg',
        caption:
          'Front speed by treatment (10 uM erastin, 400 x 40 dish); no bar: no wave; orange: pulse front measured up to where a spontaneously ignited front meets it',
        svg: speedBars('Wave speed under iron, NOX and FSP1 treatments', runs, v0),
      },
      { file: 'speed-vs-dfo.svg', caption: 'Front speed against DFO dose; 0 = no wave', svg: dfoChart },
      kymographFigure(holo.run, {
        file: 'kymograph-holo-transferrin.svg',
        title: 'Kymograph of cell fate, 10 uM erastin + 2 uM holo-transferrin',
        caption: 'Fraction of cells dying or dead per column bin: the pulse front from the left and a second front ignited on its own further out, which meet',
        what: { kind: 'committed' },
        color: { label: 'fraction dying or dead', unit: '1', domain: [0, 1] },
        tMin: 300,
      }),
    ];
    return result(
      c,
      runs.map((x) => `${x.name}: ${x.s.v > 0 ? fx(x.s.v) : x.s.wave.pattern === 'synchronous' ? 'synchronous' : 'none'}`).join('; ') + ' (um/min)',
      figures,
      [speedTable(runs), commands(runs.map((x) => ({ name: x.name, run: x.run })))],
    );
  },
};
