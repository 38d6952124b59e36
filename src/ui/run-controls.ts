// Why this file exists: running the simulation: play / pause, one step, reset, how many steps a
// drawn frame may advance, and how many workers step it. A run that reached its end
// (duration_min) is never a dead end: play then reads "go on" and extends the run by the hours
// set beside it (the scenario's duration grows with it) before playing on.
import type { SimController } from './controller';
import { byId } from './dom';
import type { ErrorBox } from './error-box';
import { intSetting } from './page-settings';

export interface RunControls {
  /** play / pause label and which buttons apply now (call after any change of the run) */
  refresh(): void;
  /** extend the run by the hours set ("at the end, go on for") and play on; false (error shown) when it could not be */
  goOn(): Promise<boolean>;
  /** the hours a run at its end goes on for */
  extendHours(): number;
}

export interface RunControlsDeps {
  errors: ErrorBox;
  /** what the reset button does: reload the scenario from t = 0 */
  reset(): void;
}

/** "6 h", "30 min", "1.5 h" */
export function formatHours(h: number): string {
  return h < 1 ? `${+(h * 60).toFixed(1)} min` : `${+h.toFixed(2)} h`;
}

export function mountRunControls(controller: SimController, params: URLSearchParams, d: RunControlsDeps): RunControls {
  const workersSel = byId<HTMLSelectElement>('workers');
  const playBtn = byId<HTMLButtonElement>('play');
  const stepBtn = byId<HTMLButtonElement>('step');
  const resetBtn = byId<HTMLButtonElement>('reset');
  const speedIn = byId<HTMLInputElement>('speed');
  const speedVal = byId('speed-val');
  const extendIn = byId<HTMLInputElement>('extend-h');

  for (const n of [1, 2, 3, 4]) workersSel.add(new Option(String(n), String(n)));
  workersSel.value = String(controller.workers);
  speedIn.value = String(intSetting(params, 'speed', 1, 50, 10));

  resetBtn.addEventListener('click', () => d.reset());
  workersSel.addEventListener('change', () => controller.setWorkers(Number(workersSel.value)).catch(d.errors.show));
  const extendHours = () => {
    const h = Number(extendIn.value);
    return Number.isFinite(h) && h > 0 ? h : 6;
  };
  const goOn = async (): Promise<boolean> => {
    try {
      await controller.extend(extendHours() * 60);
      d.errors.clear();
      controller.play();
      return true;
    } catch (e) {
      d.errors.show(e);
      return false;
    }
  };
  playBtn.addEventListener('click', () => {
    if (controller.playing) controller.pause();
    else if (controller.sim && controller.finished()) void goOn();
    else controller.play();
  });
  stepBtn.addEventListener('click', () => controller.step(1).catch(d.errors.show));
  const onSpeed = () => {
    controller.speed = Number(speedIn.value);
    speedVal.textContent = speedIn.value;
  };
  speedIn.addEventListener('input', onSpeed);
  onSpeed();

  const refresh = () => {
    const done = controller.sim ? controller.finished() : false;
    playBtn.textContent = controller.playing ? 'pause' : done ? `go on ${formatHours(extendHours())}` : 'play';
    playBtn.title = done && !controller.playing ? 'the run reached its end (duration_min): this extends it and plays on' : '';
    stepBtn.disabled = done || controller.playing;
  };
  extendIn.addEventListener('input', refresh);
  return { refresh, goOn, extendHours };
}
