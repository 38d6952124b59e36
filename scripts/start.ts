// Why this file exists: `npm start`, the README's main command: builds the sandbox (vite build into
// dist/, about a second) and serves it with vite preview, cross-origin isolated (COOP/COEP from
// vite.config.ts), on every interface at a fixed port (4173, or --port / $PORT; the next free one
// if taken), and prints the URL to open. The built app loads faster and steps faster than the dev
// server (measured with `npm run speed` and `npm run speed -- --dev`); `npm run dev` is for editing.
import { parseArgs } from 'node:util';
import { ensureFreshKernels } from '../src/node/kernel-freshness';
import { buildSandbox, previewSandbox } from './lib/serve-built';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '4173' },
    // where the build goes (the tests use a temporary folder)
    'out-dir': { type: 'string', default: 'dist' },
  },
});

const t0 = performance.now();
// the page bundles the kernels: rebuild them first if their sources changed
await ensureFreshKernels();
const outDir = await buildSandbox(values['out-dir']);
const served = await previewSandbox({ outDir, port: Number(values.port), host: true });
const urls = served.server.resolvedUrls;
const local = urls?.local[0] ?? served.url;
console.log(`\nferrowave sandbox built in ${((performance.now() - t0) / 1000).toFixed(1)} s and served (cross-origin isolated)`);
console.log(`\n  open: ${local}\n`);
const network = urls?.network ?? [];
for (const u of network) console.log(`  on the network: ${u}`);
if (network.length > 0) {
  // browsers allow SharedArrayBuffer only in a secure context: https, or http on localhost
  const port = new URL(local).port;
  console.log(`  (from another machine over plain http the page cannot be isolated: tunnel it,
   ssh -L ${port}:localhost:${port} <this host>, and open ${local})`);
}
console.log('\n  Ctrl+C stops it. The headless default run is `npm run demo`.\n');

const stop = () => {
  served.close().finally(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
