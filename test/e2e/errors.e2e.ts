// Bad input never stops the built sandbox: a damaged link (#s= not base64url), a link whose JSON is
// not a valid scenario, and a malformed or invalid scenario file picked with the import button each
// show a readable message in #error, and the simulation keeps stepping (the page's default preset,
// primed-ring-wave, runs when a link is bad).
import { expect, type Page, test } from '@playwright/test';
import { errorText, openSandbox, stepIndex } from './sandbox';

const b64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

/** the run advances: steps taken with the step button, or while playing, increase the step index */
async function expectSteps(page: Page): Promise<void> {
  const before = await stepIndex(page);
  if ((await page.locator('#play').textContent()) === 'play') await page.click('#step');
  await page.waitForFunction((s) => (window.__ferrowave?.controller.sim.stepIndex() ?? -1) > s, before, { timeout: 20_000 });
}

test('a damaged link shows a readable error; the default preset runs', async ({ page }) => {
  await openSandbox(page, '#s=garbage!!');
  expect(await errorText(page)).toMatch(/link is damaged: its scenario part \(#s=\.\.\.\) is not base64url text/);
  expect(await errorText(page)).toMatch(/running the primed-ring-wave preset instead/);
  await expect(page.locator('#preset')).toHaveValue('primed-ring-wave');
  await expectSteps(page);
  await page.click('#play');
  await expectSteps(page);
});

test('a link with valid JSON that is not a valid scenario names the bad fields; the default preset runs', async ({ page }) => {
  const bad = { lattice: { width: -3, height: 10 }, duration_min: 100, treatments: [{ agent: 'unobtainium', uM: 1 }] };
  await openSandbox(page, `#s=${b64url(JSON.stringify(bad))}`);
  const text = await errorText(page);
  expect(text).toMatch(/invalid scenario in the link/);
  expect(text).toMatch(/scenario\.lattice\.width: -3/);
  expect(text).toMatch(/scenario\.treatments\[0\]\.agent: "unobtainium"/);
  expect(text).toMatch(/running the primed-ring-wave preset instead/);
  await expectSteps(page);
});

test('a malformed or invalid scenario file shows a readable error and the running simulation carries on', async ({ page }) => {
  await openSandbox(page, '?speed=2&fps=20');
  await page.click('#play');
  await expectSteps(page);

  await page.setInputFiles('#import', { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{ "seed": 1, ') });
  await expect(page.locator('#error')).toBeVisible();
  expect(await errorText(page)).toMatch(/the file broken\.json is not valid JSON/);
  await expect(page.locator('#play')).toHaveText('pause');
  await expectSteps(page);

  const invalid = JSON.stringify({ lattice: { width: 50, height: 10 }, duration_min: 'long' });
  await page.setInputFiles('#import', { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(invalid) });
  await expect(page.locator('#error')).toContainText('invalid scenario in the file bad.json');
  expect(await errorText(page)).toMatch(/scenario\.duration_min: "long"/);
  await expect(page.locator('#preset')).toHaveValue('primed-ring-wave');
  await expectSteps(page);
});
