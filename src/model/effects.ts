// Why this file exists: turns the concentrations of the agents acting on a cell into the values
// of the molecular targets (targets.ts) that the kinetics read. One place for the pharmacology:
// inhibitors combine by summed occupancy, saturating effects add, bath agents add to the medium.
import type { ParamValues } from './params';
import { AGENTS, type AgentId, type TargetAction } from './agents';
import { pow } from './math';
import { TARGET_IDS, TARGETS, type TargetId } from './targets';

export const TI = Object.fromEntries(TARGET_IDS.map((t, i) => [t, i])) as Record<TargetId, number>;
export const N_TARGETS = TARGET_IDS.length;

/** Medium levels with no treatment (uM), from the resolved parameters. */
export interface MediumBase {
  cystine_medium: number;
  ca_medium: number;
  tf_iron: number;
  tf_medium: number;
  ntbi: number;
  zn_bath: number;
  se_bath: number;
  se_medium: number;
  glutamate_bath: number;
}

/**
 * Target values for one set of (agent, concentration) pairs. Inhibit targets are the activity
 * left (1 = untouched); saturating targets are the added effect; bath/medium targets are the
 * medium level in uM. Pulse targets are handled as events, not here.
 */
export function targetValues(doses: ReadonlyArray<{ agent: AgentId; amount: number }>, base: MediumBase, p: ParamValues): Float64Array {
  const occ = new Float64Array(N_TARGETS); // summed occupancy for inhibit targets
  const out = new Float64Array(N_TARGETS);
  const medium = new Float64Array(N_TARGETS).fill(Number.POSITIVE_INFINITY);
  for (const { agent, amount } of doses) {
    for (const a of AGENTS[agent].actions) {
      const k = TARGETS[a.target].kind;
      const i = TI[a.target];
      const potency = actionValue(a.potency, p);
      const maxEffect = actionValue(a.max_effect, p);
      if (k === 'inhibit') occ[i] += potency > 0 ? pow(amount / potency, a.hill) : 0;
      else if (k === 'saturating') {
        const ch = pow(amount, a.hill);
        out[i] += ch > 0 ? (maxEffect * ch) / (ch + pow(potency, a.hill)) : 0;
      } else if (k === 'bath') out[i] += maxEffect * amount;
      else if (k === 'medium') medium[i] = Math.min(medium[i], maxEffect * amount);
    }
  }
  for (let i = 0; i < N_TARGETS; i++) {
    const t = TARGET_IDS[i];
    const k = TARGETS[t].kind;
    if (k === 'inhibit') out[i] = 1 / (1 + occ[i]);
    else if (k === 'bath') out[i] += (base as unknown as Record<string, number>)[t] ?? 0;
    else if (k === 'medium') out[i] = Number.isFinite(medium[i]) ? medium[i] : ((base as unknown as Record<string, number>)[t] ?? 0);
  }
  return out;
}

/** An action's potency or effect: a number, or the name of the parameter that holds it (fitted potencies). */
export function actionValue(v: TargetAction['potency'], p: ParamValues): number {
  return typeof v === 'number' ? v : p[v];
}

/** The untreated medium a scenario's parameters describe. */
export function mediumBase(p: ParamValues): MediumBase {
  return {
    cystine_medium: p.cystine_medium,
    ca_medium: p.ca_medium,
    tf_iron: 0,
    tf_medium: p.tf_medium,
    ntbi: 0,
    zn_bath: p.zn_medium,
    se_bath: 0,
    se_medium: p.se_medium,
    glutamate_bath: 0,
  };
}
