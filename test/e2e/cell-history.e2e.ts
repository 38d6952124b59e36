// A cell's whole history (issue 16, item 5) on the built app: a cell selected with the mouse after
// the wave passed gets its history from t = 0, replayed from the run in a worker (the page keeps
// running), every variable with axes and units (a chart from t = 0 to the selection, the value
// under the cursor), the replayed values joining the live ones where the selection was made, and a
// CSV of every variable with units in its header.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ROOT } from '../../scripts/lib/serve-built';
import { encodeShareHash } from '../../src/io/scenario-text';
import { resolveScenario } from '../../src/model/scenario';
import { FERROWAVE_VERSION } from '../../src/model/version';
import { openSandbox, playUntil } from './sandbox';

/** primed-light-pulse on a 100 x 30 dish (read as a file: playwright's loader does not take JSON imports) */
function dish(): string {
  const raw = JSON.parse(readFileSync(join(ROOT, 'public/presets/primed-light-pulse.json'), 'utf8'));
  raw.lattice = { width: 100, height: 30, site_um: 20 };
  return encodeShareHash(resolveScenario({ ...raw, seed: 7 }, FERROWAVE_VERSION));
}

test('a selected cell gets its history from t = 0, replayed, with every variable and a CSV', async ({ page }) => {
  await openSandbox(page, `?speed=10${dish()}`);
  const t = await playUntil(page, 480);
  await page.selectOption('#mouse-mode', 'inspect');
  const box = await page.locator('#canvas-host canvas').boundingBox();
  if (!box) throw new Error('no canvas');
  // a cell 10 sites from the pulse at the left edge: the wave has passed it
  const p = await page.evaluate(() => window.__ferrowave!.renderer.siteToScreen(10, 15));
  await page.mouse.click(box.x + p.px, box.y + p.py);
  await expect(page.locator('#inspector')).toBeVisible();
  await expect(page.locator('#inspector')).toContainText('replayed from t = 0', { timeout: 30_000 });

  const h = await page.evaluate(() => {
    const app = window.__ferrowave!;
    const hist = app.inspector.history;
    const i = app.inspector.selected!.i;
    return {
      t: hist.t_min,
      lpo: hist.lpo,
      status: app.controller.sim.state.status[i],
      lpoNow: app.controller.sim.state.cell.lpo[i],
      every: app.controller.scenario.output.sample_every_min,
    };
  });
  expect(h.t[0]).toBe(0);
  expect(h.t.at(-1)).toBe(t); // the live sample taken at the selection
  for (let k = 1; k < h.t.length; k++) expect(h.t[k] - h.t[k - 1]).toBeGreaterThanOrEqual(h.every);
  expect(h.t.length).toBeGreaterThan(t / h.every - 2);
  expect(h.lpo.at(-1)).toBe(h.lpoNow);
  expect(h.status).toBeGreaterThanOrEqual(2); // dying or dead: its lipid peroxides rose on the way
  expect(Math.max(...h.lpo)).toBeGreaterThan(10 * h.lpo[0]);

  // every variable can be plotted, with its unit on the axis
  const options = await page.locator('#inspect-var option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).textContent));
  expect(options).toContain('gsh (uM)');
  expect(options).toContain('o2 (uM)');
  await page.selectOption('#inspect-var', 'gsh');
  const chart = await page.evaluate(() => {
    const u = window.__ferrowave!.inspector.chart.plot;
    return { x: [u?.scales.x.min, u?.scales.x.max], y: u?.axes[1].label, n: u?.data[0].length };
  });
  expect(chart).toEqual({ x: [0, t], y: 'gsh (uM)', n: h.t.length });
  const over = await page.locator('#inspect-history .u-over').boundingBox();
  if (!over) throw new Error('no history chart');
  await page.mouse.move(over.x + 1, over.y + over.height / 2);
  await expect(page.locator('#plot-tip')).toHaveText(/^0:00 h: gsh [\d.]+ uM$/);
  await expect(page.locator('#inspect-history .u-legend')).toContainText(/gsh[\d.]+ uM/);

  const csv = await page.evaluate(async () => (await fetch((document.getElementById('inspect-csv') as HTMLAnchorElement).href)).text());
  const lines = csv.trim().split('\n');
  expect(lines[0].startsWith('t_min,fe_uM,')).toBe(true);
  expect(lines[0]).toContain('lpo_au');
  expect(lines).toHaveLength(h.t.length + 1);
  expect(lines[1].startsWith('0,')).toBe(true);
  expect(await page.locator('#inspect-csv').getAttribute('download')).toBe('site-10-15.csv');
});
