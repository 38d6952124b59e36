// Tumours at the scale of the title (issue 16, item 12) in the built sandbox: the pre-grown
// 1024 x 1024 preset loads (a mass of ~400,000 living cells with vessels, a necrotic core, a
// hypoxic ring and two subclones, made in the page from the seed) and steps with its cells alive;
// the 512 x 512 one, played past its light pulse, shows ferroptotic deaths spreading in the
// parental tissue while the FSP1-high sector survives. Behaviour only: how fast the page steps
// them is `npm run speed -- --presets ...`, not a test.
import { expect, type Page, test } from '@playwright/test';
import { errorText, openSandbox, playUntil, stepIndex } from './sandbox';

/** the page's state now: cells by status, by subclone, and where the dying and dead ones are */
const census = (page: Page) =>
  page.evaluate(() => {
    const st = window.__ferrowave!.controller.sim.state;
    const byStatus = [0, 0, 0, 0, 0, 0];
    const gone = [0, 0, 0];
    const living = [0, 0, 0];
    let goneX = 0;
    for (let i = 0; i < st.n; i++) {
      const s = st.status[i];
      byStatus[s]++;
      const c = Math.min(st.clone[i], 2);
      if (s === 1 || s === 2) living[c]++;
      if (s === 2 || s === 3) {
        gone[c]++;
        goneX += i % st.width;
      }
    }
    const [empty, alive, dying, dead, necrotic, vessel] = byStatus;
    return { empty, alive, dying, dead, necrotic, vessel, gone, living, goneMeanX: goneX / Math.max(1, dying + dead), width: st.width };
  });

test('the 1024 x 1024 pre-grown tumour loads in the page and steps with its cells alive', async ({ page }) => {
  test.setTimeout(180_000);
  // openSandbox waits (at most 30 s each) for the page and for the mass to be built on the workers
  await openSandbox(page, '?preset=tumour-pregrown-1024&workers=2&speed=10');
  await expect(page.locator('#preset')).toHaveValue('tumour-pregrown-1024');
  const c0 = await census(page);
  expect(c0.width).toBe(1024);
  expect(c0.alive).toBeGreaterThan(350_000);
  expect(c0.alive).toBeLessThan(500_000);
  expect(c0.necrotic).toBeGreaterThan(60_000);
  expect(c0.vessel).toBeGreaterThan(1000);
  expect(c0.dying + c0.dead).toBe(0);
  // both subclones are there, each a share of the living cells
  expect(c0.living[1]).toBeGreaterThan(0.1 * c0.alive);
  expect(c0.living[2]).toBeGreaterThan(0.1 * c0.alive);
  const t = await playUntil(page, 20, 120_000);
  expect(t).toBeGreaterThanOrEqual(20);
  expect(await stepIndex(page)).toBeGreaterThanOrEqual(40);
  const c1 = await census(page);
  expect(c1.alive + c1.dying).toBeGreaterThan(0.98 * c0.alive);
  expect(c1.necrotic).toBeGreaterThanOrEqual(c0.necrotic);
  expect(await errorText(page)).toBe('');
});

test('the 512 x 512 pre-grown tumour: after its light pulse a wave kills parental cells, the FSP1-high sector lives', async ({ page }) => {
  test.setTimeout(300_000);
  await openSandbox(page, '?preset=tumour-pregrown-512&workers=2&speed=20');
  const c0 = await census(page);
  expect(c0.alive).toBeGreaterThan(90_000);
  expect(c0.dying + c0.dead).toBe(0);
  // the pulse fires at 6 h in the left of the rim
  await playUntil(page, 420, 240_000);
  const c1 = await census(page);
  const t1 = await page.evaluate(() => window.__ferrowave!.controller.sim.time());
  await playUntil(page, 540, 240_000);
  const c2 = await census(page);
  // deaths spread (the wave from the pulse, and any that bursts started)
  expect(c1.dying + c1.dead).toBeGreaterThan(20);
  expect(c2.dying + c2.dead).toBeGreaterThan(2 * (c1.dying + c1.dead));
  expect(c2.dying + c2.dead).toBeGreaterThan(500);
  expect(t1).toBeGreaterThanOrEqual(420);
  // in the parental tissue: the FSP1-high subclone (clone 1) has no ferroptotic deaths
  expect(c2.gone[0]).toBeGreaterThan(500);
  expect(c2.gone[1]).toBeLessThan(0.005 * c2.living[1] + 5);
  expect(await errorText(page)).toBe('');
});
