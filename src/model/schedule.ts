// Why this file exists: evaluates the scenario's treatments on the lattice at a given step.
// For each row it yields the runs of sites that share one set of covering treatments, with the
// target values for that set (cached), and it lists the pulses (light, H2O2) that fire this step.
// In tumours, drugs diffuse: their concentration at a site comes from its drug field, quantised
// in steps of 4% so that runs of similar sites share one set of target values.
// Pure and deterministic: the same (scenario, step, row, fields) always gives the same answer.
import type { AgentId } from './agents';
import { AGENTS, isGeneticAgent, isPulseAgent } from './agents';
import { actionValue, type MediumBase, targetValues } from './effects';
import { ALIVE, DYING } from './layout';
import { exp, log } from './math';
import { fromWords, highWord, lowWord } from './math/bits';
import { type Runs, regionRuns } from './region';
import type { Region, ResolvedScenario } from './scenario';
import { TARGETS } from './targets';

interface Placed {
  agent: AgentId;
  region: Region | null;
  pulse: boolean;
  /** a diffusing drug (tumours): reaches cells through its field, not by region */
  diffusing: boolean;
}

/** Concentrations are quantised as round(QUANT * ln(c)); below C_MIN a drug counts as absent (NO_DRUG). */
const QUANT = 25;
const C_MIN = 1e-4;
const NO_DRUG = -100000;
/** the quantum of a drug level (uM) */
const quantum = (c: number) => (c > C_MIN ? Math.round(QUANT * log(c)) : NO_DRUG);
/** margin (in quanta) inside a quantum's edges within which splitByDrugs skips the logarithm */
const Q_MARGIN = 1e-6;

/** the levels surely inside quantum q: [lower, upper] */
const quantumLower = (q: number) => (q === NO_DRUG ? Number.NEGATIVE_INFINITY : Math.max(exp((q - 0.5 + Q_MARGIN) / QUANT), C_MIN * (1 + Q_MARGIN)));
const quantumUpper = (q: number) => (q === NO_DRUG ? C_MIN : exp((q + 0.5 - Q_MARGIN) / QUANT));
/** quanta with their bounds tabulated (Schedule.bounds): levels from ~1e-9 to ~1e9 uM */
const Q_TABLE = 1024;
const LN2 = Math.LN2;

/**
 * QUANT ln(c) for c > C_MIN to within 0.03 (a cubic in the fraction of c's binary exponent): a
 * guess at c's quantum, which Schedule.quantumOf checks against the tabulated bounds, so its last
 * bits never decide anything
 */
function quantGuess(c: number): number {
  const hw = highWord(c);
  const e = (hw >>> 20) - 1023;
  const x = fromWords((hw & 0x000fffff) | 0x3ff00000, lowWord(c)) - 1;
  return QUANT * LN2 * (e + x * (1.42349497 + x * (-0.58777239 + x * 0.16559264)));
}

/** Agents that diffuse through tumour tissue: those with a drug-like action (inhibit or saturating). */
export function diffusingAgents(sc: ResolvedScenario): AgentId[] {
  if (sc.tissue.kind !== 'tumour') return [];
  const out: AgentId[] = [];
  for (const t of sc.treatments) {
    if (isGeneticAgent(t.agent) || out.includes(t.agent)) continue;
    if (AGENTS[t.agent].actions.some((a) => TARGETS[a.target].kind === 'inhibit' || TARGETS[a.target].kind === 'saturating')) out.push(t.agent);
  }
  return out;
}

export interface Segment {
  x0: number;
  x1: number;
  targets: Float64Array;
}

/** a quantum's index in a table of Q_TABLE + 1 (the last: no drug), or -1 outside it */
function tableIndex(q: number): number {
  if (q === NO_DRUG) return Q_TABLE;
  const t = q + Q_TABLE / 2;
  return t >= 0 && t < Q_TABLE ? t : -1;
}

/** drugs whose tabulated quanta fit one number as a key (1025^5 < 2^53) */
const KEY_DRUGS = 5;

