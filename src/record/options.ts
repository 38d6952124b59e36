// Why this file exists: a recording's options, checked before any work starts (the dialog, the
// page API and the CLI all call resolveRecordOptions first). Every problem names the option, the
// value given and what is allowed, so a typo never costs a half-encoded video. Pure: no DOM, no
// Node, so the CLI validates in Node with the same rules the page applies. The pace, the clock and
// the framing have their own files (pace.ts, clock.ts, framing.ts); this one puts them together.
import type { Treatment } from '../model/scenario';
import { formatClock } from '../render/overlays';
import { VIEWS } from '../render/views';
import { type ClockRef, resolveClock } from './clock';
import { DEFAULT_MARGIN_PERCENT } from './framing';
import { fitPace, paceForMinutes, paceProblem, paceStep_min, paceWords, paceWorks, simSpan } from './pace';

/** Frame sizes offered by name (pixels, width x height). */
export const RESOLUTIONS = {
  '720p': { width: 1280, height: 720 },
  '1080p': { width: 1920, height: 1080 },
  'square-1024': { width: 1024, height: 1024 },
  'square-2048': { width: 2048, height: 2048 },
  '4k': { width: 3840, height: 2160 },
} as const;
export type ResolutionName = keyof typeof RESOLUTIONS;

/** Container + codec choices: the file extension and mediabunny's codec id. */
export const FORMATS = {
  'webm-vp9': { container: 'webm', codec: 'vp9', ext: '.webm', mime: 'video/webm' },
  'mp4-h264': { container: 'mp4', codec: 'avc', ext: '.mp4', mime: 'video/mp4' },
  'webm-av1': { container: 'webm', codec: 'av1', ext: '.webm', mime: 'video/webm' },
  'mp4-av1': { container: 'mp4', codec: 'av1', ext: '.mp4', mime: 'video/mp4' },
} as const;
export type FormatName = keyof typeof FORMATS;

/** Largest frame side (pixels); stills share it. */
export const MAX_SIDE = 4096;
/** Most frames one recording may hold (about 33 min at 60 frames/s). */
export const MAX_FRAMES = 120_000;
/** The clip's length in video seconds when neither seconds nor minutes are given. */
export const DEFAULT_SECONDS = 20;

/** What the frame shows when no region is given: the tissue with a margin, or the whole lattice. */
export const AREAS = ['tissue', 'lattice'] as const;
export type AreaName = (typeof AREAS)[number];

/** What the caller asks for; everything is optional. */
export interface RecordRequest {
  /** a named size; or give width and height */
  resolution?: ResolutionName | string;
  width?: number;
  height?: number;
  /** frames per video second (default 30) */
  fps?: number;
  /** length of the clip in simulated minutes (or give seconds) */
  minutes?: number;
  /** length of the clip in video seconds (or give minutes; default DEFAULT_SECONDS) */
  seconds?: number;
  /**
   * the pace: simulated minutes per video second. Default: the rest of the run (from the first
   * frame to duration_min) fitted in the clip's seconds, rounded down to a pace that works; with
   * `minutes` instead, those minutes in about DEFAULT_SECONDS.
   */
  minutesPerSecond?: number;
  /** container + codec (default webm-vp9: byte-identical across runs) */
  format?: FormatName | string;
  /** title, clock, scale bar, legend and treatment captions (default true) */
  overlays?: boolean;
  title?: string;
  /** view id (VIEWS): 'fate', 'ros', ...; default the live view */
  view?: string;
  /** video seconds a treatment's caption stays up (default 3) */
  captionSeconds?: number;
  /** a rectangle of sites to show (default: the `area`) */
  region?: SiteRect;
  /** without a region: 'tissue' (default: every non-empty site at the first frame, with a margin) or 'lattice' */
  area?: AreaName | string;
  /** the margin around the tissue, in percent of its larger side (default 10) */
  marginPercent?: number;
  /** what the clock counts from: 'first-treatment' (default), 'start' (t = 0), an agent id (its first treatment) or a treatment's index */
  clockFrom?: string | number;
}

