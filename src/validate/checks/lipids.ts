// Why this file exists: check `lipids` (issue 13, item 1): lipid peroxidation needs PUFA
// phospholipids, and what sets their share acts on the wave. ACSL4 loss protects strongly (Doll et
// al. 2017); exogenous oleic acid protects over hours through ACSL3 (Magtanong et al. 2019); SCD1
// inhibition sensitises (Tesfay et al. 2019). The sources give directions only; the criteria and
// their margins were fixed in docs/design/lipids.md before the oleate and SCD1 treatments were run.
import { lineChart } from '../../report/line-chart';
import { Criteria, commands, type FrontSpeed, frontSpeed, result } from '../kit';
import { fx, sampleAt } from '../measures';
import type { Behaviour, Figure, RunResult } from '../types';
import { drug, knockdown, PRE_MIN, precultured, type SpeedResult, speedBars, speedRun, speedTable } from './speed-cases';

/** the oleic acid dose of the Dixon lab's screen in HT-1080 cells (Magtanong et al. 2019), uM */
const OA_UM = 125;
/** the usual working dose of the SCD1 inhibitor CAY10566, uM */
const SCD1I_UM = 1;

const committedAtEnd = (r: RunResult) => r.samples[r.samples.length - 1].committed_total;
/** the living cells' mean PUFA-PL (rel) at time t of the run */
const pufaAt = (r: RunResult, t: number) => sampleAt(r.samples, t).means.pufa;
/** a wave no faster than `f` x the reference, or none that is not synchronous death */
const slowedOrStopped = (x: FrontSpeed, ref: FrontSpeed, f: number) =>
  (x.v === 0 && x.wave.pattern !== 'synchronous') || (ref.v > 0 && x.v > 0 && x.v <= f * ref.v);

