// Why this file exists: the page a biologist reads after a sweep (`ferrowave report`): for each
// key metric, dose-response curves along every axis (mean over replicates, with the replicates'
// range as a band and one curve per level of the other axes), heat maps of the mean over every
// pair of axes, and the failed runs with their errors; for a saltelli design, the Sobol indices
// instead (report-sobol.ts). Plain HTML with inline SVG, no scripts; the same folder gives the same bytes.
import { esc, fmtTick, lineChart, PALETTE, type Ribbon, type Series, viridis } from '../report/svg';
import { METRICS } from './metrics';
import type { RunRow } from './outcome';
import { sobolSectionHtml } from './report-sobol';
import { sobolAnalysis } from './sobol-table';
import type { Axis, Scalar, SweepSpec } from './spec';

export interface ReportInput {
  spec: SweepSpec;
  version: string;
  columns: string[];
  totalRuns: number;
  /** the runs present (ok or failed) */
  rows: RunRow[];
}

/** Axes plotted against each metric, at most (the report of a sweep over every parameter stays readable). */
export const MAX_PLOTTED_AXES = 12;

/** Metrics plotted, in this order, when the sweep kept them. */
export const REPORT_METRICS = ['wave_speed_um_per_min', 'wave_detected', 'death_fraction_final', 'death_t50_min'];

const LABELS: Record<string, [string, string]> = {
  wave_speed_um_per_min: ['wave speed (runs with a wave)', 'um/min'],
  wave_detected: ['runs with a wave', 'fraction'],
  death_fraction_final: ['cells dead by ferroptosis', 'fraction'],
  death_t50_min: ['time to 50% death', 'min'],
};

