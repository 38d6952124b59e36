// Why this file exists: the sandbox's live plots beyond the cell counts: the mean of a chosen
// per-cell variable over living cells, and the death front's distance from where the wave started
// with its measured speed. One set of numbers with the CLI: recorded at the fate plot's sampling
// cadence from the observables the CLI writes to timeseries.csv (countsAndMeans, frontPosition
// from waveOrigin), and the speed is the CLI's summary.json wave analysis of the run so far
// (frontNow: analyseWave over the commitment times, plus the last hour of the same front points).
import { FrontReach } from '../analysis/front-reach';
import { type FrontNow, frontNow } from '../analysis/front-speed';
import { type countsAndMeans, MEAN_VARS } from '../analysis/observables';
import { frontPosition, waveOrigin } from '../analysis/wave';
import { CELL_VARS, type SimState } from '../model/layout';
import type { ResolvedScenario } from '../model/scenario';
import { formatClock } from '../render/overlays';
import { LIVE_SYNC } from './plot';
import { type ChartSpec, TimeChart, valueText } from './time-chart';

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
const MEAN_COLOUR = '#56b4e9';
const FRONT_COLOUR = '#e69f00';
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

/** the mean plot's axis and line for a variable */
function meanSpec(v: { name: string; unit: string }): ChartSpec {
  return { yLabel: `${v.name} (${v.unit})`, lines: [{ label: `mean ${v.name}`, unit: v.unit, colour: MEAN_COLOUR }] };
}

export class TracePlots {
  series: TraceSeries = emptyTraces();
  readonly meanChart: TimeChart;
  readonly frontChart: TimeChart;
  private duration = 1;
  private dirty = true;
  /** the state and scenario of the last sample, the front analysed from them, and when (performance.now()) */
  private last: { st: SimState; sc: ResolvedScenario; t_min: number; at: number } | null = null;
  private front: FrontNow | null = null;
  /** the farthest the front has reached, as the CLI's samples keep it (front-reach.ts) */
  private reach = new FrontReach();
  private analysedAt = Number.NEGATIVE_INFINITY;
  /** what the last analysis cost, ms */
  private analyseCost = 0;
  /** whether the readout shows the last sample's front */
  private shown = false;
  /** whether samples keep coming (the run plays): then the analysis is throttled */
  busy: () => boolean = () => false;

  constructor(
    meanHost: HTMLElement,
    private readonly varSel: HTMLSelectElement,
    frontHost: HTMLElement,
    private readonly readout: HTMLElement,
    height = 76,
  ) {
    for (const v of TRACE_VARS) varSel.add(new Option(`${v.name}: ${v.label} (${v.unit})`, v.name));
    varSel.value = 'gsh';
    this.meanChart = new TimeChart({ host: meanHost, height, sync: LIVE_SYNC, tip: (k) => this.tipText('mean', k) }, meanSpec(this.meanVar()));
    this.frontChart = new TimeChart(
      { host: frontHost, height, sync: LIVE_SYNC, tip: (k) => this.tipText('front', k) },
      { yLabel: 'front (um)', lines: [{ label: 'front', unit: 'um', colour: FRONT_COLOUR }] },
    );
    varSel.addEventListener('change', () => {
      this.dirty = true;
      this.draw();
    });
  }

  /** the variable the mean plot shows */
  private meanVar(): (typeof TRACE_VARS)[number] {
    return TRACE_VARS.find((x) => x.name === this.varSel.value) ?? TRACE_VARS[0];
  }

  clear(duration_min: number): void {
    this.series = emptyTraces();
    this.duration = duration_min;
    this.last = null;
    this.front = null;
    this.reach = new FrontReach();
    this.shown = false;
    this.meanChart.reset();
    this.frontChart.reset();
    this.dirty = true;
  }

  /** The tip over sample k of the mean plot (`which` 'mean') or the front plot: its time and value with the unit. */
  tipText(which: 'mean' | 'front', k: number): string | null {
    const s = this.series;
    if (k < 0 || k >= s.t_min.length) return null;
    if (which === 'front') {
      const f = s.front_um[k];
      return `${formatClock(s.t_min[k])}: front ${f === null ? 'none yet' : `${f.toFixed(0)} um`} beyond the origin`;
    }
    const v = this.meanVar();
    return `${formatClock(s.t_min[k])}: mean ${v.name} ${valueText(s.means[v.name][k], v.unit)}`;
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
    s.front_um.push(this.reach.update(origin, origin ? frontPosition(st, sc.lattice.site_um, origin) : null));
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
      const fr = frontNow(l.st, l.sc, l.t_min, SPEED_WINDOW_MIN);
      // the position as the front plot (and timeseries.csv) keep it: the farthest reached
      this.front = { ...fr, front_um: fr.origin ? (this.series.front_um.at(-1) ?? fr.front_um) : fr.front_um };
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
    const v = this.meanVar();
    this.meanChart.configure(meanSpec(v));
    for (const c of [this.meanChart, this.frontChart]) c.setRange(0, this.duration);
    this.meanChart.update([s.t_min, s.means[v.name]]);
    this.frontChart.update([s.t_min, s.front_um]);
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
