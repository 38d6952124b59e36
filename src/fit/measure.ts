// Why this file exists: what a fit reads off one finished run (in the thread that ran it, so only
// these few numbers travel): the front speed (src/analysis/front-speed.ts, as the validation
// measures it), the time half the cells had died, where waves started on their own (the ignition
// sites of src/analysis/ignition.ts, as check "spontaneous" counts them), and at the times the data
// ask for, the fraction of dead cells and the mean GSH of living cells.
import { measureFront } from '../analysis/front-speed';
import { ignitionSites } from '../analysis/ignition';
import type { Sample } from '../analysis/observables';
import { type Summary, summarise } from '../analysis/summary';
import { firstCommitOrigin, pulseOrigin } from '../analysis/wave';
import type { Simulation } from '../model/simulation';

export interface RunMeasures {
  /** the front's speed, um/min; 0 when no front travelled */
  speed_um_per_min: number;
  /** how the speed was measured: the whole wave, the pulse's own front until another met it, or none */
  front: 'wave' | 'pulse-front' | 'none';
  /** the run's death pattern (summary.json's wave.pattern) */
  pattern: 'wave' | 'synchronous' | 'local' | 'none';
  /** first time half the cells that had lived had committed, min (null: never) */
  t50_min: number | null;
  t_end_min: number;
  /** sources of fronts in the run (ignitionSites: 100 um neighbourhood, half of it committed within 120 min) */
  ignition_sites: number;
  /** commitment time of the first ignition site, min (null: none) */
  first_ignition_min: number | null;
  /** the times asked for, min, and at each: dead / cells present, and the living cells' mean GSH (uM; null: none living) */
  times_min: number[];
  dead_fraction: number[];
  gsh_uM: Array<number | null>;
}

/** Linear interpolation of f over the samples at time t (clamped to the run). */
function at(samples: readonly Sample[], t: number, f: (s: Sample) => number): number {
  let k = 0;
  while (k < samples.length - 1 && samples[k + 1].t_min < t) k++;
  const a = samples[k];
  const b = samples[Math.min(k + 1, samples.length - 1)];
  if (b.t_min <= a.t_min || t <= a.t_min) return f(a);
  if (t >= b.t_min) return f(b);
  const w = (t - a.t_min) / (b.t_min - a.t_min);
  return f(a) + w * (f(b) - f(a));
}

const deadFraction = (s: Sample) => {
  const cells = s.alive + s.dying + s.dead + s.necrotic;
  return cells > 0 ? s.dead / cells : 0;
};

/** The measures of a finished run (`summary`: its summarise(), when the caller has it already). */
export function measureRun(
  sim: Simulation,
  samples: readonly Sample[],
  times_min: readonly number[],
  summary: Summary = summarise(sim, [...samples]),
): RunMeasures {
  const sc = sim.scenario;
  const origin = pulseOrigin(sc) ?? firstCommitOrigin(sim.state, sc.lattice.site_um);
  const front = origin ? measureFront(sim.state, sc.lattice.site_um, origin) : null;
  const gsh = times_min.map((t) => at(samples, t, (s) => s.means.gsh));
  const sites = ignitionSites(sim.state, sc.lattice.site_um);
  return {
    speed_um_per_min: front ? front.v : 0,
    front: front ? front.kind : 'none',
    pattern: summary.wave.pattern,
    t50_min: summary.death.t50_min,
    t_end_min: summary.t_end_min,
    ignition_sites: sites.length,
    first_ignition_min: sites.length ? sites[0].t_min : null,
    times_min: [...times_min],
    dead_fraction: times_min.map((t) => at(samples, t, deadFraction)),
    gsh_uM: gsh.map((g) => (Number.isFinite(g) ? g : null)),
  };
}
