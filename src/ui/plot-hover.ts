// Why this file exists: the live plots read their values under the cursor. Moving the mouse over a
// plot shows the sample nearest in time (its time and values with units) in a small tip by the
// cursor; each plot says what its samples are (plot.ts, trace-plots.ts).
import { byId } from './dom';

/** The index of the sample nearest to t in ascending times `ts` (-1 when empty). */
export function nearestSample(ts: readonly number[], t: number): number {
  if (!ts.length) return -1;
  let lo = 0,
    hi = ts.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (ts[mid] <= t) lo = mid;
    else hi = mid;
  }
  return Math.abs(ts[hi] - t) < Math.abs(ts[lo] - t) ? hi : lo;
}

/** Show `read(x)` (x in CSS px from the canvas's left edge, its width) in #plot-tip while the mouse is over `cv`. */
export function attachHover(cv: HTMLCanvasElement, read: (x: number, width: number) => string | null): void {
  const tip = byId('plot-tip');
  cv.addEventListener('mousemove', (e) => {
    const r = cv.getBoundingClientRect();
    const text = read(e.clientX - r.left, r.width);
    tip.hidden = !text;
    if (!text) return;
    tip.textContent = text;
    tip.style.left = `${e.clientX + 12}px`;
    tip.style.top = `${e.clientY + 12}px`;
  });
  cv.addEventListener('mouseleave', () => {
    tip.hidden = true;
  });
}
