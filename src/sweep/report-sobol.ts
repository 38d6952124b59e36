// Why this file exists: the sensitivity section of a saltelli sweep's report (and the figures of
// docs/validation/sensitivity.md): per metric, a chart of the total-order (ST) and first-order (S1)
// Sobol indices with their intervals, top parameters first, the table of every parameter with the
// range it was varied over and the category of its source, how runs without a number were counted,
// and the parameters left out with why. Plain HTML and SVG strings.
import { esc, intervalBarChart } from '../report/svg';
import type { SobolMetricResult, SobolRow } from './sobol-table';
import type { SweepSpec } from './spec';

/** ST above this: the parameter matters for the metric. */
export const MATTERS_ST = 0.05;
/** ST below this (for every metric): the parameter does not matter. */
export const NEGLIGIBLE_ST = 0.02;

/** "0.123 [0.100, 0.150]" (or "–" without an estimate). */
export function withInterval(v: number, lo: number, hi: number): string {
  if (!Number.isFinite(v)) return '–';
  const f = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '?');
  return `${f(v)} [${f(lo)}, ${f(hi)}]`;
}

/** "0.667 to 1.5 uM (log)" (3 significant digits). */
export function rangeText(r: Pick<SobolRow, 'from' | 'to' | 'unit' | 'scale'>): string {
  if (r.from === null || r.to === null) return 'choices';
  const unit = r.unit && r.unit !== '1' ? ` ${r.unit}` : '';
  const n = (x: number) => String(Number(x.toPrecision(3)));
  return `${n(r.from)} to ${n(r.to)}${unit} (${r.scale})`;
}

/** ST and S1 of the `top` parameters with the highest ST, with their intervals. */
export function sobolChart(r: SobolMetricResult, top = 25): string {
  const rows = r.rows.slice(0, top);
  return intervalBarChart({
    title: `Sobol indices of the ${r.metric.label}: the ${rows.length} parameters with the highest total-order index`,
    x: { label: 'Sobol index', unit: 'share of the variance' },
    series: [
      { name: 'ST (total order)', color: '#0072b2' },
      { name: 'S1 (first order)', color: '#9ecae1' },
    ],
    rows: rows.map((x) => ({
      label: x.parameter,
      note: x.category ?? '',
      values: [
        { value: x.ST, lo: x.ST_lo, hi: x.ST_hi },
        { value: x.S1, lo: x.S1_lo, hi: x.S1_hi },
      ],
    })),
    rules: [{ axis: 'x', at: MATTERS_ST, label: `ST = ${MATTERS_ST}`, color: '#d55e00' }],
  });
}

/** How a metric's runs were counted, in one sentence. */
export function countsText(r: SobolMetricResult): string {
  const parts = [`${r.used} runs with a number`];
  if (r.excluded) parts.push(`${r.excluded} left out by the rule above`);
  if (r.failed) parts.push(`${r.failed} failed (left out)`);
  if (r.missing) parts.push(`${r.missing} not run yet`);
  return `${parts.join(', ')}; mean ${r.mean.toFixed(3)} ${r.metric.unit}, standard deviation ${r.sd.toFixed(3)} ${r.metric.unit} over the A and B runs.`;
}

/** "0.12 um/min (35 pairs)": the mean change of the output when the parameter alone is redrawn, within the measured regime. */
export function effectText(x: Pick<SobolRow, 'effect' | 'pairs_in_regime'>, unit: string): string {
  return Number.isFinite(x.effect) ? `${x.effect.toFixed(3)} ${unit} (${x.pairs_in_regime} pairs)` : '–';
}

function table(r: SobolMetricResult): string {
  const head = [
    'parameter',
    'ST [95% interval]',
    'S1 [95% interval]',
    `redrawn alone: mean change (${r.metric.measured})`,
    'redrawn alone: regime changes',
    'varied over',
    'source',
    'base points',
  ]
    .map((h) => `<th>${esc(h)}</th>`)
    .join('');
  const body = r.rows
    .map(
      (x) =>
        `<tr><td><code>${esc(x.parameter)}</code></td><td>${esc(withInterval(x.ST, x.ST_lo, x.ST_hi))}</td><td>${esc(withInterval(x.S1, x.S1_lo, x.S1_hi))}</td><td>${esc(effectText(x, r.metric.unit))}</td><td>${x.regime_changes} of ${x.pairs}</td><td>${esc(rangeText(x))}</td><td title="${esc(x.source)}">${esc(x.category ?? 'not a parameter')}</td><td>${x.n}</td></tr>`,
    )
    .join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/** The report's section: one chart and one table per metric, then the parameters left out. */
export function sobolSectionHtml(results: readonly SobolMetricResult[], spec: SweepSpec): string {
  const k = spec.axes.length;
  const parts = [
    '<h2>Sobol sensitivity indices</h2>',
    `<p class="note">Saltelli's scheme: ${spec.points} base points x (${k} axes + 2) runs; S1: first-order index (Saltelli et al. 2010), ST: total-order index (Jansen 1999), 95% intervals from 1000 bootstrap resamples of the base points (seeded by the master seed). The k + 2 runs of a base point share its seed. An index needs the A, B and AB_i runs of a base point: a base point with one of them missing counts for no index that needs it. "Redrawn alone": A_j against AB_ij, which differ in that parameter only: how many pairs changed regime (e.g. a wave became synchronous death), and the mean absolute change of the output over the pairs that both stay in the regime where it is measured.</p>`,
  ];
  if (results.length === 0)
    parts.push('<p>No finished run measures a metric of the analysis (wave speed on a strip, or the erastin threshold of a dish in lanes).</p>');
  for (const r of results) {
    parts.push(`<h3>${esc(r.metric.label)} (${esc(r.metric.unit)})</h3>`);
    parts.push(`<p class="note">${esc(r.metric.how)}. ${esc(countsText(r))}</p>`);
    parts.push(sobolChart(r));
    parts.push(table(r));
  }
  const skipped = spec.all_params?.skipped ?? [];
  if (skipped.length) {
    parts.push(`<h3>Parameters not varied (${skipped.length})</h3><ul>`);
    for (const s of skipped) parts.push(`<li><code>${esc(s.name)}</code>: ${esc(s.reason)}</li>`);
    parts.push('</ul>');
  }
  return parts.join('\n');
}
