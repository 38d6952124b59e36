// Why this file exists: the dose-response's plots: a value against the dose on a log axis (uPlot,
// the page's plotting library, with time-chart.ts's look), each series as points with SD whiskers
// (the model's joined by a line, the published ones alone), and dashed lines across the plot at
// the dose-0 controls, which a log axis cannot place. The values of the dose under the cursor show
// in a tip; the caller draws the key.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { hideTip, showTip } from './plot-hover';
import { yTick } from './time-chart';

/** A series of a dose chart: its values at the chart's doses (null: none there), their SDs. */
export interface DoseSeries {
  label: string;
  colour: string;
  /** 'points': markers and whiskers joined by a line; 'published': markers and whiskers alone */
  kind: 'points' | 'published';
  values: Array<number | null>;
  sd?: Array<number | null>;
}

export interface DoseChartData {
  yLabel: string;
  /** doses, uM, ascending and > 0 */
  x: number[];
  series: DoseSeries[];
  /** levels drawn as dashed lines across the plot (the controls), labelled at the right */
  levels?: Array<{ value: number | null; colour: string; label: string }>;
  /** the y axis reaches at least this far (e.g. 1 for a fraction) */
  yMin?: number;
  yMax?: number;
}

const AXIS = '#9a9aa6';
const GRID = '#262730';
const TICK = '#3a3c47';
const FONT = '10px system-ui, sans-serif';
const LABEL_FONT = '11px system-ui, sans-serif';

/** A dose as a tick: 0.01, 0.1, 1, 10, 100; 1e-4 below 0.001 */
export function doseTick(v: number): string {
  if (v < 1e-3) return v.toExponential(0);
  return String(+v.toPrecision(3));
}

/** The x range of doses on a log axis: whole decades around them (one decade when there is a single dose). */
export function doseRange(x: readonly number[]): [number, number] {
  if (!x.length) return [0.1, 10];
  const lo = 10 ** Math.floor(Math.log10(Math.min(...x)) - 1e-9);
  let hi = 10 ** Math.ceil(Math.log10(Math.max(...x)) + 1e-9);
  if (hi <= lo) hi = lo * 10;
  return [lo, hi];
}

export class DoseChart {
  private u: uPlot | null = null;
  private data: DoseChartData = { yLabel: '', x: [], series: [] };
  private key = '';
  private hovered = false;
  private readonly resize: ResizeObserver;

  constructor(
    private readonly host: HTMLElement,
    private readonly height: number,
    /** the tip's text at dose index k of the data last given */
    private readonly tip: (k: number) => string | null,
  ) {
    this.resize = new ResizeObserver(() => this.fit());
    this.resize.observe(host);
    host.addEventListener('mouseleave', () => {
      this.hovered = false;
      hideTip();
    });
  }

  /** the uPlot instance (null until the host has a width), for tests and screenshots */
  get plot(): uPlot | null {
    return this.u;
  }

  /** Show these doses and series (rebuilt when the doses or series change, redrawn otherwise). */
  set(data: DoseChartData): void {
    const key = JSON.stringify([data.yLabel, data.x, data.series.map((s) => [s.label, s.colour, s.kind]), data.levels?.length ?? 0]);
    this.data = data;
    if (key !== this.key) {
      this.key = key;
      this.u?.destroy();
      this.u = null;
      this.fit();
      return;
    }
    this.u?.setData(this.columns());
  }

  destroy(): void {
    this.resize.disconnect();
    this.u?.destroy();
    this.u = null;
  }

  private columns(): uPlot.AlignedData {
    return [this.data.x, ...this.data.series.map((s) => s.values)] as uPlot.AlignedData;
  }

  private fit(): void {
    const width = Math.floor(this.host.clientWidth);
    if (width <= 0) return;
    if (!this.u) this.u = this.build(width);
    else if (this.u.width !== width) this.u.setSize({ width, height: this.height });
  }

  private yRange(): [number, number] {
    let hi = this.data.yMax ?? 0;
    for (const s of this.data.series)
      s.values.forEach((v, k) => {
        if (v !== null && Number.isFinite(v)) hi = Math.max(hi, v + (s.sd?.[k] ?? 0));
      });
    for (const l of this.data.levels ?? []) if (l.value !== null && Number.isFinite(l.value)) hi = Math.max(hi, l.value);
    if (!(hi > 0)) hi = 1;
    return [Math.min(0, this.data.yMin ?? 0), hi * 1.08];
  }

