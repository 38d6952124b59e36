// Why this file exists: what every chart of the report shares: escaping, numbers for attributes,
// tick values and labels, data domains and scales, the shared decorations (series, bands, rules),
// the axes frame and the opening of an SVG document. No DOM, no Node, no dependencies.

/** Escape text for SVG/XML content and attribute values. */
export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** An axis: what it measures and in which unit (rendered "label (unit)"; the unit is required). */
export interface Axis {
  label: string;
  unit: string;
  log?: boolean;
  /** [min, max]; default: the data's range (with a margin on linear axes) */
  domain?: readonly [number, number];
}

export interface Series {
  name: string;
  points: ReadonlyArray<readonly [number, number]>;
  color?: string;
  /** draw a line through the points (default true) */
  line?: boolean;
  dash?: boolean;
  /** a marker on every point (default none) */
  marker?: 'circle' | 'square' | 'diamond' | 'cross';
  width?: number;
}

/** A shaded interval across the whole plot: x in [from, to] (axis 'x') or y in [from, to]. */
export interface Band {
  axis: 'x' | 'y';
  from: number;
  to: number;
  label?: string;
  color?: string;
}

/** A reference line at x = at or y = at. */
export interface Rule {
  axis: 'x' | 'y';
  at: number;
  label?: string;
  color?: string;
}

/** A number for an SVG attribute: 1 decimal, no "-0". */
export const n1 = (v: number) => {
  const s = v.toFixed(1);
  return s === '-0.0' ? '0.0' : s;
};

/** A tick label: up to 4 significant digits, no exponent for ordinary ranges. */
export function fmtTick(v: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e-3 && a < 1e6) return String(Number(v.toPrecision(4)));
  return v.toExponential(1);
}

export const axisTitle = (a: Axis) => `${a.label} (${a.unit})`;

/** "Nice" linear ticks (1, 2, 5 x 10^k) covering [lo, hi]. */
export function linearTicks(lo: number, hi: number, target = 6): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / target;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let k = Math.ceil(lo / step - 1e-9); k * step <= hi + step * 1e-9; k++) out.push(Number((k * step).toPrecision(12)));
  return out;
}

/** Log ticks: decades, plus 2 and 5 (or 3) within them when the range spans few decades. */
export function logTicks(lo: number, hi: number): number[] {
  const d0 = Math.floor(Math.log10(lo));
  const d1 = Math.ceil(Math.log10(hi));
  const span = Math.log10(hi / lo);
  if (!(span > 0.3)) return linearTicks(lo, hi, 4).filter((v) => v > 0);
  const mult = span <= 1.2 ? [1, 2, 5] : span <= 3.5 ? [1, 3] : [1];
  const out: number[] = [];
  for (let d = d0; d <= d1; d++)
    for (const m of mult) {
      const v = Number((m * 10 ** d).toPrecision(12));
      if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) out.push(v);
    }
  return out;
}

/** An axis's [min, max]: its domain if given, else the finite data (positive on log axes) with a 5% margin. */
export function domainOf(values: number[], axis: Axis): [number, number] {
  if (axis.domain) return [axis.domain[0], axis.domain[1]];
  const v = values.filter((x) => Number.isFinite(x) && (!axis.log || x > 0));
  if (v.length === 0) return axis.log ? [1, 10] : [0, 1];
  let lo = Math.min(...v);
  let hi = Math.max(...v);
  if (axis.log) {
    if (hi <= lo) return [lo / 2, hi * 2];
    const pad = (Math.log10(hi) - Math.log10(lo)) * 0.05;
    return [10 ** (Math.log10(lo) - pad), 10 ** (Math.log10(hi) + pad)];
  }
  if (hi <= lo) {
    const d = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    lo -= d;
    hi += d;
  }
  const pad = (hi - lo) * 0.05;
  return [lo - pad, hi + pad];
}

/** Data value -> pixel, with the tick values to draw. */
export interface Scale {
  (v: number): number;
  ticks: number[];
}

/** The scale of an axis over dom onto pixels p0 (at dom[0]) .. p1 (at dom[1]), linear or log. */
export function makeScale(axis: Axis, dom: [number, number], p0: number, p1: number): Scale {
  const [lo, hi] = dom;
  const f = axis.log
    ? (v: number) => p0 + ((Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))) * (p1 - p0)
    : (v: number) => p0 + ((v - lo) / (hi - lo)) * (p1 - p0);
  const s = f as Scale;
  s.ticks = axis.log ? logTicks(lo, hi) : linearTicks(lo, hi);
  return s;
}

/** The font attribute every text element carries. */
export const FONT = 'font-family="Helvetica, Arial, sans-serif"';

/** Axes frame, grid, ticks, tick labels and axis titles for a plot area. */
export function axes(x: Scale, y: Scale, xa: Axis, ya: Axis, L: number, T: number, R: number, B: number, grid = true): string[] {
  const out: string[] = [];
  if (grid) {
    out.push(`<g stroke="#e3e3e3" stroke-width="1">`);
    for (const t of x.ticks) out.push(`<line x1="${n1(x(t))}" y1="${T}" x2="${n1(x(t))}" y2="${B}"/>`);
    for (const t of y.ticks) out.push(`<line x1="${L}" y1="${n1(y(t))}" x2="${R}" y2="${n1(y(t))}"/>`);
    out.push('</g>');
  }
  out.push(`<rect x="${L}" y="${T}" width="${R - L}" height="${B - T}" fill="none" stroke="#333" stroke-width="1"/>`);
  out.push(`<g ${FONT} font-size="11" fill="#222">`);
  for (const t of x.ticks) {
    out.push(`<line x1="${n1(x(t))}" y1="${B}" x2="${n1(x(t))}" y2="${B + 4}" stroke="#333"/>`);
    out.push(`<text x="${n1(x(t))}" y="${B + 16}" text-anchor="middle">${esc(fmtTick(t))}</text>`);
  }
  for (const t of y.ticks) {
    out.push(`<line x1="${L - 4}" y1="${n1(y(t))}" x2="${L}" y2="${n1(y(t))}" stroke="#333"/>`);
    out.push(`<text x="${L - 7}" y="${n1(y(t) + 4)}" text-anchor="end">${esc(fmtTick(t))}</text>`);
  }
  out.push('</g>');
  out.push(`<text ${FONT} font-size="12" x="${n1((L + R) / 2)}" y="${B + 36}" text-anchor="middle">${esc(axisTitle(xa))}</text>`);
  const cy = (T + B) / 2;
  out.push(
    `<text ${FONT} font-size="12" x="${L - 48}" y="${n1(cy)}" text-anchor="middle" transform="rotate(-90 ${L - 48} ${n1(cy)})">${esc(axisTitle(ya))}</text>`,
  );
  return out;
}

/** The opening of a chart: the svg element, its title, a white background and the title text. */
export function openSvg(width: number, height: number, title: string): string[] {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img">`,
    `<title>${esc(title)}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text ${FONT} font-size="14" font-weight="bold" x="${width / 2}" y="20" text-anchor="middle">${esc(title)}</text>`,
  ];
}
