// Why this file exists: in a tumour, drug gradients give most living sites treatment targets of
// their own (the quantised drug levels change from one site to the next), and a call of the slow
// block per site costs far more than the site. The slow block's `slowCells_sites` kernel instead
// takes each site's targets from a table row: this keeps that table and the row of each site
// where the kernel can read them, in scratch memory borrowed from the state (the column sweeps'
// per-site factors of this thread's rows, which nothing reads during the cell phase) and given
// back byte for byte at the end, so the state's bytes are those of a run without it.
import { N_TARGETS } from './effects';
import type { SimState } from './layout';

/** rows a kernel call can index: the site's row is one byte */
const MAX_ROWS = 255;
const RECENT = 8;

/**
 * Rows of a lattice `width` sites wide a band must hold for its table to take the targets of any
 * one run of a row (a run has at most `width` sites, so at most that many different targets; the
 * table starts again from empty when it fills, cell-phase.ts): the engine's chunks of rows are no
 * shorter, so cutting the rows finer for workers does not send a tumour's slow steps to the slower
 * segment-by-segment path.
 */
export function rowsForFullTable(width: number): number {
  return Math.ceil((8 * N_TARGETS * Math.min(MAX_ROWS, width) + width) / (8 * width));
}

export class SiteTargetTable {
  /** the borrowed bytes */
  private readonly region: Uint8Array;
  /** their bytes before they were borrowed (the first `savedTable`, and the sets' bytes once `savedSets`) */
  private readonly backup: Uint8Array;
  private savedTable = 0;
  private savedSets = false;
  private readonly ids = new Map<Float64Array, number>();
  /** the last RECENT targets asked for and their rows (next: the slot to write) */
  private readonly recent: (Float64Array | null)[] = new Array(RECENT).fill(null);
  private readonly recentIds = new Int32Array(RECENT);
  private next = 0;
  /** target rows, N_TARGETS f64 each, at the start of the region */
  readonly table: Float64Array;
  /** the row of each site of a run, at the end of the region */
  readonly sets: Uint8Array;
  /** rows the region holds */
  readonly capacity: number;
  private readonly setsAt: number;

  /** scratch over sites [i0, i1) of st.colSink.cp (whole rows of this thread), for runs of at most `width` sites */
  constructor(st: SimState, i0: number, i1: number, width: number) {
    const cp = st.colSink.cp;
    this.region = new Uint8Array(cp.buffer, cp.byteOffset + 8 * i0, 8 * (i1 - i0));
    this.backup = new Uint8Array(this.region.length);
    this.setsAt = Math.max(0, this.region.length - width);
    this.sets = this.region.subarray(this.setsAt);
    this.capacity = Math.max(0, Math.min(MAX_ROWS, Math.floor(this.setsAt / (8 * N_TARGETS))));
    this.table = new Float64Array(cp.buffer, cp.byteOffset + 8 * i0, this.capacity * N_TARGETS);
  }

  /** the row holding targets T, added if new; -1 when new and the table is full */
  private rowOf(T: Float64Array): number {
    // the rows asked for lately first (neighbouring sites have neighbouring drug levels)
    const recent = this.recent;
    for (let k = 0; k < RECENT; k++) if (recent[k] === T) return this.recentIds[k];
    let id = this.ids.get(T);
    if (id === undefined) {
      if (this.ids.size >= this.capacity) return -1;
      id = this.ids.size;
      const end = 8 * N_TARGETS * (id + 1);
      if (end > this.savedTable) {
        this.backup.set(this.region.subarray(this.savedTable, end), this.savedTable);
        this.savedTable = end;
      }
      this.table.set(T, N_TARGETS * id);
      this.ids.set(T, id);
    }
    this.recent[this.next] = T;
    this.recentIds[this.next] = id;
    this.next = (this.next + 1) % RECENT;
    return id;
  }

  /** the first site of the run being filled, and whether a segment found the table full */
  private at = 0;
  private full = false;

  /** start filling the rows of a run from site `a` of its row (the sets' bytes are saved before their first use) */
  begin(a: number): void {
    if (!this.savedSets) {
      this.backup.set(this.sets, this.setsAt);
      this.savedSets = true;
    }
    this.at = a;
    this.full = false;
  }

  /** sites [x0, x1) of the run take targets T (a row added if new; see filled) */
  put(x0: number, x1: number, T: Float64Array): void {
    const id = this.rowOf(T);
    if (id < 0) {
      this.full = true;
      return;
    }
    const sets = this.sets;
    for (let x = x0 - this.at; x < x1 - this.at; x++) sets[x] = id;
  }

  /** whether every put since begin found its row (else the table was full: clear it, or run the segments one by one) */
  get filled(): boolean {
    return !this.full;
  }

  /** forget the rows (their bytes stay saved) */
  clear(): void {
    this.ids.clear();
    this.recent.fill(null);
  }

  /** give the borrowed bytes back as they were, and forget the rows */
  restore(): void {
    this.region.set(this.backup.subarray(0, this.savedTable));
    if (this.savedSets) this.region.set(this.backup.subarray(this.setsAt), this.setsAt);
    this.savedTable = 0;
    this.savedSets = false;
    this.clear();
  }
}
