// Why this file exists: sensitivity indices are estimates, so their chart shows each with its
// confidence interval: one row per category (e.g. a parameter), two bars per row (e.g. the
// total-order index ST over the first-order S1), each with a whisker from its interval's low to
// high end, and reference lines (e.g. the level above which a parameter matters). No DOM, no Node.
import { type Axis, axisTitle, esc, FONT, fmtTick, makeScale, n1, openSvg, type Rule } from './axes';
import { PALETTE } from './colours';

/** One estimate: the value and its interval (non-finite: nothing drawn). */
export interface Estimate {
  value: number;
  lo: number;
  hi: number;
}

export interface IntervalRow {
  label: string;
  /** one estimate per series, in the order of `series` */
  values: Estimate[];
  /** text after the row, e.g. the source category */
  note?: string;
}

export interface IntervalBarChartOptions {
  title: string;
  /** the value axis (horizontal, linear); domain default: from min(0, lowest end) to the highest end + 5% */
  x: Axis;
  /** the bars of each row, top to bottom (e.g. ["ST", "S1"]) */
  series: Array<{ name: string; color?: string }>;
  rows: IntervalRow[];
  rules?: Rule[];
  width?: number;
}

/** Horizontal bars with interval whiskers, several per row, a legend under the axis. */
export function intervalBarChart(o: IntervalBarChartOptions): string {
  const labelW = Math.ceil(20 + 6.2 * Math.max(6, ...o.rows.map((r) => r.label.length)));
  const noteW = Math.ceil(12 + 6 * Math.max(0, ...o.rows.map((r) => (r.note ?? '').length)));
  const width = o.width ?? labelW + 440 + noteW;
  const bar = 8;
  const rowH = Math.max(18, bar * o.series.length + 8);
  const L = labelW,
    T = 34,
    R = width - noteW,
    B = T + rowH * Math.max(1, o.rows.length) + 6;
  const height = B + 66;
  const ends = o.rows.flatMap((r) => r.values.flatMap((e) => [e.value, e.lo, e.hi])).filter(Number.isFinite);
  const dom: [number, number] = o.x.domain
    ? [o.x.domain[0], o.x.domain[1]]
    : [Math.min(0, ...ends), ends.length ? Math.max(0, ...ends, ...(o.rules ?? []).map((r) => r.at)) * 1.05 || 1 : 1];
  if (!(dom[1] > dom[0])) dom[1] = dom[0] + 1;
  const x = makeScale({ ...o.x, log: false }, dom, L, R);
  const clamp = (v: number) => x(Math.max(dom[0], Math.min(dom[1], v)));
  const out = openSvg(width, height, o.title);
  out.push(`<g stroke="#e3e3e3" stroke-width="1">`);
  for (const t of x.ticks) out.push(`<line x1="${n1(x(t))}" y1="${T}" x2="${n1(x(t))}" y2="${B}"/>`);
  out.push('</g>');
  const x0 = clamp(0);
  const colors = o.series.map((s, k) => s.color ?? PALETTE[k % PALETTE.length]);
  o.rows.forEach((row, r) => {
    const top = T + 4 + rowH * r + (rowH - bar * o.series.length) / 2;
    if (r % 2 === 1) out.push(`<rect x="${L}" y="${n1(T + 3 + rowH * r)}" width="${R - L}" height="${rowH}" fill="#f6f6f6"/>`);
    row.values.forEach((e, s) => {
      const y = top + bar * s;
      if (Number.isFinite(e.value)) {
        const end = clamp(e.value);
        out.push(`<rect x="${n1(Math.min(x0, end))}" y="${n1(y)}" width="${n1(Math.max(0.5, Math.abs(end - x0)))}" height="${bar - 1}" fill="${colors[s]}"/>`);
      }
      if (Number.isFinite(e.lo) && Number.isFinite(e.hi)) {
        const yc = n1(y + (bar - 1) / 2);
        out.push(`<line x1="${n1(clamp(e.lo))}" y1="${yc}" x2="${n1(clamp(e.hi))}" y2="${yc}" stroke="#222" stroke-width="1"/>`);
        for (const v of [e.lo, e.hi])
          out.push(`<line x1="${n1(clamp(v))}" y1="${n1(y + 1)}" x2="${n1(clamp(v))}" y2="${n1(y + bar - 2)}" stroke="#222" stroke-width="1"/>`);
      }
    });
    const yc = T + 4 + rowH * (r + 0.5);
    out.push(`<text ${FONT} font-size="11" fill="#222" x="${L - 6}" y="${n1(yc + 4)}" text-anchor="end">${esc(row.label)}</text>`);
    if (row.note) out.push(`<text ${FONT} font-size="10" fill="#555" x="${R + 6}" y="${n1(yc + 4)}">${esc(row.note)}</text>`);
  });
  for (const rule of o.rules ?? []) {
    if (rule.axis !== 'x' || !Number.isFinite(rule.at) || rule.at < dom[0] || rule.at > dom[1]) continue;
    const color = rule.color ?? '#777';
    out.push(`<line x1="${n1(x(rule.at))}" y1="${T}" x2="${n1(x(rule.at))}" y2="${B}" stroke="${color}" stroke-dasharray="3 3" stroke-width="1.2"/>`);
    if (rule.label) out.push(`<text ${FONT} font-size="10" fill="${color}" x="${n1(x(rule.at) + 3)}" y="${T + 10}">${esc(rule.label)}</text>`);
  }
  out.push(`<rect x="${L}" y="${T}" width="${R - L}" height="${B - T}" fill="none" stroke="#333" stroke-width="1"/>`);
  out.push(`<g ${FONT} font-size="11" fill="#222">`);
  for (const t of x.ticks) {
    out.push(`<line x1="${n1(x(t))}" y1="${B}" x2="${n1(x(t))}" y2="${B + 4}" stroke="#333"/>`);
    out.push(`<text x="${n1(x(t))}" y="${B + 16}" text-anchor="middle">${esc(fmtTick(t))}</text>`);
  }
  out.push('</g>');
  out.push(`<text ${FONT} font-size="12" x="${n1((L + R) / 2)}" y="${B + 34}" text-anchor="middle">${esc(axisTitle(o.x))}</text>`);
  let lx = L;
  o.series.forEach((s, k) => {
    out.push(`<rect x="${n1(lx)}" y="${B + 46}" width="14" height="${bar}" fill="${colors[k]}"/>`);
    out.push(`<text ${FONT} font-size="11" fill="#222" x="${n1(lx + 18)}" y="${B + 54}">${esc(s.name)}</text>`);
    lx += 28 + 6.5 * s.name.length;
  });
  out.push(`<text ${FONT} font-size="10" fill="#555" x="${n1(lx + 6)}" y="${B + 54}">whiskers: confidence intervals</text>`);
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
