// The sandbox's renderer and controller in real headless Chromium (software WebGL): a small primed
// monolayer gets a light pulse from the controller (the click path: treatment appended, engine
// rebuilt on the same state buffer, 2 Web Workers), runs until a front has formed, is drawn by the
// pixi mesh, and the pixels read back must show each site's fate colour where that site is drawn:
// dead and dying cells near the pulse, living cells far away. Plus: the mid-run pulse gives the same
// bits as the scenario with that pulse from the start, and a variable view colours by value.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashBuffer } from '../../src/analysis/hash';
import { spawnBrowserWorker } from '../../src/host/browser-workers';
import { ALIVE, DEAD, DYING } from '../../src/model/layout';
import { PRESETS } from '../../src/model/presets';
import { applyOverride, resolveScenario } from '../../src/model/scenario';
import { createSimulation } from '../../src/model/simulation';
import { FERROWAVE_VERSION } from '../../src/model/version';
import { FATE_COLOURS, NO_CELL_RGB } from '../../src/render/colormaps';
import { createLatticeRenderer, type LatticeRenderer } from '../../src/render/lattice-renderer';
import { viewById } from '../../src/render/views';
import { SimController } from '../../src/ui/controller';

const W = 60;
const H = 20;
/** the preset primes with erastin from t = 0; the pulse fires at 6 h, the front is read at 8 h */
const PULSE_MIN = 360;
const READ_MIN = 480;

/** primed-light-pulse on a 60 x 20 lattice, without its light pulse (the test fires it) */
function rawScenario(): Record<string, unknown> {
  const raw = structuredClone(PRESETS['primed-light-pulse']);
  applyOverride(raw, `lattice.width=${W}`);
  applyOverride(raw, `lattice.height=${H}`);
  applyOverride(raw, 'duration_min=600');
  raw.treatments = (raw.treatments as { agent: string }[]).filter((t) => t.agent !== 'light-pulse');
  return raw;
}

let host: HTMLDivElement;
let renderer: LatticeRenderer;
let controller: SimController;

beforeAll(async () => {
  host = document.createElement('div');
  host.style.cssText = 'position: fixed; left: 0; top: 0; width: 640px; height: 240px;';
  document.body.appendChild(host);
  renderer = await createLatticeRenderer(host);
  controller = new SimController({ workers: 2, spawn: spawnBrowserWorker });
  controller.onSimulation = (sim) => renderer.setState(sim.state, sim.scenario.lattice.site_um);
});

afterAll(() => {
  controller?.dispose();
  renderer?.destroy();
  host?.remove();
});

const dist = (a: ArrayLike<number>, b: ArrayLike<number>) => Math.max(Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1]), Math.abs(a[2] - b[2]));

describe('lattice renderer', () => {
  it('draws each site in its fate colour, with a front near the pulse and living cells far away', async () => {
    await controller.load(rawScenario(), 7);
    const dt = controller.sim.dt;
    await controller.step(PULSE_MIN / dt);
    const site = controller.scenario.lattice.site_um;
    const pulse = await controller.lightPulse(0, (H * site) / 2);
    expect(pulse.start_min).toBe(PULSE_MIN);
    await controller.step((READ_MIN - PULSE_MIN) / dt);
    expect(controller.sim.time()).toBe(READ_MIN);

    const st = controller.sim.state;
    const at = (x: number, y: number) => st.status[y * W + x];
    // the biology this test relies on: a front between dead cells at the pulse and living cells
    let dead = 0,
      dying = 0,
      aliveFar = 0;
    for (let y = 0; y < H; y++) {
      for (let x = 0; x < W; x++) {
        if (at(x, y) === DEAD && x < 10) dead++;
        if (at(x, y) === DYING) dying++;
        if (at(x, y) === ALIVE && x >= W - 10) aliveFar++;
      }
    }
    expect(dead, 'dead cells near the pulse').toBeGreaterThan(50);
    expect(dying, 'dying cells (the front)').toBeGreaterThan(5);
    expect(aliveFar, 'living cells far from the pulse').toBe(10 * H);

    renderer.setView(viewById('fate'));
    renderer.fit();
    const img = renderer.readPixels();
    expect(img.width).toBe(640);
    expect(img.height).toBe(240);
    const px = (x: number, y: number) => {
      const p = renderer.siteToScreen(x, y);
      const i = 4 * (Math.floor(p.py) * img.width + Math.floor(p.px));
      return [img.pixels[i], img.pixels[i + 1], img.pixels[i + 2]];
    };
    // every site's centre pixel has the colour of its status
    let wrong = 0;
    for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) if (dist(px(x, y), FATE_COLOURS[at(x, y)].rgb) > 3) wrong++;
    expect(wrong, 'sites drawn in another colour than their fate').toBe(0);
    // and the three fates are told apart on screen
    const find = (code: number) => {
      for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) if (at(x, y) === code) return px(x, y);
      throw new Error(`no site with status ${code}`);
    };
    const [cDead, cDying, cAlive] = [find(DEAD), find(DYING), find(ALIVE)];
    expect(dist(cDead, cAlive)).toBeGreaterThan(60);
    expect(dist(cDying, cAlive)).toBeGreaterThan(60);
    expect(dist(cDying, cDead)).toBeGreaterThan(60);
    // outside the lattice: the background
    const bg = img.pixels.subarray(0, 3);
    expect(dist(bg, cAlive)).toBeGreaterThan(60);
  });

  it('colours a variable view by value: lipid peroxides high in dying cells, grey where no cell lives', () => {
    const st = controller.sim.state;
    renderer.setView(viewById('lpo'));
    const img = renderer.readPixels();
    const px = (i: number) => {
      const p = renderer.siteToScreen(i % W, Math.floor(i / W));
      const k = 4 * (Math.floor(p.py) * img.width + Math.floor(p.px));
      return [img.pixels[k], img.pixels[k + 1], img.pixels[k + 2]];
    };
    const lum = (c: number[]) => 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    const iDying = st.status.indexOf(DYING);
    const iAlive = st.status.lastIndexOf(ALIVE);
    const iDead = st.status.indexOf(DEAD);
    expect(st.cell.lpo[iDying]).toBeGreaterThan(10 * st.cell.lpo[iAlive]);
    // magma is monotone in lightness: more peroxide, lighter
    expect(lum(px(iDying))).toBeGreaterThan(lum(px(iAlive)) + 40);
    expect(dist(px(iDead), NO_CELL_RGB)).toBeLessThanOrEqual(3);
  });

  it('a pulse fired mid-run gives the same state, bit for bit, as the scenario with that pulse from the start', async () => {
    const viaClick = hashBuffer(controller.sim.state.buffer);
    const raw = rawScenario();
    (raw.treatments as unknown[]).push(controller.added[0]);
    const sc = resolveScenario({ ...raw, seed: 7 }, FERROWAVE_VERSION);
    const sim = createSimulation(sc, 7);
    sim.step(READ_MIN / sim.dt);
    expect(hashBuffer(sim.state.buffer)).toBe(viaClick);
  });
});
