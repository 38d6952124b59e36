// Why this file exists: the frame-exact recorder. For every video frame it steps the simulation
// exactly to the frame's simulated time (the controller's serialised step, awaiting the workers),
// draws the frame on the CPU (compositor.ts) and hands it to WebCodecs through mediabunny with an
// explicit timestamp and duration, so the file never depends on how fast the machine is and never
// on screen capture. Progress (frames, ETA) is reported per frame and an AbortSignal cancels: the
// encoder is torn down and nothing is returned. Restoring the sandbox after a cancel is the
// caller's job (src/ui/record-dialog.ts records on a checkpoint and branches back to it).
import { BufferTarget, CanvasSource, Mp4OutputFormat, Output, Quality, WebMOutputFormat } from 'mediabunny';
import type { Simulation } from '../model/simulation';
import { viewById } from '../render/views';
import { activeCaptions, treatmentCaptions } from './captions';
import { Compositor, context2d } from './compositor';
import { bitrateFor, codecString, FORMATS, type RecordPlan } from './options';

/** What the recorder drives: the sandbox's SimController fits (sim + serialised step). */
export interface SteppableRun {
  readonly sim: Simulation;
  step(n: number): Promise<void>;
}

export interface RecordProgress {
  frame: number;
  frames: number;
  t_min: number;
  elapsed_s: number;
  /** estimated seconds left (NaN before the first frame) */
  eta_s: number;
}

export interface Recording {
  bytes: Uint8Array;
  mime: string;
  /** the file name extension (.webm or .mp4) */
  ext: string;
  codec: string;
  plan: RecordPlan;
  wall_s: number;
}

export class RecordCancelled extends Error {
  constructor() {
    super('recording cancelled');
    this.name = 'AbortError';
  }
}

/**
 * Whether this browser's WebCodecs can encode the plan's format at its size; throws an error naming
 * the format, the size and the codec string otherwise (checked before any frame is drawn).
 */
export async function checkEncoder(plan: RecordPlan): Promise<string> {
  const codec = codecString(plan.format, plan.width, plan.height);
  if (typeof VideoEncoder === 'undefined') throw new Error('format: this browser has no WebCodecs VideoEncoder, so it cannot record video');
  let ok = false;
  try {
    const r = await VideoEncoder.isConfigSupported({ codec, width: plan.width, height: plan.height, bitrate: bitrateFor(plan), framerate: plan.fps });
    ok = r.supported === true;
  } catch {
    ok = false;
  }
  if (!ok)
    throw new Error(
      `format: ${plan.format} (${codec}) at ${plan.width} x ${plan.height} is not supported by this browser's encoder; choose a smaller resolution or another format (webm-vp9 is the most widely available)`,
    );
  return codec;
}

/**
 * Record `plan.frames` frames from the run's current state (frame 0 = now). Resolves with the file;
 * rejects with RecordCancelled when `signal` aborts (no bytes, encoder released).
 */
export async function recordVideo(
  run: SteppableRun,
  plan: RecordPlan,
  opts: { signal?: AbortSignal; onProgress?: (p: RecordProgress) => void } = {},
): Promise<Recording> {
  const t0 = performance.now();
  const codec = await checkEncoder(plan);
  const sim0 = run.sim;
  const step0 = sim0.stepIndex();
  if (Math.abs(sim0.time() - plan.t0_min) > 1e-6) throw new Error(`the run is at ${sim0.time()} min but the plan starts at ${plan.t0_min} min`);
  const canvas = new OffscreenCanvas(plan.width, plan.height);
  const g = context2d(canvas);
  const { width: LW, height: LH, site_um } = sim0.scenario.lattice;
  const comp = new Compositor(
    g,
    {
      width: plan.width,
      height: plan.height,
      view: viewById(plan.view),
      site_um,
      overlays: plan.overlays,
      title: plan.title,
      region: plan.region ?? undefined,
      clock: plan.clock,
    },
    { width: LW, height: LH },
  );
  const holdMin = plan.captionSeconds * plan.minutesPerSecond;
  const fmt = FORMATS[plan.format];
  const output = new Output({
    format: fmt.container === 'mp4' ? new Mp4OutputFormat({ fastStart: 'in-memory' }) : new WebMOutputFormat(),
    target: new BufferTarget(),
  });
  const source = new CanvasSource(canvas, {
    codec: fmt.codec,
    fullCodecString: codec,
    quality: new Quality({ bitrate: bitrateFor(plan) }),
    keyFrameInterval: 2,
    latencyMode: 'quality',
  });
  output.addVideoTrack(source, { frameRate: plan.fps });
  const aborted = () => opts.signal?.aborted === true;
  try {
    await output.start();
    for (let i = 0; i < plan.frames; i++) {
      if (aborted()) throw new RecordCancelled();
      if (i > 0) await run.step(plan.stepsPerFrame);
      if (aborted()) throw new RecordCancelled();
      const sim = run.sim;
      const want = step0 + i * plan.stepsPerFrame;
      if (sim.stepIndex() !== want)
        throw new Error(`frame ${i}: the run is at step ${sim.stepIndex()}, expected ${want} (did something else step or replace the simulation?)`);
      const t = sim.time();
      // from the running scenario each frame: a treatment added mid-clip (a click) gets its caption too
      comp.draw(sim.state, t, plan.overlays ? activeCaptions(treatmentCaptions(sim.scenario, plan.t0_min, plan.clock), t, holdMin) : []);
      await source.add(i / plan.fps, 1 / plan.fps);
      const elapsed = (performance.now() - t0) / 1000;
      opts.onProgress?.({ frame: i + 1, frames: plan.frames, t_min: t, elapsed_s: elapsed, eta_s: (elapsed / (i + 1)) * (plan.frames - i - 1) });
    }
    source.close();
    await output.finalize();
  } catch (e) {
    if (output.state !== 'finalized' && output.state !== 'canceled') await output.cancel().catch(() => undefined);
    throw e;
  }
  const buf = output.target.buffer;
  if (!buf) throw new Error('the encoder produced no file');
  return { bytes: new Uint8Array(buf), mime: fmt.mime, ext: fmt.ext, codec, plan, wall_s: (performance.now() - t0) / 1000 };
}
