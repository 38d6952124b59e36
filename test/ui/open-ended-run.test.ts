// A run that reached its end (duration_min) goes on when extended: the scenario's duration grows,
// the state carries on without a restart, and the exported scenario re-runs headless to the very
// same state (the sandbox's history stays the exported scenario). Also the words of the end
// card and of the "go on" button, and when the first-visit card opens by itself.
import { describe, expect, it } from 'vitest';
import { hashBuffer } from '../../src/analysis/hash';
import { resolveScenario } from '../../src/model/scenario';
import { createSimulation } from '../../src/model/simulation';
import { FERROWAVE_VERSION } from '../../src/model/version';
import { type RawScenario, SimController } from '../../src/ui/controller';
import { introOpensByItself } from '../../src/ui/intro-panel';
import { formatHours } from '../../src/ui/run-controls';
import { endMessage } from '../../src/ui/run-end';
import { determinismScenario } from '../engine/determinism-scenario';

function controller(): SimController {
  return new SimController({
    workers: 0,
    spawn: () => {
      throw new Error('no workers in this test');
    },
  });
}

describe('a run at its end goes on', () => {
  it('extend() lengthens duration_min, carries the state on and re-runs headless to the same bits', async () => {
    const c = controller();
    const base = structuredClone(determinismScenario()) as unknown as RawScenario;
    await c.load(base, 5);
    const total = c.sim.totalSteps();
    expect(c.scenario.duration_min).toBe(200);
    await c.step(total + 50); // clipped at the end
    expect(c.sim.stepIndex()).toBe(total);
    expect(c.finished()).toBe(true);
    await expect(c.addTreatments([{ agent: 'ferrostatin-1', uM: 5 }])).rejects.toThrow(/reached its end .*press play to go on/);

    const before = hashBuffer(c.sim.state.buffer);
    await c.extend(90);
    expect(c.finished()).toBe(false);
    expect(c.scenario.duration_min).toBe(290);
    expect(c.sim.stepIndex()).toBe(total); // not restarted
    expect(hashBuffer(c.sim.state.buffer)).toBe(before);
    await c.step(10_000);
    expect(c.sim.time()).toBe(290);

    const raw = c.rawScenario();
    expect(raw.duration_min).toBe(290);
    const sc = resolveScenario(raw, FERROWAVE_VERSION);
    const sim = createSimulation(sc, sc.seed);
    sim.step(sim.totalSteps());
    expect(hashBuffer(sim.state.buffer)).toBe(hashBuffer(c.sim.state.buffer));
    c.dispose();
  });

  it('extend() refuses a time that is not > 0 and changes nothing', async () => {
    const c = controller();
    await c.load(structuredClone(determinismScenario()) as unknown as RawScenario, 5);
    await expect(c.extend(0)).rejects.toThrow(/> 0 min/);
    await expect(c.extend(Number.NaN)).rejects.toThrow(/> 0 min/);
    expect(c.scenario.duration_min).toBe(200);
    c.dispose();
  });

  it('says when and why the run ended, in hours and minutes', () => {
    expect(endMessage(1440, 1440)).toBe('End of the scenario at 24:00 h: its set length (duration_min 1440 min) is reached.');
    expect(formatHours(6)).toBe('6 h');
    expect(formatHours(0.5)).toBe('30 min');
    expect(formatHours(1.5)).toBe('1.5 h');
  });
});

describe('the first-visit card', () => {
  const q = (s: string) => new URLSearchParams(s);
  it('opens by itself on the plain page only, until dismissed; ?intro= overrides', () => {
    expect(introOpensByItself(q(''), '', false)).toBe(true);
    expect(introOpensByItself(q(''), '', true)).toBe(false);
    expect(introOpensByItself(q('?preset=tumour-erastin'), '', false)).toBe(false);
    expect(introOpensByItself(q(''), '#s=abc', false)).toBe(false);
    expect(introOpensByItself(q('?intro=1&preset=tumour-erastin'), '', true)).toBe(true);
    expect(introOpensByItself(q('?intro=0'), '', false)).toBe(false);
  });
});
