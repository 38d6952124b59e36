// Dose-response in the page (issue 16, item 10) on the built app: deferoxamine at three doses on the
// calibration strip, two replicates each, run on the page's run workers: progress, a point per dose
// on both plots with the published titration of Co et al. 2024 drawn beside them and cited, speeds
// that fall with the dose, a table that downloads as CSV; and the sweep file the page offers, run
// by `ferrowave sweep` in Node, gives every run the page ran with the same seed and the same
// numbers, to the last bit. Cancel stops a run and keeps what was done.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ROOT } from '../../scripts/lib/serve-built';
import { errorText, openSandbox } from './sandbox';

/** a file's rows as records by the header's names (the files here hold no quoted commas) */
function records(csv: string): Array<Record<string, string>> {
  const [head, ...lines] = csv.trim().split('\n');
  const names = head.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, k) => [names[k], v])));
}

test('an agent at three doses: points on both plots beside the published ones, a CSV table, the numbers of `ferrowave sweep`', async ({ page }) => {
  await openSandbox(page, '?preset=primed-light-pulse&workers=2');
  await page.click('#sec-dose > summary');
  await expect(page.locator('#dose-agent')).toHaveValue('dfo');
  await expect(page.locator('#dose-base')).toHaveValue('strip');
  // the published titration's doses by default
  await expect(page.locator('#dose-doses')).toHaveValue('0, 0.15625, 0.3125, 0.625, 1.25, 2.5, 5, 10, 20, 40');
  await page.fill('#dose-doses', '20, 40');
  await page.fill('#dose-reps', '2');
  await page.fill('#dose-seed', '5');
  await expect(page.locator('#dose-size')).toHaveText('6 runs of 240 x 4 sites over 15 h, on 2 workers');
  await page.click('#dose-run');
  await expect(page.locator('#dose-view')).toBeVisible();
  await expect(page.locator('#dose-title')).toContainText('deferoxamine (DFO): 3 doses x 2 replicates on the calibration strip');
  await page.waitForFunction(() => window.__ferrowave?.dose.current?.finished, undefined, { timeout: 45_000, polling: 100 });
  await expect(page.locator('#dose-status')).toHaveText(/^6 runs in [\d.]+ s$/);
  await expect(page.locator('#dose-progress')).toBeHidden();
  expect(await errorText(page)).toBe('');

  // a point per dose above 0 on both plots, the published points beside them, the source cited
  const drawn = await page.evaluate(() => {
    const { speed, dead } = window.__ferrowave!.dose.charts;
    const count = (d: unknown[] | undefined) => (d ?? []).filter((v) => v !== null && v !== undefined).length;
    const s = speed.plot!.data;
    return { x: s[0], model: count(s[1] as unknown[]), published: count(s[2] as unknown[]), dead: count(dead.plot!.data[1] as unknown[]) };
  });
  expect(drawn.model).toBe(2);
  expect(drawn.dead).toBe(2);
  expect(drawn.published).toBe(9); // DFO: 9 published doses above 0
  expect(drawn.x).toEqual([0.15625, 0.3125, 0.625, 1.25, 2.5, 5, 10, 20, 40]);
  const inked = await page.evaluate(() => {
    const cv = document.querySelector('#dose-plot-speed canvas') as HTMLCanvasElement;
    const px = (cv.getContext('2d') as CanvasRenderingContext2D).getImageData(0, 0, cv.width, cv.height).data;
    let blue = 0;
    let orange = 0;
    for (let i = 0; i < px.length; i += 4) {
      if (px[i + 2] > 180 && px[i] < 120 && px[i + 1] > 140) blue++; // the model's #56b4e9
      if (px[i] > 200 && px[i + 1] > 130 && px[i + 1] < 180 && px[i + 2] < 60) orange++; // the published #e69f00
    }
    return { blue, orange };
  });
  expect(inked.blue).toBeGreaterThan(30);
  expect(inked.orange).toBeGreaterThan(60);
  await expect(page.locator('#dose-cite')).toContainText('Co, Wu, Lee & Chen');
  await expect(page.locator('#dose-cite')).toContainText('Nature 631:654 (2024), Fig. 3 DFO titration, 96-well');
  await expect(page.locator('#dose-table tr')).toHaveCount(4);
  // the value under the cursor: the model's and the published point at 40 uM
  const over = await page.locator('#dose-plot-speed .u-over').boundingBox();
  if (!over) throw new Error('no speed plot');
  await page.mouse.move(over.x + over.width * 0.98, over.y + over.height / 2);
  await expect(page.locator('#plot-tip')).toHaveText(
    /^40 uM deferoxamine \(DFO\)\nmodel: [\d.]+ ± [\d.]+ of the control's speed \(2 of 2 runs with a wave\)\npublished: 0\.659 ± 0\.095$/,
  );
  await page.mouse.move(0, 0);

  // the table as CSV: DFO slows the wave; the published ratios at 20 and 40 uM beside the model's
  const csv = await page.evaluate(async () => (await fetch((document.getElementById('dose-csv') as HTMLAnchorElement).href)).text());
  const rows = records(csv);
  expect(csv.split('\n')[0]).toBe('dose_uM,speed_um_per_min,ratio,fraction_dead,published_ratio,published_sd,speed_sd_um_per_min,runs,runs_with_wave');
  expect(rows.map((r) => r.dose_uM)).toEqual(['0', '20', '40']);
  const speed = rows.map((r) => Number(r.speed_um_per_min));
  console.log(`DFO 0 / 20 / 40 uM: ${speed.join(' / ')} um/min; ratios ${rows.map((r) => r.ratio).join(' / ')}`);
  expect(speed[1]).toBeLessThan(speed[0]);
  expect(speed[2]).toBeLessThan(speed[1]);
  expect(rows.map((r) => [r.ratio === '1', r.published_ratio])).toEqual([
    [true, '1'],
    [false, '0.785'],
    [false, '0.659'],
  ]);

  // the sweep file, run by `ferrowave sweep`: the same runs, seeds and numbers
  const sweep = await page.evaluate(async () => (await fetch((document.getElementById('dose-sweep') as HTMLAnchorElement).href)).text());
  const runs = await page.evaluate(() => window.__ferrowave!.dose.current!.results);
  const dir = mkdtempSync(join(tmpdir(), 'ferrowave-dose-e2e-'));
  try {
    writeFileSync(join(dir, 'dose.sweep.json'), sweep);
    const r = spawnSync(
      process.execPath,
      [join(ROOT, 'bin/ferrowave.mjs'), 'sweep', join(dir, 'dose.sweep.json'), '--out', join(dir, 'out'), '--workers', '1', '--quiet'],
      {
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(r.status, r.stderr).toBe(0);
    const cli = records(readFileSync(join(dir, 'out/runs.csv'), 'utf8'));
    expect(cli).toHaveLength(6);
    const num = (v: string) => (v === '' ? null : Number(v));
    expect(
      cli.map((c) => ({
        run: Number(c.run),
        dose: Number(c.dfo_uM),
        seed: Number(c.seed),
        ok: c.status === 'ok',
        speed_um_per_min: num(c.wave_speed_um_per_min),
        wave_pattern: c.wave_pattern,
        fraction_dead: num(c.death_fraction_final),
      })),
    ).toEqual(
      runs.map((p) => ({
        run: p!.run,
        dose: p!.dose,
        seed: p!.seed,
        ok: p!.ok,
        speed_um_per_min: p!.speed_um_per_min,
        wave_pattern: p!.wave_pattern,
        fraction_dead: p!.fraction_dead,
      })),
    );
    // and the page's means are those of runs.csv
    for (const row of rows) {
      const s = cli.filter((c) => Number(c.dfo_uM) === Number(row.dose_uM)).map((c) => Number(c.wave_speed_um_per_min));
      expect(Number(row.speed_um_per_min)).toBe(+((s[0] + s[1]) / 2).toPrecision(7));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  // cancel: the runs in flight stop, those done are kept, and a new run starts afresh
  await page.fill('#dose-doses', '0, 1, 2, 3, 4, 5, 6, 7, 8, 9');
  await page.fill('#dose-reps', '3');
  await page.click('#dose-run');
  await page.waitForFunction(() => (window.__ferrowave?.dose.current?.finishedRuns ?? 0) >= 1, undefined, { timeout: 30_000, polling: 50 });
  await page.click('#dose-cancel');
  await expect(page.locator('#dose-status')).toHaveText(/^cancelled after \d+ of 30 runs$/);
  await expect(page.locator('#dose-cancel')).toBeDisabled();
  const after = await page.evaluate(() => window.__ferrowave!.dose.current!.finishedRuns);
  expect(after).toBeGreaterThanOrEqual(1);
  expect(after).toBeLessThan(30);
  await page.click('#dose-close');
  await expect(page.locator('#dose-view')).toBeHidden();
});

test('on the loaded scenario, the form follows a change of preset (its name, lattice and duration)', async ({ page }) => {
  await openSandbox(page, '?preset=primed-light-pulse&workers=2');
  await page.click('#sec-dose > summary');
  await page.fill('#dose-doses', '0, 10');
  await page.fill('#dose-reps', '1');
  await page.selectOption('#dose-base', 'loaded');
  await expect(page.locator('#dose-size')).toHaveText('2 runs of 400 x 40 sites over 15 h, on 2 workers');
  await page.selectOption('#preset', 'primed-ring-wave');
  await expect(page.locator('#dose-size')).toHaveText('2 runs of 400 x 400 sites over 24 h, on 2 workers');
  await expect(page.locator('#dose-base option').nth(1)).toContainText('primed-ring-wave');
  expect(await errorText(page)).toBe('');
});
