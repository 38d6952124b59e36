// Why this file exists: the sandbox's simulation side, apart from any DOM: holds the scenario
// (preset JSON + treatments added with the mouse), the simulation on its SharedArrayBuffer and the
// engine whose Web Workers step it. Stepping is an async loop that never blocks the UI thread (at
// most `speed` steps per animation frame); every engine operation is serialised, so a light pulse
// or a change of workers swaps the engine between two advances, on the same state buffer.
import type { BadValue } from '../analysis/state-scan';
import { createEngine, type Engine, type WorkerHandle } from '../engine/engine';
import { isGeneticAgent, isPulseAgent } from '../model/agents';
import { continueSimulation } from '../model/continue';
import { copyStateStore } from '../model/layout';
import { resolveScenario, type ResolvedScenario } from '../model/scenario';
import { createSimulation, type Simulation } from '../model/simulation';
import { FERROWAVE_VERSION } from '../model/version';
import { WorkerPool } from './worker-pool';

export type RawScenario = Record<string, unknown>;

/** A treatment added in the sandbox, as scenario JSON (validated with the whole scenario). */
export type RawTreatment = Record<string, unknown>;

export interface ControllerOptions {
  workers: number;
  /** starts one simulation worker (the browser host's spawnBrowserWorker) */
  spawn: () => WorkerHandle;
}

/** A saved moment of a run: a copy of the full state buffer plus the scenario JSON and seed that produced it. */
export interface Checkpoint {
  id: number;
  t_min: number;
  step: number;
  seed: number;
  /** the scenario JSON without the treatments added in the sandbox */
  base: RawScenario;
  /** the treatments added in the sandbox up to this moment */
  added: RawTreatment[];
  /** copy of sim.state.buffer (never attached to a simulation: branches copy it again) */
  buffer: SharedArrayBuffer;
}

