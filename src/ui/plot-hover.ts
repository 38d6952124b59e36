// Why this file exists: the plots read their values under the cursor. Moving the mouse over a
// chart shows the sample nearest in time (its time and values with units) in a small tip by the
// cursor (#plot-tip, one for the page); each plot says what its samples are (plot.ts,
// trace-plots.ts, inspector.ts, compare-plots.ts) and time-chart.ts follows the cursor.

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

/** Show `text` in the page's tip just below and right of (clientX, clientY). */
export function showTip(text: string, clientX: number, clientY: number): void {
  const tip = document.getElementById('plot-tip');
  if (!tip) return;
  tip.hidden = false;
  tip.textContent = text;
  // kept inside the window: a chart at the right edge puts its tip left of the cursor
  const w = tip.offsetWidth;
  const left = clientX + 12 + w > window.innerWidth ? Math.max(0, clientX - 12 - w) : clientX + 12;
  tip.style.left = `${left}px`;
  tip.style.top = `${clientY + 12}px`;
}

export function hideTip(): void {
  const tip = document.getElementById('plot-tip');
  if (tip) tip.hidden = true;
}
