// Why this file exists: the comparison's overlaid curves, one chart each (time-chart.ts): alive
// (solid) and dead (dashed) cells, the mean of the chosen variable and the front, one colour per
// branch (the key above the table names them), from the checkpoint's time to the end, with every
// branch's values at the time under the cursor in the tip. Each branch's samples (the CLI's, as
// comparison.ts takes them) are copied into columns only as they come.
import uPlot from 'uplot';
import type { Sample } from '../analysis/observables';
import { formatClock } from '../render/overlays';
import { nearestSample } from './plot-hover';
import { type ChartLine, TimeChart, valueText } from './time-chart';

/** What the plots need of a branch: its name, colour and samples (appended to as it runs). */
export interface PlottedArm {
  label: string;
  colour: string;
  samples: readonly Sample[];
}

/** A branch's samples as columns, appended to as samples come (new arrays when the variable changes). */
class ArmColumns {
  t: number[] = [];
  alive: number[] = [];
  dead: number[] = [];
  mean: number[] = [];
  front: Array<number | null> = [];
  private meanVar = '';

  constructor(readonly arm: PlottedArm) {}

  sync(meanVar: string): void {
    if (meanVar !== this.meanVar) {
      this.meanVar = meanVar;
      this.t = [];
      this.alive = [];
      this.dead = [];
      this.mean = [];
      this.front = [];
    }
    const s = this.arm.samples;
    for (let i = this.t.length; i < s.length; i++) {
      this.t.push(s[i].t_min);
      this.alive.push(s[i].alive);
      this.dead.push(s[i].dead);
      this.mean.push(s[i].means[meanVar] ?? Number.NaN);
      this.front.push(s[i].front_um);
    }
  }
}

const COMPARE_SYNC = 'compare-plots';

export class ComparePlots {
  private readonly cells: TimeChart;
  private readonly mean: TimeChart;
  private readonly front: TimeChart;
  private cols: ArmColumns[] = [];
  private meanVar = { name: '', unit: '' };

  constructor(hosts: { cells: HTMLElement; mean: HTMLElement; front: HTMLElement }, height = 120) {
    const chart = (host: HTMLElement, tip: (t: number) => string) =>
      new TimeChart({ host, height, sync: COMPARE_SYNC, tip: (_k, t) => tip(t) }, { yLabel: '', lines: [], legend: false });
    this.cells = chart(hosts.cells, (t) => this.tip(t, 'cells', (s) => `${valueText(s.alive, '', 'count')} alive, ${valueText(s.dead, '', 'count')} dead`));
    this.mean = chart(hosts.mean, (t) => this.tip(t, `mean ${this.meanVar.name}`, (s) => valueText(s.means[this.meanVar.name], this.meanVar.unit)));
    this.front = chart(hosts.front, (t) => this.tip(t, 'front beyond the origin', (s) => valueText(s.front_um, 'um')));
  }

  /** Plot these branches from now on (a new comparison). */
  start(arms: readonly PlottedArm[]): void {
    this.cols = arms.map((a) => new ArmColumns(a));
    this.meanVar = { name: '', unit: '' };
    for (const c of [this.cells, this.mean, this.front]) c.reset();
  }

  /** Take the new samples and redraw: time from t0 to t1 (min), the mean of `meanVar`. */
  update(t0_min: number, t1_min: number, meanVar: { name: string; unit: string }): void {
    const arms = this.cols;
    if (!arms.length) return;
    for (const c of arms) c.sync(meanVar.name);
    const line = (c: ArmColumns, unit: string, dash = false, label = c.arm.label): ChartLine => ({ label, unit, colour: c.arm.colour, dash });
    this.cells.configure({
      yLabel: 'cells',
      legend: false,
      lines: arms.flatMap((c) => [
        { ...line(c, '', false, `${c.arm.label} alive`), kind: 'count' as const },
        { ...line(c, '', true, `${c.arm.label} dead`), kind: 'count' as const },
      ]),
    });
    this.mean.configure({ yLabel: `mean ${meanVar.name} (${meanVar.unit})`, legend: false, lines: arms.map((c) => line(c, meanVar.unit)) });
    this.front.configure({ yLabel: 'front (um)', legend: false, lines: arms.map((c) => line(c, 'um')) });
    this.meanVar = meanVar;
    for (const c of [this.cells, this.mean, this.front]) c.setRange(t0_min, t1_min);
    // the branches step on one clock, so they sample at the same times; join them if they ever do not
    const t = arms[0].t;
    const aligned = arms.every((c) => c.t.length === t.length && c.t[t.length - 1] === t[t.length - 1]);
    if (aligned) {
      this.cells.update([t, ...arms.flatMap((c) => [c.alive, c.dead])]);
      this.mean.update([t, ...arms.map((c) => c.mean)]);
      this.front.update([t, ...arms.map((c) => c.front)]);
      return;
    }
    const j = uPlot.join(arms.map((c) => [c.t, c.alive, c.dead, c.mean, c.front] as uPlot.AlignedData));
    const col = (k: number, f: number) => j[1 + 4 * k + f] as Array<number | null>;
    this.cells.update([j[0], ...arms.flatMap((_c, k) => [col(k, 0), col(k, 1)])]);
    this.mean.update([j[0], ...arms.map((_c, k) => col(k, 2))]);
    this.front.update([j[0], ...arms.map((_c, k) => col(k, 3))]);
  }

  /** the tip at time t: each branch's sample nearest to t */
  private tip(t: number, what: string, value: (s: Sample) => string): string {
    const lines = [`${formatClock(t)}: ${what}`];
    for (const c of this.cols) {
      const k = nearestSample(c.t, t);
      if (k >= 0) lines.push(`${c.arm.label}: ${value(c.arm.samples[k])}`);
    }
    return lines.join('\n');
  }
}