export const lipids: Behaviour = {
  id: 'lipids',
  title: 'PUFA vs MUFA phospholipids: ACSL4 loss and oleic acid protect, SCD1 inhibition sensitises',
  target:
    "Ferroptotic lipid peroxidation runs on PUFA phospholipids made by ACSL4; ACSL4 loss protects strongly (Doll et al. 2017). Exogenous monounsaturated fatty acids (oleic acid) displace PUFA from phospholipids over several hours, need activation by ACSL3 and potently inhibit ferroptosis (Magtanong et al. 2019; Ubellacker et al. 2020); SCD1, which makes the cell's own MUFA, protects, and its inhibition sensitises (Tesfay et al. 2019). The sources give directions only; the margins are those of docs/design/lipids.md, fixed before the oleate and SCD1 treatments were run. L1 is not blind: ACSL4 knock-down had been measured on this dish before.",
  pass: `On the 400 x 40 primed dish after a ${PRE_MIN / 60} h pre-culture with the lipid treatment (erastin then, the pulse 6 h later, 15 h in all); the control has the same pre-culture. L1: ACSL4 knock-down 0.1: no wave, no synchronous death, at most a tenth of the control's committed cells; ACSL4 0.5: a wave <= 0.8 x the control's speed or none (not synchronous). L2: oleic acid ${OA_UM} uM: no wave (not synchronous) or <= 0.8 x, and fewer committed cells than the control. L3: with ACSL3 knocked out (0.01), oleic acid ${OA_UM} uM leaves the wave >= 0.9 x the speed of the knockout alone. L4: in the oleate pre-culture the living cells' mean PUFA-PL has made < 1/4 of its ${PRE_MIN / 60} h fall after 1 h and > 1/2 after 12 h. L5: SCD1 inhibitor ${SCD1I_UM} uM at 1.25 uM erastin: a wave >= 1.1 x the control's at 1.25 uM, or synchronous death, or a wave where the control has none.`,
  source:
    'Doll et al., Nat Chem Biol 13:91 (2017); Magtanong et al., Cell Chem Biol 26:420 (2019) (125 uM oleic acid: data.mendeley.com/datasets/g2xhxht7cw); Ubellacker et al., Nature 585:113 (2020); Tesfay et al., Cancer Res 79:5355 (2019)',
  async run(ctx) {
    const c = new Criteria();
    const pre = async (name: string, uM: number, extra: object[], params: Record<string, number> = {}): Promise<SpeedResult> => {
      const run = await precultured(ctx, uM, extra, params);
      return { name, run, s: frontSpeed(run) };
    };
    const oa = drug('oleic-acid', OA_UM);
    const ctl = await pre('control', 10, []);
    const acsl4Lo = await pre('ACSL4 0.1', 10, [knockdown('ACSL4', 0.1)]);
    const acsl4Half = await pre('ACSL4 0.5', 10, [knockdown('ACSL4', 0.5)]);
    const oleate = await pre(`oleic acid ${OA_UM} uM`, 10, [oa]);
    const acsl3Ko = await pre('ACSL3 knockout', 10, [knockdown('ACSL3', 0.01)]);
    const acsl3KoOa = await pre(`ACSL3 knockout + oleic acid ${OA_UM} uM`, 10, [knockdown('ACSL3', 0.01), oa]);
    const ctlLow = await pre('control, 1.25 uM erastin', 1.25, []);
    const scd1Low = await pre(`SCD1 inhibitor ${SCD1I_UM} uM, 1.25 uM erastin`, 1.25, [drug('scd1-inhibitor', SCD1I_UM)]);
    // shown without a criterion: oleate with erastin (no pre-culture), the unsourced weight x4 and /4, SCD1 at 10 uM erastin
    const scd1Hi = await pre(`SCD1 inhibitor ${SCD1I_UM} uM`, 10, [drug('scd1-inhibitor', SCD1I_UM)]);
    const oaWeak = await pre(`oleic acid ${OA_UM} uM, mufa_compete 0.25`, 10, [oa], { mufa_compete: 0.25 });
    const oaStrong = await pre(`oleic acid ${OA_UM} uM, mufa_compete 4`, 10, [oa], { mufa_compete: 4 });
    const co = await speedRun(ctx, { name: `oleic acid ${OA_UM} uM with erastin (no pre-culture)`, extra: [oa] });

    const n0 = committedAtEnd(ctl.run);
    c.add(
      "L1: ACSL4 0.1: no wave, no synchronous death, <= 1/10 of the control's committed cells",
      `${acsl4Lo.s.text}; ${committedAtEnd(acsl4Lo.run)} vs ${n0} committed`,
      acsl4Lo.s.v === 0 && acsl4Lo.s.wave.pattern !== 'synchronous' && committedAtEnd(acsl4Lo.run) <= n0 / 10,
    );
    c.add("L1: ACSL4 0.5: a wave <= 0.8 x the control's or none", `${acsl4Half.s.text} vs ${ctl.s.text}`, slowedOrStopped(acsl4Half.s, ctl.s, 0.8));
    c.add(
      `L2: oleic acid ${OA_UM} uM: no wave or <= 0.8 x, and fewer committed cells`,
      `${oleate.s.text} vs ${ctl.s.text}; ${committedAtEnd(oleate.run)} vs ${n0} committed`,
      slowedOrStopped(oleate.s, ctl.s, 0.8) && committedAtEnd(oleate.run) < n0,
    );
    c.add(
      `L3: ACSL3 knockout: oleic acid ${OA_UM} uM leaves >= 0.9 x the knockout's speed`,
      `${acsl3KoOa.s.text} vs ${acsl3Ko.s.text}`,
      acsl3Ko.s.v > 0 && acsl3KoOa.s.v >= 0.9 * acsl3Ko.s.v,
    );
    const p0 = pufaAt(oleate.run, 0);
    const fall = (t: number) => (p0 - pufaAt(oleate.run, t)) / (p0 - pufaAt(oleate.run, PRE_MIN));
    c.add(
      `L4: oleate pre-culture: PUFA-PL fall < 1/4 of its ${PRE_MIN / 60} h fall after 1 h, > 1/2 after 12 h`,
      `${fx(fall(60), 2)} and ${fx(fall(720), 2)} (PUFA-PL ${fx(p0, 3)} -> ${fx(pufaAt(oleate.run, PRE_MIN), 3)})`,
      fall(60) < 0.25 && fall(720) > 0.5,
    );
    c.add(
      `L5: SCD1 inhibitor ${SCD1I_UM} uM at 1.25 uM erastin: >= 1.1 x, synchronous death, or a wave where the control has none`,
      `${scd1Low.s.text} vs ${ctlLow.s.text}`,
      scd1Low.s.wave.pattern === 'synchronous' || (scd1Low.s.v > 0 && (ctlLow.s.v === 0 || scd1Low.s.v >= 1.1 * ctlLow.s.v)),
    );

    const at10 = [ctl, acsl4Half, acsl4Lo, oleate, co, acsl3Ko, acsl3KoOa, scd1Hi, oaWeak, oaStrong];
    const traced = [ctl, oleate, acsl3KoOa, acsl4Half, scd1Hi];
    const figures: Figure[] = [
      {
        file: 'speeds.svg',
        caption: `Front speed on the primed dish (10 uM erastin) after a ${PRE_MIN / 60} h pre-culture with each lipid treatment (0 = no wave); the oleate run without pre-culture and at mufa_compete x4 and /4 beside them`,
        svg: speedBars('PUFA vs MUFA phospholipids: wave speed', at10, ctl.s.v),
      },
      {
        file: 'pufa.svg',
        caption: `Mean PUFA-PL content of the living cells (1 = control) during the ${PRE_MIN / 60} h pre-culture and after erastin (added at ${PRE_MIN} min)`,
        svg: lineChart({
          title: 'PUFA-PL of living cells',
          x: { label: 'time', unit: 'min' },
          y: { label: 'mean pufa', unit: 'rel' },
          series: traced.map((x) => ({ name: x.name, points: x.run.samples.map((s) => [s.t_min, s.means.pufa] as [number, number]) })),
          rules: [{ axis: 'x', at: PRE_MIN, label: 'erastin' }],
        }),
      },
    ];
    const all = [...at10, ctlLow, scd1Low];
    const table = [
      speedTable(all),
      '',
      '| condition | mean PUFA-PL at erastin | committed at the end |',
      '|---|---|---|',
      ...all.map((x) => `| ${x.name} | ${fx(pufaAt(x.run, x === co ? 0 : PRE_MIN), 3)} | ${committedAtEnd(x.run)} |`),
    ].join('\n');
    return result(
      c,
      `control ${ctl.s.text}; ACSL4 0.5 ${acsl4Half.s.text}, 0.1 ${acsl4Lo.s.text}; oleic acid ${OA_UM} uM ${oleate.s.text} (ACSL3 knockout: ${acsl3KoOa.s.text} vs ${acsl3Ko.s.text}); SCD1 inhibitor at 1.25 uM erastin ${scd1Low.s.text} vs ${ctlLow.s.text}`,
      figures,
      [table, commands(all.map((x) => ({ name: x.name, run: x.run })))],
    );
  },
};
