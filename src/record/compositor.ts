// Why this file exists: draws one video frame or still of the lattice at any pixel size on a 2D
// canvas, on the CPU: sites are colour-mapped with the live view's own tables (views.ts
// fillViewBytes + viewTable, no copy of them here), scaled nearest-neighbour and letterboxed, then
// the overlays a talk needs are drawn on top: title, simulated clock, scale bar in um/mm, legend
// with units and treatment captions. The clock counts from t = 0 or from a treatment (clock.ts). No WebGL and no pixi: the same state gives the same pixels
// run after run, which is what makes a re-recorded VP9 file byte-identical.
import type { SimState } from '../model/layout';
import { colormapRGB, FATE_COLOURS, rgbCss } from '../render/colormaps';
import { fmt, formatLength, niceLength } from '../render/overlays';
import { byteValue, fillViewBytes, type View, viewTable } from '../render/views';
import { type ClockRef, clockText } from './clock';

export type Canvas2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/** A rectangle of sites (default: the whole lattice). */
export interface SiteRegion {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface FrameLayout {
  width: number;
  height: number;
  view: View;
  site_um: number;
  /** draw title, clock, scale bar, legend and captions */
  overlays: boolean;
  title: string;
  region?: SiteRegion;
  /** what the clock counts from (default null: t = 0) */
  clock?: ClockRef | null;
}

/** Page colours, as in index.html. */
const BG = [11, 11, 14, 255] as const;
const FG = '#e6e6ea';
const DIM = '#9a9aa6';
const BOX = 'rgba(11, 11, 14, 0.78)';
const FONT = 'sans-serif';

export class Compositor {
  /** where the lattice sits in the frame (pixels) and its pixels per site */
  readonly box: { x: number; y: number; w: number; h: number; pxPerSite: number };
  private readonly img: ImageData;
  private readonly px: Uint32Array;
  private readonly lut: Uint32Array;
  private readonly bytes: Uint8Array;
  private readonly colMap: Int32Array;
  private readonly rowMap: Int32Array;
  private readonly bg: number;
  private readonly region: SiteRegion;

  constructor(
    private readonly g: Canvas2D,
    readonly layout: FrameLayout,
    private readonly lattice: { width: number; height: number },
  ) {
    const { width: W, height: H } = layout;
    const r = layout.region ?? { x: 0, y: 0, width: lattice.width, height: lattice.height };
    if (!(r.x >= 0 && r.y >= 0 && r.width >= 1 && r.height >= 1 && r.x + r.width <= lattice.width && r.y + r.height <= lattice.height)) {
      throw new Error(`region: ${r.width} x ${r.height} sites at (${r.x}, ${r.y}) is not inside the ${lattice.width} x ${lattice.height} lattice`);
    }
    this.region = r;
    const s = Math.min(W / r.width, H / r.height);
    const w = Math.min(W, Math.round(r.width * s));
    const h = Math.min(H, Math.round(r.height * s));
    this.box = { x: Math.floor((W - w) / 2), y: Math.floor((H - h) / 2), w, h, pxPerSite: s };
    // nearest neighbour: the site under each pixel's centre; -1 outside the lattice (letterbox)
    this.colMap = new Int32Array(W).fill(-1);
    this.rowMap = new Int32Array(H).fill(-1);
    for (let p = 0; p < w; p++) this.colMap[this.box.x + p] = r.x + Math.min(r.width - 1, Math.floor(((p + 0.5) * r.width) / w));
    for (let p = 0; p < h; p++) this.rowMap[this.box.y + p] = r.y + Math.min(r.height - 1, Math.floor(((p + 0.5) * r.height) / h));
    this.img = new ImageData(W, H);
    this.px = new Uint32Array(this.img.data.buffer);
    this.lut = new Uint32Array(viewTable(layout.view).buffer);
    this.bytes = new Uint8Array(lattice.width * lattice.height);
    this.bg = new Uint32Array(new Uint8Array(BG).buffer)[0];
  }

  /** Draw the frame for state `st` at simulated time t_min with these caption lines. */
  draw(st: SimState, t_min: number, captions: readonly string[] = []): void {
    this.drawLattice(st);
    if (this.layout.overlays) this.drawOverlays(t_min, captions);
  }

