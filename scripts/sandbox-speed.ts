// Why this file exists: `npm run speed`, the sandbox's speed as a user sees it: the production
// build (or, with --dev, the vite dev server, to compare) in Debian's headless chromium (software
// WebGL), a big primed dish loaded through a #s= link with N workers, playing with rendering on.
// For each lattice size and cap on drawn frames per second (the page's "draw at most"; in software
// WebGL drawing competes with the simulation workers for the cores): load time (navigation until the
// first simulation is ready), simulation steps per second and frames drawn per second over a window
// of wall time. Repeats are interleaved across the settings (the machine is shared and its load
// drifts); medians are printed as a table and written to bench/sandbox-speed.json (or --out).
// Not part of CI.
//   npm run speed -- [--sizes 1024,2048] [--fps 60,20,10] [--viewports 1280x800] [--workers 2]
//                    [--window 10] [--repeats 3] [--speed 10] [--dev] [--out FILE]
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { createServer } from 'vite';
import { PRESETS } from '../src/model/presets';
import { resolveScenario } from '../src/model/scenario';
import { FERROWAVE_VERSION } from '../src/model/version';
import { encodeShareHash } from '../src/io/scenario-text';
import { chromiumLaunchOptions } from '../src/node/chromium';
import { buildSandbox, previewSandbox, ROOT, type Served } from './lib/serve-built';

const { values: opt } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1024,2048' },
    workers: { type: 'string', default: '2' },
    window: { type: 'string', default: '10' },
    repeats: { type: 'string', default: '3' },
    fps: { type: 'string', default: '60,20,10' },
    // browser window sizes (the canvas fills the window beside the 320 px panel)
    viewports: { type: 'string', default: '1280x800' },
    speed: { type: 'string', default: '10' },
    dev: { type: 'boolean', default: false },
    out: { type: 'string', default: 'bench/sandbox-speed.json' },
  },
});
const sizes = opt.sizes.split(',').map(Number);
const fpsCaps = opt.fps.split(',').map(Number);
const viewports = opt.viewports.split(',').map((v) => {
  const [width, height] = v.split('x').map(Number);
  return { width, height };
});
const workers = Number(opt.workers);
const windowS = Number(opt.window);
const repeats = Number(opt.repeats);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** primed-dish-1024 at size x size sites, the light pulse at t = 0 in the centre (as `npm run bench`: fronts move during the window) */
function dishHash(size: number): string {
  const raw = structuredClone(PRESETS['primed-dish-1024']) as {
    lattice: { width: number; height: number; site_um: number };
    treatments: { agent: string; start_min: number; end_min?: number; region?: { disc: { x_um: number; y_um: number } } }[];
  };
  raw.lattice.width = size;
  raw.lattice.height = size;
  const pulse = raw.treatments.find((t) => t.agent === 'light-pulse');
  if (!pulse?.region) throw new Error('primed-dish-1024 has no light pulse');
  pulse.start_min = 0;
  pulse.end_min = 10;
  pulse.region.disc.x_um = (size * raw.lattice.site_um) / 2;
  pulse.region.disc.y_um = (size * raw.lattice.site_um) / 2;
  return encodeShareHash(resolveScenario({ ...raw, seed: 7 }, FERROWAVE_VERSION));
}

interface Run {
  load_s: number;
  steps_per_s: number;
  fps: number;
  /** median of the app's own per-second steps/s readout during the window */
  steps_per_s_readout: number;
  /** the code that ran the hot loops on the workers ('wasm-simd' or 'typescript') */
  kernel: string;
}

async function measure(page: Page, url: string): Promise<Run> {
  const t0 = performance.now();
  await page.goto(url);
  await page.waitForFunction(() => window.__ferrowave?.ready.then(() => true), undefined, { timeout: 300_000, polling: 100 });
  const load_s = (performance.now() - t0) / 1000;
  const err = await page.evaluate(() => (document.getElementById('error')?.hidden ? '' : document.getElementById('error')?.textContent));
  if (err) throw new Error(`the sandbox reports: ${err}`);
  await page.click('#play');
  await page.waitForTimeout(2000); // warm-up: JIT, first frames, first slow and field steps
  // the step index moves when an advance (up to --speed steps) completes: time the window from one
  // such moment to another, so a big lattice's slow advances do not quantise the rate
  const boundary = () =>
    // (no named functions inside: tsx's keepNames would reference a helper the page lacks)
    page.evaluate(async () => {
      const c = window.__ferrowave!.controller;
      const s0 = c.sim.stepIndex();
      while (c.sim.stepIndex() === s0) await new Promise((ok) => setTimeout(ok, 5));
      return { step: c.sim.stepIndex(), t: performance.now() };
    });
  const a = await boundary();
  const fps: number[] = [];
  const sps: number[] = [];
  let kernel = '';
  for (let i = 0; i < windowS; i++) {
    await page.waitForTimeout(1000);
    const st = await page.evaluate(() => window.__ferrowave?.stats());
    fps.push(st?.fps ?? 0);
    sps.push(st?.stepsPerSec ?? 0);
    kernel = st?.kernel ?? '';
  }
  const b = await boundary();
  await page.click('#play');
  return { load_s, steps_per_s: ((b.step - a.step) * 1000) / (b.t - a.t), fps: median(fps), steps_per_s_readout: median(sps), kernel };
}

