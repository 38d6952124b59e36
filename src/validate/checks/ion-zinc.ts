// Why this file exists: check ion-zn (issue 14, the zinc part of the review's crosstalk): zinc
// acts through several paths at once (NOX, mitochondria, p53 -> SLC7A11, PMCA -> Ca2+, iron
// uptake), metallothionein buffers it, and Zn2+ and Ca2+ act together. The criteria are those of
// the design written before the module was built (docs/design/ion-crosstalk.md, Z2-Z5; Z1 is
// check 5.11 rerun); the sources give directions, the factors are the design's.
import { barChart, PALETTE } from '../../report/svg';
import { Criteria, commands, result } from '../kit';
import { fx, sampleAt } from '../measures';
import type { Behaviour, Figure } from '../types';
import { doseText, drug, knockdown, responds, type SpeedResult, speedRun, threshold } from './speed-cases';

const pct = (f: number) => `${fx(100 * f, 1)} %`;
/** committed share of the dish at the end of a pulse run */
const died = (r: SpeedResult) => r.run.summary.death.fraction_final;
const outcome = (r: SpeedResult) => `${r.s.text}; ${pct(died(r))} committed`;

/** mean labile Fe2+ of the living cells at the sample at time t (uM) */
const feAt = (r: SpeedResult, t: number) => sampleAt(r.run.samples, t).means.fe;