/**
 * The key of quantised drug levels in a DrugSlot's byKey: one number when every level is in the
 * table (no string is made per segment: a tumour painted with a second drug cuts its rows into
 * about a segment per site), else the levels joined.
 */
function drugLevelsKey(drugQ: readonly number[]): number | string {
  if (drugQ.length <= KEY_DRUGS) {
    let key = 0;
    for (let k = drugQ.length - 1; k >= 0; k--) {
      const t = tableIndex(drugQ[k]);
      if (t < 0) return drugQ.join(',');
      key = key * (Q_TABLE + 1) + t;
    }
    return key;
  }
  return drugQ.join(',');
}

/** target values of one covering set by quantised drug levels: one drug's by quantum (index q + Q_TABLE / 2, NO_DRUG at Q_TABLE), else by key */
interface DrugSlot {
  byT: (Float64Array | undefined)[];
  byKey: Map<number | string, Float64Array>;
}

/** receives the segments of a row in order: sites [x0, x1) take `targets` */
export type SegmentSink = (x0: number, x1: number, targets: Float64Array) => void;

export interface PulseEvent {
  target: 'ros_burst' | 'oxidant_bolus';
  /** amount added per step while active (a bolus is one step) */
  amount: number;
  /** the treatment's index, for runsOf() */
  treatment: number;
}

export interface LocalDrug {
  /** index of the drug's field (diffusingAgents order) */
  field: number;
  /** uM */
  amount: number;
  /** the treatment's index, for runsOf() */
  treatment: number;
}

/** steps [lo, hi) with the same active treatments, and what they give (Schedule.spanOf) */
interface Span {
  lo: number;
  hi: number;
  global: Float64Array;
  local: readonly LocalDrug[];
  pulses: readonly PulseEvent[];
}

export class Schedule {
  private readonly placed: Placed[];
  /**
   * each placed treatment's dose (uM or its agent's unit), first step and first step no longer
   * active (Infinity = never ends). Typed arrays, not fields of `placed`: a dose of 2 in one run and
   * 2.5 in the next would change the objects' hidden class (V8 stores small integers differently)
   * and deoptimise the code that reads them, once per sweep.
   */
  private readonly amount: Float64Array;
  private readonly startStep: Float64Array;
  private readonly endStep: Float64Array;
  private readonly cache = new Map<string, Float64Array>();
  /** target values by covering set, then by quantised drug levels (tumours) */
  private readonly drugCache = new Map<string, DrugSlot>();
  private drugCacheSize = 0;
  /** quantumLower and quantumUpper of quantum t - Q_TABLE / 2 at 2t and 2t + 1, worked out when first needed (NaN before) */
  private readonly bounds = new Float64Array(2 * Q_TABLE).fill(Number.NaN);
  /** the runs of a treatment without a region (read-only) */
  private readonly wholeRow: Runs;
  /** covered runs per treatment and row */
  private readonly runCache = new Map<number, Runs[]>();
  /** each row's segments by active set (no drug fields), and the active set of the last step asked */
  private readonly rowCache = new Map<string, Segment[][]>();
  private activeStep = -1;
  private active: number[] = [];
  private activeKey = '';
  private readonly site: number;
  /** the last span asked for (none yet) */
  private span: Span = { lo: 1, hi: 0, global: new Float64Array(0), local: [], pulses: [] };

  private readonly drugs: AgentId[];

