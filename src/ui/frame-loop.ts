// Why this file exists: the draw loop, on requestAnimationFrame and independent of stepping: it
// redraws the lattice from the shared state (capped by the "draw at most" selector: in software GL
// every frame costs the CPU the workers step with), and updates the readouts: clock and cell counts
// a few times a second, frames drawn and steps per second once a second.
import { STATUS_NAMES } from '../model/layout';
import type { Simulation } from '../model/simulation';
import type { LatticeRenderer } from '../render/lattice-renderer';
import { formatClock } from '../render/overlays';
import type { SimController } from './controller';
import { byId } from './dom';
import { intSetting } from './page-settings';

export interface AppStats {
  /** frames drawn per second (last second) */
  fps: number;
  /** simulation steps per second (last second) */
  stepsPerSec: number;
  step: number;
  t_min: number;
  playing: boolean;
  counts: number[];
  /** which code runs the hot loops on the workers: 'wasm-simd', 'typescript' (no WebAssembly SIMD here) or '' before loading */
  kernel: string;
}

/** Count sites by status code (0..5). */
export function countStatus(status: Uint8Array, out = new Array<number>(STATUS_NAMES.length).fill(0)): number[] {
  out.fill(0);
  const c = new Int32Array(8);
  for (let i = 0; i < status.length; i++) c[status[i] & 7]++;
  for (let k = 0; k < out.length; k++) out[k] = c[k];
  return out;
}

export interface FrameLoopDeps {
  controller: SimController;
  renderer: LatticeRenderer;
  /** the page's URL settings (?fps=) */
  params: URLSearchParams;
  /** with the readouts, a few times a second: redraw the plots and the inspector */
  onReadout(sim: Simulation): void;
  /** every animation frame with a simulation, after drawing */
  onFrame(): void;
}

export interface FrameLoop {
  /** the readouts now (a copy) */
  stats(): AppStats;
  /** a fresh simulation of `sites` sites: unless a cap was chosen, big lattices draw at most 20 frames/s */
  autoFps(sites: number): void;
  /** stop drawing */
  stop(): void;
}

const FPS_CHOICES = [5, 10, 20, 30, 60];

export function startFrameLoop(d: FrameLoopDeps): FrameLoop {
  const { controller, renderer, params } = d;
  const fpsSel = byId<HTMLSelectElement>('max-fps');
  const clockEl = byId('clock');
  const countsEl = byId('counts');
  const perfEl = byId('perf');

  // a cap on drawn frames: in software GL drawing competes with the workers for the CPU
  for (const n of FPS_CHOICES) fpsSel.add(new Option(`${n} frames/s`, String(n)));
  const fps0 = intSetting(params, 'fps', 1, 240, 60);
  if (!FPS_CHOICES.includes(fps0)) fpsSel.add(new Option(`${fps0} frames/s`, String(fps0)));
  fpsSel.value = String(fps0);
  let maxFps = fps0;
  // unless chosen (?fps= or the selector), big lattices draw at most 20 frames/s: in software GL
  // every frame costs the CPU the workers step with
  let fpsChosen = params.has('fps');
  fpsSel.addEventListener('change', () => {
    fpsChosen = true;
    maxFps = Number(fpsSel.value);
  });

  let lastStep = -1;
  let frames = 0;
  let stepsMark = 0;
  let markTime = performance.now();
  let lastReadout = 0;
  let lastDraw = 0;
  let rafId = 0;
  let stopped = false;
  const stats: AppStats = { fps: 0, stepsPerSec: 0, step: 0, t_min: 0, playing: false, counts: [0, 0, 0, 0, 0, 0], kernel: '' };
  const frame = (now: number) => {
    const sim = controller.sim;
    if (sim) {
      const step = sim.stepIndex();
      // while playing the workers write between committed steps: redraw every frame
      if (controller.playing || step !== lastStep) renderer.invalidate();
      lastStep = step;
      if (now - lastDraw >= 1000 / maxFps - 2 && renderer.draw()) {
        frames++;
        lastDraw = now;
      }
      if (now - lastReadout > 200) {
        lastReadout = now;
        // the clock says when the run has reached its end (duration_min), as the end card does
        clockEl.textContent = controller.finished() ? `${formatClock(sim.time())} · end` : formatClock(sim.time());
        countStatus(sim.state.status, stats.counts);
        const c = stats.counts;
        const tumour = sim.scenario.tissue.kind === 'tumour';
        countsEl.textContent = `alive ${c[1]}  dying ${c[2]}  dead ${c[3]}${tumour ? `  necrotic ${c[4]}` : ''}`;
        stats.step = step;
        stats.t_min = sim.time();
        stats.playing = controller.playing;
        d.onReadout(sim);
      }
      d.onFrame();
    }
    if (now - markTime >= 1000) {
      const dt = (now - markTime) / 1000;
      stats.fps = frames / dt;
      stats.stepsPerSec = (controller.stepsAdvanced - stepsMark) / dt;
      frames = 0;
      stepsMark = controller.stepsAdvanced;
      markTime = now;
      stats.kernel = controller.kernel ?? '';
      const slow = stats.kernel === 'typescript' ? ', no WebAssembly SIMD: slower' : '';
      perfEl.textContent = `${stats.fps.toFixed(0)} fps drawn, ${stats.stepsPerSec.toFixed(0)} steps/s (${controller.sim ? controller.sim.dt : 0} min per step${slow})`;
    }
    if (!stopped) rafId = requestAnimationFrame(frame);
  };
  rafId = requestAnimationFrame(frame);

  return {
    stats: () => ({ ...stats, counts: [...stats.counts] }),
    autoFps: (sites) => {
      if (fpsChosen) return;
      maxFps = sites >= 1_000_000 ? 20 : 60;
      fpsSel.value = String(maxFps);
    },
    stop: () => {
      stopped = true;
      cancelAnimationFrame(rafId);
    },
  };
}
