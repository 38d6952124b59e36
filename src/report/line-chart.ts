// Why this file exists: line charts of the report: any number of series (lines and/or markers),
// a legend on the right, log axes, ribbons (a band between lo and hi), shaded bands, reference
// lines and notes.
import { type Axis, axes, type Band, esc, FONT, domainOf, makeScale, n1, openSvg, type Rule, type Series } from './axes';
import { PALETTE } from './colours';

/** A shaded band between lo and hi along x (e.g. a target +- tolerance). */
export interface Ribbon {
  name: string;
  points: ReadonlyArray<readonly [number, number, number]>;
  color?: string;
}

/** A labelled point (an annotation, not a series). */
export interface Note {
  x: number;
  y: number;
  label: string;
}

export interface LineChartOptions {
  title: string;
  x: Axis;
  y: Axis;
  series: Series[];
  ribbons?: Ribbon[];
  bands?: Band[];
  rules?: Rule[];
  notes?: Note[];
  width?: number;
  height?: number;
}

function markerPath(kind: NonNullable<Series['marker']>, x: number, y: number, color: string): string {
  const r = 3.5;
  switch (kind) {
    case 'circle':
      return `<circle cx="${n1(x)}" cy="${n1(y)}" r="${r}" fill="${color}"/>`;
    case 'square':
      return `<rect x="${n1(x - r)}" y="${n1(y - r)}" width="${2 * r}" height="${2 * r}" fill="${color}"/>`;
    case 'diamond':
      return `<path d="M${n1(x)} ${n1(y - r - 1)}L${n1(x + r + 1)} ${n1(y)}L${n1(x)} ${n1(y + r + 1)}L${n1(x - r - 1)} ${n1(y)}Z" fill="${color}"/>`;
    case 'cross':
      return `<path d="M${n1(x - r)} ${n1(y - r)}L${n1(x + r)} ${n1(y + r)}M${n1(x - r)} ${n1(y + r)}L${n1(x + r)} ${n1(y - r)}" stroke="${color}" stroke-width="1.8"/>`;
  }
}

