// Why this file exists: how the speed scripts time the sandbox as a user sees it, in one place:
// open a URL of the built page, wait until its simulation is ready, optionally act on it (paint a
// drug), press play and count simulation steps and drawn frames over a window of wall time.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname } from 'node:path';
import type { Page } from 'playwright-core';

export interface SpeedRun {
  load_s: number;
  steps_per_s: number;
  fps: number;
  /** median of the app's own per-second steps/s readout during the window */
  steps_per_s_readout: number;
  /** the code that ran the hot loops on the workers ('wasm-simd' or 'typescript') */
  kernel: string;
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Open `url`, wait for the app (a link to a shared moment: until it has replayed there), run
 * `before` (paused), then play for `windowS` seconds after a 2 s warm-up.
 */
export async function measureSpeed(page: Page, url: string, windowS: number, before?: (page: Page) => Promise<void>): Promise<SpeedRun> {
  const t0 = performance.now();
  await page.goto(url);
  await page.waitForFunction(() => window.__ferrowave?.ready.then(() => true), undefined, { timeout: 300_000, polling: 100 });
  const load_s = (performance.now() - t0) / 1000;
  const err = await page.evaluate(() => (document.getElementById('error')?.hidden ? '' : document.getElementById('error')?.textContent));
  if (err) throw new Error(`the sandbox reports: ${err}`);
  if (before) await before(page);
  await page.click('#play');
  await page.waitForTimeout(2000); // warm-up: JIT, first frames, first slow and field steps
  // the step index moves when an advance (up to --speed steps) completes: time the window from one
  // such moment to another, so a big lattice's slow advances do not quantise the rate
  const boundary = () =>
    // (no named functions inside: tsx's keepNames would reference a helper the page lacks)
    page.evaluate(async () => {
      const c = window.__ferrowave!.controller;
      const s0 = c.sim.stepIndex();
      while (c.sim.stepIndex() === s0) await new Promise((ok) => setTimeout(ok, 5));
      return { step: c.sim.stepIndex(), t: performance.now() };
    });
  const a = await boundary();
  const fps: number[] = [];
  const sps: number[] = [];
  let kernel = '';
  for (let i = 0; i < windowS; i++) {
    await page.waitForTimeout(1000);
    const st = await page.evaluate(() => window.__ferrowave?.stats());
    fps.push(st?.fps ?? 0);
    sps.push(st?.stepsPerSec ?? 0);
    kernel = st?.kernel ?? '';
  }
  const b = await boundary();
  await page.click('#play');
  return { load_s, steps_per_s: ((b.step - a.step) * 1000) / (b.t - a.t), fps: median(fps), steps_per_s_readout: median(sps), kernel };
}

/**
 * Writes a speed script's results file (pretty JSON, its folder made): `fields` after the date,
 * the machine and the 1-minute load average before and after (other processes share the machine).
 */
export function writeSpeedResults(out: string, loadBefore: number, fields: { what: string } & Record<string, unknown>): void {
  const { what, ...rest } = fields;
  mkdirSync(dirname(out), { recursive: true });
  const result = {
    what,
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? '' },
    load_average: { before: loadBefore, after: loadavg()[0] },
    ...rest,
  };
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`written: ${out}`);
}
