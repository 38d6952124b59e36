// Why this file exists: `ferrowave record`: a talk video from the command line, made by the very
// code the sandbox's record dialog runs. Options are checked in Node first (same rules as the
// page: src/record/options.ts; exit 2, nothing started), then the sandbox records in headless
// chromium (src/node/browser-recorder.ts) and the file is written atomically. A progress line
// goes to stderr. Without options the clip is 20 s of the whole run, framed on the tissue, its clock
// counting from the first treatment.
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type BrowserRecordJob, type RecordProgress, recordInBrowser } from '../node/browser-recorder';
import { clockText } from '../record/clock';
import { DEFAULT_SECONDS, type FormatName, FORMATS, type RecordRequest, RecordOptionError, resolveRecordOptions } from '../record/options';
import { paceWords } from '../record/pace';
import { probeWrite } from '../formats/atomic-fs';
import { fsReason } from '../formats/fs-reason';
import { cut, printable } from '../model/printable';
import { loadScenario } from './scenario-input';

export const RECORD_USAGE = `  ferrowave record <scenario.json | preset> --out FILE.webm|FILE.mp4 [--width W --height H | --resolution NAME]
                [--fps F] [--seconds S | --minutes M] [--minutes-per-second P | --hours-per-second P]
                [--clock-from first-treatment|start|AGENT|N] [--area tissue|lattice [--margin-percent M] | --region X,Y,W,H]
                [--codec vp9|h264|av1] [--view NAME] [--title TEXT] [--no-overlays] [--from-min T] [--seed N]
                [--set path=value ...] [--workers N] [--force] [--quiet]
                   a frame-exact video in headless chromium (CHROMIUM_PATH or /usr/bin/chromium), the same
                   file the sandbox's record dialog makes; WebM/VP9 (the default for .webm) is byte-identical
                   on a second run. Resolutions: 720p, 1080p (default), square-1024, square-2048, 4k.
                   Defaults: 20 s of video at 30 frames/s; the pace (1 s of video = P simulated min, or
                   P h with --hours-per-second) fits the run from --from-min to its end in that length;
                   the frame is the tissue (every cell and vessel at the first frame, a 10 % margin;
                   --area lattice for the whole lattice); the clock counts from the first treatment
                   ("6:05 h after erastin"; --clock-from start for t = 0, an agent, or a treatment's number).`;

export class RecordUsageError extends Error {}

export interface RecordJob extends BrowserRecordJob {
  out: string;
  quiet: boolean;
}

const num = (name: string, v: string | undefined): number | undefined => {
  if (v === undefined) return undefined;
  const x = Number(v);
  if (v.trim() === '' || !Number.isFinite(x)) throw new RecordUsageError(`--${name} must be a number, got "${v}"`);
  return x;
};

/** Parse and check everything (no browser, no server): throws RecordUsageError / RecordOptionError / ScenarioError. */
export function parseRecordArgs(args: string[]): RecordJob {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (e) {
    throw new RecordUsageError((e as Error).message);
  }
  const { values: v, positionals } = parsed;
  if (positionals.length !== 1) throw new RecordUsageError('record takes exactly one scenario (a .json file or a preset name)');
  if (!v.out) throw new RecordUsageError('record needs --out FILE.webm or FILE.mp4');
  const ext = extname(v.out).toLowerCase();
  if (ext !== '.webm' && ext !== '.mp4') throw new RecordUsageError(`--out: the file must end in .webm or .mp4, got "${v.out}"`);
  const codec = v.codec ?? (ext === '.webm' ? 'vp9' : 'h264');
  const format = `${ext.slice(1)}-${codec}` as FormatName;
  if (!Object.hasOwn(FORMATS, format))
    throw new RecordUsageError(`--codec: ${codec} cannot go in a ${ext} file; offered: ${Object.keys(FORMATS).join(', ')} (container-codec)`);
  const out = resolve(v.out);
  if (existsSync(out) && !v.force) throw new RecordUsageError(`--out: ${v.out} exists; pass --force to replace it`);
  try {
    probeWrite(out);
  } catch (e) {
    throw new RecordUsageError(`--out: cannot write ${out} (${fsReason(e)})`);
  }
  const workers = num('workers', v.workers) ?? 2;
  if (!Number.isInteger(workers) || workers < 1 || workers > 4) throw new RecordUsageError(`--workers must be 1 to 4 (the sandbox's range), got ${workers}`);
  const sc = loadScenario(positionals[0], { seed: v.seed, set: v.set });
  const dt = sc.numerics.dt_min;
  const fromMin = num('from-min', v['from-min']) ?? 0;
  const k = fromMin / dt;
  if (!(fromMin >= 0 && Math.abs(k - Math.round(k)) < 1e-6 && fromMin <= sc.duration_min)) {
    throw new RecordOptionError([
      `--from-min: the first frame's simulated time must be a multiple of dt_min = ${dt} min from 0 to duration_min = ${sc.duration_min}, got ${v['from-min']}`,
    ]);
  }
  if (v['minutes-per-second'] !== undefined && v['hours-per-second'] !== undefined)
    throw new RecordUsageError('give the pace once: --minutes-per-second or --hours-per-second, not both');
  const hps = num('hours-per-second', v['hours-per-second']);
  const request: RecordRequest = {
    fps: num('fps', v.fps) ?? 30,
    format,
    overlays: !v['no-overlays'],
    title: v.title ?? '',
  };
  if (v.resolution !== undefined) request.resolution = v.resolution;
  if (v.width !== undefined || v.height !== undefined) {
    request.width = num('width', v.width);
    request.height = num('height', v.height);
  }
  if (v.seconds !== undefined) request.seconds = num('seconds', v.seconds);
  if (v.minutes !== undefined) request.minutes = num('minutes', v.minutes);
  if (v['minutes-per-second'] !== undefined) request.minutesPerSecond = num('minutes-per-second', v['minutes-per-second']);
  if (hps !== undefined) request.minutesPerSecond = hps * 60;
  if (v.view !== undefined) request.view = v.view;
  if (v.area !== undefined) request.area = v.area;
  if (v['margin-percent'] !== undefined) request.marginPercent = num('margin-percent', v['margin-percent']);
  if (v['clock-from'] !== undefined) request.clockFrom = /^\d+$/.test(v['clock-from']) ? Number(v['clock-from']) : v['clock-from'];
  if (v.region !== undefined) {
    const parts = v.region.split(',').map((x) => Number(x));
    if (parts.length !== 4 || parts.some((x) => !Number.isInteger(x)))
      throw new RecordUsageError(`--region must be X,Y,W,H in whole sites (top-left site and size), got "${v.region}"`);
    request.region = { x: parts[0], y: parts[1], width: parts[2], height: parts[3] };
  }
  const plan = resolveRecordOptions(request, {
    dt_min: dt,
    t0_min: Math.round(k) * dt,
    duration_min: sc.duration_min,
    defaultView: 'fate',
    lattice: sc.lattice,
    treatments: sc.treatments,
  });
  return { scenario: sc, request, plan, out, fromMin: Math.round(k) * dt, workers, quiet: Boolean(v.quiet) };
}