function metricNumber(row: RunRow, name: string): number | null {
  if (!row.outcome.summary) return null;
  const v = METRICS.find((m) => m.name === name)!.get(row.outcome.summary);
  if (typeof v === 'boolean') return v ? 1 : 0;
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** An axis column's unit for plot labels: the suffix after the last "_" if it looks like one. */
function axisUnit(col: string): [string, string] {
  const m = /^(.*?)_(uM|nM|mM|um|min|a\.?u\.?|um2_per_min|per_min|fraction)$/.exec(col);
  return m ? [m[1], m[2]] : [col, '-'];
}

interface Stats {
  mean: number;
  min: number;
  max: number;
  n: number;
}

function stats(xs: number[]): Stats | null {
  if (xs.length === 0) return null;
  let s = 0,
    lo = Infinity,
    hi = -Infinity;
  for (const x of xs) {
    s += x;
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  return { mean: s / xs.length, min: lo, max: hi, n: xs.length };
}

const key = (vals: Scalar[]) => JSON.stringify(vals);

/** Order value lists element by element: numbers by value, anything else as text. */
function compareValues(a: readonly Scalar[], b: readonly Scalar[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i],
      y = b[i];
    const d = typeof x === 'number' && typeof y === 'number' ? x - y : String(x) < String(y) ? -1 : String(x) > String(y) ? 1 : 0;
    if (d !== 0) return d;
  }
  return 0;
}
const numeric = (vals: readonly Scalar[]) => vals.every((v) => typeof v === 'number');

/** Distinct values of axis k among the runs, sorted. */
function levels(rows: readonly RunRow[], k: number): Scalar[] {
  const seen = new Map<string, Scalar>();
  for (const r of rows) seen.set(key([r.planned.values[k]]), r.planned.values[k]);
  const vals = [...seen.values()];
  return numeric(vals) ? (vals as number[]).sort((a, b) => a - b) : vals.map(String).sort();
}

/** Dose-response along axis k: one curve per combination of the other axes (grid designs). */
function doseResponse(input: ReportInput, metric: string, k: number): string {
  const { rows, columns, spec } = input;
  const [label, unit] = LABELS[metric];
  const [xl, xu] = axisUnit(columns[k]);
  const others = columns.map((_, j) => j).filter((j) => j !== k);
  const groups = new Map<string, { name: string; at: Scalar[]; byX: Map<number, number[]> }>();
  for (const r of rows) {
    const v = metricNumber(r, metric);
    const x = r.planned.values[k];
    if (typeof x !== 'number') continue;
    const g = key(others.map((j) => r.planned.values[j]));
    let grp = groups.get(g);
    if (!grp) {
      grp = {
        name: others.map((j) => `${columns[j]} = ${r.planned.values[j]}`).join(', ') || label,
        at: others.map((j) => r.planned.values[j]),
        byX: new Map(),
      };
      groups.set(g, grp);
    }
    const list = grp.byX.get(x) ?? [];
    if (v !== null) list.push(v);
    grp.byX.set(x, list);
  }
  const ordered = [...groups.values()].sort((a, b) => compareValues(a.at, b.at));
  const shown = ordered.slice(0, 8);
  const series: Series[] = [];
  const ribbons: Ribbon[] = [];
  shown.forEach((g, i) => {
    const color = PALETTE[i % PALETTE.length];
    const pts: Array<[number, number]> = [];
    const band: Array<[number, number, number]> = [];
    for (const x of [...g.byX.keys()].sort((a, b) => a - b)) {
      const s = stats(g.byX.get(x)!);
      if (!s) continue;
      pts.push([x, s.mean]);
      band.push([x, s.min, s.max]);
    }
    series.push({ name: `${g.name} (mean)`, points: pts, color, marker: 'circle' });
    if (spec.replicates > 1) ribbons.push({ name: `${g.name}: replicate range`, points: band, color });
  });
  const xs = rows.map((r) => r.planned.values[k]).filter((x): x is number => typeof x === 'number');
  const log = spec.axes[k].scale === 'log' || (xs.length > 0 && Math.min(...xs) > 0 && Math.max(...xs) / Math.min(...xs) >= 20);
  const note =
    ordered.length > shown.length ? `<p class="note">${ordered.length - shown.length} more curves not drawn (first 8 levels of the other axes shown).</p>` : '';
  return lineChart({ title: `${label} vs ${xl}`, x: { label: xl, unit: xu, log }, y: { label, unit }, series, ribbons }) + note;
}

/** Scatter of a metric against axis k (space-filling designs: every run is its own point). */
function scatter(input: ReportInput, metric: string, k: number): string {
  const [label, unit] = LABELS[metric];
  const [xl, xu] = axisUnit(input.columns[k]);
  const pts: Array<[number, number]> = [];
  for (const r of input.rows) {
    const v = metricNumber(r, metric);
    const x = r.planned.values[k];
    if (v !== null && typeof x === 'number') pts.push([x, v]);
  }
  return lineChart({
    title: `${label} vs ${xl}`,
    x: { label: xl, unit: xu, log: input.spec.axes[k].scale === 'log' },
    y: { label, unit },
    series: [{ name: 'runs', points: pts, line: false, marker: 'circle', color: PALETTE[0] }],
  });
}

/** Heat map of the metric's mean over axes a (columns) x b (rows), averaged over the rest. */
function heat(input: ReportInput, metric: string, a: number, b: number): string {
  const { rows, columns } = input;
  const [label, unit] = LABELS[metric];
  const xa = levels(rows, a);
  const yb = levels(rows, b);
  const cells = new Map<string, number[]>();
  const runsIn = new Map<string, number>();
  for (const r of rows) {
    const c = key([r.planned.values[a], r.planned.values[b]]);
    runsIn.set(c, (runsIn.get(c) ?? 0) + 1);
    const v = metricNumber(r, metric);
    if (v === null) continue;
    const list = cells.get(c) ?? [];
    list.push(v);
    cells.set(c, list);
  }
  const means = [...cells.values()].map((l) => stats(l)!.mean);
  let lo = Math.min(...means),
    hi = Math.max(...means);
  if (!Number.isFinite(lo)) [lo, hi] = [0, 1];
  if (!(hi > lo)) hi = lo + 1;
  const cw = Math.max(44, Math.min(90, 640 / xa.length));
  const ch = Math.max(22, Math.min(44, 360 / yb.length));
  const L = 120,
    T = 40;
  const W = L + cw * xa.length + 150,
    H = T + ch * yb.length + 60;
  const out = [`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif">`];
  out.push(
    `<text x="${L}" y="20" font-size="14" font-weight="bold">${esc(`${label} (${unit}): mean over ${columns.length > 2 ? 'replicates and the other axes' : 'replicates'}`)}</text>`,
  );
  yb.forEach((yv, i) => {
    const y = T + ch * (yb.length - 1 - i);
    out.push(`<text x="${L - 6}" y="${(y + ch / 2 + 4).toFixed(1)}" font-size="11" text-anchor="end">${esc(String(yv))}</text>`);
    xa.forEach((xv, j) => {
      const x = L + cw * j;
      const c = key([xv, yv]);
      const l = cells.get(c);
      const s = l ? stats(l) : null;
      const fill = s ? viridis((s.mean - lo) / (hi - lo)) : '#d9d9d9';
      const text = s ? `${fmtTick(Number(s.mean.toPrecision(3)))}${s.n < (runsIn.get(c) ?? 0) ? ` (${s.n}/${runsIn.get(c)})` : ''}` : '–';
      const dark = s ? (s.mean - lo) / (hi - lo) < 0.6 : false;
      out.push(`<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${cw.toFixed(1)}" height="${ch.toFixed(1)}" fill="${fill}" stroke="#fff"/>`);
      out.push(
        `<text x="${(x + cw / 2).toFixed(1)}" y="${(y + ch / 2 + 4).toFixed(1)}" font-size="10" text-anchor="middle" fill="${dark ? '#fff' : '#000'}">${esc(text)}</text>`,
      );
    });
  });
  xa.forEach((xv, j) => {
    out.push(`<text x="${(L + cw * j + cw / 2).toFixed(1)}" y="${T + ch * yb.length + 16}" font-size="11" text-anchor="middle">${esc(String(xv))}</text>`);
  });
  const [xl, xu] = axisUnit(columns[a]);
  const [yl, yu] = axisUnit(columns[b]);
  out.push(
    `<text x="${(L + (cw * xa.length) / 2).toFixed(1)}" y="${T + ch * yb.length + 40}" font-size="12" text-anchor="middle">${esc(`${xl} (${xu})`)}</text>`,
  );
  out.push(
    `<text x="16" y="${(T + (ch * yb.length) / 2).toFixed(1)}" font-size="12" text-anchor="middle" transform="rotate(-90 16 ${(T + (ch * yb.length) / 2).toFixed(1)})">${esc(`${yl} (${yu})`)}</text>`,
  );
  const bx = L + cw * xa.length + 24;
  for (let k = 0; k < 32; k++)
    out.push(
      `<rect x="${bx}" y="${(T + (ch * yb.length * (31 - k)) / 32).toFixed(1)}" width="14" height="${((ch * yb.length) / 32 + 0.5).toFixed(1)}" fill="${viridis((k + 0.5) / 32)}"/>`,
    );
  out.push(`<text x="${bx + 18}" y="${T + 10}" font-size="10">${esc(fmtTick(Number(hi.toPrecision(3))))}</text>`);
  out.push(`<text x="${bx + 18}" y="${T + ch * yb.length}" font-size="10">${esc(fmtTick(Number(lo.toPrecision(3))))}</text>`);
  out.push(`<text x="${bx}" y="${T + ch * yb.length + 16}" font-size="10">${esc(unit)}</text>`);
  out.push('</svg>');
  return out.join('\n');
}

function failedTable(input: ReportInput): string {
  const failed = input.rows.filter((r) => r.outcome.status === 'failed').sort((a, b) => a.planned.run - b.planned.run);
  if (failed.length === 0) return '<p>No run failed.</p>';
  const head = ['run', ...input.columns, 'seed', 'error'].map((h) => `<th>${esc(h)}</th>`).join('');
  const body = failed
    .map(
      (r) =>
        `<tr><td>${r.planned.run}</td>${r.planned.values.map((v) => `<td>${esc(String(v))}</td>`).join('')}<td>${r.planned.seed}</td><td><code>${esc(r.outcome.error ?? '')}</code></td></tr>`,
    )
    .join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

export function sweepReportHtml(input: ReportInput): string {
  const { spec, columns, rows } = input;
  const ok = rows.filter((r) => r.outcome.status === 'ok').length;
  const failed = rows.length - ok;
  const missing = input.totalRuns - rows.length;
  const metrics = REPORT_METRICS.filter((m) => spec.keep.metrics.includes(m) && rows.some((r) => metricNumber(r, m) !== null));
  const axisText = (a: Axis, col: string) =>
    `<li><code>${esc(col)}</code> = <code>${esc(a.path)}</code>: ${a.values ? esc(a.values.map(String).join(', ')) : `${a.from} to ${a.to}${a.n ? ` (${a.n} values)` : ''}, ${a.scale}`}</li>`;
  const parts: string[] = [];
  parts.push(`<!doctype html><html><head><meta charset="utf-8"><title>${esc(spec.name)}: sweep report</title>`);
  parts.push(
    '<style>body{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}svg{display:block;margin:1em 0}table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ccc;padding:2px 6px;text-align:left}.note{color:#666;font-size:13px}</style></head><body>',
  );
  parts.push(`<h1>Sweep ${esc(spec.name)}</h1>`);
  if (spec.description) parts.push(`<p>${esc(spec.description)}</p>`);
  parts.push(
    `<p>ferrowave ${esc(input.version)}; design ${esc(spec.design)}${spec.points ? ` (${spec.points} points)` : ''}, ${spec.replicates} replicate${spec.replicates > 1 ? 's' : ''} per point, master seed ${spec.seed}; base scenario <code>${esc(typeof spec.base === 'string' ? spec.base : 'inline')}</code>.</p>`,
  );
  parts.push(
    `<p><b>${input.totalRuns} runs</b>: ${ok} finished, ${failed} failed${missing ? `, <b>${missing} not run yet</b> (finish with <code>ferrowave sweep ... --resume</code> or merge the missing shards)` : ''}.</p>`,
  );
  parts.push(`<ul>${spec.axes.map((a, k) => axisText(a, columns[k])).join('')}</ul>`);
  if (spec.design === 'saltelli') {
    parts.push(sobolSectionHtml(sobolAnalysis(spec, columns, rows), spec));
    parts.push(`<h2>Failed runs (${failed})</h2>`);
    parts.push(failedTable(input));
    parts.push('</body></html>');
    return `${parts.join('\n')}\n`;
  }
  const numericAxes = columns.map((_, k) => k).filter((k) => numeric(rows.map((r) => r.planned.values[k])) && levels(rows, k).length > 1);
  if (metrics.length === 0 || numericAxes.length === 0)
    parts.push('<p class="note">Nothing to plot: no numeric axis with more than one value, or no finished run with these metrics.</p>');
  parts.push(
    `<h2>Dose-response</h2><p class="note">Lines: mean over replicates; bands: the replicates' range (min to max). Wave speed is averaged over the runs that made a wave.</p>`,
  );
  // ("all-params" gives ~100 axes: the first MAX_PLOTTED_AXES are drawn, the rest named)
  const plotted = numericAxes.slice(0, MAX_PLOTTED_AXES);
  if (numericAxes.length > plotted.length)
    parts.push(
      `<p class="note">${numericAxes.length} numeric axes: the first ${plotted.length} are plotted (not ${numericAxes
        .slice(plotted.length)
        .map((k) => esc(columns[k]))
        .join(', ')}); runs.csv has them all.</p>`,
    );
  for (const m of metrics) for (const k of plotted) parts.push(spec.design === 'grid' ? doseResponse(input, m, k) : scatter(input, m, k));
  if (spec.design === 'grid' && columns.length >= 2) {
    parts.push(
      '<h2>Heat maps</h2><p class="note">Each cell: the mean over its runs; "(n/m)": only n of its m runs have a value (e.g. speed needs a wave); grey: none.</p>',
    );
    for (const m of metrics) for (let a = 0; a < columns.length; a++) for (let b = a + 1; b < columns.length; b++) parts.push(heat(input, m, a, b));
  }
  parts.push(`<h2>Failed runs (${failed})</h2>`);
  parts.push(failedTable(input));
  parts.push('</body></html>');
  return `${parts.join('\n')}\n`;
}