  /** The lattice only (colour-mapped, scaled, letterboxed). */
  drawLattice(st: SimState): void {
    const { width: W, height: H } = this.layout;
    const LW = this.lattice.width;
    fillViewBytes(this.layout.view, st, this.bytes, LW);
    const { px, lut, bytes, colMap, rowMap, bg } = this;
    let prevRow = -2;
    for (let y = 0; y < H; y++) {
      const o = y * W;
      const sy = rowMap[y];
      if (sy === prevRow && y > 0) {
        px.copyWithin(o, o - W, o);
        continue;
      }
      prevRow = sy;
      if (sy < 0) {
        px.fill(bg, o, o + W);
        continue;
      }
      const so = sy * LW;
      for (let x = 0; x < W; x++) {
        const sx = colMap[x];
        px[o + x] = sx < 0 ? bg : lut[bytes[so + sx]];
      }
    }
    this.g.putImageData(this.img, 0, 0);
  }

  /** Text size unit: 1/40 of the frame's shorter side, at least 11 px. */
  private unit(): number {
    return Math.max(11, Math.round(Math.min(this.layout.width, this.layout.height) / 40));
  }

  private drawOverlays(t_min: number, captions: readonly string[]): void {
    const g = this.g;
    const u = this.unit();
    const pad = Math.round(u * 0.6);
    const m = Math.round(u * 0.8);
    g.textBaseline = 'top';
    g.textAlign = 'left';
    // title and clock, top left
    let y = m;
    if (this.layout.title) {
      g.font = `bold ${Math.round(u * 1.15)}px ${FONT}`;
      y += this.textBox(this.layout.title, m, y, pad) + Math.round(u * 0.4);
    }
    g.font = `${Math.round(u * 1.3)}px ${FONT}`;
    this.textBox(clockText(t_min, this.layout.clock ?? null), m, y, pad);
    this.drawLegend(u, m, pad);
    const sbRight = this.drawScaleBar(u, m, pad);
    // captions at the bottom, centred right of the scale bar, newest lowest; shrunk to fit
    const left = sbRight + m;
    const room = this.layout.width - m - left - 2 * pad;
    let size = u;
    g.font = `${size}px ${FONT}`;
    const widest = Math.max(0, ...captions.map((c) => g.measureText(c).width));
    if (widest > room && widest > 0) size = Math.max(8, Math.floor((size * room) / widest));
    g.font = `${size}px ${FONT}`;
    let cy = this.layout.height - m;
    for (let i = captions.length - 1; i >= 0; i--) {
      const w = g.measureText(captions[i]).width + 2 * pad;
      const h = Math.round(size * 1.2) + 2 * pad;
      cy -= h;
      const x = Math.max(left, Math.round(left + (this.layout.width - m - left - w) / 2));
      g.fillStyle = 'rgba(40, 36, 8, 0.88)';
      g.fillRect(x, cy, w, h);
      g.fillStyle = '#f0e442';
      g.fillText(captions[i], x + pad, cy + pad + Math.round(size * 0.1));
      cy -= Math.round(u * 0.3);
    }
  }

  /** A line of text on a dark box at (x, y) (top-left); returns the box height. */
  private textBox(text: string, x: number, y: number, pad: number, colour = FG): number {
    const g = this.g;
    const size = Number.parseInt(g.font.match(/(\d+)px/)?.[1] ?? '12', 10);
    const w = g.measureText(text).width + 2 * pad;
    const h = Math.round(size * 1.2) + 2 * pad;
    g.fillStyle = BOX;
    g.fillRect(x, y, w, h);
    g.fillStyle = colour;
    g.fillText(text, x + pad, y + pad + Math.round(size * 0.1));
    return h;
  }

