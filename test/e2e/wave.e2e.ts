// The built sandbox runs the wave preset (primed-light-pulse: 10 uM erastin, a light pulse at the
// left edge at 6 h) from the play button, and two screenshots of the canvas taken at two simulated
// times show a front that moved right at the wave's speed. The front is read from the screenshot's
// pixels (the column where dying / dead colours give way to living blue), converted to sites with
// the renderer's camera, and checked against the front in the simulation state.
import { expect, type Page, test } from '@playwright/test';
import { FATE_COLOURS } from '../../src/render/colormaps';
import { decodePng, type Rgba } from './png';
import { openSandbox, playUntil, twoFrames } from './sandbox';

const ALIVE = 1;
const DYING = 2;
const DEAD = 3;

/** nearest fate colour (status code) of an RGB pixel */
function fateOf(r: number, g: number, b: number): number {
  let best = 0;
  let bestD = Infinity;
  FATE_COLOURS.forEach((c, i) => {
    const d = (r - c.rgb[0]) ** 2 + (g - c.rgb[1]) ** 2 + (b - c.rgb[2]) ** 2;
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  });
  return best;
}

/** the first column (from the left) where fewer than half of the cells are dying or dead; columns given as arrays of status codes */
function frontColumn(columns: number[][]): number {
  for (let x = 0; x < columns.length; x++) {
    const col = columns[x];
    const gone = col.filter((s) => s === DYING || s === DEAD).length;
    const alive = col.filter((s) => s === ALIVE).length;
    if (gone + alive > 0 && gone < alive) return x;
  }
  return columns.length;
}

interface Shot {
  t_min: number;
  /** front from the pixels, in sites from the left edge */
  pixelFront: number;
  /** front from the status array, in sites */
  stateFront: number;
  /** dying-coloured pixels within 3 sites of the pixel front */
  dyingNearFront: number;
}

async function shoot(page: Page, t_min: number): Promise<Shot> {
  const t = await playUntil(page, t_min);
  // two frames after the pause, so the canvas shows the final state
  await twoFrames(page);
  const geo = await page.evaluate(() => {
    const app = window.__ferrowave!;
    const st = app.controller.sim.state;
    // the same definition as the pixels: per site column, the statuses of the middle 60% of rows
    const y0 = Math.floor(st.height * 0.2);
    const y1 = Math.ceil(st.height * 0.8);
    const columns: number[][] = [];
    for (let x = 0; x < st.width; x++) {
      const col: number[] = [];
      for (let y = y0; y < y1; y++) col.push(st.status[y * st.width + x]);
      columns.push(col);
    }
    return { camera: app.renderer.camera(), width: st.width, height: st.height, columns };
  });
  const png: Rgba = decodePng(await page.locator('#canvas-host canvas').screenshot());
  const { scale, x: cx, y: cy } = geo.camera;
  expect(scale).toBeGreaterThan(1); // at least a pixel per site, so columns of pixels resolve sites
  const px0 = Math.ceil(cx);
  const px1 = Math.min(png.width, Math.floor(cx + scale * geo.width));
  const py0 = Math.ceil(cy + scale * geo.height * 0.2);
  const py1 = Math.floor(cy + scale * geo.height * 0.8);
  expect(py1 - py0).toBeGreaterThan(10);
  const pixelColumns: number[][] = [];
  for (let x = px0; x < px1; x++) {
    const col: number[] = [];
    for (let y = py0; y < py1; y++) {
      const o = (y * png.width + x) * 4;
      col.push(fateOf(png.data[o], png.data[o + 1], png.data[o + 2]));
    }
    pixelColumns.push(col);
  }
  const fx = frontColumn(pixelColumns);
  let dying = 0;
  for (let x = Math.max(0, fx - Math.ceil(3 * scale)); x < Math.min(pixelColumns.length, fx + Math.ceil(3 * scale)); x++) {
    dying += pixelColumns[x].filter((s) => s === DYING).length;
  }
  return { t_min: t, pixelFront: (px0 + fx - cx) / scale, stateFront: frontColumn(geo.columns), dyingNearFront: dying };
}

test('the wave preset runs and the screenshots show a front that moved at the wave speed', async ({ page }) => {
  await openSandbox(page, '?preset=primed-light-pulse&speed=10');
  const sc = await page.evaluate(() => window.__ferrowave!.controller.scenario);
  expect(sc.lattice.width).toBe(400);
  const siteUm = sc.lattice.site_um;

  const a = await shoot(page, 480);
  const b = await shoot(page, 780);
  console.log(
    `front at ${a.t_min} min: ${a.pixelFront.toFixed(1)} sites (state ${a.stateFront}); at ${b.t_min} min: ${b.pixelFront.toFixed(1)} (state ${b.stateFront})`,
  );

  // the two pictures are far enough apart in time to measure a speed (pause lands a little late)
  expect(b.t_min - a.t_min).toBeGreaterThanOrEqual(150);
  // a front exists and the pixels put it where the simulation state has it
  for (const s of [a, b]) {
    expect(s.pixelFront).toBeGreaterThan(5);
    expect(s.pixelFront).toBeLessThan(sc.lattice.width - 5);
    expect(Math.abs(s.pixelFront - s.stateFront)).toBeLessThanOrEqual(1.5);
    expect(s.dyingNearFront).toBeGreaterThan(0); // dying cells (the front's colour) are visible at the front
  }
  // it moved right at a trigger wave's speed (model: ~5.4 um/min; Co et al. 2024: ~5.5)
  const speed = ((b.pixelFront - a.pixelFront) * siteUm) / (b.t_min - a.t_min);
  console.log(`front speed from pixels: ${speed.toFixed(2)} um/min`);
  expect(speed).toBeGreaterThan(3.5);
  expect(speed).toBeLessThan(8);
});
