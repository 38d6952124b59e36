// The live plots read their values under the cursor and export every sample (issue 16, item 6):
// on the built app, the plots are uPlot charts with time ticks in hours and a y axis named with its
// unit; hovering the cells plot, the mean plot and the front plot shows the nearest sample's time
// and values with units in a tip and in each legend (the three cursors move together), the legends
// read the last sample when the cursor leaves, and "export the plots as CSV" downloads every sample
// of the cells, the mean of each variable and the front.
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
  // the axes: 0..12 h (the run's length), the y axes named with their units
  const axes = await page.evaluate(() => {
    const app = window.__ferrowave!;
    return [app.plot.chart, app.traces.meanChart, app.traces.frontChart].map((c) => ({
      x: [c.plot?.scales.x.min, c.plot?.scales.x.max],
      y: c.plot?.axes[1].label,
    }));
  });
  expect(axes).toEqual([
    { x: [0, 720], y: 'cells' },
    { x: [0, 720], y: 'gsh (uM)' },
    { x: [0, 720], y: 'front (um)' },
  ]);
  const legend = (id: string) => page.locator(`#${id} .u-legend .u-series:not(:first-child)`).allTextContents();
  // away from the plots, the legends read the last sample
  const latest = await page.evaluate(() => {
    const s = window.__ferrowave!.plot.series;
    return { alive: s.alive.at(-1), dead: s.dead.at(-1) };
  });
  await expect.poll(() => legend('plot')).toEqual([`alive${latest.alive}`, expect.stringMatching(/^dying\d+$/), `dead${latest.dead}`]);
  await expect.poll(() => legend('trace-mean')).toEqual([expect.stringMatching(/^mean gsh[\d.]+ uM$/)]);

  const over = async (id: string) => {
    const box = await page.locator(`#${id} .u-over`).boundingBox();
    if (!box) throw new Error(`no plot area in #${id}`);
    return box;
  };
  // the middle of the time axis: 6 h of the 12 h run
  const cells = await over('plot');
  await page.mouse.move(cells.x + cells.width / 2, cells.y + cells.height / 2);
  await expect(page.locator('#plot-tip')).toBeVisible();
  await expect(page.locator('#plot-tip')).toHaveText(/^6:00 h: alive \d+, dying \d+, dead \d+ cells$/);
  // the legends follow the cursor: the 6 h sample's counts, and the mean plot's cursor moved with it
  const at6 = await page.evaluate(() => {
    const s = window.__ferrowave!.plot.series;
    const k = s.t_min.indexOf(360);
    return { alive: s.alive[k], gsh: window.__ferrowave!.traces.series.means.gsh[k] };
  });
  await expect.poll(() => legend('plot')).toContain(`alive${at6.alive}`);
  await expect.poll(() => legend('trace-mean')).toEqual([`mean gsh${+at6.gsh.toPrecision(4)} uM`]);
  const mean = await over('trace-mean');
  await page.mouse.move(mean.x + mean.width / 4, mean.y + mean.height / 2);
  await expect(page.locator('#plot-tip')).toHaveText(/^3:00 h: mean gsh [\d.]+ uM$/);
  const front = await over('trace-front');
  await page.mouse.move(front.x + (front.width * 9) / 12, front.y + front.height / 2);
  await expect(page.locator('#plot-tip')).toHaveText(/^9:00 h: front [\d.]+ um beyond the origin$/);
  await page.mouse.move(0, 0);
  await expect(page.locator('#plot-tip')).toBeHidden();
  await expect.poll(() => legend('plot')).toEqual([`alive${latest.alive}`, expect.stringMatching(/^dying\d+$/), `dead${latest.dead}`]);

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
