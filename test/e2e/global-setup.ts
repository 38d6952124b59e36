// Why this file exists: the e2e tests run against the production build, as a user gets it from
// `npm start`: built once per run into a temporary folder (never the developer's dist/), served by
// vite preview with the isolation headers on a free port. The URL and the build folder reach the
// tests through environment variables (playwright's workers inherit them); the returned function
// stops the server and removes the folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSandbox, previewSandbox } from '../../scripts/lib/serve-built';

export default async function globalSetup(): Promise<() => Promise<void>> {
  const dir = mkdtempSync(join(tmpdir(), 'ferrowave-e2e-'));
  const t0 = performance.now();
  const outDir = await buildSandbox(dir);
  const served = await previewSandbox({ outDir });
  console.log(`e2e: built in ${((performance.now() - t0) / 1000).toFixed(1)} s, serving ${served.url}`);
  process.env.FERROWAVE_E2E_URL = served.url;
  process.env.FERROWAVE_E2E_DIST = outDir;
  return async () => {
    await served.close();
    rmSync(dir, { recursive: true, force: true });
  };
}