async function serve(): Promise<Served> {
  if (!opt.dev) {
    const dir = resolve(ROOT, 'test-results/speed-dist');
    await buildSandbox(dir);
    return previewSandbox({ outDir: dir });
  }
  const server = await createServer({ root: ROOT, logLevel: 'warn', server: { port: 0, host: '127.0.0.1' } });
  await server.listen();
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite dev server has no URL');
  return { url, close: () => server.close() };
}

async function main() {
  const load_before = loadavg()[0];
  const served = await serve();
  const browser = await chromium.launch(chromiumLaunchOptions());
  const settings = sizes.flatMap((size) => fpsCaps.flatMap((fps_cap) => viewports.map((viewport) => ({ size, fps_cap, viewport, runs: [] as Run[] }))));
  try {
    for (let r = 0; r < repeats; r++) {
      for (const st of settings) {
        const url = `${served.url}?workers=${workers}&speed=${opt.speed}&fps=${st.fps_cap}${dishHash(st.size)}`;
        const page = await browser.newPage({ viewport: st.viewport });
        try {
          const run = await measure(page, url);
          st.runs.push(run);
          console.log(
            `${st.size}x${st.size}, draw cap ${st.fps_cap} fps, window ${st.viewport.width}x${st.viewport.height}, run ${r + 1}: load ${run.load_s.toFixed(1)} s, ${run.steps_per_s.toFixed(1)} steps/s, ${run.fps.toFixed(0)} fps (${run.kernel})`,
          );
        } finally {
          await page.close();
        }
      }
    }
  } finally {
    await browser.close();
    await served.close();
  }
  const rows = settings.map((st) => {
    const med = (k: Exclude<keyof Run, 'kernel'>) => median(st.runs.map((x) => x[k]));
    return {
      ...st,
      cells: st.size * st.size,
      kernel: [...new Set(st.runs.map((x) => x.kernel))].join(', '),
      median: { load_s: med('load_s'), steps_per_s: med('steps_per_s'), fps: med('fps'), steps_per_s_readout: med('steps_per_s_readout') },
    };
  });
  const server = opt.dev ? 'vite dev' : 'vite build + preview';
  console.log(
    `\nsandbox speed (${server}, ${workers} workers, ${opt.speed} steps/frame at most, window ${windowS} s, medians of ${repeats}; load average ${load_before.toFixed(1)} -> ${loadavg()[0].toFixed(1)} on ${cpus().length} cores)`,
  );
  console.log('| lattice | cells | draw cap (fps) | browser window | load (s) | steps/s | fps drawn | simulated min per wall s |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    const m = r.median;
    console.log(
      `| ${r.size} x ${r.size} | ${(r.cells / 1e6).toFixed(2)} M | ${r.fps_cap} | ${r.viewport.width}x${r.viewport.height} | ${m.load_s.toFixed(1)} | ${m.steps_per_s.toFixed(1)} | ${m.fps.toFixed(0)} | ${(m.steps_per_s * 0.5).toFixed(1)} |`,
    );
  }
  const out = resolve(ROOT, opt.out);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(
    out,
    `${JSON.stringify(
      {
        what: 'sandbox speed in headless chromium (software WebGL): primed-dish-1024 scaled to each size, pulse at t = 0, dt 0.5 min',
        date: new Date().toISOString(),
        server,
        machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? '' },
        // the 1-minute load average before and after: other processes share the machine
        load_average: { before: load_before, after: loadavg()[0] },
        workers,
        steps_per_frame: Number(opt.speed),
        window_s: windowS,
        repeats,
        results: rows,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`written: ${opt.out}`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
