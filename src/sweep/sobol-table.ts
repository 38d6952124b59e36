// Why this file exists: the Sobol analysis of a saltelli sweep, from its runs to one row per
// (metric, parameter): S1 and ST with their bootstrap intervals; what redrawing the parameter alone
// does (A_j against AB_ij, which differ in it only): how often it moves the run into another
// regime, and by how much it moves the output on average where both runs stay in the regime in which
// the output is measured (an elementary effect in the manner of Morris' mu*; ST, a share of the
// variance, can be small for a parameter that shifts every wave when regime changes of other
// parameters dominate the variance); the range the parameter was varied over, its unit and the
// category of its source in the registry; with the counts of runs that gave no number (failed,
// left out by the metric's rule, not run yet). The same rows make sobol.csv
// (src/formats/sobol-csv.ts), the report's section and docs/validation/sensitivity.md. Pure.
import { paramSpec } from '../model/params';
import type { RunRow } from './outcome';
import { saltelliRole } from './saltelli';
import { type BootstrapOptions, type SobolIndex, sobolIndices } from './sobol-indices';
import { SOBOL_METRICS, type SobolMetric } from './sobol-metrics';
import { type SourceCategory, sourceCategory } from './source-category';
import type { SweepSpec } from './spec';

/** What was varied: a model parameter (with its registry entry) or another scenario path. */
export interface VariedAxis {
  /** the parameter's name, or the axis's runs.csv column for other paths */
  parameter: string;
  unit: string;
  from: number | null;
  to: number | null;
  scale: 'linear' | 'log';
  /** null for an axis that is no model parameter */
  category: SourceCategory | null;
  source: string;
}

export interface SobolRow extends SobolIndex, VariedAxis {
  metric: string;
  /** mean |f(AB_i) - f(A)| over the pairs that both stay in the measured regime, in the metric's unit (NaN: none) */
  effect: number;
  pairs_in_regime: number;
  /** pairs (both runs finished) whose regimes differ, of `pairs` */
  regime_changes: number;
  pairs: number;
}

export interface SobolMetricResult {
  metric: SobolMetric;
  /** every axis, highest ST first (NaN last, then in axis order) */
  rows: SobolRow[];
  /** runs with a number / failed / left out by the metric's rule / not run yet */
  used: number;
  failed: number;
  excluded: number;
  missing: number;
  /** mean and standard deviation of the metric over the A and B runs */
  mean: number;
  sd: number;
}

/** The axes of a sweep as the analysis names them. */
export function variedAxes(spec: SweepSpec, columns: readonly string[]): VariedAxis[] {
  return spec.axes.map((a, k) => {
    const m = /^params\.([A-Za-z0-9_]+)$/.exec(a.path);
    const p = m ? paramSpec(m[1]) : undefined;
    return {
      parameter: p ? p.name : columns[k],
      unit: p ? p.unit : '',
      from: a.from,
      to: a.to,
      scale: a.scale,
      category: p ? sourceCategory(p.source) : null,
      source: p ? p.source : '',
    };
  });
}

/** The analysis of every metric that the sweep's finished runs measure (none unless the design is saltelli). */
export function sobolAnalysis(spec: SweepSpec, columns: readonly string[], rows: readonly RunRow[], opts: BootstrapOptions = {}): SobolMetricResult[] {
  if (spec.design !== 'saltelli' || spec.points === null) return [];
  const k = spec.axes.length;
  const N = spec.points;
  const total = N * (k + 2);
  const axes = variedAxes(spec, columns);
  const out: SobolMetricResult[] = [];
  for (const metric of SOBOL_METRICS) {
    if (!rows.some((r) => r.outcome.summary && metric.applies(r.outcome.summary))) continue;
    const a = new Float64Array(N).fill(Number.NaN);
    const b = new Float64Array(N).fill(Number.NaN);
    const ab = Array.from({ length: k }, () => new Float64Array(N).fill(Number.NaN));
    let used = 0;
    let failed = 0;
    let excluded = 0;
    const regA: Array<string | null> = new Array(N).fill(null);
    const regAB = Array.from({ length: k }, () => new Array<string | null>(N).fill(null));
    const read = metric.reader(rows.flatMap((r) => (r.outcome.summary && metric.applies(r.outcome.summary) ? [r.outcome.summary] : [])));
    for (const r of rows) {
      const s = r.outcome.summary;
      if (r.outcome.status === 'failed' || !s) {
        failed++;
        continue;
      }
      const role = saltelliRole(r.planned.point, k);
      if (metric.applies(s)) {
        if (role.matrix === 'A') regA[role.base] = metric.regime(s);
        else if (role.matrix === 'AB') regAB[role.axis][role.base] = metric.regime(s);
      }
      const v = metric.applies(s) ? read(s) : null;
      if (v === null || !Number.isFinite(v)) {
        excluded++;
        continue;
      }
      used++;
      if (role.matrix === 'A') a[role.base] = v;
      else if (role.matrix === 'B') b[role.base] = v;
      else ab[role.axis][role.base] = v;
    }
    const indices = sobolIndices({ a, b, ab }, { seed: spec.seed, ...opts });
    const tableRows: SobolRow[] = indices.map((ix, i) => ({ metric: metric.id, ...axes[i], ...ix, ...aloneEffect(metric, a, ab[i], regA, regAB[i]) }));
    const order = tableRows.map((_, i) => i).sort((p, q) => rank(tableRows[q].ST) - rank(tableRows[p].ST) || p - q);
    const ends = [...a, ...b].filter((x) => !Number.isNaN(x));
    const mean = ends.reduce((s, x) => s + x, 0) / Math.max(1, ends.length);
    const sd = Math.sqrt(ends.reduce((s, x) => s + (x - mean) * (x - mean), 0) / Math.max(1, ends.length - 1));
    out.push({ metric, rows: order.map((i) => tableRows[i]), used, failed, excluded, missing: total - rows.length, mean, sd });
  }
  return out;
}

/** What redrawing axis i alone does: A_j against AB_ij, over the base points where both finished. */
function aloneEffect(
  metric: SobolMetric,
  a: Float64Array,
  ab: Float64Array,
  regA: ReadonlyArray<string | null>,
  regAB: ReadonlyArray<string | null>,
): Pick<SobolRow, 'effect' | 'pairs_in_regime' | 'regime_changes' | 'pairs'> {
  let pairs = 0;
  let changes = 0;
  let inRegime = 0;
  let sum = 0;
  for (let j = 0; j < a.length; j++) {
    if (regA[j] === null || regAB[j] === null) continue;
    pairs++;
    if (regA[j] !== regAB[j]) changes++;
    else if (regA[j] === metric.measured && !Number.isNaN(a[j]) && !Number.isNaN(ab[j])) {
      inRegime++;
      sum += Math.abs(ab[j] - a[j]);
    }
  }
  return { effect: inRegime ? sum / inRegime : Number.NaN, pairs_in_regime: inRegime, regime_changes: changes, pairs };
}

/** ST for sorting: NaN (no estimate) below everything. */
const rank = (x: number) => (Number.isNaN(x) ? Number.NEGATIVE_INFINITY : x);
