// The Cl- couplings of issue 14: CLIC5 limits mitochondrial ROS (its loss raises them), and a
// Cl- load raises them (cl_ros_gain, off by default); ion_couple_cl cuts both. Small untreated
// dishes without noise, so every cell is the control cell.
import { describe, expect, it } from 'vitest';
import { resolveScenario } from '../../src/model/scenario';
import { createSimulation } from '../../src/model/simulation';

/** mean basal ROS production (aux ros_src) of a 4 x 4 dish after `minutes` */
function rosSrc(treatments: object[], params: Record<string, number> = {}, minutes = 30, setCl?: number): number {
  const sc = resolveScenario(
    {
      name: 'cl',
      seed: 2,
      lattice: { width: 4, height: 4, site_um: 20 },
      duration_min: minutes,
      treatments,
      params: { burst_rate: 0, pheno_cv: 0, ...params },
    },
    'test',
  );
  const sim = createSimulation(sc, sc.seed, { unshared: true });
  const st = sim.state;
  if (setCl !== undefined) st.cell.cl.fill(setCl);
  sim.step(1);
  let s = 0;
  for (let i = 0; i < st.n; i++) s += st.aux.ros_src[i];
  return s / st.n;
}

const clic5 = (factor: number) => ({ agent: factor < 1 ? 'knockdown' : 'overexpress', gene: 'CLIC5', factor });

describe('CLIC5 and Cl- on mitochondrial ROS', () => {
  it('CLIC5 loss raises basal ROS production by up to 1 + clic5_ros_gain; more CLIC5 lowers it', () => {
    const ctl = rosSrc([]);
    const kd = rosSrc([clic5(0.1)]);
    const g = 0.3;
    expect(kd / ctl).toBeCloseTo((1 + g) / (1 + 0.1 * g), 2);
    expect(rosSrc([clic5(4)])).toBeLessThan(ctl);
    expect(rosSrc([clic5(0.1)], { clic5_ros_gain: 1 }) / ctl).toBeGreaterThan(kd / ctl);
  });

  it('a Cl- load raises it only when cl_ros_gain is set (off by default)', () => {
    const rest = rosSrc([], {}, 30);
    // a cell at cl_open (110 mM): the full load
    expect(rosSrc([], {}, 30, 110) / rest).toBeCloseTo(1, 6);
    expect(rosSrc([], { cl_ros_gain: 0.5 }, 30, 110) / rosSrc([], { cl_ros_gain: 0.5 }, 30)).toBeGreaterThan(1.3);
  });

  it('ion_couple_cl 0 removes both', () => {
    const off = { ion_couple_cl: 0, cl_ros_gain: 0.5 };
    const ctl = rosSrc([], off);
    expect(rosSrc([clic5(0.1)], off)).toBeCloseTo(ctl, 10);
    expect(rosSrc([], off, 30, 110)).toBeCloseTo(ctl, 10);
  });
});
