// Why this file exists: the small toolkit checks are written with: run a preset with overrides
// (recording the standard kymographs, so runs shared by checks are simulated once) or a small dish
// without a pulse, read its wave and speed, list criteria with what the model gives, assemble the
// result, and register a pending check.
import { measureFront } from '../analysis/front-speed';
import { analyseWave, pulseOrigin, type WaveResult } from '../analysis/wave';
import { ALIVE, DEAD, type SimState } from '../model/layout';
import { fx, sampleAt } from './measures';
import type { Behaviour, CheckContext, CheckResult, Figure, KymoKind, RunResult } from './types';

/** Every pulse run records the same kymographs, so runs shared by several checks are simulated once. */
export const STD_KYMO: KymoKind[] = [{ kind: 'committed' }, { kind: 'cell', name: 'ros' }];

export async function presetRun(ctx: CheckContext, preset: string, overrides: string[] = []): Promise<RunResult> {
  const { scenario, command } = ctx.scenario(preset, overrides);
  return ctx.run({ scenario, command, kymographs: STD_KYMO });
}

/** The front analysis of the summary (fit of distance against commit time beyond the pulse edge). */
export function waveOf(r: RunResult): WaveResult {
  const origin = pulseOrigin(r.scenario);
  if (!origin) throw new Error(`scenario ${r.scenario.name} has no pulse`);
  return analyseWave(r.sim.state, r.scenario.lattice.site_um, origin);
}

export const speedText = (w: WaveResult) => (w.detected ? `${fx(w.speed_um_per_min)} um/min` : 'no wave');

/** A list of criteria, each with what the model gives; renders as a Markdown table. */
export class Criteria {
  private rows: Array<{ what: string; model: string; ok: boolean }> = [];
  add(what: string, model: string, ok: boolean): boolean {
    this.rows.push({ what, model, ok });
    return ok;
  }
  get ok(): boolean {
    return this.rows.every((r) => r.ok);
  }
  table(): string {
    const cell = (s: string) => s.replace(/\|/g, '\\|');
    return ['| criterion | model | |', '|---|---|---|', ...this.rows.map((r) => `| ${cell(r.what)} | ${cell(r.model)} | ${r.ok ? 'pass' : '**FAIL**'} |`)].join(
      '\n',
    );
  }
}

/** pass when every criterion holds; details = the criteria table, then `extra` Markdown blocks */
export function result(c: Criteria, model: string, figures: Figure[], extra: string[] = []): CheckResult {
  return { status: c.ok ? 'pass' : 'fail', model, details: [c.table(), ...extra].join('\n\n'), figures };
}

/** "Reproduce:" and one `ferrowave run` command per run */
export const commands = (runs: Array<{ name: string; run: RunResult }>) =>
  ['Reproduce:', '', ...runs.map(({ name, run }) => `- ${name}: \`${run.command}\``)].join('\n');

export function maxAliveRos(st: SimState): number {
  let m = 0;
  for (let i = 0; i < st.n; i++) if (st.status[i] === ALIVE && st.cell.ros[i] > m) m = st.cell.ros[i];
  return m;
}

export function meanDeathDelay(st: SimState): { mean: number; n: number } {
  let s = 0,
    n = 0;
  for (let i = 0; i < st.n; i++) {
    if (st.status[i] !== DEAD) continue;
    s += st.cell.t_dead[i] - st.cell.t_dying[i];
    n++;
  }
  return { mean: n ? s / n : Number.NaN, n };
}

/** Median minutes from commitment to rupture over the ruptured cells (null when none), and how many there are. */
export function medianDeathDelay(st: SimState): { median: number | null; n: number } {
  const d: number[] = [];
  for (let i = 0; i < st.n; i++) if (st.status[i] === DEAD) d.push(st.cell.t_dead[i] - st.cell.t_dying[i]);
  d.sort((a, b) => a - b);
  return { median: d.length ? d[d.length >> 1] : null, n: d.length };
}

