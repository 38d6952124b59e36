// An anoxic medium (o2_medium = 0) in a tumour whose O2 comes from its vessel: basal ROS
// production is normalised at o2_km, not at 1/o2_medium, so the living cells keep a resting ROS
// of the same order as in normoxic medium instead of ~1e12 a.u. (a finite value the scan for NaN
// and negatives cannot catch).
import { describe, expect, it } from 'vitest';
import { ALIVE } from '../../src/model/layout';
import { createSimulation } from '../../src/model/simulation';
import { tumour } from './param-edges';

function restingRos(o2_medium: number): number {
  const sc = tumour({ o2_medium });
  // before the drug (60 min) and the pulse: the resting state
  const sim = createSimulation({ ...sc, treatments: [], duration_min: 50 }, sc.seed);
  sim.step(sim.totalSteps());
  let sum = 0;
  let n = 0;
  for (let i = 0; i < sim.state.n; i++)
    if (sim.state.status[i] === ALIVE) {
      sum += sim.state.cell.ros[i];
      n++;
    }
  expect(n).toBeGreaterThan(0);
  return sum / n;
}

describe('an anoxic medium in a vascularised tumour', () => {
  it('keeps resting ROS within a factor of 3 of the normoxic medium', () => {
    const normoxic = restingRos(180);
    const anoxic = restingRos(0);
    expect(Number.isFinite(anoxic)).toBe(true);
    expect(anoxic / normoxic).toBeLessThan(3);
    expect(anoxic / normoxic).toBeGreaterThan(1 / 30);
  });
});
