// Why this file exists: the sandbox's live plots beyond the cell counts: the mean of a chosen
// per-cell variable over living cells, and the death front's distance from where the wave started
// with its measured speed (a linear fit over the last hour and over the whole run, as the CLI's
// summary fits it). Recorded at the fate plot's sampling cadence from the same observables the
// CLI writes to timeseries.csv (countsAndMeans, frontPosition).
import { type countsAndMeans, MEAN_VARS } from '../analysis/observables';
import { firstCommitOrigin, frontPosition, linfit, type Origin, pulseOrigin } from '../analysis/wave';
import { CELL_VARS, type SimState } from '../model/layout';
import type { ResolvedScenario } from '../model/scenario';
import { clearCanvas, drawFrame } from './plot';

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

export function emptyTraces(): TraceSeries {
  return { t_min: [], means: Object.fromEntries(TRACE_VARS.map((v) => [v.name, []])), front_um: [] };
}

export class TracePlots {
  series: TraceSeries = emptyTraces();
  private duration = 1;
  private dirty = true;
  private origin: Origin | null = null;

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
    this.origin = null;
    this.dirty = true;
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
    // the origin: the first light pulse or H2O2 region, else the first cell that committed
    this.origin = pulseOrigin(sc) ?? this.origin ?? firstCommitOrigin(st, sc.lattice.site_um);
    s.front_um.push(this.origin ? frontPosition(st, sc.lattice.site_um, this.origin) : null);
    this.dirty = true;
  }

  /** Front speed (um/min) fitted over the samples in [t_from, now] where the front has moved, or null. */
  speed(t_from = Number.NEGATIVE_INFINITY): { v: number; r2: number } | null {
    const pts: Array<[number, number]> = [];
    const s = this.series;
    for (let i = 0; i < s.t_min.length; i++) {
      const f = s.front_um[i];
      if (f !== null && f > 0 && s.t_min[i] >= t_from) pts.push([s.t_min[i], f]);
    }
    if (pts.length < 4) return null;
    const fit = linfit(pts);
    return Number.isFinite(fit.slope) ? { v: fit.slope, r2: fit.r2 } : null;
  }

  draw(): void {
    if (!this.dirty) return;
    this.dirty = false;
    const s = this.series;
    const v = TRACE_VARS.find((x) => x.name === this.varSel.value) ?? TRACE_VARS[0];
    drawLine(this.meanCanvas, s.t_min, s.means[v.name], this.duration, `mean ${v.name}`, v.unit, '#56b4e9');
    drawLine(this.frontCanvas, s.t_min, s.front_um, this.duration, 'front', 'um', '#e69f00');
    const now = s.t_min.length ? s.t_min[s.t_min.length - 1] : 0;
    const f = s.front_um.length ? s.front_um[s.front_um.length - 1] : null;
    const recent = this.speed(now - SPEED_WINDOW_MIN);
    const all = this.speed();
    this.readout.textContent =
      f === null
        ? 'front: no committed cell yet'
        : `front ${f.toFixed(0)} um beyond the origin; speed ${recent ? `${recent.v.toFixed(2)} um/min` : '–'} (last ${SPEED_WINDOW_MIN} min), ${all ? `${all.v.toFixed(2)} um/min over the run (R² ${all.r2.toFixed(3)})` : '–'}`;
  }
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
