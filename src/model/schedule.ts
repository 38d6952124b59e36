// Why this file exists: evaluates the scenario's treatments on the lattice at a given step.
// For each row it yields the runs of sites that share one set of covering treatments, with the
// target values for that set (cached), and it lists the pulses (light, H2O2) that fire this step.
// Pure and deterministic: the same (scenario, step, row) always gives the same answer.
import type { AgentId } from './agents';
import { AGENTS } from './agents';
import { type MediumBase, targetValues } from './effects';
import type { Region, ResolvedScenario } from './scenario';
import { TARGETS } from './targets';

interface Placed {
  agent: AgentId;
  amount: number;
  startStep: number;
  /** first step no longer active (Infinity = never ends) */
  endStep: number;
  region: Region | null;
  pulse: boolean;
}

export interface Segment {
  x0: number;
  x1: number;
  targets: Float64Array;
}

export interface PulseEvent {
  target: 'ros_burst' | 'oxidant_bolus';
  /** amount added per step while active (a bolus is one step) */
  amount: number;
  region: Region | null;
}

export class Schedule {
  private readonly placed: Placed[];
  private readonly cache = new Map<string, Float64Array>();
  private readonly site: number;

  constructor(
    private readonly sc: ResolvedScenario,
    private readonly base: MediumBase,
  ) {
    const dt = sc.numerics.dt_min;
    this.site = sc.lattice.site_um;
    this.placed = [];
    for (const t of sc.treatments) {
      if (t.agent === 'knockdown' || t.agent === 'overexpress') continue;
      const spec = AGENTS[t.agent];
      const pulse = spec.actions.some((a) => TARGETS[a.target].kind === 'pulse');
      const startStep = Math.round(t.start_min / dt);
      const endStep = t.end_min === null ? (pulse ? startStep + 1 : Number.POSITIVE_INFINITY) : Math.max(startStep + 1, Math.round(t.end_min / dt));
      this.placed.push({ agent: t.agent, amount: (spec.dose_key === 'uM' ? t.uM : t.dose) ?? spec.default_dose, startStep, endStep, region: t.region, pulse });
    }
  }

  /** Steps at which a non-pulse treatment starts or ends (the slow block reruns there). */
  changeSteps(): Set<number> {
    const out = new Set<number>();
    for (const p of this.placed) {
      if (p.pulse) continue;
      out.add(p.startStep);
      if (Number.isFinite(p.endStep)) out.add(p.endStep);
    }
    return out;
  }

  /** Columns [x0, x1) of row y covered by a region (site centres inside it). */
  cover(region: Region | null, y: number): [number, number] {
    const W = this.sc.lattice.width;
    if (!region) return [0, W];
    const s = this.site;
    const yc = (y + 0.5) * s;
    if (region.disc) {
      const { x_um, y_um, r_um } = region.disc;
      const dy = yc - y_um;
      const h2 = r_um * r_um - dy * dy;
      if (h2 < 0) return [0, 0];
      const h = Math.sqrt(h2);
      return clampRange(Math.ceil((x_um - h) / s - 0.5), Math.floor((x_um + h) / s - 0.5) + 1, W);
    }
    const r = region.rect!;
    if (yc < r.y_um || yc > r.y_um + r.height_um) return [0, 0];
    return clampRange(Math.ceil(r.x_um / s - 0.5), Math.floor((r.x_um + r.width_um) / s - 0.5) + 1, W);
  }

  /** Runs of row y with constant treatment exposure at step `step`. */
  segments(y: number, step: number): Segment[] {
    const W = this.sc.lattice.width;
    const active: number[] = [];
    for (let k = 0; k < this.placed.length; k++) {
      const p = this.placed[k];
      if (!p.pulse && step >= p.startStep && step < p.endStep) active.push(k);
    }
    const ranges = active.map((k) => this.cover(this.placed[k].region, y));
    const cuts = new Set<number>([0, W]);
    for (const [a, b] of ranges) {
      if (b > a) {
        cuts.add(a);
        cuts.add(b);
      }
    }
    const xs = [...cuts].sort((a, b) => a - b);
    const out: Segment[] = [];
    for (let i = 0; i + 1 < xs.length; i++) {
      const x0 = xs[i];
      const x1 = xs[i + 1];
      if (x1 <= x0) continue;
      const covering: number[] = [];
      for (let j = 0; j < active.length; j++) if (ranges[j][0] <= x0 && x1 <= ranges[j][1]) covering.push(active[j]);
      out.push({ x0, x1, targets: this.targetsFor(covering) });
    }
    return out;
  }

  private targetsFor(covering: number[]): Float64Array {
    const key = covering.join(',');
    let v = this.cache.get(key);
    if (!v) {
      v = targetValues(covering.map((k) => ({ agent: this.placed[k].agent, amount: this.placed[k].amount })), this.base);
      this.cache.set(key, v);
    }
    return v;
  }

  /** Target values of the treatments without a region active at `step` (the medium far away). */
  globalTargets(step: number): Float64Array {
    const covering: number[] = [];
    this.placed.forEach((p, k) => {
      if (!p.pulse && !p.region && step >= p.startStep && step < p.endStep) covering.push(k);
    });
    return this.targetsFor(covering);
  }

  /** Pulses active at this step. A pulse with an end spreads its dose over its window. */
  pulses(step: number): PulseEvent[] {
    const out: PulseEvent[] = [];
    for (const p of this.placed) {
      if (!p.pulse || step < p.startStep || step >= p.endStep) continue;
      for (const a of AGENTS[p.agent].actions) {
        const kind = TARGETS[a.target].kind;
        if (kind !== 'pulse') continue;
        out.push({ target: a.target as PulseEvent['target'], amount: (a.max_effect * p.amount) / (p.endStep - p.startStep), region: p.region });
      }
    }
    return out;
  }
}

function clampRange(a: number, b: number, W: number): [number, number] {
  const lo = Math.max(0, a);
  const hi = Math.min(W, b);
  return hi > lo ? [lo, hi] : [0, 0];
}
