// Recording options are checked before any work: each problem names the option, the value and
// what is allowed; the plan derived from good options (frames, steps per frame, times) is exact.
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../src/model/presets';
import { resolveScenario } from '../../src/model/scenario';
import { FERROWAVE_VERSION } from '../../src/model/version';
import { activeCaptions, treatmentCaptions } from '../../src/record/captions';
import { codecString, RecordOptionError, resolveRecordOptions } from '../../src/record/options';

const ctx = { dt_min: 0.5, t0_min: 300, duration_min: 900 };
const problems = (f: () => unknown): string[] => {
  try {
    f();
  } catch (e) {
    if (e instanceof RecordOptionError) return e.problems;
    throw e;
  }
  throw new Error('no error');
};

describe('record options', () => {
  it('turns a 20-s 1080p request into an exact plan', () => {
    const p = resolveRecordOptions({ resolution: '1080p', fps: 30, seconds: 20, minutesPerSecond: 30 }, ctx);
    expect(p).toMatchObject({
      width: 1920,
      height: 1080,
      frames: 600,
      seconds: 20,
      minutes: 600,
      minutesPerFrame: 1,
      stepsPerFrame: 2,
      format: 'webm-vp9',
      overlays: true,
      view: 'fate',
      t0_min: 300,
      tEnd_min: 899,
    });
    const q = resolveRecordOptions({ width: 640, height: 360, fps: 10, minutes: 60, minutesPerSecond: 20, view: 'ros' }, ctx);
    expect(q).toMatchObject({ frames: 30, seconds: 3, stepsPerFrame: 4, view: 'ros' });
  });

  it('says in plain words when a pace does not work, with the nearest ones that do', () => {
    const p = problems(() => resolveRecordOptions({ fps: 30, seconds: 2, minutesPerSecond: 20 }, ctx));
    expect(p).toEqual([
      'pace: 1 s of video = 20 simulated min does not work; the nearest paces that do are 15 min and 30 min. ' +
        'At 30 frames/s, 1 s of video can show 15 min, 30 min, 45 min, 1 h, 1.25 h, ... of simulated time: ' +
        'any whole number times 15 min, so that each frame shows whole 0.5-min steps of the model',
    ]);
    expect(problems(() => resolveRecordOptions({ seconds: 2, minutesPerSecond: -3 }, ctx))).toEqual([
      'pace: 1 s of video must show a simulated time > 0 min, got -3',
    ]);
  });

  it('fits the rest of the run in the clip when no pace is given (20 s unless told)', () => {
    // 600 frames from 300 to 900 min: (900 - 300) / 599 = 1.0017 min per frame -> 1 min (2 steps), 30 min per second
    expect(resolveRecordOptions({}, ctx)).toMatchObject({ seconds: 20, frames: 600, minutesPerSecond: 30, paceFitted: true, tEnd_min: 899 });
    // 10 s: 600 / 299 = 2.007 -> 2 min per frame
    expect(resolveRecordOptions({ seconds: 10 }, ctx)).toMatchObject({ frames: 300, minutesPerSecond: 60, tEnd_min: 898 });
    expect(resolveRecordOptions({ seconds: 20, minutesPerSecond: 15 }, ctx).paceFitted).toBe(false);
    // simulated minutes without a pace: about 20 s of video, a whole number of frames
    expect(resolveRecordOptions({ minutes: 300, fps: 10 }, ctx)).toMatchObject({ frames: 200, seconds: 20, minutesPerSecond: 15 });
    // too little run left even at one step per frame
    expect(problems(() => resolveRecordOptions({ seconds: 30 }, { ...ctx, t0_min: 890 }))).toEqual([
      'length: the run has 10 min left after t = 14:50 h (it ends at 15:00 h, duration_min = 900 min), too little for 30 s of video even at the slowest pace ' +
        '(1 s of video = 15 simulated min, one 0.5-min model step per frame): at most 0.7 s fit; shorten the clip or lengthen the scenario',
    ]);
  });

  it('frames the tissue and counts the clock from the first treatment by default', () => {
    const sc = resolveScenario(PRESETS['tumour-erastin'], FERROWAVE_VERSION);
    const c = { dt_min: sc.numerics.dt_min, t0_min: 1440, duration_min: sc.duration_min, lattice: sc.lattice, treatments: sc.treatments };
    const p = resolveRecordOptions({}, c);
    expect(p).toMatchObject({ area: 'tissue', marginPercent: 10, region: null, clock: { from_min: 1440, name: 'erastin', index: 0 } });
    // (3600 - 1440) / 599 / 0.5 = 7.2 -> 7 steps per frame: 1 s of video = 105 simulated min
    expect(p).toMatchObject({ minutesPerSecond: 105, stepsPerFrame: 7, tEnd_min: 3536.5 });
    expect(resolveRecordOptions({ clockFrom: 'start', area: 'lattice' }, c)).toMatchObject({ clock: null, area: 'lattice' });
    expect(resolveRecordOptions({ clockFrom: 'light-pulse' }, c).clock).toEqual({ from_min: 1800, name: 'light pulse', index: 1 });
    expect(resolveRecordOptions({ clockFrom: 1 }, c).clock?.from_min).toBe(1800);
    expect(resolveRecordOptions({ region: { x: 0, y: 0, width: 10, height: 10 } }, c).area).toBe('region');
    expect(problems(() => resolveRecordOptions({ clockFrom: 'rsl3', area: 'dish', marginPercent: 200 }, c))).toEqual([
      'area: "dish" is not offered; choose tissue or lattice (or give a region)',
      'marginPercent: the margin around the tissue must be from 0 to 100 % of its size, got 200',
      'clockFrom: the clock counts from "start" (t = 0), "first-treatment" (the default), an agent of the scenario or a treatment\'s number; ' +
        'treatments: 0 = erastin at 24:00 h, 1 = light-pulse at 30:00 h; got "rsl3"',
    ]);
  });

  it('lists every bad option at once, naming the allowed values', () => {
    const p = problems(() =>
      resolveRecordOptions({ resolution: '8k', fps: 0, format: 'avi', view: 'nope', seconds: 1, minutesPerSecond: 15, colour: 1 } as never, ctx),
    );
    expect(p.join('\n')).toContain('unknown option "colour"');
    expect(p.join('\n')).toContain('resolution: "8k" is not offered; choose one of 720p, 1080p, square-1024, square-2048, 4k');
    expect(p.join('\n')).toContain('fps: must be a whole number of frames per second from 1 to 60, got 0');
    expect(p.join('\n')).toContain('format: "avi" is not offered; choose one of webm-vp9, mp4-h264, webm-av1, mp4-av1');
    expect(p.join('\n')).toMatch(/view: "nope" is not a view; views: fate, ros, /);
    expect(problems(() => resolveRecordOptions({ width: 641, height: 5000, seconds: 1, minutesPerSecond: 15 }, ctx))).toEqual([
      'width: must be an even whole number of pixels from 16 to 4096, got 641',
      'height: must be an even whole number of pixels from 16 to 4096, got 5000',
    ]);
    expect(problems(() => resolveRecordOptions({ minutesPerSecond: 15, minutes: 30, seconds: 2 }, ctx))).toEqual([
      'length: give either minutes (simulated) or seconds (of video), not both',
    ]);
  });

  it('checks a region of sites against the lattice', () => {
    const lattice = { width: 400, height: 40 };
    expect(resolveRecordOptions({ seconds: 1, minutesPerSecond: 15, region: { x: 100, y: 0, width: 100, height: 40 } }, { ...ctx, lattice }).region).toEqual({
      x: 100,
      y: 0,
      width: 100,
      height: 40,
    });
    expect(
      problems(() => resolveRecordOptions({ seconds: 1, minutesPerSecond: 15, region: { x: 350, y: 0, width: 100, height: 40 } }, { ...ctx, lattice })),
    ).toEqual([
      'region: must be whole sites x, y >= 0 and width, height >= 1 inside the lattice (400 x 40 sites), got {"x":350,"y":0,"width":100,"height":40}',
    ]);
  });

  it('refuses a clip that runs past the end of the scenario, saying how much fits', () => {
    const p = problems(() => resolveRecordOptions({ fps: 30, seconds: 30, minutesPerSecond: 30 }, ctx));
    expect(p).toEqual([
      'length: the last frame would show t = 19:59 h but the run ends at 15:00 h (duration_min = 900 min); from t = 5:00 h at 1 s of video = 30 simulated min ' +
        'there is room for 601 frames = 20.03 s; shorten the clip, give no pace (it then fits the rest of the run) or lengthen the scenario',
    ]);
  });

  it('picks codec strings whose level allows the frame size', () => {
    expect(codecString('mp4-h264', 1280, 720)).toBe('avc1.64001f');
    expect(codecString('mp4-h264', 1920, 1080)).toBe('avc1.640028');
    expect(codecString('mp4-h264', 3840, 2160)).toBe('avc1.640033');
    expect(codecString('webm-vp9', 1920, 1080)).toBe('vp09.00.41.08');
    expect(codecString('webm-av1', 3840, 2160)).toBe('av01.0.13M.08');
  });
});

