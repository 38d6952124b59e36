// Why this file exists: the validation report's figures, as plain SVG strings: line charts (axes
// with units, legend, log axes, target bands, ribbons, reference lines), heatmaps (kymographs with
// a viridis colour bar, or maps of categories with a legend) and horizontal bar charts. No DOM, no
// Node, no dependencies; the output depends only on the input (no dates, no random ids, numbers
// printed with fixed precision), so re-running the validation gives byte-identical files.

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

/** A shaded band between lo and hi along x (e.g. a target +- tolerance). */
export interface Ribbon {
  name: string;
  points: ReadonlyArray<readonly [number, number, number]>;
  color?: string;
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

/** Matplotlib's viridis at 16 evenly spaced stops (interpolated linearly in between). */
const VIRIDIS_STOPS = [
  '440154', '481a6c', '472f7d', '414487', '39568c', '31688e', '2a788e', '23888e',
  '1f988b', '22a884', '35b779', '54c568', '7ad151', 'a5db36', 'd2e21b', 'fde725',
];
const VIRIDIS_RGB = VIRIDIS_STOPS.map((h) => [0, 2, 4].map((k) => Number.parseInt(h.slice(k, k + 2), 16)));

/** Viridis colour of u in [0, 1] (clamped) as #rrggbb. */
export function viridis(u: number): string {
  const v = Number.isFinite(u) ? Math.min(1, Math.max(0, u)) : 0;
  const s = v * (VIRIDIS_RGB.length - 1);
  const k = Math.min(VIRIDIS_RGB.length - 2, Math.floor(s));
  const f = s - k;
  const a = VIRIDIS_RGB[k];
  const b = VIRIDIS_RGB[k + 1];
  return `#${[0, 1, 2].map((c) => Math.round(a[c] + (b[c] - a[c]) * f).toString(16).padStart(2, '0')).join('')}`;
}

/** A categorical palette (Okabe-Ito, colour-blind safe) for series without an explicit colour. */
export const PALETTE = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#000000', '#f0e442'];

/** A number for an SVG attribute: 1 decimal, no "-0". */
const n1 = (v: number) => {
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
  for (let d = d0; d <= d1; d++) for (const m of mult) {
    const v = Number((m * 10 ** d).toPrecision(12));
    if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) out.push(v);
  }
  return out;
}

function domainOf(values: number[], axis: Axis): [number, number] {
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

interface Scale {
  (v: number): number;
  ticks: number[];
}

function makeScale(axis: Axis, dom: [number, number], p0: number, p1: number): Scale {
  const [lo, hi] = dom;
  const f = axis.log
    ? (v: number) => p0 + ((Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))) * (p1 - p0)
    : (v: number) => p0 + ((v - lo) / (hi - lo)) * (p1 - p0);
  const s = f as Scale;
  s.ticks = axis.log ? logTicks(lo, hi) : linearTicks(lo, hi);
  return s;
}

const FONT = 'font-family="Helvetica, Arial, sans-serif"';

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

/** Axes frame, grid, ticks, tick labels and axis titles for a plot area. */
function axes(x: Scale, y: Scale, xa: Axis, ya: Axis, L: number, T: number, R: number, B: number, grid = true): string[] {
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
  out.push(`<text ${FONT} font-size="12" x="${L - 48}" y="${n1(cy)}" text-anchor="middle" transform="rotate(-90 ${L - 48} ${n1(cy)})">${esc(axisTitle(ya))}</text>`);
  return out;
}

function open(width: number, height: number, title: string): string[] {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img">`,
    `<title>${esc(title)}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text ${FONT} font-size="14" font-weight="bold" x="${width / 2}" y="20" text-anchor="middle">${esc(title)}</text>`,
  ];
}