  private build(width: number): uPlot {
    const series: uPlot.Series[] = [
      { label: 'dose (uM)' },
      ...this.data.series.map(
        (s): uPlot.Series => ({
          label: s.label,
          stroke: s.colour,
          width: s.kind === 'published' ? 0 : 1.5,
          spanGaps: true,
          ...(s.kind === 'published' ? { paths: () => null } : {}),
          points: { show: true, size: s.kind === 'published' ? 8 : 6, width: 1.5, stroke: s.colour, fill: s.kind === 'published' ? s.colour : '#101116' },
        }),
      ),
    ];
    const chart = new uPlot(
      {
        width,
        height: this.height,
        series,
        legend: { show: false },
        padding: [8, 12, 0, 0],
        cursor: { drag: { x: false, y: false, setScale: false }, points: { size: 7 } },
        scales: {
          x: { time: false, distr: 3, log: 10, range: () => doseRange(this.data.x) },
          y: { range: () => this.yRange() },
        },
        axes: [
          {
            stroke: AXIS,
            font: FONT,
            label: 'dose (uM, log scale)',
            labelFont: LABEL_FONT,
            labelSize: 14,
            labelGap: 0,
            size: 20,
            gap: 2,
            space: 30,
            values: (_u, splits) => splits.map((v) => (Math.abs(Math.log10(v) - Math.round(Math.log10(v))) < 1e-9 ? doseTick(v) : '')),
            grid: { stroke: GRID, width: 1 },
            ticks: { stroke: TICK, width: 1, size: 3 },
          },
          {
            stroke: AXIS,
            font: FONT,
            label: this.data.yLabel,
            labelFont: LABEL_FONT,
            labelSize: 14,
            labelGap: 0,
            gap: 3,
            space: 20,
            size: 34,
            values: (_u, splits) => splits.map(yTick),
            grid: { stroke: GRID, width: 1 },
            ticks: { stroke: TICK, width: 1, size: 3 },
          },
        ],
        hooks: {
          draw: [(u) => this.levels(u), (u) => this.whiskers(u)],
          setCursor: [(u) => this.onCursor(u)],
        },
      },
      this.columns(),
      this.host,
    );
    chart.over.addEventListener('mouseenter', () => {
      this.hovered = true;
    });
    return chart;
  }

  /** the controls: dashed lines across the plot, labelled at the right end */
  private levels(u: uPlot): void {
    const ctx = u.ctx;
    const { left, top, width } = u.bbox;
    ctx.save();
    ctx.lineWidth = 1.2 * devicePixelRatio;
    ctx.setLineDash([5 * devicePixelRatio, 3 * devicePixelRatio]);
    ctx.font = `${10 * devicePixelRatio}px system-ui, sans-serif`;
    ctx.textAlign = 'right';
    ctx.textBaseline = 'bottom';
    for (const l of this.data.levels ?? []) {
      if (l.value === null || !Number.isFinite(l.value)) continue;
      const y = u.valToPos(l.value, 'y', true);
      if (y < top) continue;
      ctx.strokeStyle = l.colour;
      ctx.fillStyle = l.colour;
      ctx.beginPath();
      ctx.moveTo(left, y);
      ctx.lineTo(left + width, y);
      ctx.stroke();
      ctx.fillText(l.label, left + width - 2 * devicePixelRatio, y - 2 * devicePixelRatio);
    }
    ctx.restore();
  }

  /** each point's SD as a vertical bar with caps */
  private whiskers(u: uPlot): void {
    const ctx = u.ctx;
    const cap = 3 * devicePixelRatio;
    ctx.save();
    ctx.lineWidth = 1.2 * devicePixelRatio;
    for (const s of this.data.series) {
      if (!s.sd) continue;
      ctx.strokeStyle = s.colour;
      ctx.beginPath();
      s.values.forEach((v, k) => {
        const e = s.sd?.[k];
        if (v === null || e === null || e === undefined || !(e > 0)) return;
        const x = u.valToPos(this.data.x[k], 'x', true);
        const y0 = u.valToPos(v - e, 'y', true);
        const y1 = u.valToPos(v + e, 'y', true);
        ctx.moveTo(x, y0);
        ctx.lineTo(x, y1);
        ctx.moveTo(x - cap, y0);
        ctx.lineTo(x + cap, y0);
        ctx.moveTo(x - cap, y1);
        ctx.lineTo(x + cap, y1);
      });
      ctx.stroke();
    }
    ctx.restore();
  }

  private onCursor(u: uPlot): void {
    const k = u.cursor.idx;
    if (k == null || !this.hovered) {
      if (this.hovered) hideTip();
      return;
    }
    const text = this.tip(k);
    if (!text) {
      hideTip();
      return;
    }
    const r = u.over.getBoundingClientRect();
    showTip(text, r.left + (u.cursor.left ?? 0), r.top + (u.cursor.top ?? 0));
  }
}
