// A link made with "copy link" in the built sandbox, after a light pulse fired with a real mouse
// click on the canvas, opened in a fresh browser context (nothing shared with the first page)
// opens at the moment it was shared (the run replayed to it) with the first page's state hash
// at the same step, and keeps the preset's name; a preset with an edited parameter is named "(edited)".
import { expect, test } from '@playwright/test';
import { baseUrl, errorText, openSandbox, playUntil, stateHash, stepIndex } from './sandbox';

test('a shared #s= link reproduces the same state hash at the same step in a fresh page', async ({ page, browser }) => {
  await openSandbox(page, '?preset=primed-light-pulse&speed=20');
  await playUntil(page, 200);
  // a click on the canvas fires a light pulse there (the default click mode)
  const box = await page.locator('#canvas-host canvas').boundingBox();
  if (!box) throw new Error('no canvas');
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect(page.locator('#treatment-list li.added')).toHaveCount(1);
  await expect(page.locator('#treatment-list li.added')).toContainText('light-pulse');
  const tEnd = await playUntil(page, 420);
  const steps = await stepIndex(page);
  const hashA = await stateHash(page);
  expect(tEnd).toBeGreaterThan(300);

  await page.click('#share');
  await expect(page.locator('#share-link')).toBeVisible();
  const link = await page.locator('#share-link').inputValue();
  expect(link.startsWith(baseUrl())).toBe(true);
  expect(link).toMatch(/#s=[A-Za-z0-9_-]+&t=[0-9.]+$/);
  expect(Number(new URL(link).hash.split('&t=')[1])).toBe(tEnd);
  expect(new URL(page.url()).hash).toBe(new URL(link).hash); // the address bar carries it too

  const context = await browser.newContext();
  const fresh = await context.newPage();
  await openSandbox(fresh, link.slice(baseUrl().length));
  expect(await errorText(fresh)).toBe('');
  await expect(fresh.locator('#preset')).toHaveValue('(imported)');
  await expect(fresh.locator('#preset option:checked')).toHaveText('primed-light-pulse (shared link)');
  await expect(fresh.locator('#treatment-list li')).toHaveCount(3); // erastin, the preset's pulse, the clicked pulse
  // opened at the shared moment, the same state
  expect(await stepIndex(fresh)).toBe(steps);
  expect(await stateHash(fresh)).toBe(hashA);
  await expect(fresh.locator('#opening')).toBeHidden();
  // the plots were filled in as the run was replayed
  expect(await fresh.evaluate(() => window.__ferrowave!.plot.series.t_min.length)).toBeGreaterThan(50);

  // the link carries the pulse: the same scenario without it gives another state
  await fresh.evaluate(async (n) => {
    const app = window.__ferrowave!;
    const sc = app.exportScenario();
    sc.treatments = sc.treatments.filter((t) => !(t.agent === 'light-pulse' && t.start_min > 0 && t.start_min !== 360));
    await app.importText(JSON.stringify(sc));
    await app.controller.step(n);
  }, steps);
  expect(await stateHash(fresh)).not.toBe(hashA);
  await context.close();
});

test('a preset with an edited parameter is named "(edited)" in the picker, and the exported scenario carries the edit', async ({ page }) => {
  await openSandbox(page, '?preset=tumour-erastin&intro=0');
  await expect(page.locator('#preset option:checked')).toHaveText('tumour-erastin');
  await page.click('#sec-model > summary');
  await page.click('#model-editor summary:has-text("model parameters")');
  await page.fill('#param-filter', 'ox_diffusion');
  const field = page.locator('#model-editor input[data-param="ox_diffusion"]');
  await field.fill('150');
  await field.dispatchEvent('change');
  await page.click('#model-apply');
  await expect(page.locator('#preset option:checked')).toHaveText('tumour-erastin (edited)');
  expect(await page.evaluate(() => window.__ferrowave!.controller.scenario.params.ox_diffusion)).toBe(150);
  expect(await page.evaluate(() => window.__ferrowave!.exportScenario().params.ox_diffusion)).toBe(150);
});
