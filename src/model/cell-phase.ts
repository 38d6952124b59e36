// Why this file exists: the cell phase of a step over a band of rows: locally applied drugs and
// pulses, then the per-cell blocks (kinetics.ts) where the row's living cells are. Every cell's
// update is its own (no neighbour is read but the nbr snapshot), so the blocks may run segment by
// segment or row by row: each site still gets slow, then fast, then death. They run over the runs
// of the row that hold its living cells (living-runs.ts). Between those no site has a living
// cell, and what the blocks do there does not depend on a treatment target any diffusing drug
// sets: the slow block exchanges the pericellular layer with the medium (bath levels; in a tumour
// there is no medium exchange) and clears the oxygen uptake, the fast block lets the oxidant decay
// (voidCells) and the death program does nothing. So a tumour's empty tissue and necrosis, or a
// dish after its wave, cost a plain loop. The runs are cut into segments by treatments and, in a
// tumour, by the drug levels at their living sites (each gets the targets of its own levels), but
// only where it matters: on slow steps (the slow block reads most targets), and on the other
// steps only when a drug acts on the death program. Drug gradients cut a tumour's rows into about
// a segment per living site: the slow block then runs once per run with each site's targets
// from a table (site-targets.ts), not once per segment.
import { applyPulse, deathPass, type ExchangeMatrix, fastPass, sameDeathTargets, slowPass, type StepContext, voidPass } from './kinetics';
import { relaxRow } from './field-kernels';
import { H_NECROSES, type SimState } from './layout';
import { livingRuns } from './living-runs';
import type { ParamValues } from './params';
import type { Schedule, Segment, SegmentSink } from './schedule';
import { SiteTargetTable } from './site-targets';
import { type Kernels, WASM_MIN_SITES } from './wasm/kernels';

/**
 * Sites without a living cell that a run of the row keeps inside it rather than cut it in two: a
 * run costs a call of each block (~0.1 us), a site without a cell in a block a few ns.
 */
const RUN_GAP = 32;

export interface CellPhaseSetup {
  st: SimState;
  schedule: Schedule;
  /** the kinetic parameters (a tumour's: tissue exchange, no medium) */
  kp: ParamValues;
  ex: ExchangeMatrix;
  kernel: Kernels | null;
  /** the diffusing drugs' fields (tumours), in the schedule's order */
  drugArrays: readonly Float32Array[];
  /** whether a diffusing drug acts on a target of the death program (then rows are cut by drug levels every step) */
  drugsReachDeath: boolean;
  /** a locally applied drug: the share of the gap to its concentration left after one step */
  localKeep: number;
}

export class CellPhase {
  private readonly W: number;
  private readonly statusWords: Uint32Array;
  /** the runs of the row worked on (living-runs.ts) */
  private readonly runs: Int32Array;
  /** the death program's runs of the current living run: sites [dx0, dx1) with targets dT */
  private readonly dx0: Int32Array;
  private readonly dx1: Int32Array;
  private readonly dT: Float64Array[] = [];
  private nDeath = 0;
  /** each band's borrowed table of per-site targets, made when first needed */
  private readonly tables = new Map<number, SiteTargetTable>();
  private sites: SiteTargetTable | null = null;
  /** what the step's segments go to (made once: the row loop allocates nothing per segment) */
  private readonly toDeath: SegmentSink;
  private readonly toSites: SegmentSink;
  private readonly toSlow: SegmentSink;
  /** the row offset and step context of the segments being handed out */
  private o = 0;
  private cx: StepContext | null = null;

  constructor(private readonly s: CellPhaseSetup) {
    const st = s.st;
    this.W = st.width;
    this.statusWords = new Uint32Array(st.status.buffer, st.status.byteOffset, st.n >> 2);
    this.runs = new Int32Array(2 * this.W + 2);
    this.dx0 = new Int32Array(this.W + 1);
    this.dx1 = new Int32Array(this.W + 1);
    this.toDeath = (x0, x1, T) => this.death(x0, x1, T);
    this.toSites = (x0, x1, T) => {
      this.sites!.put(x0, x1, T);
      if (this.s.drugsReachDeath) this.death(x0, x1, T);
    };
    this.toSlow = (x0, x1, T) => {
      this.slow(this.o + x0, this.o + x1, T);
      this.death(x0, x1, T);
    };
  }

  /** the cell phase of step `step` over rows [y0, y1) */
  run(y0: number, y1: number, step: number, slow: boolean, cx: StepContext): void {
    const { kernel, drugArrays } = this.s;
    this.cx = cx;
    this.sites = slow && kernel && drugArrays.length > 0 ? this.table(y0, y1) : null;
    try {
      for (let y = y0; y < y1; y++) this.row(y, step, slow, cx);
    } finally {
      this.sites?.restore();
      this.sites = null;
    }
  }

