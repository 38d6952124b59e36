// Why this file exists: the sandbox's live plot of alive / dying / dead cells over simulated time,
// drawn on a small canvas without a chart library. Samples come from countsAndMeans (the CLI's
// time-series observables) at most once per scenario output.sample_every_min of simulated time,
// taken when the workers are idle; drawing is throttled by the caller (a few times per second).
import { countsAndMeans } from '../analysis/observables';
import type { SimState } from '../model/layout';
import { FATE_COLOURS, rgbCss } from '../render/colormaps';
import { formatClock } from '../render/overlays';
import { nearestSample } from './plot-hover';

export interface FateSeries {
  t_min: number[];
  alive: number[];
  dying: number[];
  dead: number[];
}

const LINES = [
  { key: 'alive', rgb: FATE_COLOURS[1].rgb },
  { key: 'dying', rgb: FATE_COLOURS[2].rgb },
  { key: 'dead', rgb: FATE_COLOURS[3].rgb },
] as const;

export class FatePlot {
  readonly series: FateSeries = { t_min: [], alive: [], dying: [], dead: [] };
  private duration = 1;
  private every = 5;
  private dirty = true;
  /** called with each recorded sample's counts and means (other plots record at the same cadence) */
  onSample: ((st: SimState, t_min: number, c: ReturnType<typeof countsAndMeans>) => void) | null = null;

  constructor(private readonly canvas: HTMLCanvasElement) {}

  /** Start over (a new scenario or a reset): x axis 0..duration_min. */
  clear(duration_min: number, sample_every_min: number): void {
    for (const k of Object.keys(this.series) as (keyof FateSeries)[]) this.series[k].length = 0;
    this.duration = duration_min;
    this.every = sample_every_min;
    this.dirty = true;
  }

  /** The time axis spans 0..duration_min (a run extended at its end); the series are kept. */
  setDuration(duration_min: number): void {
    if (duration_min === this.duration) return;
    this.duration = duration_min;
    this.dirty = true;
  }

  /** Record the counts at t_min if a sample interval has passed since the last one (call while the state is consistent). */
  sample(st: SimState, t_min: number): boolean {
    const ts = this.series.t_min;
    const last = ts.length ? ts[ts.length - 1] : Number.NEGATIVE_INFINITY;
    if (t_min < last) this.clear(this.duration, this.every);
    else if (t_min - last < this.every - 1e-9) return false;
    const c = countsAndMeans(st);
    ts.push(t_min);
    this.series.alive.push(c.alive);
    this.series.dying.push(c.dying);
    this.series.dead.push(c.dead);
    this.dirty = true;
    this.onSample?.(st, t_min, c);
    return true;
  }

  /** What the plot shows at x (CSS px across a canvas `width` wide): the nearest sample's time and counts, or null off the plot. */
  hoverText(x: number, width: number): string | null {
    const w = width - 40 - 6;
    const s = this.series;
    const k = nearestSample(s.t_min, ((x - 40) / w) * this.duration);
    if (k < 0 || x < 40 || x > width - 6) return null;
    return `${formatClock(s.t_min[k])}: alive ${s.alive[k]}, dying ${s.dying[k]}, dead ${s.dead[k]} cells`;
  }

  /** Redraw if anything changed. */
  draw(): void {
    if (!this.dirty) return;
    this.dirty = false;
    const ctx = clearCanvas(this.canvas, 120);
    if (!ctx) return;
    const { g, cssW, cssH } = ctx;
    const padL = 40,
      padR = 6,
      padT = 6,
      padB = 16;
    const w = cssW - padL - padR;
    const h = cssH - padT - padB;
    const s = this.series;
    let ymax = 1;
    for (let i = 0; i < s.t_min.length; i++) ymax = Math.max(ymax, s.alive[i] + s.dying[i] + s.dead[i]);
    const X = (t: number) => padL + (w * t) / this.duration;
    const Y = (v: number) => padT + h - (h * v) / ymax;
    drawFrame(g, { x: padL, y: padT, w, h }, String(ymax), '0', this.duration);
    g.textAlign = 'left';
    g.fillText('cells', 2, padT + h / 2 - 5);
    // lines
    g.lineWidth = 1.5;
    for (const line of LINES) {
      const ys = s[line.key];
      if (!ys.length) continue;
      g.strokeStyle = rgbCss(line.rgb);
      g.beginPath();
      for (let i = 0; i < ys.length; i++) {
        const x = X(s.t_min[i]);
        const y = Y(ys[i]);
        if (i === 0) g.moveTo(x, y);
        else g.lineTo(x, y);
      }
      g.stroke();
    }
  }
}

export const PLOT_LINES = LINES;

/** The plot box, the y range labels (top, bottom) and the time axis 0 h .. duration, in the panel's colours. */
export function drawFrame(
  g: CanvasRenderingContext2D,
  box: { x: number; y: number; w: number; h: number },
  top: string,
  bottom: string,
  duration_min: number,
): void {
  const { x, y, w, h } = box;
  g.strokeStyle = '#3a3c47';
  g.lineWidth = 1;
  g.strokeRect(x + 0.5, y + 0.5, w, h);
  g.fillStyle = '#9a9aa6';
  g.font = '10px system-ui, sans-serif';
  g.textAlign = 'right';
  g.textBaseline = 'middle';
  g.fillText(top, x - 3, y + 4);
  g.fillText(bottom, x - 3, y + h);
  g.textBaseline = 'top';
  g.fillText(`${+(duration_min / 60).toFixed(1)} h`, x + w, y + h + 3);
  g.textAlign = 'left';
  g.fillText('0 h', x, y + h + 3);
}

/**
 * Sizes a canvas to its CSS box at the device pixel ratio, clears it and returns a context drawing
 * in CSS pixels (null without a 2D context).
 */
export function clearCanvas(cv: HTMLCanvasElement, defaultH: number): { g: CanvasRenderingContext2D; cssW: number; cssH: number } | null {
  const dpr = globalThis.devicePixelRatio || 1;
  const cssW = cv.clientWidth || 290;
  const cssH = cv.clientHeight || defaultH;
  if (cv.width !== Math.round(cssW * dpr) || cv.height !== Math.round(cssH * dpr)) {
    cv.width = Math.round(cssW * dpr);
    cv.height = Math.round(cssH * dpr);
  }
  const g = cv.getContext('2d');
  if (!g) return null;
  g.setTransform(dpr, 0, 0, dpr, 0, 0);
  g.clearRect(0, 0, cssW, cssH);
  return { g, cssW, cssH };
}
