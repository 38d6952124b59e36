// The front that timeseries.csv (front_um), summary.json and the sandbox report is that of cells
// committed to ferroptosis, from the wave's origin: vessels and hypoxic (necrotic) deaths are not
// the wave, dead cells cleared from a tumour still mark how far it went, and without a pulse the
// origin is the first committed cell. A tumour before any death has no front (it once read the
// distance to the nearest vessel, ~340 um in tumour-erastin).
import { describe, expect, it } from 'vitest';
import { frontNow } from '../../src/analysis/front-speed';
import { frontPosition, waveOrigin } from '../../src/analysis/wave';
import { createEngine } from '../../src/engine/engine';
import { takeSample } from '../../src/engine/runner';
import { DEAD, DYING, EMPTY, layoutState, NECROTIC, VESSEL } from '../../src/model/layout';
import { PRESETS } from '../../src/model/presets';
import { resolveScenario } from '../../src/model/scenario';
import { createSimulation } from '../../src/model/simulation';
import { FERROWAVE_VERSION } from '../../src/model/version';

const SITE = 20;
const origin = { disc: { x_um: 10, y_um: 10, r_um: 10 } };

function strip() {
  const st = layoutState(20, 1);
  st.cell.t_dying.fill(Number.NaN);
  return st;
}

describe('frontPosition', () => {
  it('ignores vessels and hypoxic deaths', () => {
    const st = strip();
    st.status[12] = VESSEL;
    st.status[15] = NECROTIC;
    expect(frontPosition(st, SITE, origin)).toBeNull();
  });

  it('is the furthest committed cell beyond the origin, dying, dead or cleared', () => {
    const st = strip();
    st.status[3] = DYING;
    st.cell.t_dying[3] = 100;
    expect(frontPosition(st, SITE, origin)).toBe(3.5 * SITE - 20);
    st.status[6] = DEAD;
    st.cell.t_dying[6] = 120;
    expect(frontPosition(st, SITE, origin)).toBe(6.5 * SITE - 20);
    st.status[6] = EMPTY; // dead and cleared: its commitment still marks the front
    expect(frontPosition(st, SITE, origin)).toBe(6.5 * SITE - 20);
  });
});

describe('waveOrigin', () => {
  it('is the first pulse, else the first committed cell', () => {
    const withPulse = resolveScenario(PRESETS['primed-ring-wave'], FERROWAVE_VERSION);
    const st = strip();
    expect(waveOrigin(withPulse, st)).toEqual({ disc: { x_um: 4000, y_um: 4000, r_um: 150 } });
    const noPulse = resolveScenario(PRESETS['tumour-rsl3'], FERROWAVE_VERSION);
    expect(waveOrigin(noPulse, st)).toBeNull();
    st.cell.t_dying[7] = 50;
    st.cell.t_dying[9] = 40;
    expect(waveOrigin(noPulse, st)).toEqual({ disc: { x_um: 9.5 * SITE, y_um: 0.5 * SITE, r_um: SITE / 2 } });
  });
});

describe('a tumour before any death', () => {
  it('has no front in the CLI sample nor in the sandbox readout', async () => {
    const sc = resolveScenario(PRESETS['tumour-erastin'], FERROWAVE_VERSION);
    const sim = createSimulation(sc, sc.seed);
    let vessels = 0;
    for (let i = 0; i < sim.state.n; i++) if (sim.state.status[i] === VESSEL) vessels++;
    expect(vessels).toBeGreaterThan(0);
    const engine = await createEngine(sim, 0);
    expect((await takeSample(engine)).front_um).toBeNull();
    const fr = frontNow(sim.state, sc, 0);
    expect(fr.front_um).toBeNull();
    expect(fr.wave?.pattern).toBe('none');
    engine.dispose();
  });
});
