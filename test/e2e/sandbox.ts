// Why this file exists: what every e2e test does with the built page: open it (optionally with a
// query and a #s= hash) and wait for window.__ferrowave to be ready, read the simulation's step and
// state hash, play until a simulated time, read #error. The state hash is the same function as
// src/analysis/hash.ts, evaluated in the page on the shared state buffer.
import { expect, type Page } from '@playwright/test';

export function baseUrl(): string {
  const url = process.env.FERROWAVE_E2E_URL;
  if (!url) throw new Error('FERROWAVE_E2E_URL is unset: run the e2e tests with `npm run e2e` (its global setup serves the build)');
  return url;
}

/** Open the built sandbox at `base` + `suffix` (e.g. '?speed=50' or '#s=...') and wait until its first simulation is loaded. */
export async function openSandbox(page: Page, suffix = '', base = baseUrl()): Promise<void> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(base + suffix);
  await page
    .waitForFunction(() => window.__ferrowave !== undefined, undefined, { timeout: 30_000 })
    .catch((e) => {
      throw new Error(`the sandbox did not start: ${errors.join('; ') || e}`);
    });
  await page.waitForFunction(() => window.__ferrowave?.ready.then(() => true), undefined, { timeout: 30_000 });
}

/** wait for two animation frames, so the canvas shows the state as it is now */
export async function twoFrames(page: Page): Promise<void> {
  await page.waitForFunction(() => new Promise<boolean>((ok) => requestAnimationFrame(() => requestAnimationFrame(() => ok(true)))), undefined, {
    timeout: 10_000,
  });
}

export const stepIndex = (page: Page) => page.evaluate(() => window.__ferrowave?.controller.sim.stepIndex() ?? -1);

export const simTime = (page: Page) => page.evaluate(() => window.__ferrowave?.controller.sim.time() ?? -1);

/** the 64-bit hash of the whole simulation state, computed in the page (the app's stateHash) */
export const stateHash = (page: Page): Promise<string> => page.evaluate(() => window.__ferrowave?.stateHash() ?? '');

/** the text of #error, '' while it is hidden */
export const errorText = (page: Page) =>
  page.evaluate(() => {
    const el = document.getElementById('error') as HTMLElement;
    return el.hidden ? '' : (el.textContent ?? '');
  });

/** Press play, wait until the simulated time reaches `t_min`, press pause and wait until stepping stopped. Returns the time reached. */
export async function playUntil(page: Page, t_min: number, timeout = 60_000): Promise<number> {
  await page.click('#play');
  await expect(page.locator('#play')).toHaveText('pause');
  await page
    .waitForFunction((t) => (window.__ferrowave?.controller.sim.time() ?? 0) >= t, t_min, { timeout, polling: 50 })
    .catch(async (e) => {
      const at = await page.evaluate(() => {
        const app = window.__ferrowave;
        return `t ${app?.controller.sim.time()} min, playing ${app?.controller.playing}, ${JSON.stringify(app?.stats())}, #error "${document.getElementById('error')?.textContent}"`;
      });
      throw new Error(`playing did not reach ${t_min} min: ${at}\n${e}`);
    });
  await page.click('#play');
  await expect(page.locator('#play')).toHaveText('play');
  // the advance in flight when pause was pressed finishes; then the step index stays put
  await page.waitForFunction(
    () =>
      new Promise<boolean>((ok) => {
        const c = window.__ferrowave?.controller;
        const s = c?.sim.stepIndex();
        setTimeout(() => ok(!c?.playing && c?.sim.stepIndex() === s), 150);
      }),
    undefined,
    { timeout: 10_000 },
  );
  return simTime(page);
}
