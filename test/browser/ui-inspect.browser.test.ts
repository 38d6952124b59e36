// The sandbox's cell inspector, in real headless Chromium with index.html's markup mounted: in a
// small primed run with a light pulse fired in the page, a click (with "click fires a light pulse"
// unchecked) on a site of a dying cell opens the side panel with that site's status, clone, every
// per-cell variable and field with units, equal to sim.state; its history (ros, lpo, gsh, ca) is
// recorded from the selection on, once per output.sample_every_min, and ends at the state's values.
import { afterAll, describe, expect, it } from 'vitest';
import { CELL_VARS, DYING, FIELDS } from '../../src/model/layout';
import type { SandboxApp } from '../../src/ui/app';
import { HISTORY_VARS } from '../../src/ui/inspector';
import { encodeShareHash } from '../../src/io/scenario-text';
import { mountSandbox, smallPrimed } from './sandbox-fixture';

let app: SandboxApp | null = null;
let root: HTMLElement | null = null;

afterAll(() => {
  app?.dispose();
  root?.remove();
});

/** the panel's value cell parsed back ('–' is NaN) */
const parse = (s: string) => (s === '–' ? Number.NaN : Number(s));
const close = (shown: number, v: number) => (Number.isNaN(v) ? Number.isNaN(shown) : Math.abs(shown - v) <= 1e-3 * Math.abs(v) + 1e-30);

describe('cell inspector', () => {
  it('shows the full state of a dying cell and records its history from the selection on', async () => {
    const sc = smallPrimed();
    const mounted = await mountSandbox(encodeShareHash(sc));
    app = mounted.app;
    root = mounted.root;
    const c = app.controller;
    const panel = document.getElementById('inspector') as HTMLElement;
    expect(panel.hidden).toBe(true);

    await c.step(360 / c.sim.dt);
    await c.lightPulse(0, 200);
    const st = () => c.sim.state;
    let i = -1;
    for (let k = 0; k < 60 && i < 0; k++) {
      await c.step(10 / c.sim.dt);
      i = st().status.indexOf(DYING);
    }
    expect(i, 'a dying cell after the pulse').toBeGreaterThanOrEqual(0);
    const x = i % 60;
    const y = Math.floor(i / 60);
    const site = sc.lattice.site_um;

    // with pulses on, a click fires a pulse (not inspected); unchecked, it selects the site
    (document.getElementById('mouse-mode') as HTMLSelectElement).value = 'inspect';
    app.renderer.onClick?.({ x_um: (x + 0.5) * site, y_um: (y + 0.5) * site });
    expect(app.inspector.selected).toEqual({ x, y, i });
    expect(panel.hidden).toBe(false);
    const rows = new Map<string, string[]>();
    for (const tr of panel.querySelectorAll('tr')) {
      const td = [...tr.querySelectorAll('td')].map((d) => d.textContent ?? '');
      rows.set(td[0], td.slice(1));
    }
    expect(rows.get('status')?.[0]).toBe('dying');
    expect(rows.get('clone')?.[0]).toBe(String(st().clone[i]));
    for (const v of CELL_VARS) {
      const r = rows.get(v.name);
      expect(r?.[1], `unit of ${v.name}`).toBe(v.unit);
      expect(close(parse(r?.[0] ?? ''), st().cell[v.name][i]), `${v.name}: shown ${r?.[0]}, state ${st().cell[v.name][i]}`).toBe(true);
    }
    for (const f of FIELDS) {
      const r = rows.get(f.name);
      expect(r?.[1], `unit of ${f.name}`).toBe(f.unit);
      expect(close(parse(r?.[0] ?? ''), st().field[f.name][i]), `${f.name}`).toBe(true);
    }
    expect(Number.isFinite(st().cell.t_dying[i])).toBe(true);

    // history: starts at the selection, one sample per output interval, last = the state now
    const t0 = c.sim.time();
    const h = app.inspector.history;
    expect(h.t_min).toEqual([t0]);
    await c.step(60 / c.sim.dt);
    const every = sc.output.sample_every_min;
    expect(h.t_min.length).toBeGreaterThanOrEqual(2);
    for (let k = 1; k < h.t_min.length; k++) expect(h.t_min[k] - h.t_min[k - 1]).toBeGreaterThanOrEqual(every);
    expect(h.t_min.at(-1)).toBe(c.sim.time());
    for (const v of HISTORY_VARS) expect(h[v.name].at(-1)).toBe(st().cell[v.name][i]);
    // the status follows the state (dying cells rupture)
    app.inspector.render(st());
    const statusNow = [...panel.querySelectorAll('tr')].find((tr) => tr.firstChild?.textContent === 'status')?.children[1].textContent;
    expect(statusNow).toBe(['empty', 'alive', 'dying', 'dead', 'necrotic', 'vessel'][st().status[i]]);
    // the pulse list is unchanged by inspecting: one pulse added
    expect(c.added.length).toBe(1);
  });
});
