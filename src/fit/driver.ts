// Why this file exists: the whole fit as a deterministic state machine over batches of candidate
// parameter vectors: first the start point and CMA-ES generations, then (uncertainty "profile")
// the profile likelihood: for each parameter, at each point of a grid across its bounds, the other
// parameters re-optimised by a small CMA-ES of their own, all of them advancing together so one
// batch holds many candidates; then, in a few rounds, new profile points where the interval's
// ends are estimated to be (so the ends rest on re-optimised points, not on a coarse grid). `nextBatch` says which candidates to evaluate; `absorb` takes
// their scores and returns the next state. The state is plain JSON, so a fit stops and resumes
// between any two batches, and every shard of a fit computes the same batches on its own.
import type { RandomKey } from '../model/random';
import { ask, type CmaState, defaultLambda, initCma, tell } from './cmaes';
import { MAIN_PURPOSE, profilePurpose } from './draws';
import type { PointResult, Score } from './objective';
import type { FitSpec } from './spec';
import { crossings, profileOf, threshold } from './uncertainty';
import { fromUnit, reflect, toUnit } from './transform';

export interface Candidate {
  /** unit-cube coordinates, one per fitted parameter */
  u: number[];
  /** the parameter values simulated (rounded to 6 significant digits) */
  values: number[];
  phase: 'start' | 'optimise' | 'profile';
  generation: number;
  /** profile candidates: which parameter is held, in which profile run (index in FitState.profile) */
  profile: { param: number; point: number } | null;
}

export interface Evaluation {
  batch: number;
  phase: Candidate['phase'];
  generation: number;
  /** profile: the parameter held fixed (index) and its profile run (index in FitState.profile) */
  profile: { param: number; point: number } | null;
  values: number[];
  objective: number;
  failed: number;
  pass: number;
}

export interface Best {
  /** index in evaluations */
  evaluation: number;
  u: number[];
  values: number[];
  objective: number;
  points: PointResult[];
}

export interface ProfileRun {
  param: number;
  /** its index in FitState.profile */
  point: number;
  /** 0: the grid; k: placed by refinement round k */
  round: number;
  /** the held parameter's unit coordinate */
  u: number;
  /** the others' optimiser (null: nothing to re-optimise) */
  cma: CmaState | null;
  /** its start (the optimum with this parameter moved) has been evaluated */
  started: boolean;
  /** the lowest objective found here, with its parameter values */
  objective: number | null;
  values: number[] | null;
  done: boolean;
}

export interface FitState {
  format: 'ferrowave-fit-state';
  /** batches absorbed */
  batch: number;
  phase: 'optimise' | 'profile' | 'done';
  /** the start point's unit coordinates */
  start: number[];
  cma: CmaState;
  evaluations: Evaluation[];
  /** the lowest objective so far (optimiser and profile) */
  best: Best | null;
  /** the optimiser's best when it stopped: where the profiles start from */
  optimum: Best | null;
  profile: ProfileRun[] | null;
  /** refinement rounds of the profile done */
  refined: number;
  /** data points that carry information (the profile's threshold depends on the degrees of freedom) */
  informative: number;
}

export function initialState(spec: FitSpec, start: readonly number[], informative: number): FitState {
  const u = spec.parameters.map((p, i) => toUnit(p, start[i]));
  return {
    format: 'ferrowave-fit-state',
    batch: 0,
    phase: 'optimise',
    start: u,
    cma: initCma(u, spec.optimiser.sigma0, spec.optimiser.population, MAIN_PURPOSE),
    evaluations: [],
    best: null,
    optimum: null,
    profile: null,
    refined: 0,
    informative,
  };
}

const candidate = (spec: FitSpec, u: number[], phase: Candidate['phase'], generation: number, profile: Candidate['profile']): Candidate => ({
  u,
  values: spec.parameters.map((p, i) => fromUnit(p, u[i])),
  phase,
  generation,
  profile,
});

/** The profile run's candidates in unit coordinates: the held coordinate inserted among the others. */
const withHeld = (run: ProfileRun, others: readonly number[]): number[] => [...others.slice(0, run.param), run.u, ...others.slice(run.param)];

/** The candidates of the next batch (none when the fit is done). */
export function nextBatch(state: FitState, spec: FitSpec, key: RandomKey): Candidate[] {
  if (state.phase === 'optimise') {
    const out: Candidate[] = [];
    if (state.evaluations.length === 0) out.push(candidate(spec, state.start, 'start', 0, null));
    for (const x of ask(state.cma, key)) out.push(candidate(spec, x.map(reflect), 'optimise', state.cma.generation, null));
    return out;
  }
  if (state.phase === 'profile' && state.profile && state.optimum) {
    const out: Candidate[] = [];
    const anchor = state.optimum.u;
    for (const run of state.profile) {
      if (run.done) continue;
      const tag = { param: run.param, point: run.point };
      if (!run.started) {
        out.push(candidate(spec, withHeld(run, [...anchor.slice(0, run.param), ...anchor.slice(run.param + 1)]), 'profile', 0, tag));
        continue;
      }
      if (run.cma) for (const x of ask(run.cma, key)) out.push(candidate(spec, withHeld(run, x.map(reflect)), 'profile', run.cma.generation + 1, tag));
    }
    return out;
  }
  return [];
}

