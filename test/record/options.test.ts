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

  it('says when the pace is not a whole number of steps per frame, with choices that work', () => {
    const p = problems(() => resolveRecordOptions({ fps: 30, seconds: 2, minutesPerSecond: 20 }, ctx));
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(
      /^minutesPerSecond: 20 simulated min per second at 30 frames\/s gives 0\.666667 min per frame, which must be a whole multiple of the scenario's step dt_min = 0\.5 min/,
    );
    expect(p[0]).toContain('e.g. 15, 30, 60, 75, 150, 300 min per second at 30 frames/s');
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
    expect(problems(() => resolveRecordOptions({ minutesPerSecond: 15 }, ctx))).toEqual([
      'length: give exactly one of minutes (simulated) or seconds (of video)',
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
    expect(p[0]).toMatch(
      /^length: the last frame would show t = 1199 min but the run ends at duration_min = 900 min \(starting at 300 min there is room for 601 frames = 20\.03 s/,
    );
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
  it('shows a caption from its start for the hold time only', () => {
    const caps = treatmentCaptions(sc, 300);
    expect(activeCaptions(caps, 359.5, 90)).toEqual([]);
    expect(activeCaptions(caps, 360, 90)).toHaveLength(1);
    expect(activeCaptions(caps, 449.5, 90)).toHaveLength(1);
    expect(activeCaptions(caps, 450, 90)).toEqual([]);
  });
});
