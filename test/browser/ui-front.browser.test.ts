// One set of numbers (issue 16, item 7): the sandbox page and the CLI measure the wave's front with
// the same code, from the wave's origin. In real Chromium with index.html's markup mounted, a
// primed dish and a tumour (tumour-erastin to 40 h) are run in the page, sampled as the live plots
// sample them; the same scenarios are then run as the CLI runs them (runToEnd and summarise, the
// code behind timeseries.csv and summary.json) in the same browser. The page's front series equals
// the CLI's front_um sample by sample (nothing at t = 0 in the tumour: vessels and hypoxic deaths
// are not the wave), and its speed readout is summary.json's wave speed and R^2.
import { afterEach, describe, expect, it } from 'vitest';
import { summarise } from '../../src/analysis/summary';
import { createEngine } from '../../src/engine/engine';
import { runToEnd } from '../../src/engine/runner';
import { encodeShareHash } from '../../src/io/scenario-text';
import { PRESETS } from '../../src/model/presets';
import { applyOverride, type ResolvedScenario, resolveScenario } from '../../src/model/scenario';
import { createSimulation } from '../../src/model/simulation';
import { FERROWAVE_VERSION } from '../../src/model/version';
import type { SandboxApp } from '../../src/ui/app';
import { frontText } from '../../src/ui/trace-plots';
import type { WaveResult } from '../../src/analysis/wave';
import { mountSandbox, smallPrimed } from './sandbox-fixture';

let app: SandboxApp | null = null;
let root: HTMLElement | null = null;

afterEach(() => {
  app?.dispose();
  root?.remove();
  app = null;
  root = null;
});

/** small primed dish, the light pulse at its left edge at 6 h, 12 h long */
function dish(): ResolvedScenario {
  const sc = smallPrimed(80, 16);
  const raw = structuredClone(sc) as unknown as Record<string, unknown>;
  applyOverride(raw, 'duration_min=720');
  (raw.treatments as unknown[]).push({ agent: 'light-pulse', dose: 30, start_min: 360, end_min: 370, region: { disc: { x_um: 0, y_um: 160, r_um: 100 } } });
  return resolveScenario(raw, FERROWAVE_VERSION);
}

/** tumour-erastin (erastin at 24 h, the pulse at 30 h) to 40 h: the wave has crossed the tumour */
function tumour(): ResolvedScenario {
  const raw = structuredClone(PRESETS['tumour-erastin']);
  applyOverride(raw, 'duration_min=2400');
  return resolveScenario(raw, FERROWAVE_VERSION);
}

/** The page: step to the end one sample interval at a time (the plots sample between advances, as while playing). */
async function inThePage(sc: ResolvedScenario) {
  const mounted = await mountSandbox(encodeShareHash(sc));
  app = mounted.app;
  root = mounted.root;
  const c = app.controller;
  const every = Math.round(sc.output.sample_every_min / c.sim.dt);
  while (!c.finished()) await c.step(every);
  const readout = document.getElementById('front-readout') as HTMLElement;
  const front = app.traces.frontNow();
  if (!front) throw new Error('the page measured no front');
  // the readout shows the last sample's front once the samples settle
  await expect.poll(() => readout.textContent, { timeout: 5000 }).toBe(frontText(front));
  return { series: structuredClone(app.traces.series), front, readout: readout.textContent ?? '' };
}

/** The CLI: runToEnd (timeseries.csv) and summarise (summary.json) on a fresh simulation. */
async function asTheCli(sc: ResolvedScenario) {
  const sim = createSimulation(sc, sc.seed);
  const engine = await createEngine(sim, 0);
  const samples = await runToEnd(engine);
  engine.dispose();
  return { samples, summary: summarise(sim, samples) };
}

describe('the page and the CLI measure the front with the same code', () => {
  it.each([
    ['a primed dish', dish],
    ['a tumour (tumour-erastin to 40 h)', tumour],
  ])('%s: the same front_um at every sample and the summary wave speed and R²', async (_what, make) => {
    const sc = make();
    const page = await inThePage(sc);
    const cli = await asTheCli(sc);

    expect(page.series.t_min).toEqual(cli.samples.map((s) => s.t_min));
    expect(page.series.front_um).toEqual(cli.samples.map((s) => s.front_um));
    expect(page.series.front_um[0]).toBeNull(); // nothing committed at t = 0, whatever lies near the origin

    expect(cli.summary.wave.detected).toBe(true);
    const w = cli.summary.wave as WaveResult;
    expect(page.front?.wave?.speed_um_per_min).toBe(w.speed_um_per_min);
    expect(page.front?.wave?.r2).toBe(w.r2);
    expect(page.front?.front_um).toBe(cli.samples.at(-1)?.front_um);
    const v = w.speed_um_per_min as number;
    expect(v).toBeGreaterThan(2.5);
    expect(v).toBeLessThan(7);
    expect(page.readout).toContain(`wave ${v.toFixed(2)} um/min over the run (R² ${(w.r2 as number).toFixed(3)})`);
    console.log(`${sc.name}: page and CLI wave ${v.toFixed(3)} um/min, R² ${(w.r2 as number).toFixed(4)}; readout "${page.readout}"`);
  });
});
