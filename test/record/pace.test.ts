// The pace in plain words and its default: which paces work (whole model steps per frame), the
// nearest ones to a pace that does not, and the rest of the run fitted in the clip's length.
import { describe, expect, it } from 'vitest';
import { fitPace, nearestPaces, paceForMinutes, pacesAllowed, paceStep_min, paceWords, paceWorks, simSpan } from '../../src/record/pace';

describe('the pace in words', () => {
  it('says 1 s of video = N simulated min, or h from an hour on', () => {
    expect(paceWords(15)).toBe('1 s of video = 15 simulated min');
    expect(paceWords(90)).toBe('1 s of video = 1.5 simulated h');
    expect(paceWords(60)).toBe('1 s of video = 1 simulated h');
    expect(paceWords(105)).toBe('1 s of video = 1.75 simulated h');
    expect(simSpan(2.5)).toBe('2.5 min');
    expect(simSpan(240)).toBe('4 h');
  });

  it('lists the paces that work at a frame rate, and the nearest to one that does not', () => {
    expect(paceStep_min(0.5, 30)).toBe(15);
    expect(pacesAllowed(0.5, 10)).toBe(
      'at 10 frames/s, 1 s of video can show 5 min, 10 min, 15 min, 20 min, 25 min, ... of simulated time: any whole number times 5 min, so that each frame shows whole 0.5-min steps of the model',
    );
    expect(paceWorks(45, 0.5, 30)).toBe(true);
    expect(paceWorks(0.3 * 3 * 50, 0.5, 30)).toBe(true); // 45 from decimal arithmetic
    expect(paceWorks(20, 0.5, 30)).toBe(false);
    expect(paceWorks(0, 0.5, 30)).toBe(false);
    expect(nearestPaces(20, 0.5, 30)).toEqual({ lower: 15, upper: 30 });
    expect(nearestPaces(3, 0.5, 30)).toEqual({ lower: 15, upper: 30 });
    expect(nearestPaces(100, 0.5, 30)).toEqual({ lower: 90, upper: 105 });
  });
});

describe('the default pace', () => {
  it('fits the rest of the run in the clip, rounded down so the last frame is within the run', () => {
    // tumour-erastin from 24 h: 2160 min in 600 frames -> 3.5 min per frame, 105 min per second
    expect(fitPace({ dt_min: 0.5, fps: 30, frames: 600, t0_min: 1440, duration_min: 3600 })).toBe(105);
    // from t = 0: 3600 / 599 = 6.01 min per frame -> 6 (180 min per second = 3 h)
    expect(fitPace({ dt_min: 0.5, fps: 30, frames: 600, t0_min: 0, duration_min: 3600 })).toBe(180);
    // an exact fit stays exact: 599 frames after the first, 1 min each
    expect(fitPace({ dt_min: 0.5, fps: 30, frames: 600, t0_min: 0, duration_min: 599 })).toBe(30);
    // not enough run for one step per frame
    expect(fitPace({ dt_min: 0.5, fps: 30, frames: 600, t0_min: 0, duration_min: 200 })).toBeNull();
    expect(fitPace({ dt_min: 0.5, fps: 30, frames: 1, t0_min: 100, duration_min: 100 })).toBe(15);
  });

  it('fits a clip given in simulated minutes into about 20 s with whole frames', () => {
    // 600 min = 1200 steps; 20 s at 30 frames/s = 600 frames -> 2 steps per frame
    expect(paceForMinutes(600, { dt_min: 0.5, fps: 30, targetSeconds: 20 })).toBe(30);
    // 35 min = 70 steps; 20 s would want 0.1 step per frame -> 1 step per frame (70 frames)
    expect(paceForMinutes(35, { dt_min: 0.5, fps: 30, targetSeconds: 20 })).toBe(15);
    // 1001 steps (7 x 11 x 13): 600 frames want 1.67 -> 1 divides it
    expect(paceForMinutes(500.5, { dt_min: 0.5, fps: 30, targetSeconds: 20 })).toBe(15);
    // 7 x 11 x 13 x 4 = 4004 steps want 6.67 per frame: 7 is the nearest divisor
    expect(paceForMinutes(2002, { dt_min: 0.5, fps: 30, targetSeconds: 20 })).toBe(7 * 15);
    expect(paceForMinutes(10.25, { dt_min: 0.5, fps: 30, targetSeconds: 20 })).toBeNull();
  });
});
