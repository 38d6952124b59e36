// Why this file exists: check "spontaneous": without a pulse a primed dish ignites on its own,
// sooner with more iron.
import { lineChart } from '../../report/svg';
import { survivalFigure } from '../figures';
import { Criteria, commands, dishOutcome, dishRun, result } from '../kit';
import { fx } from '../measures';
import type { Behaviour, Figure, RunResult } from '../types';
import { CO_2024 } from './sources';

const FAC_SPONT = [0, 10, 20, 30, 40];

export const spontaneous: Behaviour = {
  id: 'spontaneous',
  title: 'Spontaneous initiation of waves in primed tissue',
  target:
    'Without a light pulse, a primed dish ignites on its own from its most sensitive cells, hours after priming and sooner with more iron (iron-dependent ROS; docs/model.md 3.11). Spontaneous bursts (`burst_rate`) are off by default and still to be calibrated.',
  pass: '40 x 40 site dishes (seed 1), 10 uM erastin, no pulse, 30 h, ferric ammonium citrate (FAC) 0-40 uM from t = 0: no cell commits without FAC; with 20 uM FAC the dish ignites, after > 4 h; the first commitment comes earlier with more iron (never at 0 uM, then non-increasing over 20, 30, 40 uM) and is earlier at 40 than at 20 uM.',
  source: `${CO_2024}; docs/model.md section 3.11`,
  async run(ctx) {
    const runs: Array<{ fac: number; run: RunResult; out: ReturnType<typeof dishOutcome> }> = [];
    for (const f of FAC_SPONT) {
      const r = await dishRun(
        ctx,
        `spontaneous-fac-${f}uM`,
        [{ agent: 'erastin', uM: 10, start_min: 0 }, ...(f > 0 ? [{ agent: 'fac', uM: f, start_min: 0 }] : [])],
        { size: 40, minutes: 1800 },
      );
      runs.push({ fac: f, run: r, out: dishOutcome(r) });
    }
    const first = (f: number) => runs.find((x) => x.fac === f)!.out.first;
    const c = new Criteria();
    c.add('FAC 0: no cell commits in 30 h', first(0) === null ? 'none' : `first at ${first(0)} min`, first(0) === null);
    c.add('FAC 20 uM: the dish ignites, after > 240 min', first(20) === null ? 'none' : `first at ${first(20)} min`, first(20) !== null && first(20)! > 240);
    c.add(
      'FAC 40 uM: earlier than at 20 uM',
      `${first(40) ?? 'none'} vs ${first(20) ?? 'none'} min`,
      first(40) !== null && first(20) !== null && first(40)! < first(20)!,
    );
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
        {
          name: 'no commitment within 30 h (plotted at 1800)',
          points: runs.filter((x) => x.out.first === null).map((x) => [x.fac, 1800] as [number, number]),
          line: false,
          marker: 'cross',
          color: '#d55e00',
        },
      ],
      rules: [{ axis: 'y', at: 240, label: '4 h' }],
    });
    const table = [
      '| FAC (uM) | first commitment (min) | half committed (min) | committed at 30 h | pattern from the first cell | speed (um/min) |',
      '|---|---|---|---|---|---|',
      ...runs.map(
        (x) =>
          `| ${x.fac} | ${x.out.first ?? '–'} | ${x.out.t50 ?? '–'} | ${fx(100 * x.out.fraction, 1)} % | ${x.run.summary.wave.pattern} | ${fx(x.run.summary.wave.speed_um_per_min)} |`,
      ),
    ].join('\n');
    const figures: Figure[] = [
      { file: 'first-commitment.svg', caption: 'Time of the first commitment in a primed dish without a pulse against added iron', svg: chart },
      survivalFigure(
        'survival.svg',
        'Survival of primed 40 x 40 dishes without a pulse, by added iron',
        'Fraction of the initial cells not ruptured (solid) and not committed (dashed)',
        runs.map((x) => ({ name: `FAC ${x.fac} uM`, run: x.run })),
      ),
    ];
    return result(c, `first commitment (min) by FAC (uM): ${runs.map((x) => `${x.fac}: ${x.out.first ?? 'none'}`).join(', ')}`, figures, [
      table,
      commands(runs.map((x) => ({ name: `FAC ${x.fac} uM`, run: x.run }))),
    ]);
  },
};
