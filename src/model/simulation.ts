// Why this file exists: the one factory everything calls: (scenario, seed) -> simulation.
// It lays out the state on a shared buffer, initialises tissue, phenotypes and the control
// steady state, and exposes the step as phases over bands (cells by rows, x-diffusion by rows,
// y-diffusion by columns, and in tumours two growth phases by rows on slow steps) so that workers
// can run them between barriers. A single-threaded `step()` runs the same phases over the lattice.
import { lineSolver, type LineSolver, type Sink, sweepCols, sweepColsSink, sweepRows, sweepRowsSink } from './diffusion';
import { AGENTS } from './agents';
import { mediumBase, TI } from './effects';
import { DEATH_TARGETS, exchangeMatrix, type StepContext } from './kinetics';
import { CellPhase } from './cell-phase';
import { growPhase1, growPhase2 } from './growth';
import { countNeighbours, initBegin, initEnd, initRows, type SteadyStateCache } from './initial-state';
import { canShare, H_STEP, layoutState, recycledStateStore, type SimState, type StateStore, stateBytes, writeParamBlock } from './layout';
import { exp } from './math';
import type { ParamValues } from './params';
import { deriveKey } from './random';
import type { ResolvedScenario } from './scenario';
import { diffusingAgents, Schedule } from './schedule';
import { WASM_MIN_SINK_SITES, WASM_MIN_SITES, wasmKernelsFor } from './wasm/kernels';

export interface Simulation {
  readonly scenario: ResolvedScenario;
  readonly seed: number;
  readonly state: SimState;
  readonly dt: number;
  /** which code runs the hot loops (per-cell blocks, column sweeps) in this thread: 'wasm-simd' or 'typescript' */
  readonly kernel: 'wasm-simd' | 'typescript';
  /** number of steps done */
  stepIndex(): number;
  /** simulated time, min */
  time(): number;
  /** total steps in the scenario's duration */
  totalSteps(): number;
  /** the three phases of step `step`; every thread running a band calls them in this order */
  cellsPhase(y0: number, y1: number, step: number): void;
  rowPhase(y0: number, y1: number, step: number): void;
  colPhase(x0: number, x1: number, step: number): void;
  /**
   * whether rowPhase of step `step` reads the rows next to its band (the neighbour snapshot, from
   * the status the cell phase of the rows beyond it wrote): only then must every band have finished
   * its cell phase before any starts its row phase. Otherwise the two phases touch only the band's
   * own rows (the cell blocks read and write each site's own values and fields; the row sweeps
   * solve each row alone), so a worker may go on from its cells to its rows without waiting.
   */
  rowPhaseReadsNeighbourRows(step: number): boolean;
  /** whether step `step` ends with the two growth phases (tumours, on slow steps) */
  growthStep(step: number): boolean;
  /** whether the slow block runs at step `step` (every slow_every steps and when treatments change) */
  slowStep(step: number): boolean;
  /** growth phase 1 (free sites take daughters) and 2 (parents restart their cycle), by rows */
  growPhase1(y0: number, y1: number, step: number): void;
  growPhase2(y0: number, y1: number, step: number): void;
  /** record that `step` is done (called by one thread after every band finished it) */
  commitStep(step: number): void;
  /** all phases over the whole lattice, in this thread */
  step(n?: number): void;
  /**
   * Initial state in three parts (only for a simulation created with deferInit): begin and end over
   * the whole lattice in one thread, rows by bands in between (on workers). Same state as createSimulation's.
   */
  initBegin(): void;
  initRows(y0: number, y1: number): void;
  initEnd(): void;
}

interface FieldPlan {
  name: string;
  arr: Float32Array;
  /** diffuse every `every` steps */
  every: number;
  row: LineSolver;
  col: LineSolver;
  /** the level held at the lattice edge (boundary "medium"), from the untreated or globally treated medium */
  edge: (globalTargets: Float64Array, step: number) => number;
  /** uptake or clearance solved together with diffusion (implicit), and the plasma level at vessels */
  sink: { rate: Float32Array | number; plasma: (globalTargets: Float64Array, step: number) => number } | null;
  r: number;
}

export interface CreateOptions {
  /** attach to an existing, initialised state (workers, checkpoints) instead of initialising a new one */
  buffer?: StateStore;
  /** keep the state in unshared memory even when SharedArrayBuffer exists */
  unshared?: boolean;
  /** lay out a new state but leave it to initBegin / initRows / initEnd (the engine runs initRows on the workers) */
  deferInit?: boolean;
  /** reuse the control steady state across simulations with the same parameters (sweep workers) */
  steadyCache?: SteadyStateCache;
  /**
   * the store of a finished simulation that nothing reads any more, to lay this one out in (zeroed)
   * when it has the size (sweep workers: a new memory per run costs system calls on every thread)
   */
  recycle?: StateStore | null;
  /** never use the WebAssembly kernels (tests compare the two; the results are the same bits) */
  noWasm?: boolean;
}