  constructor(
    private readonly sc: ResolvedScenario,
    private readonly base: MediumBase,
  ) {
    this.drugs = diffusingAgents(sc);
    const dt = sc.numerics.dt_min;
    this.site = sc.lattice.site_um;
    this.wholeRow = [[0, sc.lattice.width]];
    this.placed = [];
    const amount: number[] = [];
    const startSteps: number[] = [];
    const endSteps: number[] = [];
    for (const t of sc.treatments) {
      if (isGeneticAgent(t.agent)) continue;
      const spec = AGENTS[t.agent];
      const pulse = isPulseAgent(t.agent);
      const startStep = Math.round(t.start_min / dt);
      const endStep = t.end_min === null ? (pulse ? startStep + 1 : Number.POSITIVE_INFINITY) : Math.max(startStep + 1, Math.round(t.end_min / dt));
      this.placed.push({ agent: t.agent, region: t.region, pulse, diffusing: this.drugs.includes(t.agent) });
      amount.push((spec.dose_key === 'uM' ? t.uM : t.dose) ?? spec.default_dose);
      startSteps.push(startStep);
      endSteps.push(endStep);
    }
    this.amount = Float64Array.from(amount);
    this.startStep = Float64Array.from(startSteps);
    this.endStep = Float64Array.from(endSteps);
  }

  /** Steps at which a non-pulse treatment starts or ends (the slow block reruns there). */
  changeSteps(): Set<number> {
    const out = new Set<number>();
    for (let k = 0; k < this.placed.length; k++) {
      if (this.placed[k].pulse) continue;
      out.add(this.startStep[k]);
      if (Number.isFinite(this.endStep[k])) out.add(this.endStep[k]);
    }
    return out;
  }

  /** Runs of row y covered by a region (site centres inside it); null = the whole row. */
  cover(region: Region | null, y: number): Runs {
    return regionRuns(region, y, this.sc.lattice.width, this.site);
  }

  /** cover() of treatment k's region, cached per row (strokes have many points; rows are asked every step). */
  runsOf(k: number, y: number): Runs {
    const p = this.placed[k];
    if (!p.region) return this.wholeRow;
    let rows = this.runCache.get(k);
    if (!rows) {
      rows = new Array(this.sc.lattice.height);
      this.runCache.set(k, rows);
    }
    let r = rows[y];
    if (!r) {
      r = this.cover(p.region, y);
      rows[y] = r;
    }
    return r;
  }

  /**
   * Runs of row y with constant treatment exposure at step `step`. `drugFields` (tumours) are the
   * fields of diffusingAgents(), in that order. With `status`, only the living sites (alive or
   * dying) of a run are sure to get the targets of their own drug levels: the others take those of
   * the run they fall in (for callers to whom their targets do not matter: the slow block in a
   * tumour), so that empty tissue through which drugs diffuse is not cut into many runs.
   */
  segments(y: number, step: number, drugFields: readonly Float32Array[] = [], status: Uint8Array | null = null): Segment[] {
    const active = this.activeAt(step);
    // without drug fields a row's runs depend only on the active set: computed once per set
    if (drugFields.length === 0) {
      let rows = this.rowCache.get(this.activeKey);
      if (!rows) {
        if (this.rowCache.size >= 8) this.rowCache.clear();
        rows = new Array(this.sc.lattice.height);
        this.rowCache.set(this.activeKey, rows);
      }
      let r = rows[y];
      if (!r) {
        r = this.computeSegments(y, active, drugFields);
        rows[y] = r;
      }
      return r;
    }
    return this.computeSegments(y, active, drugFields, status);
  }

  /**
   * The segments of sites [x0, x1) of row y at step `step`, cut by covering treatments and by the
   * quantised levels of `drugFields` at the living sites (alive or dying) only: each living site
   * gets the targets of its own levels, as segments() gives them; the others take those of the
   * segment they fall in (callers for whom their targets do not matter: every block of a cell
   * but the medium exchange of the slow block, whose bath levels no diffusing drug changes).
   */
  segmentsIn(y: number, step: number, x0: number, x1: number, drugFields: readonly Float32Array[], status: Uint8Array): Segment[] {
    const out: Segment[] = [];
    this.computeSegments(y, this.activeAt(step), drugFields, status, x0, x1, (a, b, targets) => out.push({ x0: a, x1: b, targets }));
    return out;
  }

  /** segmentsIn's segments handed to `emit` in order, without a list (a tumour's rows have one per living site or so) */
  eachSegmentIn(y: number, step: number, x0: number, x1: number, drugFields: readonly Float32Array[], status: Uint8Array, emit: SegmentSink): void {
    this.computeSegments(y, this.activeAt(step), drugFields, status, x0, x1, emit);
  }

