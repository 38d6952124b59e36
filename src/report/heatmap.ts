// Why this file exists: heat maps of the report: kymographs (position across, time upwards) in
// viridis with a colour bar, or maps of categories with a legend; large grids are binned (averaged
// or, for categories, sampled) to a bounded number of cells and each colour level is one path.
import { type Axis, axes, type Band, esc, FONT, fmtTick, makeScale, n1, openSvg, type Series } from './axes';
import { viridis } from './colours';

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
      let s = 0,
        k = 0;
      for (let r = r0; r < Math.min(rows, r0 + fr); r++)
        for (let c = c0; c < Math.min(cols, c0 + fc); c++) {
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
  const L = 72,
    T = 34,
    R = width - legendW,
    B = height - 52;
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
  const out = openSvg(width, height, o.title);
  out.push(`<g shape-rendering="crispEdges" stroke="none">`);
  for (const k of [...paths.keys()].sort((a, b) => a - b)) out.push(`<path fill="${k < 0 ? '#d9d9d9' : colorOf(k)}" d="${paths.get(k)!.join('')}"/>`);
  out.push('</g>');
  out.push(`<defs><clipPath id="plot"><rect x="${L}" y="${T}" width="${R - L}" height="${B - T}"/></clipPath></defs>`);
  out.push('<g clip-path="url(#plot)">');
  for (const b of o.bands ?? []) {
    if (b.axis !== 'x') continue;
    out.push(
      `<rect x="${n1(x(b.from))}" y="${T}" width="${n1(Math.max(1, x(b.to) - x(b.from)))}" height="${B - T}" fill="${b.color ?? '#ffffff'}" fill-opacity="0.55" stroke="#ffffff" stroke-dasharray="3 2"/>`,
    );
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
  const bx = R + 24,
    bw = 16,
    steps = Math.min(levels, 64);
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
  out.push(
    `<text ${FONT} font-size="12" x="${cx}" y="${n1(cy)}" text-anchor="middle" transform="rotate(90 ${cx} ${n1(cy)})">${esc(`${o.color.label} (${o.color.unit})`)}</text>`,
  );
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
