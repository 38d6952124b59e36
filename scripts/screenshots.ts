// Why this file exists: `npm run screenshots` regenerates the README's pictures of the sandbox
// (docs/screenshots/*.png) from the production build in headless chromium, at fixed simulated
// times, so they show what the code draws today: the first screen a new user sees (the ring wave
// and the "what you are seeing" card), a trigger wave mid-dish (cell fate and ROS), the same wave
// stopped by ferrostatin-1 painted with the brush, a wave crossing a treated tumour with a
// resistant subclone (cell fate and lipid peroxides), three treatments of a tumour compared side by
// side, and the dose-response of deferoxamine beside the published titration. Each PNG must stay
// under 200 KB. SHOTS=dose-response,compare (the names of the files) regenerates only those.
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { PRESETS } from '../src/model/presets';
import { resolveScenario } from '../src/model/scenario';
import { FERROWAVE_VERSION } from '../src/model/version';
import { encodeShareHash } from '../src/io/scenario-text';
import { chromiumLaunchOptions } from '../src/node/chromium';
import { buildSandbox, previewSandbox, ROOT } from './lib/serve-built';

const OUT = resolve(ROOT, 'docs/screenshots');
const MAX_BYTES = 200 * 1024;
/** simulated minutes of the tumour shots: erastin from 24 h, the light pulse at 30 h, the wave crossing */
const TUMOUR_T = Number(process.env.TUMOUR_T ?? 1880);

/** primed-light-pulse on a 400 x 400 dish with its light pulse (6 h) in the centre */
function waveDish(): string {
  const raw = structuredClone(PRESETS['primed-light-pulse']) as {
    lattice: { width: number; height: number; site_um: number };
    treatments: { agent: string; region?: { disc: { x_um: number; y_um: number; r_um: number } } }[];
  };
  raw.lattice.width = 400;
  raw.lattice.height = 400;
  const pulse = raw.treatments.find((t) => t.agent === 'light-pulse');
  if (!pulse?.region) throw new Error('primed-light-pulse has no light pulse');
  pulse.region.disc = { x_um: 4000, y_um: 4000, r_um: 150 };
  return encodeShareHash(resolveScenario({ ...raw, seed: 7 }, FERROWAVE_VERSION));
}

/** a fresh page at `url` (a goto that changes only the #hash would not reload the app) */
async function open(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1100, height: 660 } });
  await page.goto(url);
  await page.waitForFunction(() => window.__ferrowave?.ready.then(() => true), undefined, { timeout: 60_000 });
  return page;
}

/** advance to `t_min` in chunks of one plot sample, so the live plot fills in as it would while playing */
async function stepTo(page: Page, t_min: number): Promise<void> {
  await page.evaluate(async (t) => {
    const c = window.__ferrowave!.controller;
    const chunk = Math.max(1, Math.round(c.scenario.output.sample_every_min / c.sim.dt));
    while (c.sim.time() < t) await c.step(Math.min(chunk, Math.round((t - c.sim.time()) / c.sim.dt)) || 1);
  }, t_min);
}

/** zoom with the mouse wheel (as a user does) around site (x, y) by about `factor` */
async function zoomAt(page: Page, x: number, y: number, factor: number): Promise<void> {
  const p = await page.evaluate(([sx, sy]) => window.__ferrowave!.renderer.siteToScreen(sx, sy), [x, y]);
  const box = await page.locator('#canvas-host canvas').boundingBox();
  if (!box) throw new Error('no canvas');
  await page.mouse.move(box.x + p.px, box.y + p.py);
  await page.mouse.wheel(0, -Math.log(factor) / 0.0015);
}

/** paint the treat form's agent with the mouse along points given in um */
async function paint(page: Page, points_um: [number, number][]): Promise<void> {
  const box = await page.locator('#canvas-host canvas').boundingBox();
  if (!box) throw new Error('no canvas');
  const { cam, site } = await page.evaluate(() => ({
    cam: window.__ferrowave!.renderer.camera(),
    site: window.__ferrowave!.controller.scenario.lattice.site_um,
  }));
  const at = ([x, y]: [number, number]) => [box.x + cam.x + (x / site) * cam.scale, box.y + cam.y + (y / site) * cam.scale] as const;
  await page.mouse.move(...at(points_um[0]));
  await page.mouse.down();
  for (const p of points_um.slice(1)) await page.mouse.move(...at(p), { steps: 10 });
  await page.mouse.up();
}