export function createSimulation(scenario: ResolvedScenario, seed: number = scenario.seed, opts: CreateOptions = {}): Simulation {
  if (!Number.isInteger(seed) || seed < 0) throw new Error(`seed must be an integer >= 0, got ${seed}`);
  const { width: W, height: H, site_um: site } = scenario.lattice;
  const p = scenario.params;
  const dt = scenario.numerics.dt_min;
  const every = scenario.numerics.field_every;
  const slowEvery = scenario.numerics.slow_every;
  const key = deriveKey(seed);
  const tumour = scenario.tissue.kind === 'tumour';
  const drugs = diffusingAgents(scenario);
  const shared = !opts.unshared && canShare();
  const st = layoutState(W, H, opts.buffer ?? recycledStateStore(opts.recycle ?? null, stateBytes(W, H, drugs.length), shared), drugs);
  const drugArrays = drugs.map((d) => st.drug[d]);
  /**
   * whether a diffusing drug acts on a target the death program reads; if none does, the steps
   * without the slow block (which alone reads the other targets) need no cut of the rows by drug
   * levels: the death pass gets the same targets from the rows' treatment runs (targetValues gives
   * each target from the agents acting on it alone), at a fraction of the cost in a tumour
   */
  const drugsReachDeath = drugs.some((d) => AGENTS[d].actions.some((a) => DEATH_TARGETS.includes(TI[a.target])));
  /** the SIMD kernels on this state's memory, in this thread (null: TypeScript only) */
  const kernel = st.memory && !opts.noWasm ? wasmKernelsFor(st.memory) : null;
  const schedule = new Schedule(scenario, mediumBase(p));
  // a tumour is tissue: no medium above it, cells exchange with interstitial fluid, cells divide
  // (a copy with the same hidden class as every run's parameters, then changed in place: an object
  // spread here gave V8 a new hidden class after ~10 simulations, and the hot code a deopt)
  const kp: ParamValues = structuredClone(p);
  if (tumour) {
    kp.medium_exchange = 0;
    kp.cell_medium_ratio = p.tissue_cell_ratio;
    kp.o2_uptake = p.o2_tissue_uptake;
  } else kp.prolif_rate = 0;
  writeParamBlock(st, kp);
  const medium = scenario.boundary === 'medium';
  type FieldSink = NonNullable<FieldPlan['sink']>;
  // every field plan is this one object literal, sink or none (objects spread from it gave V8 a new
  // hidden class per simulation after ~10 of them, and the field sweeps a deopt each time)
  const plan = (name: string, arr: Float32Array, D: number, n: number, edge: FieldPlan['edge'], sink: FieldSink | null = null): FieldPlan => {
    const r = (D * dt * n) / (site * site);
    // Crank-Nicolson where it is accurate and oscillation-free (r < 1), implicit Euler otherwise
    const theta = r < 1 ? 0.5 : 1;
    return { name, arr, every: n, row: lineSolver(W, r, medium, theta), col: lineSolver(H, r, medium, theta), edge, sink, r };
  };
  /** the row sweeps in the kernels (those with a sink keep their factors in the column sweeps' scratch, free during the row phase) */
  const rowKernel = W >= WASM_MIN_SINK_SITES ? kernel : null;
  const f = st.field;
  // in tumours the nutrient fields are pinned at vessels too (no uptake solved with them)
  const pinned = (plasma: FieldSink['plasma']): FieldSink | null => (tumour ? { rate: 0, plasma } : null);
  const fields: FieldPlan[] = [
    // the oxidant diffuses every other step (Crank-Nicolson, r < 1): within 1% of every step, half the cost
    plan('ox', f.ox, p.ox_diffusion, 2, () => 0),
    plan(
      'cystine',
      f.cystine,
      p.cystine_diffusion,
      every,
      (T) => T[TI.cystine_medium],
      pinned((T) => T[TI.cystine_medium]),
    ),
    plan('o2', f.o2, p.o2_diffusion, every, () => p.o2_medium, { rate: st.aux.o2_sink, plasma: () => (tumour ? p.o2_blood : p.o2_medium) }),
    plan(
      'ntbi',
      f.ntbi,
      p.ion_diffusion,
      every,
      (T) => T[TI.ntbi],
      pinned((T) => T[TI.ntbi]),
    ),
    plan(
      'zn_ex',
      f.zn_ex,
      p.ion_diffusion,
      every,
      (T) => T[TI.zn_bath],
      pinned((T) => T[TI.zn_bath]),
    ),
    ...drugs.map((d) =>
      plan(d, st.drug[d], p.drug_diffusion, every, (_T: Float64Array, step: number) => schedule.globalAmount(d, step), {
        rate: p.drug_clearance,
        plasma: (_T: Float64Array, step: number) => schedule.globalAmount(d, step),
      }),
    ),
  ];
  // each field's row factors where the row kernel reads them (the same bytes whoever writes them)
  for (let k = 0; k < fields.length; k++) st.rowFactors.set(fields[k].row.factors, 2 * W * k);
  const sinkOf = (f: FieldPlan, T: Float64Array, step: number): Sink => ({
    rate: f.sink!.rate,
    perfusion: st.field.perfusion,
    plasma: f.sink!.plasma(T, step),
  });

  const total = Math.round(scenario.duration_min / dt);
  const ex = exchangeMatrix(p.ros_exchange, p.ox_release_gain, p.ox_decay, dt / 2);
  /** a locally applied drug: the share of the gap to its concentration left after one step */
  const localKeep = exp(-p.drug_local_rate * dt);
  const cells = new CellPhase({ st, schedule, kp, ex, kernel, drugArrays, drugsReachDeath, localKeep });
  const changes = schedule.changeSteps();
  /** the slow block runs every slow_every steps and whenever the treatments change */
  const isSlow = (s: number) => s % slowEvery === 0 || changes.has(s);
  /**
   * Minutes the slow block at step s integrates: the gap since the previous slow step (slow_every
   * steps at step 0). Looking back, not ahead, keeps a step independent of treatments that start
   * later, so a treatment added to a running simulation (the sandbox) gives the same state as a
   * scenario that listed it from the start.
   */
  const slowSpan = (s: number) => {
    if (s === 0) return slowEvery * dt;
    let k = s - 1;
    while (k > 0 && !isSlow(k)) k--;
    return (s - k) * dt;
  };

  const sim: Simulation = {
    scenario,
    seed,
    state: st,
    dt,
    kernel: kernel ? 'wasm-simd' : 'typescript',
    stepIndex: () => st.header[H_STEP],
    time: () => st.header[H_STEP] * dt,
    totalSteps: () => total,
    cellsPhase(y0, y1, step) {
      const slow = isSlow(step);
      const cx: StepContext = { t: step * dt, dt, step, key, dts: slow ? slowSpan(step) : 0 };
      cells.run(y0, y1, step, slow, cx);
    },
    rowPhase(y0, y1, step) {
      const T = schedule.globalTargets(step);
      for (let fieldIndex = 0; fieldIndex < fields.length; fieldIndex++) {
        const f = fields[fieldIndex];
        if ((step + 1) % f.every !== 0) continue;
        if (f.sink) sweepRowsSink(f.arr, W, y0, y1, f.r, medium, f.edge(T, step), sinkOf(f, T, step), 0.5 * f.every * dt, st.colSink.cp, rowKernel);
        else sweepRows(f.arr, W, y0, y1, f.row, f.edge(T, step), rowKernel, st.rowFactors, 2 * W * fieldIndex);
      }
      // the slow block reads neighbour counts at the next slow step, growth reads free neighbours
      // at the end of this one: refresh the snapshot before either (continueSimulation refreshes
      // it when a treatment change mid-run makes the next step a slow one)
      if (sim.rowPhaseReadsNeighbourRows(step)) countNeighbours(st, y0, y1);
    },
    colPhase(x0, x1, step) {
      const T = schedule.globalTargets(step);
      for (const f of fields) {
        if ((step + 1) % f.every !== 0) continue;
        if (f.sink)
          sweepColsSink(
            f.arr,
            W,
            H,
            x0,
            x1,
            f.r,
            medium,
            f.edge(T, step),
            sinkOf(f, T, step),
            0.5 * f.every * dt,
            st.colSink,
            x1 - x0 >= WASM_MIN_SINK_SITES ? kernel : null,
          );
        else sweepCols(f.arr, W, H, x0, x1, f.col, f.edge(T, step), st.colPrev, x1 - x0 >= WASM_MIN_SITES ? kernel : null);
      }
    },
    rowPhaseReadsNeighbourRows: (step) => isSlow(step + 1) || sim.growthStep(step),
    growthStep: (step) => tumour && isSlow(step),
    slowStep: isSlow,
    growPhase1(y0, y1, step) {
      growPhase1(st, y0, y1, step, (step + 1) * dt, kp, key);
    },
    growPhase2(y0, y1, step) {
      growPhase2(st, y0, y1, step, key);
    },
    commitStep(step) {
      st.header[H_STEP] = step + 1;
    },
    initBegin: () => initBegin(st, scenario, key),
    initRows: (y0, y1) => initRows(st, scenario, key, schedule, y0, y1),
    initEnd: () => initEnd(st, scenario, key, opts.steadyCache),
    step(n = 1) {
      for (let k = 0; k < n; k++) {
        const s = st.header[H_STEP];
        sim.cellsPhase(0, H, s);
        sim.rowPhase(0, H, s);
        sim.colPhase(0, W, s);
        if (sim.growthStep(s)) {
          sim.growPhase1(0, H, s);
          sim.growPhase2(0, H, s);
        }
        sim.commitStep(s);
      }
    },
  };

  if (!opts.buffer && !opts.deferInit) {
    sim.initBegin();
    sim.initRows(0, H);
    sim.initEnd();
  }
  return sim;
}
