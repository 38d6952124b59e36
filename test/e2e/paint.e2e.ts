// Painting with the mouse changes the wave's course: on a primed dish with the light pulse in its
// centre, ferrostatin-1 painted with the brush over the right half (before the pulse) stops the
// wave there while it crosses the left half; the same dish unpainted dies on both sides. Driven
// through the "treat" form and real mouse drags on the canvas of the built app; the outcome is
// read from the simulation state (dying + dead share per half).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { ROOT } from '../../scripts/lib/serve-built';
import { resolveScenario } from '../../src/model/scenario';
import { FERROWAVE_VERSION } from '../../src/model/version';
import { encodeShareHash } from '../../src/io/scenario-text';
import { openSandbox, playUntil } from './sandbox';

const W = 160; // sites: 3.2 mm
const H = 80; // 1.6 mm
const SITE = 20;

/** primed-light-pulse on a W x H dish, the pulse (6 h) in the centre, 20 h long (pausing lands a little late: never at the end) */
function dish(): string {
  // (read as a file: playwright's loader does not take the JSON imports of src/model/presets.ts)
  const raw = JSON.parse(readFileSync(join(ROOT, 'public/presets/primed-light-pulse.json'), 'utf8')) as {
    lattice: { width: number; height: number; site_um: number };
    duration_min: number;
    treatments: { agent: string; region?: { disc: { x_um: number; y_um: number; r_um: number } } }[];
  };
  raw.lattice = { width: W, height: H, site_um: SITE };
  raw.duration_min = 1200;
  const pulse = raw.treatments.find((t) => t.agent === 'light-pulse');
  if (!pulse?.region) throw new Error('primed-light-pulse has no light pulse');
  pulse.region.disc = { x_um: (W * SITE) / 2, y_um: (H * SITE) / 2, r_um: 100 };
  return encodeShareHash(resolveScenario({ ...raw, seed: 7 }, FERROWAVE_VERSION));
}

/** share of sites dying or dead left of x0_um and right of x1_um */
const halves = (page: Page, x0_um: number, x1_um: number) =>
  page.evaluate(
    ([a, b]) => {
      const st = window.__ferrowave!.controller.sim.state;
      const site = window.__ferrowave!.controller.scenario.lattice.site_um;
      let lg = 0;
      let ln = 0;
      let rg = 0;
      let rn = 0;
      for (let y = 0; y < st.height; y++) {
        for (let x = 0; x < st.width; x++) {
          const xu = (x + 0.5) * site;
          const gone = st.status[y * st.width + x] === 2 || st.status[y * st.width + x] === 3 ? 1 : 0;
          if (xu < a) {
            lg += gone;
            ln++;
          } else if (xu > b) {
            rg += gone;
            rn++;
          }
        }
      }
      return { left: lg / ln, right: rg / rn };
    },
    [x0_um, x1_um],
  );

/** drag the mouse along points given in um on the lattice */
async function drag(page: Page, points_um: [number, number][]): Promise<void> {
  const box = await page.locator('#canvas-host canvas').boundingBox();
  if (!box) throw new Error('no canvas');
  const cam = await page.evaluate(() => window.__ferrowave!.renderer.camera());
  const at = ([x, y]: [number, number]) => [box.x + cam.x + (x / SITE) * cam.scale, box.y + cam.y + (y / SITE) * cam.scale] as const;
  const [x0, y0] = at(points_um[0]);
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  for (const p of points_um.slice(1)) {
    const [x, y] = at(p);
    await page.mouse.move(x, y, { steps: 8 });
  }
  await page.mouse.up();
}

const MID = (W * SITE) / 2;

test('ferrostatin-1 painted on the right half of a primed dish stops the wave there; unpainted, both halves die', async ({ page }) => {
  await openSandbox(page, `?speed=10${dish()}`);
  await playUntil(page, 300);
  await page.selectOption('#tx-agent', 'ferrostatin-1');
  await page.fill('#tx-amount', '10');
  await page.selectOption('#tx-where', 'brush');
  await expect(page.locator('#mouse-mode')).toHaveValue('paint');
  await page.fill('#tx-radius', '300');
  // three vertical strokes 500 um apart with a 300 um brush: a continuous band from x = 1.6 mm to the right edge
  for (const x of [MID + 300, MID + 800, MID + 1300])
    await drag(page, [
      [x, 0],
      [x, H * SITE * 0.5],
      [x, H * SITE],
    ]);
  await expect(page.locator('#treatment-list li.added')).toHaveCount(3);
  await expect(page.locator('#treatment-list li.added').first()).toContainText('ferrostatin-1 10 uM');
  await expect(page.locator('#treatment-list li.added').first()).toContainText('painted');
  const painted = await page.evaluate(() => window.__ferrowave!.exportScenario().treatments.filter((t) => t.agent === 'ferrostatin-1'));
  expect(painted).toHaveLength(3);
  for (const t of painted) expect(Math.min(...(t.region?.stroke?.points_um ?? [[0, 0]]).map((p) => p[0]))).toBeGreaterThan(MID);

  await playUntil(page, 840);
  const treated = await halves(page, MID - 300, MID + 300);

  // the same dish, unpainted, to the same time (in a page of its own)
  const other = await page.context().newPage();
  await openSandbox(other, `?speed=10${dish()}`);
  await playUntil(other, 840);
  const control = await halves(other, MID - 300, MID + 300);
  console.log(
    `dying + dead: painted dish left ${treated.left.toFixed(2)}, right ${treated.right.toFixed(2)}; unpainted left ${control.left.toFixed(2)}, right ${control.right.toFixed(2)}`,
  );

  expect(control.left).toBeGreaterThan(0.8);
  expect(control.right).toBeGreaterThan(0.8);
  expect(treated.left).toBeGreaterThan(0.8); // the wave crossed the unpainted half
  expect(treated.right).toBeLessThan(0.05); // and stopped where ferrostatin-1 was painted
});
