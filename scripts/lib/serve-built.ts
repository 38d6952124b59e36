// Why this file exists: the production sandbox is `vite build` output served by `vite preview`
// (with the COOP/COEP headers from vite.config.ts). `npm start`, the e2e tests, the speed script and
// the screenshot script all build and serve it the same way, through vite's JS API (never by
// spawning `npx vite`: killing npx orphans vite), and can also serve the same files WITHOUT any
// headers, as a plain static host would (to test the service-worker shim).
import { serveFiles } from '../../src/node/static-server';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type PreviewServer, preview } from 'vite';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** vite build of index.html (+ workers, public/) into `outDir` (absolute, or relative to the repo). */
export async function buildSandbox(outDir = 'dist'): Promise<string> {
  const out = resolve(ROOT, outDir);
  // the app is one page loaded once (its load time is what `npm run speed` measures): vite's
  // 500 kB chunk advice would only push the URL that `npm start` prints off the screen
  await build({ root: ROOT, logLevel: 'warn', build: { outDir: out, emptyOutDir: true, chunkSizeWarningLimit: 4096 } });
  return out;
}

export interface Served {
  /** base URL ending in '/' */
  url: string;
  close(): Promise<void>;
}

/**
 * vite preview of a built `outDir` with vite.config.ts's preview settings (COOP/COEP headers).
 * port 0 picks a free port; host true listens on every interface.
 */
export async function previewSandbox(
  opts: { outDir?: string; port?: number; host?: string | boolean; strictPort?: boolean } = {},
): Promise<Served & { server: PreviewServer }> {
  const server = await preview({
    root: ROOT,
    logLevel: 'warn',
    build: { outDir: resolve(ROOT, opts.outDir ?? 'dist') },
    preview: { port: opts.port ?? 0, host: opts.host ?? '127.0.0.1', strictPort: opts.strictPort ?? false, open: false },
  });
  const addr = server.httpServer.address() as AddressInfo;
  const url = `http://${opts.host === true || opts.host === '0.0.0.0' ? 'localhost' : '127.0.0.1'}:${addr.port}/`;
  return { server, url, close: () => server.close() };
}

/**
 * A plain static file server for `outDir` on 127.0.0.1 (free port): content types only, no COOP/COEP
 * or any other header, as a bare static host sends. `prefix` (e.g. '/ferrowave/') mounts the files
 * under a sub-path, as a project page on a static host would.
 */
export function serveStatic(outDir: string, prefix = '/'): Promise<Served> {
  return serveFiles(resolve(ROOT, outDir), { prefix });
}
