// Why this file exists: every plot of the page (the live plots, the cell inspector's history, the
// comparison's overlaid curves) is a line chart over simulated time with the same look, drawn by
// uPlot (a small, maintained canvas chart library made for streaming series): time ticks in hours,
// a y axis named with its unit, a legend whose values follow the cursor (the last sample's values
// when the cursor is elsewhere), and the values of the sample under the cursor in a tip beside it.
// A chart copies only new samples into the columns it keeps (series-mirror.ts) and redraws only
// when its owner calls update(), which the page does a few times per second at most.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { formatClock } from '../render/overlays';
import { hideTip, showTip } from './plot-hover';
import { SeriesMirror } from './series-mirror';

/** A line of a chart: its legend label, unit, colour and how its values read. */
export interface ChartLine {
  label: string;
  unit: string;
  colour: string;
  dash?: boolean;
  /** 'count': whole numbers (cells); 'value' (default): 4 significant digits */
  kind?: 'count' | 'value';
}

/** What a chart shows (a change rebuilds the chart): the y axis's name with its unit and the lines. */
export interface ChartSpec {
  yLabel: string;
  lines: ChartLine[];
  /** the legend under the chart (default true; a shared key can stand in for it) */
  legend?: boolean;
}

export interface ChartOptions {
  /** the element the chart fills (its width; the chart sets its height) */
  host: HTMLElement;
  /** height of the plot area with its axes, CSS px (the legend comes below) */
  height: number;
  /** charts with the same key show the cursor at the same time */
  sync?: string;
  /** the tip's text for sample k (at time t_min) of the columns last given, or null for none */
  tip?: (k: number, t_min: number) => string | null;
}

const AXIS = '#9a9aa6';
const GRID = '#262730';
const TICK = '#3a3c47';
const FONT = '10px system-ui, sans-serif';
const LABEL_FONT = '11px system-ui, sans-serif';
/** time tick steps, min: whole minutes to days */
const TIME_INCRS = [1, 2, 5, 10, 15, 20, 30, 60, 120, 180, 240, 360, 480, 720, 1440, 2880, 4320, 7200, 14400, 28800, 43200];

/** Time ticks (simulated min) in hours: "6 h", or "1:30 h" when a tick falls within an hour. */
export function timeTicks(splits: number[]): string[] {
  const whole = splits.every((v) => Math.abs(v / 60 - Math.round(v / 60)) < 1e-9);
  return splits.map((v) => (whole ? `${Math.round(v / 60)} h` : formatClock(v)));
}

/** A y tick: short (12k, 1.5M, 2e-3), as the axis has little room. */
export function yTick(v: number): string {
  const a = Math.abs(v);
  if (a === 0) return '0';
  if (a >= 1e6) return `${+(v / 1e6).toPrecision(3)}M`;
  if (a >= 1e4) return `${+(v / 1e3).toPrecision(3)}k`;
  if (a < 1e-2) return v.toExponential(0);
  return String(+v.toPrecision(3));
}

/** A value as the legend and the tips give it, with its unit. */
export function valueText(v: number | null | undefined, unit: string, kind: 'count' | 'value' = 'value'): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  const a = Math.abs(v);
  const n = kind === 'count' ? String(Math.round(v)) : a !== 0 && (a < 1e-3 || a >= 1e6) ? v.toExponential(3) : String(+v.toPrecision(4));
  return unit ? `${n} ${unit}` : n;
}

/** the y axis's tick labels take at least this much, CSS px, so that stacked charts line up */
const Y_TICKS_MIN_PX = 30;

/** the y axis's width from its widest tick label (at least Y_TICKS_MIN_PX) */
function yAxisSize(u: uPlot, values: string[] | null, axisIdx: number): number {
  const axis = u.axes[axisIdx];
  let w = 0;
  if (values?.length) {
    u.ctx.font = FONT;
    for (const v of values) w = Math.max(w, u.ctx.measureText(v).width);
  }
  return Math.max(Y_TICKS_MIN_PX, Math.ceil(w + (axis.ticks?.size ?? 3) + (axis.gap ?? 3) + 2));
}

export class TimeChart {
  private u: uPlot | null = null;
  private spec: ChartSpec;
  private specKey: string;
  private mirror: SeriesMirror;
  private t0 = 0;
  private t1 = 1;
  /** whether the mouse is over this chart (a synced chart moves its cursor without it) */
  private hovered = false;
  private readonly resize: ResizeObserver;
  private fitFrame = 0;

  constructor(
    private readonly opts: ChartOptions,
    spec: ChartSpec,
  ) {
    this.spec = spec;
    this.specKey = JSON.stringify(spec);
    this.mirror = new SeriesMirror(spec.lines.length);
    // fitted on the next frame: the chart's own height change inside the observer's callback
    // would be a resize observer loop (reported as an error by the browser)
    this.resize = new ResizeObserver(() => {
      if (this.fitFrame) return;
      this.fitFrame = requestAnimationFrame(() => {
        this.fitFrame = 0;
        this.fit();
      });
    });
    this.resize.observe(opts.host);
    opts.host.addEventListener('mouseleave', () => {
      this.hovered = false;
      hideTip();
    });
  }

  /** the uPlot instance (null until the host has a width), for tests and screenshots */
  get plot(): uPlot | null {
    return this.u;
  }

