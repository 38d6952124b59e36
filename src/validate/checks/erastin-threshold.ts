// Why this file exists: check 5.3: the erastin threshold of the wave (none at 0.3-0.6 uM, waves from
// 1.25 uM) and a speed that does not fall as the dose rises.
import { lineChart } from '../../report/svg';
import { frontFigure } from '../figures';
import { Criteria, commands, presetRun, result, speedText, waveOf } from '../kit';
import { fx } from '../measures';
import type { Behaviour, Figure } from '../types';
import { CO_2024 } from './sources';

const DOSES_53 = [0.3, 0.6, 1.25, 2.5, 5, 10];

export const threshold53: Behaviour = {
  id: '5.3',
  title: 'Erastin threshold; speed does not fall with dose',
  target: 'No wave at 0.3 or 0.6 uM erastin, waves from 1.25 uM up; speed does not fall as the dose rises.',
  pass: 'As stated, at 0.3, 0.6, 1.25, 2.5, 5, 10 uM (full 400 x 40 dish), each speed >= 0.98 x the speed at the next lower dose.',
  source: CO_2024,
  async run(ctx) {
    const runs = await Promise.all(
      DOSES_53.map(async (d) => ({ dose: d, run: await presetRun(ctx, 'primed-light-pulse', d === 10 ? [] : [`treatments[0].uM=${d}`]) })),
    );
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
        {
          name: 'model: no wave (plotted at 0)',
          points: waves.filter((x) => !x.w.detected).map((x) => [x.dose, 0] as [number, number]),
          line: false,
          marker: 'cross',
          color: '#d55e00',
        },
        {
          name: 'Co et al. 10 uM: 4.5-6.1, ~5.5',
          points: [
            [10, 4.5],
            [10, 6.1],
          ],
          color: '#009e73',
          width: 3,
        },
        { name: 'Co et al. typical speed', points: [[10, 5.5]], line: false, marker: 'diamond', color: '#009e73' },
      ],
    });
    const figures: Figure[] = [
      { file: 'speed-vs-dose.svg', caption: 'Front speed against erastin dose (log axis); crosses: no wave detected', svg: speedChart },
      frontFigure(
        'fronts.svg',
        'Front position against time by erastin dose',
        'Furthest committed cell beyond the pulse edge against time, one line per dose',
        waves.map((x) => ({ name: `${x.dose} uM`, run: x.run })),
      ),
    ];
    const table = [
      '| erastin (uM) | wave | speed (um/min) | early / late | R² | reach (um) |',
      '|---|---|---|---|---|---|',
      ...waves.map(
        ({ dose, w }) =>
          `| ${dose} | ${w.detected ? 'yes' : 'no'} | ${fx(w.speed_um_per_min)} | ${fx(w.speed_early)} / ${fx(w.speed_late)} | ${fx(w.r2, 4)} | ${fx(w.reach_um, 0)} |`,
      ),
    ].join('\n');
    const model = waves.map(({ dose, w }) => `${dose}: ${w.detected ? fx(w.speed_um_per_min) : 'none'}`).join(', ');
    return result(c, `speed (um/min) by dose (uM): ${model}`, figures, [table, commands(waves.map((x) => ({ name: `${x.dose} uM`, run: x.run })))]);
  },
};