/** A line chart with any number of series, a legend on the right and optional annotations. */
export function lineChart(o: LineChartOptions): string {
  // the plot keeps its size; the legend on the right is as wide as its longest entry
  const names = [...o.series.map((s) => s.name), ...(o.ribbons ?? []).map((r) => r.name), ...(o.bands ?? []).flatMap((b) => (b.label ? [b.label] : []))];
  const legendW = Math.ceil(52 + 6.2 * Math.max(10, ...names.map((n) => n.length)));
  const width = o.width ?? 72 + 500 + legendW;
  const height = o.height ?? 400;
  const L = 72, T = 34, R = width - legendW, B = height - 52;
  const xs: number[] = [];
  const ys: number[] = [];
  for (const s of o.series) for (const [a, b] of s.points) {
    xs.push(a);
    ys.push(b);
  }
  for (const r of o.ribbons ?? []) for (const [a, lo, hi] of r.points) {
    xs.push(a);
    ys.push(lo, hi);
  }
  for (const b of o.bands ?? []) (b.axis === 'x' ? xs : ys).push(b.from, b.to);
  for (const r of o.rules ?? []) (r.axis === 'x' ? xs : ys).push(r.at);
  const x = makeScale(o.x, domainOf(xs, o.x), L, R);
  const y = makeScale(o.y, domainOf(ys, o.y), B, T);
  const ok = (a: number, b: number) => Number.isFinite(a) && Number.isFinite(b) && (!o.x.log || a > 0) && (!o.y.log || b > 0);
  const out = open(width, height, o.title);
  out.push(`<defs><clipPath id="plot"><rect x="${L}" y="${T}" width="${R - L}" height="${B - T}"/></clipPath></defs>`);
  out.push(...axes(x, y, o.x, o.y, L, T, R, B));
  const legend: string[] = [];
  let ly = T + 6;
  const legendText = (text: string) => `<text ${FONT} font-size="11" x="${R + 40}" y="${ly + 4}">${esc(text)}</text>`;
  out.push('<g clip-path="url(#plot)">');
  for (const b of o.bands ?? []) {
    const color = b.color ?? '#2ca02c';
    const [p, q] = b.axis === 'x' ? [x(b.from), x(b.to)] : [y(b.to), y(b.from)];
    if (b.axis === 'x') out.push(`<rect x="${n1(Math.min(p, q))}" y="${T}" width="${n1(Math.abs(q - p))}" height="${B - T}" fill="${color}" fill-opacity="0.15"/>`);
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
      out.push(`<path d="M${pts.map(([a, b]) => `${n1(x(a))} ${n1(y(b))}`).join('L')}" fill="none" stroke="${color}" stroke-width="${w}"${dash} stroke-linejoin="round"/>`);
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

export interface HeatmapOptions {
  title: string;
  /** horizontal axis; domain = [left edge of column 0, right edge of the last column] */
  x: Axis & { domain: readonly [number, number] };
  /** vertical axis (upwards); domain = [edge of row 0, edge of the last row] */
  y: Axis & { domain: readonly [number, number] };
  /** colour scale; domain default: the data's [min, max] (unused with `categories`) */
  color: { label: string; unit: string; domain?: readonly [number, number] };
  /**
   * Categorical map instead of a colour scale: each data value is one of these codes, drawn in its
   * colour with a legend (no averaging: blocks are represented by their first cell; other values
   * are drawn as missing).
   */
  categories?: ReadonlyArray<{ value: number; label: string; color: string }>;
  /** data[row][column]; row 0 at the bottom (y.domain[0]); NaN = no data (drawn light grey) */
  data: ReadonlyArray<ArrayLike<number>>;
  /** at most this many columns / rows are drawn: the data are averaged over blocks (defaults 200, 150) */
  maxCols?: number;
  maxRows?: number;
  /** number of colour levels (default 64) */
  levels?: number;
  /** shaded x-intervals drawn over the map (e.g. cell-free gaps) */
  bands?: Band[];
  /** lines drawn over the map in data coordinates (e.g. a fitted front) */
  overlays?: Series[];
  width?: number;
  height?: number;
}

/** Average data over blocks so that at most maxRows x maxCols cells remain (NaN ignored). */
export function binGrid(data: ReadonlyArray<ArrayLike<number>>, maxRows: number, maxCols: number): number[][] {
  const rows = data.length;
  const cols = rows ? data[0].length : 0;
  const fr = Math.max(1, Math.ceil(rows / maxRows));
  const fc = Math.max(1, Math.ceil(cols / maxCols));
  const out: number[][] = [];
  for (let r0 = 0; r0 < rows; r0 += fr) {
    const row: number[] = [];
    for (let c0 = 0; c0 < cols; c0 += fc) {
      let s = 0, k = 0;
      for (let r = r0; r < Math.min(rows, r0 + fr); r++) for (let c = c0; c < Math.min(cols, c0 + fc); c++) {
        const v = data[r][c];
        if (Number.isFinite(v)) {
          s += v;
          k++;
        }
      }
      row.push(k ? s / k : Number.NaN);
    }
    out.push(row);
  }
  return out;
}

/** Keep the first cell of each block so that at most maxRows x maxCols cells remain (for categorical maps). */
export function pickGrid(data: ReadonlyArray<ArrayLike<number>>, maxRows: number, maxCols: number): number[][] {
  const rows = data.length;
  const cols = rows ? data[0].length : 0;
  const fr = Math.max(1, Math.ceil(rows / maxRows));
  const fc = Math.max(1, Math.ceil(cols / maxCols));
  const out: number[][] = [];
  for (let r = 0; r < rows; r += fr) {
    const row: number[] = [];
    for (let c = 0; c < cols; c += fc) row.push(data[r][c]);
    out.push(row);
  }
  return out;
}

/**
 * A heatmap (e.g. a kymograph: position across, time upwards) in viridis with a colour bar.
 * Cells of the same colour level are merged into one path per level, so a 200 x 150 map stays small.
 */
export function heatmap(o: HeatmapOptions): string {
  const width = o.width ?? 760;
  const height = o.height ?? 420;
  const cats = o.categories;
  const legendW = cats ? Math.ceil(44 + 6.2 * Math.max(8, ...cats.map((c) => c.label.length))) : 130;
  const L = 72, T = 34, R = width - legendW, B = height - 52;
  const grid = cats ? pickGrid(o.data, o.maxRows ?? 150, o.maxCols ?? 200) : binGrid(o.data, o.maxRows ?? 150, o.maxCols ?? 200);
  const nr = grid.length;
  const nc = nr ? grid[0].length : 0;
  const finite = grid.flat().filter(Number.isFinite);
  let [cmin, cmax] = o.color.domain ?? [finite.length ? Math.min(...finite) : 0, finite.length ? Math.max(...finite) : 1];
  if (!(cmax > cmin)) cmax = cmin + 1;
  const levels = cats ? cats.length : (o.levels ?? 64);
  // level index per cell (-1: missing); categories: the index of the matching code
  const level = cats
    ? (v: number) => cats.findIndex((c) => c.value === v)
    : (v: number) => Math.min(levels - 1, Math.max(0, Math.floor(((v - cmin) / (cmax - cmin)) * levels)));
  const colorOf = cats ? (k: number) => cats[k].color : (k: number) => viridis((k + 0.5) / levels);
  const x = makeScale({ ...o.x, log: false }, [o.x.domain[0], o.x.domain[1]], L, R);
  const y = makeScale({ ...o.y, log: false }, [o.y.domain[0], o.y.domain[1]], B, T);
  const cw = (R - L) / Math.max(1, nc);
  const rh = (B - T) / Math.max(1, nr);
  // one path per colour level (and one for missing data), each a list of run-length rectangles
  const paths = new Map<number, string[]>();
  for (let r = 0; r < nr; r++) {
    const top = B - (r + 1) * rh;
    let c = 0;
    while (c < nc) {
      const v = grid[r][c];
      const k = Number.isFinite(v) ? level(v) : -1;
      let e = c + 1;
      while (e < nc && (Number.isFinite(grid[r][e]) ? level(grid[r][e]) : -1) === k) e++;
      const list = paths.get(k) ?? [];
      // absolute edges from the same rounding, so neighbouring runs and rows meet without gaps
      const [x0, x1, y0, y1] = [n1(L + c * cw), n1(L + e * cw), n1(top), n1(B - r * rh)];
      list.push(`M${x0} ${y0}H${x1}V${y1}H${x0}z`);
      paths.set(k, list);
      c = e;
    }
  }
  const out = open(width, height, o.title);
  out.push(`<g shape-rendering="crispEdges" stroke="none">`);
  for (const k of [...paths.keys()].sort((a, b) => a - b)) out.push(`<path fill="${k < 0 ? '#d9d9d9' : colorOf(k)}" d="${paths.get(k)!.join('')}"/>`);
  out.push('</g>');
  out.push(`<defs><clipPath id="plot"><rect x="${L}" y="${T}" width="${R - L}" height="${B - T}"/></clipPath></defs>`);
  out.push('<g clip-path="url(#plot)">');
  for (const b of o.bands ?? []) {
    if (b.axis !== 'x') continue;
    out.push(`<rect x="${n1(x(b.from))}" y="${T}" width="${n1(Math.max(1, x(b.to) - x(b.from)))}" height="${B - T}" fill="${b.color ?? '#ffffff'}" fill-opacity="0.55" stroke="#ffffff" stroke-dasharray="3 2"/>`);
    if (b.label) out.push(`<text ${FONT} font-size="10" fill="#000" x="${n1(x(b.to) + 3)}" y="${T + 12}">${esc(b.label)}</text>`);
  }
  for (const [k, s] of (o.overlays ?? []).entries()) {
    const pts = s.points.filter(([a, b]) => Number.isFinite(a) && Number.isFinite(b));
    if (pts.length < 2) continue;
    const dash = s.dash ? ' stroke-dasharray="6 4"' : '';
    const color = s.color ?? ['#ff3b30', '#ffffff'][k % 2];
    out.push(`<path d="M${pts.map(([a, b]) => `${n1(x(a))} ${n1(y(b))}`).join('L')}" fill="none" stroke="${color}" stroke-width="${s.width ?? 1.5}"${dash}/>`);
    const [lx, lyy] = pts[pts.length - 1];
    out.push(`<text ${FONT} font-size="10" fill="${color}" x="${n1(x(lx) - 4)}" y="${n1(y(lyy) + 14)}" text-anchor="end">${esc(s.name)}</text>`);
  }
  out.push('</g>');
  out.push(...axes(x, y, o.x, o.y, L, T, R, B, false));
  if (cats) {
    // legend: one swatch per category
    out.push(`<g ${FONT} font-size="11" fill="#222">`);
    cats.forEach((c, k) => {
      const ly = T + 8 + 18 * k;
      out.push(`<rect x="${R + 14}" y="${ly - 6}" width="14" height="12" fill="${c.color}" stroke="#333" stroke-width="0.5"/>`);
      out.push(`<text x="${R + 34}" y="${ly + 4}">${esc(c.label)}</text>`);
    });
    out.push('</g>');
    out.push('</svg>');
    return `${out.join('\n')}\n`;
  }
  // colour bar
  const bx = R + 24, bw = 16, steps = Math.min(levels, 64);
  const bh = (B - T) / steps;
  out.push('<g shape-rendering="crispEdges">');
  for (let k = 0; k < steps; k++) {
    out.push(`<rect x="${bx}" y="${n1(B - (k + 1) * bh)}" width="${bw}" height="${n1(bh + 0.6)}" fill="${viridis((k + 0.5) / steps)}"/>`);
  }
  out.push('</g>');
  out.push(`<rect x="${bx}" y="${T}" width="${bw}" height="${B - T}" fill="none" stroke="#333"/>`);
  const cs = makeScale({ label: '', unit: '' }, [cmin, cmax], B, T);
  out.push(`<g ${FONT} font-size="10" fill="#222">`);
  for (const t of cs.ticks) {
    if (t < cmin - 1e-12 || t > cmax + 1e-12) continue;
    out.push(`<line x1="${bx + bw}" y1="${n1(cs(t))}" x2="${bx + bw + 4}" y2="${n1(cs(t))}" stroke="#333"/>`);
    out.push(`<text x="${bx + bw + 6}" y="${n1(cs(t) + 3.5)}">${esc(fmtTick(t))}</text>`);
  }
  out.push('</g>');
  const cy = (T + B) / 2;
  const cx = bx + bw + 44;
  out.push(`<text ${FONT} font-size="12" x="${cx}" y="${n1(cy)}" text-anchor="middle" transform="rotate(90 ${cx} ${n1(cy)})">${esc(`${o.color.label} (${o.color.unit})`)}</text>`);
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

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
  const L = labelW, T = 34, R = width - noteW, B = T + rowH * Math.max(1, o.bars.length) + 8;
  const height = B + 52;
  const vals = [...o.bars.map((b) => b.value), ...(o.rules ?? []).map((r) => r.at), ...(o.bands ?? []).flatMap((b) => [b.from, b.to])].filter(Number.isFinite);
  const dom: [number, number] = o.x.domain ? [o.x.domain[0], o.x.domain[1]] : [Math.min(0, ...vals), vals.length ? Math.max(...vals) * 1.1 || 1 : 1];
  if (!(dom[1] > dom[0])) dom[1] = dom[0] + 1;
  const x = makeScale({ ...o.x, log: false }, dom, L, R);
  const out = open(width, height, o.title);
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
