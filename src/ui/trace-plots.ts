// Why this file exists: the sandbox's live plots beyond the cell counts: the mean of a chosen
// per-cell variable over living cells, and the death front's distance from where the wave started
// with its measured speed. One set of numbers with the CLI: recorded at the fate plot's sampling
// cadence from the observables the CLI writes to timeseries.csv (countsAndMeans, frontPosition
// from waveOrigin), and the speed is the CLI's summary.json wave analysis of the run so far
// (frontNow: analyseWave over the commitment times, plus the last hour of the same front points).
import { type FrontNow, frontNow } from '../analysis/front-speed';
import { type countsAndMeans, MEAN_VARS } from '../analysis/observables';
import { frontPosition, waveOrigin } from '../analysis/wave';
import { CELL_VARS, type SimState } from '../model/layout';
import type { ResolvedScenario } from '../model/scenario';
import { formatClock } from '../render/overlays';
import { clearCanvas, drawFrame } from './plot';
import { nearestSample } from './plot-hover';

export interface TraceSeries {
  t_min: number[];
  means: Record<string, number[]>;
  /** distance of the front beyond the wave's origin, um (null before any death) */
  front_um: Array<number | null>;
}

/** Variables whose mean can be plotted, with units. */
export const TRACE_VARS: ReadonlyArray<{ name: string; label: string; unit: string }> = [
  ...MEAN_VARS.map((v) => {
    const spec = CELL_VARS.find((c) => c.name === v);
    return { name: v as string, label: spec?.doc ?? v, unit: spec?.unit ?? '' };
  }),
  { name: 'o2', label: 'oxygen at living cells', unit: 'uM' },
];

const SPEED_WINDOW_MIN = 60;
/**
 * while samples keep coming, the wave analysis (passes over every committed cell: ~0.4 s for a
 * 400 x 400 dish that has all died) runs at most once per this many ms, or 20x its last cost
 * (at most 5% of the page's thread); once they stop (paused, ended) it runs at once
 */
const ANALYSE_EVERY_MS = 1000;
const ANALYSE_COST_SHARE = 20;

export function emptyTraces(): TraceSeries {
  return { t_min: [], means: Object.fromEntries(TRACE_VARS.map((v) => [v.name, []])), front_um: [] };
}

export class TracePlots {
  series: TraceSeries = emptyTraces();
  private duration = 1;
  private dirty = true;
  /** the state and scenario of the last sample, the front analysed from them, and when (performance.now()) */
  private last: { st: SimState; sc: ResolvedScenario; t_min: number; at: number } | null = null;
  private front: FrontNow | null = null;
  private analysedAt = Number.NEGATIVE_INFINITY;
  /** what the last analysis cost, ms */
  private analyseCost = 0;
  /** whether the readout shows the last sample's front */
  private shown = false;
  /** whether samples keep coming (the run plays): then the analysis is throttled */
  busy: () => boolean = () => false;

  constructor(
    private readonly meanCanvas: HTMLCanvasElement,
    private readonly varSel: HTMLSelectElement,
    private readonly frontCanvas: HTMLCanvasElement,
    private readonly readout: HTMLElement,
  ) {
    for (const v of TRACE_VARS) varSel.add(new Option(`${v.name}: ${v.label} (${v.unit})`, v.name));
    varSel.value = 'gsh';
    varSel.addEventListener('change', () => {
      this.dirty = true;
      this.draw();
    });
  }

  clear(duration_min: number): void {
    this.series = emptyTraces();
    this.duration = duration_min;
    this.last = null;
    this.front = null;
    this.shown = false;
    this.dirty = true;
  }

  /** What the mean plot (`which` 'mean') or the front plot shows at x (CSS px across a canvas `width` wide), or null off the plot. */
  hoverText(which: 'mean' | 'front', x: number, width: number): string | null {
    const w = width - 44 - 6;
    const s = this.series;
    const k = nearestSample(s.t_min, ((x - 44) / w) * this.duration);
    if (k < 0 || x < 44 || x > width - 6) return null;
    if (which === 'front') {
      const f = s.front_um[k];
      return `${formatClock(s.t_min[k])}: front ${f === null ? 'none yet' : `${f.toFixed(0)} um`} beyond the origin`;
    }
    const v = TRACE_VARS.find((x) => x.name === this.varSel.value) ?? TRACE_VARS[0];
    const m = s.means[v.name][k];
    return `${formatClock(s.t_min[k])}: mean ${v.name} ${Number.isFinite(m) ? +m.toPrecision(4) : '–'} ${v.unit}`;
  }

  /** The time axes span 0..duration_min (a run extended at its end); the series are kept. */
  setDuration(duration_min: number): void {
    if (duration_min === this.duration) return;
    this.duration = duration_min;
    this.dirty = true;
  }

