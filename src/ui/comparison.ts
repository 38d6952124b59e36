// Why this file exists: comparing treatments side by side. Two to four branches ("arms") continue
// from one checkpoint at once, each a simulation of its own on a copy of the checkpoint's state
// with its own engine, stepped together so that they share one clock. Each arm is sampled as the
// CLI samples a run (runner.ts sampler: timeseries.csv's columns) and summarised as the CLI summarises it
// (summarise: summary.json's deaths, wave speed and t50), so the comparison's table says what
// `ferrowave run` of each arm's exported scenario would say. No DOM: compare-view.ts shows it.
import type { Sample } from '../analysis/observables';
import { type BadValue, badValueText } from '../analysis/state-scan';
import { type Summary, summarise } from '../analysis/summary';
import { createEngine, type Engine, type WorkerHandle } from '../engine/engine';
import { sampler } from '../engine/runner';
import { continueSimulation } from '../model/continue';
import { copyStateStore } from '../model/layout';
import { resolveScenario } from '../model/scenario';
import { createSimulation, type Simulation } from '../model/simulation';
import { FERROWAVE_VERSION } from '../model/version';
import type { Checkpoint, RawScenario, RawTreatment } from './controller';
import { PAUSED_NOTE } from './state-watch';

/** One branch of a comparison: its name and the treatments it adds from the checkpoint's time. */
export interface ArmSpec {
  label: string;
  add: RawTreatment[];
}

export interface Arm extends ArmSpec {
  sim: Simulation;
  engine: Engine;
  /** CLI samples from the checkpoint's time on (runner.ts sampler, as runToEnd takes them) */
  samples: Sample[];
  /** takes the arm's next sample */
  take(): Promise<Sample>;
  /** the arm's scenario as `ferrowave run` takes it */
  scenario(): RawScenario;
}

/** A row of the comparison's table: the CLI's summary of each arm now. */
export interface ArmRow {
  arm: string;
  t_min: number;
  /** ferroptotic commitments since t = 0 */
  deaths: number;
  fraction_dead: number;
  wave: Summary['wave']['pattern'];
  wave_speed_um_per_min: number | null;
  wave_r2: number | null;
  t50_min: number | null;
}

const nextFrame = () =>
  new Promise<void>((resolve) => (typeof requestAnimationFrame === 'function' ? requestAnimationFrame(() => resolve()) : setTimeout(resolve, 16)));

export class Comparison {
  readonly arms: Arm[] = [];
  playing = false;
  /** steps per advance while playing */
  speed = 10;
  /** called after each advance (and sample) */
  onChange: (() => void) | null = null;
  onError: ((e: unknown) => void) | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private disposed = false;
  /** a bad value was reported (scan) */
  private flagged = false;

  private constructor(readonly checkpoint: Checkpoint) {}

  /**
   * Start 2 to 4 arms from `cp` (each validated with its added treatments; nothing starts when one
   * is invalid), each on its own engine with `workersPerArm` workers from `spawn`.
   */
  static async start(cp: Checkpoint, specs: readonly ArmSpec[], workersPerArm: number, spawn?: () => WorkerHandle): Promise<Comparison> {
    if (specs.length < 2 || specs.length > 4) throw new Error(`a comparison has 2 to 4 branches, got ${specs.length}`);
    const c = new Comparison(cp);
    const treatments = Array.isArray(cp.base.treatments) ? (cp.base.treatments as RawTreatment[]) : [];
    const at = resolveScenario({ ...cp.base, seed: cp.seed, treatments: [...treatments, ...cp.added] }, FERROWAVE_VERSION);
    // validate every arm before any state is copied
    const scenarios = specs.map((s) => {
      const raw = {
        ...structuredClone(cp.base),
        seed: cp.seed,
        treatments: [...structuredClone(treatments), ...structuredClone(cp.added), ...structuredClone(s.add)],
      };
      try {
        return { raw, sc: resolveScenario(raw, FERROWAVE_VERSION) };
      } catch (e) {
        throw new Error(`branch "${s.label}": ${e instanceof Error ? e.message : String(e)}`);
      }
    });
    try {
      for (let k = 0; k < specs.length; k++) {
        const sim = continueSimulation(createSimulation(at, cp.seed, { buffer: copyStateStore(cp.buffer) }), scenarios[k].sc, cp.seed);
        const engine = await createEngine(sim, workersPerArm, workersPerArm > 0 ? spawn : undefined);
        const raw = scenarios[k].raw;
        const take = sampler(engine);
        c.arms.push({ ...specs[k], sim, engine, samples: [await take()], take, scenario: () => structuredClone(raw) });
      }
    } catch (e) {
      c.dispose();
      throw e;
    }
    return c;
  }

