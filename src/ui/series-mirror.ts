// Why this file exists: the page's charts draw from columns of their own (uPlot takes one x array
// and one array per line, gaps as null), while the plots keep growing series of their own. A
// mirror copies only the samples added since the last redraw into arrays it keeps for the chart's
// whole life, so a redraw a few times per second costs the new samples, not a copy of the run;
// it starts over only when the source is a different array, shrank or was rewritten (a reset, a
// branch restored from a checkpoint, another variable chosen).

/** A column's values as a chart takes them: finite numbers, and null for a gap (null, NaN, infinite). */
export type Column = Array<number | null>;

export class SeriesMirror {
  /** the chart's columns: x first, then one per line (the same arrays for the mirror's life) */
  readonly columns: Column[];
  private sources: ReadonlyArray<ArrayLike<number | null>> = [];
  private n = 0;

  constructor(lines: number) {
    this.columns = Array.from({ length: lines + 1 }, () => []);
  }

  /** how many samples the columns hold */
  get length(): number {
    return this.n;
  }

  /** Forget what was copied: the next sync copies everything (the source was reset). */
  reset(): void {
    this.sources = [];
    this.n = 0;
    for (const c of this.columns) c.length = 0;
  }

  /**
   * Bring the columns up to `sources` ([x, line 1, ...], all as long as x): append what was added
   * since the last call, or copy all when the sources changed. True when anything changed.
   */
  sync(sources: ReadonlyArray<ArrayLike<number | null>>): boolean {
    if (sources.length !== this.columns.length) throw new Error(`a mirror of ${this.columns.length} columns got ${sources.length}`);
    const x = sources[0];
    const same =
      this.sources.length === sources.length &&
      sources.every((s, k) => s === this.sources[k]) &&
      x.length >= this.n &&
      (this.n === 0 || x[this.n - 1] === this.columns[0][this.n - 1]);
    if (!same) {
      this.reset();
      this.sources = [...sources];
    }
    const from = this.n;
    const to = x.length;
    if (to === from) return !same;
    for (let k = 0; k < sources.length; k++) {
      const src = sources[k];
      const dst = this.columns[k];
      for (let i = from; i < to; i++) {
        const v = src[i];
        dst.push(v === null || v === undefined || !Number.isFinite(v) ? null : v);
      }
    }
    this.n = to;
    return true;
  }
}
