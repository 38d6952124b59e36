// Why this file exists: `ferrowave record` in the installed package opens the prebuilt sandbox
// (build/sandbox, vite's output made at `npm pack`), so it needs no vite at run time: this serves
// that folder on 127.0.0.1 (a free port) with the two headers that make the page cross-origin
// isolated (SharedArrayBuffer) and the content types a browser checks (module scripts, wasm).
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
};

export const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
} as const;

export interface StaticServer {
  /** base URL ending in '/' */
  url: string;
  close(): Promise<void>;
}

/** Serve the files under `dir` with the isolation headers (GET and HEAD; index.html for a folder; nothing outside it). */
export function serveIsolated(dir: string): Promise<StaticServer> {
  return serveFiles(dir, { headers: ISOLATION_HEADERS });
}

/**
 * Serve the files under `dir` on 127.0.0.1 (a free port), mounted under `prefix` (e.g.
 * '/ferrowave/', as a project page on a static host), each response with `headers` besides its
 * content type (GET and HEAD; index.html for a folder; nothing outside `dir`).
 */
export async function serveFiles(dir: string, opts: { headers?: Record<string, string>; prefix?: string } = {}): Promise<StaticServer> {
  const headers = opts.headers ?? {};
  const prefix = opts.prefix ?? '/';
  const root = resolve(dir);
  const server = createServer((req, res) => {
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      res.writeHead(400).end('bad request');
      return;
    }
    if (!path.startsWith(prefix)) {
      res.writeHead(404, headers).end('not found');
      return;
    }
    let file = resolve(join(root, path.slice(prefix.length)));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file) || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, headers).end('not found');
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Content-Length': statSync(file).size });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
