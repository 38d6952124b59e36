// Why this file exists: the files of a run folder, each self-describing: the resolved scenario
// (with seed and version) first, the time series streamed as it is sampled, the summary and the
// optional per-cell table at the end, written atomically (temp file + rename).
import { appendFileSync, existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MEAN_VARS, type Sample } from '../analysis/observables';
import { CELL_VARS, STATUS_NAMES, type SimState } from '../model/layout';
import type { ResolvedScenario } from '../model/scenario';

export function writeAtomic(path: string, text: string): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

export function prepareOutDir(dir: string, force: boolean): void {
  if (existsSync(join(dir, 'summary.json')) && !force) {
    throw new Error(`${dir} already holds a finished run (summary.json); choose another --out or pass --force to overwrite it`);
  }
  mkdirSync(dir, { recursive: true });
}

export function writeResolvedScenario(dir: string, sc: ResolvedScenario): void {
  writeAtomic(join(dir, 'scenario.resolved.json'), `${JSON.stringify(sc, null, 2)}\n`);
}

const UNITS: Record<string, string> = Object.fromEntries(CELL_VARS.map((v) => [v.name, v.unit]));

export function timeseriesHeader(): string {
  return ['t_min', 'alive', 'dying', 'dead', 'necrotic', 'hypoxic', 'committed_total', 'necrotic_total', 'births_total', ...MEAN_VARS.map((v) => `mean_${v}_${UNITS[v].replace(/[^A-Za-z0-9.]/g, '')}`), 'mean_o2_uM', 'front_um'].join(',');
}

export function timeseriesRow(s: Sample): string {
  const f = (x: number | null) => (x === null || !Number.isFinite(x) ? '' : String(Number(x.toPrecision(7))));
  return [f(s.t_min), s.alive, s.dying, s.dead, s.necrotic, s.hypoxic, s.committed_total, s.necrotic_total, s.births_total, ...MEAN_VARS.map((v) => f(s.means[v])), f(s.means.o2), f(s.front_um)].join(',');
}

export class TimeseriesWriter {
  private readonly path: string;
  constructor(dir: string) {
    this.path = join(dir, 'timeseries.csv');
    writeFileSync(this.path, `${timeseriesHeader()}\n`);
  }
  add(s: Sample): void {
    appendFileSync(this.path, `${timeseriesRow(s)}\n`);
  }
}

/** One row per site: position, fate, death time and the final per-cell state. */
export function writeCellsCsv(dir: string, st: SimState, site_um: number): void {
  const vars = CELL_VARS.filter((v) => v.name !== 't_dying' && v.name !== 't_dead');
  const lines = [['x_um', 'y_um', 'status', 't_death_min', 't_dying_min', 'clone', ...vars.map((v) => v.name)].join(',')];
  const fmt = (x: number) => (Number.isFinite(x) ? String(Number(x.toPrecision(6))) : '');
  for (let y = 0; y < st.height; y++) {
    for (let x = 0; x < st.width; x++) {
      const i = y * st.width + x;
      lines.push([((x + 0.5) * site_um).toString(), ((y + 0.5) * site_um).toString(), STATUS_NAMES[st.status[i]], fmt(st.cell.t_dead[i]), fmt(st.cell.t_dying[i]), String(st.clone[i]), ...vars.map((v) => fmt(st.cell[v.name][i]))].join(','));
    }
  }
  writeAtomic(join(dir, 'cells.csv'), `${lines.join('\n')}\n`);
}
