// Why this file exists: a talk video's clock can count from a treatment ("6:05 h after erastin")
// instead of from t = 0, which in a tumour includes a day of growth. Which treatment it counts from
// (by default the first one the scenario applies, or t = 0 when there is none), how the clock and
// the captions read, and the choices the record dialog lists. Pure: the dialog, the page API and
// `ferrowave record` resolve the same clock from the same scenario.
import { AGENTS, isGeneticAgent } from '../model/agents';
import type { Treatment } from '../model/scenario';
import { formatClock } from '../render/overlays';

/** What the clock counts from: a treatment's start (its index in the scenario's list and a short name). */
export interface ClockRef {
  from_min: number;
  name: string;
  index: number;
}

/** An agent's name without its trailing parenthesis: "ferrostatin-1 (Fer-1)" -> "ferrostatin-1", "light pulse (local ROS burst)" -> "light pulse". */
export function shortAgentName(agent: string): string {
  const name = Object.hasOwn(AGENTS, agent) ? AGENTS[agent as keyof typeof AGENTS].name : agent;
  const short = name.replace(/\s*\([^()]*\)$/, '');
  return short || name;
}

/** The treatments a clock can count from (not genetic changes), in the scenario's order, with their index. */
export function clockChoices(treatments: readonly Treatment[]): Array<{ index: number; start_min: number; agent: string; name: string }> {
  return treatments.flatMap((t, index) => (isGeneticAgent(t.agent) ? [] : [{ index, start_min: t.start_min, agent: t.agent, name: shortAgentName(t.agent) }]));
}

/** The default: the treatment that starts first (the first listed among equals); null (t = 0) when there is none. */
export function firstTreatmentClock(treatments: readonly Treatment[]): ClockRef | null {
  let best: ClockRef | null = null;
  for (const c of clockChoices(treatments)) if (!best || c.start_min < best.from_min) best = { from_min: c.start_min, name: c.name, index: c.index };
  return best;
}

/**
 * Resolve `clockFrom`: 'first-treatment' (default), 'start' (t = 0), an agent id (its first
 * treatment) or a treatment's index in the scenario's list. A problem (naming the choices) is
 * pushed onto `problems` when it names nothing.
 */
export function resolveClock(clockFrom: unknown, treatments: readonly Treatment[], problems: string[]): ClockRef | null {
  const choices = clockChoices(treatments);
  const listed = choices.length
    ? `; treatments: ${choices.map((c) => `${c.index} = ${c.agent} at ${formatClock(c.start_min)}`).join(', ')}`
    : '; this scenario has no treatment, so the clock counts from t = 0';
  const allowed = `clockFrom: the clock counts from "start" (t = 0), "first-treatment" (the default), an agent of the scenario or a treatment's number${listed}`;
  if (clockFrom === undefined || clockFrom === 'first-treatment') return firstTreatmentClock(treatments);
  if (clockFrom === 'start') return null;
  if (typeof clockFrom === 'number') {
    const c = choices.find((x) => x.index === clockFrom);
    if (c) return { from_min: c.start_min, name: c.name, index: c.index };
    problems.push(`${allowed}; got ${String(clockFrom)}`);
    return null;
  }
  if (typeof clockFrom === 'string') {
    let best: ClockRef | null = null;
    for (const c of choices)
      if (c.agent === clockFrom && (!best || c.start_min < best.from_min)) best = { from_min: c.start_min, name: c.name, index: c.index };
    if (best) return best;
  }
  problems.push(`${allowed}; got ${JSON.stringify(clockFrom)}`);
  return null;
}

/** The clock at t_min: "30:50 h" from t = 0; "6:50 h after erastin" (or "1:30 h before erastin") from a treatment. */
export function clockText(t_min: number, ref: ClockRef | null): string {
  if (!ref) return formatClock(t_min);
  const d = t_min - ref.from_min;
  // before the treatment the clock counts down in whole minutes (0:01 h before, then 0:00 h after)
  return d >= -1e-9 ? `${formatClock(d)} after ${ref.name}` : `${formatClock(Math.ceil(-d - 1e-9))} before ${ref.name}`;
}
