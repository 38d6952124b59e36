// Why this file exists: the sandbox's live plot of alive / dying / dead cells over simulated time.
// Samples come from countsAndMeans (the CLI's time-series observables) at most once per scenario
// output.sample_every_min of simulated time, taken when the workers are idle; the chart
// (time-chart.ts) is redrawn by the caller a few times per second at most, from the new samples.
import { countsAndMeans } from '../analysis/observables';
import type { SimState } from '../model/layout';
import { FATE_COLOURS, rgbCss } from '../render/colormaps';
import { formatClock } from '../render/overlays';
import { TimeChart } from './time-chart';

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

/** the live plots' cursors move together */
export const LIVE_SYNC = 'live-plots';

export class FatePlot {
  readonly series: FateSeries = { t_min: [], alive: [], dying: [], dead: [] };
  readonly chart: TimeChart;
  private duration = 1;
  private every = 5;
  private dirty = true;
  /** called with each recorded sample's counts and means (other plots record at the same cadence) */
  onSample: ((st: SimState, t_min: number, c: ReturnType<typeof countsAndMeans>) => void) | null = null;

  constructor(host: HTMLElement, height = 96) {
    this.chart = new TimeChart(
      { host, height, sync: LIVE_SYNC, tip: (k) => this.tipText(k) },
      { yLabel: 'cells', lines: LINES.map((l) => ({ label: l.key, unit: '', colour: rgbCss(l.rgb), kind: 'count' as const })) },
    );
  }

  /** Start over (a new scenario or a reset): x axis 0..duration_min. */
  clear(duration_min: number, sample_every_min: number): void {
    for (const k of Object.keys(this.series) as (keyof FateSeries)[]) this.series[k].length = 0;
    this.duration = duration_min;
    this.every = sample_every_min;
    this.chart.reset();
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

  /** The tip over sample k: its time and counts. */
  tipText(k: number): string | null {
    const s = this.series;
    if (k < 0 || k >= s.t_min.length) return null;
    return `${formatClock(s.t_min[k])}: alive ${s.alive[k]}, dying ${s.dying[k]}, dead ${s.dead[k]} cells`;
  }

  /** Redraw if anything changed (the chart takes only the new samples). */
  draw(): void {
    if (!this.dirty) return;
    this.dirty = false;
    const s = this.series;
    this.chart.setRange(0, this.duration);
    this.chart.update([s.t_min, s.alive, s.dying, s.dead]);
  }
}