  /** Record a sample (counts and means already computed by the fate plot). */
  record(st: SimState, sc: ResolvedScenario, t_min: number, c: ReturnType<typeof countsAndMeans>): void {
    const s = this.series;
    if (s.t_min.length && t_min < s.t_min[s.t_min.length - 1]) this.clear(this.duration);
    s.t_min.push(t_min);
    for (const v of TRACE_VARS) s.means[v.name].push(c.means[v.name] ?? Number.NaN);
    // the origin as the CLI takes it: the first light pulse or H2O2 region, else the first cell that committed
    const origin = waveOrigin(sc, st);
    s.front_um.push(origin ? frontPosition(st, sc.lattice.site_um, origin) : null);
    this.last = { st, sc, t_min, at: performance.now() };
    this.front = null;
    this.shown = false;
    this.dirty = true;
  }

  /**
   * The front at the last sample by the CLI's code (frontNow): position, the wave analysis of the
   * run so far (what summary.json would say of a run ending there) and the last hour's speed.
   */
  frontNow(): FrontNow | null {
    const l = this.last;
    if (!l) return null;
    if (!this.front) {
      const t0 = performance.now();
      this.front = frontNow(l.st, l.sc, l.t_min, SPEED_WINDOW_MIN);
      this.analysedAt = performance.now();
      this.analyseCost = this.analysedAt - t0;
    }
    return this.front;
  }

  draw(): void {
    // the readout follows the samples; while they keep coming, the analysis is throttled
    const now = performance.now();
    const settled = this.last !== null && !this.busy() && now - this.last.at > 50;
    const due = now - this.analysedAt >= Math.max(ANALYSE_EVERY_MS, ANALYSE_COST_SHARE * this.analyseCost);
    if (this.last && !this.shown && (settled || this.front !== null || due)) this.writeReadout();
    if (!this.dirty) return;
    this.dirty = false;
    const s = this.series;
    const v = TRACE_VARS.find((x) => x.name === this.varSel.value) ?? TRACE_VARS[0];
    drawLine(this.meanCanvas, s.t_min, s.means[v.name], this.duration, `mean ${v.name}`, v.unit, '#56b4e9');
    drawLine(this.frontCanvas, s.t_min, s.front_um, this.duration, 'front', 'um', '#e69f00');
    if (!this.last) this.readout.textContent = '';
  }

  private writeReadout(): void {
    const fr = this.frontNow();
    this.readout.textContent = fr ? frontText(fr) : '';
    this.shown = true;
  }
}

/** The front readout's words: position, the run's wave speed as summary.json gives it, the last hour's. */
export function frontText(fr: FrontNow): string {
  if (fr.front_um === null || !fr.wave) return 'front: no cell has committed to ferroptosis yet';
  const w = fr.wave;
  const whole =
    w.detected && w.speed_um_per_min !== null
      ? `wave ${w.speed_um_per_min.toFixed(2)} um/min over the run (R² ${(w.r2 ?? Number.NaN).toFixed(3)})`
      : w.pattern === 'synchronous'
        ? 'no ordered front: cells die far from the origin at about the same time (synchronous)'
        : `no wave yet (${w.pattern === 'local' ? 'deaths near the origin only' : 'no death'})`;
  const recent = fr.recent && fr.recent.slope > 0 ? `; ${fr.recent.slope.toFixed(2)} um/min over the last ${SPEED_WINDOW_MIN} min` : '';
  return `front ${fr.front_um.toFixed(0)} um beyond the origin; ${whole}${recent}`;
}

/** One line over simulated time on a small canvas, y from 0 (or the minimum if negative) to the maximum. */
function drawLine(cv: HTMLCanvasElement, t: number[], ys: Array<number | null>, duration: number, label: string, unit: string, colour: string): void {
  const ctx = clearCanvas(cv, 90);
  if (!ctx) return;
  const { g, cssW, cssH } = ctx;
  const padL = 44,
    padR = 6,
    padT = 6,
    padB = 16;
  const w = cssW - padL - padR;
  const h = cssH - padT - padB;
  let lo = 0,
    hi = 0;
  for (const y of ys)
    if (y !== null && Number.isFinite(y)) {
      lo = Math.min(lo, y);
      hi = Math.max(hi, y);
    }
  if (hi <= lo) hi = lo + 1;
  const X = (x: number) => padL + (w * x) / duration;
  const Y = (y: number) => padT + h - (h * (y - lo)) / (hi - lo);
  drawFrame(g, { x: padL, y: padT, w, h }, fmt(hi), fmt(lo), duration);
  g.fillText(`${label} (${unit})`, padL + 4, padT + 2);
  g.strokeStyle = colour;
  g.lineWidth = 1.5;
  g.beginPath();
  let pen = false;
  for (let i = 0; i < t.length; i++) {
    const y = ys[i];
    if (y === null || !Number.isFinite(y)) {
      pen = false;
      continue;
    }
    if (pen) g.lineTo(X(t[i]), Y(y));
    else g.moveTo(X(t[i]), Y(y));
    pen = true;
  }
  g.stroke();
}

function fmt(x: number): string {
  const a = Math.abs(x);
  return a === 0 ? '0' : a >= 1000 ? x.toFixed(0) : a >= 1 ? String(+x.toPrecision(3)) : x.toPrecision(2);
}
