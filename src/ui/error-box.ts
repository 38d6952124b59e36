// Why this file exists: the page says what went wrong in one place (#error): an invalid scenario
// with every problem named, a failed load, a refused treatment. Every panel reports through it.
import { ScenarioError } from '../model/scenario';

export interface ErrorBox {
  /** show the error (an invalid scenario lists its problems); safe to pass as a callback */
  show(e: unknown): void;
  /** hide the box (after something succeeded) */
  clear(): void;
}

export function mountErrorBox(box: HTMLElement): ErrorBox {
  return {
    show: (e: unknown) => {
      box.textContent = e instanceof ScenarioError ? `invalid scenario:\n${e.message}` : e instanceof Error ? e.message : String(e);
      box.hidden = false;
    },
    clear: () => {
      box.textContent = '';
      box.hidden = true;
    },
  };
}
