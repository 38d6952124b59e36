// Why this file exists: check 5.9: the order of events in a dying cell (lipid peroxides, then Ca2+,
// then swelling and rupture), and osmoprotection (PEG) delays rupture without stopping the wave.
import { lineChart } from '../../report/svg';
import { siteAt } from '../context';
import { survivalFigure } from '../figures';
import { Criteria, commands, meanDeathDelay, presetRun, result, speedText, waveOf } from '../kit';
import { fx, riseTime } from '../measures';
import type { Behaviour, Figure } from '../types';
import { CO_2024 } from './sources';

/** Tracked cells of 5.9: distance from the left edge (um); the figure shows the 1 mm one. */
const ORDER_CELLS_UM = [600, 1000, 1500, 2000];
const ORDER_VARS = [
  { key: 'lpo', name: 'lipid peroxides (lpo, a.u.)' },
  { key: 'ca', name: 'cytosolic Ca2+ (ca, uM)' },
  { key: 'vol', name: 'cell volume (vol, rel.)' },
] as const;
/** the pre-death baseline is read this long before commitment, min (before the front's oxidant arrives) */
const BASELINE_LEAD_MIN = 90;

export const order59: Behaviour = {
  id: '5.9',
  title: 'Order of events in a dying cell; blocking rupture does not stop the wave',
  target:
    'In a dying cell lipid peroxides rise, then cytosolic Ca2+ rises, then the cell swells and ruptures. Blocking rupture (osmoprotectant) delays death but does not stop the wave, which runs upstream of rupture.',
  pass: `In cells 0.6, 1, 1.5 and 2 mm from the pulse (10 uM erastin) each rise starts in the order lpo < Ca2+ < volume, and each cell ruptures. A rise starts when the variable first exceeds its pre-death baseline (its value ${BASELINE_LEAD_MIN} min before commitment) by 10% of its rise up to rupture; the times at 50% of the rise are shown too. With 10 mM PEG a wave still runs and commitment-to-rupture takes longer.`,
  source: `Riegman et al., Nat Cell Biol 22:1042 (2020); Pedrera et al., Cell Death Differ 28:1644 (2021); ${CO_2024}`,
  async run(ctx) {
    const { scenario, command } = ctx.scenario('primed-light-pulse', ['output.sample_every_min=0.5']);
    const yMid = (scenario.lattice.height * scenario.lattice.site_um) / 2;
    const cells = ORDER_CELLS_UM.map((x) => siteAt(scenario, x, yMid));
    const r = await ctx.run({ scenario, command, track: { cells, vars: ['lpo', 'ca', 'vol', 'ros'] } });
    const t = r.samples.map((s) => s.t_min);
    const c = new Criteria();
    const timing = r.tracks.map((tr, k) => {
      const tDying = r.sim.state.cell.t_dying[tr.index];
      const tDead = r.sim.state.cell.t_dead[tr.index];
      const tBase = tDying - BASELINE_LEAD_MIN;
      const rise = Object.fromEntries(
        ORDER_VARS.map((v) => [v.key, { onset: riseTime(t, tr.values[v.key], tBase, tDead, 0.1), mid: riseTime(t, tr.values[v.key], tBase, tDead, 0.5) }]),
      );
      return { x_um: ORDER_CELLS_UM[k], tr, tDying, tDead, rise };
    });
    for (const tm of timing) {
      const o = (key: string) => tm.rise[key].onset.time;
      const m = (key: string) => tm.rise[key].mid.time;
      c.add(
        `cell ${fx(tm.x_um / 1000, 1)} mm from the pulse: commits and ruptures`,
        `committed ${fx(tm.tDying, 1)}, ruptured ${fx(tm.tDead, 1)} min`,
        Number.isFinite(tm.tDead),
      );
      c.add(
        `cell ${fx(tm.x_um / 1000, 1)} mm: rises start lpo < Ca2+ < volume`,
        `onset lpo ${fx(o('lpo'), 1)}, Ca2+ ${fx(o('ca'), 1)}, volume ${fx(o('vol'), 1)} min (50% of rise: ${fx(m('lpo'), 1)}, ${fx(m('ca'), 1)}, ${fx(m('vol'), 1)})`,
        o('lpo') < o('ca') && o('ca') < o('vol'),
      );
    }
    const main = timing[ORDER_CELLS_UM.indexOf(1000)];
    const timingTable = [
      '| cell | variable | baseline | value at rupture (max) | rise starts (10%) at (min) | 50% of rise at (min) |',
      '|---|---|---|---|---|---|',
      ...timing.flatMap((tm) =>
        ORDER_VARS.map(
          (v) =>
            `| ${fx(tm.x_um / 1000, 1)} mm | ${v.name} | ${fx(tm.rise[v.key].onset.baseline, 3)} | ${fx(tm.rise[v.key].onset.peak, 3)} | ${fx(tm.rise[v.key].onset.time, 1)} | ${fx(tm.rise[v.key].mid.time, 1)} |`,
        ),
      ),
    ].join('\n');
    const peg = await presetRun(ctx, 'primed-light-pulse', [`treatments[2]=${JSON.stringify({ agent: 'peg', uM: 10000, start_min: 0 })}`]);
    const base = await presetRun(ctx, 'primed-light-pulse');
    const wp = waveOf(peg);
    c.add('with 10 mM PEG a wave still runs', speedText(wp), wp.detected);
    const d0 = meanDeathDelay(base.sim.state);
    const d1 = meanDeathDelay(peg.sim.state);
    c.add('PEG delays rupture after commitment', `${fx(d0.mean, 1)} -> ${fx(d1.mean, 1)} min (mean over ${d0.n} / ${d1.n} ruptured cells)`, d1.mean > d0.mean);
    // the 1 mm cell, each variable rescaled to its rise above the pre-death baseline
    const t0 = Number.isFinite(main.tDying) ? main.tDying - BASELINE_LEAD_MIN : 360;
    const t1 = Number.isFinite(main.tDead) ? main.tDead + 20 : scenario.duration_min;
    const scaled = (key: string) => {
      const { baseline, peak } = main.rise[key].onset;
      return t.map((x, k) => [x, (main.tr.values[key][k] - baseline) / (peak - baseline)] as [number, number]).filter(([x]) => x >= t0 && x <= t1);
    };
    const colors = ['#0072b2', '#d55e00', '#009e73'];
    const chart = lineChart({
      title: `One dying cell 1 mm from the pulse (site ${main.tr.index})`,
      x: { label: 'time', unit: 'min' },
      y: { label: 'rise above baseline / rise to rupture', unit: '1', domain: [-0.05, 1.08] },
      series: ORDER_VARS.map((v, k) => ({ name: v.name, points: scaled(v.key), color: colors[k] })),
      rules: [
        ...ORDER_VARS.map((v, k) => ({ axis: 'x' as const, at: main.rise[v.key].onset.time, color: colors[k] })),
        { axis: 'y', at: 0.1, label: 'rise starts (10%)' },
        ...(Number.isFinite(main.tDying) ? [{ axis: 'x' as const, at: main.tDying, label: 'committed', color: '#555' }] : []),
        ...(Number.isFinite(main.tDead) ? [{ axis: 'x' as const, at: main.tDead, label: 'ruptured', color: '#000' }] : []),
      ],
    });
    const unprimed = await presetRun(ctx, 'unprimed-light-pulse');
    const low = await presetRun(ctx, 'primed-light-pulse', ['treatments[0].uM=1.25']);
    const fer = await presetRun(ctx, 'primed-light-pulse', [`treatments[2]=${JSON.stringify({ agent: 'ferrostatin-1', uM: 5, start_min: 0 })}`]);
    const survival = survivalFigure(
      'survival.svg',
      'Survival in a 400 x 40 dish (light pulse at 360 min)',
      'Fraction of the initial cells not ruptured (alive or dying, solid) and not committed (alive, dashed) against time; PEG delays rupture, not commitment',
      [
        { name: '10 uM erastin', run: base },
        { name: '10 uM erastin + 10 mM PEG', run: peg },
        { name: '1.25 uM erastin', run: low },
        { name: '10 uM erastin + 5 uM ferrostatin-1', run: fer },
        { name: 'no erastin', run: unprimed },
      ],
    );
    const figures: Figure[] = [
      {
        file: 'event-order.svg',
        caption: `Lipid peroxides, cytosolic Ca2+ and volume of one cell in the wave, each as its rise above its value ${BASELINE_LEAD_MIN} min before commitment, as a fraction of its rise up to rupture; coloured vertical lines: where each rise starts (10%)`,
        svg: chart,
      },
      survival,
    ];
    const o = (key: string) => fx(main.rise[key].onset.time, 1);
    const m = (key: string) => fx(main.rise[key].mid.time, 1);
    return result(
      c,
      `1 mm cell: rises start at lpo ${o('lpo')}, Ca2+ ${o('ca')}, vol ${o('vol')} min (50% of rise at ${m('lpo')}, ${m('ca')}, ${m('vol')}); ordered in ${timing.filter((tm) => tm.rise.lpo.onset.time < tm.rise.ca.onset.time && tm.rise.ca.onset.time < tm.rise.vol.onset.time).length} of ${timing.length} cells; PEG: ${speedText(wp)}, rupture ${fx(d0.mean, 0)} -> ${fx(d1.mean, 0)} min after commitment`,
      figures,
      [
        timingTable,
        commands([
          { name: 'event order', run: r },
          { name: 'PEG', run: peg },
        ]),
      ],
    );
  },
};
