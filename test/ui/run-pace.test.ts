// The page's default pace: each scenario starts at the steps per frame that play it to its end in
// about a minute at 60 frames/s (the first-minute promise), and the pace reads in plain words.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAY_S, defaultSpeed, paceText } from '../../src/ui/run-controls';

describe('the default pace', () => {
  it('plays the first-screen ring wave (24 h at 0.5 min) in about a minute at 60 frames/s', () => {
    const steps = (24 * 60) / 0.5;
    const n = defaultSpeed(steps);
    expect(n).toBe(1);
    const wall = steps / (n * 60);
    expect(wall).toBeGreaterThan(0.6 * DEFAULT_PLAY_S);
    expect(wall).toBeLessThan(1.5 * DEFAULT_PLAY_S);
  });

  it('speeds long runs up, within the slider (1-50 steps per frame)', () => {
    expect(defaultSpeed((7 * 24 * 60) / 0.5)).toBe(6); // a week: 20160 steps in ~56 s
    expect(defaultSpeed(1e9)).toBe(50);
    expect(defaultSpeed(10)).toBe(1);
  });

  it('says the pace as simulated time per second', () => {
    expect(paceText(1, 0.5)).toBe('30 min/s');
    expect(paceText(10, 0.5)).toBe('5 h/s');
    expect(paceText(3, 0.25)).toBe('45 min/s');
  });
});
