// Why this file exists: `npm run speed`, the sandbox's speed as a user sees it: the production
// build (or, with --dev, the vite dev server, to compare) in Debian's headless chromium (software
// WebGL), a big primed dish loaded through a #s= link with N workers, playing with rendering on.
// For each lattice size and cap on drawn frames per second (the page's "draw at most"; in software
// WebGL drawing competes with the simulation workers for the cores): load time (navigation until the
// first simulation is ready), simulation steps per second and frames drawn per second over a window
// of wall time. Repeats are interleaved across the settings (the machine is shared and its load
// drifts); medians are printed as a table and written to bench/sandbox-speed.json (or --out).
// Not part of CI. (A tumour with and without a painted drug: `npm run speed:paint`.) With
// --presets, shipped presets too, each opened by name (?preset=) from t = 0, or from a later
// moment (--from-min, replayed through a share link) so that a wave is running.
//   npm run speed -- [--sizes 1024,2048] [--presets tumour-pregrown-1024] [--from-min 420]
//                    [--fps 60,20,10] [--viewports 1280x800] [--workers 2]
//                    [--window 10] [--repeats 3] [--speed 10] [--dev] [--out FILE]
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import { PRESETS } from '../src/model/presets';
import { resolveScenario } from '../src/model/scenario';
import { FERROWAVE_VERSION } from '../src/model/version';
import { encodeShareHash } from '../src/io/scenario-text';
import { chromiumLaunchOptions } from '../src/node/chromium';
import { buildSandbox, previewSandbox, ROOT, type Served } from './lib/serve-built';
import { median, measureSpeed, type SpeedRun, writeSpeedResults } from './lib/speed-window';

const { values: opt } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1024,2048' },
    presets: { type: 'string', default: '' },
    'from-min': { type: 'string', default: '0' },
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
const sizes = opt.sizes ? opt.sizes.split(',').map(Number) : [];
const presets = opt.presets ? opt.presets.split(',') : [];
for (const p of presets) if (!PRESETS[p]) throw new Error(`no preset ${p}`);
const fromMin = Number(opt['from-min']);
const fpsCaps = opt.fps.split(',').map(Number);
const viewports = opt.viewports.split(',').map((v) => {
  const [width, height] = v.split('x').map(Number);
  return { width, height };
});
const workers = Number(opt.workers);
const windowS = Number(opt.window);
const repeats = Number(opt.repeats);

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

/** a preset by name, from t = 0, or at --from-min through a link to that moment */
function presetQuery(name: string): string {
  if (!(fromMin > 0)) return `&preset=${name}`;
  const sc = resolveScenario(PRESETS[name], FERROWAVE_VERSION);
  return `${encodeShareHash(sc)}&t=${fromMin}`;
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
  const lattices = [
    ...sizes.map((size) => ({ label: `${size} x ${size}`, size, cells: size * size, query: dishHash(size) })),
    ...presets.map((name) => {
      const { width, height } = resolveScenario(PRESETS[name], FERROWAVE_VERSION).lattice;
      return { label: `${name}${fromMin > 0 ? ` at ${fromMin} min` : ''}`, size: width, cells: width * height, query: presetQuery(name) };
    }),
  ];
  const settings = lattices.flatMap((lat) =>
    fpsCaps.flatMap((fps_cap) => viewports.map((viewport) => ({ ...lat, fps_cap, viewport, runs: [] as SpeedRun[] }))),
  );
  try {
    for (let r = 0; r < repeats; r++) {
      for (const st of settings) {
        const url = `${served.url}?workers=${workers}&speed=${opt.speed}&fps=${st.fps_cap}${st.query}`;
        const page = await browser.newPage({ viewport: st.viewport });
        try {
          const run = await measureSpeed(page, url, windowS);
          st.runs.push(run);
          console.log(
            `${st.label}, draw cap ${st.fps_cap} fps, window ${st.viewport.width}x${st.viewport.height}, run ${r + 1}: load ${run.load_s.toFixed(1)} s, ${run.steps_per_s.toFixed(1)} steps/s, ${run.fps.toFixed(0)} fps (${run.kernel})`,
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
    const med = (k: Exclude<keyof SpeedRun, 'kernel'>) => median(st.runs.map((x) => x[k]));
    const { query: _query, ...rest } = st;
    return {
      ...rest,
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
      `| ${r.label} | ${(r.cells / 1e6).toFixed(2)} M | ${r.fps_cap} | ${r.viewport.width}x${r.viewport.height} | ${m.load_s.toFixed(1)} | ${m.steps_per_s.toFixed(1)} | ${m.fps.toFixed(0)} | ${(m.steps_per_s * 0.5).toFixed(1)} |`,
    );
  }
  writeSpeedResults(resolve(ROOT, opt.out), load_before, {
    what: `sandbox speed in headless chromium (software WebGL): primed-dish-1024 scaled to each size, pulse at t = 0, dt 0.5 min${presets.length ? `; presets ${presets.join(', ')} ${fromMin > 0 ? `from ${fromMin} min` : 'from t = 0'}` : ''}`,
    server,
    workers,
    steps_per_frame: Number(opt.speed),
    window_s: windowS,
    repeats,
    results: rows,
  });
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