  private row(y: number, step: number, slow: boolean, cx: StepContext): void {
    const { st, schedule, kp, ex, kernel, drugArrays, drugsReachDeath, localKeep } = this.s;
    const W = this.W;
    const o = y * W;
    this.o = o;
    for (const ld of schedule.localDrugs(step)) {
      const arr = drugArrays[ld.field];
      const c = ld.amount;
      for (const [a, b] of schedule.runsOf(ld.treatment, y)) (kernel && b - a >= WASM_MIN_SITES ? kernel.relaxRow : relaxRow)(arr, o, a, b, c, localKeep);
    }
    for (const pu of schedule.pulses(step)) {
      for (const [a, b] of schedule.runsOf(pu.treatment, y)) applyPulse(st, o + a, o + b, pu.target, pu.amount);
    }
    const cov = schedule.segments(y, step);
    const runs = this.runs;
    const nRuns = livingRuns(st.status, this.statusWords, o, W, RUN_GAP, runs);
    for (let r = 0; r < nRuns; r++) {
      const a = runs[2 * r],
        b = runs[2 * r + 1];
      this.nDeath = 0;
      if (drugArrays.length > 0 && (slow || drugsReachDeath)) {
        if (slow && this.sites && this.siteTargets(y, step, a, b)) {
          const necroses = kernel!.slowCells_sites(st, o + a, o + b, kp, this.sites.table, this.sites.sets, cx);
          if (necroses > 0) Atomics.add(st.header, H_NECROSES, necroses);
          // no drug acts on the death program: it takes the targets of the treatments alone (each
          // target's value comes from the agents acting on it, so these are the same bits)
          if (!drugsReachDeath) this.coveringDeath(cov, a, b);
        } else {
          this.nDeath = 0;
          schedule.eachSegmentIn(y, step, a, b, drugArrays, st.status, slow ? this.toSlow : this.toDeath);
        }
      } else {
        for (const seg of cov) {
          if (seg.x1 <= a || seg.x0 >= b) continue;
          if (slow) this.slow(o + Math.max(a, seg.x0), o + Math.min(b, seg.x1), seg.targets);
        }
        this.coveringDeath(cov, a, b);
      }
      fastPass(st, o + a, o + b, kp, cx, ex, b - a >= WASM_MIN_SITES ? kernel : null);
      for (let k = 0; k < this.nDeath; k++) {
        const i0 = o + this.dx0[k],
          i1 = o + this.dx1[k];
        deathPass(st, i0, i1, this.dT[k], kp, cx, i1 - i0 >= WASM_MIN_SITES ? kernel : null);
      }
    }
    // the gaps between the runs: no living cell
    let x = 0;
    for (let r = 0; r <= nRuns; r++) {
      const end = r < nRuns ? runs[2 * r] : W;
      if (end > x) {
        if (slow) for (const seg of cov) if (seg.x1 > x && seg.x0 < end) this.slow(o + Math.max(x, seg.x0), o + Math.min(end, seg.x1), seg.targets);
        voidPass(st, o + x, o + end, kp, cx, end - x >= WASM_MIN_SITES ? kernel : null);
      }
      if (r < nRuns) x = runs[2 * r + 1];
    }
  }

  /**
   * The rows of the run's sites [a, b) in the table (and the death program's runs), starting
   * again from an empty table once if it fills; false if the run holds more different targets
   * than the table can (then its segments run one by one)
   */
  private siteTargets(y: number, step: number, a: number, b: number): boolean {
    const { st, schedule, drugArrays } = this.s;
    const sites = this.sites!;
    for (let attempt = 0; attempt < 2; attempt++) {
      this.nDeath = 0;
      sites.begin(a);
      schedule.eachSegmentIn(y, step, a, b, drugArrays, st.status, this.toSites);
      if (sites.filled) return true;
      sites.clear();
    }
    return false;
  }

  /** the slow block over sites [i0, i1) with targets T */
  private slow(i0: number, i1: number, T: Float64Array): void {
    slowPass(this.s.st, i0, i1, T, this.s.kp, this.cx!, this.s.kernel);
  }

  /** the death program's runs of sites [a, b) from the row's segments by treatments alone */
  private coveringDeath(cov: readonly Segment[], a: number, b: number): void {
    for (const seg of cov) if (seg.x1 > a && seg.x0 < b) this.death(Math.max(a, seg.x0), Math.min(b, seg.x1), seg.targets);
  }

  /** sites [x0, x1) of the row (after the previous ones) take the death program's targets T: adjacent ones that agree run as one */
  private death(x0: number, x1: number, T: Float64Array): void {
    const n = this.nDeath;
    if (n > 0 && this.dx1[n - 1] === x0 && sameDeathTargets(this.dT[n - 1], T)) {
      this.dx1[n - 1] = x1;
      return;
    }
    this.dx0[n] = x0;
    this.dx1[n] = x1;
    this.dT[n] = T;
    this.nDeath = n + 1;
  }

  private table(y0: number, y1: number): SiteTargetTable {
    const key = y0 * (this.s.st.height + 1) + y1;
    let t = this.tables.get(key);
    if (!t) {
      t = new SiteTargetTable(this.s.st, y0 * this.W, y1 * this.W, this.W);
      this.tables.set(key, t);
    }
    return t;
  }
}
