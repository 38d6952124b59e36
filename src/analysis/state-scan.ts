// Why this file exists: a run must stop at the first garbage number in its state, not report a
// mean at the end (issue 15, "never garbage"). This scans a simulation's state for the first value
// that is NaN, infinite or negative (every per-cell variable, field and drug field is an amount, a
// concentration, a fraction or a time), and says which variable (with its unit from the layout's
// registries), which site (column, row, position in um as cells.csv gives it) and when. Plain
// loops over the typed arrays: it runs at every sample of a run, each worker scanning the chunks of
// rows (engine.ts Engine.scan), so it costs the run a fraction of a step.
import { AUX_VARS, ALIVE, CELL_VARS, DYING, FIELDS, STATUS_NAMES, type SimState } from '../model/layout';
import type { Simulation } from '../model/simulation';

/** Where a bad value sits in the state: a per-cell variable, a field, a drug's field or a rate of the fast block. */
export type StateGroup = 'cell' | 'field' | 'drug' | 'aux';

/** The first value of a state that is not a finite non-negative number. */
export interface BadValue {
  group: StateGroup;
  /** the variable's name in the state (st.cell.ros: 'ros'; a drug's field: the agent's id) */
  name: string;
  unit: string;
  value: number;
  /** site index (row-major) and its column and row */
  site: number;
  x: number;
  y: number;
  /** the site's centre, um (as cells.csv's x_um, y_um) */
  x_um: number;
  y_um: number;
  /** the site's status (alive, dying, empty, ...) */
  status: string;
  /** simulated time of the state, min */
  t_min: number;
  /** rank of the variable in the scan's order (per-cell variables, fields, drug fields, rates) */
  order: number;
}

/** Drug fields hold extracellular concentrations (layout.ts SimState.drug). */
const DRUG_UNIT = 'uM';
/** Variables that hold a time, NaN until the event by design (only a value once set is checked). */
const TIMES: ReadonlySet<string> = new Set(['t_dying', 't_dead']);

/** Index of the first value of `a` in [from, to) that is NaN, infinite or negative, or -1. */
function firstBad(a: Float32Array, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const v = a[i];
    if (!(v >= 0 && v < Number.POSITIVE_INFINITY)) return i;
  }
  return -1;
}

/** The same for a time: NaN (not yet) is fine, a negative or infinite time is not. */
function firstBadTime(a: Float32Array, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const v = a[i];
    if (v < 0 || v === Number.POSITIVE_INFINITY) return i;
  }
  return -1;
}

/** The same over living (alive or dying) cells only: the fast block's rates are not kept up at other sites. */
function firstBadLiving(a: Float32Array, status: Uint8Array, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const v = a[i];
    if (!(v >= 0 && v < Number.POSITIVE_INFINITY) && (status[i] === ALIVE || status[i] === DYING)) return i;
  }
  return -1;
}

/**
 * The first bad value of the state `st` (sites of `site_um`, at `t_min`) among the sites [from,
 * to) (a worker's chunk of rows; all by default), or null: the per-cell variables in their
 * registry's order, then the fields, the drug fields, and the rates of the fast block (aux) at
 * living cells; within one variable the lowest site index. `order` ranks it in that order, so
 * the first of several bands is `earliest` of theirs.
 */
export function firstBadValue(st: SimState, site_um: number, t_min: number, from = 0, to = st.n): BadValue | null {
  let order = 0;
  const found = (group: StateGroup, name: string, unit: string, a: Float32Array, site: number): BadValue => {
    const x = site % st.width;
    const y = Math.floor(site / st.width);
    return {
      group,
      name,
      unit,
      value: a[site],
      site,
      x,
      y,
      x_um: (x + 0.5) * site_um,
      y_um: (y + 0.5) * site_um,
      status: STATUS_NAMES[st.status[site]] ?? `status ${st.status[site]}`,
      t_min,
      order,
    };
  };
  for (const v of CELL_VARS) {
    const a = st.cell[v.name];
    const i = TIMES.has(v.name) ? firstBadTime(a, from, to) : firstBad(a, from, to);
    if (i >= 0) return found('cell', v.name, v.unit, a, i);
    order++;
  }
  for (const v of FIELDS) {
    const i = firstBad(st.field[v.name], from, to);
    if (i >= 0) return found('field', v.name, v.unit, st.field[v.name], i);
    order++;
  }
  for (const [name, a] of Object.entries(st.drug)) {
    const i = firstBad(a, from, to);
    if (i >= 0) return found('drug', name, DRUG_UNIT, a, i);
    order++;
  }
  for (const v of AUX_VARS) {
    const i = firstBadLiving(st.aux[v.name], st.status, from, to);
    if (i >= 0) return found('aux', v.name, v.unit, st.aux[v.name], i);
    order++;
  }
  return null;
}

/** The first of the bad values found in several bands (or null): the one firstBadValue of the whole state gives. */
export function earliest(found: ReadonlyArray<BadValue | null>): BadValue | null {
  let best: BadValue | null = null;
  for (const b of found) if (b && (!best || b.order < best.order || (b.order === best.order && b.site < best.site))) best = b;
  return best;
}

/** firstBadValue of a simulation's state now (call between two advances: no worker is stepping). */
export function scanSimulation(sim: Simulation): BadValue | null {
  return firstBadValue(sim.state, sim.scenario.lattice.site_um, sim.time());
}

const GROUP_WORDS: Record<StateGroup, string> = { cell: 'per-cell variable', field: 'field', drug: 'drug field', aux: 'rate' };

/** A number as the message gives it: NaN, Infinity, or 3 significant digits. */
const shown = (v: number) => (Number.isFinite(v) ? String(Number(v.toPrecision(3))) : String(v));

/**
 * The message of a bad value, e.g. `diverged: per-cell variable ros (a.u.) is NaN at x = 210 um,
 * y = 30 um (site 130: column 10, row 3, alive) at t = 10 min`.
 */
export function badValueText(b: BadValue): string {
  const what = Number.isNaN(b.value) ? 'NaN' : b.value < 0 ? `negative (${shown(b.value)})` : shown(b.value);
  return `diverged: ${GROUP_WORDS[b.group]} ${b.name} (${b.unit}) is ${what} at x = ${b.x_um} um, y = ${b.y_um} um (site ${b.site}: column ${b.x}, row ${b.y}, ${b.status}) at t = ${Number(b.t_min.toPrecision(12))} min`;
}
