// End-to-end tests of the BUILT sandbox (`npm run e2e`, part of `npm test`): test/e2e/*.e2e.ts in
// Debian's headless chromium. The global setup builds the app once into a temporary folder and
// serves it with `vite preview` (COOP/COEP headers) on a free port; tests get its URL from
// FERROWAVE_E2E_URL. One worker: the machine has 2 cores and the sandbox's workers need them.
// Besides the list on the console, results go to test-results/e2e-report.json (.ci/run counts them).
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './src/node/chromium';

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.e2e.ts',
  outputDir: 'test-results/e2e',
  globalSetup: './test/e2e/global-setup.ts',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 20_000 },
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-report.json' }]],
  use: {
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions(),
    viewport: { width: 1280, height: 800 },
    screenshot: 'off',
    trace: 'off',
  },
});
