// Every drug can be seen (issue 16, item 4), on the built app: ferrostatin-1 painted with the brush
// on a primed dish appears in its own view (its colour map, legend in uM) exactly where it was
// painted, and the cell inspector gives its level at a clicked site (10 uM under the brush, 0
// beside it); in a tumour the view of erastin shows the drug field diffused from the vessels, and
// the inspector its level in the tissue. The bath species (cystine, iron, zinc, ...) are views too.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { ROOT } from '../../scripts/lib/serve-built';
import { encodeShareHash } from '../../src/io/scenario-text';
import { resolveScenario } from '../../src/model/scenario';
import { FERROWAVE_VERSION } from '../../src/model/version';
import { decodePng } from './png';
import { openSandbox, twoFrames } from './sandbox';

const W = 120;
const H = 60;
const SITE = 20;

/** primed-light-pulse on a W x H dish without its pulse (read as a file: playwright's loader does not take JSON imports) */
function dish(): string {
  const raw = JSON.parse(readFileSync(join(ROOT, 'public/presets/primed-light-pulse.json'), 'utf8'));
  raw.lattice = { width: W, height: H, site_um: SITE };
  raw.treatments = raw.treatments.filter((t: { agent: string }) => t.agent !== 'light-pulse');
  return encodeShareHash(resolveScenario({ ...raw, seed: 7 }, FERROWAVE_VERSION));
}

/** screen position (page pixels) of the centre of the site under (x_um, y_um) */
async function at(page: Page, x_um: number, y_um: number): Promise<{ x: number; y: number }> {
  const box = await page.locator('#canvas-host canvas').boundingBox();
  if (!box) throw new Error('no canvas');
  const p = await page.evaluate(([x, y]) => window.__ferrowave!.renderer.siteToScreen(x, y), [Math.floor(x_um / SITE), Math.floor(y_um / SITE)]);
  return { x: box.x + p.px, y: box.y + p.py };
}

/** the inspector's row for `name`: [value, unit] */
async function inspectorRow(page: Page, name: string): Promise<[number, string]> {
  const row = page.locator('#inspector tr', { has: page.locator('td:first-child', { hasText: new RegExp(`^${name}$`) }) });
  const cells = await row.locator('td').allTextContents();
  return [Number(cells[1]), cells[2]];
}

test('painted ferrostatin-1 shows in its own view where it was painted, and the inspector gives its level', async ({ page }) => {
  await openSandbox(page, `?speed=5${dish()}`);
  // the bath species are views in their units
  const views = await page.locator('#view option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  for (const id of ['cystine', 'ntbi', 'zn_ex', 'o2', 'ox']) expect(views).toContain(id);
  expect(views).toContain('drug:erastin'); // the priming drug of the preset
  expect(views).not.toContain('drug:ferrostatin-1');

  await page.click('#step');
  await page.selectOption('#tx-agent', 'ferrostatin-1');
  await page.fill('#tx-amount', '10');
  await page.selectOption('#tx-where', 'brush');
  await page.fill('#tx-radius', '200');
  // one vertical stroke down the middle of the right half
  const x = (W * SITE * 3) / 4;
  const a = await at(page, x, 0);
  const b = await at(page, x, H * SITE - 1);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move(b.x, b.y, { steps: 12 });
  await page.mouse.up();
  await expect(page.locator('#treatment-list li.added')).toHaveCount(1);

  // its view appears, with its legend in uM
  await page.selectOption('#view', 'drug:ferrostatin-1');
  await expect(page.locator('#legend')).toContainText('ferrostatin-1 (Fer-1): drug level (uM)');
  await twoFrames(page);
  const png = decodePng(await page.locator('#canvas-host canvas').screenshot());
  const box = await page.locator('#canvas-host canvas').boundingBox();
  if (!box) throw new Error('no canvas');
  const pixel = async (x_um: number, y_um: number) => {
    const p = await at(page, x_um, y_um);
    const o = (Math.round(p.y - box.y) * png.width + Math.round(p.x - box.x)) * 4;
    return [png.data[o], png.data[o + 1], png.data[o + 2]];
  };
  const painted = await pixel(x, (H * SITE) / 2);
  const bare = await pixel((W * SITE) / 4, (H * SITE) / 2);
  console.log(`ferrostatin-1 view: painted ${painted}, unpainted ${bare}`);
  // viridis: bright where painted (10 uM), its darkest end where there is none
  expect(painted[0] + painted[1] + painted[2]).toBeGreaterThan(bare[0] + bare[1] + bare[2] + 150);

  // the inspector: 10 uM under the brush, 0 beside it, with the unit
  await page.selectOption('#mouse-mode', 'inspect');
  const under = await at(page, x, (H * SITE) / 2);
  await page.mouse.click(under.x, under.y);
  await expect(page.locator('#inspector')).toBeVisible();
  await expect(page.locator('#inspector')).toContainText('drugs here');
  expect(await inspectorRow(page, 'ferrostatin-1')).toEqual([10, 'uM']);
  expect(await inspectorRow(page, 'erastin')).toEqual([10, 'uM']);
  const beside = await at(page, (W * SITE) / 4, (H * SITE) / 2);
  await page.mouse.click(beside.x, beside.y);
  await expect.poll(async () => (await inspectorRow(page, 'ferrostatin-1'))[0]).toBe(0);
});

test('in a tumour the erastin view shows the drug diffused from the vessels, and the inspector its level there', async ({ page }) => {
  await openSandbox(page, '?preset=tumour-erastin&view=drug:erastin');
  // erastin reaches the plasma at 24 h: advance to 26 h
  await page.evaluate(async () => {
    const c = window.__ferrowave!.controller;
    while (c.sim.time() < 1560) await c.step(60);
  });
  await expect(page.locator('#view')).toHaveValue('drug:erastin');
  await expect(page.locator('#legend')).toContainText('erastin: drug level (uM)');
  const lv = await page.evaluate(() => {
    const st = window.__ferrowave!.controller.sim.state;
    const f = st.drug.erastin;
    const c = 75 * st.width + 75; // the tumour's centre
    return { centre: f[c], edge: f[2 * st.width + 2] };
  });
  expect(lv.edge).toBeGreaterThan(lv.centre); // it diffuses in from the edges and vessels
  expect(lv.centre).toBeGreaterThan(0);
  await page.selectOption('#mouse-mode', 'inspect');
  const box = await page.locator('#canvas-host canvas').boundingBox();
  if (!box) throw new Error('no canvas');
  const p = await page.evaluate(() => window.__ferrowave!.renderer.siteToScreen(75, 75));
  await page.mouse.click(box.x + p.px, box.y + p.py);
  await expect(page.locator('#inspector')).toContainText('drugs here');
  const [v, unit] = await inspectorRow(page, 'erastin');
  expect(unit).toBe('uM');
  expect(v).toBeCloseTo(lv.centre, 2);
});
