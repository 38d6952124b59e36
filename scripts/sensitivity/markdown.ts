// Why this file exists: the text of docs/validation/sensitivity.md, from the two sensitivity
// sweeps' Sobol analyses (wave speed, erastin threshold), their outcomes and the check of the
// parameters left out: how long it took and how many runs, which parameters matter, and which
// parameters without a measured source do not matter (and which do: the list that needs sources).
// A parameter matters by its share of the variance (ST, which at these ranges is mostly whether a
// dish has a wave at all) or by how far it moves the output when redrawn alone within the regime
// where the output is measured (a wave; a threshold within the lanes). Pure: run.ts gathers the
// numbers and writes the files.
import { paramSpec } from '../../src/model/params';
import { MATTERS_ST, NEGLIGIBLE_ST, rangeText, withInterval } from '../../src/sweep/report-sobol';
import type { SobolMetricResult, SobolRow } from '../../src/sweep/sobol-table';
import { isMeasured, type SourceCategory, sourceCategory } from '../../src/sweep/source-category';
import type { GapCheck, ScreenedParam } from './screen';

/** Redrawn alone, a parameter matters when it moves a wave by this share of the control speed on average, or the threshold by this many log2 units (x 1.19). */
export const SPEED_EFFECT_MATTERS = 0.05;
export const THRESHOLD_EFFECT_MATTERS = 0.25;
/** ... and does not matter below these (2% of the speed; x 1.035 of the threshold, a lane step in fewer than 1 pair in 15). */
export const SPEED_EFFECT_NEGLIGIBLE = 0.02;
export const THRESHOLD_EFFECT_NEGLIGIBLE = 0.05;

export interface SweepRun {
  name: string;
  file: string;
  runs: number;
  failed: number;
  wall_s: number;
}

/** What the runs of a sweep's A and B matrices (a sample of the parameter space) did. */
export interface Outcomes {
  /** runs by outcome, e.g. { wave: 80, 'no wave': 20, synchronous: 60 } */
  counts: Record<string, number>;
  /** quantiles (5, 25, 50, 75, 95 %) of the metric among the runs that have a number in range */
  quantiles: number[];
}

/** When and where the sweeps ran, and what it cost (kept beside the sweeps: run.json). */
export interface RunRecord {
  commit: string;
  date: string;
  machine: string;
  wall_s: number;
  /** CPU time of the analysis and its sweeps (null where it cannot be read) */
  cpu_s: number | null;
  sweeps: SweepRun[];
  screenRuns: number;
}

export interface SensitivityInput {
  version: string;
  run: RunRecord;
  /** the commit that wrote the document, when not the one that ran the sweeps */
  analysedBy: string | null;
  points: number;
  axes: number;
  factor: number;
  seed: number;
  speed: SobolMetricResult;
  threshold: SobolMetricResult;
  control: { speed_um_per_min: number | null; pattern: string; threshold_uM: number | null; threshold_range: string };
  speedOutcomes: Outcomes;
  thresholdOutcomes: Outcomes;
  /** whether the lanes' gaps held (the defaults, and the oxidant reaching furthest) */
  gaps: GapCheck[];
  /** parameters left out, each checked on both scenarios */
  screened: Array<ScreenedParam & { inertSpeed: boolean; inertThreshold: boolean }>;
  /** parameters not varied because sweep.set fixes them */
  fixed: string[];
  figures: { speed: string; threshold: string };
  /** the folder the sweeps were written to */
  out: string;
}

