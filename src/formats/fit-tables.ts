// Why this file exists: the tables of a fit folder, built from the fit's state: every evaluated
// parameter vector (evaluations.csv), data against model at the best parameters with residuals
// and the tolerance verdict (points.csv), each parameter's interval and identifiability
// (uncertainty.csv) and profile (profiles.csv), and the best parameters as a scenario `params`
// block (best-params.json). Numbers are written in full (shortest round-trip form), so the files
// depend only on the fit's numbers: byte-identical for any worker count, shard split or resume.
// A column of parameter values is named as a sweep's axis column is (src/sweep/plan.ts paramColumn:
// `ox_diffusion_um2_per_min`, a dimensionless one bare); a long table with a row per parameter
// (uncertainty.csv, profiles.csv) has a `unit` column instead.
import { AGENTS } from '../model/agents';
import type { Best, FitState } from '../fit/driver';
import { OBSERVABLE_INFO } from '../fit/observables';
import type { FitPlan } from '../fit/plan';
import type { FitSpec } from '../fit/spec';
import type { UncertaintySummary } from '../fit/uncertainty';
import { paramSpec } from '../model/params';
import { paramColumn as columnOf } from '../sweep/plan';
import { csvField } from './runs-csv';

const row = (fields: Array<string | number | boolean | null>) => fields.map((f) => csvField(typeof f === 'boolean' ? String(f) : f)).join(',');

/** The registry's unit of a parameter ('' for a name it does not know). */
const unitOf = (name: string) => paramSpec(name)?.unit ?? '';

/** A parameter's value column, named as a sweep's axis is (src/sweep/plan.ts paramColumn). */
export const paramColumn = (name: string): string => columnOf(name, unitOf(name));

export function evaluationsCsv(spec: FitSpec, state: FitState): string {
  const names = spec.parameters.map((p) => p.name);
  const lines = [
    row([
      'evaluation',
      'batch',
      'phase',
      'generation',
      'profile_parameter',
      'profile_point',
      ...names.map(paramColumn),
      'objective',
      'failed_points',
      'pass_points',
    ]),
  ];
  state.evaluations.forEach((e, k) => {
    lines.push(
      row([
        k,
        e.batch,
        e.phase,
        e.generation,
        e.profile ? names[e.profile.param] : null,
        e.profile ? e.profile.point : null,
        ...e.values,
        e.objective,
        e.failed,
        e.pass,
      ]),
    );
  });
  return `${lines.join('\n')}\n`;
}

/** "file line 12" for a point (as problems and tables name rows). */
export const rowLabel = (spec: FitSpec, p: { data: number; line: number }) => `${spec.data[p.data].file} line ${p.line}`;

export function pointsCsv(spec: FitSpec, plan: FitPlan, best: Best): string {
  const lines = [
    row([
      'point',
      'data_file',
      'line',
      'agent',
      'dose',
      'dose_unit',
      'observable',
      'unit',
      't_min',
      'data',
      'sd',
      'weight',
      'model',
      'residual',
      'std_residual',
      'allowed',
      'pass',
      'fixed',
      'note',
    ]),
  ];
  plan.points.forEach((p, k) => {
    const r = best.points[k];
    lines.push(
      row([
        k,
        spec.data[p.data].file,
        p.line,
        p.agent,
        p.dose,
        AGENTS[p.agent].unit,
        p.observable,
        OBSERVABLE_INFO[p.observable].unit,
        p.t_min,
        p.value,
        p.sd,
        p.weight,
        r.model,
        r.residual,
        r.std_residual,
        r.allowed,
        r.pass,
        p.fixed,
        r.note,
      ]),
    );
  });
  return `${lines.join('\n')}\n`;
}

export function uncertaintyCsv(spec: FitSpec, u: UncertaintySummary, state: FitState): string {
  const lines = [
    row(['parameter', 'unit', 'scale', 'lower_bound', 'upper_bound', 'start', 'best', 'ci_lower', 'ci_upper', 'level', 'method', 'verdict', 'note']),
  ];
  spec.parameters.forEach((p, j) => {
    const q = u.params[j];
    const start = state.evaluations.find((e) => e.phase === 'start')?.values[j] ?? null;
    lines.push(row([p.name, unitOf(p.name), p.scale, p.lower, p.upper, start, q.best, q.lower, q.upper, u.level, u.method, q.verdict, q.note]));
  });
  return `${lines.join('\n')}\n`;
}

export function profilesCsv(u: UncertaintySummary, best: number): string {
  const lines = [row(['parameter', 'unit', 'unit_coordinate', 'value', 'objective', 'delta_objective', 'within_threshold'])];
  for (const q of u.params)
    for (const pt of q.profile)
      lines.push(row([q.name, unitOf(q.name), pt.u, pt.value, pt.objective, pt.objective - best, pt.objective - best <= u.threshold]));
  return `${lines.join('\n')}\n`;
}

/** The best parameters as a scenario's `params` block: { "name": value }. */
export function bestParamsText(spec: FitSpec, best: Best): string {
  const block: Record<string, number> = {};
  spec.parameters.forEach((p, j) => {
    block[p.name] = best.values[j];
  });
  return `${JSON.stringify(block, null, 2)}\n`;
}