/** The state after the batch `cands` (from nextBatch) scored `scores` (same order). */
export function absorb(state: FitState, spec: FitSpec, key: RandomKey, cands: readonly Candidate[], scores: readonly Score[]): FitState {
  const next: FitState = structuredClone(state);
  cands.forEach((c, k) => {
    const s = scores[k];
    next.evaluations.push({
      batch: state.batch,
      phase: c.phase,
      generation: c.generation,
      profile: c.profile,
      values: c.values,
      objective: s.objective,
      failed: s.failed,
      pass: s.pass,
    });
    if (!next.best || s.objective < next.best.objective)
      next.best = { evaluation: next.evaluations.length - 1, u: c.u, values: c.values, objective: s.objective, points: s.points };
  });
  next.batch = state.batch + 1;
  const stops = { ...spec.optimiser };
  if (state.phase === 'optimise') {
    const xs = ask(state.cma, key);
    const f = scores.slice(scores.length - xs.length).map((s) => s.objective);
    next.cma = tell(state.cma, xs, f, stops);
    if (next.cma.stop !== null) {
      next.optimum = structuredClone(next.best);
      next.profile = spec.uncertainty.method === 'profile' ? profileRuns(spec, next.optimum as Best) : null;
      next.phase = next.profile ? 'profile' : 'done';
    }
    return next;
  }
  if (state.phase === 'profile' && next.profile) {
    const profileStops = { ...stops, max_generations: spec.uncertainty.max_generations, max_evaluations: null };
    for (const run of next.profile) {
      if (run.done) continue;
      const mine = cands.map((c, k) => ({ c, s: scores[k] })).filter(({ c }) => c.profile?.param === run.param && c.profile.point === run.point);
      for (const { c, s } of mine)
        if (run.objective === null || s.objective < run.objective) {
          run.objective = s.objective;
          run.values = c.values;
        }
      if (!run.started) {
        run.started = true;
        run.done = run.cma === null;
        continue;
      }
      if (!run.cma) continue;
      const xs = ask(run.cma, key);
      run.cma = tell(
        run.cma,
        xs,
        mine.map(({ s }) => s.objective),
        profileStops,
      );
      run.done = run.cma.stop !== null;
    }
    if (next.profile.every((r) => r.done)) {
      const more = next.refined < spec.uncertainty.refine ? refinements(next, spec) : [];
      if (more.length) {
        next.refined++;
        for (const [j, u] of more) next.profile.push(profileRun(spec, next.optimum as Best, j, u, next.profile.length, next.refined));
      } else next.phase = 'done';
    }
  }
  return next;
}

/** Where the next round places profile points: at each interval end estimated between two profile points that are still apart. */
function refinements(state: FitState, spec: FitSpec): Array<[number, number]> {
  const best = state.best as Best;
  const above = threshold(spec, best.objective, state.informative).threshold;
  const out: Array<[number, number]> = [];
  spec.parameters.forEach((p, j) => {
    const pts = profileOf(state, spec, j, best);
    const c = crossings(pts, p, best, j, above);
    for (const end of [c.lower, c.upper]) {
      if (!end) continue;
      const a = end.inside.u;
      const b = end.outside.u;
      if (Math.abs(b - a) < 0.002) continue;
      // strictly inside the bracket, so every round narrows it
      const lo = Math.min(a, b) + 0.1 * Math.abs(b - a);
      const hi = Math.max(a, b) - 0.1 * Math.abs(b - a);
      out.push([j, Math.min(hi, Math.max(lo, end.u))]);
    }
  });
  return out;
}

/** A profile run: parameter j held at u, the others re-optimised from the optimum (its own draws). */
function profileRun(spec: FitSpec, optimum: Best, j: number, u: number, index: number, round: number): ProfileRun {
  const n = spec.parameters.length;
  const others = [...optimum.u.slice(0, j), ...optimum.u.slice(j + 1)];
  const cma = n > 1 && spec.uncertainty.max_generations > 0 ? initCma(others, spec.uncertainty.sigma0, null, profilePurpose(index)) : null;
  return { param: j, point: index, round, u, cma, started: false, objective: null, values: null, done: false };
}

/** One profile run per parameter and grid point. */
function profileRuns(spec: FitSpec, optimum: Best): ProfileRun[] {
  const g = spec.uncertainty.points;
  const runs: ProfileRun[] = [];
  spec.parameters.forEach((_, j) => {
    for (let k = 0; k < g; k++) runs.push(profileRun(spec, optimum, j, k / (g - 1), runs.length, 0));
  });
  return runs;
}

/**
 * At most how many more candidates the fit evaluates, this batch included (its budget: tolerances
 * may stop it sooner), for the time left on the progress line.
 */
export function candidatesLeft(state: FitState, spec: FitSpec): number {
  const n = spec.parameters.length;
  const g = spec.uncertainty.points;
  const profileLambda = n > 1 ? defaultLambda(n - 1) : 0;
  const perRun = 1 + (n > 1 ? spec.uncertainty.max_generations * profileLambda : 0);
  const refineAll = spec.uncertainty.refine * 2 * n * perRun;
  const profileAll = spec.uncertainty.method === 'profile' ? n * g * perRun + refineAll : 0;
  if (state.phase === 'optimise') {
    const byGen = spec.optimiser.max_generations - state.cma.generation;
    const byEval = spec.optimiser.max_evaluations === null ? byGen : Math.ceil((spec.optimiser.max_evaluations - state.cma.evaluations) / state.cma.lambda);
    return Math.max(1, Math.min(byGen, byEval)) * state.cma.lambda + (state.evaluations.length === 0 ? 1 : 0) + profileAll;
  }
  if (state.phase === 'profile' && state.profile) {
    let left = 0;
    for (const r of state.profile) {
      if (r.done) continue;
      if (!r.started) left += 1;
      if (r.cma) left += (spec.uncertainty.max_generations - r.cma.generation) * r.cma.lambda;
    }
    return left + (spec.uncertainty.refine - state.refined) * 2 * n * perRun;
  }
  return 0;
}
