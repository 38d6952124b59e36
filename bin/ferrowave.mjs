#!/usr/bin/env node
// Why this file exists: the `ferrowave` executable. The installed package runs the compiled CLI
// (build/node/cli.mjs, made at `npm pack` by scripts/package/build.ts); a development checkout,
// which has the TypeScript sources, runs them through tsx (no build step: a fresh clone runs
// after `npm ci`, and an edit is live at once). Exits with the CLI's code.
import { existsSync } from 'node:fs';

// `ferrowave presets | head` closes the pipe early: that is not an error
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
let main;
if (existsSync(new URL('../src/cli/main.ts', import.meta.url))) {
  const { tsImport } = await import('tsx/esm/api');
  // kernels compiled from sources that changed since are rebuilt before anything loads them
  const { ensureFreshKernels } = await tsImport('../src/node/kernel-freshness.ts', import.meta.url);
  await ensureFreshKernels();
  ({ main } = await tsImport('../src/cli/main.ts', import.meta.url));
} else {
  ({ main } = await import('../build/node/cli.mjs'));
}
process.exitCode = await main(process.argv.slice(2));
