// `ferrowave record` as a user runs it (child process: vite + Debian's chromium + WebCodecs), checked
// with Debian's ffprobe / ffmpeg: codec, size, frame count, duration; a decoded frame shows the
// death front where the simulation (run here in Node, bit-identical to the page's) puts it at that
// frame's time; a second run gives the same bytes (WebM/VP9); bad options fail before any work.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/cli/scenario-input';
import { createEngine } from '../../src/engine/engine';
import { DEAD, DYING } from '../../src/model/layout';
import { createSimulation } from '../../src/model/simulation';
import { tissueFrame } from '../../src/record/framing';
import { FATE_COLOURS } from '../../src/render/colormaps';

const bin = join(import.meta.dirname, '../../bin/ferrowave.mjs');
const cli = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 180_000 });
const dir = mkdtempSync(join(tmpdir(), 'ferrowave-record-'));

// a 100 x 10-site strip (2 mm x 200 um) of the wave preset; the pulse fires at the left at 6:00 h
const SET = ['--set', 'lattice.width=100', '--set', 'lattice.height=10', '--set', 'treatments[1].region.disc.y_um=100'];
// 120 frames at 10 frames/s, 2 simulated min per frame, from t = 350 min to 588 min
const CLIP = [
  '--width',
  '640',
  '--height',
  '360',
  '--fps',
  '10',
  '--seconds',
  '12',
  '--minutes-per-second',
  '20',
  '--from-min',
  '350',
  '--title',
  'wave test',
  '--quiet',
];

function probe(file: string) {
  const r = spawnSync(
    'ffprobe',
    [
      '-v',
      'error',
      '-select_streams',
      'v:0',
      '-count_frames',
      '-show_entries',
      'stream=codec_name,width,height,nb_read_frames,r_frame_rate:format=duration,format_name',
      '-of',
      'json',
      file,
    ],
    { encoding: 'utf8' },
  );
  expect(r.status, r.stderr).toBe(0);
  const j = JSON.parse(r.stdout);
  return { ...j.streams[0], duration: Number(j.format.duration), format_name: j.format.format_name };
}

/** The decoded frame shown at video time `s` (seconds; ffmpeg -ss picks the first frame with pts >= s) as raw RGB. */
function frameAt(file: string, s: number, w: number, h: number): Buffer {
  const r = spawnSync('ffmpeg', ['-v', 'error', '-ss', String(s), '-i', file, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'], {
    maxBuffer: 64 << 20,
  });
  expect(r.status, String(r.stderr)).toBe(0);
  expect(r.stdout.length).toBe(w * h * 3);
  return r.stdout;
}

/** Site status code (by nearest fate colour) of each pixel of row y. */
function fateRow(rgb: Buffer, w: number, y: number): number[] {
  const out: number[] = [];
  for (let x = 0; x < w; x++) {
    const o = 3 * (y * w + x);
    let best = 0,
      bestD = Number.POSITIVE_INFINITY;
    FATE_COLOURS.forEach((c, k) => {
      const d = (rgb[o] - c.rgb[0]) ** 2 + (rgb[o + 1] - c.rgb[1]) ** 2 + (rgb[o + 2] - c.rgb[2]) ** 2;
      if (d < bestD) [best, bestD] = [k, d];
    });
    out.push(best);
  }
  return out;
}

