// Why this file exists: a drug painted or applied in the sandbox must be visible. For each agent of
// the running scenario this gives its level at every site now: in a tumour, where drugs diffuse,
// the drug's own field (uM, what the cells there see); elsewhere the dose of its treatments active
// at this step, summed where they overlap, over the sites their regions cover (as the model's
// schedule places them: the same regions, the same start and end steps). The lattice views of
// drugs and the cell inspector read it; a map is recomputed only when the set of active
// treatments changes.
import { AGENTS, type AgentId } from '../model/agents';
import type { SimState } from '../model/layout';
import { regionRuns } from '../model/region';
import type { ResolvedScenario } from '../model/scenario';
import type { Simulation } from '../model/simulation';
import { hasLevel } from '../render/views';

/** The agents of a scenario that have a level to show (no pulses, no genetic changes), in the order first given. */
export function leveledAgents(sc: ResolvedScenario): AgentId[] {
  const out: AgentId[] = [];
  for (const t of sc.treatments) if (hasLevel(t.agent) && !out.includes(t.agent)) out.push(t.agent);
  return out;
}

/** The treatments (indices into sc.treatments) of `agent` active at `step`, with the schedule's rounding of start and end. */
export function activeTreatments(sc: ResolvedScenario, agent: AgentId, step: number): number[] {
  const dt = sc.numerics.dt_min;
  const out: number[] = [];
  sc.treatments.forEach((t, k) => {
    if (t.agent !== agent) return;
    const start = Math.round(t.start_min / dt);
    const end = t.end_min === null ? Number.POSITIVE_INFINITY : Math.max(start + 1, Math.round(t.end_min / dt));
    if (step >= start && step < end) out.push(k);
  });
  return out;
}

/** The dose of the treatments `active` at each site (in the agent's unit), summed where they overlap. */
export function appliedDose(sc: ResolvedScenario, active: readonly number[], out?: Float32Array): Float32Array {
  const { width: W, height: H, site_um } = sc.lattice;
  const map = out && out.length === W * H ? out : new Float32Array(W * H);
  map.fill(0);
  for (const k of active) {
    const t = sc.treatments[k];
    if (!hasLevel(t.agent)) continue;
    const spec = AGENTS[t.agent];
    const dose = (spec.dose_key === 'uM' ? t.uM : t.dose) ?? spec.default_dose;
    for (let y = 0; y < H; y++) for (const [a, b] of regionRuns(t.region, y, W, site_um)) for (let i = y * W + a; i < y * W + b; i++) map[i] += dose;
  }
  return map;
}

/** Where a drug's level comes from at a site. */
export type LevelSource = 'tissue' | 'applied';

/** The levels of a running simulation's drugs, cached per agent until its active treatments change. */
export class DrugLevels {
  private readonly cache = new Map<string, { sc: ResolvedScenario; key: string; map: Float32Array }>();

  constructor(private readonly sim: () => Simulation | null) {}

  /** Where `agent`'s level comes from in the running simulation. */
  source(agent: AgentId): LevelSource {
    const sim = this.sim();
    return sim?.state.drug[agent] ? 'tissue' : 'applied';
  }

  /** `agent`'s level at every site now (a view of the state, or a cached map), or null when nothing runs. */
  levels(agent: AgentId, st?: SimState): Float32Array | null {
    const sim = this.sim();
    if (!sim || (st && st !== sim.state)) return null;
    const field = sim.state.drug[agent];
    if (field) return field;
    const active = activeTreatments(sim.scenario, agent, sim.stepIndex());
    const key = active.join(',');
    const hit = this.cache.get(agent);
    if (hit && hit.sc === sim.scenario && hit.key === key) return hit.map;
    const map = appliedDose(sim.scenario, active, hit?.map);
    this.cache.set(agent, { sc: sim.scenario, key, map });
    return map;
  }
}
