// Why this file exists: the front of a run is how far beyond its origin the wave has reached, so
// its time series never falls back. The front of one moment (frontPosition) is read from the
// commitment times of the sites; in a tumour, dead cells are cleared after debris_clear_min and a
// daughter born into a cleared site is a new cell that never committed, so a front read from the
// sites alone would fall back, even to nothing, as the tissue regrows. The CLI's samples
// (engine/runner.ts) and the page's front plot (ui/trace-plots.ts) both keep their front through
// this, so they stay one set of numbers.
import type { Origin } from './wave';

/** The running maximum of a run's front, measured from one origin (a new origin starts it again). */
export class FrontReach {
  private key: string | null = null;
  private reach: number | null = null;

  /** The front to report for a moment whose sites give `front_um` (null: no committed site now) from `origin`. */
  update(origin: Origin | null, front_um: number | null): number | null {
    if (!origin) return front_um;
    const key = JSON.stringify(origin);
    if (key !== this.key) {
      this.key = key;
      this.reach = null;
    }
    if (front_um !== null && (this.reach === null || front_um > this.reach)) this.reach = front_um;
    return this.reach;
  }
}
