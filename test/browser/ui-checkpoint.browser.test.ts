// The sandbox's checkpoints and branches, in real headless Chromium with index.html's markup
// mounted: a checkpoint saved at t1 of a small primed run (light pulse fired in the page), run on to
// t2; branching from the checkpoint and running to t2 again gives the same state hash (the
// checkpoint is a full copy, reusable, and the branch attaches to it without re-initialising);
// branching with RSL3 added (from the form) or erastin + RSL3 gives different hashes; the plots
// show the series as they were at the checkpoint after a branch.
import { afterAll, describe, expect, it } from 'vitest';
import { hashBuffer } from '../../src/analysis/hash';
import type { SandboxApp } from '../../src/ui/app';
import { encodeShareHash } from '../../src/io/scenario-text';
import { mountSandbox, smallPrimed } from './sandbox-fixture';

let app: SandboxApp | null = null;
let root: HTMLElement | null = null;

afterAll(() => {
  app?.dispose();
  root?.remove();
});

describe('checkpoints and branches', () => {
  it('a branch from a checkpoint reproduces the run; an added treatment changes it', async () => {
    const sc = smallPrimed();
    const mounted = await mountSandbox(encodeShareHash(sc));
    app = mounted.app;
    root = mounted.root;
    const c = app.controller;
    const dt = c.sim.dt;

    await c.step(300 / dt);
    await c.lightPulse(0, 200);
    await c.step(60 / dt);
    const t1 = c.sim.time();
    const hash1 = hashBuffer(c.sim.state.buffer);
    (document.getElementById('save-checkpoint') as HTMLButtonElement).click();
    await new Promise((r) => setTimeout(r, 0));
    await c.step(0); // the checkpoint is queued before this
    expect(app.checkpoints.length).toBe(1);
    const cp = app.checkpoints[0];
    expect(cp.t_min).toBe(t1);
    expect(cp.added.length).toBe(1);
    expect(cp.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(cp.buffer).not.toBe(c.sim.state.buffer);
    expect(hashBuffer(cp.buffer)).toBe(hash1);
    const li = document.querySelectorAll('#checkpoint-list li');
    expect(li.length).toBe(1);
    expect(li[0].textContent).toContain('6:00');

    await c.step(120 / dt);
    const t2 = c.sim.time();
    const hashA = hashBuffer(c.sim.state.buffer);
    const deadA = c.sim.state.status.filter((s) => s === 3).length;
    expect(hashA).not.toBe(hash1);

    // branch with nothing added: back at t1 with the checkpoint's state, same hash at t2
    expect(await app.branch(cp)).toBe(true);
    expect(c.sim.time()).toBe(t1);
    expect(hashBuffer(c.sim.state.buffer)).toBe(hash1);
    expect(app.plot.series.t_min.at(-1)).toBe(t1);
    // the charts redraw from the restored series (not the samples of the run past t1 they held)
    const shown = () => [app?.plot.chart.plot?.data[0] ?? [], app?.traces.frontChart.plot?.data[0] ?? []];
    await expect.poll(() => shown()[0].at(-1)).toBe(t1);
    expect(shown()).toEqual([app.plot.series.t_min, app.traces.series.t_min]);
    await c.step(120 / dt);
    expect(c.sim.time()).toBe(t2);
    expect(hashBuffer(c.sim.state.buffer)).toBe(hashA);
    // the checkpoint is untouched by the branch that ran on
    expect(hashBuffer(cp.buffer)).toBe(hash1);

    // branch with RSL3 from the form (the list's button): a different state at t2
    (document.getElementById('branch-add') as HTMLSelectElement).value = 'rsl3';
    (document.getElementById('branch-rsl3') as HTMLInputElement).value = '2';
    (document.querySelector('#checkpoint-list button') as HTMLButtonElement).click();
    await new Promise((r) => setTimeout(r, 0));
    await c.step(0);
    expect(c.sim.time()).toBe(t1);
    expect(c.added.at(-1)).toEqual({ agent: 'rsl3', uM: 2, start_min: t1 });
    expect(document.getElementById('treatment-list')?.textContent).toContain('rsl3 2 uM');
    await c.step(120 / dt);
    const hashR = hashBuffer(c.sim.state.buffer);
    expect(hashR).not.toBe(hashA);
    expect(c.sim.state.status.filter((s) => s === 3).length).toBeGreaterThanOrEqual(deadA);

    // erastin + RSL3: two treatments, yet another state
    expect(await app.branch(cp, { erastin_uM: 20, rsl3_uM: 2 })).toBe(true);
    expect(c.added.slice(-2).map((t) => t.agent)).toEqual(['erastin', 'rsl3']);
    await c.step(120 / dt);
    const hashER = hashBuffer(c.sim.state.buffer);
    expect(new Set([hashA, hashR, hashER]).size).toBe(3);

    // an invalid addition is reported and leaves the running simulation alone
    const before = c.sim;
    expect(await app.branch(cp, { rsl3_uM: -1 })).toBe(false);
    expect(c.sim).toBe(before);
    expect(document.getElementById('error')?.hidden).toBe(false);
  });
});