  /** the shared clock, min */
  time(): number {
    return this.arms[0].sim.time();
  }

  /** whether every arm reached its end (duration_min) */
  finished(): boolean {
    return this.arms.every((a) => a.sim.stepIndex() >= a.sim.totalSteps());
  }

  private exclusive<T>(f: () => Promise<T>): Promise<T> {
    const p = this.queue.then(f);
    this.queue = p.catch(() => undefined);
    return p;
  }

  /**
   * Advance every arm by `n` steps together (clipped at the end), in pieces that stop at each of
   * the CLI's sample times (every output.sample_every_min from t = 0, and the end), sampling there.
   */
  step(n: number): Promise<void> {
    return this.exclusive(async () => {
      let left = n;
      while (left > 0 && !this.disposed && !this.finished()) {
        const sim = this.arms[0].sim;
        const every = Math.max(1, Math.round(sim.scenario.output.sample_every_min / sim.dt));
        const idx = sim.stepIndex();
        const k = Math.min(left, (Math.floor(idx / every) + 1) * every - idx);
        await Promise.all(this.arms.map((a) => a.engine.advance(k)));
        left -= k;
        if (await this.sample(every)) await this.scan();
      }
      this.onChange?.();
    });
  }

  /** a sample of each arm at a sample time (a multiple of `every` steps) or at its end, as runToEnd takes them; whether one was taken */
  private async sample(every: number): Promise<boolean> {
    let took = false;
    await Promise.all(
      this.arms.map(async (a) => {
        const idx = a.sim.stepIndex();
        const last = a.samples[a.samples.length - 1];
        if ((idx % every === 0 || idx >= a.sim.totalSteps()) && a.sim.time() > last.t_min) {
          a.samples.push(await a.take());
          took = true;
        }
      }),
    );
    return took;
  }

  /**
   * At each sample, as the main run is watched (state-watch.ts): the arms' workers scan their
   * states; at the first NaN, infinity or negative value the comparison pauses and onError names
   * the branch, the variable, the cell and the time. Once per comparison: playing on is the user's choice.
   */
  private async scan(): Promise<void> {
    if (this.flagged) return;
    const bad = await Promise.all(this.arms.map((a) => a.engine.scan()));
    const k = bad.findIndex((b) => b !== null);
    if (k < 0) return;
    this.flagged = true;
    this.playing = false;
    this.onError?.(new Error(`branch "${this.arms[k].label}": ${badValueText(bad[k] as BadValue)}. ${PAUSED_NOTE}`));
  }

  play(): void {
    if (this.playing || this.finished()) return;
    this.playing = true;
    void this.loop();
  }

  pause(): void {
    this.playing = false;
    this.onChange?.();
  }

  private async loop(): Promise<void> {
    try {
      while (this.playing && !this.disposed) {
        await Promise.all([this.step(this.speed), nextFrame()]);
        if (this.finished()) this.playing = false;
      }
    } catch (e) {
      this.playing = false;
      this.onError?.(e);
    }
    this.onChange?.();
  }

  /** The CLI's summary of each arm now (deaths, wave speed, t50). */
  table(): ArmRow[] {
    return this.arms.map((a) => {
      const s = summarise(a.sim, a.samples);
      const w = s.wave;
      return {
        arm: a.label,
        t_min: a.sim.time(),
        deaths: s.death.committed_total,
        fraction_dead: s.death.fraction_final,
        wave: w.pattern,
        wave_speed_um_per_min: w.speed_um_per_min,
        wave_r2: 'r2' in w ? w.r2 : null,
        t50_min: s.death.t50_min,
      };
    });
  }

  dispose(): void {
    this.disposed = true;
    this.playing = false;
    for (const a of this.arms) a.engine.dispose();
  }
}

/** The table as CSV (units in the column names; empty cells for values that do not exist). */
export function tableCsv(rows: readonly ArmRow[]): string {
  const cell = (v: string | number | null) =>
    v === null ? '' : typeof v === 'number' ? String(+v.toPrecision(7)) : /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  const head = ['branch', 't_min', 'deaths', 'fraction_dead', 'wave', 'wave_speed_um_per_min', 'wave_r2', 't50_min'];
  const lines = rows.map((r) => [r.arm, r.t_min, r.deaths, r.fraction_dead, r.wave, r.wave_speed_um_per_min, r.wave_r2, r.t50_min].map(cell).join(','));
  return `${[head.join(','), ...lines].join('\n')}\n`;
}
