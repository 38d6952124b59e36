// Branches compared side by side (issue 16, item 3) on the built app: from the checkpoints section
// a primed dish is compared at 5 h with nothing added, ferrostatin-1 and RSL3: three panes run on
// one clock, the overlaid plots (with every branch's values under the cursor) and the table fill in, the table (the CLI's summary of each branch:
// deaths, wave speed, t50) downloads as CSV, ferrostatin-1 saves the dish, and ending the
// comparison returns to the sandbox as it was.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ROOT } from '../../scripts/lib/serve-built';
import { encodeShareHash } from '../../src/io/scenario-text';
import { resolveScenario } from '../../src/model/scenario';
import { FERROWAVE_VERSION } from '../../src/model/version';
import { openSandbox, playUntil, stepIndex } from './sandbox';

/** primed-light-pulse on a 120 x 40 dish, the pulse (6 h) in its centre, 12 h long (read as a file: playwright's loader does not take JSON imports) */
function dish(): string {
  const raw = JSON.parse(readFileSync(join(ROOT, 'public/presets/primed-light-pulse.json'), 'utf8'));
  raw.lattice = { width: 120, height: 40, site_um: 20 };
  raw.duration_min = 720;
  const pulse = raw.treatments.find((t: { agent: string }) => t.agent === 'light-pulse');
  pulse.region.disc = { x_um: 1200, y_um: 400, r_um: 100 };
  return encodeShareHash(resolveScenario({ ...raw, seed: 7 }, FERROWAVE_VERSION));
}

test('three branches from a checkpoint run side by side on one clock, with overlaid plots and a CSV table', async ({ page }) => {
  await openSandbox(page, `?speed=10${dish()}`);
  await playUntil(page, 300);
  const before = await stepIndex(page);

  await page.click('#sec-checkpoints > summary');
  await expect(page.locator('#compare-agent-0')).toHaveValue('control');
  await page.selectOption('#compare-agent-1', 'ferrostatin-1');
  await page.fill('#compare-dose-1', '10');
  await page.selectOption('#compare-agent-2', 'rsl3');
  await page.fill('#compare-dose-2', '1');
  await expect(page.locator('#compare-from')).toHaveValue(''); // now: saves a checkpoint
  await page.click('#compare-start');
  await expect(page.locator('#compare-view')).toBeVisible();
  await expect(page.locator('#compare-view .compare-panes canvas')).toHaveCount(3);
  await expect(page.locator('#checkpoint-list li')).toHaveCount(1);

  await page.click('#compare-play');
  await page.waitForFunction(() => window.__ferrowave?.compare.current?.finished(), undefined, { timeout: 60_000 });
  const times = await page.evaluate(() => window.__ferrowave!.compare.current!.arms.map((a) => a.sim.time()));
  expect(times).toEqual([720, 720, 720]); // one clock
  await expect(page.locator('#compare-play')).toBeDisabled();

  // the table: one row per branch, the CLI's summary of each
  await expect(page.locator('#compare-view table tr')).toHaveCount(4);
  const rows = await page.evaluate(() => window.__ferrowave!.compare.current!.table());
  expect(rows.map((r) => r.arm)).toEqual(['nothing added', 'ferrostatin-1 10 uM', 'rsl3 1 uM']);
  console.log(rows.map((r) => `${r.arm}: ${r.deaths} deaths, wave ${r.wave} ${r.wave_speed_um_per_min?.toFixed(2) ?? '–'} um/min`).join('; '));
  expect(rows[0].wave).toBe('wave');
  expect(rows[1].deaths).toBeLessThan(rows[0].deaths / 2); // ferrostatin-1 stops the wave
  await expect(page.locator('#compare-view table')).toContainText('nothing added');
  await expect(page.locator('#compare-view table')).toContainText(rows[0].wave_speed_um_per_min!.toFixed(2));
  const csv = await page.evaluate(async () => (await fetch((document.getElementById('compare-csv') as HTMLAnchorElement).href)).text());
  const lines = csv.trim().split('\n');
  expect(lines[0]).toBe('branch,t_min,deaths,fraction_dead,wave,wave_speed_um_per_min,wave_r2,t50_min');
  expect(lines[1].startsWith(`nothing added,720,${rows[0].deaths},`)).toBe(true);
  expect(lines).toHaveLength(4);

  // overlaid curves were drawn (something besides the background in the cells plot)
  const inked = await page.evaluate(() => {
    const cv = document.querySelector('#compare-plot-cells canvas') as HTMLCanvasElement;
    const px = (cv.getContext('2d') as CanvasRenderingContext2D).getImageData(0, 0, cv.width, cv.height).data;
    let n = 0;
    for (let i = 0; i < px.length; i += 4) if (px[i + 2] > 150 && px[i] < 120) n++; // the first branch's blue
    return n;
  });
  expect(inked).toBeGreaterThan(20);
  // the value of every branch under the cursor, with units, from the checkpoint's time to the end
  const over = await page.locator('#compare-plot-front .u-over').boundingBox();
  if (!over) throw new Error('no front plot');
  await page.mouse.move(over.x + over.width / 2, over.y + over.height / 2);
  const tip = page.locator('#plot-tip');
  await expect(tip).toBeVisible();
  await expect(tip).toHaveText(/^\d+:\d\d h: front beyond the origin\nnothing added: [\d.]+ um\nferrostatin-1 10 uM: ([\d.]+ um|–)\nrsl3 1 uM: [\d.]+ um$/);
  const cells = await page.locator('#compare-plot-cells .u-over').boundingBox();
  if (!cells) throw new Error('no cells plot');
  await page.mouse.move(cells.x + cells.width - 1, cells.y + cells.height / 2);
  await expect(tip).toHaveText(
    /^12:00 h: cells\nnothing added: \d+ alive, \d+ dead\nferrostatin-1 10 uM: \d+ alive, \d+ dead\nrsl3 1 uM: \d+ alive, \d+ dead$/,
  );
  await page.mouse.move(0, 0);
  await expect(tip).toBeHidden();

  // back to the sandbox, untouched
  await page.click('#compare-end');
  await expect(page.locator('#compare-view')).toBeHidden();
  expect(await stepIndex(page)).toBe(before);
  expect(await page.evaluate(() => window.__ferrowave!.compare.current)).toBeNull();
});
