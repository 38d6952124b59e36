// Why this file exists: `"axes": "all-params"` in a sweep file means "every parameter of the model's
// registry" (src/model/params.ts). This expands it into one axis per parameter, each from
// default / factor to default x factor on a log scale, clipped to the parameter's allowed range,
// and says why each parameter left out was left out (excluded, fixed by sweep.set, a default of 0,
// no room in its range), so a sensitivity analysis never drops a parameter silently. Pure.
import { PARAMS, type ParamSpec } from '../model/params';
import { tidy } from './design';
import type { Axis } from './spec';

/** The default factor around each default (x/÷ 1.5). */
export const DEFAULT_FACTOR = 1.5;

/** A range given for one parameter instead of the factor (e.g. a default of 0, a discrete parameter). */
export interface ParamRange {
  from: number;
  to: number;
  scale: 'linear' | 'log';
  integer: boolean;
}

export interface SkippedParam {
  name: string;
  reason: string;
}

export interface ParamAxesOptions {
  factor: number;
  /** parameter -> why it is left out */
  exclude: ReadonlyMap<string, string>;
  /** parameter -> its range instead of the factor */
  ranges: Readonly<Record<string, ParamRange>>;
  /** parameters fixed by sweep.set (params.NAME keys) */
  fixed: ReadonlySet<string>;
}

const paramAxis = (p: ParamSpec, r: ParamRange): Axis => ({
  path: `params.${p.name}`,
  name: null,
  values: null,
  from: r.from,
  to: r.to,
  n: null,
  scale: r.scale,
  integer: r.integer,
});

/** Every parameter of the registry as an axis (registry order), or the reason it is not one. */
export function paramAxes(o: ParamAxesOptions, registry: readonly ParamSpec[] = PARAMS): { axes: Axis[]; skipped: SkippedParam[] } {
  const axes: Axis[] = [];
  const skipped: SkippedParam[] = [];
  for (const p of registry) {
    const skip = (reason: string) => skipped.push({ name: p.name, reason });
    const excluded = o.exclude.get(p.name);
    if (excluded !== undefined) {
      skip(excluded);
      continue;
    }
    if (o.fixed.has(p.name)) {
      skip('fixed by sweep.set');
      continue;
    }
    const given = Object.hasOwn(o.ranges, p.name) ? o.ranges[p.name] : undefined;
    if (given) {
      if (given.integer && Math.round(given.from) === Math.round(given.to)) skip(`its range ${given.from} to ${given.to} holds one integer only`);
      else axes.push(paramAxis(p, given));
      continue;
    }
    if (!(p.default > 0)) {
      skip(`default ${p.default} ${p.unit}: no factor around it (give it a range in sweep.ranges)`);
      continue;
    }
    const from = tidy(Math.max(p.min, p.default / o.factor));
    const to = tidy(Math.min(p.max, p.default * o.factor));
    if (!(to > from) || !(from > 0)) {
      skip(`its allowed range [${p.min}, ${p.max}] ${p.unit} leaves no room around the default ${p.default}`);
      continue;
    }
    axes.push(paramAxis(p, { from, to, scale: 'log', integer: false }));
  }
  return { axes, skipped };
}
