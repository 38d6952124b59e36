// Why this file exists: a sensitivity sweep leaves out parameters that its dishes never read
// (tumour-only ones, the potencies of drugs the dishes do not get). Leaving one out must not hide
// an effect, so each is checked: the sweep's base scenario with that parameter moved to the end of
// its range (default x factor, or / factor where x is not allowed) must give the control run's
// numbers bit for bit (every sample of the time series and every cell's commitment time). Runs in
// this thread, one after another (~30 strip and lane runs, seconds). And the lanes' gaps must hold
// (checkGaps): a lane is not to be ignited from its neighbours across a gap.
import { type Summary, summarise } from '../../src/analysis/summary';
import { createEngine } from '../../src/engine/engine';
import { runToEnd } from '../../src/engine/runner';
import { paramSpec } from '../../src/model/params';
import { resolveScenario } from '../../src/model/scenario';
import { createSimulation } from '../../src/model/simulation';
import type { SweepSpec } from '../../src/sweep/spec';

export interface ScreenedParam {
  name: string;
  reason: string;
  /** the value it was moved to */
  value: number;
  /** the run gave the control's numbers, bit for bit */
  inert: boolean;
}

export interface Screen {
  /** the base scenario (sweep.set applied) at the registry's defaults */
  control: Summary;
  params: ScreenedParam[];
}

/** One run in this thread: its summary and a fingerprint of everything it measured. */
async function runOnce(base: Record<string, unknown>, params: Record<string, number>, version: string): Promise<{ summary: Summary; print: string }> {
  const raw = structuredClone(base);
  raw.params = { ...(raw.params as Record<string, number> | undefined), ...params };
  const sc = resolveScenario(raw, version);
  const sim = createSimulation(sc, sc.seed);
  const samples = await runToEnd(await createEngine(sim, 0));
  const summary = summarise(sim, samples);
  return { summary, print: `${JSON.stringify(samples)}|${Array.from(sim.state.cell.t_dying).join(',')}` };
}

/** The control run of a sweep's base, and each parameter the sweep left out (except those sweep.set fixes) moved and compared with it. */
export async function screenLeftOut(spec: SweepSpec, base: Record<string, unknown>, version: string): Promise<Screen> {
  const control = await runOnce(base, {}, version);
  const factor = spec.all_params?.factor ?? 1.5;
  const params: ScreenedParam[] = [];
  for (const s of spec.all_params?.skipped ?? []) {
    const p = paramSpec(s.name);
    if (!p || s.reason === 'fixed by sweep.set') continue;
    const up = Math.min(p.max, p.default * factor);
    const value = up !== p.default ? up : Math.max(p.min, p.default / factor);
    const moved = await runOnce(base, { [s.name]: value }, version);
    params.push({ name: s.name, reason: s.reason, value, inert: moved.print === control.print });
  }
  return { control: control.summary, params };
}

/** The parameters that set how far the oxidant reaches across a cell-free gap, and which end of their range reaches furthest. */
const REACH: ReadonlyArray<[name: string, end: 'from' | 'to']> = [
  ['ox_diffusion', 'to'],
  ['ox_decay', 'from'],
  ['kd_dead_factor', 'from'],
];

export interface GapCheck {
  /** the parameters set (empty: the defaults) */
  params: Record<string, number>;
  /** a low-dose lane between high-dose lanes carried a wave where, between low-dose lanes, it did not */
  crossed: boolean;
}

/**
 * Whether the lanes' gaps hold: the lanes scenario with its lanes alternately at the highest and
 * the lowest dose, against all at the lowest; a low lane that carries only beside high lanes was
 * ignited across a gap. At the defaults and with the oxidant reaching furthest (the ends of the
 * sweep's ranges of its diffusivity and decay rates).
 */
export async function checkGaps(spec: SweepSpec, base: Record<string, unknown>, version: string): Promise<GapCheck[]> {
  const lanes = (base.treatments as Array<Record<string, unknown>>).filter((t) => t.agent === 'erastin' && (t.region as { rect?: unknown } | null)?.rect);
  const doses = lanes.map((t) => t.uM as number);
  const [lo, hi] = [Math.min(...doses), Math.max(...doses)];
  const byX = [...lanes].sort((a, b) => (a.region as { rect: { x_um: number } }).rect.x_um - (b.region as { rect: { x_um: number } }).rect.x_um);
  const withDoses = (alternate: boolean) => {
    const raw = structuredClone(base);
    const ts = raw.treatments as Array<Record<string, unknown>>;
    byX.forEach((t, k) => {
      ts[(base.treatments as unknown[]).indexOf(t)].uM = alternate && k % 2 === 0 ? hi : lo + (k % 2 === 0 ? 0 : lo * 1e-3);
    });
    return raw;
  };
  const far: Record<string, number> = {};
  for (const [name, end] of REACH) {
    const a = spec.axes.find((x) => x.path === `params.${name}`);
    if (a && a[end] !== null) far[name] = a[end]!;
  }
  const out: GapCheck[] = [];
  for (const params of [{}, far]) {
    const odd = (s: Summary) => (s.erastin_lanes?.lanes ?? []).filter((l) => l.erastin_uM < hi && l.erastin_uM > lo).map((l) => l.carries);
    const beside = await runOnce(withDoses(true), params, version);
    const alone = await runOnce(withDoses(false), params, version);
    out.push({ params, crossed: odd(beside.summary).some((c, k) => c && !odd(alone.summary)[k]) });
  }
  return out;
}
