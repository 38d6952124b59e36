// Why this file exists: check ion-se (issue 14, the selenium part of the review's crosstalk):
// selenite protects through GPX4 only where there is GPX4 to make; the cysteine variant of GPX4
// (Ingold et al. 2018) needs no selenium but cannot stand peroxides; a selenium-poor medium
// sensitises selenocysteine-GPX4 cells only. Directions from the sources; the factors are this
// check's, set before the model was run (docs/model.md 3.5).
import { paramSpec } from '../../model/params';
import { Criteria, commands, dishOutcome, dishRun, result } from '../kit';
import { fx } from '../measures';
import type { Behaviour, CheckContext, RunResult } from '../types';
import { drug, knockdown, type SpeedResult, speedRun } from './speed-cases';

/** H2O2 boluses tried, uM (each over the whole 20 x 20 dish at 60 min, no erastin) */
const BOLUS = [25, 50, 100, 200, 400];
/** erastin doses of the threshold, uM (lowest giving a travelling wave on the dish) */
const ERASTIN = [0.6, 0.8, 1.0, 1.25, 1.6, 2.5];
const CYS = { gpx4_cys_share: 1 };

/** smallest bolus that commits at least half the dish within 24 h, or null (none of BOLUS) */
async function bolusThreshold(
  ctx: CheckContext,
  label: string,
  params: Record<string, number>,
): Promise<{ uM: number | null; runs: Array<{ name: string; run: RunResult }> }> {
  const runs: Array<{ name: string; run: RunResult }> = [];
  for (const uM of BOLUS) {
    const name = `${label}: H2O2 ${uM} uM`;
    const run = await dishRun(ctx, `se-bolus-${label}-${uM}`, [{ agent: 'h2o2', uM, start_min: 60, end_min: 61 }], { minutes: 1440, params });
    runs.push({ name, run });
    if (dishOutcome(run).fraction >= 0.5) return { uM, runs };
  }
  return { uM: null, runs };
}

/** lowest erastin dose of ERASTIN giving a travelling wave on the full dish, or null */
async function erastinThreshold(
  ctx: CheckContext,
  label: string,
  extra: object[],
  params: Record<string, number>,
): Promise<{ k: number | null; runs: SpeedResult[] }> {
  const runs: SpeedResult[] = [];
  for (const [k, uM] of ERASTIN.entries()) {
    const r = await speedRun(ctx, { name: `${label}, erastin ${uM} uM`, erastin: uM, extra, params });
    runs.push(r);
    if (r.s.v > 0) return { k, runs };
  }
  return { k: null, runs };
}

const doseText = (k: number | null) => (k === null ? `none up to ${ERASTIN[ERASTIN.length - 1]} uM` : `${ERASTIN[k]} uM`);

