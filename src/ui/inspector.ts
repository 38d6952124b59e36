// Why this file exists: the sandbox's cell inspector. A click on a site (when clicks do not fire
// light pulses) selects it; the side panel then shows that site's status, clone, every per-cell
// variable, every extracellular field and the level of each drug of the scenario with units (read
// from the shared state), and the history of any of its variables as a chart (time-chart.ts: axes
// with units, the value under the cursor), exportable as CSV: recorded live from the moment of selection (where the live plot samples: once per
// output.sample_every_min, while the workers are idle) and filled in from t = 0 by a replay of the
// run (site-replay.ts, started by the panel).
import { CELL_VARS, FIELDS, type SimState, STATUS_NAMES } from '../model/layout';
import { formatClock, formatLength } from '../render/overlays';
import { type ChartSpec, TimeChart, valueText } from './time-chart';
import { emptyHistory, HISTORY_NAMES, historyCsv, type SiteHistory } from './site-replay';

/** the variables of the first history plots (the choice offers all of HISTORY_NAMES), with their line colours */
export const HISTORY_VARS = [
  { name: 'ros', rgb: '#f0e442' },
  { name: 'lpo', rgb: '#e69f00' },
  { name: 'gsh', rgb: '#56b4e9' },
  { name: 'ca', rgb: '#cc79a7' },
] as const;

export type { SiteHistory } from './site-replay';

const HISTORY_COLOUR = '#e69f00';

const UNITS = new Map<string, string>([...CELL_VARS.map((v) => [v.name, v.unit] as const), ...FIELDS.map((f) => [f.name, f.unit] as const)]);

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
  readonly history: SiteHistory = emptyHistory();
  /** where the history starts: 'selection' (live only so far) or 'replay' (filled in from t = 0) */
  historyFrom: 'selection' | 'replay' = 'selection';
  /** the replay's progress line (set by the panel) */
  replayNote = '';
  private every = 5;
  private site_um = 1;
  private dirty = true;
  private readonly varSel: HTMLSelectElement | null;
  private readonly csvLink: HTMLAnchorElement | null;
  private csvUrl = '';
  /** the history of the chosen variable */
  readonly chart: TimeChart;

  constructor(
    private readonly panel: HTMLElement,
    chartHost: HTMLElement,
  ) {
    this.varSel = panel.querySelector<HTMLSelectElement>('#inspect-var');
    this.csvLink = panel.querySelector<HTMLAnchorElement>('#inspect-csv');
    this.chart = new TimeChart({ host: chartHost, height: 110, tip: (k) => this.tipText(k) }, historySpec('lpo'));
    if (this.varSel) {
      for (const n of HISTORY_NAMES) this.varSel.add(new Option(`${n} (${UNITS.get(n)})`, n));
      this.varSel.value = 'lpo';
      this.varSel.addEventListener('change', () => {
        this.dirty = true;
        this.draw();
      });
    }
  }

  /** a new simulation (scenario or seed): drop the selection */
  reset(sample_every_min: number, site_um: number): void {
    this.every = sample_every_min;
    this.site_um = site_um;
    this.selected = null;
    this.clearHistory();
  }

  private clearHistory(): void {
    for (const k of Object.keys(this.history) as (keyof SiteHistory)[]) this.history[k].length = 0;
    this.chart.reset();
    this.historyFrom = 'selection';
    this.replayNote = '';
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
    for (const v of CELL_VARS) this.history[v.name].push(st.cell[v.name][s.i]);
    for (const f of FIELDS) this.history[f.name].push(st.field[f.name][s.i]);
    this.dirty = true;
    return true;
  }

  /**
   * Put a replayed history before the live one: its samples at least one interval before the first
   * live sample (so samples stay an interval apart). False when the live history no longer starts
   * where the replay ended (the run was reset or restored meanwhile).
   */
  prepend(replayed: SiteHistory, until_min: number): boolean {
    const h = this.history;
    if (!h.t_min.length || Math.abs(h.t_min[0] - until_min) > 1e-9) return false;
    const first = h.t_min[0];
    let n = 0;
    while (n < replayed.t_min.length && replayed.t_min[n] <= first - this.every + 1e-9) n++;
    for (const k of Object.keys(h) as (keyof SiteHistory)[]) h[k].unshift(...replayed[k].slice(0, n));
    this.chart.reset();
    this.historyFrom = 'replay';
    this.dirty = true;
    return true;
  }

  /** the history as CSV (t_min and every variable with its unit) */
  csv(): string {
    return historyCsv(this.history);
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
    const h = this.history;
    key.textContent = h.t_min.length
      ? `history from ${formatClock(h.t_min[0])}${this.historyFrom === 'replay' ? ' (replayed from t = 0)' : ' (since the selection)'}${this.replayNote ? `; ${this.replayNote}` : ''}`
      : '';
    const body = this.panel.querySelector('.inspect-body') ?? this.panel;
    body.replaceChildren(key, table);
    this.draw();
  }

  /** the variable the history chart shows */
  private shownVar(): keyof SiteHistory {
    const v = this.varSel?.value ?? 'lpo';
    return (v in this.history ? v : 'lpo') as keyof SiteHistory;
  }

  /** The tip over sample k of the history: its time and the chosen variable's value with its unit. */
  tipText(k: number): string | null {
    const h = this.history;
    if (k < 0 || k >= h.t_min.length) return null;
    const name = this.shownVar();
    return `${formatClock(h.t_min[k])}: ${String(name)} ${valueText(h[name][k], UNITS.get(String(name)) ?? '')}`;
  }

  private draw(): void {
    if (!this.dirty) return;
    this.dirty = false;
    if (this.csvLink) {
      if (this.csvUrl) URL.revokeObjectURL(this.csvUrl);
      this.csvUrl = URL.createObjectURL(new Blob([this.csv()], { type: 'text/csv' }));
      this.csvLink.href = this.csvUrl;
      if (this.selected) this.csvLink.download = `site-${this.selected.x}-${this.selected.y}.csv`;
    }
    const ts = this.history.t_min;
    const name = this.shownVar();
    const t0 = ts.length ? ts[0] : 0;
    const t1 = ts.length ? Math.max(ts[ts.length - 1], t0 + this.every) : this.every;
    this.chart.configure(historySpec(String(name)));
    this.chart.setRange(t0, t1);
    this.chart.update([ts, this.history[name]]);
  }
}

/** the history chart's axis and line for a variable or field */
function historySpec(name: string): ChartSpec {
  const unit = UNITS.get(name) ?? '';
  return { yLabel: `${name} (${unit})`, lines: [{ label: name, unit, colour: HISTORY_COLOUR }] };
}