export const ionZinc: Behaviour = {
  id: 'ion-zn',
  title: 'Zinc: nanoparticles induce ferroptosis, Zn2+ and Ca2+ act together, metallothionein protects, zinc competes with iron',
  target:
    "ZnO nanoparticles induce ferroptosis (Zhang et al. 2020). Zn2+ and Ca2+ synergistically take part in Fe2+-induced oxidative stress (the review; mechanism: Zn2+ blocks the plasma-membrane Ca2+ pump, Hogstrand et al. 1999, and both ions raise ROS, Clausen et al. 2013). Metallothionein (MT1G) buffers labile Zn2+, and its loss sensitises (Sun et al. 2016). Zn2+ competes with Fe2+ for uptake through ZIP14 (Liuzzi et al. 2006; Pinilla-Tenas et al. 2011). Directions from the sources; the factors are the design's (docs/design/ion-crosstalk.md), fixed before the module was run. Zinc chelation, zinc supplementation under DFO and ZIP7 loss are check 5.11.",
  pass: "On the 400 x 40 primed dish (pulse at 360 min, drugs from t = 0, 900 min). Z2: ZnO nanoparticles 100 uM with 0.6 uM erastin give a wave or synchronous death where 0.6 uM erastin alone gives none. Z3: at 1.0 uM erastin, the Bliss excess of ZnCl2 20 uM with ionomycin 0.5 uM on the committed fraction is > 0 (effects e = (f - f0) / (1 - f0); excess = e(both) - (e(Zn) + e(iono) - e(Zn) e(iono))); and Ca2+-free medium removes >= 50 % of the ZnCl2 sensitisation, in speed or in committed fraction (sensitisation = with ZnCl2 minus without, in each medium; it must be > 0 in normal medium). Z4: MT1G knock-down to 0.2: the erastin threshold (lowest of 0.6, 0.8, 1.0, 1.25, 1.6, 2.5 uM giving a wave or synchronous death) is at or below the control's, and at 1.25 uM erastin the wave is at least as fast as the control's or every cell dies at once. Z5: without erastin (the uptake competition of the sources was measured in unstressed cells, and the design names no inducer), ferric ammonium citrate 100 uM with ZnCl2 50 uM leaves the living cells' mean labile Fe2+ at 6 h below FAC alone. (A first version of this check measured Z5 at 10 uM erastin; after the Ca2+ death-block changes FAC 100 uM with ZnCl2 50 uM killed that whole dish between 5 and 6 h, leaving no living cell to measure: the setting, not the criterion, was changed.)",
  source:
    'Zhang et al., Cell Death Dis 11:183 (2020) (ZnO nanoparticles, p53); Hogstrand, Verbost & Wendelaar Bonga, Toxicology 133:139 (1999); Clausen et al. 2013 (ROS from Ca2+ and Zn2+ loads); Sun et al., Hepatology 64:488 (2016) (MT1G); Liuzzi et al., PNAS 103:13612 (2006); Pinilla-Tenas et al., Am J Physiol Cell Physiol 301:C862 (2011); the source review (Front Oncol 12:916082 (2022)) for the Zn2+-Ca2+ synergy',
  async run(ctx) {
    const c = new Criteria();
    const run = (name: string, erastin: number, extra: object[] = []) => speedRun(ctx, { name, erastin, extra });

    // Z2: ZnO nanoparticles induce ferroptosis below the erastin threshold
    const e06 = await run('erastin 0.6 uM', 0.6);
    const e06zno = await run('erastin 0.6 uM, ZnO-NP 100 uM', 0.6, [drug('zno-np', 100)]);
    c.add(
      'Z2: ZnO-NP 100 uM + 0.6 uM erastin: a wave or synchronous death where erastin alone gives none',
      `${outcome(e06zno)} (erastin alone: ${outcome(e06)})`,
      !responds(e06) && responds(e06zno),
    );

    // Z3: Zn2+ and Ca2+ together (Bliss on the committed fraction), and how much of the zinc
    // sensitisation needs outside Ca2+
    const zn = drug('zncl2', 20);
    const iono = drug('ionomycin', 0.5);
    const free = drug('calcium-free', 0);
    const r0 = await run('erastin 1.0 uM', 1.0);
    const rZ = await run('erastin 1.0 uM, ZnCl2 20 uM', 1.0, [zn]);
    const rI = await run('erastin 1.0 uM, ionomycin 0.5 uM', 1.0, [iono]);
    const rZI = await run('erastin 1.0 uM, ZnCl2 20 uM, ionomycin 0.5 uM', 1.0, [zn, iono]);
    const rF = await run('erastin 1.0 uM, Ca2+-free', 1.0, [free]);
    const rFZ = await run('erastin 1.0 uM, Ca2+-free, ZnCl2 20 uM', 1.0, [free, zn]);
    const f0 = died(r0);
    const eff = (r: SpeedResult) => (died(r) - f0) / (1 - f0);
    const eZ = eff(rZ);
    const eI = eff(rI);
    const expected = eZ + eI - eZ * eI;
    const excess = eff(rZI) - expected;
    c.add(
      'Z3: Bliss excess of ZnCl2 20 uM with ionomycin 0.5 uM on the committed fraction (1.0 uM erastin) > 0',
      `excess ${fx(excess, 3)} (effects: Zn ${fx(eZ, 3)}, ionomycin ${fx(eI, 3)}, both ${fx(eff(rZI), 3)}, Bliss expectation ${fx(expected, 3)}; control ${pct(f0)})`,
      f0 < 1 && excess > 0,
    );
    const sSpeed = rZ.s.v - r0.s.v;
    const sSpeedFree = rFZ.s.v - rF.s.v;
    const sDeath = died(rZ) - f0;
    const sDeathFree = died(rFZ) - died(rF);
    const removes = (s: number, sFree: number) => s > 0 && sFree <= 0.5 * s;
    c.add(
      'Z3: Ca2+-free medium removes >= 50 % of the ZnCl2 sensitisation (speed or committed fraction)',
      `speed +${fx(sSpeed, 2)} um/min in normal medium, ${fx(sSpeedFree, 2)} in Ca2+-free; committed +${pct(sDeath)} normal, ${pct(sDeathFree)} Ca2+-free`,
      removes(sSpeed, sSpeedFree) || removes(sDeath, sDeathFree),
    );

    // Z4: metallothionein loss sensitises
    const mt = [knockdown('MT1G', 0.2)];
    const thr0 = await threshold(ctx, '', []);
    const thrM = await threshold(ctx, 'MT1G 0.2, ', mt);
    c.add(
      "Z4: MT1G knock-down 0.2: erastin threshold at or below the control's",
      `${doseText(thrM.k)} vs ${doseText(thr0.k)}`,
      thrM.k !== null && (thr0.k === null || thrM.k <= thr0.k),
    );
    const v125 = await run('erastin 1.25 uM', 1.25);
    const v125m = await run('erastin 1.25 uM, MT1G 0.2', 1.25, mt);
    const allAtOnce = v125m.s.wave.pattern === 'synchronous';
    c.add(
      "Z4: MT1G knock-down 0.2 at 1.25 uM erastin: at least as fast as the control's, or synchronous death",
      `${v125m.s.text} vs ${v125.s.text}`,
      v125m.s.v >= v125.s.v || allAtOnce,
    );

    // Z5: zinc competes with iron for uptake, in unstressed cells (no erastin)
    const fac = await run('no erastin, FAC 100 uM', 0, [drug('fac', 100)]);
    const facZn = await run('no erastin, FAC 100 uM, ZnCl2 50 uM', 0, [drug('fac', 100), drug('zncl2', 50)]);
    const fe = feAt(fac, 360);
    const feZ = feAt(facZn, 360);
    c.add('Z5: no erastin, FAC 100 uM + ZnCl2 50 uM: mean labile Fe2+ at 6 h below FAC alone', `${fx(feZ, 3)} vs ${fx(fe, 3)} uM`, feZ < fe);

    const bars = [r0, rZ, rI, rZI, rF, rFZ];
    const figures: Figure[] = [
      {
        file: 'synergy.svg',
        caption: 'Committed fraction at 900 min on the primed dish at 1.0 uM erastin: zinc, ionomycin, both, and zinc without outside Ca2+',
        svg: barChart({
          title: 'Zn2+ and Ca2+ together',
          x: { label: 'committed at 900 min', unit: '%', domain: [0, 100] },
          bars: bars.map((x, k) => ({ label: x.name, value: 100 * died(x), color: PALETTE[k < 4 ? 0 : 2], note: pct(died(x)) })),
        }),
      },
    ];
    const rows = [e06, e06zno, ...bars, ...thr0.runs, ...thrM.runs, v125, v125m, fac, facZn];
    const table = [
      '| condition (400 x 40 dish, pulse at 360 min) | outcome | mean labile Fe2+ at 6 h (uM) |',
      '|---|---|---|',
      ...rows.map((x) => `| ${x.name} | ${outcome(x)} | ${fx(feAt(x, 360), 3)} |`),
    ].join('\n');
    return result(
      c,
      `ZnO-NP at 0.6 uM erastin: ${e06zno.s.text}; Zn-ionomycin Bliss excess ${fx(excess, 3)}; MT1G 0.2 threshold ${doseText(thrM.k)} (control ${doseText(thr0.k)}); Fe2+ at 6 h with FAC + Zn ${fx(feZ, 3)} vs ${fx(fe, 3)} uM`,
      figures,
      [table, commands(rows.map((x) => ({ name: x.name, run: x.run })))],
    );
  },
};
