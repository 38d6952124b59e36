// Why this file exists: check 5.6: bistability: a sub-threshold pulse relaxes, a supra-threshold one
// ignites a wave, only in primed cells.
import { DEAD } from '../../model/layout';
import { lineChart, type Series } from '../../report/svg';
import { siteAt } from '../context';
import { Criteria, commands, maxAliveRos, result, speedText, waveOf } from '../kit';
import { fx } from '../measures';
import type { Behaviour, Figure } from '../types';
import { CO_2024 } from './sources';

export const bistable56: Behaviour = {
  id: '5.6',
  title: 'Bistability: sub-threshold pulses relax, supra-threshold pulses ignite, only when primed',
  target: 'A sub-threshold pulse relaxes, a supra-threshold pulse becomes a self-sustained high-ROS state, only in primed cells.',
  pass: "10 uM erastin, pulse at 360-370 min: a 0.5 a.u. pulse commits no cell and the illuminated cell's ROS ends within 10% of its value in the same dish without a pulse (ROS drifts while erastin acts); a 30 a.u. pulse launches a wave; without erastin a 30 a.u. pulse launches no wave and no alive cell holds ROS > 1 a.u. from 60 min after the pulse.",
  source: CO_2024,
  async run(ctx) {
    const common = ['duration_min=600', 'output.sample_every_min=1'];
    const specs = [
      { name: 'primed, no pulse', preset: 'primed-light-pulse', overrides: ['treatments[1].dose=0', ...common] },
      { name: 'primed, 0.5 a.u.', preset: 'primed-light-pulse', overrides: ['treatments[1].dose=0.5', ...common] },
      { name: 'primed, 30 a.u.', preset: 'primed-light-pulse', overrides: common },
      { name: 'unprimed, 30 a.u.', preset: 'unprimed-light-pulse', overrides: common },
    ];
    const runs = await Promise.all(
      specs.map(async (s) => {
        const { scenario, command } = ctx.scenario(s.preset, s.overrides);
        const cells = [siteAt(scenario, 10, 390), siteAt(scenario, 150, 390)];
        return { ...s, run: await ctx.run({ scenario, command, track: { cells, vars: ['ros'] }, probes: { maxAliveRos } }) };
      }),
    );
    const [none, sub, supra, unprimed] = runs.map((x) => x.run);
    const c = new Criteria();
    const subLast = sub.samples[sub.samples.length - 1];
    c.add('primed, 0.5 a.u.: no cell commits', `${subLast.dying + subLast.dead} committed`, subLast.dying + subLast.dead === 0);
    // ROS drifts up while erastin depletes GSH, so "relaxes" is judged against the same dish without a pulse
    const peak = Math.max(...sub.tracks[0].values.ros);
    const litEnd = sub.tracks[0].values.ros[sub.samples.length - 1];
    const ctlEnd = none.tracks[0].values.ros[none.samples.length - 1];
    c.add(
      'primed, 0.5 a.u.: the illuminated cell ends within 10% of the unpulsed dish',
      `peak ${fx(peak, 3)}, end ${fx(litEnd, 3)} a.u. vs ${fx(ctlEnd, 3)} a.u. without pulse`,
      Math.abs(litEnd / ctlEnd - 1) < 0.1,
    );
    const ws = waveOf(supra);
    c.add('primed, 30 a.u.: wave', speedText(ws), ws.detected);
    const wu = waveOf(unprimed);
    c.add('unprimed, 30 a.u.: no wave', speedText(wu), !wu.detected);
    const tAfter = 370 + 60;
    const late = unprimed.probes.maxAliveRos.filter((_, k) => unprimed.samples[k].t_min >= tAfter);
    const maxLate = Math.max(...late);
    c.add('unprimed, 30 a.u.: no alive cell with ROS > 1 a.u. after 430 min', `max ${fx(maxLate, 3)} a.u.`, maxLate <= 1);
    const series: Series[] = [];
    runs.forEach((x, k) => {
      const color = ['#777777', '#0072b2', '#d55e00', '#009e73'][k];
      x.run.tracks.forEach((tr, j) => {
        const pts = x.run.samples.map((s, i) => [s.t_min, tr.status[i] === DEAD ? Number.NaN : tr.values.ros[i]] as [number, number]).filter(([t]) => t >= 300);
        series.push({ name: `${x.name}: ${j === 0 ? 'cell in the pulse' : 'cell 50 um beyond'}`, points: pts, color, dash: j === 1 });
      });
    });
    const chart = lineChart({
      title: 'ROS of single cells around the pulse (360-370 min)',
      x: { label: 'time', unit: 'min' },
      y: { label: 'ROS', unit: 'a.u.', log: true },
      series,
      rules: [{ axis: 'y', at: 1, label: 'NOX feedback half-activation (1 a.u.)' }],
    });
    const figures: Figure[] = [
      {
        file: 'ros-traces.svg',
        caption:
          'ROS of a cell inside the pulse disc (solid) and of a cell 50 um beyond its edge (dashed), until rupture; grey: the same dish without a pulse; log axis',
        svg: chart,
      },
    ];
    return result(
      c,
      `0.5 a.u.: ${subLast.dying + subLast.dead} cells commit, the illuminated cell's ROS peaks at ${fx(peak, 2)} and ends at ${fx(litEnd, 3)} a.u. (${fx(ctlEnd, 3)} without pulse); 30 a.u.: ${speedText(ws)} primed, ${speedText(wu)} unprimed (max alive ROS after 430 min ${fx(maxLate, 3)} a.u.)`,
      figures,
      [commands(runs.map((x) => ({ name: x.name, run: x.run })))],
    );
  },
};
