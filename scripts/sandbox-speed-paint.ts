// Why this file exists: `npm run speed:paint`, what painting a drug costs a tumour in the page
// (issue 16: painting once cut a tumour from ~100 to ~30 steps/s). The production build in headless
// chromium (as `npm run speed`) opens tumour-erastin at 25:00 h (erastin in the plasma since 24:00 h;
// a link to that moment, replayed on the workers) and plays it, either as it is or after
// ferrostatin-1 10 uM was painted with the mouse (brush r 300 um, three strokes) over the right half
// of the tumour. The preset's light pulse is left out, so that both runs keep a living tumour and
// differ only by the painting, and its duration is lengthened so that no run ends in the window.
// The two settings alternate (the machine is shared and its load drifts); each run's steps/s, the
// medians and ranges are printed and written to bench/sandbox-speed-paint.json (or --out).
// Not part of CI.
//   npm run speed:paint -- [--workers 2] [--window 10] [--repeats 4] [--speed 10] [--fps 60] [--out FILE]
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { PRESETS } from '../src/model/presets';
import { resolveScenario } from '../src/model/scenario';
import { FERROWAVE_VERSION } from '../src/model/version';
import { encodeShareHash } from '../src/io/scenario-text';
import { chromiumLaunchOptions } from '../src/node/chromium';
import { buildSandbox, previewSandbox, ROOT } from './lib/serve-built';
import { median, measureSpeed, type SpeedRun, writeSpeedResults } from './lib/speed-window';

const { values: opt } = parseArgs({
  options: {
    workers: { type: 'string', default: '2' },
    window: { type: 'string', default: '10' },
    repeats: { type: 'string', default: '4' },
    speed: { type: 'string', default: '10' },
    fps: { type: 'string', default: '60' },
    out: { type: 'string', default: 'bench/sandbox-speed-paint.json' },
  },
});
const windowS = Number(opt.window);
const repeats = Number(opt.repeats);
const PRESET = 'tumour-erastin';
/** the moment the page opens at (min): erastin reached the tumour an hour before */
const OPEN_MIN = 1500;
const PAINT = { agent: 'ferrostatin-1', uM: 10, r_um: 300, strokes_x_um: [1650, 1950, 2250], y_um: [800, 2200] as const };

/** the tumour, without its light pulse, long enough for any window; a link to OPEN_MIN */
function tumourLink(): string {
  const raw = structuredClone(PRESETS[PRESET]) as { duration_min: number; treatments: { agent: string }[] };
  raw.treatments = raw.treatments.filter((t) => t.agent !== 'light-pulse');
  raw.duration_min = 20_000;
  return `${encodeShareHash(resolveScenario(raw, FERROWAVE_VERSION))}&t=${OPEN_MIN}`;
}

/** paint PAINT through the "treat" form and mouse drags on the canvas, as a user does */
async function paint(page: Page): Promise<void> {
  await page.selectOption('#tx-agent', PAINT.agent);
  await page.fill('#tx-amount', String(PAINT.uM));
  await page.selectOption('#tx-where', 'brush');
  await page.fill('#tx-radius', String(PAINT.r_um));
  const box = await page.locator('#canvas-host canvas').boundingBox();
  if (!box) throw new Error('no canvas');
  const cam = await page.evaluate(() => window.__ferrowave!.renderer.camera());
  const site = await page.evaluate(() => window.__ferrowave!.controller.scenario.lattice.site_um);
  const at = (x: number, y: number) => [box.x + cam.x + (x / site) * cam.scale, box.y + cam.y + (y / site) * cam.scale] as const;
  for (const x of PAINT.strokes_x_um) {
    await page.mouse.move(...at(x, PAINT.y_um[0]));
    await page.mouse.down();
    await page.mouse.move(...at(x, PAINT.y_um[1]), { steps: 16 });
    await page.mouse.up();
  }
  await page.waitForFunction((n) => document.querySelectorAll('#treatment-list li.added').length === n, PAINT.strokes_x_um.length, { timeout: 30_000 });
}

async function main() {
  const load_before = loadavg()[0];
  const dir = resolve(ROOT, 'test-results/speed-dist');
  await buildSandbox(dir);
  const served = await previewSandbox({ outDir: dir });
  const browser = await chromium.launch(chromiumLaunchOptions());
  const url = `${served.url}?workers=${opt.workers}&speed=${opt.speed}&fps=${opt.fps}${tumourLink()}`;
  const settings = [
    { painted: false, runs: [] as SpeedRun[] },
    { painted: true, runs: [] as SpeedRun[] },
  ];
  try {
    for (let r = 0; r < repeats; r++) {
      // alternate which goes first, so neither always meets the same drift in load
      for (const st of r % 2 ? [...settings].reverse() : settings) {
        const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
        try {
          const run = await measureSpeed(page, url, windowS, st.painted ? paint : undefined);
          st.runs.push(run);
          console.log(
            `${PRESET} ${st.painted ? 'painted' : 'unpainted'}, run ${r + 1}: ${run.steps_per_s.toFixed(1)} steps/s, ${run.fps.toFixed(0)} fps (${run.kernel})`,
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
  const summary = settings.map((st) => {
    const sps = st.runs.map((x) => x.steps_per_s);
    return { painted: st.painted, runs: st.runs, steps_per_s: { median: median(sps), min: Math.min(...sps), max: Math.max(...sps) } };
  });
  const [none, painted] = summary;
  const cost = 1 - painted.steps_per_s.median / none.steps_per_s.median;
  console.log(
    `\n${PRESET} at ${OPEN_MIN} min (${opt.workers} workers, ${opt.speed} steps/frame at most, draw cap ${opt.fps} fps, window ${windowS} s, ${repeats} runs each; load average ${load_before.toFixed(1)} -> ${loadavg()[0].toFixed(1)} on ${cpus().length} cores)`,
  );
  console.log('| tumour | steps/s (median) | range |');
  console.log('|---|---|---|');
  for (const s of summary)
    console.log(
      `| ${s.painted ? 'ferrostatin-1 painted' : 'nothing painted'} | ${s.steps_per_s.median.toFixed(1)} | ${s.steps_per_s.min.toFixed(1)}-${s.steps_per_s.max.toFixed(1)} |`,
    );
  console.log(`painting costs ${(100 * cost).toFixed(0)} % of steps/s (medians)`);
  writeSpeedResults(resolve(ROOT, opt.out), load_before, {
    what: `steps/s of ${PRESET} (no light pulse) opened at ${OPEN_MIN} min in headless chromium (software WebGL), with nothing painted and with ${PAINT.agent} ${PAINT.uM} uM painted (brush r ${PAINT.r_um} um, strokes at x = ${PAINT.strokes_x_um.join(', ')} um)`,
    workers: Number(opt.workers),
    steps_per_frame: Number(opt.speed),
    fps_cap: Number(opt.fps),
    window_s: windowS,
    repeats,
    cost_of_painting: cost,
    results: summary,
  });
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
