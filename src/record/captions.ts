// Why this file exists: the captions a video shows when a treatment starts ("t = 6:00 h: erastin
// 10 uM", or "6:00 h after erastin: light pulse ..." when the clock counts from a treatment), taken
// from the scenario's treatment list, and which of them a frame at a given simulated time shows.
// Pure, so the dialog, the CLI and the tests agree on the wording and the timing.
import { AGENTS, isGeneticAgent } from '../model/agents';
import type { ResolvedScenario, Treatment } from '../model/scenario';
import { formatClock, formatLength } from '../render/overlays';
import { type ClockRef, clockText } from './clock';

/** One line naming a treatment, its dose with unit and where it acts. */
export function treatmentLabel(t: Treatment): string {
  if (isGeneticAgent(t.agent)) return `${t.agent} ${t.gene} x${t.factor}`;
  const spec = AGENTS[t.agent];
  const name = spec?.name ?? t.agent;
  const amount =
    t.uM !== undefined && t.uM !== null
      ? ` ${+t.uM.toPrecision(4)} uM`
      : t.dose !== undefined && t.dose !== null
        ? ` dose ${+t.dose.toPrecision(4)} ${spec?.unit ?? ''}`.trimEnd()
        : '';
  const r = t.region;
  const where = r?.disc
    ? ` (disc r ${formatLength(r.disc.r_um)})`
    : r?.rect
      ? ` (rect ${formatLength(r.rect.width_um)} x ${formatLength(r.rect.height_um)})`
      : r?.stroke
        ? ' (painted region)'
        : '';
  return `${name}${amount}${where}`;
}

export interface Caption {
  start_min: number;
  text: string;
}

/**
 * Captions of the treatments that start at or after t0_min (those before it were applied before the
 * clip), timed by the video's clock (`clock`: null counts from t = 0).
 */
export function treatmentCaptions(sc: Pick<ResolvedScenario, 'treatments'>, t0_min: number, clock: ClockRef | null = null): Caption[] {
  const when = (t_min: number) => (clock ? clockText(t_min, clock) : `t = ${formatClock(t_min)}`);
  return sc.treatments
    .filter((t) => t.start_min >= t0_min - 1e-9 && !isGeneticAgent(t.agent))
    .map((t) => ({ start_min: t.start_min, text: `${when(t.start_min)}: ${treatmentLabel(t)}` }))
    .sort((a, b) => a.start_min - b.start_min);
}

/** The captions up at simulated time t_min: those started no more than holdMin simulated minutes ago. */
export function activeCaptions(caps: readonly Caption[], t_min: number, holdMin: number): string[] {
  return caps.filter((c) => c.start_min <= t_min + 1e-9 && t_min < c.start_min + holdMin - 1e-9).map((c) => c.text);
}
