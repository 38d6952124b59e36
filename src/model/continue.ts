// Why this file exists: carrying a running simulation on under a changed scenario (a treatment
// added, ended or removed mid-run: the sandbox's mouse, a branch from a checkpoint) so that the
// result is bit-identical to a run of the changed scenario from t = 0. Two things differ from
// simply attaching to the old state: a tumour whose set of diffusing drugs changed needs a buffer
// with those drug fields (new ones start at 0 uM, as they would have), and when the change makes
// the coming step a slow one, the neighbour snapshot that a run of the new scenario would have
// taken at the end of the previous step must be taken now.
import { initialiseNeighbours } from './initial-state';
import { relayoutForDrugs } from './layout';
import type { ResolvedScenario } from './scenario';
import { diffusingAgents } from './schedule';
import { createSimulation, type Simulation } from './simulation';

/**
 * A simulation of `scenario` on `old`'s state (shared buffer when the layout allows, else a copy),
 * at old's step. `scenario` must agree with old's on everything before that step (the sandbox
 * only adds or ends treatments from now on).
 */
export function continueSimulation(old: Simulation, scenario: ResolvedScenario, seed: number = old.seed): Simulation {
  const drugs = diffusingAgents(scenario);
  const had = Object.keys(old.state.drug);
  const same = drugs.length === had.length && drugs.every((d, i) => d === had[i]);
  const buffer = same ? old.state.store : relayoutForDrugs(old.state, drugs);
  const sim = createSimulation(scenario, seed, { buffer });
  const c = sim.stepIndex();
  // the rows phase of step c-1 refreshes `nbr` when step c is slow or c-1 grew; the old scenario
  // did not refresh it there if step c was not slow for it (and c-1 did not grow): take it now,
  // from the state after step c-1, which is what that refresh would have seen
  if (c > 0 && sim.slowStep(c) && !old.slowStep(c) && !old.growthStep(c - 1)) initialiseNeighbours(sim.state);
  return sim;
}
