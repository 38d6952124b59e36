// Why this file exists: a sweep's progress on stderr: a bar with runs done, failures, rate and
// time remaining, redrawn in place on a terminal; a plain line every 10% (and at least every
// 30 s) otherwise, for logs, CI and cluster jobs.

export class SweepProgress {
  private readonly t0 = performance.now();
  private lastDraw = 0;
  private lastDecile = -1;
  private lastLine = 0;
  private done = 0;
  private failed = 0;
  private readonly tty: boolean;

  constructor(
    private readonly label: string,
    /** runs this invocation has to do */
    private readonly todo: number,
    /** runs already on disk (resume) */
    private readonly already: number,
    private readonly quiet: boolean,
    tty = Boolean(process.stderr.isTTY),
    private readonly write: (s: string) => void = (s) => void process.stderr.write(s),
  ) {
    this.tty = tty;
  }

  /** one run finished */
  tick(ok: boolean): void {
    this.done++;
    if (!ok) this.failed++;
    this.draw(false);
  }

  line(): string {
    const elapsed = (performance.now() - this.t0) / 1000;
    const frac = this.todo > 0 ? this.done / this.todo : 1;
    const eta = this.done > 0 ? (elapsed * (this.todo - this.done)) / this.done : Number.NaN;
    const rate = elapsed > 0 ? this.done / elapsed : 0;
    const width = 24;
    const fill = Math.round(frac * width);
    const bar = this.tty ? `[${'#'.repeat(fill)}${'.'.repeat(width - fill)}] ` : '';
    const prior = this.already ? ` (+${this.already} already done)` : '';
    return `[ferrowave sweep] ${this.label}: ${bar}${this.done}/${this.todo} runs${prior}, ${this.failed} failed, ${rate.toFixed(1)} runs/s, elapsed ${fmt(elapsed)}, ETA ${Number.isFinite(eta) ? fmt(eta) : '?'}`;
  }

  private draw(final: boolean): void {
    if (this.quiet) return;
    const now = performance.now();
    if (this.tty) {
      if (!final && now - this.lastDraw < 100) return;
      this.lastDraw = now;
      this.write(`\r${this.line()}\x1b[K`);
      return;
    }
    const decile = this.todo > 0 ? Math.floor((10 * this.done) / this.todo) : 10;
    if (final || decile !== this.lastDecile || now - this.lastLine > 30_000) {
      this.lastDecile = decile;
      this.lastLine = now;
      this.write(`${this.line()}\n`);
    }
  }

  start(): void {
    this.draw(true);
  }

  finish(what: string): void {
    if (this.quiet) return;
    if (this.tty) this.draw(true);
    this.write(`${this.tty ? '\n' : ''}[ferrowave sweep] ${this.label}: ${what}\n`);
  }
}

function fmt(s: number): string {
  if (s < 90) return `${s.toFixed(1)} s`;
  if (s < 5400) return `${(s / 60).toFixed(1)} min`;
  return `${(s / 3600).toFixed(1)} h`;
}
