// Why this file exists: check 5.4: GSH against erastin dose at 5 h (the data of Co et al.) and 8 h,
// on small dishes without a pulse.
import { lineChart } from '../../report/svg';
import { Criteria, commands, result } from '../kit';
import { doseAtLevel, fx, sampleAt } from '../measures';
import type { Behaviour, Figure, RunResult } from '../types';
import { CO_2024 } from './sources';

const DOSES_54 = [0.15, 0.3, 0.6, 1.25, 2.5, 5, 10];
const GSH_CO_5H = [54, 39, 26, 16, 10, 8, 8];
const GSH_TOL_PP = 8;

export const gsh54: Behaviour = {
  id: '5.4',
  title: 'GSH falls with erastin dose, deeper at 8 h than at 5 h',
  target: `GSH after 5 h of erastin, % of control: ${GSH_CO_5H.join(', ')} at ${DOSES_54.join(', ')} uM; deeper at 8 h than at 5 h; GSH depletion alone does not make a wave (it halves far below the wave threshold).`,
  pass: `Every dose within ${GSH_TOL_PP} percentage points at 5 h, 8 h below 5 h at every dose, and GSH at 5 h halves at a dose below 0.6 uM (the highest dose without a wave). Run on 8 x 8 sites without a pulse.`,
  source: `${CO_2024} (GSH measurements)`,
  async run(ctx) {
    const small = (name: string, treatments: string) => {
      const { scenario, command } = ctx.scenario('primed-light-pulse', [
        `name=${name}`,
        'lattice.width=8',
        'lattice.height=8',
        'duration_min=480',
        `treatments=${treatments}`,
      ]);
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
      ribbons: [
        {
          name: `Co et al. +- ${GSH_TOL_PP} pp (pass band)`,
          points: DOSES_54.map((d, k) => [d, GSH_CO_5H[k] - GSH_TOL_PP, GSH_CO_5H[k] + GSH_TOL_PP] as [number, number, number]),
          color: '#009e73',
        },
      ],
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
      ...DOSES_54.map(
        (d, k) => `| ${d} | ${GSH_CO_5H[k]} | ${fx(at5[k], 1)} | ${at5[k] - GSH_CO_5H[k] >= 0 ? '+' : ''}${fx(at5[k] - GSH_CO_5H[k], 1)} | ${fx(at8[k], 1)} |`,
      ),
    ].join('\n');
    const figures: Figure[] = [
      {
        file: 'gsh-vs-dose.svg',
        caption: 'Mean GSH of living cells as % of the untreated control at 5 h and 8 h, against the data of Co et al. (5 h)',
        svg: chart,
      },
    ];
    return result(
      c,
      `5 h: ${at5.map((v) => fx(v, 0)).join(', ')} % (data ${GSH_CO_5H.join(', ')}); 8 h: ${at8.map((v) => fx(v, 0)).join(', ')} %; halves ${at5[0] <= 50 ? `at or below ${DOSES_54[0]}` : `at ${fx(half, 2)}`} uM`,
      figures,
      [
        table,
        commands([
          { name: 'control', run: control },
          { name: '10 uM', run: runs[runs.length - 1] },
        ]),
      ],
    );
  },
};
