// The scan of a state for garbage (src/analysis/state-scan.ts): a NaN, an infinity and a negative
// value planted in a tiny simulation are each found with their variable, unit, cell and time; the
// times of events that have not happened (NaN by design) and the rates at empty sites are not
// garbage; the bands of workers give the same first value as the whole state; a clean run has
// none at any sample; and the runner stops at the sample that has one.
import { describe, expect, it } from 'vitest';
import { badValueText, earliest, firstBadValue, scanSimulation } from '../../src/analysis/state-scan';
import { createEngine } from '../../src/engine/engine';
import { runToEnd } from '../../src/engine/runner';
import { ALIVE, EMPTY } from '../../src/model/layout';
import { createSimulation, type Simulation } from '../../src/model/simulation';
import { strip } from '../helpers';

/** a 20 x 3 strip of 20 um sites, 10 uM erastin, a pulse at its left end at 300 min */
const sc = strip({ erastin: 10, length_um: 400, duration_min: 480, pulse_min: 300, seed: 5 });

/** the strip after `steps` steps of 0.5 min */
function simAt(steps: number): Simulation {
  const sim = createSimulation(sc);
  sim.step(steps);
  return sim;
}

describe('state scan', () => {
  it('finds a NaN in a per-cell variable: its name, unit, cell and time', () => {
    const sim = simAt(40);
    expect(scanSimulation(sim)).toBeNull();
    // column 7, row 2 of 20 x 3
    const site = 2 * 20 + 7;
    sim.state.cell.ros[site] = Number.NaN;
    const b = scanSimulation(sim);
    expect(b).toEqual({
      order: 14,
      group: 'cell',
      name: 'ros',
      unit: 'a.u.',
      value: Number.NaN,
      site,
      x: 7,
      y: 2,
      x_um: 150,
      y_um: 50,
      status: 'alive',
      t_min: 20,
    });
    expect(badValueText(b!)).toBe('diverged: per-cell variable ros (a.u.) is NaN at x = 150 um, y = 50 um (site 47: column 7, row 2, alive) at t = 20 min');
  });

  it('finds an infinity in a field and a negative concentration, the first in registry order', () => {
    const sim = simAt(10);
    sim.state.field.ox[3] = Number.POSITIVE_INFINITY;
    expect(scanSimulation(sim)).toMatchObject({ group: 'field', name: 'ox', unit: 'a.u.', value: Number.POSITIVE_INFINITY, site: 3, x: 3, y: 0, t_min: 5 });
    // a per-cell variable comes before any field; GSH is in uM
    sim.state.cell.gsh[25] = -2.5;
    const b = scanSimulation(sim)!;
    expect(b).toMatchObject({ group: 'cell', name: 'gsh', unit: 'uM', value: -2.5, site: 25, x: 5, y: 1, x_um: 110, y_um: 30 });
    expect(badValueText(b)).toContain('per-cell variable gsh (uM) is negative (-2.5) at x = 110 um, y = 30 um (site 25: column 5, row 1, alive) at t = 5 min');
    sim.state.cell.gsh[25] = 1;
    sim.state.field.ox[3] = Number.NEGATIVE_INFINITY;
    expect(badValueText(scanSimulation(sim)!)).toContain('field ox (a.u.) is negative (-Infinity) at x = 70 um, y = 10 um');
  });

  it('lets times of events not yet happened be NaN, and rates of empty sites be anything; a negative time is garbage', () => {
    const sim = simAt(4);
    const st = sim.state;
    expect(Number.isNaN(st.cell.t_dying[0])).toBe(true);
    expect(st.status[0]).toBe(ALIVE);
    st.status[1] = EMPTY;
    st.aux.feedback[1] = Number.NaN;
    expect(scanSimulation(sim)).toBeNull();
    st.aux.feedback[2] = Number.NaN;
    expect(scanSimulation(sim)).toMatchObject({ group: 'aux', name: 'feedback', unit: 'a.u./min', site: 2 });
    st.cell.t_dead[4] = -1;
    expect(firstBadValue(st, 20, 2)).toMatchObject({ group: 'cell', name: 't_dead', unit: 'min', value: -1, site: 4, t_min: 2 });
  });

  it('scans a band of sites as a worker does; the earliest of the bands is the scan of the whole state', async () => {
    const sim = simAt(10);
    const st = sim.state;
    // rows 0 and 1 (sites 0-39) and row 2 (40-59), as two workers split 3 rows
    const bands = (): Array<ReturnType<typeof firstBadValue>> => [firstBadValue(st, 20, 5, 0, 40), firstBadValue(st, 20, 5, 40, 60)];
    st.cell.lpo[45] = Number.NaN;
    st.cell.lpo[50] = -1;
    st.cell.gsh[52] = Number.NaN;
    st.field.o2[2] = -1;
    const [a, b] = bands();
    expect(a).toMatchObject({ group: 'field', name: 'o2', site: 2 });
    expect(b).toMatchObject({ name: 'gsh', site: 52 });
    expect(earliest([a, b])).toEqual(scanSimulation(sim));
    expect(earliest([a, b])).toMatchObject({ name: 'gsh', site: 52 });
    st.cell.gsh[52] = 1;
    expect(earliest(bands())).toMatchObject({ name: 'lpo', site: 45 });
    expect(earliest([null, null])).toBeNull();
    // the engine on the calling thread scans it all
    expect(await (await createEngine(sim, 0)).scan()).toMatchObject({ name: 'lpo', site: 45, t_min: 5 });
  });

  it('finds nothing at any sample of a clean run with a wave (deaths, ruptures, empty sites)', async () => {
    const sim = createSimulation(sc);
    const found: string[] = [];
    const samples = await runToEnd(await createEngine(sim, 0), {
      stopAfter: () => {
        const b = scanSimulation(sim);
        if (b) found.push(badValueText(b));
        return false;
      },
    });
    expect(found).toEqual([]);
    expect(samples.at(-1)!.t_min).toBe(480);
    expect(samples.at(-1)!.dead + samples.at(-1)!.dying).toBeGreaterThan(0);
  });

  it('the runner ends a run at the first sample whose state is bad', async () => {
    const sim = createSimulation(sc);
    let k = 0;
    const samples = await runToEnd(await createEngine(sim, 0), {
      stopAfter: () => {
        if (++k === 3) sim.state.cell.lpo[10] = Number.NaN;
        return scanSimulation(sim) !== null;
      },
    });
    expect(samples.map((s) => s.t_min)).toEqual([0, 5, 10]);
    expect(sim.time()).toBe(10);
  });
});
