// Why this file exists: check 5.2: without erastin the same burst kills only its neighbourhood and the
// tissue recovers.
import { lineChart } from '../../report/svg';
import { kymographFigure } from '../figures';
import { Criteria, commands, presetRun, result, waveOf } from '../kit';
import { committedProfile, fx, sampleAt } from '../measures';
import type { Behaviour, Figure } from '../types';
import { CO_2024 } from './sources';

export const reach52: Behaviour = {
  id: '5.2',
  title: 'Without priming the burst kills only its neighbourhood',
  target: 'Without erastin the same burst kills only its neighbourhood, reach <= ~20 um (2-3 cells), then the tissue recovers.',
  pass: "Reach read as 2-3 cells of 20 um. No wave, cells die but none further than 60 um beyond the illuminated disc, no cell still dying at the end, no new deaths in the last 6 h, survivors' mean ROS back within 10% of its pre-pulse value.",
  source: CO_2024,
  async run(ctx) {
    const r = await presetRun(ctx, 'unprimed-light-pulse');
    const primed = await presetRun(ctx, 'primed-light-pulse');
    const w = waveOf(r);
    const last = r.samples[r.samples.length - 1];
    const c = new Criteria();
    c.add('no wave', w.detected ? 'wave' : 'no wave', !w.detected);
    c.add('the illuminated cells die', `${last.dead} dead`, last.dead > 0);
    c.add('reach <= 60 um beyond the illuminated disc', `${fx(w.reach_um, 0)} um`, w.reach_um <= 60);
    c.add('no cell still dying at the end', `${last.dying} dying`, last.dying === 0);
    const dead540 = sampleAt(r.samples, r.scenario.duration_min - 360).dead;
    c.add('no new deaths in the last 6 h', `${dead540} -> ${last.dead} dead`, dead540 === last.dead);
    const pre = sampleAt(r.samples, 355).means.ros;
    const post = last.means.ros;
    c.add("survivors' mean ROS within 10% of pre-pulse", `${fx(pre, 3)} -> ${fx(post, 3)} a.u.`, Math.abs(post / pre - 1) < 0.1);
    const origin = w.origin;
    const site = r.scenario.lattice.site_um;
    const profile = lineChart({
      title: 'Cells committed at the end against distance from the pulse',
      x: { label: 'distance beyond the illuminated disc', unit: 'um' },
      y: { label: 'fraction dying or dead', unit: '1', domain: [0, 1.02] },
      series: [
        { name: 'no erastin', points: committedProfile(r.sim.state, site, origin, 1000), marker: 'circle' },
        { name: '10 uM erastin', points: committedProfile(primed.sim.state, site, origin, 1000), dash: true },
      ],
      rules: [{ axis: 'x', at: 60, label: 'target reach 60 um' }],
    });
    const figures: Figure[] = [
      {
        file: 'profile.svg',
        caption: 'Fraction of cells committed (dying or dead) at 900 min, by distance beyond the illuminated disc, with and without erastin',
        svg: profile,
      },
      kymographFigure(r, {
        file: 'kymograph-ros.svg',
        title: 'Kymograph of ROS in living cells without erastin (first 800 um)',
        caption: 'Mean ROS over living cells per column bin after 300 min: the pulse at 360-370 min raises ROS near the edge, then it relaxes',
        what: { kind: 'cell', name: 'ros' },
        color: { label: 'ROS', unit: 'a.u.' },
        tMin: 300,
        xMax_um: 800,
      }),
    ];
    return result(
      c,
      `${w.detected ? 'wave' : 'no wave'}; ${last.dead} cells died, reach ${fx(w.reach_um, 0)} um; survivors' ROS ${fx(pre, 3)} -> ${fx(post, 3)} a.u.`,
      figures,
      [commands([{ name: 'no erastin', run: r }])],
    );
  },
};