  /** whether placed treatment k is active at `step` */
  private activeOn(k: number, step: number): boolean {
    return step >= this.startStep[k] && step < this.endStep[k];
  }

  /** Indices of the non-pulse, non-diffusing treatments active at `step` (kept for the last step asked). */
  private activeAt(step: number): number[] {
    if (step === this.activeStep) return this.active;
    const active: number[] = [];
    for (let k = 0; k < this.placed.length; k++) {
      const p = this.placed[k];
      if (!p.pulse && !p.diffusing && this.activeOn(k, step)) active.push(k);
    }
    this.activeStep = step;
    this.active = active;
    this.activeKey = active.join(',');
    return active;
  }

  private computeSegments(
    y: number,
    active: number[],
    drugFields: readonly Float32Array[],
    status: Uint8Array | null = null,
    lo = 0,
    hi: number = this.sc.lattice.width,
    sink: SegmentSink | null = null,
  ): Segment[] {
    const W = this.sc.lattice.width;
    const ranges = active.map((k) => this.runsOf(k, y));
    const cuts = new Set<number>([lo, hi]);
    for (const runs of ranges)
      for (const [a, b] of runs) {
        if (a > lo && a < hi) cuts.add(a);
        if (b > lo && b < hi) cuts.add(b);
      }
    const xs = [...cuts].sort((a, b) => a - b);
    const out: Segment[] = [];
    const emit: SegmentSink = sink ?? ((a, b, targets) => out.push({ x0: a, x1: b, targets }));
    for (let i = 0; i + 1 < xs.length; i++) {
      const x0 = xs[i];
      const x1 = xs[i + 1];
      if (x1 <= x0) continue;
      const covering: number[] = [];
      for (let j = 0; j < active.length; j++) if (ranges[j].some(([a, b]) => a <= x0 && x1 <= b)) covering.push(active[j]);
      if (drugFields.length === 0) emit(x0, x1, this.targetsFor(covering));
      else this.splitByDrugs(emit, covering, x0, x1, y * W, drugFields, status);
    }
    return out;
  }

  /**
   * Cuts [x0, x1) where the quantised local drug concentrations change. A site whose level lies
   * well inside its neighbour's quantum (bounds with a margin far above the rounding of log and
   * exp) is in the same one without a logarithm; only sites near a quantum's edge take one.
   * With `status`, sites neither alive nor dying never cut: a run takes the levels of its first
   * living site (of its first site when it has none).
   */
  private splitByDrugs(
    emit: SegmentSink,
    covering: number[],
    x0: number,
    x1: number,
    row: number,
    fields: readonly Float32Array[],
    status: Uint8Array | null,
  ): void {
    const n = fields.length;
    const coverKey = covering.join(',');
    const slot = this.drugSlot(coverKey);
    const cur: number[] = [];
    const lo = new Float64Array(n),
      hi = new Float64Array(n);
    this.enterQuanta(fields, row + x0, cur, lo, hi);
    let start = x0;
    /** whether the run from `start` holds a site whose targets matter */
    let anyLive = status === null || status[row + x0] === ALIVE || status[row + x0] === DYING;
    for (let x = x0 + 1; x < x1; x++) {
      if (status !== null) {
        const s = status[row + x];
        if (s !== ALIVE && s !== DYING) continue;
        if (!anyLive) {
          // the first living site of the run: the run takes its levels
          this.enterQuanta(fields, row + x, cur, lo, hi);
          anyLive = true;
          continue;
        }
      }
      // the first drug whose level left its quantum's bounds, with its new quantum (-1: none did)
      let k = 0;
      let q = 0;
      for (; k < n; k++) {
        const c = fields[k][row + x];
        if (c >= lo[k] && c <= hi[k]) continue;
        q = this.quantumNear(c, cur[k]);
        if (q !== cur[k]) break;
      }
      if (k === n) continue;
      emit(start, x, this.drugTargetsFor(slot, covering, cur));
      // the site's quanta: drug k's is q, those before it are unchanged, those after it are worked out
      this.setQuantum(k, q, cur, lo, hi);
      for (let j = k + 1; j < n; j++) this.setQuantum(j, this.quantumNear(fields[j][row + x], cur[j]), cur, lo, hi);
      start = x;
    }
    emit(start, x1, this.drugTargetsFor(slot, covering, cur));
  }