const f3 = (x: number | null | undefined) => (x === null || x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(3));
const minutes = (s: number) => `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;

interface Joined {
  name: string;
  category: SourceCategory;
  source: string;
  speed: SobolRow;
  threshold: SobolRow;
  /** the larger ST of the two metrics */
  top: number;
  /** redrawn alone: mean change of a wave's speed / control speed; of the log2 threshold */
  speedEffect: number;
  thresholdEffect: number;
}

const fin = (x: number) => (Number.isFinite(x) ? x : 0);

function joined(i: SensitivityInput): Joined[] {
  const byName = new Map(i.threshold.rows.map((r) => [r.parameter, r]));
  const v0 = i.control.speed_um_per_min ?? Number.NaN;
  return i.speed.rows
    .filter((r) => byName.has(r.parameter))
    .map((r) => {
      const t = byName.get(r.parameter)!;
      return {
        name: r.parameter,
        category: r.category ?? 'assumption',
        source: r.source,
        speed: r,
        threshold: t,
        top: Math.max(fin(r.ST), fin(t.ST)),
        speedEffect: r.effect / v0,
        thresholdEffect: t.effect,
      };
    })
    .sort((a, b) => b.top - a.top || (a.name < b.name ? -1 : 1));
}

const byShare = (j: Joined) => j.top > MATTERS_ST;
const byEffect = (j: Joined) => fin(j.speedEffect) >= SPEED_EFFECT_MATTERS || fin(j.thresholdEffect) >= THRESHOLD_EFFECT_MATTERS;
const matters = (j: Joined) => byShare(j) || byEffect(j);
/** ST below NEGLIGIBLE_ST for both outputs with neither interval reaching MATTERS_ST, and small changes when redrawn alone. */
const negligible = (j: Joined) =>
  j.speed.ST < NEGLIGIBLE_ST &&
  j.threshold.ST < NEGLIGIBLE_ST &&
  !(j.speed.ST_hi >= MATTERS_ST) &&
  !(j.threshold.ST_hi >= MATTERS_ST) &&
  fin(j.speedEffect) < SPEED_EFFECT_NEGLIGIBLE &&
  fin(j.thresholdEffect) < THRESHOLD_EFFECT_NEGLIGIBLE;
const st = (r: SobolRow) => withInterval(r.ST, r.ST_lo, r.ST_hi);
const pct = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(1)}%` : '–');
const speedAlone = (j: Joined) => `${pct(j.speedEffect)}, ${j.speed.regime_changes}/${j.speed.pairs}`;
const factor = (log2: number) => (Number.isFinite(log2) ? `x${(2 ** log2).toFixed(2)}` : '–');
const thresholdAlone = (j: Joined) => `${factor(j.thresholdEffect)}, ${j.threshold.regime_changes}/${j.threshold.pairs}`;
const short = (s: string) => (s.length > 90 ? `${s.slice(0, 87)}...` : s).replace(/\|/g, '/');

function quantileText(o: Outcomes, unit: string, log2: boolean): string {
  if (o.quantiles.length === 0) return 'no run in range';
  const v = (x: number) => (log2 ? `${(2 ** x).toPrecision(2)} uM` : `${x.toFixed(2)}${unit}`);
  const [q5, q25, q50, q75, q95] = o.quantiles;
  return `median ${v(q50)}, middle half ${v(q25)} to ${v(q75)}, 90% between ${v(q5)} and ${v(q95)}`;
}

/** Whether the gaps held, in one sentence. */
function gapText(gaps: readonly GapCheck[]): string {
  const at = (g: GapCheck) =>
    Object.keys(g.params).length
      ? `with the oxidant reaching furthest (${Object.entries(g.params)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')})`
      : 'at the defaults';
  const crossed = gaps.filter((g) => g.crossed);
  if (crossed.length) return `**A wave crossed a gap between lanes ${crossed.map(at).join(' and ')}: the threshold is biased low there; widen the gaps.**`;
  return `The gaps hold: with the lanes alternately at the highest and the lowest dose, no low lane carries a wave that it does not carry between low lanes, ${gaps.map(at).join(' and ')}.`;
}

const countText = (o: Outcomes) =>
  Object.entries(o.counts)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');

function table(rows: Joined[], withSource = true): string[] {
  const cols = ['parameter', ...(withSource ? ['source'] : []), 'varied over', 'ST speed [95%]', 'speed alone', 'ST threshold [95%]', 'threshold alone'];
  return [
    `| ${cols.join(' | ')} |`,
    `|${cols.map(() => '---').join('|')}|`,
    ...rows.map(
      (j) =>
        `| \`${j.name}\` | ${withSource ? `${j.category}: ${short(j.source)} | ` : ''}${rangeText(j.speed)} | ${st(j.speed)} | ${speedAlone(j)} | ${st(j.threshold)} | ${thresholdAlone(j)} |`,
    ),
  ];
}

