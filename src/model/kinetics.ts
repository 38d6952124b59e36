// Why this file exists: runs the per-cell reactions of cell-kinetics.ts over a row segment, in
// the WebAssembly kernels compiled from them when this thread has them (two cells per SIMD
// vector) and as TypeScript otherwise (the same bits), and adds what they count to the state's
// running totals. Also the exact ROS <-> oxidant exchange matrix and the pulses.
import { deathCells, type ExchangeMatrix, fastCells, slowCells, type StepContext, voidCells } from './cell-kinetics';
import { TI } from './effects';
import { ALIVE, DYING, H_COMMITTED, H_NECROSES, type SimState } from './layout';
import { cosh, exp, sinh } from './math';
import type { ParamValues } from './params';
import type { Segment } from './schedule';
import type { Kernels } from './wasm/kernels';

export type { ExchangeMatrix, StepContext } from './cell-kinetics';

/**
 * Slow block for sites [i0, i1) of one row segment, advancing cx.dts minutes (slow_every steps),
 * then the aux rates the fast block reads.
 */
export function slowSegment(st: SimState, i0: number, i1: number, seg: Segment, p: ParamValues, cx: StepContext, kernel: Kernels | null = null): void {
  slowPass(st, i0, i1, seg.targets, p, cx, kernel);
}

/** The slow block for sites [i0, i1) with treatment targets T (slowSegment without the segment). */
export function slowPass(st: SimState, i0: number, i1: number, T: Float64Array, p: ParamValues, cx: StepContext, kernel: Kernels | null = null): void {
  const necroses = (kernel ? kernel.slowCells : slowCells)(st, i0, i1, p, T, cx);
  if (necroses > 0) Atomics.add(st.header, H_NECROSES, necroses);
}

/** Fast block for sites [i0, i1) of one row segment: one step of dt (both passes). */
export function fastSegment(
  st: SimState,
  i0: number,
  i1: number,
  seg: Segment,
  p: ParamValues,
  cx: StepContext,
  ex: ExchangeMatrix,
  kernel: Kernels | null = null,
): void {
  fastPass(st, i0, i1, p, cx, ex, kernel);
  deathPass(st, i0, i1, seg.targets, p, cx, kernel);
}

/**
 * The fast block's first pass (fastCells) for sites [i0, i1): it reads no treatment target, so a
 * caller may run it over a whole row of segments at once. Every site's update is its own, so the
 * order of sites, and of this pass and other sites' passes, does not change a bit.
 */
export function fastPass(st: SimState, i0: number, i1: number, p: ParamValues, cx: StepContext, ex: ExchangeMatrix, kernel: Kernels | null = null): void {
  const committed = (kernel ? kernel.fastCells : fastCells)(st, i0, i1, p, cx, ex);
  if (committed > 0) Atomics.add(st.header, H_COMMITTED, committed);
}

/**
 * The fast block at sites [i0, i1), none of which holds a living cell (fastCells's branch for such
 * sites: the oxidant decays faster over the dead; the death program does nothing there).
 */
export function voidPass(st: SimState, i0: number, i1: number, p: ParamValues, cx: StepContext, kernel: Kernels | null = null): void {
  (kernel ? kernel.voidCells : voidCells)(st, i0, i1, p, cx);
}

/** the treatment targets the death program reads (deathCells): the only ones deathPass's targets matter for */
export const DEATH_TARGETS: readonly number[] = [TI.ca_medium, TI.orai1, TI.serca, TI.ip3r, TI.ca_ionophore, TI.tmem16f, TI.swelling];

/**
 * Whether the death program computes the same with targets a as with b (the same bits: -0 and 0
 * differ), so that adjacent segments may run it as one.
 */
export function sameDeathTargets(a: Float64Array, b: Float64Array): boolean {
  if (a === b) return true;
  for (const k of DEATH_TARGETS) if (!Object.is(a[k], b[k])) return false;
  return true;
}

/** The fast block's second pass (deathCells) for sites [i0, i1) of one segment (targets T). */
export function deathPass(st: SimState, i0: number, i1: number, T: Float64Array, p: ParamValues, cx: StepContext, kernel: Kernels | null = null): void {
  (kernel ? kernel.deathCells : deathCells)(st, i0, i1, p, T, cx);
}

/**
 * exp(A h) for the exchange A = [[-kx, kx], [kx g, -(kx g + kOx)]] acting on (ros, ox):
 * membrane exchange of the oxidant and its extracellular decay, solved exactly (a Metzler
 * matrix, so the result keeps both positive).
 */
export function exchangeMatrix(kx: number, g: number, kOx: number, h: number): ExchangeMatrix {
  const a = -kx,
    b = kx,
    c = kx * g,
    d = -(kx * g + kOx);
  const s = (a + d) / 2;
  const q = Math.sqrt(((a - d) / 2) ** 2 + b * c);
  const es = exp(s * h);
  const ch = cosh(q * h);
  const sh = q > 0 ? sinh(q * h) / q : h;
  return [es * (ch + sh * (a - s)), es * sh * b, es * sh * c, es * (ch + sh * (d - s))];
}

/** Apply a pulse (light: intracellular ROS; H2O2: extracellular oxidant) to sites [i0, i1). */
export function applyPulse(st: SimState, i0: number, i1: number, target: 'ros_burst' | 'oxidant_bolus', amount: number): void {
  const status = st.status;
  if (target === 'ros_burst') {
    const ros = st.cell.ros;
    for (let i = i0; i < i1; i++) if (status[i] === ALIVE || status[i] === DYING) ros[i] += amount;
  } else {
    const ox = st.field.ox;
    for (let i = i0; i < i1; i++) ox[i] += amount;
  }
}
