// Why this file exists: the oxidant's two transport parameters (ox_diffusion, ox_decay) have no
// measured source. Two published observations of Co et al. 2024 bear on them: the untreated wave
// speed (mean of the calibration plates' control wells) and the widest cell-free gap a wave
// crosses (the logistic 50 % point of the scratched gaps). The speed alone fits ox_diffusion at a
// held ox_decay (what the defaults use); the joint fit of both to both (fitOxidantReach) shows
// where the gap data would put ox_decay. Pure: runs the simulation in this thread;
// `npm run fit:oxidant` (scripts/fit-oxidant-reach.ts) drives it.
import { measureFront } from '../analysis/front-speed';
import { pulseOrigin } from '../analysis/wave';
import { exp, log } from '../model/math';
import { type ResolvedScenario, resolveScenario } from '../model/scenario';
import { createSimulation } from '../model/simulation';

/** What the fit aims at, with where each number comes from. */
export interface ReachTargets {
  /** untreated front speed, um/min */
  speed_um_per_min: number;
  /** a gap this wide (um) is crossed... */
  crossed_um: number;
  /** ...and one this wide is not */
  stopped_um: number;
}

export interface ReachPoint {
  ox_decay: number;
  ox_diffusion: number;
  speed_um_per_min: number;
  crosses: Record<number, boolean>;
}

/** A scenario (raw JSON) with the oxidant's two parameters set. */
function withOx(base: Record<string, unknown>, ox_decay: number, ox_diffusion: number): Record<string, unknown> {
  const raw = structuredClone(base) as { params?: Record<string, unknown> };
  raw.params = { ...(raw.params ?? {}), ox_decay, ox_diffusion };
  return raw as Record<string, unknown>;
}

function runToEnd(sc: ResolvedScenario) {
  const sim = createSimulation(sc, sc.seed, { unshared: true });
  sim.step(sim.totalSteps());
  return sim;
}

/** The untreated front speed (um/min) of `strip` at these parameters (0: no front). */
export function stripSpeed(strip: Record<string, unknown>, ox_decay: number, ox_diffusion: number): number {
  const sc = resolveScenario(withOx(strip, ox_decay, ox_diffusion), 'oxidant-reach');
  const sim = runToEnd(sc);
  const origin = pulseOrigin(sc);
  if (!origin) throw new Error('the speed scenario needs a light pulse');
  return measureFront(sim.state, sc.lattice.site_um, origin)?.v ?? 0;
}

/**
 * Whether the wave crosses a cell-free gap `width_um` wide at `gap_x_um` in `strip`: more than half
 * the cells beyond it (from one 100 um margin on) committed by the run's end.
 */
export function crossesGap(strip: Record<string, unknown>, gap_x_um: number, width_um: number, ox_decay: number, ox_diffusion: number): boolean {
  const raw = withOx(strip, ox_decay, ox_diffusion) as { tissue?: unknown };
  raw.tissue = { kind: 'monolayer', gaps: [{ x_um: gap_x_um, width_um }] };
  const sc = resolveScenario(raw, 'oxidant-reach');
  const st = runToEnd(sc).state;
  const site = sc.lattice.site_um;
  let cells = 0;
  let committed = 0;
  for (let i = 0; i < st.n; i++) {
    const x = (i % st.width) * site;
    if (x < gap_x_um + width_um + 100 || st.status[i] === 0) continue;
    cells++;
    if (Number.isFinite(st.cell.t_dying[i])) committed++;
  }
  if (cells === 0) throw new Error('no cells beyond the gap: make the gap strip longer');
  return committed > cells / 2;
}

/**
 * ox_diffusion (um^2/min) giving the target speed at this ox_decay: secant steps on log D (the
 * speed grows monotonically with D), from `d0`, to within `tol` um/min.
 */
export function diffusionForSpeed(
  strip: Record<string, unknown>,
  ox_decay: number,
  target: number,
  d0: number,
  tol = 0.005,
): { ox_diffusion: number; speed: number; runs: number } {
  let x0 = log(d0);
  let f0 = stripSpeed(strip, ox_decay, d0) - target;
  let runs = 1;
  if (Math.abs(f0) <= tol) return { ox_diffusion: d0, speed: f0 + target, runs };
  let x1 = x0 + (f0 > 0 ? -0.1 : 0.1);
  let f1 = stripSpeed(strip, ox_decay, exp(x1)) - target;
  runs++;
  for (let k = 0; k < 30 && Math.abs(f1) > tol; k++) {
    const slope = (f1 - f0) / (x1 - x0);
    // a flat or wrong-signed slope (no front at one end): step by a fixed amount towards the target
    const step = slope > 1e-6 ? -f1 / slope : f1 > 0 ? -0.2 : 0.2;
    x0 = x1;
    f0 = f1;
    x1 = x1 + Math.max(-0.5, Math.min(0.5, step));
    f1 = stripSpeed(strip, ox_decay, exp(x1)) - target;
    runs++;
  }
  if (Math.abs(f1) > tol) throw new Error(`no ox_diffusion gives ${target} um/min at ox_decay ${ox_decay}`);
  return { ox_diffusion: exp(x1), speed: f1 + target, runs };
}

export interface ReachFit {
  targets: ReachTargets;
  /** every ox_decay tried, with its ox_diffusion at the target speed and the gaps' outcome */
  scan: ReachPoint[];
  /** the range of ox_decay (1/min) at the target speed where the crossed gap is crossed and the stopped one is not */
  interval: [number, number];
  best: { ox_decay: number; ox_diffusion: number; speed_um_per_min: number };
  runs: number;
}

