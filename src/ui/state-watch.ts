// Why this file exists: the page stops at garbage too (issue 15, "never garbage"). At each sample
// of the live plots the workers scan the state (Engine.scan); at the first NaN, infinity or
// negative value the run pauses and the error box names the variable, the cell and the time. Once
// per simulation: playing on after that is the user's choice (a reset, a new scenario or a branch
// is a new simulation, watched again).
import { badValueText } from '../analysis/state-scan';
import type { Simulation } from '../model/simulation';
import type { SimController } from './controller';
import type { ErrorBox } from './error-box';

/** What the page says after the scan's message. */
export const PAUSED_NOTE =
  'The run is paused: from here on its numbers are not a valid result (the model left its physical range; parameters inside their declared ranges are tested not to do this: please report the scenario).';

/** A check to call after each sample (between two advances); its scan runs in the controller's queue of engine operations. */
export function watchState(controller: SimController, errors: ErrorBox): () => Promise<void> {
  let flagged: Simulation | null = null;
  return async () => {
    const sim = controller.sim;
    if (!sim || flagged === sim) return;
    try {
      const bad = await controller.scan();
      if (!bad || controller.sim !== sim || flagged === sim) return;
      flagged = sim;
      controller.pause();
      errors.show(new Error(`${badValueText(bad)}. ${PAUSED_NOTE}`));
    } catch (e) {
      errors.show(e);
    }
  };
}