function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      width: { type: 'string' },
      height: { type: 'string' },
      resolution: { type: 'string' },
      fps: { type: 'string' },
      seconds: { type: 'string' },
      minutes: { type: 'string' },
      'minutes-per-second': { type: 'string' },
      'hours-per-second': { type: 'string' },
      'clock-from': { type: 'string' },
      area: { type: 'string' },
      'margin-percent': { type: 'string' },
      codec: { type: 'string' },
      view: { type: 'string' },
      region: { type: 'string' },
      title: { type: 'string' },
      'no-overlays': { type: 'boolean' },
      'from-min': { type: 'string' },
      seed: { type: 'string' },
      set: { type: 'string', multiple: true },
      workers: { type: 'string' },
      force: { type: 'boolean' },
      quiet: { type: 'boolean' },
    },
  });
}

/** Run a checked job: record in the browser, write the file. Resolves with what was written. */
export async function recordCommand(job: RecordJob): Promise<{ out: string; bytes: number; wall_s: number; codec: string }> {
  const t0 = performance.now();
  const log = (s: string) => {
    if (!job.quiet) process.stderr.write(s);
  };
  const tty = Boolean(process.stderr.isTTY);
  let lastDecile = -1;
  let lastDraw = 0;
  const onProgress = (p: RecordProgress) => {
    const line = `[ferrowave] record: frame ${p.frame}/${p.frames} t=${p.t_min.toFixed(1)} min ${((100 * p.frame) / p.frames).toFixed(0)}% elapsed ${p.elapsed_s.toFixed(1)} s, ETA ${Number.isFinite(p.eta_s) ? p.eta_s.toFixed(1) : '?'} s`;
    if (tty) {
      const now = performance.now();
      if (now - lastDraw < 200 && p.frame < p.frames) return;
      lastDraw = now;
      log(`\r${line}\x1b[K`);
    } else {
      const d = Math.floor((10 * p.frame) / p.frames);
      if (d === lastDecile) return;
      lastDecile = d;
      log(`${line}\n`);
    }
  };
  const p = job.plan;
  log(
    `[ferrowave] record: ${p.frames} frames ${p.width} x ${p.height} at ${p.fps} frames/s, ${p.format}, t = ${p.t0_min}-${p.tEnd_min} min of ${printable(cut(job.scenario.name, 80))}\n` +
      `[ferrowave] record: ${paceWords(p.minutesPerSecond)}${p.paceFitted ? (job.request.minutes === undefined ? ' (fitted: the run to its end in the clip)' : ` (fitted: ${job.request.minutes} simulated min in about ${DEFAULT_SECONDS} s)`) : ''}; ` +
      `clock ${p.clock ? `from ${p.clock.name} at ${p.clock.from_min} min (first frame: ${clockText(p.t0_min, p.clock)})` : 'from t = 0'}\n`,
  );
  const { bytes, codec, region } = await recordInBrowser(job, { log, onProgress });
  log(
    `${tty ? '\n' : ''}[ferrowave] record: showed ${region ? `${region.width} x ${region.height} sites from site (${region.x}, ${region.y}) of the` : 'the whole'} ${job.scenario.lattice.width} x ${job.scenario.lattice.height}-site lattice${p.area !== 'tissue' ? '' : region ? ` (framed on the tissue at the first frame, ${p.marginPercent} % margin)` : ' (the tissue spans it)'}\n`,
  );
  const tmp = `${job.out}.part`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, job.out);
  const wall = (performance.now() - t0) / 1000;
  log(`[ferrowave] record: wrote ${job.out} (${(bytes.length / 1e6).toFixed(2)} MB, ${codec}) in ${wall.toFixed(1)} s\n`);
  return { out: job.out, bytes: bytes.length, wall_s: wall, codec };
}
