// Why this file exists: the page's run workers (whole runs in their own thread, for the
// dose-response) are started once and kept between dose-responses, as they take a moment to
// load; cancelling kills them (a run in flight cannot be interrupted otherwise) and the next
// dose-response starts fresh ones.
import type { RunWorker } from '../engine/whole-run';

export class RunPool {
  private readonly live: RunWorker[] = [];

  constructor(private readonly start: () => RunWorker) {}

  /** how many workers are running */
  get size(): number {
    return this.live.length;
  }

  /** `n` workers: those running first, more started if needed */
  take(n: number): RunWorker[] {
    while (this.live.length < n) this.live.push(this.start());
    return this.live.slice(0, n);
  }

  /** stop every worker (the runs in flight with them) */
  kill(): void {
    for (const w of this.live.splice(0)) w.terminate();
  }
}