/** A rectangle of sites: top-left site (x, y) and size, in sites. */
export interface SiteRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A checked request, with everything derived from it. */
export interface RecordPlan {
  width: number;
  height: number;
  fps: number;
  frames: number;
  seconds: number;
  minutes: number;
  minutesPerSecond: number;
  /** true when the pace was not given and was fitted (see RecordRequest.minutesPerSecond) */
  paceFitted: boolean;
  minutesPerFrame: number;
  stepsPerFrame: number;
  format: FormatName;
  overlays: boolean;
  title: string;
  view: string;
  captionSeconds: number;
  /** the sites shown (null: the whole lattice; with area 'tissue' the page fills it in at the first frame) */
  region: SiteRect | null;
  /** 'region' when a region was given */
  area: AreaName | 'region';
  marginPercent: number;
  /** what the clock counts from (null: t = 0) */
  clock: ClockRef | null;
  /** simulated time of the first frame and of the last one, min */
  t0_min: number;
  tEnd_min: number;
}

/** The run the recording starts from. */
export interface RecordContext {
  dt_min: number;
  /** simulated time the first frame shows (now, or the checkpoint's time) */
  t0_min: number;
  duration_min: number;
  /** the view used when the request names none */
  defaultView?: string;
  /** the lattice (sites), to check a region against */
  lattice?: { width: number; height: number };
  /** the scenario's treatments, for the clock (none: the clock counts from t = 0) */
  treatments?: readonly Treatment[];
}

export class RecordOptionError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'RecordOptionError';
  }
}

