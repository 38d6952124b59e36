// Treating with the mouse, in real headless Chromium with index.html's markup: ferrostatin-1
// dragged as a rectangle over the right half of a primed dish stops a light-pulse wave on that half
// while the left half dies; a brush stroke painted with pointer events becomes a stroke region
// (outlined over the lattice), and the timeline's × ends it at the current time.
import { afterAll, describe, expect, it } from 'vitest';
import { DEAD, DYING } from '../../src/model/layout';
import type { SandboxApp } from '../../src/ui/app';
import { encodeShareHash } from '../../src/io/scenario-text';
import { mountSandbox, smallPrimed } from './sandbox-fixture';

let app: SandboxApp | null = null;
let root: HTMLElement | null = null;

afterAll(() => {
  app?.dispose();
  root?.remove();
});

/** Drag on the canvas through points given in um (synthetic pointer events, as a mouse would). */
function drag(a: SandboxApp, points_um: Array<[number, number]>): void {
  const canvas = a.renderer.canvas;
  const b = canvas.getBoundingClientRect();
  const c = a.renderer.camera();
  const site = a.controller.scenario.lattice.site_um;
  const at = ([x, y]: [number, number]) => ({ clientX: b.left + c.x + (x / site) * c.scale, clientY: b.top + c.y + (y / site) * c.scale });
  const ev = (type: string, p: [number, number]) =>
    canvas.dispatchEvent(new PointerEvent(type, { ...at(p), pointerId: 1, button: 0, buttons: type === 'pointerup' ? 0 : 1, bubbles: true }));
  ev('pointerdown', points_um[0]);
  for (const p of points_um.slice(1)) ev('pointermove', p);
  ev('pointerup', points_um[points_um.length - 1]);
}

const settle = async (a: SandboxApp) => {
  for (let k = 0; k < 5; k++) await new Promise((r) => setTimeout(r, 0));
  await a.controller.step(0);
};

function deadFraction(a: SandboxApp, x0_um: number, x1_um: number): number {
  const st = a.controller.sim.state;
  const site = a.controller.scenario.lattice.site_um;
  let n = 0,
    d = 0;
  for (let y = 0; y < st.height; y++)
    for (let x = 0; x < st.width; x++) {
      const xc = (x + 0.5) * site;
      if (xc < x0_um || xc >= x1_um) continue;
      n++;
      const s = st.status[y * st.width + x];
      if (s === DEAD || s === DYING) d++;
    }
  return d / n;
}

describe('treating with the mouse', () => {
  it('ferrostatin-1 dragged over the right half stops the wave there; a brush stroke is outlined and can be ended', async () => {
    const mounted = await mountSandbox(encodeShareHash(smallPrimed(60, 20)));
    app = mounted.app;
    root = mounted.root;
    const c = app.controller;
    const dt = c.sim.dt;
    await c.step(300 / dt);

    const form = app.treatments;
    form.agentSel.value = 'ferrostatin-1';
    form.agentSel.dispatchEvent(new Event('change'));
    form.amountIn.value = '5';
    form.whereSel.value = 'rect';
    form.whereSel.dispatchEvent(new Event('change'));
    expect((document.getElementById('mouse-mode') as HTMLSelectElement).value).toBe('paint');
    // the dish is 1200 x 400 um: cover x >= 600 um
    drag(app, [
      [600, -20],
      [900, 200],
      [1230, 430],
    ]);
    await settle(app);
    const tx = c.added.at(-1) as { agent: string; uM: number; start_min: number; region: { rect: { x_um: number; width_um: number } } };
    expect(tx.agent).toBe('ferrostatin-1');
    expect(tx.uM).toBe(5);
    expect(tx.start_min).toBe(300);
    expect(tx.region.rect.x_um).toBe(600);
    expect(tx.region.rect.width_um).toBe(630);
    expect(document.getElementById('treatment-list')?.textContent).toContain('ferrostatin-1 5 uM');

    // a light pulse at the left edge, then let the wave run
    await c.lightPulse(0, 200);
    await c.step(240 / dt);
    const left = deadFraction(app, 0, 500);
    const right = deadFraction(app, 700, 1200);
    expect(left, 'the wave crosses the untreated half').toBeGreaterThan(0.9);
    expect(right, 'ferrostatin-1 protects the painted half').toBeLessThan(0.05);

    // a brush stroke: drag along the middle row
    form.agentSel.value = 'dfo';
    form.agentSel.dispatchEvent(new Event('change'));
    form.whereSel.value = 'brush';
    form.whereSel.dispatchEvent(new Event('change'));
    form.radiusIn.value = '60';
    drag(app, [
      [100, 200],
      [150, 210],
      [200, 220],
      [260, 230],
      [330, 240],
    ]);
    await settle(app);
    const stroke = c.added.at(-1) as { agent: string; end_min?: number; region: { stroke: { r_um: number; points_um: number[][] } } };
    expect(stroke.agent).toBe('dfo');
    expect(stroke.region.stroke.r_um).toBe(60);
    expect(stroke.region.stroke.points_um.length).toBeGreaterThanOrEqual(3);
    expect(stroke.region.stroke.points_um[0]).toEqual([100, 200]);
    expect(document.querySelectorAll('#region-overlay path').length).toBe(1);
    expect(document.querySelectorAll('#region-overlay rect').length).toBe(1);

    // end it from the timeline at t = now
    await c.step(20 / dt);
    const now = c.sim.time();
    const buttons = document.querySelectorAll<HTMLButtonElement>('#treatment-list .tl-remove');
    buttons[buttons.length - 1].click();
    await settle(app);
    expect((c.added.at(-1) as { end_min?: number }).end_min).toBe(now);
    expect(document.getElementById('error')?.hidden).toBe(true);
  });
});
