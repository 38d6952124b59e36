// The sandbox page's save and share, in real headless Chromium with index.html's markup mounted:
// a scenario shared by link (#s=...) from a run with a light pulse fired in the page re-runs to the
// same state hash; the exported JSON is the CLI's resolved scenario (re-validates to itself, keeps
// the added pulse, the seed and the version); a malformed or invalid link shows a readable error and
// the default preset runs; a malformed or invalid file leaves the running sandbox as it was; a
// sandbox that cannot start at all says why, on the page and to whoever waits for it.
import { afterEach, describe, expect, it } from 'vitest';
import { hashBuffer } from '../../src/analysis/hash';
import { PRESET_NAMES, PRESETS } from '../../src/model/presets';
import { resolveScenario } from '../../src/model/scenario';
import { FERROWAVE_VERSION } from '../../src/model/version';
import { encodeShareHash } from '../../src/io/scenario-text';
import indexHtml from '../../index.html?raw';
import { type SandboxApp, startApp } from '../../src/ui/app';
import { PAGE_DEFAULT_PRESET } from '../../src/ui/scenario-picker';
import { mountSandbox, smallPrimed } from './sandbox-fixture';

const W = 60;
const H = 20;

const small = () => smallPrimed(W, H);

const b64url = (text: string) => {
  const bytes = new TextEncoder().encode(text);
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
};

let app: SandboxApp | null = null;
let root: HTMLElement | null = null;
let shared: string[] = [];

async function mount(hash: string): Promise<SandboxApp> {
  shared = [];
  const mounted = await mountSandbox(hash, { onShare: (h) => shared.push(h) });
  app = mounted.app;
  root = mounted.root;
  return app;
}

afterEach(() => {
  app?.dispose();
  app = null;
  root?.remove();
  root = null;
});

