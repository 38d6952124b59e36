// A comparison preset (issue 14: Ca2+-free vs normal medium side by side, checkpoint and branch)
// on the built app: choosing calcium-free-vs-normal in the list under the preset selector loads
// primed-light-pulse, runs it to 5 h on the workers with a progress line, saves the checkpoint and
// opens the comparison with its two branches, paused at 5 h on one clock; played past the 6 h light
// pulse to the end, the table shows a wave in both, the one in Ca2+-free medium slower and its front behind.
import { expect, test } from '@playwright/test';
import { errorText, openSandbox } from './sandbox';

test('the Ca2+-free comparison preset runs to its checkpoint and compares the two media side by side', async ({ page }) => {
  // as a first visit shows it: the "what you are seeing" card open (it would cover the comparison's table)
  await openSandbox(page, '?speed=25&intro=1');
  await expect(page.locator('#intro')).toBeVisible();
  const option = page.locator('#comparison-preset option[value="calcium-free-vs-normal"]');
  await expect(option).toHaveCount(1);
  expect(await option.getAttribute('title')).toMatch(/Ca2\+-free medium/);

  // every line the status shows while the base runs to the checkpoint
  await page.evaluate(() => {
    const el = document.getElementById('comparison-status') as HTMLElement;
    const seen: string[] = [];
    (window as unknown as { __statusLines: string[] }).__statusLines = seen;
    new MutationObserver(() => seen.push(el.textContent ?? '')).observe(el, { childList: true, characterData: true, subtree: true });
  });
  const t0 = Date.now();
  await page.selectOption('#comparison-preset', 'calcium-free-vs-normal');
  await expect(page.locator('#compare-view')).toBeVisible({ timeout: 30_000 });
  console.log(`checkpoint and comparison ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  expect(await errorText(page)).toBe('');
  await expect(page.locator('#comparison-desc')).toContainText('calcium-free-vs-normal: ');
  await expect(page.locator('#comparison-status')).toBeHidden();
  await expect(page.locator('#intro')).toBeHidden();
  const lines = await page.evaluate(() => (window as unknown as { __statusLines: string[] }).__statusLines);
  const progress = lines.filter((l) => /^running primed-light-pulse to the checkpoint at 5:00 h: \d+:\d\d h \(\d+ %\)$/.test(l));
  expect(progress.length, lines.join('\n')).toBeGreaterThan(1); // shown piece by piece, frames in between

  // the base preset ran to the checkpoint, which was saved; the comparison starts there, paused
  await expect(page.locator('#preset')).toHaveValue('primed-light-pulse');
  await expect(page.locator('#checkpoint-list li')).toHaveCount(1);
  await expect(page.locator('#compare-view .compare-panes canvas')).toHaveCount(2);
  await expect(page.locator('#compare-view .compare-title')).toHaveText('calcium-free-vs-normal: 2 branches from checkpoint #1 (5:00 h)');
  const start = await page.evaluate(() => {
    const app = window.__ferrowave!;
    const c = app.compare.current!;
    return { main: app.controller.sim.time(), arms: c.arms.map((a) => [a.label, a.sim.time()]), playing: c.playing };
  });
  expect(start).toEqual({
    main: 300,
    arms: [
      ['normal medium', 300],
      ['Ca2+-free medium', 300],
    ],
    playing: false,
  });
  await expect(page.locator('#compare-view table')).toContainText('normal medium');
  await expect(page.locator('#compare-view table')).toContainText('Ca2+-free medium');

  // play past the pulse (6 h) to the end (15 h): the wave crosses the strip in both media
  await page.click('#compare-play');
  await page.waitForFunction(() => window.__ferrowave?.compare.current?.finished(), undefined, { timeout: 45_000, polling: 100 });
  await expect(page.locator('#compare-play')).toBeDisabled();
  const rows = await page.evaluate(() => {
    const c = window.__ferrowave!.compare.current!;
    return c.table().map((r, k) => ({ ...r, front_um: c.arms[k].samples.at(-1)?.front_um ?? null, at: c.arms[k].samples.at(-1)?.t_min }));
  });
  console.log(
    rows
      .map((r) => `${r.arm} at ${r.t_min} min: ${r.deaths} deaths, ${r.wave} ${r.wave_speed_um_per_min?.toFixed(2)} um/min, front ${r.front_um?.toFixed(0)} um`)
      .join('; '),
  );
  const [normal, free] = rows;
  expect([normal.t_min, free.t_min]).toEqual([900, 900]); // one clock, to the end
  expect(normal.wave).toBe('wave');
  expect(free.wave).toBe('wave');
  expect(free.deaths).toBeGreaterThan(0); // cells still commit to death without outside Ca2+
  expect(free.wave_speed_um_per_min as number).toBeLessThan(normal.wave_speed_um_per_min as number);
  expect(free.at).toBe(normal.at);
  expect(free.front_um as number).toBeLessThan(normal.front_um as number);
  // the table on the page shows both speeds
  const table = page.locator('#compare-view table');
  await expect(table).toContainText((normal.wave_speed_um_per_min as number).toFixed(2));
  await expect(table).toContainText((free.wave_speed_um_per_min as number).toFixed(2));
});

test('choosing another preset while a comparison preset runs to its checkpoint stops it; the other preset runs', async ({ page }) => {
  await openSandbox(page, '?speed=25');
  // both choices in one task: the run to the checkpoint has not taken a step when the second comes
  await page.evaluate(() => {
    const choose = (id: string, value: string) => {
      const sel = document.getElementById(id) as HTMLSelectElement;
      sel.value = value;
      sel.dispatchEvent(new Event('change'));
    };
    choose('comparison-preset', 'calcium-free-vs-normal');
    choose('preset', 'unprimed-light-pulse');
  });
  await expect(page.locator('#comparison-status')).toHaveText(
    'calcium-free-vs-normal: interrupted before the checkpoint at 5:00 h; choose it again to start over',
  );
  await page.waitForFunction(() => window.__ferrowave?.controller.scenario.name === 'unprimed-light-pulse');
  await expect(page.locator('#preset')).toHaveValue('unprimed-light-pulse');
  await expect(page.locator('#compare-view')).toBeHidden();
  await expect(page.locator('#checkpoint-list li')).toHaveCount(0);
  expect(await page.evaluate(() => window.__ferrowave!.controller.sim.time())).toBe(0);
  expect(await errorText(page)).toBe('');
});