/**
 * A dish without a pulse (the fast tests' `dish`): the primed-light-pulse preset as an n x n
 * lattice with its treatments replaced, seed 1 unless given (spontaneous bursts off, as in that
 * preset, unless `params` sets burst_rate). `name` labels the run; runs with the same name and
 * settings are simulated once.
 */
export function dishRun(
  ctx: CheckContext,
  name: string,
  treatments: object[],
  o: { size?: number; minutes?: number; density?: number; params?: Record<string, number>; seed?: number } = {},
): Promise<RunResult> {
  const n = o.size ?? 20;
  const overrides = [
    `name=${name}`,
    `seed=${o.seed ?? 1}`,
    `lattice.width=${n}`,
    `lattice.height=${n}`,
    `duration_min=${o.minutes ?? 1200}`,
    `treatments=${JSON.stringify(treatments)}`,
  ];
  if (o.density !== undefined) overrides.push(`tissue.density=${o.density}`);
  for (const [k, v] of Object.entries(o.params ?? {})) overrides.push(`params.${k}=${v}`);
  const { scenario, command } = ctx.scenario('primed-light-pulse', overrides);
  return ctx.run({ scenario, command });
}

/** A 20 x 20 dish with one inducer from t = 0 and no pulse (shared by 5.7 and 5.8). */
export const inducerDish = (ctx: CheckContext, agent: string, uM: number, minutes: number) =>
  dishRun(ctx, `dish-${agent}-${uM}uM`, [{ agent, uM, start_min: 0 }], { minutes });

/** What a dish run gives: committed (dying or dead) fraction of the initial cells at the end, first commitment and half-committed times (samples), min. */
export function dishOutcome(r: RunResult): { cells: number; fraction: number; first: number | null; t50: number | null } {
  const cells = r.samples[0].alive + r.samples[0].dying;
  const committed = (s: (typeof r.samples)[number]) => s.dying + s.dead;
  const last = r.samples[r.samples.length - 1];
  return {
    cells,
    fraction: cells > 0 ? committed(last) / cells : Number.NaN,
    first: r.samples.find((s) => committed(s) > 0)?.t_min ?? null,
    t50: r.samples.find((s) => committed(s) >= cells / 2)?.t_min ?? null,
  };
}

/** The speed a check compares: the wave's, or else (see pulseFront) the pulse front's before a spontaneously ignited front meets it; 0 = no wave. */
export interface FrontSpeed {
  v: number;
  text: string;
  wave: WaveResult;
  /** where the pulse front met a spontaneously ignited one (um beyond the pulse edge), when that is what was measured */
  met_um: number | null;
}

export function frontSpeed(r: RunResult): FrontSpeed {
  const origin = pulseOrigin(r.scenario);
  if (!origin) throw new Error(`scenario ${r.scenario.name} has no pulse`);
  const f = measureFront(r.sim.state, r.scenario.lattice.site_um, origin);
  if (f.kind === 'wave') return { v: f.v, text: speedText(f.wave), wave: f.wave, met_um: null };
  if (f.kind === 'pulse-front' && f.fit)
    return {
      v: f.v,
      text: `${fx(f.v)} um/min (pulse front, R² ${fx(f.fit.r2, 4)}, until a spontaneously ignited front meets it at ${fx(f.met_um, 0)} um)`,
      wave: f.wave,
      met_um: f.met_um,
    };
  return { v: 0, text: f.wave.pattern === 'synchronous' ? 'no wave (synchronous death)' : 'no wave', wave: f.wave, met_um: null };
}

/** How far the front advanced in the last `window_min` of the run, um (0 when it stalled or never formed). */
export function frontAdvance(r: RunResult, window_min = 120): number {
  const last = r.samples[r.samples.length - 1];
  const before = sampleAt(r.samples, last.t_min - window_min);
  return (last.front_um ?? 0) - (before.front_um ?? 0);
}

/** A behaviour whose check is not written yet (the report lists its target and source). */
export function pending(b: Omit<Behaviour, 'run'>): Behaviour {
  return { ...b, run: async () => ({ status: 'not-implemented', model: 'not checked yet', figures: [] }) };
}
