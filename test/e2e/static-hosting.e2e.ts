// The production build hosted as plain static files: a tiny node:http server sends dist/ without
// COOP/COEP (as a bare static host does), under a sub-path (/ferrowave/, as a project page would be). The page starts not isolated, public/coi-serviceworker.js
// adds the headers, the page reloads once, becomes cross-origin isolated and the sandbox runs.
// Also: the same server with the headers never registers the worker (it is not needed there).
import { expect, test } from '@playwright/test';
import { serveStatic } from '../../scripts/lib/serve-built';
import { openSandbox, stepIndex } from './sandbox';

const dist = () => {
  const d = process.env.FERROWAVE_E2E_DIST;
  if (!d) throw new Error('FERROWAVE_E2E_DIST is unset: run with `npm run e2e`');
  return d;
};

test('served without isolation headers, the service-worker shim makes the page isolated after one reload and it runs', async ({ page }) => {
  const served = await serveStatic(dist(), '/ferrowave/');
  try {
    // the server really sends no isolation headers
    const res = await fetch(served.url);
    expect(res.headers.get('cross-origin-opener-policy')).toBeNull();
    expect(res.headers.get('cross-origin-embedder-policy')).toBeNull();

    const loads: string[] = [];
    page.on('request', (r) => r.isNavigationRequest() && loads.push(r.url()));
    await openSandbox(page, '?speed=5', served.url);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(`${served.url}coi-serviceworker.js`);
    expect(loads.length).toBe(2); // the first load, then the one reload
    expect(await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).type)).toBe('reload');

    await page.click('#play');
    await page.waitForFunction(() => (window.__ferrowave?.controller.sim.stepIndex() ?? 0) > 20, undefined, { timeout: 20_000 });
    expect(await stepIndex(page)).toBeGreaterThan(20);
    expect(await page.locator('#error').isHidden()).toBe(true);
  } finally {
    await served.close();
  }
});

test('served with the isolation headers (vite preview), the page is isolated at once and registers no service worker', async ({ page }) => {
  const loads: string[] = [];
  page.on('request', (r) => r.isNavigationRequest() && loads.push(r.url()));
  await openSandbox(page);
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
  expect(loads.length).toBe(1);
});