  private drawLegend(u: number, m: number, pad: number): void {
    const g = this.g;
    const view = this.layout.view;
    const titleFont = `bold ${u}px ${FONT}`;
    const font = `${Math.round(u * 0.85)}px ${FONT}`;
    const line = Math.round(u * 1.25);
    if (view.kind === 'fate') {
      g.font = titleFont;
      let w = g.measureText('cell fate').width;
      g.font = font;
      for (const f of FATE_COLOURS) w = Math.max(w, line + g.measureText(f.name).width);
      const bw = Math.ceil(w) + 2 * pad;
      const bh = line * (FATE_COLOURS.length + 1) + 2 * pad;
      const x = this.layout.width - m - bw;
      g.fillStyle = BOX;
      g.fillRect(x, m, bw, bh);
      g.fillStyle = FG;
      g.font = titleFont;
      g.fillText('cell fate', x + pad, m + pad);
      g.font = font;
      FATE_COLOURS.forEach((f, i) => {
        const yy = m + pad + line * (i + 1);
        const sw = Math.round(u * 0.8);
        g.fillStyle = rgbCss(f.rgb);
        g.fillRect(x + pad, yy + Math.round((line - sw) / 2) - 2, sw, sw);
        // outlined as in the live legend, so the near-black "empty" swatch shows
        g.strokeStyle = '#55565f';
        g.lineWidth = 1;
        g.strokeRect(x + pad + 0.5, yy + Math.round((line - sw) / 2) - 1.5, sw - 1, sw - 1);
        g.fillStyle = FG;
        g.fillText(f.name, x + pad + line, yy);
      });
      return;
    }
    const title = `${view.label} (${view.unit})`;
    const note = `${view.scale === 'log' ? 'log scale' : 'linear scale'}, clamped${view.kind === 'cell' ? '; grey = no living cell' : ''}`;
    const barW = Math.round(u * 10);
    g.font = titleFont;
    let w = Math.max(barW, g.measureText(title).width);
    g.font = `${Math.round(u * 0.7)}px ${FONT}`;
    w = Math.max(w, g.measureText(note).width);
    const bw = Math.ceil(w) + 2 * pad;
    const barH = Math.round(u * 0.8);
    const bh = line + barH + line + Math.round(u * 0.9) + 2 * pad;
    const x = this.layout.width - m - bw;
    g.fillStyle = BOX;
    g.fillRect(x, m, bw, bh);
    g.fillStyle = FG;
    g.font = titleFont;
    g.fillText(title, x + pad, m + pad);
    const by = m + pad + line;
    for (let i = 0; i < barW; i++) {
      const k = Math.min(255, Math.floor((i * 256) / barW));
      g.fillStyle = rgbCss(colormapRGB(view.colormap, k));
      g.fillRect(x + pad + i, by, 1, barH);
    }
    g.fillStyle = FG;
    g.font = font;
    const ty = by + barH + Math.round(u * 0.2);
    g.textAlign = 'left';
    g.fillText(fmt(byteValue(view, 1)), x + pad, ty);
    g.textAlign = 'center';
    g.fillText(fmt(byteValue(view, 128)), x + pad + barW / 2, ty);
    g.textAlign = 'right';
    g.fillText(fmt(byteValue(view, 255)), x + pad + barW, ty);
    g.textAlign = 'left';
    g.fillStyle = DIM;
    g.font = `${Math.round(u * 0.7)}px ${FONT}`;
    g.fillText(note, x + pad, ty + line);
  }

  /** The scale bar's length (um) and width (px) for this frame: a 1/2/5 x 10^k length near 1/8 of the frame width. */
  scaleBar(): { um: number; px: number } {
    const pxPerUm = this.box.pxPerSite / this.layout.site_um;
    const um = niceLength(this.layout.width / 8 / pxPerUm);
    return { um, px: Math.round(um * pxPerUm) };
  }

  /** Draws the scale bar box at the bottom left; returns its right edge (px). */
  private drawScaleBar(u: number, m: number, pad: number): number {
    const g = this.g;
    const { um, px } = this.scaleBar();
    const label = formatLength(um);
    g.font = `${Math.round(u * 0.9)}px ${FONT}`;
    const w = Math.max(px, g.measureText(label).width) + 2 * pad;
    const barH = Math.max(3, Math.round(u * 0.3));
    const h = barH + Math.round(u * 0.3) + Math.round(u * 1.1) + 2 * pad;
    const x = m;
    const y = this.layout.height - m - h;
    g.fillStyle = BOX;
    g.fillRect(x, y, w, h);
    g.fillStyle = FG;
    g.fillRect(x + pad, y + pad, px, barH);
    g.fillText(label, x + pad, y + pad + barH + Math.round(u * 0.3));
    return x + w;
  }
}

/** An opaque 2D context kept on the CPU (willReadFrequently), so frames never depend on a GPU. */
export function context2d(canvas: HTMLCanvasElement | OffscreenCanvas): Canvas2D {
  const g = canvas.getContext('2d', { alpha: false, willReadFrequently: true }) as Canvas2D | null;
  if (!g) throw new Error('no 2D canvas context in this browser');
  return g;
}
