// Why this file exists: figures several checks draw from finished runs (kymographs, front
// position against time, survival curves), so a check states only what it plots.
import { type Band, heatmap, lineChart, PALETTE, type Series } from '../report/svg';
import type { Figure, KymoKind, RunResult } from './types';

const kymoKey = (k: KymoKind) => JSON.stringify(k);

export interface KymoFigureOptions {
  file: string;
  title: string;
  caption: string;
  what: KymoKind;
  color: { label: string; unit: string; domain?: readonly [number, number] };
  /** keep only samples with t >= tMin and columns with x <= xMax_um */
  tMin?: number;
  xMax_um?: number;
  bands?: Band[];
  overlays?: Series[];
}

/** A kymograph (position across, time upwards) from a run recorded with that kymograph kind. */
export function kymographFigure(run: RunResult, o: KymoFigureOptions): Figure {
  const k = run.kymographs.find((q) => kymoKey(q.what) === kymoKey(o.what));
  if (!k) throw new Error(`run ${run.scenario.name} has no kymograph of ${kymoKey(o.what)}`);
  const t = run.samples.map((s) => s.t_min);
  const h = t.length > 1 ? t[1] - t[0] : 1;
  const r0 = Math.max(
    0,
    t.findIndex((v) => v >= (o.tMin ?? t[0]) - 1e-9),
  );
  const dx = k.x_um.length > 1 ? k.x_um[1] - k.x_um[0] : k.x_domain[1] - k.x_domain[0];
  const nCols = o.xMax_um === undefined ? k.x_um.length : Math.max(1, k.x_um.filter((x) => x - dx / 2 < o.xMax_um! - 1e-9).length);
  const rows = k.rows.slice(r0).map((r) => r.subarray(0, nCols));
  const x1 = nCols === k.x_um.length ? k.x_domain[1] : k.x_domain[0] + nCols * ((k.x_domain[1] - k.x_domain[0]) / k.x_um.length);
  const svg = heatmap({
    title: o.title,
    x: { label: 'distance along the dish', unit: 'um', domain: [k.x_domain[0], x1] },
    y: { label: 'time', unit: 'min', domain: [t[r0] - h / 2, t[t.length - 1] + h / 2] },
    color: o.color,
    data: rows,
    bands: o.bands,
    overlays: o.overlays,
  });
  return { file: o.file, caption: o.caption, svg };
}

/** Front position (furthest committed cell beyond the pulse edge) against time, one line per run. */
export function frontFigure(file: string, title: string, caption: string, runs: Array<{ name: string; run: RunResult }>, extra: Series[] = []): Figure {
  const series: Series[] = runs.map(({ name, run }) => ({
    name,
    points: run.samples.filter((s) => s.front_um !== null).map((s) => [s.t_min, s.front_um!] as [number, number]),
  }));
  const svg = lineChart({ title, x: { label: 'time', unit: 'min' }, y: { label: 'front beyond the pulse edge', unit: 'um' }, series: [...series, ...extra] });
  return { file, caption, svg };
}

/**
 * Survival against time: the fraction of the initial cells not yet ruptured (alive or dying; what a
 * membrane-impermeant dye counts), solid; the fraction not yet committed (alive), dashed, same colour.
 */
export function survivalFigure(file: string, title: string, caption: string, runs: Array<{ name: string; run: RunResult }>): Figure {
  const series: Series[] = runs.flatMap(({ name, run }, k) => {
    const s0 = run.samples[0];
    const n0 = s0.alive + s0.dying + s0.dead;
    const color = PALETTE[k % PALETTE.length];
    const frac = (v: (s: (typeof run.samples)[number]) => number) => run.samples.map((s) => [s.t_min, n0 > 0 ? v(s) / n0 : Number.NaN] as [number, number]);
    return [
      { name: `${name}: not ruptured`, points: frac((s) => s.alive + s.dying), color },
      { name: `${name}: not committed`, points: frac((s) => s.alive), color, dash: true, width: 1.2 },
    ];
  });
  const svg = lineChart({ title, x: { label: 'time', unit: 'min' }, y: { label: 'fraction of initial cells', unit: '1', domain: [0, 1.02] }, series });
  return { file, caption, svg };
}