  /** drug k's quantum is q (into cur) with the levels surely inside it (lo, hi) */
  private setQuantum(k: number, q: number, cur: number[], lo: Float64Array, hi: Float64Array): void {
    cur[k] = q;
    const t = q + Q_TABLE / 2;
    if (t >= 0 && t < Q_TABLE) {
      this.tabulate(t);
      lo[k] = this.bounds[2 * t];
      hi[k] = this.bounds[2 * t + 1];
    } else {
      lo[k] = quantumLower(q);
      hi[k] = quantumUpper(q);
    }
  }

  /**
   * quantum(c) for a level c near quantum `near` (the previous site's: drug gradients move a few
   * quanta from one site to the next): the quantum within two of it whose tabulated bounds hold c,
   * else quantumOf(c)
   */
  private quantumNear(c: number, near: number): number {
    if (c > C_MIN && near !== NO_DRUG) {
      const b = this.bounds;
      for (let d = 1; d <= 4; d++) {
        const t = near + (d & 1 ? (d + 1) >> 1 : -(d >> 1)) + Q_TABLE / 2;
        if (t < 0 || t >= Q_TABLE) continue;
        this.tabulate(t);
        if (c >= b[2 * t] && c <= b[2 * t + 1]) return t - Q_TABLE / 2;
      }
    }
    return this.quantumOf(c);
  }

  /** the quanta of the drug levels at site i (into cur), and the levels surely inside them (lo, hi) */
  private enterQuanta(fields: readonly Float32Array[], i: number, cur: number[], lo: Float64Array, hi: Float64Array): void {
    for (let k = 0; k < fields.length; k++) this.setQuantum(k, this.quantumOf(fields[k][i]), cur, lo, hi);
  }

  /** the bounds of quantum t - Q_TABLE / 2 into the table, if not there yet */
  private tabulate(t: number): void {
    const b = this.bounds;
    if (!Number.isNaN(b[2 * t])) return;
    const q = t - Q_TABLE / 2;
    b[2 * t] = quantumLower(q);
    b[2 * t + 1] = quantumUpper(q);
  }

  /**
   * quantum(c) without a logarithm for most levels: the quantum of quantGuess, or of its
   * neighbours, whose tabulated bounds hold c (those bounds hold only levels of that quantum);
   * else quantum(c) itself
   */
  private quantumOf(c: number): number {
    if (!(c > C_MIN)) return NO_DRUG;
    const g = Math.round(quantGuess(c));
    const b = this.bounds;
    for (let d = 0; d < 3; d++) {
      const t = g + (d === 2 ? -1 : d) + Q_TABLE / 2;
      if (t < 0 || t >= Q_TABLE) continue;
      this.tabulate(t);
      if (c >= b[2 * t] && c <= b[2 * t + 1]) return t - Q_TABLE / 2;
    }
    return quantum(c);
  }

  /** the cache of target values of a covering set (its key), made when first needed */
  private drugSlot(coverKey: string): DrugSlot {
    let slot = this.drugCache.get(coverKey);
    if (!slot) {
      slot = { byT: [], byKey: new Map() };
      this.drugCache.set(coverKey, slot);
    }
    return slot;
  }

