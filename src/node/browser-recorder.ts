// Why this file exists: records a video in the sandbox page, driven from Node: the installed
// package serves its prebuilt sandbox (build/sandbox) with a small static server, a checkout
// serves the sources through vite's JS API; Debian's chromium opens it headless (playwright-core) with the
// scenario in the link, steps to the first frame's time and calls window.__ferrowave.record() (the
// code the sandbox's record dialog runs); the bytes come back in chunks. `ferrowave record`
// (src/cli/record-command.ts) checks the options first and writes the file.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeShareHash } from '../io/scenario-text';
import type { ResolvedScenario } from '../model/scenario';
import type { RecordPlan, RecordRequest, SiteRect } from '../record/options';
import { BUILD } from './build-info';
import { chromiumLaunchOptions } from './chromium';
import { type StaticServer, serveIsolated } from './static-server';

/** A checked recording: the scenario, the page's request and the plan it gives, where to start. */
export interface BrowserRecordJob {
  scenario: ResolvedScenario;
  request: RecordRequest;
  plan: RecordPlan;
  /** the first frame's simulated time (a multiple of dt_min) */
  fromMin: number;
  /** the sandbox's simulation workers */
  workers: number;
}

/** The page's progress, once per frame. */
export interface RecordProgress {
  frame: number;
  frames: number;
  t_min: number;
  elapsed_s: number;
  eta_s: number;
}

export interface RecordHooks {
  /** a line (with its newline) for the log */
  log(line: string): void;
  onProgress(p: RecordProgress): void;
}

/** Serve the sandbox, open it in headless chromium, record: the file's bytes, the codec used and the sites shown (null: the whole lattice). */
export async function recordInBrowser(job: BrowserRecordJob, hooks: RecordHooks): Promise<{ bytes: Buffer; codec: string; region: SiteRect | null }> {
  const { chromium } = await import('playwright-core');
  const server = await serveSandbox();
  let browser: Awaited<ReturnType<typeof chromium.launch>> | null = null;
  try {
    const url = server.url;
    browser = await chromium.launch({ ...chromiumLaunchOptions(), headless: true });
    const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    // tsx compiles this file with esbuild's keepNames, which wraps the functions handed to
    // page.evaluate in __name(...): give the page a no-op __name so they run there
    await page.addInitScript('globalThis.__name = (f) => f;');
    await page.exposeFunction('__ferrowaveProgress', (p: RecordProgress) => hooks.onProgress(p));
    // the sandbox with this scenario (seed inside the link), drawing its live view at most once a second
    await page.goto(`${url}?fps=1&workers=${job.workers}${encodeShareHash(job.scenario)}`);
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    // started, or stopped with a message in its error box (e.g. not cross-origin isolated)
    const shownError = () => {
      const e = document.getElementById('error');
      return e && !e.hidden ? e.textContent : null;
    };
    await page.waitForFunction(`Boolean(window.__ferrowave) || (${shownError.toString()})() !== null`, undefined, { timeout: 120_000 }).catch((e) => {
      throw new Error(`the sandbox did not start in 120 s${pageErrors.length ? ` (page errors: ${pageErrors.join('; ')})` : ''}: ${(e as Error).message}`);
    });
    await page.evaluate(() => window.__ferrowave?.ready);
    const err = await page.evaluate(shownError);
    if (err) throw new Error(`the sandbox reported: ${err}`);
    if (job.fromMin > 0) {
      hooks.log(`[ferrowave] record: running to t = ${job.fromMin} min first\n`);
      await page.evaluate(
        async (steps) => {
          const app = window.__ferrowave;
          if (!app) throw new Error('no sandbox');
          await app.controller.step(steps);
        },
        Math.round(job.fromMin / job.scenario.numerics.dt_min),
      );
    }
    const meta = await page.evaluate(async (req) => {
      const app = window.__ferrowave;
      if (!app) throw new Error('no sandbox');
      const w = window as unknown as { __ferrowaveProgress: (p: unknown) => void; __ferrowaveRecording?: Uint8Array };
      const rec = await app.record(req, { onProgress: (p) => void w.__ferrowaveProgress(p) });
      w.__ferrowaveRecording = rec.bytes;
      return { size: rec.bytes.length, codec: rec.codec, frames: rec.plan.frames, t_min: app.controller.sim.time(), region: rec.plan.region };
    }, job.request);
    if (meta.frames !== job.plan.frames) throw new Error(`the page recorded ${meta.frames} frames, expected ${job.plan.frames}`);
    // the file, in base64 chunks of 3 MiB
    const chunks: Buffer[] = [];
    const CHUNK = 3 << 20;
    for (let off = 0; off < meta.size; off += CHUNK) {
      const b64 = await page.evaluate(
        ([o, n]) => {
          const bytes = (window as unknown as { __ferrowaveRecording: Uint8Array }).__ferrowaveRecording.subarray(o, o + n);
          let s = '';
          for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
          return btoa(s);
        },
        [off, CHUNK] as const,
      );
      chunks.push(Buffer.from(b64, 'base64'));
    }
    const bytes = Buffer.concat(chunks);
    if (bytes.length !== meta.size) throw new Error(`read ${bytes.length} of ${meta.size} bytes from the page`);
    return { bytes, codec: meta.codec, region: meta.region };
  } finally {
    await browser?.close().catch(() => undefined);
    await server.close().catch(() => undefined);
  }
}

/** The sandbox page on a local URL: the prebuilt one in the package, vite's dev server in a checkout. */
async function serveSandbox(): Promise<StaticServer> {
  if (BUILD) {
    const dir = fileURLToPath(new URL('../../build/sandbox/', import.meta.url));
    if (!existsSync(join(dir, 'index.html'))) throw new Error(`the built sandbox is missing (${dir}): reinstall ferrowave`);
    return serveIsolated(dir);
  }
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
  const { createServer } = await import('vite');
  const server = await createServer({
    root,
    configFile: resolve(root, 'vite.config.ts'),
    logLevel: 'error',
    clearScreen: false,
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false },
    // bundled before the page loads, so the dev server never reloads the page mid-run to add them
    optimizeDeps: { include: ['comlink', 'seedrandom', 'pixi.js', 'mediabunny'] },
  });
  await server.listen();
  const url = server.resolvedUrls?.local[0];
  if (!url) {
    await server.close();
    throw new Error('vite did not report a local URL');
  }
  return { url, close: () => server.close() };
}
