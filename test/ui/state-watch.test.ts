// The page stops at garbage: after a sample, a state with a NaN pauses the run and the error box
// names the variable, the cell and the time (once per simulation); a clean state says nothing.
import { describe, expect, it } from 'vitest';
import { type RawScenario, SimController } from '../../src/ui/controller';
import type { ErrorBox } from '../../src/ui/error-box';
import { PAUSED_NOTE, watchState } from '../../src/ui/state-watch';
import { tinyStrip } from '../tiny-strip';

describe('the page watches the state at each sample', () => {
  it('pauses at a NaN and shows where it is, once per simulation', async () => {
    const c = new SimController({
      workers: 0,
      spawn: () => {
        throw new Error('no workers in this test');
      },
    });
    const shown: string[] = [];
    const errors: ErrorBox = { show: (e) => shown.push(e instanceof Error ? e.message : String(e)), clear: () => shown.splice(0) };
    const watch = watchState(c, errors);
    await c.load(tinyStrip('watched') as RawScenario, 3);
    await c.step(20);
    await watch();
    expect(shown).toEqual([]);
    // playing (the loop itself needs a browser's animation frames)
    c.playing = true;
    c.sim.state.cell.lpo[41] = Number.NaN;
    await watch();
    expect(c.playing).toBe(false);
    expect(shown).toEqual([
      `diverged: per-cell variable lpo (a.u.) is NaN at x = 30 um, y = 30 um (site 41: column 1, row 1, alive) at t = 10 min. ${PAUSED_NOTE}`,
    ]);
    // played on: not paused again
    c.playing = true;
    await watch();
    expect(c.playing).toBe(true);
    expect(shown).toHaveLength(1);
    c.dispose();
  });
});