  /** targetsFor a covering set (its cache `slot`) and quantised drug levels, cached per set and levels */
  private drugTargetsFor(slot: DrugSlot, covering: number[], drugQ: readonly number[]): Float64Array {
    // one drug (the usual case): the cache is an array by quantum
    const t = drugQ.length === 1 ? tableIndex(drugQ[0]) : -1;
    const key = t < 0 ? drugLevelsKey(drugQ) : null;
    let v = key === null ? slot.byT[t] : slot.byKey.get(key);
    if (!v) {
      v = this.targetValuesOf(covering, drugQ);
      if (++this.drugCacheSize > 20000) {
        // forget every set's values (each is worked out again when next asked, the same bits)
        for (const other of this.drugCache.values()) {
          other.byT = [];
          other.byKey.clear();
        }
        this.drugCacheSize = 1;
      }
      if (key === null) slot.byT[t] = v;
      else slot.byKey.set(key, v);
    }
    return v;
  }

  private targetsFor(covering: number[]): Float64Array {
    const key = covering.join(',');
    let v = this.cache.get(key);
    if (!v) {
      v = this.targetValuesOf(covering);
      if (this.cache.size > 20000) this.cache.clear();
      this.cache.set(key, v);
    }
    return v;
  }

  /** the target values of the treatments `covering` and, quantised, the diffusing drugs */
  private targetValuesOf(covering: number[], drugQ?: readonly number[]): Float64Array {
    const doses = covering.map((k) => ({ agent: this.placed[k].agent, amount: this.amount[k] }));
    drugQ?.forEach((qk, k) => {
      if (qk > NO_DRUG) doses.push({ agent: this.drugs[k], amount: exp(qk / QUANT) });
    });
    return targetValues(doses, this.base, this.sc.params);
  }

  /** Concentration (uM) of a diffusing drug in the plasma/medium far away (treatments without a region). */
  globalAmount(agent: AgentId, step: number): number {
    let c = 0;
    for (let k = 0; k < this.placed.length; k++) {
      const p = this.placed[k];
      if (p.agent === agent && !p.region && this.activeOn(k, step)) c += this.amount[k];
    }
    return c;
  }

  /** Target values of the treatments without a region active at `step` (the medium far away). */
  globalTargets(step: number): Float64Array {
    return this.spanOf(step).global;
  }

  /**
   * Diffusing drugs applied to a region (tumours) active at `step`: the tissue in the region is
   * brought towards `amount` uM (simulation.ts); outside it the drug arrives by diffusion.
   */
  localDrugs(step: number): readonly LocalDrug[] {
    return this.spanOf(step).local;
  }

  /** Pulses active at this step. A pulse with an end spreads its dose over its window. */
  pulses(step: number): readonly PulseEvent[] {
    return this.spanOf(step).pulses;
  }

  /**
   * The steps around `step` between which no treatment starts or ends, with what is active there
   * (asked several times a step, by every band: worked out once per span, not per call).
   */
  private spanOf(step: number): Span {
    const sp = this.span;
    if (step >= sp.lo && step < sp.hi) return sp;
    let lo = Number.NEGATIVE_INFINITY;
    let hi = Number.POSITIVE_INFINITY;
    for (let k = 0; k < this.placed.length; k++) {
      for (const b of [this.startStep[k], this.endStep[k]]) {
        if (b <= step) lo = Math.max(lo, b);
        else hi = Math.min(hi, b);
      }
    }
    const covering: number[] = [];
    const local: LocalDrug[] = [];
    const pulses: PulseEvent[] = [];
    for (let k = 0; k < this.placed.length; k++) {
      const p = this.placed[k];
      if (!this.activeOn(k, step)) continue;
      if (!p.pulse && !p.region) covering.push(k);
      if (p.diffusing && p.region) local.push({ field: this.drugs.indexOf(p.agent), amount: this.amount[k], treatment: k });
      if (!p.pulse) continue;
      for (const a of AGENTS[p.agent].actions) {
        const kind = TARGETS[a.target].kind;
        if (kind !== 'pulse') continue;
        pulses.push({
          target: a.target as PulseEvent['target'],
          amount: (actionValue(a.max_effect, this.sc.params) * this.amount[k]) / (this.endStep[k] - this.startStep[k]),
          treatment: k,
        });
      }
    }
    this.span = { lo, hi, global: this.targetsFor(covering), local, pulses };
    return this.span;
  }
}
