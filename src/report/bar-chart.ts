// Why this file exists: horizontal bar charts of the report: one row per category, labels on the
// left, notes after the bars, shaded intervals and reference lines along the value axis.
import { type Axis, axisTitle, type Band, esc, FONT, fmtTick, makeScale, n1, openSvg, type Rule } from './axes';
import { PALETTE } from './colours';

/** One bar of a bar chart. */
export interface Bar {
  label: string;
  /** bar length; a non-finite value draws no bar (give a note saying why) */
  value: number;
  color?: string;
  /** text after the bar, e.g. "no wave" or the value with its ratio */
  note?: string;
}

export interface BarChartOptions {
  title: string;
  /** the value axis (horizontal, linear); domain default: from 0 to the largest value + 10% */
  x: Axis;
  bars: Bar[];
  /** vertical reference lines (axis 'x' only) */
  rules?: Rule[];
  /** shaded x-intervals (axis 'x' only) */
  bands?: Band[];
  width?: number;
}

/** Horizontal bars, one row per category (labels on the left, notes after the bars). */
export function barChart(o: BarChartOptions): string {
  const labelW = Math.ceil(20 + 6.2 * Math.max(6, ...o.bars.map((b) => b.label.length)));
  const noteW = Math.ceil(12 + 6 * Math.max(0, ...o.bars.map((b) => (b.note ?? '').length)));
  const width = o.width ?? labelW + 420 + noteW;
  const rowH = 22;
  const L = labelW,
    T = 34,
    R = width - noteW,
    B = T + rowH * Math.max(1, o.bars.length) + 8;
  const height = B + 52;
  const vals = [...o.bars.map((b) => b.value), ...(o.rules ?? []).map((r) => r.at), ...(o.bands ?? []).flatMap((b) => [b.from, b.to])].filter(Number.isFinite);
  const dom: [number, number] = o.x.domain ? [o.x.domain[0], o.x.domain[1]] : [Math.min(0, ...vals), vals.length ? Math.max(...vals) * 1.1 || 1 : 1];
  if (!(dom[1] > dom[0])) dom[1] = dom[0] + 1;
  const x = makeScale({ ...o.x, log: false }, dom, L, R);
  const out = openSvg(width, height, o.title);
  out.push(`<g stroke="#e3e3e3" stroke-width="1">`);
  for (const t of x.ticks) out.push(`<line x1="${n1(x(t))}" y1="${T}" x2="${n1(x(t))}" y2="${B}"/>`);
  out.push('</g>');
  for (const b of o.bands ?? []) {
    if (b.axis !== 'x') continue;
    const [p, q] = [x(Math.max(dom[0], b.from)), x(Math.min(dom[1], b.to))];
    out.push(`<rect x="${n1(Math.min(p, q))}" y="${T}" width="${n1(Math.abs(q - p))}" height="${B - T}" fill="${b.color ?? '#2ca02c'}" fill-opacity="0.15"/>`);
    if (b.label) out.push(`<text ${FONT} font-size="10" fill="#333" x="${n1(Math.min(p, q) + 3)}" y="${B - 4}">${esc(b.label)}</text>`);
  }
  const x0 = x(Math.max(dom[0], Math.min(dom[1], 0)));
  o.bars.forEach((b, k) => {
    const yc = T + 4 + rowH * (k + 0.5);
    const color = b.color ?? PALETTE[0];
    let end = x0;
    if (Number.isFinite(b.value)) {
      end = x(Math.max(dom[0], Math.min(dom[1], b.value)));
      out.push(`<rect x="${n1(Math.min(x0, end))}" y="${n1(yc - 7)}" width="${n1(Math.max(0.5, Math.abs(end - x0)))}" height="14" fill="${color}"/>`);
    }
    out.push(`<text ${FONT} font-size="11" fill="#222" x="${L - 6}" y="${n1(yc + 4)}" text-anchor="end">${esc(b.label)}</text>`);
    if (b.note) out.push(`<text ${FONT} font-size="10" fill="#333" x="${n1(Math.max(x0, end) + 5)}" y="${n1(yc + 4)}">${esc(b.note)}</text>`);
  });
  for (const r of o.rules ?? []) {
    if (r.axis !== 'x' || !Number.isFinite(r.at)) continue;
    const color = r.color ?? '#777';
    out.push(`<line x1="${n1(x(r.at))}" y1="${T}" x2="${n1(x(r.at))}" y2="${B}" stroke="${color}" stroke-dasharray="3 3" stroke-width="1.2"/>`);
    if (r.label) out.push(`<text ${FONT} font-size="10" fill="${color}" x="${n1(x(r.at) + 3)}" y="${T + 10}">${esc(r.label)}</text>`);
  }
  out.push(`<rect x="${L}" y="${T}" width="${R - L}" height="${B - T}" fill="none" stroke="#333" stroke-width="1"/>`);
  out.push(`<g ${FONT} font-size="11" fill="#222">`);
  for (const t of x.ticks) {
    out.push(`<line x1="${n1(x(t))}" y1="${B}" x2="${n1(x(t))}" y2="${B + 4}" stroke="#333"/>`);
    out.push(`<text x="${n1(x(t))}" y="${B + 16}" text-anchor="middle">${esc(fmtTick(t))}</text>`);
  }
  out.push('</g>');
  out.push(`<text ${FONT} font-size="12" x="${n1((L + R) / 2)}" y="${B + 36}" text-anchor="middle">${esc(axisTitle(o.x))}</text>`);
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