  /** Show something else (another variable, other branches): rebuilds the chart when it differs. */
  configure(spec: ChartSpec): void {
    const key = JSON.stringify(spec);
    if (key === this.specKey) return;
    this.spec = spec;
    this.specKey = key;
    this.mirror = new SeriesMirror(spec.lines.length);
    this.u?.destroy();
    this.u = null;
    this.fit();
  }

  /** The time axis spans t0..t1 (simulated min). */
  setRange(t0_min: number, t1_min: number): void {
    const t1 = t1_min > t0_min ? t1_min : t0_min + 1;
    if (t0_min === this.t0 && t1 === this.t1) return;
    this.t0 = t0_min;
    this.t1 = t1;
    this.u?.setScale('x', { min: this.t0, max: this.t1 });
  }

  /** The source was cleared or rewritten: the next update copies it whole. */
  reset(): void {
    this.mirror.reset();
  }

  /** Take the samples added to `sources` ([t_min, line 1, ...]) since the last call and redraw if any. */
  update(sources: ReadonlyArray<ArrayLike<number | null>>): void {
    const changed = this.mirror.sync(sources);
    if (!this.u) this.fit();
    else if (changed) this.redraw();
  }

  /** Stop following the host's size and free the chart. */
  destroy(): void {
    this.resize.disconnect();
    cancelAnimationFrame(this.fitFrame);
    this.u?.destroy();
    this.u = null;
  }

  private redraw(): void {
    const u = this.u;
    if (!u) return;
    // the scales follow: x over t0..t1, y over the data (the range functions above)
    u.setData(this.mirror.columns as uPlot.AlignedData);
    if (!this.hovered) this.showLatest(u);
  }

  /** the legend reads the last sample while the cursor is elsewhere */
  private showLatest(u: uPlot): void {
    const n = this.mirror.length;
    if (n > 0 && u.cursor.idx == null) u.setLegend({ idx: n - 1 });
  }

  /** (Re)size to the host's width, building the chart once the host has one (a folded section has none). */
  private fit(): void {
    const width = Math.floor(this.opts.host.clientWidth);
    if (width <= 0) return;
    if (!this.u) {
      this.u = this.build(width);
      this.redraw();
    } else if (this.u.width !== width) this.u.setSize({ width, height: this.opts.height });
  }

  private build(width: number): uPlot {
    const { spec, opts } = this;
    const legend = spec.legend !== false;
    const series: uPlot.Series[] = [
      { label: 't', value: (_u, v) => (v == null ? '–' : formatClock(v)) },
      ...spec.lines.map(
        (l): uPlot.Series => ({
          label: l.label,
          stroke: l.colour,
          width: 1.5,
          dash: l.dash ? [5, 3] : undefined,
          spanGaps: false,
          points: { show: false },
          value: (_u, v) => valueText(v, l.unit, l.kind),
        }),
      ),
    ];
    const chart = new uPlot(
      {
        width,
        height: opts.height,
        series,
        legend: { show: legend, live: true },
        padding: [8, 10, 0, 0],
        cursor: {
          drag: { x: false, y: false, setScale: false },
          points: { size: 6 },
          ...(opts.sync ? { sync: { key: opts.sync } } : {}),
        },
        scales: {
          x: { time: false, range: () => [this.t0, this.t1] },
          y: {
            range: (_u, min, max) => {
              const lo = Math.min(0, Number.isFinite(min) ? min : 0);
              let hi = Number.isFinite(max) ? max : 1;
              if (!(hi > lo)) hi = lo + 1;
              return [lo, hi + 0.06 * (hi - lo)];
            },
          },
        },
        axes: [
          {
            stroke: AXIS,
            font: FONT,
            size: 20,
            gap: 2,
            space: 44,
            incrs: TIME_INCRS,
            values: (_u, splits) => timeTicks(splits),
            grid: { stroke: GRID, width: 1 },
            ticks: { stroke: TICK, width: 1, size: 3 },
          },
          {
            stroke: AXIS,
            font: FONT,
            label: spec.yLabel,
            labelFont: LABEL_FONT,
            labelSize: 14,
            labelGap: 0,
            gap: 3,
            space: 20,
            size: (u, values, axisIdx) => yAxisSize(u, values, axisIdx),
            values: (_u, splits) => splits.map(yTick),
            grid: { stroke: GRID, width: 1 },
            ticks: { stroke: TICK, width: 1, size: 3 },
          },
        ],
        hooks: {
          setCursor: [(u) => this.onCursor(u)],
        },
      },
      this.mirror.columns as uPlot.AlignedData,
      opts.host,
    );
    chart.over.addEventListener('mouseenter', () => {
      this.hovered = true;
    });
    return chart;
  }

  private onCursor(u: uPlot): void {
    const k = u.cursor.idx;
    if (k == null) {
      if (this.hovered) hideTip();
      this.showLatest(u);
      return;
    }
    if (!this.hovered || !this.opts.tip) return;
    const t = this.mirror.columns[0][k];
    const text = t === null || t === undefined ? null : this.opts.tip(k, t);
    if (!text) {
      hideTip();
      return;
    }
    const r = u.over.getBoundingClientRect();
    showTip(text, r.left + (u.cursor.left ?? 0), r.top + (u.cursor.top ?? 0));
  }
}
