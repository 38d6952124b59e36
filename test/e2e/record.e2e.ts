// Videos for talks (issue 16, item 9), on the built app: the record dialog opened on a tumour offers
// the talk defaults in plain words (the tissue framed, the clock counting from the first treatment,
// the pace fitted to the rest of the run and said as "1 s of video = N simulated h"), says what is
// wrong with a pace that does not work and which ones do, and records a clip whose frames show the
// tumour filling most of the frame's height (a third of it when the whole lattice was shown).
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { openSandbox } from './sandbox';

test('the record dialog frames the tumour, counts from erastin and fits the pace by default', async ({ page }) => {
  test.setTimeout(180_000);
  await openSandbox(page, '?preset=tumour-erastin');
  // to the moment erastin is given (24 h), paused
  await page.evaluate(async () => {
    const c = window.__ferrowave!.controller;
    c.pause();
    await c.step(1440 / c.sim.dt);
  });
  await page.click('#sec-record > summary');
  await page.click('#record-open');
  await expect(page.locator('#record-dialog')).toBeVisible();
  await expect(page.locator('#rec-area')).toHaveValue('tissue');
  await expect(page.locator('#rec-clock')).toHaveValue('first-treatment');
  await expect(page.locator('#rec-clock option:checked')).toHaveText('the first treatment (erastin, at 24:00 h)');
  await expect(page.locator('#rec-mps')).toHaveValue('');
  await expect(page.locator('#rec-length')).toHaveValue('20');
  // no pace given: the rest of the run (24 h to 60 h) in 20 s at 30 frames/s
  await expect(page.locator('#rec-hint')).toContainText('1 s of video = 1.75 simulated h, fitted: 24:00 h to 58:56 h of the run in 20 s');

  // a pace that does not work, said in plain words with the ones that do
  await page.fill('#rec-mps', '20');
  await expect(page.locator('#rec-hint')).toContainText(
    'pace: 1 s of video = 20 simulated min does not work; the nearest paces that do are 15 min and 30 min. At 30 frames/s, 1 s of video can show 15 min, 30 min, 45 min, 1 h, 1.25 h, ...',
  );
  // in hours
  await page.fill('#rec-mps', '1');
  await page.selectOption('#rec-mps-unit', 'h');
  await expect(page.locator('#rec-hint')).toContainText('1 s of video = 1 simulated h (600 frames, 2 min each)');

  // a short clip with the defaults: 720p, 10 frames/s, 2 s, the pace fitted again
  await page.fill('#rec-mps', '');
  await page.selectOption('#rec-resolution', '720p');
  await page.selectOption('#rec-fps', '10');
  await page.fill('#rec-length', '2');
  // 2160 min over 19 frame intervals: 227 model steps (113.5 min) per frame
  await expect(page.locator('#rec-hint')).toContainText(
    '1 s of video = 18.92 simulated h, fitted: 24:00 h to 59:56 h of the run in 2 s (20 frames, 1.892 h each)',
  );
  await page.click('#rec-start');
  await expect(page.locator('#rec-download')).toBeVisible({ timeout: 120_000 });
  await expect(page.locator('#rec-error')).toBeHidden();
  const result = (await page.locator('#rec-result').textContent()) ?? '';
  expect(result).toContain('20 frames, 1 s of video = 18.92 simulated h, showing ');
  const shown = result.match(/showing (\d+) x (\d+) sites/);
  expect(shown, result).not.toBeNull();
  // a 16:9 frame around the ~55-site tumour, not the 150 x 150 lattice
  expect(Number(shown?.[2])).toBeLessThan(80);

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#rec-download')]);
  const file = join(mkdtempSync(join(tmpdir(), 'ferrowave-e2e-record-')), 'clip.webm');
  await download.saveAs(file);
  const probe = spawnSync('ffprobe', ['-v', 'error', '-count_frames', '-show_entries', 'stream=width,height,nb_read_frames', '-of', 'csv=p=0', file], {
    encoding: 'utf8',
  });
  expect(probe.stdout.trim()).toBe('1280,720,20');
  // the first frame: rows holding living (blue) cells in the middle of the frame span most of its height
  const raw = spawnSync('ffmpeg', ['-v', 'error', '-i', file, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'], { maxBuffer: 16 << 20 }).stdout;
  expect(raw.length).toBe(1280 * 720 * 3);
  let top = 720;
  let bottom = -1;
  for (let y = 0; y < 720; y++)
    for (let x = 300; x < 980; x++) {
      const o = 3 * (y * 1280 + x);
      if (Math.abs(raw[o]) < 40 && Math.abs(raw[o + 1] - 114) < 40 && Math.abs(raw[o + 2] - 178) < 40) {
        top = Math.min(top, y);
        bottom = Math.max(bottom, y);
      }
    }
  expect((bottom - top) / 720).toBeGreaterThan(0.75);
});