const el = (id: string) => document.getElementById(id) as HTMLElement;
const errorText = () => (el('error').hidden ? '' : (el('error').textContent ?? ''));
const until = async (cond: () => boolean, ms = 20_000) => {
  const t0 = performance.now();
  while (!cond()) {
    if (performance.now() - t0 > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('sandbox save and share', () => {
  it('a shared link reproduces the state hash of a run with a pulse fired in the page; the export is the CLI schema', async () => {
    const a = await mount(encodeShareHash(small()));
    expect(errorText()).toBe('');
    expect((el('preset') as HTMLSelectElement).value).toBe('(imported)');
    const c = a.controller;
    expect(c.scenario.lattice.width).toBe(W);
    const dt = c.sim.dt;
    await c.step(360 / dt);
    await c.lightPulse(0, 200);
    await c.step(120 / dt);
    const steps = c.sim.stepIndex();
    const hashA = hashBuffer(c.sim.state.buffer);

    const ex = a.exportScenario();
    expect(ex.seed).toBe(7);
    expect(ex.ferrowave_version).toBe(FERROWAVE_VERSION);
    expect(ex.treatments.some((t) => t.agent === 'light-pulse' && t.start_min === 360)).toBe(true);
    expect(resolveScenario(JSON.parse(JSON.stringify(ex)), FERROWAVE_VERSION)).toEqual(ex);

    el('share').click();
    expect(shared).toEqual([a.shareHash()]);
    expect((el('share-link') as HTMLInputElement).value.endsWith(shared[0])).toBe(true);
    const link = shared[0];
    a.dispose();
    root?.remove();

    const b = await mount(link);
    expect(errorText()).toBe('');
    // the link opens at the moment it was shared: the run replayed to it
    expect(link).toContain(`&t=${steps * dt}`);
    expect(b.controller.sim.stepIndex()).toBe(steps);
    expect(hashBuffer(b.controller.sim.state.buffer)).toBe(hashA);
    expect((el('preset') as HTMLSelectElement).selectedOptions[0].text).toBe(`${small().name} (shared link)`);
  });

  it.each([
    ['not base64url', '#s=%%%not-base64', /link is damaged/],
    ['not JSON', `#s=${b64url('{"lattice": ')}`, /link is not valid JSON/],
    [
      'an invalid scenario',
      `#s=${b64url(JSON.stringify({ lattice: { width: -3, height: 10 }, duration_min: 100 }))}`,
      /scenario\.lattice\.width: -3 — .*sites/,
    ],
    ['code', `#s=${b64url('alert(1)')}`, /not valid JSON/],
    // the CLI's limits hold in the page: this link once hung the page while it laid out 10 GB
    [
      'a lattice beyond what the machine can hold',
      `#s=${b64url(JSON.stringify({ ...PRESETS[PRESET_NAMES[0]], lattice: { width: 8192, height: 8192, site_um: 20 } }))}`,
      /scenario\.lattice: \{"width":8192,"height":8192\} — .* the state must fit in one WebAssembly memory of 4\.0 GiB/,
    ],
    [
      'a time step of 1e-300 min',
      `#s=${b64url(JSON.stringify({ ...PRESETS[PRESET_NAMES[0]], numerics: { dt_min: 1e-300 } }))}`,
      /scenario\.numerics\.dt_min: 1e-300/,
    ],
  ])('a link with %s shows a readable error and the default preset runs', async (_what, hash, message) => {
    const a = await mount(hash);
    expect(errorText()).toMatch(message);
    expect(errorText()).toMatch(`running the ${PAGE_DEFAULT_PRESET} preset instead`);
    expect(a.controller.scenario.name).toBe(resolveScenario(PRESETS[PAGE_DEFAULT_PRESET], FERROWAVE_VERSION).name);
    await a.controller.step(2);
    expect(a.controller.sim.stepIndex()).toBe(2);
  });

  it('a malformed or invalid file shows a readable error and the running sandbox keeps running; a valid one loads', async () => {
    const a = await mount(encodeShareHash(small()));
    const c = a.controller;
    await c.step(4);
    const sim = c.sim;
    const hash = hashBuffer(sim.state.buffer);
    const input = el('import') as HTMLInputElement;
    const pick = (name: string, text: string) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], name, { type: 'application/json' }));
      input.files = dt.files;
      input.dispatchEvent(new Event('change'));
    };

    pick('broken.json', '{ "seed": 1, ');
    await until(() => errorText() !== '');
    expect(errorText()).toMatch(/file broken\.json is not valid JSON/);
    expect(c.sim).toBe(sim);
    expect(hashBuffer(sim.state.buffer)).toBe(hash);

    const bad = { ...small(), duration_min: 'long', treatments: [{ agent: 'unobtainium', uM: 1 }] };
    pick('bad.json', JSON.stringify(bad));
    await until(() => /duration_min/.test(errorText()));
    expect(errorText()).toMatch(/invalid scenario in the file bad\.json/);
    expect(errorText()).toMatch(/scenario\.duration_min: "long"/);
    expect(errorText()).toMatch(/scenario\.treatments\[0\]\.agent: "unobtainium" — .*erastin/);
    expect(c.sim).toBe(sim);
    expect(hashBuffer(sim.state.buffer)).toBe(hash);

    // it keeps running: play carries on through an invalid import
    c.play();
    expect(await a.importText('[]')).toBe(false);
    expect(c.playing || c.finished()).toBe(true);
    expect(c.sim).toBe(sim);
    c.pause();

    const good = { ...small(), seed: 11 };
    pick('good.json', JSON.stringify(good));
    await until(() => c.sim !== sim);
    await until(() => errorText() === '');
    expect(c.seed).toBe(11);
    expect(c.sim.stepIndex()).toBe(0);
    expect((el('seed') as HTMLInputElement).value).toBe('11');
  });

  it('a sandbox that cannot start its simulation shows why, and its ready promise rejects with it', async () => {
    const doc = new DOMParser().parseFromString(indexHtml, 'text/html');
    root = document.importNode(doc.getElementById('app') as HTMLElement, true);
    document.body.appendChild(root);
    app = await startApp({
      spawn: () => {
        throw new Error('no worker can start here');
      },
      hash: `#s=${encodeShareHash(small())}`,
    });
    await expect(app.ready).rejects.toThrow(/no worker can start here/);
    const error = root.querySelector('#error') as HTMLElement;
    expect(error.hidden).toBe(false);
    expect(error.textContent).toMatch(/no worker can start here/);
  });
});
