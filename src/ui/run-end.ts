// Why this file exists: the end of a scenario is announced, never a silent stop. When playing
// reaches duration_min a card over the lattice says so (the time, that it is the scenario's set
// length) and offers to go on (extending the run) or to reset; it goes away once the run can
// step again (extended, reset, another scenario) or with its ×.
import { formatClock } from '../render/overlays';
import type { SimController } from './controller';
import { byId, el } from './dom';
import { formatHours, type RunControls } from './run-controls';

export interface RunEndCard {
  /** whether the card shows now */
  readonly open: boolean;
  /** show it for the run as it is now (called when playing reached the end) */
  announce(): void;
  /** hide it if the run can step again (call after any change of the run) */
  refresh(): void;
}

/** The announcement's words for a run that ended at t_min (its duration_min). */
export function endMessage(t_min: number, duration_min: number): string {
  return `End of the scenario at ${formatClock(t_min)}: its set length (duration_min ${+duration_min.toFixed(3)} min) is reached.`;
}

export function mountRunEndCard(controller: SimController, run: RunControls, reset: () => void): RunEndCard {
  const card = byId('run-end');
  const text = el('span');
  const goOn = el('button', { type: 'button', id: 'run-end-go-on' });
  const resetBtn = el('button', { type: 'button', textContent: 'reset', title: 'back to t = 0' });
  const close = el('button', { type: 'button', textContent: '×', title: 'close' });
  for (const b of [goOn, resetBtn, close]) b.style.flex = 'none';
  card.replaceChildren(text, goOn, resetBtn, close);
  goOn.addEventListener('click', () => void run.goOn());
  resetBtn.addEventListener('click', () => reset());
  close.addEventListener('click', () => {
    card.hidden = true;
  });
  return {
    get open() {
      return !card.hidden;
    },
    announce: () => {
      if (!controller.sim) return;
      text.textContent = endMessage(controller.sim.time(), controller.scenario.duration_min);
      goOn.textContent = `go on ${formatHours(run.extendHours())}`;
      card.hidden = false;
    },
    refresh: () => {
      if (!card.hidden && (!controller.sim || !controller.finished())) card.hidden = true;
    },
  };
}