const EPS = 1e-9;
const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** Check a request against the run it starts from; throws RecordOptionError listing every problem. */
export function resolveRecordOptions(req: RecordRequest, ctx: RecordContext): RecordPlan {
  const p: string[] = [];
  const known = new Set([
    'resolution',
    'width',
    'height',
    'fps',
    'minutes',
    'seconds',
    'minutesPerSecond',
    'format',
    'overlays',
    'title',
    'view',
    'captionSeconds',
    'region',
    'area',
    'marginPercent',
    'clockFrom',
  ]);
  for (const k of Object.keys(req)) if (!known.has(k)) p.push(`unknown option "${k}"; options: ${[...known].join(', ')}`);

  // --- frame size
  let width = 0,
    height = 0;
  if (req.resolution !== undefined) {
    const r = Object.hasOwn(RESOLUTIONS, req.resolution) ? RESOLUTIONS[req.resolution as ResolutionName] : undefined;
    if (!r) p.push(`resolution: "${req.resolution}" is not offered; choose one of ${Object.keys(RESOLUTIONS).join(', ')} (or give width and height)`);
    else ({ width, height } = r);
    if (req.width !== undefined || req.height !== undefined) p.push('resolution: give either a resolution name or width and height, not both');
  } else if (req.width === undefined && req.height === undefined) {
    ({ width, height } = RESOLUTIONS['1080p']);
  } else {
    for (const [k, v] of [
      ['width', req.width],
      ['height', req.height],
    ] as const) {
      if (!(isNum(v) && Number.isInteger(v) && v >= 16 && v <= MAX_SIDE && v % 2 === 0))
        p.push(`${k}: must be an even whole number of pixels from 16 to ${MAX_SIDE}, got ${String(v)}`);
    }
    width = Number(req.width);
    height = Number(req.height);
  }

  // --- pace and length (the pace's problems in plain words: pace.ts)
  const fps = req.fps ?? 30;
  const fpsOk = isNum(fps) && Number.isInteger(fps) && fps >= 1 && fps <= 60;
  if (!fpsOk) p.push(`fps: must be a whole number of frames per second from 1 to 60, got ${String(req.fps)}`);
  const dt = ctx.dt_min;
  const t0 = ctx.t0_min;
  const given = req.minutesPerSecond;
  let mps = Number.NaN;
  if (given !== undefined) {
    if (!(isNum(given) && given > 0)) p.push(`pace: 1 s of video must show a simulated time > 0 min, got ${String(given)}`);
    else if (fpsOk && !paceWorks(given, dt, fps)) p.push(paceProblem(given, dt, fps));
    else mps = given;
  }
  const haveMin = req.minutes !== undefined,
    haveSec = req.seconds !== undefined;
  let seconds = Number.NaN;
  let frames = 0;
  const wholeFrames = (s: number) => {
    frames = Math.round(s * fps);
    if (Math.abs(frames - s * fps) > 1e-6) {
      p.push(
        `length: ${+s.toPrecision(6)} s at ${fps} frames/s is not a whole number of frames; choose a length of a whole number of frames (${frames} frames = ${+(frames / fps).toPrecision(6)} s)`,
      );
      frames = 0;
    } else if (frames < 1) p.push('length: the clip must hold at least one frame');
    else if (frames > MAX_FRAMES) p.push(`length: ${frames} frames is more than the ${MAX_FRAMES} allowed`);
  };
  if (haveMin && haveSec) p.push('length: give either minutes (simulated) or seconds (of video), not both');
  else if (haveMin) {
    const m = req.minutes;
    if (!(isNum(m) && m > 0)) p.push(`minutes: must be a number of simulated minutes > 0, got ${String(m)}`);
    else if (fpsOk && given === undefined) {
      const fitted = paceForMinutes(m, { dt_min: dt, fps, targetSeconds: DEFAULT_SECONDS });
      if (fitted === null) p.push(`minutes: ${m} simulated min is not a whole number of the model's ${dt}-min steps`);
      else mps = fitted;
    }
    if (isNum(m) && m > 0 && Number.isFinite(mps)) seconds = m / mps;
  } else {
    const s = haveSec ? req.seconds : DEFAULT_SECONDS;
    if (!(isNum(s) && s > 0)) p.push(`seconds: must be a number > 0, got ${String(req.seconds)}`);
    else seconds = s;
  }
  if (Number.isFinite(seconds) && fpsOk) wholeFrames(seconds);
  // the default pace: the rest of the run in the clip's length
  if (frames >= 1 && given === undefined && !haveMin) {
    const fitted = fitPace({ dt_min: dt, fps, frames, t0_min: t0, duration_min: ctx.duration_min });
    if (fitted === null) {
      const room = Math.floor((ctx.duration_min - t0) / dt + EPS) + 1;
      p.push(
        `length: the run has ${simSpan(ctx.duration_min - t0)} left after t = ${formatClock(t0)} (it ends at ${formatClock(ctx.duration_min)}, duration_min = ${ctx.duration_min} min), ` +
          `too little for ${+(frames / fps).toFixed(2)} s of video even at the slowest pace (${paceWords(paceStep_min(dt, fps))}, one ${dt}-min model step per frame): ` +
          `at most ${+(room / fps).toFixed(2)} s fit; shorten the clip or lengthen the scenario`,
      );
    } else mps = fitted;
  }
  const minutesPerFrame = mps / fps;
  const tEnd = t0 + (frames - 1) * minutesPerFrame;
  if (frames >= 1 && Number.isFinite(tEnd) && tEnd > ctx.duration_min + EPS) {
    const room = Math.floor((ctx.duration_min - t0) / minutesPerFrame + EPS) + 1;
    p.push(
      `length: the last frame would show t = ${formatClock(tEnd)} but the run ends at ${formatClock(ctx.duration_min)} (duration_min = ${ctx.duration_min} min); ` +
        `from t = ${formatClock(t0)} at ${paceWords(mps)} there is room for ${room} frames = ${+(room / fps).toFixed(2)} s; shorten the clip, ` +
        `give no pace (it then fits the rest of the run) or lengthen the scenario`,
    );
  }

  // --- format, overlays, text
  const format = (req.format ?? 'webm-vp9') as FormatName;
  if (!Object.hasOwn(FORMATS, format)) p.push(`format: "${req.format}" is not offered; choose one of ${Object.keys(FORMATS).join(', ')}`);
  if (req.overlays !== undefined && typeof req.overlays !== 'boolean') p.push(`overlays: must be true or false, got ${String(req.overlays)}`);
  const title = req.title ?? '';
  if (typeof title !== 'string' || title.length > 120) p.push('title: must be text of at most 120 characters');
  const view = req.view ?? ctx.defaultView ?? 'fate';
  if (!VIEWS.some((v) => v.id === view)) p.push(`view: "${view}" is not a view; views: ${VIEWS.map((v) => v.id).join(', ')}`);
  const captionSeconds = req.captionSeconds ?? 3;
  if (!(isNum(captionSeconds) && captionSeconds >= 0 && captionSeconds <= 60))
    p.push(`captionSeconds: must be from 0 to 60 s, got ${String(req.captionSeconds)}`);

  const region = req.region ?? null;
  const area = req.area ?? 'tissue';
  if (!(AREAS as readonly unknown[]).includes(area)) p.push(`area: "${String(area)}" is not offered; choose ${AREAS.join(' or ')} (or give a region)`);
  if (region && req.area !== undefined) p.push('area: give either an area or a region, not both');
  const marginPercent = req.marginPercent ?? DEFAULT_MARGIN_PERCENT;
  if (!(isNum(marginPercent) && marginPercent >= 0 && marginPercent <= 100))
    p.push(`marginPercent: the margin around the tissue must be from 0 to 100 % of its size, got ${String(req.marginPercent)}`);
  const clock = resolveClock(req.clockFrom, ctx.treatments ?? [], p);
  if (region) {
    const L = ctx.lattice;
    const ints = [region.x, region.y, region.width, region.height].every((v) => isNum(v) && Number.isInteger(v));
    if (
      !ints ||
      region.x < 0 ||
      region.y < 0 ||
      region.width < 1 ||
      region.height < 1 ||
      (L && (region.x + region.width > L.width || region.y + region.height > L.height))
    ) {
      p.push(
        `region: must be whole sites x, y >= 0 and width, height >= 1 inside the lattice${L ? ` (${L.width} x ${L.height} sites)` : ''}, got ${JSON.stringify(region)}`,
      );
    }
  }

  if (p.length) throw new RecordOptionError(p);
  return {
    width,
    height,
    fps,
    frames,
    seconds: frames / fps,
    minutes: frames * minutesPerFrame,
    minutesPerSecond: mps,
    paceFitted: given === undefined,
    minutesPerFrame,
    stepsPerFrame: Math.round(minutesPerFrame / dt),
    format,
    overlays: req.overlays ?? true,
    title,
    view,
    captionSeconds,
    region: region ? { x: region.x, y: region.y, width: region.width, height: region.height } : null,
    area: region ? 'region' : (area as AreaName),
    marginPercent,
    clock,
    t0_min: t0,
    tEnd_min: tEnd,
  };
}

/**
 * The WebCodecs codec string for a format at a frame size: the profile and level that allow it
 * (H.264 High 3.1 / 4.0 / 5.1, VP9 profile 0 levels 3.1 / 4.1 / 5.1, AV1 main levels 4.0 / 5.1, 8 bit).
 */
export function codecString(format: FormatName, width: number, height: number): string {
  const px = width * height;
  const codec = FORMATS[format].codec;
  if (codec === 'avc') return px <= 1280 * 720 ? 'avc1.64001f' : px <= 2048 * 1088 ? 'avc1.640028' : 'avc1.640033';
  if (codec === 'vp9') return px <= 1280 * 720 ? 'vp09.00.31.08' : px <= 2048 * 1088 ? 'vp09.00.41.08' : 'vp09.00.51.08';
  return px <= 2048 * 1152 ? 'av01.0.08M.08' : 'av01.0.13M.08';
}

/** Bits per second for a frame size and rate: 0.08 bit per pixel per frame, 1-40 Mbit/s. */
export function bitrateFor(plan: { width: number; height: number; fps: number }): number {
  return Math.round(Math.min(40e6, Math.max(1e6, plan.width * plan.height * plan.fps * 0.08)));
}
