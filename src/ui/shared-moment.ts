// Why this file exists: a shared link opens at the moment it was shared, not at t = 0. The link
// carries the time (#s=...&t=MIN); the run is deterministic, so the page replays the shared
// scenario from t = 0 to that time on its workers, one sample interval at a time (the plots fill in
// as if it had been played), with a progress bar over the lattice, then pauses there.
import { formatClock } from '../render/overlays';
import type { SimController } from './controller';
import { byId, el } from './dom';

/** the hash parameter that carries the shared moment, simulated minutes */
export const SHARED_TIME_KEY = 't';

/** The shared moment of a location.hash (minutes > 0), or null when it carries none. */
export function sharedTime(hash: string): number | null {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  const s = new URLSearchParams(body).get(SHARED_TIME_KEY);
  if (s === null) return null;
  const t = Number(s);
  return Number.isFinite(t) && t > 0 ? t : null;
}

/**
 * Step the loaded run to `t_min` (clipped to its end) in sample-sized pieces, showing the progress
 * in #opening; resolves with the time reached.
 */
export async function openAt(controller: SimController, t_min: number): Promise<number> {
  const card = byId('opening');
  const sim = controller.sim;
  const target = Math.min(Math.round(t_min / sim.dt), sim.totalSteps());
  const every = Math.max(1, Math.round(sim.scenario.output.sample_every_min / sim.dt));
  const text = el('span');
  const bar = el('progress', { max: 1, value: 0 });
  card.replaceChildren(text, bar);
  card.hidden = false;
  try {
    while (controller.sim.stepIndex() < target) {
      const idx = controller.sim.stepIndex();
      await controller.step(Math.min(every - (idx % every), target - idx));
      const f = controller.sim.stepIndex() / Math.max(1, target);
      bar.value = f;
      text.textContent = `opening the shared moment, ${formatClock(target * sim.dt)}: replaying the run, ${(100 * f).toFixed(0)} %`;
    }
  } finally {
    card.hidden = true;
  }
  return controller.sim.time();
}
