// Why this file exists: the text of docs/validation/sensitivity.md, from the two sensitivity
// sweeps' Sobol analyses (wave speed, erastin threshold), their outcomes and the check of the
// parameters left out: how long it took and how many runs, which parameters matter, and which
// parameters without a measured source do not matter (and which do: the list that needs sources).
// Pure: run.ts gathers the numbers and writes the files.
import { MATTERS_ST, NEGLIGIBLE_ST, rangeText, withInterval } from '../../src/sweep/report-sobol';
import type { SobolMetricResult, SobolRow } from '../../src/sweep/sobol-table';
import { isMeasured, type SourceCategory, sourceCategory } from '../../src/sweep/source-category';
import { paramSpec } from '../../src/model/params';
import type { ScreenedParam } from './screen';

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

export interface SensitivityInput {
  version: string;
  commit: string;
  date: string;
  machine: string;
  wall_s: number;
  /** CPU time of the analysis and its sweeps (null where it cannot be read) */
  cpu_s: number | null;
  sweeps: SweepRun[];
  screenRuns: number;
  points: number;
  axes: number;
  factor: number;
  seed: number;
  speed: SobolMetricResult;
  threshold: SobolMetricResult;
  control: { speed_um_per_min: number | null; pattern: string; threshold_uM: number | null; threshold_range: string };
  speedOutcomes: Outcomes;
  thresholdOutcomes: Outcomes;
  /** parameters left out, each checked on both scenarios */
  screened: Array<ScreenedParam & { inertSpeed: boolean; inertThreshold: boolean }>;
  /** parameters not varied because sweep.set fixes them */
  fixed: string[];
  figures: { speed: string; threshold: string };
  /** the folders the sweeps were written to */
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
}

function joined(i: SensitivityInput): Joined[] {
  const byName = new Map(i.threshold.rows.map((r) => [r.parameter, r]));
  return i.speed.rows
    .filter((r) => byName.has(r.parameter))
    .map((r) => {
      const t = byName.get(r.parameter)!;
      const top = Math.max(Number.isFinite(r.ST) ? r.ST : 0, Number.isFinite(t.ST) ? t.ST : 0);
      return { name: r.parameter, category: r.category ?? 'assumption', source: r.source, speed: r, threshold: t, top };
    })
    .sort((a, b) => b.top - a.top || (a.name < b.name ? -1 : 1));
}

const matters = (j: Joined) => j.top > MATTERS_ST;
/** ST below NEGLIGIBLE_ST for both outputs, and neither interval reaching MATTERS_ST. */
const negligible = (j: Joined) =>
  j.speed.ST < NEGLIGIBLE_ST && j.threshold.ST < NEGLIGIBLE_ST && !(j.speed.ST_hi >= MATTERS_ST) && !(j.threshold.ST_hi >= MATTERS_ST);
const cell = (r: SobolRow) => withInterval(r.ST, r.ST_lo, r.ST_hi);
const short = (s: string) => (s.length > 90 ? `${s.slice(0, 87)}...` : s).replace(/\|/g, '/');

function quantileText(o: Outcomes, unit: string, log2: boolean): string {
  if (o.quantiles.length === 0) return 'no run in range';
  const v = (x: number) => (log2 ? `${(2 ** x).toPrecision(2)} uM` : `${x.toFixed(2)}${unit}`);
  const [q5, q25, q50, q75, q95] = o.quantiles;
  return `median ${v(q50)}, middle half ${v(q25)} to ${v(q75)}, 90% between ${v(q5)} and ${v(q95)}`;
}

const countText = (o: Outcomes) =>
  Object.entries(o.counts)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');

function table(rows: Joined[], withSource = true): string[] {
  const head = withSource
    ? ['| parameter | source | varied over | ST wave speed [95%] | ST erastin threshold [95%] |', '|---|---|---|---|---|']
    : ['| parameter | varied over | ST wave speed [95%] | ST erastin threshold [95%] |', '|---|---|---|---|'];
  return [
    ...head,
    ...rows.map((j) =>
      withSource
        ? `| \`${j.name}\` | ${j.category}: ${short(j.source)} | ${rangeText(j.speed)} | ${cell(j.speed)} | ${cell(j.threshold)} |`
        : `| \`${j.name}\` | ${rangeText(j.speed)} | ${cell(j.speed)} | ${cell(j.threshold)} |`,
    ),
  ];
}

