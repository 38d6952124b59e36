// Why this file exists: `ferrowave record`: a talk video from the command line, made by the very
// code the sandbox's record dialog runs. Options are checked in Node first (same rules as the
// page: src/record/options.ts; exit 2, nothing started), then vite serves the sandbox through its
// JS API, Debian's chromium opens it headless (playwright-core) with the scenario in the link,
// steps to --from-min and calls window.__ferrowave.record(); the bytes come back in chunks and are
// written atomically. A progress line goes to stderr.
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { ResolvedScenario } from '../model/scenario';
import { type FormatName, FORMATS, type RecordPlan, type RecordRequest, RecordOptionError, resolveRecordOptions } from '../record/options';
import { encodeShareHash } from '../io/scenario-text';
import { loadScenario } from './scenario-input';
import { chromiumLaunchOptions } from './chromium';

export const RECORD_USAGE = `  ferrowave record <scenario.json | preset> --out FILE.webm|FILE.mp4 [--width W --height H | --resolution NAME]
                [--fps F] [--seconds S | --minutes M] --minutes-per-second P [--codec vp9|h264|av1]
                [--view NAME] [--title TEXT] [--no-overlays] [--region X,Y,W,H] [--from-min T] [--seed N]
                [--set path=value ...]
                [--workers N] [--force] [--quiet]
                   a frame-exact video in headless chromium (CHROMIUM_PATH or /usr/bin/chromium), the same
                   file the sandbox's record dialog makes; WebM/VP9 (the default for .webm) is byte-identical
                   on a second run. Resolutions: 720p, 1080p (default), square-1024, square-2048, 4k.`;

export class RecordUsageError extends Error {}

export interface RecordJob {
  scenario: ResolvedScenario;
  request: RecordRequest;
  plan: RecordPlan;
  out: string;
  fromMin: number;
  workers: number;
  quiet: boolean;
}

const num = (name: string, v: string | undefined): number | undefined => {
  if (v === undefined) return undefined;
  const x = Number(v);
  if (v.trim() === '' || !Number.isFinite(x)) throw new RecordUsageError(`--${name} must be a number, got "${v}"`);
  return x;
};

/** Parse and check everything (no browser, no server): throws RecordUsageError / RecordOptionError / ScenarioError. */
export function parseRecordArgs(args: string[]): RecordJob {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (e) {
    throw new RecordUsageError((e as Error).message);
  }
  const { values: v, positionals } = parsed;
  if (positionals.length !== 1) throw new RecordUsageError('record takes exactly one scenario (a .json file or a preset name)');
  if (!v.out) throw new RecordUsageError('record needs --out FILE.webm or FILE.mp4');
  const ext = extname(v.out).toLowerCase();
  if (ext !== '.webm' && ext !== '.mp4') throw new RecordUsageError(`--out: the file must end in .webm or .mp4, got "${v.out}"`);
  const codec = v.codec ?? (ext === '.webm' ? 'vp9' : 'h264');
  const format = `${ext.slice(1)}-${codec}` as FormatName;
  if (!FORMATS[format]) throw new RecordUsageError(`--codec: ${codec} cannot go in a ${ext} file; offered: ${Object.keys(FORMATS).join(', ')} (container-codec)`);
  const out = resolve(v.out);
  if (existsSync(out) && !v.force) throw new RecordUsageError(`--out: ${v.out} exists; pass --force to replace it`);
  const workers = num('workers', v.workers) ?? 2;
  if (!Number.isInteger(workers) || workers < 1 || workers > 4) throw new RecordUsageError(`--workers must be 1 to 4 (the sandbox's range), got ${workers}`);
  const sc = loadScenario(positionals[0], { seed: v.seed, set: v.set });
  const dt = sc.numerics.dt_min;
  const fromMin = num('from-min', v['from-min']) ?? 0;
  const k = fromMin / dt;
  if (!(fromMin >= 0 && Math.abs(k - Math.round(k)) < 1e-6 && fromMin <= sc.duration_min)) {
    throw new RecordOptionError([`--from-min: the first frame's simulated time must be a multiple of dt_min = ${dt} min from 0 to duration_min = ${sc.duration_min}, got ${v['from-min']}`]);
  }
  const request: RecordRequest = {
    fps: num('fps', v.fps) ?? 30,
    minutesPerSecond: num('minutes-per-second', v['minutes-per-second']),
    format,
    overlays: !v['no-overlays'],
    title: v.title ?? '',
  };
  if (v.resolution !== undefined) request.resolution = v.resolution;
  if (v.width !== undefined || v.height !== undefined) {
    request.width = num('width', v.width);
    request.height = num('height', v.height);
  }
  if (v.seconds !== undefined) request.seconds = num('seconds', v.seconds);
  if (v.minutes !== undefined) request.minutes = num('minutes', v.minutes);
  if (v.view !== undefined) request.view = v.view;
  if (v.region !== undefined) {
    const parts = v.region.split(',').map((x) => Number(x));
    if (parts.length !== 4 || parts.some((x) => !Number.isInteger(x))) throw new RecordUsageError(`--region must be X,Y,W,H in whole sites (top-left site and size), got "${v.region}"`);
    request.region = { x: parts[0], y: parts[1], width: parts[2], height: parts[3] };
  }
  const plan = resolveRecordOptions(request, { dt_min: dt, t0_min: Math.round(k) * dt, duration_min: sc.duration_min, defaultView: 'fate', lattice: sc.lattice });
  return { scenario: sc, request, plan, out, fromMin: Math.round(k) * dt, workers, quiet: Boolean(v.quiet) };
}