describe('treatment captions', () => {
  const sc = resolveScenario(PRESETS['primed-light-pulse'], FERROWAVE_VERSION);
  it('words each treatment with its dose, unit and time', () => {
    expect(treatmentCaptions(sc, 0).map((c) => c.text)).toEqual([
      't = 0:00 h: erastin 10 uM',
      't = 6:00 h: light pulse (local ROS burst) dose 30 a.u. (disc r 100 um)',
    ]);
    // a clip that starts after erastin was added only captions the pulse
    expect(treatmentCaptions(sc, 300).map((c) => c.start_min)).toEqual([360]);
  });
  it('times captions by the clock when it counts from a treatment', () => {
    expect(treatmentCaptions(sc, 0, { from_min: 0, name: 'erastin', index: 0 }).map((c) => c.text)).toEqual([
      '0:00 h after erastin: erastin 10 uM',
      '6:00 h after erastin: light pulse (local ROS burst) dose 30 a.u. (disc r 100 um)',
    ]);
    expect(treatmentCaptions(sc, 0, { from_min: 360, name: 'light pulse', index: 1 })[0].text).toBe('6:00 h before light pulse: erastin 10 uM');
  });
  it('shows a caption from its start for the hold time only', () => {
    const caps = treatmentCaptions(sc, 300);
    expect(activeCaptions(caps, 359.5, 90)).toEqual([]);
    expect(activeCaptions(caps, 360, 90)).toHaveLength(1);
    expect(activeCaptions(caps, 449.5, 90)).toHaveLength(1);
    expect(activeCaptions(caps, 450, 90)).toEqual([]);
  });
});
