// Why this file exists: the end-of-run summary a user reads first (summary.json): is there a
// wave and how fast, how much died and when half of the tissue was dead; in a dish cut into lanes
// of different erastin doses (lanes.ts), each lane's front and the erastin threshold.
import { analyseLanes, type LanesResult } from './lanes';
import type { Sample } from './observables';
import { analyseWave, type WaveResult, waveOrigin } from './wave';
import type { Simulation } from '../model/simulation';

export interface Summary {
  scenario: string;
  seed: number;
  ferrowave_version: string;
  t_end_min: number;
  wave: WaveResult | { detected: false; pattern: 'none'; speed_um_per_min: null };
  death: {
    /**
     * cells that committed to ferroptosis / cells that ever lived (alive at t = 0 plus daughters):
     * counts every death even after debris is cleared and sites refilled (tumours)
     */
    fraction_final: number;
    /** cells dead now (ruptured, not yet cleared) / cells alive at t = 0 */
    dead_fraction_now: number;
    /** first time half of the cells that had lived by then had committed, min (null if never) */
    t50_min: number | null;
    /** every ferroptotic commitment and hypoxic death since t = 0, and the divisions (tumours) */
    committed_total: number;
    necrotic_total: number;
    births_total: number;
  };
  counts_final: { alive: number; dying: number; dead: number };
  /** only in a dish cut by gaps into lanes of different erastin doses, all pulsed (lanes.ts) */
  erastin_lanes?: LanesResult;
}

export function summarise(sim: Simulation, samples: Sample[]): Summary {
  const sc = sim.scenario;
  const first = samples[0];
  const last = samples[samples.length - 1];
  const initial = first.alive + first.dying + first.dead;
  const everLived = (s: Sample) => initial + s.births_total;
  const origin = waveOrigin(sc, sim.state);
  const wave = origin ? analyseWave(sim.state, sc.lattice.site_um, origin) : ({ detected: false, pattern: 'none', speed_um_per_min: null } as const);
  let t50: number | null = null;
  for (let k = 1; k < samples.length && initial > 0; k++) {
    const a = samples[k - 1],
      b = samples[k];
    const fa = a.committed_total / everLived(a),
      fb = b.committed_total / everLived(b);
    if (fb >= 0.5) {
      t50 = fa >= 0.5 ? a.t_min : a.t_min + ((0.5 - fa) / (fb - fa)) * (b.t_min - a.t_min);
      break;
    }
  }
  const lanes = analyseLanes(sim.state, sc);
  const out: Summary = {
    scenario: sc.name,
    seed: sim.seed,
    ferrowave_version: sc.ferrowave_version,
    t_end_min: last.t_min,
    wave,
    death: {
      fraction_final: initial > 0 ? last.committed_total / everLived(last) : 0,
      dead_fraction_now: initial > 0 ? last.dead / initial : 0,
      t50_min: t50,
      committed_total: last.committed_total,
      necrotic_total: last.necrotic_total,
      births_total: last.births_total,
    },
    counts_final: { alive: last.alive, dying: last.dying, dead: last.dead },
  };
  if (lanes) out.erastin_lanes = lanes;
  return out;
}