export const ionSelenium: Behaviour = {
  id: 'ion-se',
  title: 'Selenium acts through selenocysteine GPX4: the Cys variant bypasses it and fails under peroxide',
  target:
    "Selenite protects through GPX4, so it cannot protect cells with almost no GPX4 (Alim et al. 2019; Ingold et al. 2018). Cells making the cysteine variant of GPX4 live without stress and need no selenium, but are far more sensitive to peroxide (Ingold et al. 2018: GPX4-Cys is highly susceptible to hydroperoxide-induced inactivation). A selenium-poor medium sensitises selenocysteine-GPX4 cells (check 5.12) and not Cys-variant cells. Directions from the sources; the factors below are this check's.",
  pass: `S1: 400 x 40 primed dish (pulse at 360 min), 1.25 uM erastin with GPX4 knocked down to 0.05: 0.5 uM selenite leaves the committed fraction at the end at >= 0.9 x that without selenite (no rescue). S2: with params.gpx4_cys_share = 1 (every cell the Cys variant), a 40 x 40 dish with spontaneous bursts at their default rate and no drug commits < 1 % of its cells in 48 h; the smallest H2O2 bolus of ${BOLUS.join(', ')} uM (whole 20 x 20 dish at 60 min, no erastin) committing half the dish within 24 h is <= 0.5 x the wild type's (a wild type killed by none of them counts as above ${BOLUS[BOLUS.length - 1]} uM). S3: Cys-variant cells' erastin threshold (lowest of ${ERASTIN.join(', ')} uM giving a wave on the 400 x 40 dish) in a selenium-poor medium (se-poor-medium 0.003 uM from t = 0) is within one dose step of theirs in normal medium.`,
  source:
    'Ingold et al., Cell 172:409 (2018) (Gpx4 U46C: Cys variant viable, hydroperoxide-sensitive, selenium-independent); Alim et al., Cell 177:1262 (2019) (selenium protects by GPX4 induction)',
  async run(ctx) {
    const c = new Criteria();
    // S1: selenite needs GPX4 to make
    const kd = knockdown('GPX4', 0.05);
    const noSe = await speedRun(ctx, { name: 'erastin 1.25 uM, GPX4 0.05', erastin: 1.25, extra: [kd] });
    const withSe = await speedRun(ctx, { name: 'erastin 1.25 uM, GPX4 0.05, selenite 0.5 uM', erastin: 1.25, extra: [kd, drug('selenite', 0.5)] });
    const f0 = dishOutcome(noSe.run).fraction;
    const f1 = dishOutcome(withSe.run).fraction;
    c.add('S1: GPX4 0.05, selenite 0.5 uM: committed >= 0.9 x without', `${fx(f1, 3)} vs ${fx(f0, 3)} (${fx(f1 / f0, 3)} x)`, f0 > 0 && f1 >= 0.9 * f0);

    // S2: the Cys variant lives unstressed and falls to smaller peroxide boluses
    const rest = await dishRun(ctx, 'se-cys-rest-48h', [], { size: 40, minutes: 2880, params: { ...CYS, burst_rate: paramSpec('burst_rate')?.default ?? 0 } });
    const restF = dishOutcome(rest).fraction;
    c.add('S2: Cys variant, no drug, 48 h with bursts: < 1 % committed', `${fx(100 * restF, 2)} %`, restF < 0.01);
    const wt = await bolusThreshold(ctx, 'wild type', {});
    const cys = await bolusThreshold(ctx, 'Cys variant', CYS);
    const wtUM = wt.uM ?? 2 * BOLUS[BOLUS.length - 1];
    c.add(
      'S2: H2O2 bolus killing half the dish, Cys variant <= 0.5 x wild type',
      `Cys ${cys.uM === null ? `none up to ${BOLUS[BOLUS.length - 1]}` : cys.uM} uM, wild type ${wt.uM === null ? `none up to ${BOLUS[BOLUS.length - 1]}` : wt.uM} uM`,
      cys.uM !== null && cys.uM <= 0.5 * wtUM,
    );

    // S3: a selenium-poor medium does not move the Cys variant's threshold
    const normal = await erastinThreshold(ctx, 'Cys variant', [], CYS);
    const poor = await erastinThreshold(ctx, 'Cys variant, se-poor medium', [drug('se-poor-medium', 0.003)], CYS);
    const step = normal.k === null || poor.k === null ? (normal.k === poor.k ? 0 : Number.POSITIVE_INFINITY) : Math.abs(normal.k - poor.k);
    c.add('S3: Cys variant, erastin threshold in se-poor medium within one step of normal medium', `${doseText(poor.k)} vs ${doseText(normal.k)}`, step <= 1);

    const table = [
      '| condition | outcome |',
      '|---|---|',
      `| 1.25 uM erastin, GPX4 0.05 | ${fx(f0, 3)} committed, ${noSe.s.text} |`,
      `| + selenite 0.5 uM | ${fx(f1, 3)} committed, ${withSe.s.text} |`,
      `| Cys variant, no drug, 48 h | ${fx(100 * restF, 2)} % committed |`,
      ...[...wt.runs, ...cys.runs].map((x) => `| ${x.name} | ${fx(dishOutcome(x.run).fraction, 3)} committed in 24 h |`),
      ...[...normal.runs, ...poor.runs].map((x) => `| ${x.name} | ${x.s.text} |`),
    ].join('\n');
    return result(
      c,
      `S1 GPX4 0.05: ${fx(f0, 2)} -> ${fx(f1, 2)} committed with selenite; S2 Cys variant: ${fx(100 * restF, 2)} % dead unstressed in 48 h, H2O2 threshold ${cys.uM ?? '>400'} vs ${wt.uM ?? '>400'} uM (wild type); S3 Cys erastin threshold ${doseText(normal.k)} normal, ${doseText(poor.k)} se-poor`,
      [],
      [
        table,
        commands([
          { name: noSe.name, run: noSe.run },
          { name: withSe.name, run: withSe.run },
          { name: 'Cys variant at rest', run: rest },
          ...wt.runs,
          ...cys.runs,
          ...[...normal.runs, ...poor.runs].map((x) => ({ name: x.name, run: x.run })),
        ]),
      ],
    );
  },
};
