// Why this file exists: the sandbox's cell inspector. A click on a site (when clicks do not fire
// light pulses) selects it; the side panel then shows that site's status, clone, every per-cell
// variable, every extracellular field and the level of each drug of the scenario with units (read
// from the shared state), and a small
// history of ros, lipid peroxides, GSH and Ca2+ recorded from the moment of selection, sampled
// where the live plot samples (once per output.sample_every_min, while the workers are idle).
import { CELL_VARS, type CellVar, FIELDS, type SimState, STATUS_NAMES } from '../model/layout';
import { formatClock, formatLength } from '../render/overlays';
import { clearCanvas } from './plot';

/** the variables kept in the selected site's history, with their line colours */
export const HISTORY_VARS = [
  { name: 'ros', rgb: '#f0e442' },
  { name: 'lpo', rgb: '#e69f00' },
  { name: 'gsh', rgb: '#56b4e9' },
  { name: 'ca', rgb: '#cc79a7' },
] as const satisfies readonly { name: CellVar; rgb: string }[];

export interface SiteHistory {
  t_min: number[];
  ros: number[];
  lpo: number[];
  gsh: number[];
  ca: number[];
}

export interface Selection {
  x: number;
  y: number;
  /** index into the per-site arrays (y * width + x) */
  i: number;
}

const fmt = (v: number) => {
  if (Number.isNaN(v)) return '–';
  const a = Math.abs(v);
  return a !== 0 && (a < 1e-3 || a >= 1e5) ? v.toExponential(3) : String(+v.toPrecision(4));
};

/** A row of the inspector's "drugs here" group. */
export interface DrugRow {
  name: string;
  value: number;
  unit: string;
  doc: string;
}

export class CellInspector {
  selected: Selection | null = null;
  /** the level of each drug of the running scenario at site i (set by the panel), none by default */
  drugRows: ((i: number) => DrugRow[]) | null = null;
  readonly history: SiteHistory = { t_min: [], ros: [], lpo: [], gsh: [], ca: [] };
  private every = 5;
  private site_um = 1;
  private dirty = true;

  constructor(
    private readonly panel: HTMLElement,
    private readonly canvas: HTMLCanvasElement,
  ) {}

  /** a new simulation (scenario or seed): drop the selection */
  reset(sample_every_min: number, site_um: number): void {
    this.every = sample_every_min;
    this.site_um = site_um;
    this.selected = null;
    this.clearHistory();
  }

  private clearHistory(): void {
    for (const k of Object.keys(this.history) as (keyof SiteHistory)[]) this.history[k].length = 0;
    this.dirty = true;
  }

  /** Select the site at (x_um, y_um) and start its history now; null (nothing selected) off the lattice. */
  select(st: SimState, x_um: number, y_um: number, t_min: number): Selection | null {
    const x = Math.floor(x_um / this.site_um);
    const y = Math.floor(y_um / this.site_um);
    if (x < 0 || y < 0 || x >= st.width || y >= st.height) return null;
    this.selected = { x, y, i: y * st.width + x };
    this.clearHistory();
    this.sample(st, t_min);
    return this.selected;
  }

  /** Record the selected site's history at t_min if a sample interval passed (call while the state is consistent). */
  sample(st: SimState, t_min: number): boolean {
    const s = this.selected;
    if (!s) return false;
    const ts = this.history.t_min;
    const last = ts.length ? ts[ts.length - 1] : Number.NEGATIVE_INFINITY;
    if (t_min < last) this.clearHistory();
    else if (t_min - last < this.every - 1e-9) return false;
    ts.push(t_min);
    for (const v of HISTORY_VARS) this.history[v.name].push(st.cell[v.name][s.i]);
    this.dirty = true;
    return true;
  }

  /** Rewrite the panel from the state (a few times per second) and redraw the history if it changed. */
  render(st: SimState | null): void {
    const s = this.selected;
    this.panel.hidden = !s || !st;
    if (!s || !st) return;
    const rows: string[][] = [];
    rows.push(['site x, y', `${s.x}, ${s.y}`, '']);
    rows.push(['at', `${formatLength(s.x * this.site_um)}, ${formatLength(s.y * this.site_um)}`, '']);
    rows.push(['status', STATUS_NAMES[st.status[s.i]] ?? String(st.status[s.i]), '']);
    rows.push(['clone', String(st.clone[s.i]), '']);
    const table = document.createElement('table');
    const add = (cells: string[], title = '', cls = '') => {
      const tr = document.createElement('tr');
      if (cls) tr.className = cls;
      if (title) tr.title = title;
      for (const c of cells) {
        const td = document.createElement('td');
        td.textContent = c;
        tr.appendChild(td);
      }
      table.appendChild(tr);
    };
    for (const r of rows) add(r);
    add(['cell', '', ''], '', 'group');
    for (const v of CELL_VARS) add([v.name, fmt(st.cell[v.name][s.i]), v.unit], v.doc);
    add(['fields here', '', ''], '', 'group');
    for (const f of FIELDS) add([f.name, fmt(st.field[f.name][s.i]), f.unit], f.doc);
    const drugs = this.drugRows?.(s.i) ?? [];
    if (drugs.length) {
      add(['drugs here', '', ''], '', 'group');
      for (const d of drugs) add([d.name, fmt(d.value), d.unit], d.doc);
    }
    const key = document.createElement('div');
    key.className = 'hint';
    for (const v of HISTORY_VARS) {
      const span = document.createElement('span');
      span.style.color = v.rgb;
      span.textContent = `\u25ac ${v.name}  `;
      key.appendChild(span);
    }
    const h = this.history;
    key.append(h.t_min.length ? `since ${formatClock(h.t_min[0])} (each scaled to its max)` : '');
    const body = this.panel.querySelector('.inspect-body') ?? this.panel;
    body.replaceChildren(table, key);
    this.draw();
  }

  private draw(): void {
    if (!this.dirty) return;
    this.dirty = false;
    const ctx = clearCanvas(this.canvas, 70);
    if (!ctx) return;
    const { g, cssW, cssH } = ctx;
    const pad = 4;
    const w = cssW - 2 * pad;
    const hh = cssH - 2 * pad;
    g.strokeStyle = '#3a3c47';
    g.lineWidth = 1;
    g.strokeRect(pad + 0.5, pad + 0.5, w, hh);
    const ts = this.history.t_min;
    if (ts.length < 1) return;
    const t0 = ts[0];
    const span = Math.max(ts[ts.length - 1] - t0, this.every);
    g.lineWidth = 1.5;
    for (const v of HISTORY_VARS) {
      const ys = this.history[v.name];
      let max = 0;
      for (const y of ys) if (Number.isFinite(y)) max = Math.max(max, Math.abs(y));
      if (max === 0) max = 1;
      g.strokeStyle = v.rgb;
      g.beginPath();
      for (let k = 0; k < ys.length; k++) {
        const X = pad + (w * (ts[k] - t0)) / span;
        const Y = pad + hh - (hh * (Number.isFinite(ys[k]) ? ys[k] : 0)) / max;
        if (k === 0) g.moveTo(X, Y);
        else g.lineTo(X, Y);
      }
      g.stroke();
    }
  }
}