/** A line chart with any number of series, a legend on the right and optional annotations. */
export function lineChart(o: LineChartOptions): string {
  // the plot keeps its size; the legend on the right is as wide as its longest entry
  const names = [...o.series.map((s) => s.name), ...(o.ribbons ?? []).map((r) => r.name), ...(o.bands ?? []).flatMap((b) => (b.label ? [b.label] : []))];
  const legendW = Math.ceil(52 + 6.2 * Math.max(10, ...names.map((n) => n.length)));
  const width = o.width ?? 72 + 500 + legendW;
  const height = o.height ?? 400;
  const L = 72,
    T = 34,
    R = width - legendW,
    B = height - 52;
  const xs: number[] = [];
  const ys: number[] = [];
  for (const s of o.series)
    for (const [a, b] of s.points) {
      xs.push(a);
      ys.push(b);
    }
  for (const r of o.ribbons ?? [])
    for (const [a, lo, hi] of r.points) {
      xs.push(a);
      ys.push(lo, hi);
    }
  for (const b of o.bands ?? []) (b.axis === 'x' ? xs : ys).push(b.from, b.to);
  for (const r of o.rules ?? []) (r.axis === 'x' ? xs : ys).push(r.at);
  const x = makeScale(o.x, domainOf(xs, o.x), L, R);
  const y = makeScale(o.y, domainOf(ys, o.y), B, T);
  const ok = (a: number, b: number) => Number.isFinite(a) && Number.isFinite(b) && (!o.x.log || a > 0) && (!o.y.log || b > 0);
  const out = openSvg(width, height, o.title);
  out.push(`<defs><clipPath id="plot"><rect x="${L}" y="${T}" width="${R - L}" height="${B - T}"/></clipPath></defs>`);
  out.push(...axes(x, y, o.x, o.y, L, T, R, B));
  const legend: string[] = [];
  let ly = T + 6;
  const legendText = (text: string) => `<text ${FONT} font-size="11" x="${R + 40}" y="${ly + 4}">${esc(text)}</text>`;
  out.push('<g clip-path="url(#plot)">');
  for (const b of o.bands ?? []) {
    const color = b.color ?? '#2ca02c';
    const [p, q] = b.axis === 'x' ? [x(b.from), x(b.to)] : [y(b.to), y(b.from)];
    if (b.axis === 'x')
      out.push(`<rect x="${n1(Math.min(p, q))}" y="${T}" width="${n1(Math.abs(q - p))}" height="${B - T}" fill="${color}" fill-opacity="0.15"/>`);
    else out.push(`<rect x="${L}" y="${n1(Math.min(p, q))}" width="${R - L}" height="${n1(Math.abs(q - p))}" fill="${color}" fill-opacity="0.15"/>`);
    if (b.label) {
      legend.push(`<rect x="${R + 12}" y="${ly - 5}" width="22" height="10" fill="${color}" fill-opacity="0.25"/>`, legendText(b.label));
      ly += 18;
    }
  }
  o.ribbons?.forEach((r, k) => {
    const color = r.color ?? PALETTE[(o.series.length + k) % PALETTE.length];
    const pts = r.points.filter(([a, lo, hi]) => ok(a, lo) && ok(a, hi));
    if (pts.length >= 2) {
      const d = [...pts.map(([a, , hi]) => `${n1(x(a))} ${n1(y(hi))}`), ...[...pts].reverse().map(([a, lo]) => `${n1(x(a))} ${n1(y(lo))}`)];
      out.push(`<path d="M${d.join('L')}Z" fill="${color}" fill-opacity="0.18" stroke="none"/>`);
    }
    legend.push(`<rect x="${R + 12}" y="${ly - 5}" width="22" height="10" fill="${color}" fill-opacity="0.3"/>`, legendText(r.name));
    ly += 18;
  });
  for (const r of o.rules ?? []) {
    const color = r.color ?? '#777';
    if (r.axis === 'x') out.push(`<line x1="${n1(x(r.at))}" y1="${T}" x2="${n1(x(r.at))}" y2="${B}" stroke="${color}" stroke-dasharray="2 3"/>`);
    else out.push(`<line x1="${L}" y1="${n1(y(r.at))}" x2="${R}" y2="${n1(y(r.at))}" stroke="${color}" stroke-dasharray="2 3"/>`);
    if (r.label) {
      const [tx, ty, anchor] = r.axis === 'x' ? [x(r.at) + 3, T + 12, 'start'] : [R - 3, y(r.at) - 4, 'end'];
      out.push(`<text ${FONT} font-size="10" fill="${color}" x="${n1(tx)}" y="${n1(ty)}" text-anchor="${anchor}">${esc(r.label)}</text>`);
    }
  }
  o.series.forEach((s, k) => {
    const color = s.color ?? PALETTE[k % PALETTE.length];
    const w = s.width ?? 1.8;
    const dash = s.dash ? ' stroke-dasharray="6 4"' : '';
    const pts = s.points.filter(([a, b]) => ok(a, b));
    if (s.line !== false && pts.length >= 2) {
      out.push(
        `<path d="M${pts.map(([a, b]) => `${n1(x(a))} ${n1(y(b))}`).join('L')}" fill="none" stroke="${color}" stroke-width="${w}"${dash} stroke-linejoin="round"/>`,
      );
    }
    if (s.marker) for (const [a, b] of pts) out.push(markerPath(s.marker, x(a), y(b), color));
    if (s.line !== false) legend.push(`<line x1="${R + 12}" y1="${ly}" x2="${R + 34}" y2="${ly}" stroke="${color}" stroke-width="${w}"${dash}/>`);
    if (s.marker) legend.push(markerPath(s.marker, R + 23, ly, color));
    legend.push(legendText(s.name));
    ly += 18;
  });
  for (const nt of o.notes ?? []) {
    if (!ok(nt.x, nt.y)) continue;
    out.push(`<text ${FONT} font-size="10" fill="#333" x="${n1(x(nt.x) + 5)}" y="${n1(y(nt.y) - 6)}">${esc(nt.label)}</text>`);
  }
  out.push('</g>');
  out.push(...legend);
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
