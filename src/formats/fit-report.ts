// Why this file exists: report.md of a finished fit, what a modeller reads first: the data used
// and left out, the best parameters with their intervals and an identifiability note, how well
// the model fits (objective, reduced chi-square, points within tolerance, RMS errors), how the
// optimiser ran and stopped, and each data group's figure and table. Pure and deterministic (no
// dates, no paths of this machine): the same fit gives the same text.
import type { SkippedRows } from '../fit/data';
import type { FitState } from '../fit/driver';
import type { Score } from '../fit/objective';
import { OBSERVABLE_INFO } from '../fit/observables';
import { groupPlotPath, groups, groupTitle } from '../fit/plots';
import { doseKey, type FitPlan } from '../fit/plan';
import type { FitSpec } from '../fit/spec';
import type { UncertaintySummary } from '../fit/uncertainty';
import { AGENTS } from '../model/agents';
import { paramSpec } from '../model/params';
import { BEST_PARAMS, EVALUATIONS_CSV, FIT_RESOLVED, POINTS_CSV, PROFILES_CSV, UNCERTAINTY_CSV } from './fit-folder';

export interface ReportInput {
  spec: FitSpec;
  plan: FitPlan;
  state: FitState;
  skipped: SkippedRows[];
  uncertainty: UncertaintySummary;
  rms: { by_observable: Record<string, { rms: number; n: number }>; std_rms: number };
  version: string;
  fingerprint: string;
}

/** A shell word: single-quoted when it holds anything but plain characters. */
const shellWord = (w: string) => (/^[A-Za-z0-9_.,:=/+-]+$/.test(w) ? w : `'${w.replace(/'/g, "'\\''")}'`);
const unitText = (unit: string) => (unit === '1' ? '' : ` ${unit}`);
const g4 = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? '–' : String(Number(v.toPrecision(4))));
const cell = (s: string) => s.replace(/\|/g, '\\|');

