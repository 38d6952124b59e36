// Why this file exists: check ion-cl (issue 14, the chloride part of the review's crosstalk): the
// Ca2+-activated Cl- channel TMEM16F carries the Cl- load that swells and bursts a dying cell, so
// its loss or block lowers death without stopping the wave upstream; intracellular Cl- and CLIC5
// act on mitochondrial ROS. The criteria are those of the design written before the module was
// built (docs/design/ion-crosstalk.md, L1-L3); the sources give directions, the factors are the design's.
import { Criteria, commands, medianDeathDelay, result } from '../kit';
import { siteAt } from '../context';
import { fx, sampleAt } from '../measures';
import type { Behaviour, RunResult } from '../types';
import { doseText, drug, knockdown, type SpeedResult, speedRun, threshold } from './speed-cases';

/** cells tracked for L2 (distance from the pulse edge, um), as in check 5.9 */
const TRACKED_UM = [600, 1000, 1500, 2000];

/** ruptured cells / all cells at the end, and the median commitment -> rupture (min) */
function rupture(r: RunResult): { fraction: number; median: number | null } {
  const { median, n } = medianDeathDelay(r.sim.state);
  return { fraction: n / r.sim.state.n, median };
}

export const ionChloride: Behaviour = {
  id: 'ion-cl',
  title: 'Cl-: TMEM16F carries the swelling that bursts a dying cell; Cl- and CLIC5 act on mitochondrial ROS',
  target:
    "Erastin and RSL3 death is largely reduced in TMEM16F-deficient cells, and TMEM16F inhibitors block the Ca2+-activated Cl- current (Ousingsawat, Schreiber & Kunzelmann 2019); the channel needs uM Ca2+ (Yang et al. 2012). High intracellular Cl- lowers complex I activity and raises ROS (Valdivieso et al. 2012); CLIC5 limits mitochondrial ROS, its loss raises them (Ponnalagu et al. 2016). Directions from the sources; the factors are the design's (docs/design/ion-crosstalk.md), fixed before the module was run. The TMEM16F direction is contested: Yang et al., Sci Adv 2025 (doi:10.1126/sciadv.adx6587) found TMEM16F-deficient cancer cells more sensitive to ferroptosis (its scrambling relieves membrane tension at peroxidised lesions); L1 keeps the review's direction (docs/model.md 7).",
  pass: "On the 400 x 40 primed dish (10 uM erastin, pulse at 360 min, 900 min). L1: TMEM16F knock-down to 0.1, and the TMEM16F inhibitor at 5 uM, each: the ruptured fraction at 900 min <= 0.7 x the control's, the median commitment-to-rupture time longer, and the wave speed >= 0.9 x (the wave runs upstream of rupture). L2: in each tracked dying cell (0.6, 1, 1.5 and 2 mm from the pulse), cytosolic Ca2+ when its Cl- has made half its rise (from 90 min before commitment to rupture) is >= 0.5 x tmem16f_ca_k. L3: CLIC5 knock-down to 0.1 raises the living cells' mean ROS at 6 h (1.0 uM erastin; its basal production is what it raises), and the erastin threshold (lowest of 0.6, 0.8, 1.0, 1.25, 1.6, 2.5 uM giving a wave or synchronous death) is at or below the control's.",
  source:
    'Ousingsawat, Schreiber & Kunzelmann, Cancers 11:625 (2019); Yang et al., Cell 151:111 (2012); Valdivieso et al., PLoS One 7:e48059 (2012); Ponnalagu et al., Mitochondrion 27:6 (2016)',
  async run(ctx) {
    const c = new Criteria();
    const ctl = await speedRun(ctx, { name: 'erastin 10 uM' });
    const kd = await speedRun(ctx, { name: 'erastin 10 uM, TMEM16F 0.1', extra: [knockdown('TMEM16F', 0.1)] });
    const inh = await speedRun(ctx, { name: 'erastin 10 uM, TMEM16F inhibitor 5 uM', extra: [drug('tmem16f-inhibitor', 5)] });
    const r0 = rupture(ctl.run);
    const rows: string[] = [];
    for (const x of [kd, inh]) {
      const r = rupture(x.run);
      c.add(
        `L1: ${x.name}: ruptured at 900 min <= 0.7 x control`,
        `${fx(100 * r.fraction, 1)} % vs ${fx(100 * r0.fraction, 1)} % (${fx(r.fraction / r0.fraction, 2)} x)`,
        r.fraction <= 0.7 * r0.fraction,
      );
      c.add(
        `L1: ${x.name}: commitment to rupture longer`,
        `median ${r.median === null ? '-' : fx(r.median, 1)} vs ${r0.median === null ? '-' : fx(r0.median, 1)} min`,
        r0.median !== null && (r.median === null || r.median > r0.median),
      );
      c.add(`L1: ${x.name}: wave speed >= 0.9 x`, `${x.s.text} vs ${ctl.s.text}`, ctl.s.v > 0 && x.s.v >= 0.9 * ctl.s.v);
    }
    for (const x of [ctl, kd, inh]) {
      const r = rupture(x.run);
      rows.push(`| ${x.name} | ${x.s.text} | ${fx(100 * r.fraction, 1)} % | ${r.median === null ? '-' : fx(r.median, 1)} min |`);
    }

    // L2: Ca2+ at half the Cl- rise in tracked dying cells
    const { scenario, command } = ctx.scenario('primed-light-pulse', ['output.sample_every_min=0.5']);
    const yMid = (scenario.lattice.height * scenario.lattice.site_um) / 2;
    const cells = TRACKED_UM.map((x) => siteAt(scenario, x, yMid));
    const tr = await ctx.run({ scenario, command, track: { cells, vars: ['ca', 'cl'] } });
    const t = tr.samples.map((s) => s.t_min);
    const kCa = scenario.params.tmem16f_ca_k;
    const caAtHalf = tr.tracks.map((track) => {
      const tDying = tr.sim.state.cell.t_dying[track.index];
      const tDead = tr.sim.state.cell.t_dead[track.index];
      const cl = track.values.cl;
      const k0 = t.findIndex((x) => x >= tDying - 90);
      let k1 = t.findIndex((x) => x >= tDead);
      if (k0 < 0 || !Number.isFinite(tDead)) return Number.NaN;
      if (k1 < 0) k1 = t.length - 1;
      let top = cl[k0];
      for (let k = k0; k <= k1; k++) top = Math.max(top, cl[k]);
      const half = 0.5 * (cl[k0] + top);
      for (let k = k0; k <= k1; k++) if (cl[k] >= half) return track.values.ca[k];
      return Number.NaN;
    });
    c.add(
      `L2: Ca2+ at half the Cl- rise >= 0.5 x tmem16f_ca_k (${fx(0.5 * kCa, 2)} uM) in each tracked dying cell`,
      caAtHalf.map((x, k) => `${fx(TRACKED_UM[k] / 1000, 1)} mm: ${fx(x, 2)} uM`).join('; '),
      caAtHalf.every((x) => x >= 0.5 * kCa),
    );

    // L3: CLIC5 loss raises mitochondrial ROS and does not protect
    const clic = [knockdown('CLIC5', 0.1)];
    const src = (r: SpeedResult) => sampleAt(r.run.samples, 360).means.ros;
    const cl0 = await speedRun(ctx, { name: 'erastin 1.0 uM', erastin: 1.0 });
    const clK = await speedRun(ctx, { name: 'erastin 1.0 uM, CLIC5 0.1', erastin: 1.0, extra: clic });
    c.add(
      "L3: CLIC5 knock-down 0.1 raises the living cells' ROS at 6 h (1.0 uM erastin)",
      `${fx(src(clK), 4)} vs ${fx(src(cl0), 4)} a.u.`,
      src(clK) > src(cl0),
    );
    const thr0 = await threshold(ctx, '', []);
    const thrC = await threshold(ctx, 'CLIC5 0.1, ', clic);
    c.add(
      "L3: CLIC5 knock-down 0.1: erastin threshold at or below the control's",
      `${doseText(thrC.k)} vs ${doseText(thr0.k)}`,
      thrC.k !== null && (thr0.k === null || thrC.k <= thr0.k),
    );

    const table = ['| condition | wave | ruptured at 900 min | median commitment to rupture |', '|---|---|---|---|', ...rows].join('\n');
    return result(
      c,
      `TMEM16F 0.1: ruptured ${fx(rupture(kd.run).fraction / r0.fraction, 2)} x, rupture ${fx(rupture(kd.run).median ?? Number.NaN, 0)} vs ${fx(r0.median ?? Number.NaN, 0)} min; Ca2+ at half the Cl- rise ${caAtHalf.map((x) => fx(x, 1)).join(', ')} uM; CLIC5 0.1 threshold ${doseText(thrC.k)}`,
      [],
      [table, commands([ctl, kd, inh, cl0, clK].map((x) => ({ name: x.name, run: x.run })))],
    );
  },
};
