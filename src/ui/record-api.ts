// Why this file exists: the page API for videos, stills and plot figures (SandboxApp.record /
// still / figures), used by the record dialog (record-dialog.ts), `ferrowave record` (through
// headless chromium) and the tests alike. A recording starts from the current state (or branches
// from a checkpoint first), saves a checkpoint of that moment, frames the tissue as it is then
// (src/record/framing.ts), then steps the run frame by frame; on cancel or error the sandbox goes
// back to that checkpoint (state, plots, play/pause) as if nothing happened. After a finished
// recording the sandbox stays paused at the last frame's time.
import { resolveClock } from '../record/clock';
import { DEFAULT_MARGIN_PERCENT, framePlan, tissueFrame } from '../record/framing';
import { type AreaName, RecordOptionError, type RecordPlan, type RecordRequest, resolveRecordOptions } from '../record/options';
import { checkEncoder, type RecordProgress, type Recording, recordVideo } from '../record/recorder';
import { plotsSvg, type StillRequest, stillPng, svgToPng } from '../record/still';
import { VIEWS } from '../render/views';
import type { SandboxApp, SavedCheckpoint } from './app';
import { TRACE_VARS } from './trace-plots';

export interface PageRecordRequest extends RecordRequest {
  /** id of a saved checkpoint to branch from first (default: record from now) */
  fromCheckpoint?: number;
}

export interface PageRecordOptions {
  signal?: AbortSignal;
  onProgress?: (p: RecordProgress) => void;
  /** called once the options are checked and the tissue framed, before the first frame */
  onPlan?: (plan: RecordPlan) => void;
}

/** A still: as StillRequest (all optional), plus the framing and the clock as a video has them. */
export interface PageStillRequest extends Partial<Omit<StillRequest, 'clock'>> {
  /** without a region: 'tissue' (default) or 'lattice' */
  area?: AreaName;
  marginPercent?: number;
  /** as RecordRequest.clockFrom (default: the first treatment) */
  clockFrom?: string | number;
}

export interface RecordApi {
  /** record a video (see the file header); rejects with RecordOptionError before any work when an option is bad */
  record(req: PageRecordRequest, opts?: PageRecordOptions): Promise<Recording>;
  /** a PNG of the tissue now (or the lattice, or a region), with overlays (default: the live view, 1920 x 1080) */
  still(req?: PageStillRequest): Promise<Blob>;
  /** the live plots as an SVG figure (from the series) and a PNG of it */
  figures(meanVar?: string): Promise<{ svg: string; png: Blob }>;
  /** whether a recording is running */
  busy(): boolean;
  /** check a request against the run now (or the checkpoint it names) without recording: the plan, or RecordOptionError */
  preview(req: PageRecordRequest): RecordPlan;
}

/** The live view's id if videos and stills can show it, else the cell fate (drug views are the page's own, per scenario). */
export function recordableView(app: SandboxApp): string {
  const id = app.renderer.view.id;
  return VIEWS.some((v) => v.id === id) ? id : 'fate';
}

