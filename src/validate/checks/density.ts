// Why this file exists: check 5.10: dense, contact-inhibited cells resist erastin better than sparse
// ones, graded with density: fewer cells die on their own (before any neighbour) the denser the dish.
import { autonomousCommitments } from '../../analysis/ignition';
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
  pass: 'Full 400 x 40 dish, 10 uM erastin, no pulse and no spontaneous bursts, 25 h, densities 0.3, 0.5, 0.7, 0.85 and 1 (fraction of sites seeded): the share of the cells that commit on their own (no neighbour committed before them: cell-intrinsic sensitivity, waves aside) never rises with density and takes at least four distinct values (graded, not a step), from more than 10 % at density 0.3 to none in the confluent dish. The share committed in all (waves included) is shown for information: where cells touch, one death can take a cluster with it.',
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
      const out = dishOutcome(r);
      runs.push({
        density: d,
        run: r,
        out,
        at6: sampleAt(r.samples, 360).means,
        own: out.cells > 0 ? autonomousCommitments(r.sim.state) / out.cells : Number.NaN,
      });
    }
    const sparse = runs[0];
    const dense = runs[runs.length - 1];
    const c = new Criteria();
    const owns = runs.map((x) => x.own);
    let mono = true;
    for (let k = 1; k < owns.length; k++) if (owns[k] > owns[k - 1]) mono = false;
    const levels = new Set(owns.map((v) => v.toFixed(4))).size;
    const ownText = runs.map((x) => `${x.density}: ${fx(100 * x.own, 1)} %`).join(', ');
    c.add('share committing on their own never rises with density', ownText, mono);
    c.add('graded: at least four distinct values over the five densities', `${levels} distinct`, levels >= 4);
    c.add('density 0.3: > 10 % commit on their own', `${fx(100 * sparse.own, 1)} %`, sparse.own > 0.1);
    c.add('density 1: no cell commits', `${fx(100 * dense.out.fraction, 1)} % of ${dense.out.cells}`, dense.out.fraction === 0);
    const chart = lineChart({
      title: 'Cells committed after 25 h of 10 uM erastin against density (400 x 40 dish, no pulse)',
      x: { label: 'density (fraction of sites seeded)', unit: '1', domain: [0.25, 1.02] },
      y: { label: 'fraction of the cells at 25 h', unit: '1', domain: [-0.02, 1.05] },
      series: [
        { name: 'committed on their own', points: runs.map((x) => [x.density, x.own] as [number, number]), marker: 'circle' },
        { name: 'committed in all (waves included)', points: runs.map((x) => [x.density, x.out.fraction] as [number, number]), marker: 'square', dash: true },
      ],
    });
    const table = [
      '| density | cells | committed on their own | committed at 25 h | first commitment (min) | mean labile iron at 6 h (fe) | mean lpo at 6 h (a.u.) | mean GSH at 6 h |',
      '|---|---|---|---|---|---|---|---|',
      ...runs.map(
        (x) =>
          `| ${x.density} | ${x.out.cells} | ${fx(100 * x.own, 1)} % | ${fx(100 * x.out.fraction, 1)} % | ${x.out.first ?? '–'} | ${fx(x.at6.fe, 3)} | ${fx(x.at6.lpo, 3)} | ${fx(x.at6.gsh, 1)} |`,
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
    return result(c, `committed on their own by density: ${ownText}; in all: ${runs.map((x) => `${fx(100 * x.out.fraction, 0)} %`).join(', ')}`, figures, [
      table,
      commands([
        { name: 'density 0.3', run: sparse.run },
        { name: 'confluent', run: dense.run },
      ]),
    ]);
  },
};
