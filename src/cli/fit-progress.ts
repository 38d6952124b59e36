// Why this file exists: a fit's progress on stderr: which phase and generation, a bar for the
// runs of the current batch, the best objective so far, the rate and an upper bound on the time
// left (the budget; tolerances usually stop the fit sooner); redrawn in place on a terminal, a
// plain line per batch (and at least every 30 s) otherwise, for logs and cluster jobs.

export class FitProgress {
  private readonly t0 = performance.now();
  private lastDraw = 0;
  private lastLine = 0;
  private runsDone = 0;
  private batchDone = 0;
  private batchTotal = 0;
  private phase = '';
  private best = Number.NaN;
  /** runs left after this batch (upper bound), for the time left */
  private runsAfter = 0;
  private waiting: number[] = [];
  private readonly tty: boolean;

  constructor(
    private readonly label: string,
    private readonly quiet: boolean,
    tty = Boolean(process.stderr.isTTY),
    private readonly write: (s: string) => void = (s) => void process.stderr.write(s),
  ) {
    this.tty = tty;
  }

  /** a new batch: what it is, its runs (this shard's), the runs left after it at most, the best objective so far */
  batch(phase: string, runs: number, runsAfter: number, best: number | null): void {
    this.phase = phase;
    this.batchDone = 0;
    this.batchTotal = runs;
    this.runsAfter = runsAfter;
    this.best = best ?? Number.NaN;
    this.waiting = [];
  }

  /** runs of this batch done so far (resumed ones included) */
  runs(done: number): void {
    if (done > this.batchDone) this.runsDone += done - this.batchDone;
    this.batchDone = done;
    this.draw(false);
  }

  waitFor(missing: number[]): void {
    const changed = missing.join() !== this.waiting.join();
    this.waiting = missing;
    if (changed) this.draw(!this.tty);
  }

  line(): string {
    const elapsed = (performance.now() - this.t0) / 1000;
    const rate = elapsed > 0 ? this.runsDone / elapsed : 0;
    const left = this.batchTotal - this.batchDone + this.runsAfter;
    const eta = rate > 0 ? left / rate : Number.NaN;
    const width = 20;
    const fill = this.batchTotal > 0 ? Math.round((this.batchDone / this.batchTotal) * width) : width;
    const bar = this.tty ? `[${'#'.repeat(fill)}${'.'.repeat(width - fill)}] ` : '';
    const best = Number.isFinite(this.best) ? `best objective ${Number(this.best.toPrecision(5))}` : 'no objective yet';
    const wait = this.waiting.length ? `, waiting for shard${this.waiting.length > 1 ? 's' : ''} ${this.waiting.join(', ')}` : '';
    return `[ferrowave fit] ${this.label}: ${this.phase} ${bar}${this.batchDone}/${this.batchTotal} runs, ${best}, ${rate.toFixed(1)} runs/s, elapsed ${fmt(elapsed)}, time left ${Number.isFinite(eta) ? `<= ${fmt(eta)}` : '?'}${wait}`;
  }

  private draw(force: boolean): void {
    if (this.quiet) return;
    const now = performance.now();
    if (this.tty) {
      if (!force && now - this.lastDraw < 100) return;
      this.lastDraw = now;
      this.write(`\r${this.line()}\x1b[K`);
      return;
    }
    if (force || now - this.lastLine > 30_000) {
      this.lastLine = now;
      this.write(`${this.line()}\n`);
    }
  }

  /** the batch is done (a line in logs) */
  batchEnd(): void {
    this.draw(true);
  }

  note(text: string): void {
    if (this.quiet) return;
    this.write(`${this.tty ? '\r\x1b[K' : ''}[ferrowave fit] ${this.label}: ${text}\n`);
  }

  finish(text: string): void {
    if (this.quiet) return;
    this.write(`${this.tty ? '\n' : ''}[ferrowave fit] ${this.label}: ${text}\n`);
  }
}

function fmt(s: number): string {
  if (s < 90) return `${s.toFixed(1)} s`;
  if (s < 5400) return `${(s / 60).toFixed(1)} min`;
  return `${(s / 3600).toFixed(1)} h`;
}