function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      width: { type: 'string' },
      height: { type: 'string' },
      resolution: { type: 'string' },
      fps: { type: 'string' },
      seconds: { type: 'string' },
      minutes: { type: 'string' },
      'minutes-per-second': { type: 'string' },
      codec: { type: 'string' },
      view: { type: 'string' },
      region: { type: 'string' },
      title: { type: 'string' },
      'no-overlays': { type: 'boolean' },
      'from-min': { type: 'string' },
      seed: { type: 'string' },
      set: { type: 'string', multiple: true },
      workers: { type: 'string' },
      force: { type: 'boolean' },
      quiet: { type: 'boolean' },
    },
  });
}

interface ProgressMsg {
  frame: number;
  frames: number;
  t_min: number;
  elapsed_s: number;
  eta_s: number;
}

/** Run a checked job: serve, open, record, write. Resolves with what was written. */
export async function recordCommand(job: RecordJob): Promise<{ out: string; bytes: number; wall_s: number; codec: string }> {
  const t0 = performance.now();
  const log = (s: string) => {
    if (!job.quiet) process.stderr.write(s);
  };
  const tty = Boolean(process.stderr.isTTY);
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
  const { createServer } = await import('vite');
  const { chromium } = await import('playwright-core');
  log(`[ferrowave] record: ${job.plan.frames} frames ${job.plan.width} x ${job.plan.height} at ${job.plan.fps} frames/s, ${job.plan.format}, t = ${job.plan.t0_min}-${job.plan.tEnd_min} min of ${job.scenario.name}\n`);
  const server = await createServer({
    root,
    configFile: resolve(root, 'vite.config.ts'),
    logLevel: 'error',
    clearScreen: false,
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false },
    // bundled before the page loads, so the dev server never reloads the page mid-run to add them
    optimizeDeps: { include: ['comlink', 'seedrandom', 'pixi.js', 'mediabunny'] },
  });
  let browser: Awaited<ReturnType<typeof chromium.launch>> | null = null;
  try {
    await server.listen();
    const url = server.resolvedUrls?.local[0];
    if (!url) throw new Error('vite did not report a local URL');
    browser = await chromium.launch({ ...chromiumLaunchOptions(), headless: true });
    const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    // tsx compiles this file with esbuild's keepNames, which wraps the functions handed to
    // page.evaluate in __name(...): give the page a no-op __name so they run there
    await page.addInitScript('globalThis.__name = (f) => f;');
    let lastDecile = -1;
    let lastDraw = 0;
    await page.exposeFunction('__ferrowaveProgress', (p: ProgressMsg) => {
      const line = `[ferrowave] record: frame ${p.frame}/${p.frames} t=${p.t_min.toFixed(1)} min ${((100 * p.frame) / p.frames).toFixed(0)}% elapsed ${p.elapsed_s.toFixed(1)} s, ETA ${Number.isFinite(p.eta_s) ? p.eta_s.toFixed(1) : '?'} s`;
      if (tty) {
        const now = performance.now();
        if (now - lastDraw < 200 && p.frame < p.frames) return;
        lastDraw = now;
        log(`\r${line}\x1b[K`);
      } else {
        const d = Math.floor((10 * p.frame) / p.frames);
        if (d === lastDecile) return;
        lastDecile = d;
        log(`${line}\n`);
      }
    });
    // the sandbox with this scenario (seed inside the link), drawing its live view at most once a second
    await page.goto(`${url}?fps=1&workers=${job.workers}${encodeShareHash(job.scenario)}`);
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    // started, or stopped with a message in its error box (e.g. not cross-origin isolated)
    const shownError = () => {
      const e = document.getElementById('error');
      return e && !e.hidden ? e.textContent : null;
    };
    await page
      .waitForFunction(`Boolean(window.__ferrowave) || (${shownError.toString()})() !== null`, undefined, { timeout: 120_000 })
      .catch((e) => {
        throw new Error(`the sandbox did not start in 120 s${pageErrors.length ? ` (page errors: ${pageErrors.join('; ')})` : ''}: ${(e as Error).message}`);
      });
    await page.evaluate(() => window.__ferrowave?.ready);
    const err = await page.evaluate(shownError);
    if (err) throw new Error(`the sandbox reported: ${err}`);
    if (job.fromMin > 0) {
      log(`[ferrowave] record: running to t = ${job.fromMin} min first\n`);
      await page.evaluate(async (steps) => {
        const app = window.__ferrowave;
        if (!app) throw new Error('no sandbox');
        await app.controller.step(steps);
      }, Math.round(job.fromMin / job.scenario.numerics.dt_min));
    }
    const meta = await page.evaluate(async (req) => {
      const app = window.__ferrowave;
      if (!app) throw new Error('no sandbox');
      const w = window as unknown as { __ferrowaveProgress: (p: unknown) => void; __ferrowaveRecording?: Uint8Array };
      const rec = await app.record(req, { onProgress: (p) => void w.__ferrowaveProgress(p) });
      w.__ferrowaveRecording = rec.bytes;
      return { size: rec.bytes.length, codec: rec.codec, frames: rec.plan.frames, t_min: app.controller.sim.time() };
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
    const tmp = `${job.out}.part`;
    writeFileSync(tmp, bytes);
    renameSync(tmp, job.out);
    const wall = (performance.now() - t0) / 1000;
    log(`${tty ? '\n' : ''}[ferrowave] record: wrote ${job.out} (${(bytes.length / 1e6).toFixed(2)} MB, ${meta.codec}) in ${wall.toFixed(1)} s\n`);
    return { out: job.out, bytes: bytes.length, wall_s: wall, codec: meta.codec };
  } finally {
    await browser?.close().catch(() => undefined);
    await server.close().catch(() => undefined);
  }
}