/** The page API over a started sandbox. */
export function createRecordApi(app: SandboxApp): RecordApi {
  const c = app.controller;
  let busy = false;
  const findCheckpoint = (id: number): SavedCheckpoint => {
    const cp = app.checkpoints.find((k) => k.id === id);
    if (!cp)
      throw new RecordOptionError([
        `fromCheckpoint: there is no checkpoint #${id}; saved: ${app.checkpoints.length ? app.checkpoints.map((k) => `#${k.id}`).join(', ') : 'none (save one first)'}`,
      ]);
    return cp;
  };
  const plan = (req: PageRecordRequest, t0_min: number): RecordPlan => {
    const { fromCheckpoint: _, ...rest } = req;
    return resolveRecordOptions(rest, {
      dt_min: c.sim.dt,
      t0_min,
      duration_min: c.scenario.duration_min,
      defaultView: recordableView(app),
      lattice: c.scenario.lattice,
      treatments: c.scenario.treatments,
    });
  };

  function preview(req: PageRecordRequest): RecordPlan {
    if (!c.sim) throw new Error('nothing is loaded yet');
    const from = req.fromCheckpoint === undefined ? null : findCheckpoint(req.fromCheckpoint);
    return plan(req, from ? from.t_min : c.sim.time());
  }

  async function record(req: PageRecordRequest, opts: PageRecordOptions = {}): Promise<Recording> {
    if (busy) throw new Error('a recording is already running');
    // every option checked (and the encoder asked) before anything changes
    await checkEncoder(preview(req));
    const from = req.fromCheckpoint === undefined ? null : findCheckpoint(req.fromCheckpoint);
    busy = true;
    const wasPlaying = c.playing;
    c.pause();
    let restore: SavedCheckpoint | null = null;
    try {
      if (from && !(await app.branch(from))) throw new Error(`could not branch from checkpoint #${from.id}`);
      // the moment the clip starts (the play loop has settled: checkpoint() waits for it)
      const cp = await c.checkpoint();
      restore = { ...cp, preset: '', plot: structuredClone(app.plot.series), traces: structuredClone(app.traces.series) };
      // the tissue as it is at the first frame decides the frame, for the whole clip
      const p = framePlan(plan(req, cp.t_min), c.sim.state.status, c.scenario.lattice);
      opts.onPlan?.(p);
      return await recordVideo(c, p, { signal: opts.signal, onProgress: opts.onProgress });
    } catch (e) {
      // cancelled or failed: back to the moment the clip started, playing again if it was
      if (restore) await app.branch(restore);
      if (wasPlaying && !from) c.play();
      throw e;
    } finally {
      busy = false;
    }
  }

  async function still(req: PageStillRequest = {}): Promise<Blob> {
    const { area = 'tissue', marginPercent = DEFAULT_MARGIN_PERCENT, clockFrom, ...rest } = req;
    const problems: string[] = [];
    const clock = resolveClock(clockFrom, c.scenario.treatments, problems);
    if (area !== 'tissue' && area !== 'lattice') problems.push(`area: "${String(area)}" is not offered; choose tissue or lattice (or give a region)`);
    if (problems.length) throw new RecordOptionError(problems);
    const wasPlaying = c.playing;
    c.pause();
    try {
      await c.step(0); // the workers are idle after this: the state is a whole step
      const width = rest.width ?? 1920;
      const height = rest.height ?? 1080;
      const region =
        rest.region ?? (area === 'tissue' ? (tissueFrame(c.sim.state.status, c.scenario.lattice, marginPercent, width / height) ?? undefined) : undefined);
      return await stillPng(c.sim.state, c.scenario, c.sim.time(), { view: recordableView(app), ...rest, width, height, region, clock });
    } finally {
      if (wasPlaying) c.play();
    }
  }

  async function figures(meanVar?: string): Promise<{ svg: string; png: Blob }> {
    const sel = document.getElementById('trace-var') as HTMLSelectElement | null;
    const name = meanVar ?? sel?.value ?? 'gsh';
    const v = TRACE_VARS.find((x) => x.name === name);
    if (!v) throw new Error(`meanVar: "${name}" is not plotted; variables: ${TRACE_VARS.map((x) => x.name).join(', ')}`);
    const svg = plotsSvg(app.plot.series, app.traces.series, v, c.scenario.name);
    return { svg, png: await svgToPng(svg) };
  }

  return { record, still, figures, busy: () => busy, preview };
}

/** The sites the live view shows now (clipped to the lattice), as a region. */
export function visibleSites(app: SandboxApp): { x: number; y: number; width: number; height: number } {
  const cam = app.renderer.camera();
  const { width: W, height: H } = app.controller.scenario.lattice;
  const sw = app.renderer.app.screen.width,
    sh = app.renderer.app.screen.height;
  const x0 = Math.max(0, Math.min(W - 1, Math.floor(-cam.x / cam.scale)));
  const y0 = Math.max(0, Math.min(H - 1, Math.floor(-cam.y / cam.scale)));
  const x1 = Math.max(x0 + 1, Math.min(W, Math.ceil((sw - cam.x) / cam.scale)));
  const y1 = Math.max(y0 + 1, Math.min(H, Math.ceil((sh - cam.y) / cam.scale)));
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}
