// Videos and stills in real headless Chromium with the sandbox mounted: frames use exactly the live
// view's colour tables; a bad option is refused before anything changes; cancel mid-way returns
// nothing and puts the sandbox back where it was, still playing; a recording from a checkpoint
// starts at the checkpoint's time; the dialog produces a download link; stills and plot figures;
// which formats this Chromium's encoder takes at each size.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashBuffer } from '../../src/analysis/hash';
import { FORMATS, type FormatName, RESOLUTIONS, RecordOptionError, type RecordPlan, resolveRecordOptions } from '../../src/record/options';
import { checkEncoder } from '../../src/record/recorder';
import { drawStill } from '../../src/record/still';
import { fillViewBytes, viewById, viewTable } from '../../src/render/views';
import type { SandboxApp } from '../../src/ui/app';
import { encodeShareHash } from '../../src/io/scenario-text';
import { PRESETS } from '../../src/model/presets';
import { tissueFrame } from '../../src/record/framing';
import { mountSandbox, smallPrimed } from './sandbox-fixture';

let app: SandboxApp;
let root: HTMLElement;
const until = async (f: () => boolean, ms = 60_000) => {
  const t0 = performance.now();
  while (!f()) {
    if (performance.now() - t0 > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
};

beforeAll(async () => {
  ({ app, root } = await mountSandbox(encodeShareHash(smallPrimed(60, 20))));
  const c = app.controller;
  await c.step(300 / c.sim.dt);
  await c.lightPulse(0, 200);
  await c.step(100 / c.sim.dt);
});
afterAll(() => {
  app?.dispose();
  root?.remove();
});

describe('frames and stills', () => {
  it('colour every site with the live view tables (fate and a value view), nearest neighbour', () => {
    const c = app.controller;
    const st = c.sim.state;
    const dead = st.status.filter((s) => s === 3).length;
    expect(dead).toBeGreaterThan(10); // a front exists
    for (const id of ['fate', 'lpo']) {
      const view = viewById(id);
      // 600 x 200 px for 60 x 20 sites: 10 px per site, no letterbox
      const cv = drawStill(st, c.scenario, c.sim.time(), { width: 600, height: 200, view: id, overlays: false });
      const px = (cv.getContext('2d') as OffscreenCanvasRenderingContext2D).getImageData(0, 0, 600, 200).data;
      const bytes = new Uint8Array(60 * 20);
      fillViewBytes(view, st, bytes, 60);
      const table = viewTable(view);
      let bad = 0;
      for (let y = 0; y < 20; y++)
        for (let x = 0; x < 60; x++)
          for (const [dx, dy] of [
            [1, 1],
            [5, 5],
            [8, 8],
          ]) {
            const o = 4 * ((10 * y + dy) * 600 + 10 * x + dx);
            const b = 4 * bytes[y * 60 + x];
            if (px[o] !== table[b] || px[o + 1] !== table[b + 1] || px[o + 2] !== table[b + 2]) bad++;
          }
      expect(bad, id).toBe(0);
    }
  });

  it('shows a chosen region of sites, scaled to the frame', () => {
    const c = app.controller;
    const st = c.sim.state;
    const region = { x: 10, y: 5, width: 30, height: 10 };
    // 300 x 100 px for 30 x 10 sites: 10 px per site
    const cv = drawStill(st, c.scenario, c.sim.time(), { width: 300, height: 100, view: 'fate', overlays: false, region });
    const px = (cv.getContext('2d') as OffscreenCanvasRenderingContext2D).getImageData(0, 0, 300, 100).data;
    const table = viewTable(viewById('fate'));
    let bad = 0;
    const seen = new Set<number>();
    for (let y = 0; y < 10; y++)
      for (let x = 0; x < 30; x++) {
        const s = st.status[(y + 5) * 60 + x + 10];
        seen.add(s);
        const o = 4 * ((10 * y + 5) * 300 + 10 * x + 5);
        if (px[o] !== table[4 * s] || px[o + 1] !== table[4 * s + 1] || px[o + 2] !== table[4 * s + 2]) bad++;
      }
    expect(bad).toBe(0);
    expect(seen.size).toBeGreaterThan(1); // the region holds the front, so the check can tell sites apart
  });

  it('adds overlays (clock, legend, scale bar) and letterboxes a wide frame', () => {
    const c = app.controller;
    const plain = drawStill(c.sim.state, c.scenario, c.sim.time(), { width: 640, height: 360, view: 'fate', overlays: false });
    const over = drawStill(c.sim.state, c.scenario, c.sim.time(), { width: 640, height: 360, view: 'fate', overlays: true, title: 'x' });
    const a = (plain.getContext('2d') as OffscreenCanvasRenderingContext2D).getImageData(0, 0, 640, 360).data;
    const b = (over.getContext('2d') as OffscreenCanvasRenderingContext2D).getImageData(0, 0, 640, 360).data;
    // 60 x 20 sites in 640 x 360: 10.67 px per site, 213 px tall, bars above and below in the page colour
    expect([...a.subarray(0, 3)]).toEqual([11, 11, 14]);
    const corner = (d: Uint8ClampedArray, x0: number, y0: number, w: number, h: number) => {
      let n = 0;
      for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) if (d[4 * (y * 640 + x)] !== a[4 * (y * 640 + x)]) n++;
      return n;
    };
    expect(corner(b, 0, 0, 120, 60)).toBeGreaterThan(50); // title and clock
    expect(corner(b, 520, 0, 120, 120)).toBeGreaterThan(50); // legend
    expect(corner(b, 0, 310, 120, 50)).toBeGreaterThan(50); // scale bar
  });

  it('makes PNG stills up to 4096 px and refuses larger ones clearly', async () => {
    const png = await app.still({ width: 4096, height: 2048 });
    expect(png.type).toBe('image/png');
    const bmp = await createImageBitmap(png);
    expect([bmp.width, bmp.height]).toEqual([4096, 2048]);
    await expect(app.still({ width: 4097, height: 100 })).rejects.toThrow('width: a still is a whole number of pixels from 16 to 4096 per side, got 4097');
  });

  it('exports the live plots as an SVG built from the series, and a PNG of it', async () => {
    const { svg, png } = await app.figures('gsh');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    for (const s of ['cells over simulated time', 'simulated time (h)', 'cells (count)', 'mean gsh (uM)', 'front position (um)']) expect(svg).toContain(s);
    expect((svg.match(/<path d="M/g) ?? []).length).toBeGreaterThanOrEqual(4); // alive, dying, dead, gsh (+ front)
    expect(new DOMParser().parseFromString(svg, 'image/svg+xml').querySelector('parsererror')).toBeNull();
    expect(png.type).toBe('image/png');
    expect(png.size).toBeGreaterThan(5000);
  });
});

describe('recording in the page', () => {
  it('refuses a bad option before anything changes (the sandbox keeps playing)', async () => {
    const c = app.controller;
    c.play();
    const before = c.sim.stepIndex();
    const err = await app.record({ fps: 30, seconds: 1, minutesPerSecond: 20 }).catch((e) => e);
    expect(err).toBeInstanceOf(RecordOptionError);
    expect(err.message).toContain('pace: 1 s of video = 20 simulated min does not work; the nearest paces that do are 15 min and 30 min');
    expect(c.playing).toBe(true);
    await until(() => c.sim.stepIndex() > before);
    c.pause();
    await c.step(0);
  });

  it('cancel mid-way returns nothing and leaves the sandbox where it was, playing again', async () => {
    const c = app.controller;
    c.play();
    await until(() => c.sim.stepIndex() > 0);
    const ac = new AbortController();
    let plan: RecordPlan | null = null;
    let frames = 0;
    const plotLen = { n: 0 };
    const p = app.record(
      { width: 320, height: 180, fps: 10, seconds: 5, minutesPerSecond: 10 },
      {
        signal: ac.signal,
        onPlan: (pl) => {
          plan = pl;
          plotLen.n = app.plot.series.t_min.length;
        },
        onProgress: (pr) => {
          frames = pr.frame;
          if (pr.frame === 4) ac.abort();
        },
      },
    );
    const err = await p.catch((e) => e);
    expect(err?.name).toBe('AbortError');
    expect(frames).toBe(4);
    const pl = plan as unknown as RecordPlan;
    expect(pl.frames).toBe(50);
    // back at the clip's first frame with the plots as they were, and playing again
    expect(c.playing).toBe(true);
    c.pause();
    await c.step(0);
    expect(app.plot.series.t_min.length).toBeGreaterThanOrEqual(plotLen.n);
    expect(app.plot.series.t_min[plotLen.n - 1]).toBeLessThanOrEqual(pl.t0_min);
  });

  it('cancel restores the exact state (checked while paused)', async () => {
    const c = app.controller;
    const t0 = c.sim.time();
    const hash0 = hashBuffer(c.sim.state.buffer);
    const ac = new AbortController();
    const err = await app
      .record({ width: 160, height: 90, fps: 5, seconds: 4, minutesPerSecond: 5 }, { signal: ac.signal, onProgress: (pr) => pr.frame === 3 && ac.abort() })
      .catch((e) => e);
    expect(err?.name).toBe('AbortError');
    expect(c.sim.time()).toBe(t0);
    expect(hashBuffer(c.sim.state.buffer)).toBe(hash0);
    expect(c.playing).toBe(false);
    // and it still runs
    await c.step(4);
    expect(c.sim.time()).toBe(t0 + 4 * c.sim.dt);
  });

  it('records from a checkpoint: first frame at its time, stepping exactly to the last', async () => {
    const c = app.controller;
    const cp = await app.saveCheckpoint();
    await c.step(40);
    const rec = await app.record({ width: 160, height: 90, fps: 5, seconds: 2, minutesPerSecond: 5, fromCheckpoint: cp.id, format: 'webm-vp9' });
    expect(rec.plan.t0_min).toBe(cp.t_min);
    expect(rec.plan.frames).toBe(10);
    expect(c.sim.time()).toBe(cp.t_min + 9 * 1);
    expect([...rec.bytes.subarray(0, 4)]).toEqual([0x1a, 0x45, 0xdf, 0xa3]); // EBML (WebM)
    expect(rec.mime).toBe('video/webm');
    const err = await app.record({ seconds: 1, minutesPerSecond: 15, fromCheckpoint: 99 }).catch((e) => e);
    expect(err.message).toMatch(/^fromCheckpoint: there is no checkpoint #99; saved: #\d+/);
  });

  it('the dialog records and offers a download link', async () => {
    (document.getElementById('record-open') as HTMLButtonElement).click();
    const set = (id: string, v: string) => {
      const e = document.getElementById(id) as HTMLInputElement | HTMLSelectElement;
      e.value = v;
      e.dispatchEvent(new Event('change'));
    };
    set('rec-resolution', '720p');
    set('rec-fps', '10');
    set('rec-length', '1');
    set('rec-length-unit', 'seconds');
    set('rec-mps', '10');
    set('rec-format', 'mp4-h264');
    // the pace in plain words, and which paces work
    expect(document.getElementById('rec-hint')?.textContent).toBe(
      '1 s of video = 10 simulated min (10 frames, 1 min each). Other paces: at 10 frames/s, 1 s of video can show 5 min, 10 min, 15 min, 20 min, 25 min, ... ' +
        'of simulated time: any whole number times 5 min, so that each frame shows whole 0.5-min steps of the model.',
    );
    // a pace that does not work is said before recording, with the nearest that do
    set('rec-mps', '12');
    expect(document.getElementById('rec-hint')?.textContent).toMatch(
      /^pace: 1 s of video = 12 simulated min does not work; the nearest paces that do are 10 min and 15 min\./,
    );
    set('rec-mps', '10');
    (document.getElementById('rec-start') as HTMLButtonElement).click();
    await until(() => Boolean(document.getElementById('rec-download')) || !(document.getElementById('rec-error') as HTMLElement).hidden);
    expect((document.getElementById('rec-error') as HTMLElement).hidden).toBe(true);
    const a = document.getElementById('rec-download') as HTMLAnchorElement;
    expect(a.download).toMatch(/^ferrowave-.*-1280x720\.mp4$/);
    expect(a.href.startsWith('blob:')).toBe(true);
    expect(document.getElementById('rec-result')?.textContent).toContain('10 frames');
    (document.getElementById('rec-close') as HTMLButtonElement).click();
  });
});

describe('encoder support', () => {
  it('checks each format and size with VideoEncoder.isConfigSupported and refuses clearly', async () => {
    const table: string[] = [];
    const ctx = { dt_min: 0.5, t0_min: 0, duration_min: 900 };
    for (const f of Object.keys(FORMATS) as FormatName[]) {
      for (const r of Object.keys(RESOLUTIONS)) {
        const plan = resolveRecordOptions({ resolution: r, format: f, fps: 30, seconds: 1, minutesPerSecond: 15 }, ctx);
        const res = await checkEncoder(plan).then(
          (codec) => `ok ${codec}`,
          (e: Error) => {
            expect(e.message).toMatch(
              new RegExp(`^format: ${f} \\(.+\\) at \\d+ x \\d+ is not supported by this browser's encoder; choose a smaller resolution or another format`),
            );
            return 'refused';
          },
        );
        table.push(`${f} ${r}: ${res}`);
      }
    }
    console.log(table.join('\n'));
    expect(table).toContain('webm-vp9 1080p: ok vp09.00.41.08');
    expect(table).toContain('mp4-h264 1080p: ok avc1.640028');
  });
});

describe('talk defaults on a tumour: the tissue framed, the clock from the first treatment, the pace fitted', () => {
  it('the dialog offers them in plain words', async () => {
    expect(await app.importText(JSON.stringify(PRESETS['tumour-erastin']))).toBe(true);
    const c = app.controller;
    await c.step(1440 / c.sim.dt);
    (document.getElementById('record-open') as HTMLButtonElement).click();
    const get = (id: string) => document.getElementById(id) as HTMLInputElement | HTMLSelectElement;
    const set = (id: string, v: string) => {
      get(id).value = v;
      get(id).dispatchEvent(new Event('change'));
    };
    set('rec-mps', '');
    set('rec-length', '20');
    set('rec-fps', '30');
    expect(get('rec-area').value).toBe('tissue');
    expect(get('rec-clock').value).toBe('first-treatment');
    expect([...(get('rec-clock') as HTMLSelectElement).options].map((o) => o.text)).toEqual([
      'the first treatment (erastin, at 24:00 h)',
      't = 0 (the start of the run)',
      'erastin at 24:00 h',
      'light pulse at 30:00 h',
    ]);
    // no pace given: the rest of the run (24 h to 60 h) in 20 s, rounded down to 7 model steps per frame
    expect(get('rec-hint').textContent).toMatch(
      /^1 s of video = 1\.75 simulated h, fitted: 24:00 h to 58:56 h of the run in 20 s \(600 frames, 3\.5 min each\)\. Other paces: at 30 frames\/s, 1 s of video can show 15 min, 30 min, 45 min, 1 h, 1\.25 h, \.\.\./,
    );
    // a pace in simulated hours
    set('rec-mps', '1.5');
    set('rec-mps-unit', 'h');
    expect(get('rec-hint').textContent).toMatch(/^1 s of video = 1\.5 simulated h \(600 frames, 3 min each\)/);
    set('rec-mps', '');
    set('rec-mps-unit', 'min');
    (document.getElementById('rec-close') as HTMLButtonElement).click();
  });

  it('frames the tissue at the first frame, counts from erastin and fits the rest of the run', async () => {
    const c = app.controller;
    expect(c.sim.time()).toBe(1440);
    const expected = tissueFrame(c.sim.state.status, c.scenario.lattice, 10, 16 / 9);
    // a 50-odd-site tumour in a 150 x 150 lattice: a 16:9 frame of about 117 x 66 sites around it
    expect(expected?.height).toBeGreaterThan(55);
    expect(expected?.height).toBeLessThan(80);
    let plan: RecordPlan | null = null;
    const rec = await app.record({ width: 320, height: 180, fps: 5, seconds: 2 }, { onPlan: (p) => (plan = p) });
    const p = plan as unknown as RecordPlan;
    expect(p.region).toEqual(expected);
    expect(p).toMatchObject({ area: 'tissue', paceFitted: true, clock: { from_min: 1440, name: 'erastin', index: 0 }, t0_min: 1440 });
    // 10 frames over the remaining 2160 min: 9 x 240 min, the last frame at 3600 min
    expect(p.minutesPerSecond).toBe(1200);
    expect(rec.plan.tEnd_min).toBe(3600);
    expect(c.sim.time()).toBe(3600);
  });

  it('draws the clock and the captions counting from the treatment', () => {
    const c = app.controller;
    const texts: string[] = [];
    const proto = OffscreenCanvasRenderingContext2D.prototype;
    const fill = proto.fillText;
    proto.fillText = function (this: OffscreenCanvasRenderingContext2D, text: string, x: number, y: number, w?: number) {
      texts.push(text);
      return fill.call(this, text, x, y, w);
    };
    try {
      drawStill(c.sim.state, c.scenario, 1850, { width: 640, height: 360, view: 'fate', clock: { from_min: 1440, name: 'erastin', index: 0 }, captionMin: 60 });
      drawStill(c.sim.state, c.scenario, 1850, { width: 640, height: 360, view: 'fate' });
    } finally {
      proto.fillText = fill;
    }
    expect(texts).toContain('6:50 h after erastin');
    expect(texts).toContain('6:00 h after erastin: light pulse (local ROS burst) dose 30 a.u. (disc r 100 um)');
    expect(texts).toContain('30:50 h');
  });
});