export function fitReport(r: ReportInput): string {
  const { spec, plan, state, uncertainty: u } = r;
  const best = state.best;
  if (!best) return `# Fit ${spec.name}\n\nNo parameter vector was evaluated.\n`;
  const score: Score = {
    objective: best.objective,
    failed: best.points.filter((p) => p.failed).length,
    pass: best.points.filter((p) => p.pass).length,
    points: best.points,
  };
  const start = state.evaluations.find((e) => e.phase === 'start');
  const informative = plan.points.filter((p) => !p.fixed).length;
  const out: string[] = [];
  out.push(`# Fit ${spec.name}`, '');
  if (spec.description) out.push(spec.description, '');
  out.push(
    `- ferrowave ${r.version}, model fingerprint \`${r.fingerprint}\`, optimiser seed ${spec.seed}`,
    `- ${plan.points.length} data points (${informative} informative: ratios to control at dose 0 are 1 by construction) from ${spec.data.length} data file${spec.data.length > 1 ? 's' : ''}; ${plan.conditions.length} runs per parameter vector (one per scenario, treatment, dose and replicate: the untreated control once per scenario)`,
    `- objective: weighted least squares, sum over points of weight x ((model - data) / SD)^2`,
    `- ${state.evaluations.length} parameter vectors evaluated (${state.evaluations.length * plan.conditions.length} runs) in ${state.batch} batches`,
    '',
  );
  if (r.skipped.length) {
    out.push('## Rows left out', '');
    for (const s of r.skipped) {
      const file = spec.data[s.data].file;
      const known = s.known ? 'a treatment of the model, left out by this fit; remove it from skip_agents to fit these rows' : 'not a treatment of the model';
      out.push(
        `- ${file}: agent \`${s.agent}\` (${known}): ${s.lines.length} row${s.lines.length === 1 ? '' : 's'} left out${s.lines.length ? `, lines ${s.lines.join(', ')}` : ''}`,
      );
    }
    out.push('');
  }

  out.push('## Best parameters', '');
  out.push(`\`${BEST_PARAMS}\` is a scenario \`params\` block: paste it into a scenario, or pass each value as \`--set params.NAME=VALUE\`.`, '');
  out.push(
    `| parameter | unit | bounds | scale | start | best | ${Math.round(u.level * 100)}% interval | identifiability |`,
    '|---|---|---|---|---|---|---|---|',
  );
  spec.parameters.forEach((p, j) => {
    const q = u.params[j];
    const ci =
      u.method === 'profile'
        ? `${q.lower === null ? `≤ ${g4(p.lower)} (bound)` : g4(q.lower)} – ${q.upper === null ? `≥ ${g4(p.upper)} (bound)` : g4(q.upper)}`
        : '–';
    out.push(
      `| ${p.name} | ${paramSpec(p.name)?.unit ?? ''} | ${g4(p.lower)} – ${g4(p.upper)} | ${p.scale} | ${g4(start?.values[j])} | **${g4(best.values[j])}** | ${ci} | ${q.verdict} |`,
    );
  });
  out.push('');

  out.push('## Fit quality', '');
  const rule = `|model - data| <= max(${spec.tolerance.sd} SD, ${spec.tolerance.abs})`;
  out.push(
    `- objective ${g4(best.objective)} at the best parameters (start: ${g4(start?.objective)}); reduced chi-square ${g4(u.reduced_chi2)} (${u.dof} degrees of freedom)`,
    `- ${score.pass} of ${plan.points.length} points within tolerance (${rule}${spec.data.some((d) => d.tolerance) ? ", or their data file's rule" : ''})`,
    `- RMS of the standardised residuals ${g4(r.rms.std_rms)}; RMS error by observable: ${Object.entries(r.rms.by_observable)
      .map(([k, v]) => `${k} ${g4(v.rms)}${unitText(OBSERVABLE_INFO[k as keyof typeof OBSERVABLE_INFO].unit)} (${v.n} points)`)
      .join('; ')}`,
  );
  if (score.failed) out.push(`- **${score.failed} points depend on runs that failed** (see the notes in ${POINTS_CSV})`);
  const noted = best.points.filter((p) => p.note !== null && !p.failed).length;
  if (noted) out.push(`- ${noted} points have a note (no travelling front, censored times): see ${POINTS_CSV}`);
  out.push('');

  out.push('## Optimiser', '');
  const lambda = state.cma.lambda;
  out.push(
    `CMA-ES (Hansen's default settings, population ${lambda}, initial step ${spec.optimiser.sigma0} of each range; parameters searched in [0, 1] per range, on a log scale where asked, bounds by reflection): ${state.cma.generation} generations, ${state.cma.evaluations + (start ? 1 : 0)} parameter vectors; stopped on ${state.cma.stop ?? 'nothing yet'}.`,
  );
  const bestEval = state.evaluations[best.evaluation];
  if (bestEval && bestEval.phase === 'profile')
    out.push(
      '',
      `The best parameters were found by the profile likelihood, not by the optimiser: the optimiser had not reached the optimum (a larger budget may move it).`,
    );
  out.push('');

  out.push('## Uncertainty and identifiability', '');
  if (u.method === 'none') out.push('Not computed (uncertainty method "none").', '');
  else {
    out.push(
      `Profile likelihood: each parameter held at ${spec.uncertainty.points} points across its bounds (in its scale), then at the estimated ends of its interval (${state.refined} round${state.refined === 1 ? '' : 's'}), the others re-optimised by CMA-ES (up to ${spec.uncertainty.max_generations} generations from the optimum). The ${Math.round(u.level * 100)}% interval is where the profile stays within ${g4(u.threshold)} of the best objective (the chi-square quantile with 1 degree of freedom${u.scale > 1 ? `, x ${g4(u.scale)}: the reduced chi-square, as the fit is worse than the data's SDs explain` : ''}); between two profile points its end is interpolated on the square root of the objective's rise (exact for a quadratic profile). Profiles: ${PROFILES_CSV} and plots/profile-*.svg.`,
      '',
    );
    const flat = u.params.filter((q) => q.verdict === 'practically unidentifiable').map((q) => q.name);
    const half = u.params.filter((q) => q.verdict.startsWith('bounded')).map((q) => `${q.name} (${q.verdict})`);
    out.push(
      `**Identifiability:** ${
        flat.length === 0 && half.length === 0
          ? 'every fitted parameter is practically identifiable from these data (its profile rises above the threshold on both sides within the bounds).'
          : [
              flat.length
                ? `${flat.join(', ')} ${flat.length > 1 ? 'are' : 'is'} practically unidentifiable: the profile stays within the threshold across the whole range, so these data do not determine ${flat.length > 1 ? 'them' : 'it'} (fix ${flat.length > 1 ? 'them' : 'it'}, or add data that depend on ${flat.length > 1 ? 'them' : 'it'})`
                : '',
              half.length ? `${half.join(', ')}: determined on one side only within the bounds` : '',
            ]
              .filter(Boolean)
              .join('; ') + '.'
      }`,
      '',
    );
    for (const q of u.params) if (q.note) out.push(`- ${q.name}: ${q.note}`);
    out.push('');
  }

  out.push('## Data and model', '');
  for (const g of groups(plan)) {
    const first = g[0];
    const unit = AGENTS[first.agent].unit;
    out.push(`### ${cell(groupTitle(spec, first))}`, '', `![${cell(groupTitle(spec, first))}](${groupPlotPath(first)})`, '');
    out.push(`| dose (${unit}) | data | SD | model | std. residual | within tolerance | note |`, '|---|---|---|---|---|---|---|');
    for (const p of g) {
      const q = best.points[p.index];
      out.push(
        `| ${g4(p.dose)} | ${g4(p.value)} | ${g4(p.sd)} | ${g4(q.model)} | ${g4(q.std_residual)} | ${q.pass ? 'yes' : '**no**'} | ${cell(q.note ?? (p.fixed ? 'control: 1 by construction' : ''))} |`,
      );
    }
    out.push('');
  }

  out.push(
    '## Reproduce a point',
    '',
    'Each run of the fit at the best parameters is a `ferrowave run` (scenario paths relative to the fit file; AGENT and DOSE from the row, dose 0: without the last `--set`):',
    '',
  );
  spec.data.forEach((d, i) => {
    const base = plan.bases.find((b) => b.data.includes(i));
    const k = Array.isArray(base?.raw.treatments) ? base.raw.treatments.length : 0;
    // the dose's key in a treatment: uM for drugs, dose for the light pulse and serum (the file's agents share one, or uM)
    const keys = new Set(plan.points.filter((p) => p.data === i).map((p) => doseKey(p.agent)));
    const t = {
      agent: 'AGENT',
      [keys.size === 1 ? [...keys][0] : 'uM']: 'DOSE',
      start_min: d.treatment.start_min,
      ...(d.treatment.end_min !== null ? { end_min: d.treatment.end_min } : {}),
      ...(d.treatment.region ? { region: d.treatment.region } : {}),
    };
    const sets = [
      ...Object.entries(d.set).map(([path, v]) => `${path}=${JSON.stringify(v)}`),
      ...spec.parameters.map((p, j) => `params.${p.name}=${best.values[j]}`),
      `treatments[${k}]=${JSON.stringify(t).replace('"DOSE"', 'DOSE')}`,
    ];
    out.push('```sh', `npx ferrowave run ${d.scenario} --out DIR ${sets.map((x) => `--set ${shellWord(x)}`).join(' ')}`, '```', '');
  });

  out.push(
    '## Files',
    '',
    `- \`${FIT_RESOLVED}\`: the fit as it ran (fit file with defaults, data rows, scenarios, start, version, model fingerprint)`,
    `- \`${BEST_PARAMS}\`: the best parameters as a scenario \`params\` block`,
    `- \`${POINTS_CSV}\`: data against model at the best parameters, residuals, tolerance, notes`,
    `- \`${EVALUATIONS_CSV}\`: every parameter vector evaluated, with its objective`,
    `- \`${UNCERTAINTY_CSV}\`, \`${PROFILES_CSV}\`: intervals, identifiability, profiles`,
    '- `plots/`: data against model per group, profiles',
    "- `state.json`, `batches/`: the optimiser state and each batch's run results (what a rerun continues from)",
    '',
  );
  return out.join('\n');
}
