// The README's main command: `npm start` builds the sandbox, serves it and prints the URL to open;
// that URL gives a cross-origin isolated page whose simulation runs. Started here as a user does
// (npm start, with a free port and a temporary build folder), stopped by its process group.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ROOT } from '../../scripts/lib/serve-built';
import { openSandbox, stepIndex } from './sandbox';

test('npm start prints a URL that serves the isolated sandbox, and it runs', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'ferrowave-start-'));
  let child: ChildProcess | null = null;
  try {
    child = spawn('npm', ['start', '--', '--port', '0', '--out-dir', dir], { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stderr?.on('data', (d) => {
      out += d;
    });
    const url = await new Promise<string>((ok, fail) => {
      const timer = setTimeout(() => fail(new Error(`npm start printed no URL in 60 s:\n${out}`)), 60_000);
      child?.stdout?.on('data', (d) => {
        out += d;
        const m = /open: (http:\/\/\S+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          ok(m[1]);
        }
      });
      child?.on('exit', (code) => fail(new Error(`npm start exited (${code}):\n${out}`)));
    });
    expect(url).toMatch(/^http:\/\/localhost:\d+\/$/);
    const res = await fetch(url);
    expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(res.headers.get('cross-origin-embedder-policy')).toBe('require-corp');

    await openSandbox(page, '', url);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    await page.click('#step');
    await page.click('#play');
    await page.waitForFunction(() => (window.__ferrowave?.controller.sim.stepIndex() ?? 0) > 10, undefined, { timeout: 20_000 });
    expect(await stepIndex(page)).toBeGreaterThan(10);
  } finally {
    if (child?.pid && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((ok) => child?.on('exit', ok));
      process.kill(-child.pid, 'SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  }
});
