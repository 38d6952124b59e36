// Why this file exists: a video's pace in plain words ("1 s of video = 1.5 simulated h"), which
// paces work (each frame must show a whole number of the model's steps, so the pace goes in steps
// of dt_min x frames/s), and the default pace: the rest of the run fitted in the clip's length.
// Pure, so the record dialog, the page API and `ferrowave record` say and pick the same thing.

/** The smallest pace (simulated min per video second): one model step per frame. Every pace that works is a whole multiple of it. */
export function paceStep_min(dt_min: number, fps: number): number {
  return dt_min * fps;
}

/** A span of simulated time in plain units: "45 min", "1.5 h" (from 60 min on, hours). */
export function simSpan(min: number): string {
  return min >= 60 - 1e-9 ? `${+(min / 60).toPrecision(4)} h` : `${+min.toPrecision(4)} min`;
}

/** The pace in words: "1 s of video = 1.5 simulated h". */
export function paceWords(minutesPerSecond: number): string {
  const s = simSpan(minutesPerSecond);
  return `1 s of video = ${s.replace(/ (min|h)$/, ' simulated $1')}`;
}

/** Whether `mps` simulated min per video second is a whole number (>= 1) of paceStep_min (within the rounding of decimal inputs). */
export function paceWorks(mps: number, dt_min: number, fps: number): boolean {
  const k = mps / paceStep_min(dt_min, fps);
  return Number.isFinite(k) && Math.abs(k - Math.round(k)) < 1e-6 && Math.round(k) >= 1;
}

/** The paces that work just below and just above `mps` (the lower one is at least the smallest pace). */
export function nearestPaces(mps: number, dt_min: number, fps: number): { lower: number; upper: number } {
  const step = paceStep_min(dt_min, fps);
  const k = Math.max(1, Math.floor(mps / step + 1e-9));
  return { lower: k * step, upper: Math.max(k + 1, Math.ceil(mps / step - 1e-9)) * step };
}

/** Which paces work, in words: "at 30 frames/s, 1 s of video can show 15 min, 30 min, 45 min, 1 h, 1.25 h, ... of simulated time: ...". */
export function pacesAllowed(dt_min: number, fps: number): string {
  const step = paceStep_min(dt_min, fps);
  const first = [1, 2, 3, 4, 5].map((k) => simSpan(k * step)).join(', ');
  return (
    `at ${fps} frames/s, 1 s of video can show ${first}, ... of simulated time: ` +
    `any whole number times ${simSpan(step)}, so that each frame shows whole ${+dt_min.toPrecision(6)}-min steps of the model`
  );
}

/** The problem with a pace that does not work, in plain words with the nearest ones that do. */
export function paceProblem(mps: number, dt_min: number, fps: number): string {
  const { lower, upper } = nearestPaces(mps, dt_min, fps);
  return `pace: ${paceWords(mps)} does not work; the nearest paces that do are ${simSpan(lower)} and ${simSpan(upper)}. ${pacesAllowed(dt_min, fps).replace(/^a/, 'A')}`;
}

/**
 * The default pace: the simulated time from the first frame to the end of the run fitted in
 * `frames` frames, rounded down to a pace that works (so the last frame is at or before the end).
 * Null when even the smallest pace does not fit (too little of the run left for that many frames).
 */
export function fitPace(o: { dt_min: number; fps: number; frames: number; t0_min: number; duration_min: number }): number | null {
  const left = o.duration_min - o.t0_min;
  if (o.frames <= 1) return paceStep_min(o.dt_min, o.fps);
  const k = Math.floor(left / ((o.frames - 1) * o.dt_min) + 1e-9);
  return k >= 1 ? k * paceStep_min(o.dt_min, o.fps) : null;
}

/**
 * The pace for a clip given in simulated minutes without a pace: about `targetSeconds` of video,
 * picking the number of steps per frame nearest to that which divides the clip's steps exactly (so
 * the clip holds a whole number of frames). Null when the minutes are not whole model steps.
 */
export function paceForMinutes(minutes: number, o: { dt_min: number; fps: number; targetSeconds: number }): number | null {
  const n = Math.round(minutes / o.dt_min);
  if (n < 1 || Math.abs(n - minutes / o.dt_min) > 1e-6) return null;
  const want = Math.max(1, Math.round(n / (o.targetSeconds * o.fps)));
  for (let d = 0; ; d++) {
    for (const k of [want - d, want + d]) if (k >= 1 && k <= n && n % k === 0) return k * paceStep_min(o.dt_min, o.fps);
  }
}