export function sensitivityMarkdown(i: SensitivityInput): string {
  const all = joined(i);
  const r = i.run;
  const runs = r.sweeps.reduce((s, x) => s + x.runs, 0);
  const unsourced = (j: Joined) => !isMeasured(j.category);
  const need = all.filter((j) => unsourced(j) && matters(j));
  const fine = all.filter((j) => unsourced(j) && negligible(j));
  const open = all.filter((j) => unsourced(j) && !matters(j) && !negligible(j));
  const sourcedMatter = all.filter((j) => !unsourced(j) && matters(j));
  const leftOutUnsourced = i.screened.filter((s) => s.inertSpeed && s.inertThreshold && !isMeasured(sourceCategory(paramSpec(s.name)?.source ?? '')));
  const out: string[] = [];
  out.push('# Global sensitivity: Sobol indices of the wave speed and the erastin threshold');
  out.push('');
  out.push(
    `**${minutes(r.wall_s)} on this machine (${r.machine}) for ${runs + r.screenRuns} runs**${r.cpu_s === null ? '' : ` (${minutes(r.cpu_s)} of CPU time: ${minutes(r.cpu_s / 2)} on two idle cores)`}: two sweeps of ${i.points} base points x (${i.axes} parameters + 2) = ${r.sweeps[0].runs} runs each on the sweep engine's worker pool (${r.sweeps.map((s) => `${s.name} ${minutes(s.wall_s)}`).join(', ')}), plus ${r.screenRuns} runs checking the parameters left out. ferrowave ${i.version}, commit ${r.commit}, ${r.date}${i.analysedBy ? `; analysed by commit ${i.analysedBy}` : ''}. Generated by \`npm run sensitivity\` (the sweeps: \`${r.sweeps.map((s) => s.file).join('`, `')}\`; their folders, with \`sobol.csv\` and \`runs.csv\`, under \`${i.out}\`, not committed).`,
  );
  out.push('');
  out.push('## What was varied and measured');
  out.push('');
  out.push(
    `Every parameter of the registry that a dish reads (${i.axes}), each from default / ${i.factor} to default x ${i.factor} on a log scale (clipped to its allowed range), all at once: Saltelli's scheme with ${i.points} base points drawn from a seeded Latin hypercube in ${2 * i.axes} dimensions (master seed ${i.seed}); the ${i.axes + 2} runs of a base point share one simulation seed, so that within a base point only the parameters differ. First-order indices S1 (Saltelli et al. 2010) and total-order indices ST (Jansen 1999), 95% intervals from 1000 bootstrap resamples of the base points.`,
  );
  out.push('');
  out.push(
    `- **Wave speed** (\`fits/primed-strip-120x4.json\`: a 120 x 4-site strip of 20 um sites, 10 uM erastin from t = 0, light pulse over the left 60 um at 360 min, run to 780 min, spontaneous bursts off): ${i.speed.metric.how}. Control (all defaults): ${i.control.pattern === 'wave' ? `${f3(i.control.speed_um_per_min)} um/min` : i.control.pattern}. Over the sample (A and B runs): ${countText(i.speedOutcomes)}; speed relative to the control, among the waves: ${quantileText({ ...i.speedOutcomes, quantiles: i.speedOutcomes.quantiles.map((q) => q / (i.control.speed_um_per_min ?? Number.NaN)) }, ' x', false)}. ${i.speed.failed} runs failed.`,
  );
  out.push(
    `- **Erastin threshold** (\`fits/erastin-lanes.json\`: 10 lanes of 4 x 30 sites, 300 um cell-free gaps between them, erastin 0.1, 0.17, 0.28, 0.46, 0.77, 1.3, 2.2, 3.6, 6 and 10 uM by lane, one pulse over the first 60 um of every lane at 360 min, run to 660 min; \`src/analysis/lanes.ts\`): ${i.threshold.metric.how}. Control: ${i.control.threshold_range === 'in-range' ? `${f3(i.control.threshold_uM)} uM` : i.control.threshold_range}. Over the sample: ${countText(i.thresholdOutcomes)}; among the thresholds in range: ${quantileText(i.thresholdOutcomes, '', true)}. ${i.threshold.failed} runs failed. ${gapText(i.gaps)}`,
  );
  out.push('');
  out.push('## How to read it');
  out.push('');
  out.push(
    `Two measures per parameter and output. **ST** is the share of the output's variance that would go away if the parameter were known exactly, interactions included. With every parameter x/÷ ${i.factor} at once, a good part of the sample leaves the wave's regime (the counts above), so the variance is mostly *whether* a dish has a wave or a threshold within the lanes: ST ranks the parameters by how much they move dishes across those edges. A parameter can move every wave by 10% and still have a small ST. Hence **redrawn alone**: the runs A_j and AB_ij differ in that parameter only; over the pairs where both stay in the regime where the output is measured (a wave; a threshold within the lanes), the mean change of the speed (as a share of the control speed) or of the threshold (as a factor: x1.19 is a change of 0.25 in log2 uM), and how many of the pairs changed regime (e.g. 5/64: a wave became synchronous death, or the threshold left the lanes, in 5 of the 64 base points).`,
  );
  out.push('');
  out.push(
    `A parameter **matters** when ST > ${MATTERS_ST} for either output, or redrawn alone it moves a wave's speed by ${100 * SPEED_EFFECT_MATTERS}% of the control's or the threshold by a factor of ${(2 ** THRESHOLD_EFFECT_MATTERS).toFixed(2)} or more on average. It **does not matter** when ST < ${NEGLIGIBLE_ST} for both outputs with neither 95% interval reaching ${MATTERS_ST}, and redrawn alone it moves the speed by less than ${100 * SPEED_EFFECT_NEGLIGIBLE}% and the threshold by less than a factor of ${(2 ** THRESHOLD_EFFECT_NEGLIGIBLE).toFixed(3)} on average. Between the two: undecided at this sample size. "Without a measured source": the registry's source is an assumption or a calibration (neither a measurement of the parameter nor a fit to data).`,
  );
  out.push('');
  out.push(`![ST and S1 of the wave speed](${i.figures.speed})`);
  out.push('');
  out.push(`![ST and S1 of the erastin threshold](${i.figures.threshold})`);
  out.push('');
  out.push(`## Parameters without a measured source that matter: ${need.length}`);
  out.push('');
  out.push('**These need a source** (a measurement, or a fit to data that constrain them):');
  out.push('');
  out.push(...(need.length ? table(need) : ['None.']));
  out.push('');
  out.push(`## Parameters without a measured source that do not matter: ${fine.length} varied, ${leftOutUnsourced.length} left out`);
  out.push('');
  out.push(...(fine.length ? table(fine, false) : ['None.']));
  out.push('');
  out.push(
    "Left out of the sweeps because these dishes never read them (each checked: moved to the end of its range alone, it gave the control run's numbers bit for bit in both scenarios; they may matter in tumours or with the drugs named):",
  );
  out.push('');
  out.push('| parameter | source | why left out | checked |');
  out.push('|---|---|---|---|');
  for (const s of i.screened) {
    const cat = sourceCategory(paramSpec(s.name)?.source ?? '');
    const acting = [s.inertSpeed ? '' : 'strip', s.inertThreshold ? '' : 'lanes'].filter(Boolean).join(' and ');
    out.push(
      `| \`${s.name}\` | ${cat} | ${s.reason} | ${acting ? `**changes the ${acting}: must be varied**` : `no effect (at ${Number(s.value.toPrecision(4))})`} |`,
    );
  }
  if (i.fixed.length)
    out.push('', `Fixed by the sweeps (not varied): ${i.fixed.map((n) => `\`${n}\``).join(', ')} (spontaneous bursts off: the pulse is the only trigger).`);
  out.push('');
  out.push(`## Parameters without a measured source, undecided at ${i.points} base points: ${open.length}`);
  out.push('');
  out.push(...(open.length ? table(open, false) : ['None.']));
  out.push('');
  out.push(`## Measured or fitted parameters that matter: ${sourcedMatter.length}`);
  out.push('');
  out.push(...(sourcedMatter.length ? table(sourcedMatter) : ['None.']));
  out.push('');
  out.push('## Every parameter');
  out.push('');
  out.push('| parameter | source | varied over | S1 speed | ST speed | speed alone | S1 threshold | ST threshold | threshold alone |');
  out.push('|---|---|---|---|---|---|---|---|---|');
  for (const j of all)
    out.push(
      `| \`${j.name}\` | ${j.category} | ${rangeText(j.speed)} | ${withInterval(j.speed.S1, j.speed.S1_lo, j.speed.S1_hi)} | ${st(j.speed)} | ${speedAlone(j)} | ${withInterval(j.threshold.S1, j.threshold.S1_lo, j.threshold.S1_hi)} | ${st(j.threshold)} | ${thresholdAlone(j)} |`,
    );
  out.push('');
  out.push('## Limits');
  out.push('');
  out.push(
    `- The indices hold for these ranges (x/÷ ${i.factor} on every parameter at once) and these two dishes; a parameter that does not matter here may matter elsewhere (tumours, other drugs): the parameters left out are exactly those.`,
  );
  out.push(
    '- S1 and ST are estimates: at this sample size the intervals of S1 are wide (it can come out negative); ST and the effects redrawn alone, the basis of the lists, are better determined. The ranking is the robust part.',
  );
  out.push(
    '- Runs without a wave count as speed 0, runs with synchronous death (every cell dies without a front) as fast as the fastest wave of the sweep, and thresholds beyond the lanes half a dose step beyond the end dose: choices, said where they apply, that make a regime change count in ST; the effects redrawn alone use only pairs within the regime. Failed runs are left out and counted above.',
  );
  out.push(
    "- The threshold is read from lanes 4 sites wide, whose edges border cell-free gaps: it is the lanes' threshold (the control's lies between 0.77 and 1.3 uM, as the dish's does between 0.6 and 1.25 uM), measured to a lane step (x 1.67).",
  );
  out.push(
    '- Source categories are read from the registry\'s text (`src/sweep/source-category.ts`): "fitted" = fit, "calibrated" = calibration, "assumption" (or "unsourced", "order of magnitude") = assumption, anything else = the literature; the first of these words in the text decides.',
  );
  return `${out.join('\n')}\n`;
}