async function shot(page: Page, view: string, name: string): Promise<void> {
  if (view) await page.selectOption('#view', view);
  // let the readouts (clock, counts, plot: every 200 ms) and the canvas catch up
  await page.waitForTimeout(400);
  await page.waitForFunction(() => new Promise<boolean>((ok) => requestAnimationFrame(() => requestAnimationFrame(() => ok(true)))));
  const file = resolve(OUT, `${name}.png`);
  writeFileSync(file, await page.screenshot());
  const bytes = statSync(file).size;
  console.log(`${name}.png: ${(bytes / 1024).toFixed(0)} KB`);
  if (bytes > MAX_BYTES) throw new Error(`${name}.png is ${bytes} bytes, over ${MAX_BYTES}: use a smaller viewport`);
}

/** the shots asked for by SHOTS (a comma-separated list of names), or all */
const ONLY = (process.env.SHOTS ?? '').split(',').filter((s) => s.trim() !== '');
const want = (...names: string[]) => ONLY.length === 0 || names.some((n) => ONLY.includes(n));

async function main() {
  mkdirSync(OUT, { recursive: true });
  const dist = await buildSandbox(resolve(ROOT, 'test-results/screenshots-dist'));
  const served = await previewSandbox({ outDir: dist });
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    // the plain page as a new user opens it: the default preset, its card, 10 h into the run
    if (want('first-screen')) {
      const page = await open(browser, `${served.url}?workers=2&intro=1`);
      await stepTo(page, 600);
      await shot(page, 'fate', 'first-screen');
    }
    if (want('wave-fate', 'wave-ros')) {
      const page = await open(browser, `${served.url}?workers=2${waveDish()}`);
      await stepTo(page, 780);
      await shot(page, 'fate', 'wave-fate');
      // ROS varies from cell to cell: zoomed in on the front (a few pixels per site) the picture
      // shows single cells and the PNG stays small
      await zoomAt(page, 290, 110, 3);
      await shot(page, 'ros', 'wave-ros');
    }
    if (want('wave-painted')) await paintedDish(browser, served.url);
    if (want('tumour-fate', 'tumour-lpo')) {
      const page = await open(browser, `${served.url}?preset=tumour-fsp1-resistant-erastin&workers=2`);
      await stepTo(page, TUMOUR_T);
      await zoomAt(page, 75, 75, 2);
      await shot(page, 'fate', 'tumour-fate');
      await shot(page, 'lpo', 'tumour-lpo');
    }
    if (want('compare')) await compared(browser, served.url);
    if (want('dose-response')) await doseResponse(browser, served.url);
  } finally {
    await browser.close();
    await served.close();
  }
}

/** the same dish with ferrostatin-1 painted in a band right of the centre before the pulse */
async function paintedDish(browser: Browser, url: string): Promise<void> {
  const page = await open(browser, `${url}?workers=2${waveDish()}`);
  await stepTo(page, 300);
  await page.selectOption('#tx-agent', 'ferrostatin-1');
  await page.fill('#tx-amount', '10');
  await page.selectOption('#tx-where', 'brush');
  await page.fill('#tx-radius', '300');
  await paint(page, [
    [5700, 0],
    [5400, 4000],
    [5700, 8000],
  ]);
  await page.waitForFunction(() => window.__ferrowave!.exportScenario().treatments.some((t) => t.agent === 'ferrostatin-1'));
  await stepTo(page, 780);
  await shot(page, 'fate', 'wave-painted');
}

/**
 * tumour-erastin at 28 h (erastin from 24 h, the pulse at 30 h): nothing more, ferrostatin-1 or
 * RSL3 from then on, compared to 38 h
 */
async function compared(browser: Browser, url: string): Promise<void> {
  const page = await open(browser, `${url}?preset=tumour-erastin&workers=2`);
  await stepTo(page, 1680);
  await page.click('#sec-checkpoints > summary');
  await page.selectOption('#compare-agent-1', 'ferrostatin-1');
  await page.fill('#compare-dose-1', '10');
  await page.click('#compare-start');
  await page.waitForSelector('#compare-view:not([hidden])');
  await page.evaluate(async () => {
    const cmp = window.__ferrowave!.compare.current!;
    while (cmp.time() < 2280) await cmp.step(20);
  });
  await page.waitForTimeout(600);
  await shot(page, '', 'compare');
}

/** deferoxamine at the published doses on the calibration strip, 3 replicates each, with the section's form beside it */
async function doseResponse(browser: Browser, url: string): Promise<void> {
  const page = await open(browser, `${url}?workers=2&intro=0`);
  await page.click('#sec-dose > summary');
  await page.locator('#dose-run').scrollIntoViewIfNeeded();
  await page.click('#dose-run');
  await page.waitForFunction(() => window.__ferrowave!.dose.current?.finished, undefined, { timeout: 120_000 });
  await shot(page, '', 'dose-response');
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