/**
 * The fit: along the curve of (ox_decay, ox_diffusion) that gives the target speed, the widest
 * crossed gap shrinks as ox_decay grows (the oxidant's reach sqrt(D/k) shrinks). Bisect (on log
 * ox_decay) for both edges of the interval where `crossed_um` is crossed and `stopped_um` is not,
 * and take its geometric middle.
 */
export function fitOxidantReach(
  speedStrip: Record<string, unknown>,
  gapStrip: Record<string, unknown>,
  gap_x_um: number,
  targets: ReachTargets,
  start: { ox_decay: number; ox_diffusion: number },
  steps = 6,
  log: (line: string) => void = () => {},
): ReachFit {
  const scan: ReachPoint[] = [];
  let runs = 0;
  let dGuess = start.ox_diffusion;
  const at = (k: number): ReachPoint => {
    const s = diffusionForSpeed(speedStrip, k, targets.speed_um_per_min, dGuess);
    dGuess = s.ox_diffusion;
    runs += s.runs;
    const crosses: Record<number, boolean> = {};
    for (const w of [targets.crossed_um, targets.stopped_um]) {
      crosses[w] = crossesGap(gapStrip, gap_x_um, w, k, s.ox_diffusion);
      runs++;
    }
    const p = { ox_decay: k, ox_diffusion: s.ox_diffusion, speed_um_per_min: s.speed, crosses };
    scan.push(p);
    log(
      `ox_decay ${k.toPrecision(4)} /min, ox_diffusion ${s.ox_diffusion.toPrecision(4)} um^2/min: ${s.speed.toFixed(3)} um/min; ${targets.crossed_um} um gap ${crosses[targets.crossed_um] ? 'crossed' : 'stops it'}, ${targets.stopped_um} um gap ${crosses[targets.stopped_um] ? 'crossed' : 'stops it'}`,
    );
    return p;
  };
  // 0: both gaps crossed (reach too long), 1: in the interval, 2: neither crossed (too short)
  const cls = (p: ReachPoint) => (p.crosses[targets.stopped_um] ? 0 : p.crosses[targets.crossed_um] ? 1 : 2);
  // bracket: walk ox_decay by factors of 1.5 until both a too-long and a too-short reach are seen
  let lo = start.ox_decay;
  let hi = start.ox_decay;
  let inside: ReachPoint | null = null;
  let p = at(lo);
  if (cls(p) === 1) inside = p;
  while (cls(p) !== 2) {
    hi *= 1.5;
    p = at(hi);
    if (cls(p) === 1) inside = p;
    if (hi > 100 * start.ox_decay) throw new Error('no ox_decay stops the wider gap');
  }
  p = scan[0];
  while (cls(p) !== 0) {
    lo /= 1.5;
    p = at(lo);
    if (cls(p) === 1) inside = p;
    if (lo < start.ox_decay / 100) throw new Error('no ox_decay lets the wave cross the narrower gap');
  }
  if (!inside) {
    // bisect between the too-long and too-short ends for a point inside
    let a = lo;
    let b = hi;
    for (let k = 0; k < 2 * steps && !inside; k++) {
      const m = Math.sqrt(a * b);
      const q = at(m);
      const c = cls(q);
      if (c === 1) inside = q;
      else if (c === 0) a = m;
      else b = m;
    }
    if (!inside) throw new Error('the interval where one gap is crossed and the other not is narrower than the bisection resolves');
  }
  // both edges by bisection from the inside point
  let a0 = lo;
  let a1 = inside.ox_decay;
  let b0 = inside.ox_decay;
  let b1 = hi;
  for (let k = 0; k < steps; k++) {
    const m = Math.sqrt(a0 * a1);
    if (cls(at(m)) === 0) a0 = m;
    else a1 = m;
    const n = Math.sqrt(b0 * b1);
    if (cls(at(n)) === 2) b1 = n;
    else b0 = n;
  }
  const interval: [number, number] = [a1, b0];
  const k = Math.sqrt(a1 * b0);
  const s = diffusionForSpeed(speedStrip, k, targets.speed_um_per_min, dGuess);
  runs += s.runs;
  for (const w of [targets.crossed_um, targets.stopped_um]) {
    const c = crossesGap(gapStrip, gap_x_um, w, k, s.ox_diffusion);
    runs++;
    if (c !== (w === targets.crossed_um))
      throw new Error(`at the middle of the interval the ${w} um gap is ${c ? 'crossed' : 'not crossed'}: the gaps' outcome is not monotone in ox_decay`);
  }
  return { targets, scan, interval, best: { ox_decay: k, ox_diffusion: s.ox_diffusion, speed_um_per_min: s.speed }, runs };
}

/** The widest of `widths_um` (ascending) that the wave crosses at these parameters (null: none). */
export function widestCrossed(
  gapStrip: Record<string, unknown>,
  gap_x_um: number,
  widths_um: readonly number[],
  ox_decay: number,
  ox_diffusion: number,
): { widest_um: number | null; crossed: Record<number, boolean> } {
  const crossed: Record<number, boolean> = {};
  let widest: number | null = null;
  for (const w of widths_um) {
    crossed[w] = crossesGap(gapStrip, gap_x_um, w, ox_decay, ox_diffusion);
    if (crossed[w]) widest = w;
  }
  return { widest_um: widest, crossed };
}
