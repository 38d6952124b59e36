#!/usr/bin/env node
// Why this file exists: the `ferrowave` executable. Loads the TypeScript CLI through tsx (no build
// step, so a fresh clone runs after `npm ci`) and exits with its code.
import { tsImport } from 'tsx/esm/api';

// `ferrowave presets | head` closes the pipe early: that is not an error
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
// kernels compiled from sources that changed since are rebuilt before anything loads them
const { ensureFreshKernels } = await tsImport('../src/node/kernel-freshness.ts', import.meta.url);
await ensureFreshKernels();
const { main } = await tsImport('../src/cli/main.ts', import.meta.url);
process.exitCode = await main(process.argv.slice(2));
