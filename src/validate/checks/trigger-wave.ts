// Why this file exists: check 5.1: in an erastin-primed monolayer a light pulse launches a death
// front at constant speed (~5.5 um/min), linear in time over millimetres.
import { lineChart, type Series } from '../../report/svg';
import { kymographFigure } from '../figures';
import { Criteria, commands, presetRun, result, waveOf } from '../kit';
import { frontPoints, fx } from '../measures';
import type { Behaviour, Figure } from '../types';
import { CO_2024 } from './sources';

export const wave51: Behaviour = {
  id: '5.1',
  title: 'Trigger wave in an erastin-primed monolayer',
  target:
    'In a confluent monolayer primed with 10 uM erastin, a local ROS burst launches a death front at constant speed, about 5.5 um/min (measured 4.5-6.1 um/min across plates), linear in time over millimetres.',
  pass: 'Speed 4.5-6.5 um/min, R² of the linear fit > 0.99, early and late halves within 10%, front travels > 2 mm.',
  source: CO_2024,
  async run(ctx) {
    const r = await presetRun(ctx, 'primed-light-pulse');
    const w = waveOf(r);
    const c = new Criteria();
    const v = w.speed_um_per_min ?? Number.NaN;
    c.add('a front is detected', w.detected ? 'yes' : 'no', w.detected);
    c.add('speed 4.5-6.5 um/min', `${fx(v)} um/min`, v >= 4.5 && v <= 6.5);
    c.add('R² > 0.99', fx(w.r2, 4), (w.r2 ?? 0) > 0.99);
    const ratio = (w.speed_late ?? Number.NaN) / (w.speed_early ?? Number.NaN);
    c.add('early / late speed within 10%', `${fx(w.speed_early)} / ${fx(w.speed_late)} um/min (ratio ${fx(ratio, 3)})`, Math.abs(ratio - 1) < 0.1);
    c.add('front travels > 2000 um', `${fx(w.reach_um, 0)} um`, w.reach_um > 2000);
    const site = r.scenario.lattice.site_um;
    const origin = w.origin;
    const { points, fit } = frontPoints(r.sim.state, site, origin);
    const t1 = r.scenario.duration_min;
    const fitLine: Array<[number, number]> = fit ? [points[0][0], t1].map((t) => [t, fit.intercept + fit.slope * t] as [number, number]) : [];
    const front = lineChart({
      title: 'Front position against time (10 uM erastin, 400 x 40 sites)',
      x: { label: 'time', unit: 'min' },
      y: { label: 'distance beyond the pulse edge', unit: 'um' },
      series: [
        { name: 'median commit time per 20 um bin', points, line: false, marker: 'circle', color: '#0072b2' },
        { name: `linear fit: ${fx(fit?.slope)} um/min, R² ${fx(fit?.r2, 4)}`, points: fitLine, color: '#d55e00', dash: true },
        {
          name: 'furthest committed cell (samples)',
          points: r.samples.filter((s) => s.front_um !== null).map((s) => [s.t_min, s.front_um!] as [number, number]),
          color: '#009e73',
          width: 1,
        },
      ],
    });
    const x0 = origin.disc ? origin.disc.x_um + origin.disc.r_um : 0;
    const overlay: Series[] = fit
      ? [{ name: `fit ${fx(fit.slope)} um/min`, points: fitLine.map(([t, d]) => [x0 + d, t] as [number, number]), color: '#ff3b30', dash: true }]
      : [];
    const figures: Figure[] = [
      kymographFigure(r, {
        file: 'kymograph-fate.svg',
        title: 'Kymograph of cell fate, 10 uM erastin + light pulse at 360 min',
        caption:
          'Fraction of cells dying or dead in each 40 um column bin (all 40 rows) against time, from 300 min; the dashed line is the linear fit of the front',
        what: { kind: 'committed' },
        color: { label: 'fraction dying or dead', unit: '1', domain: [0, 1] },
        overlays: overlay,
        tMin: 300,
      }),
      kymographFigure(r, {
        file: 'kymograph-ros.svg',
        title: 'Kymograph of ROS in living cells, 10 uM erastin',
        caption: 'Mean ROS over living (alive or dying) cells in each column bin after 300 min; grey: no living cell left',
        what: { kind: 'cell', name: 'ros' },
        color: { label: 'ROS', unit: 'a.u.' },
        tMin: 300,
      }),
      { file: 'front.svg', caption: 'Front position against time with the linear fit (no sqrt(t) slowing)', svg: front },
    ];
    return result(
      c,
      `${fx(v)} um/min (early ${fx(w.speed_early)}, late ${fx(w.speed_late)}; R² ${fx(w.r2, 4)}), front reached ${fx(w.reach_um, 0)} um`,
      figures,
      [commands([{ name: '10 uM erastin', run: r }])],
    );
  },
};