function copyBuffer(src: ArrayBufferLike): SharedArrayBuffer {
  const dst = new SharedArrayBuffer(src.byteLength);
  new Uint8Array(dst).set(new Uint8Array(src));
  return dst;
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

export class SimController {
  /** set by the first successful load() */
  sim!: Simulation;
  scenario!: ResolvedScenario;
  private engine: Engine | null = null;
  private base: RawScenario = {};
  /** treatments added in the sandbox, in the order applied */
  added: RawTreatment[] = [];
  seed = 0;
  workers: number;
  /** steps per animation frame while playing */
  speed = 10;
  playing = false;
  /** steps advanced since the page loaded (for the steps/s meter) */
  stepsAdvanced = 0;
  /** called after anything changed: a new simulation, play state, steps */
  onChange: (() => void) | null = null;
  /** called once when playing stops because the run reached its end (duration_min) */
  onEnd: (() => void) | null = null;
  /** called when the simulation object was replaced (new scenario or new buffer) */
  onSimulation: ((sim: Simulation, freshState: boolean) => void) | null = null;
  onError: ((e: unknown) => void) | null = null;
  private nextCheckpoint = 1;
  private readonly pool: WorkerPool;
  private queue: Promise<unknown> = Promise.resolve();
  private looping = false;

  /** which code runs the hot loops on the workers now ('wasm-simd' or 'typescript') */
  get kernel(): Engine['kernel'] | null {
    return this.engine?.kernel ?? null;
  }

  constructor(opts: ControllerOptions) {
    this.workers = opts.workers;
    this.pool = new WorkerPool(opts.spawn);
  }

  /** run `f` after every engine operation queued before it */
  private exclusive<T>(f: () => Promise<T>): Promise<T> {
    const p = this.queue.then(f);
    this.queue = p.catch(() => undefined);
    return p;
  }

  /** The scenario JSON as it runs now: the base with the seed and the added treatments. */
  rawScenario(extra: RawTreatment[] = []): RawScenario {
    const base = structuredClone(this.base);
    const treatments = Array.isArray(base.treatments) ? base.treatments : [];
    return { ...base, seed: this.seed, treatments: [...treatments, ...structuredClone(this.added), ...extra] };
  }

  /** whether the run reached the scenario's duration (true before anything is loaded) */
  finished(): boolean {
    return !this.sim || this.sim.stepIndex() >= this.sim.totalSteps();
  }

  /** Load a scenario (raw JSON) with a seed: validate, lay out a fresh state at t = 0, start the engine. */
  load(raw: RawScenario, seed: number): Promise<void> {
    this.playing = false;
    return this.exclusive(async () => {
      const base = structuredClone(raw);
      const scenario = resolveScenario({ ...base, seed }, FERROWAVE_VERSION);
      // the per-site initial state is built on the workers: the page stays responsive
      const sim = createSimulation(scenario, seed, { deferInit: true });
      this.base = base;
      this.seed = seed;
      this.added = [];
      await this.attach(sim, true);
    });
  }

  /** Back to t = 0 with the loaded scenario and seed (treatments added in the sandbox are dropped). */
  reset(): Promise<void> {
    return this.load(this.base, this.seed);
  }

  /** Swap in a new engine for `sim` (after the previous operation finished). */
  private async attach(sim: Simulation, fresh: boolean): Promise<void> {
    this.engine?.dispose();
    this.engine = null;
    this.sim = sim;
    this.scenario = sim.scenario;
    this.engine = await createEngine(sim, this.workers, this.workers > 0 ? this.pool.spawnFor(this.workers) : undefined);
    if (fresh) await this.engine.initialise();
    this.onSimulation?.(sim, fresh);
    this.onChange?.();
  }

  /**
   * Rebuild the simulation for a changed treatment list on the same state (no re-initialisation;
   * continueSimulation keeps it bit-identical to a run of the changed scenario): validates first,
   * nothing changes when invalid.
   */
  private async rebuild(base: RawScenario, added: RawTreatment[]): Promise<void> {
    const treatments = Array.isArray(base.treatments) ? base.treatments : [];
    const scenario = resolveScenario({ ...base, seed: this.seed, treatments: [...treatments, ...added] }, FERROWAVE_VERSION);
    const sim = continueSimulation(this.sim, scenario, this.seed);
    this.base = base;
    this.added = added;
    await this.attach(sim, false);
  }

  /**
   * Add treatments (scenario JSON) to the running simulation. Each must start now or later; the
   * whole scenario is validated with them first. Resolves with the treatments as added.
   */
  addTreatments(ts: RawTreatment[]): Promise<RawTreatment[]> {
    return this.addAtNow(() => ts);
  }

  /** addTreatments with treatments made from the simulated time when the change is applied (after queued steps). */
  private addAtNow(make: (now: number) => RawTreatment[]): Promise<RawTreatment[]> {
    return this.exclusive(async () => {
      if (this.finished())
        throw new Error(
          'the run has reached its end (duration_min): press play to go on (by the hours set beside "at the end, go on for"), or reset to start again',
        );
      const now = this.sim.time();
      const out = make(now).map((t) => ({ ...structuredClone(t), start_min: t.start_min ?? now }));
      for (const t of out) {
        const s = Number(t.start_min);
        if (!(s >= now - 1e-9))
          throw new Error(`a treatment added during a run must start now or later: start_min ${t.start_min} is before the current time ${now} min`);
      }
      await this.rebuild(this.base, [...this.added, ...out]);
      return out;
    });
  }

  /**
   * Remove treatment `index` (in rawScenario().treatments order, preset treatments first) from now
   * on: one that has not started yet is deleted; one that is running ends now (end_min = now, so
   * the exported scenario re-runs the same history); one that is over (or a pulse that fired)
   * cannot be undone and rejects.
   */
  removeTreatment(index: number): Promise<void> {
    return this.exclusive(async () => {
      const base = structuredClone(this.base);
      const baseList = (Array.isArray(base.treatments) ? base.treatments : []) as RawTreatment[];
      base.treatments = baseList;
      const added = structuredClone(this.added);
      const inBase = index < baseList.length;
      const list = inBase ? baseList : added;
      const k = inBase ? index : index - baseList.length;
      const t = list[k];
      if (!t) throw new Error(`no treatment number ${index}`);
      const now = this.sim.time();
      const dt = this.sim.dt;
      const start = Number(t.start_min ?? 0);
      const end = t.end_min === undefined || t.end_min === null ? Number.POSITIVE_INFINITY : Number(t.end_min);
      const pulse = isPulseAgent(t.agent);
      const genetic = isGeneticAgent(t.agent);
      if (start > now + dt / 2) list.splice(k, 1);
      else if (genetic) throw new Error(`${t.agent} of ${t.gene} acts from the start of the run and cannot be removed mid-run; reset to run without it`);
      else if (pulse || end <= now + dt / 2)
        throw new Error(`${t.agent} is already over (it cannot be undone); save a checkpoint earlier to branch without it`);
      else list[k] = { ...t, end_min: now };
      await this.rebuild(base, added);
    });
  }

  /**
   * Let the run go on for `minutes` more: the scenario's duration_min grows by that much and the
   * simulation carries on on the same state (continueSimulation: the same bits as a run of the
   * longer scenario from t = 0, so an export or a link re-runs it). Rejects (nothing changed) when
   * the longer scenario is invalid (too long for the limits of the scenario validation).
   */
  extend(minutes: number): Promise<void> {
    return this.exclusive(async () => {
      if (!this.sim) throw new Error('nothing is loaded');
      if (!(Number.isFinite(minutes) && minutes > 0)) throw new Error(`the run can only be extended by a time > 0 min, got ${minutes}`);
      // whole steps, so the end falls on a step (toPrecision: no 1800.1000000000001 in the export)
      const dt = this.sim.dt;
      const duration_min = +(this.scenario.duration_min + Math.max(1, Math.round(minutes / dt)) * dt).toPrecision(12);
      await this.rebuild({ ...this.base, duration_min }, this.added);
    });
  }

  /** Change the number of workers; the state and step carry on. */
  setWorkers(n: number): Promise<void> {
    return this.exclusive(async () => {
      this.workers = n;
      if (this.sim) await this.attach(this.sim, false);
    });
  }

  /**
   * Fire a light pulse (dose 30, 10 min, disc of r_um) centred at (x_um, y_um), starting now: appends
   * the treatment to the scenario and rebuilds the engine on the same state. Resolves with the
   * treatment, or rejects (scenario invalid, run finished).
   */
  lightPulse(x_um: number, y_um: number, r_um = 100, dose = 30): Promise<RawTreatment> {
    const region = { disc: { x_um: Math.round(x_um), y_um: Math.round(y_um), r_um } };
    return this.addAtNow((now) => [{ agent: 'light-pulse', dose, start_min: now, end_min: now + 10, region }]).then(([added]) => added);
  }

  /** Save the full state now (between two advances) with the scenario and seed that produced it. */
  checkpoint(): Promise<Checkpoint> {
    return this.exclusive(async () => {
      if (!this.sim) throw new Error('nothing is loaded');
      return {
        id: this.nextCheckpoint++,
        t_min: this.sim.time(),
        step: this.sim.stepIndex(),
        seed: this.seed,
        base: structuredClone(this.base),
        added: structuredClone(this.added),
        buffer: copyBuffer(this.sim.state.buffer),
      };
    });
  }

  /**
   * Continue from a checkpoint in a fresh simulation on a copy of its buffer (attached, not
   * re-initialised), optionally with treatments added (as scenario JSON, e.g. starting at the
   * checkpoint's time). Pauses; rejects (nothing changed) when the scenario with `extra` is invalid.
   */
  branch(cp: Checkpoint, extra: RawTreatment[] = []): Promise<void> {
    this.playing = false;
    return this.exclusive(async () => {
      const base = structuredClone(cp.base);
      const treatments = Array.isArray(base.treatments) ? base.treatments : [];
      const added = [...structuredClone(cp.added), ...structuredClone(extra)];
      const scenario = resolveScenario({ ...base, seed: cp.seed, treatments: [...treatments, ...added] }, FERROWAVE_VERSION);
      // the checkpoint's own simulation on a copy of its state, carried on under the branch's scenario
      const at = resolveScenario({ ...base, seed: cp.seed, treatments: [...treatments, ...cp.added] }, FERROWAVE_VERSION);
      const sim = continueSimulation(createSimulation(at, cp.seed, { buffer: copyStateStore(cp.buffer) }), scenario, cp.seed);
      this.base = base;
      this.seed = cp.seed;
      this.added = added;
      await this.attach(sim, false);
    });
  }

  /** Advance `n` steps (one operation; resolves when the workers are done). */
  step(n = 1): Promise<void> {
    return this.exclusive(async () => {
      if (!this.engine) return;
      const before = this.sim.stepIndex();
      await this.engine.advance(n);
      this.stepsAdvanced += this.sim.stepIndex() - before;
      this.onChange?.();
    });
  }

  /** The first NaN, infinity or negative value of the state now (scanned by the workers, between two advances), or null. */
  scan(): Promise<BadValue | null> {
    return this.exclusive(async () => (this.engine ? this.engine.scan() : null));
  }

  play(): void {
    if (this.playing || this.finished()) return;
    this.playing = true;
    this.onChange?.();
    if (!this.looping) void this.loop();
  }

  pause(): void {
    this.playing = false;
    this.onChange?.();
  }

  private async loop(): Promise<void> {
    this.looping = true;
    try {
      while (this.playing) {
        const n = this.speed;
        await this.exclusive(async () => {
          if (!this.playing || !this.engine) return;
          const before = this.sim.stepIndex();
          // at most n steps per frame; if stepping is slower than the display, it runs back to back
          await Promise.all([this.engine.advance(n), nextFrame()]);
          this.stepsAdvanced += this.sim.stepIndex() - before;
        });
        const ended = this.playing && this.finished();
        if (ended) this.playing = false;
        this.onChange?.();
        if (ended) this.onEnd?.();
      }
    } catch (e) {
      this.playing = false;
      this.onError?.(e);
      this.onChange?.();
    } finally {
      this.looping = false;
    }
  }

  dispose(): void {
    this.playing = false;
    this.engine?.dispose();
    this.pool.dispose();
  }
}