export function sensitivityMarkdown(i: SensitivityInput): string {
  const all = joined(i);
  const runs = i.sweeps.reduce((s, x) => s + x.runs, 0);
  const unsourced = (j: Joined) => !isMeasured(j.category);
  const need = all.filter((j) => unsourced(j) && matters(j));
  const fine = all.filter((j) => unsourced(j) && negligible(j));
  const open = all.filter((j) => unsourced(j) && !matters(j) && !negligible(j));
  const sourcedMatter = all.filter((j) => !unsourced(j) && matters(j));
  const out: string[] = [];
  out.push('# Global sensitivity: Sobol indices of the wave speed and the erastin threshold');
  out.push('');
  out.push(
    `**${minutes(i.wall_s)} on this machine (${i.machine}) for ${runs + i.screenRuns} runs**${i.cpu_s === null ? '' : ` (${minutes(i.cpu_s)} of CPU time: ${minutes(i.cpu_s / 2)} on two idle cores)`}: two sweeps of ${i.points} base points x (${i.axes} parameters + 2) = ${i.sweeps[0].runs} runs each on the sweep engine's worker pool (${i.sweeps.map((s) => `${s.name} ${minutes(s.wall_s)}`).join(', ')}), plus ${i.screenRuns} runs checking the parameters left out. ferrowave ${i.version}, commit ${i.commit}, ${i.date}. Generated by \`npm run sensitivity\` (the sweeps: \`${i.sweeps.map((s) => s.file).join('`, `')}\`; their folders, with \`sobol.csv\` and \`runs.csv\`, under \`${i.out}\`, not committed).`,
  );
  out.push('');
  out.push("> The model's defaults are still being revised (branch model2): these numbers describe the defaults of the commit above and will be rerun.");
  out.push('');
  out.push('## What was varied and measured');
  out.push('');
  out.push(
    `Every parameter of the registry that a dish reads (${i.axes}), each from default / ${i.factor} to default x ${i.factor} on a log scale (clipped to its allowed range), all at once: Saltelli's scheme with ${i.points} base points drawn from a seeded Latin hypercube in ${2 * i.axes} dimensions (master seed ${i.seed}); the ${i.axes + 2} runs of a base point share one simulation seed, so that within a base point only the parameters differ. First-order indices S1 (Saltelli et al. 2010) and total-order indices ST (Jansen 1999), 95% intervals from 1000 bootstrap resamples of the base points. ST is the share of the output's variance that goes away if the parameter were known exactly, interactions included: a parameter with ST near 0 over this range does not matter for this output.`,
  );
  out.push('');
  out.push(
    `- **Wave speed** (\`fits/primed-strip-120x4.json\`: a 120 x 4-site strip of 20 um sites, 10 uM erastin from t = 0, light pulse over the left 60 um at 360 min, run to 780 min, spontaneous bursts off): ${i.speed.metric.how}. Control (all defaults): ${i.control.pattern === 'wave' ? `${f3(i.control.speed_um_per_min)} um/min` : i.control.pattern}. Over the sample (A and B runs): ${countText(i.speedOutcomes)}; speed relative to the control, among the waves: ${quantileText({ ...i.speedOutcomes, quantiles: i.speedOutcomes.quantiles.map((q) => q / (i.control.speed_um_per_min ?? Number.NaN)) }, ' x', false)}. ${i.speed.failed} runs failed.`,
  );
  out.push(
    `- **Erastin threshold** (\`fits/erastin-lanes.json\`: 10 lanes of 4 x 30 sites, 300 um cell-free gaps between them, erastin 0.1, 0.17, 0.28, 0.46, 0.77, 1.3, 2.2, 3.6, 6 and 10 uM by lane, one pulse over the first 60 um of every lane at 360 min, run to 660 min; \`src/analysis/lanes.ts\`): ${i.threshold.metric.how}. Control: ${i.control.threshold_range === 'in-range' ? `${f3(i.control.threshold_uM)} uM` : i.control.threshold_range}. Over the sample: ${countText(i.thresholdOutcomes)}; among the thresholds in range: ${quantileText(i.thresholdOutcomes, '', true)}. ${i.threshold.failed} runs failed.`,
  );
  out.push('');
  out.push(`![ST and S1 of the wave speed](${i.figures.speed})`);
  out.push('');
  out.push(`![ST and S1 of the erastin threshold](${i.figures.threshold})`);
  out.push('');
  out.push(`## Parameters that matter (ST > ${MATTERS_ST} for either output): ${all.filter(matters).length}`);
  out.push('');
  out.push(...table(all.filter(matters)));
  out.push('');
  out.push(`## Parameters without a measured source that matter: ${need.length}`);
  out.push('');
  out.push(
    `Source in the registry an assumption or a calibration (not a measurement of the parameter, nor a fit to data), and ST > ${MATTERS_ST} for the wave speed or the erastin threshold: **these need a source** (a measurement, or a fit to data that constrain them).`,
  );
  out.push('');
  out.push(...(need.length ? table(need) : ['None.']));
  out.push('');
  out.push(
    `## Parameters without a measured source that do not matter: ${fine.length} varied, ${i.screened.filter((s) => s.inertSpeed && s.inertThreshold && !isMeasured(sourceCategory(paramSpec(s.name)?.source ?? ''))).length} left out`,
  );
  out.push('');
  out.push(
    `Assumption or calibration, ST < ${NEGLIGIBLE_ST} for both outputs and neither 95% interval reaching ${MATTERS_ST}: over these ranges, knowing them exactly would not change the wave speed or the threshold by more than the estimate's noise.`,
  );
  out.push('');
  out.push(...(fine.length ? table(fine, false) : ['None.']));
  out.push('');
  out.push(
    "Left out of the sweeps because these dishes never read them (each checked: moved to the end of its range alone, it gave the control run's numbers bit for bit in both scenarios):",
  );
  out.push('');
  out.push('| parameter | source | why left out | checked |');
  out.push('|---|---|---|---|');
  for (const s of i.screened) {
    const p = paramSpec(s.name);
    const cat = sourceCategory(p?.source ?? '');
    out.push(
      `| \`${s.name}\` | ${cat} | ${s.reason} | ${s.inertSpeed && s.inertThreshold ? `no effect (at ${s.value})` : `**changes the ${[s.inertSpeed ? '' : 'strip', s.inertThreshold ? '' : 'lanes'].filter(Boolean).join(' and ')}: must be varied**`} |`,
    );
  }
  if (i.fixed.length)
    out.push('', `Fixed by the sweeps (not varied): ${i.fixed.map((n) => `\`${n}\``).join(', ')} (spontaneous bursts off: the pulse is the only trigger).`);
  out.push('');
  out.push(`## Undecided at ${i.points} base points: ${open.length}`);
  out.push('');
  out.push(
    `Without a measured source, ST at most ${MATTERS_ST} for both outputs, but either above ${NEGLIGIBLE_ST} or with an interval reaching ${MATTERS_ST}: more base points would tell.`,
  );
  out.push('');
  out.push(...(open.length ? table(open, false) : ['None.']));
  out.push('');
  out.push(`## Measured or fitted parameters that matter: ${sourcedMatter.length}`);
  out.push('');
  out.push(...(sourcedMatter.length ? table(sourcedMatter) : ['None.']));
  out.push('');
  out.push('## Every parameter');
  out.push('');
  out.push('| parameter | source | varied over | S1 wave speed | ST wave speed | S1 threshold | ST threshold |');
  out.push('|---|---|---|---|---|---|---|');
  for (const j of all)
    out.push(
      `| \`${j.name}\` | ${j.category} | ${rangeText(j.speed)} | ${withInterval(j.speed.S1, j.speed.S1_lo, j.speed.S1_hi)} | ${cell(j.speed)} | ${withInterval(j.threshold.S1, j.threshold.S1_lo, j.threshold.S1_hi)} | ${cell(j.threshold)} |`,
    );
  out.push('');
  out.push('## How to read this, and its limits');
  out.push('');
  out.push(
    `- The indices hold for these ranges (x/÷ ${i.factor} on every parameter at once) and these two dishes; a parameter that does not matter here may matter elsewhere (tumours, other drugs): the parameters left out are exactly those.`,
  );
  out.push(
    '- S1 and ST are estimates: with this many base points the intervals are wide for S1 (it can come out negative); ST, the basis of the lists, is the better determined. The ranking is the robust part.',
  );
  out.push(
    '- Runs without a wave count as speed 0, runs with synchronous death (every cell dies without a front) as fast as the fastest wave of the sweep, and thresholds beyond the lanes half a dose step beyond the end dose: these are choices, said where they apply; failed runs are left out and counted above.',
  );
  out.push(
    '- Source categories are read from the registry\'s text (`src/sweep/source-category.ts`): "fitted" = fit, "calibrated" = calibration, "assumption" (or "unsourced", "order of magnitude") = assumption, anything else = the literature; the first of these words in the text decides.',
  );
  return `${out.join('\n')}\n`;
}