describe('ferrowave record', () => {
  it('rejects bad options with exit 2 and a clear message before starting anything', () => {
    const out = join(dir, 'bad.webm');
    const t0 = performance.now();
    const r = cli('record', 'primed-light-pulse', '--out', out, '--fps', '30', '--seconds', '2', '--minutes-per-second', '20');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(
      'pace: 1 s of video = 20 simulated min does not work; the nearest paces that do are 15 min and 30 min. At 30 frames/s, 1 s of video can show 15 min, 30 min, 45 min, 1 h',
    );
    const r2 = cli('record', 'primed-light-pulse', '--out', join(dir, 'x.avi'), '--seconds', '2', '--minutes-per-second', '15');
    expect(r2.status).toBe(2);
    expect(r2.stderr).toContain('--out: the file must end in .webm or .mp4');
    const r3 = cli('record', 'primed-light-pulse', '--out', out, '--seconds', '2', '--minutes-per-second', '15', '--codec', 'vp9', '--resolution', '16k');
    expect(r3.status).toBe(2);
    expect(r3.stderr).toContain('resolution: "16k" is not offered');
    const r4 = cli('record', 'tumour-erastin', '--out', out, '--clock-from', 'rsl3', '--minutes-per-second', '30', '--hours-per-second', '1');
    expect(r4.status).toBe(2);
    expect(r4.stderr).toContain('give the pace once: --minutes-per-second or --hours-per-second, not both');
    const r5 = cli('record', 'tumour-erastin', '--out', out, '--clock-from', 'rsl3', '--area', 'dish');
    expect(r5.status).toBe(2);
    expect(r5.stderr).toContain('area: "dish" is not offered; choose tissue or lattice (or give a region)');
    expect(r5.stderr).toContain('treatments: 0 = erastin at 24:00 h, 1 = light-pulse at 30:00 h; got "rsl3"');
    // no server, no browser: these answers come from Node alone, fast
    expect(performance.now() - t0).toBeLessThan(20_000);
    expect(existsSync(out)).toBe(false);
  });

  it('makes a WebM/VP9 clip with the exact frames, the front where the simulation puts it, and the same bytes twice', async () => {
    const a = join(dir, 'a.webm');
    const r = cli('record', 'primed-light-pulse', ...SET, ...CLIP, '--out', a);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe(a);
    const p = probe(a);
    expect(p).toMatchObject({ codec_name: 'vp9', width: 640, height: 360, nb_read_frames: '120', r_frame_rate: '10/1' });
    expect(p.format_name).toContain('webm');
    expect(p.duration).toBeCloseTo(12, 3);

    // the states at the frames shown at video times 5 s and 10 s (t = 350 + 2 x 10 x s min), in Node
    const sc = loadScenario('primed-light-pulse', { set: SET.filter((_, i) => i % 2 === 1) });
    const sim = createSimulation(sc, sc.seed, { deferInit: true });
    const engine = await createEngine(sim, 0);
    await engine.initialise();
    const row = 5;
    // where the compositor puts lattice row 5: 6.4 px per site, letterboxed top and bottom
    const s = Math.min(640 / 100, 360 / 10);
    const y = Math.floor((360 - Math.round(10 * s)) / 2) + Math.floor((row + 0.5) * s);
    const fronts: number[] = [];
    for (const sec of [5, 10]) {
      const t = 350 + 20 * sec;
      await engine.advance(t / sc.numerics.dt_min - sim.stepIndex());
      expect(sim.time()).toBe(t);
      let front = -1;
      for (let x = 0; x < sc.lattice.width; x++) {
        const k = sim.state.status[row * sc.lattice.width + x];
        if (k === DEAD || k === DYING) front = x;
      }
      const px = fateRow(frameAt(a, sec, 640, 360), 640, y);
      const lastDead = px.reduce((m, k, x) => (k === DEAD || k === DYING ? x : m), -1);
      // the decoded front's right edge is the state's front column's right edge, within a site
      expect(Math.abs(lastDead - ((front + 1) * s - 1)), `${sec} s`).toBeLessThanOrEqual(4);
      // ahead of the front the cells are alive; behind it they are dead
      expect(px[Math.min(639, lastDead + 12)]).toBe(1);
      expect(px[5]).toBe(DEAD);
      fronts.push(front);
    }
    engine.dispose();
    // the wave travelled between the two frames (about 5.4 um/min x 100 min = 27 sites)
    expect(fronts[0]).toBeGreaterThan(10);
    expect(fronts[1] - fronts[0]).toBeGreaterThan(15);
    expect(fronts[1]).toBeLessThan(95);

    const b = join(dir, 'b.webm');
    expect(cli('record', 'primed-light-pulse', ...SET, ...CLIP, '--out', b).status).toBe(0);
    expect(readFileSync(b).equals(readFileSync(a))).toBe(true);
  });

  it('by default fits the rest of the run in 20 s, frames the tumour and counts the clock from the first treatment', async () => {
    const out = join(dir, 'tumour.webm');
    // no --seconds, no pace, no area, no clock: the defaults
    const r = cli('record', 'tumour-erastin', '--out', out, '--resolution', '720p', '--fps', '5', '--from-min', '1440');
    expect(r.status, r.stderr).toBe(0);
    // 100 frames over 2160 min: 43 model steps (21.5 min) per frame, so 1 s of video = 107.5 min
    expect(r.stderr).toContain(
      '1 s of video = 1.792 simulated h (fitted: the run to its end in the clip); clock from erastin at 1440 min (first frame: 0:00 h after erastin)',
    );
    const p = probe(out);
    expect(p).toMatchObject({ codec_name: 'vp9', width: 1280, height: 720, nb_read_frames: '100' });
    expect(p.duration).toBeCloseTo(20, 3);
    // the frame the page chose is the tissue's at 24 h, as Node computes it from the same state
    const sc = loadScenario('tumour-erastin', {});
    const sim = createSimulation(sc, sc.seed, { deferInit: true });
    const engine = await createEngine(sim, 0);
    await engine.initialise();
    await engine.advance(1440 / sc.numerics.dt_min);
    const st = sim.state.status.slice();
    engine.dispose();
    const f = tissueFrame(st, sc.lattice, 10, 1280 / 720);
    if (!f) throw new Error('no tissue');
    expect(r.stderr).toContain(`showed ${f.width} x ${f.height} sites from site (${f.x}, ${f.y}) of the 150 x 150-site lattice (framed on the tissue`);
    // the decoded first frame: each site where the compositor puts it, in its fate colour
    const s = Math.min(1280 / f.width, 720 / f.height);
    const bx = Math.floor((1280 - Math.round(f.width * s)) / 2),
      by = Math.floor((720 - Math.round(f.height * s)) / 2);
    const rgb = frameAt(out, 0, 1280, 720);
    let checked = 0,
      bad = 0,
      top = 720,
      bottom = -1;
    for (let j = 0; j < f.height; j++) {
      const y = Math.floor(by + (j + 0.5) * s);
      const row = fateRow(rgb, 1280, y);
      for (let i = 0; i < f.width; i++) {
        const x = Math.floor(bx + (i + 0.5) * s);
        const k = row[x];
        if (k === 1) [top, bottom] = [Math.min(top, y), Math.max(bottom, y)];
        if (x < 200 || x > 1080 || y < 200 || y > 560) continue; // clear of the overlays
        checked++;
        if (k !== st[(f.y + j) * 150 + f.x + i]) bad++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
    expect(bad / checked).toBeLessThan(0.02);
    // the tumour spans most of the frame's height (a quarter of it before the framing)
    expect((bottom - top) / 720).toBeGreaterThan(0.75);
  });

  it('Ctrl-C mid-way leaves no file (nor a partial one) and no browser behind', async () => {
    const out = join(dir, 'interrupted.webm');
    const child = spawn(process.execPath, [
      bin,
      'record',
      'primed-light-pulse',
      ...SET,
      '--out',
      out,
      '--resolution',
      '1080p',
      '--fps',
      '30',
      '--seconds',
      '30',
      '--minutes-per-second',
      '15',
      '--from-min',
      '350',
    ]);
    let err = '';
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    await new Promise<void>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`no progress line: ${err}`)), 120_000);
      child.stderr.on('data', (d) => {
        err += String(d);
        if (/record: frame \d+\/900/.test(err)) {
          clearTimeout(t);
          resolve();
        }
      });
    });
    // the browser this command started (a child of it)
    const kids = spawnSync('pgrep', ['-P', String(child.pid)], { encoding: 'utf8' })
      .stdout.trim()
      .split('\n')
      .filter(Boolean);
    expect(kids.length).toBeGreaterThan(0);
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(`${out}.part`)).toBe(false);
    await new Promise((r) => setTimeout(r, 1000));
    for (const k of kids) expect(spawnSync('ps', ['-p', k]).status, `process ${k} still runs`).not.toBe(0);
  });

  it('makes an MP4/H.264 clip', () => {
    const m = join(dir, 'c.mp4');
    const r = cli(
      'record',
      'primed-light-pulse',
      ...SET,
      '--out',
      m,
      '--resolution',
      '720p',
      '--fps',
      '25',
      '--minutes',
      '25',
      '--minutes-per-second',
      '25',
      '--from-min',
      '360',
      '--view',
      'lpo',
      '--quiet',
    );
    expect(r.status, r.stderr).toBe(0);
    const p = probe(m);
    expect(p).toMatchObject({ codec_name: 'h264', width: 1280, height: 720, nb_read_frames: '25', r_frame_rate: '25/1' });
    expect(p.format_name).toContain('mp4');
    expect(p.duration).toBeCloseTo(1, 3);
  });
});
