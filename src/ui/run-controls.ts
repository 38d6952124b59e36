// Why this file exists: running the simulation: play / pause, one step, reset, how many steps a
// drawn frame may advance, and how many workers step it.
import type { SimController } from './controller';
import { byId } from './dom';
import type { ErrorBox } from './error-box';
import { intSetting } from './page-settings';

export interface RunControls {
  /** play / pause label and which buttons apply now (call after any change of the run) */
  refresh(): void;
}

export interface RunControlsDeps {
  errors: ErrorBox;
  /** what the reset button does: reload the scenario from t = 0 */
  reset(): void;
}

export function mountRunControls(controller: SimController, params: URLSearchParams, d: RunControlsDeps): RunControls {
  const workersSel = byId<HTMLSelectElement>('workers');
  const playBtn = byId<HTMLButtonElement>('play');
  const stepBtn = byId<HTMLButtonElement>('step');
  const resetBtn = byId<HTMLButtonElement>('reset');
  const speedIn = byId<HTMLInputElement>('speed');
  const speedVal = byId('speed-val');

  for (const n of [1, 2, 3, 4]) workersSel.add(new Option(String(n), String(n)));
  workersSel.value = String(controller.workers);
  speedIn.value = String(intSetting(params, 'speed', 1, 50, 10));

  resetBtn.addEventListener('click', () => d.reset());
  workersSel.addEventListener('change', () => controller.setWorkers(Number(workersSel.value)).catch(d.errors.show));
  playBtn.addEventListener('click', () => (controller.playing ? controller.pause() : controller.play()));
  stepBtn.addEventListener('click', () => controller.step(1).catch(d.errors.show));
  const onSpeed = () => {
    controller.speed = Number(speedIn.value);
    speedVal.textContent = speedIn.value;
  };
  speedIn.addEventListener('input', onSpeed);
  onSpeed();

  return {
    refresh: () => {
      playBtn.textContent = controller.playing ? 'pause' : 'play';
      const done = controller.sim ? controller.finished() : false;
      playBtn.disabled = done && !controller.playing;
      stepBtn.disabled = done || controller.playing;
    },
  };
}
