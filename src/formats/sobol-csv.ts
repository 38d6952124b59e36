// Why this file exists: sobol.csv of a saltelli sweep folder, one row per (metric, parameter),
// highest total-order index first within each metric: the indices with their 95% bootstrap
// intervals, then what was varied (the parameter's unit and range, linear or log) and the category
// of its source in the registry (literature, fit, calibration, assumption; empty for an axis that
// is no model parameter), and the base points the estimate used; then what redrawing the parameter
// alone does (sobol-table.ts): the mean absolute change of the metric over the pairs of runs that
// both stay in the regime where it is measured (a wave; a threshold within the lanes), in the
// metric's unit, with their number, and how many of the pairs changed regime. Pure: sweep-folder-fs.ts writes it.
import type { SobolMetricResult } from '../sweep/sobol-table';
import { csvField } from './runs-csv';

export const SOBOL_CSV = 'sobol.csv';

export const SOBOL_CSV_COLUMNS = [
  'metric',
  'metric_unit',
  'parameter',
  'S1',
  'S1_lo',
  'S1_hi',
  'ST',
  'ST_lo',
  'ST_hi',
  'unit',
  'from',
  'to',
  'scale',
  'source_category',
  'base_points_used',
  'effect_in_regime',
  'pairs_in_regime',
  'regime_changes',
  'pairs',
] as const;

/** An index to 4 decimals (empty when there is no estimate). */
const ix = (x: number) => (Number.isFinite(x) ? Number(x.toFixed(4)) : null);

export function sobolCsv(results: readonly SobolMetricResult[]): string {
  const lines = [SOBOL_CSV_COLUMNS.join(',')];
  for (const r of results)
    for (const row of r.rows)
      lines.push(
        [
          row.metric,
          r.metric.unit,
          row.parameter,
          ix(row.S1),
          ix(row.S1_lo),
          ix(row.S1_hi),
          ix(row.ST),
          ix(row.ST_lo),
          ix(row.ST_hi),
          row.unit,
          row.from,
          row.to,
          row.scale,
          row.category ?? '',
          row.n,
          ix(row.effect),
          row.pairs_in_regime,
          row.regime_changes,
          row.pairs,
        ]
          .map(csvField)
          .join(','),
      );
  return `${lines.join('\n')}\n`;
}
