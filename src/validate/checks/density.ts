// Why this file exists: check 5.10: dense, contact-inhibited cells resist erastin better than sparse ones.
import { lineChart } from '../../report/svg';
import { survivalFigure } from '../figures';
import { Criteria, commands, dishOutcome, result } from '../kit';
import { fx, sampleAt } from '../measures';
import type { Behaviour, Figure } from '../types';

const DENSITIES_510 = [0.3, 0.5, 0.7, 0.85, 1];

export const density510: Behaviour = {
  id: '5.10',
  title: 'Dense, contact-inhibited cells resist better than sparse ones',
  target: 'Dense, contact-inhibited cells resist better than sparse ones (E-cadherin / NF2 / YAP lowers ACSL4 and TFR1).',
  pass: 'Full 400 x 40 dish, 10 uM erastin, no pulse, 25 h: at density 0.3 (fraction of sites seeded) > 80% of the cells commit; the confluent dish (density 1) loses none. Intermediate densities are shown for information.',
  source: 'Wu et al., Nature 572:402 (2019)',
  async run(ctx) {
    const runs = [];
    for (const d of DENSITIES_510) {
      const { scenario, command } = ctx.scenario('primed-light-pulse', [
        'duration_min=1500',
        `treatments=${JSON.stringify([{ agent: 'erastin', uM: 10, start_min: 0 }])}`,
        ...(d === 1 ? [] : [`tissue.density=${d}`]),
      ]);
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
      ...runs.map(
        (x) =>
          `| ${x.density} | ${x.out.cells} | ${fx(100 * x.out.fraction, 1)} % | ${x.out.first ?? '–'} | ${fx(x.at6.fe, 3)} | ${fx(x.at6.lpo, 3)} | ${fx(x.at6.gsh, 1)} |`,
      ),
    ].join('\n');
    const figures: Figure[] = [
      {
        file: 'committed-vs-density.svg',
        caption: 'Fraction of the cells that commit within 25 h of 10 uM erastin, without a pulse, against seeding density',
        svg: chart,
      },
      survivalFigure(
        'survival.svg',
        'Survival under 10 uM erastin by density (no pulse)',
        'Fraction of the initial cells not ruptured (solid) and not committed (dashed) against time',
        runs.map((x) => ({ name: `density ${x.density}`, run: x.run })),
      ),
    ];
    return result(c, runs.map((x) => `density ${x.density}: ${fx(100 * x.out.fraction, 0)} %`).join(', ') + ' committed at 25 h', figures, [
      table,
      commands([
        { name: 'density 0.3', run: sparse.run },
        { name: 'confluent', run: dense.run },
      ]),
    ]);
  },
};
