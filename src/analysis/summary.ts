// Why this file exists: the end-of-run summary a user reads first (summary.json): is there a
// wave and how fast, how much died and when half of the tissue was dead.
import type { Sample } from './observables';
import { analyseWave, firstCommitOrigin, pulseOrigin, type WaveResult } from './wave';
import type { Simulation } from '../model/simulation';

export interface Summary {
  scenario: string;
  seed: number;
  ferrowave_version: string;
  t_end_min: number;
  wave: WaveResult | { detected: false; pattern: 'none'; speed_um_per_min: null };
  death: {
    /** dead / cells alive at t = 0 */
    fraction_final: number;
    /** (dying + dead) / cells alive at t = 0 */
    committed_fraction_final: number;
    /** first time half of the initial cells are dead, min (null if never) */
    t50_min: number | null;
    /** every ferroptotic commitment and hypoxic death since t = 0, and the divisions (tumours) */
    committed_total: number;
    necrotic_total: number;
    births_total: number;
  };
  counts_final: { alive: number; dying: number; dead: number };
}

export function summarise(sim: Simulation, samples: Sample[]): Summary {
  const sc = sim.scenario;
  const first = samples[0];
  const last = samples[samples.length - 1];
  const initial = first.alive + first.dying + first.dead;
  const origin = pulseOrigin(sc) ?? firstCommitOrigin(sim.state, sc.lattice.site_um);
  const wave = origin ? analyseWave(sim.state, sc.lattice.site_um, origin) : ({ detected: false, pattern: 'none', speed_um_per_min: null } as const);
  let t50: number | null = null;
  for (let k = 1; k < samples.length && initial > 0; k++) {
    const a = samples[k - 1], b = samples[k];
    const half = 0.5 * initial;
    if (b.dead >= half) {
      t50 = a.dead >= half ? a.t_min : a.t_min + ((half - a.dead) / (b.dead - a.dead)) * (b.t_min - a.t_min);
      break;
    }
  }
  return {
    scenario: sc.name,
    seed: sim.seed,
    ferrowave_version: sc.ferrowave_version,
    t_end_min: last.t_min,
    wave,
    death: {
      fraction_final: initial > 0 ? last.dead / initial : 0,
      committed_fraction_final: initial > 0 ? (last.dead + last.dying) / initial : 0,
      t50_min: t50,
      committed_total: last.committed_total,
      necrotic_total: last.necrotic_total,
      births_total: last.births_total,
    },
    counts_final: { alive: last.alive, dying: last.dying, dead: last.dead },
  };
}
