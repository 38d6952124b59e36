// The live plots read their values under the cursor and export every sample (issue 16, item 6,
// without a plotting library): on the built app, hovering the cells plot and the front plot shows
// the nearest sample's time and values with units, and "export the plots as CSV" downloads every
// sample of the cells, the mean of each variable and the front.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ROOT } from '../../scripts/lib/serve-built';
import { encodeShareHash } from '../../src/io/scenario-text';
import { resolveScenario } from '../../src/model/scenario';
import { FERROWAVE_VERSION } from '../../src/model/version';
import { openSandbox, playUntil } from './sandbox';

/** primed-light-pulse on a 100 x 20 dish, 12 h (read as a file: playwright's loader does not take JSON imports) */
function dish(): string {
  const raw = JSON.parse(readFileSync(join(ROOT, 'public/presets/primed-light-pulse.json'), 'utf8'));
  raw.lattice = { width: 100, height: 20, site_um: 20 };
  raw.duration_min = 720;
  return encodeShareHash(resolveScenario({ ...raw, seed: 7 }, FERROWAVE_VERSION));
}

test('the plots show their values under the cursor and export every sample as CSV', async ({ page }) => {
  await openSandbox(page, `?speed=10${dish()}`);
  await playUntil(page, 600);
  const cells = await page.locator('#plot').boundingBox();
  if (!cells) throw new Error('no plot');
  // the middle of the time axis: 6 h of the 12 h run
  const x = cells.x + 40 + (cells.width - 46) / 2;
  await page.mouse.move(x, cells.y + cells.height / 2);
  await expect(page.locator('#plot-tip')).toBeVisible();
  await expect(page.locator('#plot-tip')).toHaveText(/^6:00 h: alive \d+, dying \d+, dead \d+ cells$/);
  const front = await page.locator('#trace-front').boundingBox();
  if (!front) throw new Error('no front plot');
  await page.mouse.move(front.x + 44 + ((front.width - 50) * 9) / 12, front.y + front.height / 2);
  await expect(page.locator('#plot-tip')).toHaveText(/^9:00 h: front \d+ um beyond the origin$/);
  await page.mouse.move(0, 0);
  await expect(page.locator('#plot-tip')).toBeHidden();

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#plots-csv')]);
  const path = await download.path();
  const lines = readFileSync(path, 'utf8').trim().split('\n');
  const n = await page.evaluate(() => window.__ferrowave!.plot.series.t_min.length);
  expect(lines).toHaveLength(n + 1);
  expect(lines[0].startsWith('t_min,alive,dying,dead,mean_')).toBe(true);
  expect(lines[0]).toContain('mean_gsh_uM');
  expect(lines[0].endsWith(',front_um')).toBe(true);
  expect(lines[1].startsWith('0,2000,0,0,')).toBe(true);
  const last = lines.at(-1)?.split(',') ?? [];
  expect(Number(last.at(-1))).toBeGreaterThan(500); // the front has moved by then
});
