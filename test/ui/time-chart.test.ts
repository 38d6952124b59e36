// The charts' pieces that need no browser: the mirror copies only the samples added since the
// last redraw into the same arrays (and starts over when the source is reset or replaced), gaps
// become null; the time ticks read in hours and the y ticks and legend values are short, with units.
import { describe, expect, it } from 'vitest';
import { SeriesMirror } from '../../src/ui/series-mirror';
import { timeTicks, valueText, yTick } from '../../src/ui/time-chart';

describe('series mirror', () => {
  it('appends new samples to the same arrays, with gaps as null', () => {
    const t = [0, 5];
    const y: Array<number | null> = [1, Number.NaN];
    const m = new SeriesMirror(1);
    const [ct, cy] = m.columns;
    expect(m.sync([t, y])).toBe(true);
    expect(m.columns).toEqual([
      [0, 5],
      [1, null],
    ]);
    expect(m.sync([t, y])).toBe(false); // nothing new: no redraw
    t.push(10);
    y.push(null);
    t.push(15);
    y.push(4);
    expect(m.sync([t, y])).toBe(true);
    expect(m.columns[0]).toBe(ct);
    expect(m.columns[1]).toBe(cy);
    expect(m.columns).toEqual([
      [0, 5, 10, 15],
      [1, null, null, 4],
    ]);
    expect(m.length).toBe(4);
  });

  it('starts over when the source shrank, was rewritten or is another array', () => {
    const t = [0, 5, 10];
    const y = [1, 2, 3];
    const m = new SeriesMirror(1);
    m.sync([t, y]);
    t.length = 1; // a reset
    y.length = 1;
    expect(m.sync([t, y])).toBe(true);
    expect(m.columns).toEqual([[0], [1]]);
    t.unshift(-5); // samples put before (a replayed history)
    y.unshift(9);
    expect(m.sync([t, y])).toBe(true);
    expect(m.columns).toEqual([
      [-5, 0],
      [9, 1],
    ]);
    const other = [7, 8]; // another variable chosen
    expect(m.sync([t, other])).toBe(true);
    expect(m.columns[1]).toEqual([7, 8]);
    m.reset();
    expect(m.length).toBe(0);
    expect(() => m.sync([t])).toThrow('a mirror of 2 columns got 1');
  });
});

describe('chart labels', () => {
  it('reads time in hours, y ticks short, values with units', () => {
    expect(timeTicks([0, 360, 720])).toEqual(['0 h', '6 h', '12 h']);
    expect(timeTicks([0, 30, 60, 90])).toEqual(['0:00 h', '0:30 h', '1:00 h', '1:30 h']);
    expect([0, 2500, 150000, 2e6, 0.5, 0.002].map(yTick)).toEqual(['0', '2500', '150k', '2M', '0.5', '2e-3']);
    expect(valueText(139077, '', 'count')).toBe('139077');
    expect(valueText(244.8123, 'uM')).toBe('244.8 uM');
    expect(valueText(null, 'um')).toBe('–');
    expect(valueText(Number.NaN, 'uM')).toBe('–');
  });
});
