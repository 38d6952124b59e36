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

/** how long a scenario plays at its default pace, wall s (the first minute: issue "a run to its end in about a minute") */
export const DEFAULT_PLAY_S = 60;
/** the display rate the default pace assumes (frames per second; requestAnimationFrame's usual) */
export const ASSUMED_FPS = 60;
export const SPEED_MIN = 1;
export const SPEED_MAX = 50;

/**
 * The default steps per frame for a run of `totalSteps` steps: the whole run in about
 * DEFAULT_PLAY_S at ASSUMED_FPS (when the machine steps that fast; slower when it does not),
 * within the slider's range.
 */
export function defaultSpeed(totalSteps: number): number {
  const n = Math.round(totalSteps / (DEFAULT_PLAY_S * ASSUMED_FPS));
  return n < SPEED_MIN ? SPEED_MIN : n > SPEED_MAX ? SPEED_MAX : n;
}

/** the pace in plain words: simulated time per second of wall time at ASSUMED_FPS, "24 min/s", "2.5 h/s" */
export function paceText(stepsPerFrame: number, dtMin: number): string {
  const m = stepsPerFrame * dtMin * ASSUMED_FPS;
  return m < 60 ? `${+m.toFixed(1)} min/s` : `${+(m / 60).toFixed(2)} h/s`;
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
  // the pace: a link's ?speed= or the slider once moved keep theirs; otherwise each scenario loaded
  // from t = 0 gets the pace that plays it to its end in about a minute (defaultSpeed)
  let chosen = params.has('speed');
  let paced: unknown = null;
  speedIn.min = String(SPEED_MIN);
  speedIn.max = String(SPEED_MAX);
  speedIn.value = String(intSetting(params, 'speed', SPEED_MIN, SPEED_MAX, controller.speed));

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
    const dt = controller.sim?.scenario.numerics.dt_min;
    const steps = `${speedIn.value} step${controller.speed === 1 ? '' : 's'}/frame`;
    speedVal.textContent = dt ? `${steps} · ${paceText(controller.speed, dt)}` : steps;
  };
  speedIn.addEventListener('input', () => {
    chosen = true;
    onSpeed();
  });
  onSpeed();

  const refresh = () => {
    const sim = controller.sim;
    if (sim && sim !== paced) {
      paced = sim;
      if (!chosen && sim.stepIndex() === 0) speedIn.value = String(defaultSpeed(sim.totalSteps()));
      onSpeed();
    }
    const done = controller.sim ? controller.finished() : false;
    playBtn.textContent = controller.playing ? 'pause' : done ? `go on ${formatHours(extendHours())}` : 'play';
    playBtn.title = done && !controller.playing ? 'the run reached its end (duration_min): this extends it and plays on' : '';
    stepBtn.disabled = done || controller.playing;
  };
  extendIn.addEventListener('input', refresh);
  return { refresh, goOn, extendHours };
}
