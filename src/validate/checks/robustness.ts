// Why this file exists: check "robustness": the wave is not a knife edge. In the primed dish any
// single gene expressed x0.8 or x1.25, and a cell-to-cell spread of expression up to 0.2, still give
// a travelling front at 0.6-1.6 x the control speed, never synchronous death.
import { GENES } from '../../model/layout';
import { barChart } from '../../report/svg';
import { Criteria, commands, type FrontSpeed, result } from '../kit';
import { fx } from '../measures';
import type { Behaviour, Figure } from '../types';
import { CO_2024 } from './sources';
import { geneChange, type SpeedResult, speedRun } from './speed-cases';

/** every gene of the phenotype except the division rate (no division in a monolayer) */
const ROBUST_GENES = GENES.filter((g) => g !== 'PROLIF');
const FACTORS = [0.8, 1.25];
const CVS = [0.1, 0.2];

export const robustness: Behaviour = {
  id: 'robustness',
  title: 'The wave is robust: single genes x0.8 / x1.25 and cell-to-cell spread keep a travelling front',
  target:
    'A travelling wave that only exists in a narrow parameter window would mislead: the primed dish keeps a travelling front at 0.6-1.6 x the control speed when any single gene is expressed x0.8 or x1.25, and with a cell-to-cell spread of expression (pheno_cv) up to 0.2.',
  pass: `Full 400 x 40 dish (primed-light-pulse, 10 uM erastin, pulse at 360 min): each of ${ROBUST_GENES.length} genes at x0.8 (knockdown) and x1.25 (overexpress) in every cell, and pheno_cv ${CVS.join(' and ')}: a detected travelling wave (not synchronous death) at 0.6-1.6 x the untreated speed.`,
  source: `${CO_2024} (waves in hTERT RPE-1 monolayers across wells and plates); criterion of the model's robustness (issue on model v2)`,
  async run(ctx) {
    const untreated = await speedRun(ctx, { name: 'untreated' });
    const v0 = untreated.s.v;
    const runs: SpeedResult[] = [];
    for (const g of ROBUST_GENES) for (const f of FACTORS) runs.push(await speedRun(ctx, { name: `${g} x${f}`, extra: [geneChange(g, f)] }));
    for (const cv of CVS) runs.push(await speedRun(ctx, { name: `pheno_cv ${cv}`, params: { pheno_cv: cv } }));
    const c = new Criteria();
    c.add('untreated: a travelling wave', untreated.s.text, v0 > 0);
    const ratio = (s: FrontSpeed) => (v0 > 0 ? s.v / v0 : 0);
    for (const r of runs) {
      const q = ratio(r.s);
      c.add(
        `${r.name}: travelling wave at 0.6-1.6 x`,
        r.s.v > 0 ? `${fx(q, 3)} x (${r.s.wave.pattern})` : r.s.wave.pattern === 'synchronous' ? 'synchronous death' : 'no wave',
        r.s.v > 0 && r.s.wave.pattern === 'wave' && q >= 0.6 && q <= 1.6,
      );
    }
    const qs = runs.map((r) => ratio(r.s));
    const figures: Figure[] = [
      {
        file: 'robustness.svg',
        caption: 'Wave speed relative to the untreated dish with each gene at x0.8 and x1.25, and with cell-to-cell spread; dashed: the 0.6-1.6 x band',
        svg: barChart({
          title: 'Wave speed with single genes changed (10 uM erastin, 400 x 40 dish)',
          x: { label: 'speed / untreated speed', unit: '1', domain: [0, 1.8] },
          bars: runs.map((r) => ({ label: r.name, value: ratio(r.s), note: r.s.v > 0 ? fx(ratio(r.s), 2) : r.s.wave.pattern })),
          rules: [
            { axis: 'x', at: 0.6, label: '0.6' },
            { axis: 'x', at: 1, label: 'untreated' },
            { axis: 'x', at: 1.6, label: '1.6' },
          ],
        }),
      },
    ];
    return result(c, `speed ratios ${fx(Math.min(...qs), 2)}-${fx(Math.max(...qs), 2)} over ${runs.length} cases; untreated ${untreated.s.text}`, figures, [
      commands([{ name: 'untreated', run: untreated.run }, ...runs.map((r) => ({ name: r.name, run: r.run }))]),
    ]);
  },
};
