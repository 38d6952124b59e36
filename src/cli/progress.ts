// Why this file exists: the progress line of long runs, on stderr: rewritten in place on a
// terminal, a plain line every 10% otherwise (logs, CI).
import type { Sample } from '../analysis/observables';
import { cut, printable } from '../model/printable';

export class Progress {
  private readonly t0 = performance.now();
  private lastDraw = 0;
  private lastDecile = -1;
  private readonly tty = Boolean(process.stderr.isTTY);
  private readonly name: string;
  constructor(
    name: string,
    private readonly quiet: boolean,
  ) {
    // the scenario's name comes from a file: never a terminal escape sequence on stderr
    this.name = printable(cut(name, 80));
  }

  update(s: Sample, frac: number): void {
    if (this.quiet) return;
    const now = performance.now();
    const elapsed = (now - this.t0) / 1000;
    const eta = frac > 0 ? (elapsed * (1 - frac)) / frac : Number.NaN;
    const line = `[ferrowave] ${this.name}: t=${s.t_min.toFixed(0)} min ${(100 * frac).toFixed(0)}% alive=${s.alive} dying=${s.dying} dead=${s.dead} elapsed ${elapsed.toFixed(1)} s, ETA ${Number.isFinite(eta) ? eta.toFixed(1) : '?'} s`;
    if (this.tty) {
      if (now - this.lastDraw < 200 && frac < 1) return;
      this.lastDraw = now;
      process.stderr.write(`\r${line}\x1b[K`);
    } else {
      const decile = Math.floor(frac * 10);
      if (decile === this.lastDecile) return;
      this.lastDecile = decile;
      process.stderr.write(`${line}\n`);
    }
  }

  /** The run stopped before its end: on a terminal, the line in place ends so a message can follow. */
  stopped(): void {
    if (!this.quiet && this.tty && this.lastDraw > 0) process.stderr.write('\n');
  }

  done(what: string, wall: number): void {
    if (this.quiet) return;
    process.stderr.write(`${this.tty ? '\n' : ''}[ferrowave] ${this.name}: done in ${wall.toFixed(1)} s (${what})\n`);
  }
}
