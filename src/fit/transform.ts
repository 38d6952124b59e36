// Why this file exists: the optimiser searches the unit cube, one coordinate per fitted parameter
// (0 = lower bound, 1 = upper, linear in the value or in its logarithm); this maps between the
// cube and parameter values (rounded to 6 significant digits, so the values written to
// best-params.json are exactly the values simulated), and folds the optimiser's unbounded
// coordinates into the cube by reflection at the bounds.
import { exp, log } from '../model/math';
import type { ParamFit } from './spec';

/** A unit-cube coordinate from a parameter value (clamped to the bounds). */
export function toUnit(p: ParamFit, v: number): number {
  if (v <= p.lower) return 0;
  if (v >= p.upper) return 1;
  if (p.scale === 'log') return (log(v) - log(p.lower)) / (log(p.upper) - log(p.lower));
  return (v - p.lower) / (p.upper - p.lower);
}

/** The parameter value at unit-cube coordinate u (clamped), to 6 significant digits. */
export function fromUnit(p: ParamFit, u: number): number {
  if (!(u > 0)) return p.lower;
  if (u >= 1) return p.upper;
  const v = p.scale === 'log' ? exp(log(p.lower) + u * (log(p.upper) - log(p.lower))) : p.lower + u * (p.upper - p.lower);
  const r = Number(v.toPrecision(6));
  return Math.min(p.upper, Math.max(p.lower, r));
}

/** Fold an unbounded coordinate into [0, 1] by reflection at 0 and 1 (period 2, continuous). */
export function reflect(x: number): number {
  const y = x - 2 * Math.floor(x / 2);
  return y <= 1 ? y : 2 - y;
}
