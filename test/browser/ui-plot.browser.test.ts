// The sandbox page's live plot, in real headless Chromium with index.html's markup mounted: while a
// small primed monolayer runs (light pulse fired in the page, stepping in 2 workers) the plot
// samples alive / dying / dead with countsAndMeans once per output.sample_every_min of simulated
// time, its last sample equals the counts of the state, and the chart (uPlot) shows the dead line
// rising, with time ticks in hours, the y axis named with its unit and a legend that reads the last
// sample's values (the values under the cursor while it is over the chart).
import { afterAll, describe, expect, it } from 'vitest';
import { countsAndMeans } from '../../src/analysis/observables';
import { FATE_COLOURS } from '../../src/render/colormaps';
import type { SandboxApp } from '../../src/ui/app';
import { encodeShareHash } from '../../src/io/scenario-text';
import { mountSandbox, smallPrimed } from './sandbox-fixture';

let app: SandboxApp | null = null;
let root: HTMLElement | null = null;

afterAll(() => {
  app?.dispose();
  root?.remove();
});

describe('live plot', () => {
  it('samples alive / dying / dead over simulated time and draws them', async () => {
    const sc = smallPrimed();
    const mounted = await mountSandbox(encodeShareHash(sc), { styles: { '#plot': 'width: 290px; height: 120px; display: block;' } });
    app = mounted.app;
    root = mounted.root;
    const c = app.controller;
    const every = sc.output.sample_every_min;
    expect(app.plot.series.t_min).toEqual([0]);
    expect(app.plot.series.alive[0]).toBe(60 * 20);

    await c.step(360 / c.sim.dt);
    await c.lightPulse(0, 200);
    c.speed = 4;
    c.play();
    while (c.playing) await new Promise((r) => setTimeout(r, 50));
    expect(c.finished()).toBe(true);

    const s = app.plot.series;
    // spaced by at least the sample interval, in order, ending at the end of the run
    for (let i = 1; i < s.t_min.length; i++) expect(s.t_min[i] - s.t_min[i - 1]).toBeGreaterThanOrEqual(every);
    expect(s.t_min.length).toBeGreaterThan(20);
    expect(s.t_min[s.t_min.length - 1]).toBe(600);
    const end = countsAndMeans(c.sim.state);
    expect([s.alive.at(-1), s.dying.at(-1), s.dead.at(-1)]).toEqual([end.alive, end.dying, end.dead]);
    expect(end.dead).toBeGreaterThan(100);
    expect(s.dead[0]).toBe(0);

    // drawn: after a readout (every 200 ms) the chart's canvas holds the dead colour
    await new Promise((r) => setTimeout(r, 400));
    const cv = document.querySelector('#plot canvas') as HTMLCanvasElement;
    expect(cv.width).toBeGreaterThan(0);
    const px = (cv.getContext('2d') as CanvasRenderingContext2D).getImageData(0, 0, cv.width, cv.height).data;
    const near = (rgb: readonly number[]) => {
      let n = 0;
      for (let i = 0; i < px.length; i += 4)
        if (Math.abs(px[i] - rgb[0]) + Math.abs(px[i + 1] - rgb[1]) + Math.abs(px[i + 2] - rgb[2]) < 30 && px[i + 3] > 200) n++;
      return n;
    };
    expect(near(FATE_COLOURS[3].rgb), 'pixels of the dead line').toBeGreaterThan(20);
    expect(near(FATE_COLOURS[1].rgb), 'pixels of the alive line').toBeGreaterThan(20);
    // axes: time ticks in hours over the run (0..10 h), the y axis in cells
    const u = app.plot.chart.plot;
    expect(u, 'the chart is built').not.toBeNull();
    expect(u?.scales.x.min).toBe(0);
    expect(u?.scales.x.max).toBe(600);
    expect(u?.scales.y.min).toBe(0);
    expect(u?.scales.y.max).toBeGreaterThanOrEqual(60 * 20);
    expect(u?.axes[1].label).toBe('cells');
    // the legend reads the last sample, the counts of the state
    const legend = [...document.querySelectorAll('#plot .u-legend .u-series')].map((r) => r.textContent ?? '');
    expect(legend).toContain(`alive${end.alive}`);
    expect(legend).toContain(`dead${end.dead}`);
    // the chart's columns hold the series
    expect(u?.data[0]).toEqual(s.t_min);
    expect(u?.data[3]).toEqual(s.dead);

    // the traces: recorded at the same times; the front moves from the pulse at the wave's speed
    const tr = app.traces.series;
    expect(tr.t_min).toEqual(s.t_min);
    expect(tr.means.gsh.at(-1)).toBeCloseTo(end.means.gsh, 5);
    const fronts = tr.front_um.filter((f): f is number => f !== null);
    expect(fronts.at(-1)).toBeGreaterThan(500);
    const v = app.traces.frontNow()?.wave?.speed_um_per_min;
    expect(v, 'front speed over the run, um/min').toBeGreaterThan(4);
    expect(v).toBeLessThan(7);
    // the readout follows once the samples settle (the analysis is throttled while they come)
    await expect.poll(() => document.getElementById('front-readout')?.textContent, { timeout: 5000 }).toMatch(/um\/min over the run/);
    expect(document.getElementById('front-readout')?.textContent).toContain(`wave ${(v as number).toFixed(2)} um/min over the run`);
  });
});
