// Test runner config. Two projects:
//  - node:    plain unit/integration tests under test/ (not test/browser), in forked child
//             processes so a test may start its own worker_threads.
//  - browser: tests under test/browser/ in real headless Chromium (Debian's package, driven by
//             playwright-core), served with COOP/COEP so crossOriginIsolated is true and
//             SharedArrayBuffer works in the page and in module workers. Its globalSetup runs in
//             Node and hands values (nodeHashes) to browser tests through provide/inject.
// vitest reads this file instead of vite.config.ts, so the isolation headers are repeated here
// (not imported: an extensionless import of ./vite.config makes vite warn about its native loader).
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { CHROMIUM_ARGS } from './src/node/chromium.ts';

const crossOriginIsolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 120_000,
    passWithNoTests: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/browser/**', '**/node_modules/**'],
          pool: 'forks',
        },
      },
      {
        extends: true,
        server: { headers: crossOriginIsolationHeaders },
        worker: { format: 'es' },
        // pre-bundled up front so a fresh clone does not reload the page mid-run to add them
        optimizeDeps: { include: ['comlink', 'seedrandom', 'uplot'] },
        // the tests serve no static files; with public/ served, vite warned on every import of a
        // preset (src/model/presets.ts imports public/presets/*.json: 144 lines per run)
        publicDir: false,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/browser/global-setup.ts'],
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: playwright({
              launchOptions: {
                executablePath: chromiumPath,
                args: [...CHROMIUM_ARGS],
              },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
