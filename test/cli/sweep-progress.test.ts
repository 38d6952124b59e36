// The sweep's progress: a bar redrawn in place on a terminal, plain lines every 10% elsewhere.
import { describe, expect, it } from 'vitest';
import { SweepProgress } from '../../src/cli/sweep-progress';

describe('sweep progress', () => {
  it('draws a bar with runs done, failures and ETA on a terminal', () => {
    const out: string[] = [];
    const p = new SweepProgress('demo', 4, 2, false, true, (s) => out.push(s));
    p.start();
    p.tick(true);
    p.finish('done');
    expect(out[0].endsWith('\u001b[K')).toBe(true);
    expect(out[0]).toMatch(/^\r\[ferrowave sweep\] demo: \[\.{24}\] 0\/4 runs \(\+2 already done\), 0 failed, 0\.0 runs\/s, elapsed \d+\.\d s, ETA \?/);
    expect(out.at(-2)).toMatch(
      /^\r\[ferrowave sweep\] demo: \[#{6}\.{18}\] 1\/4 runs \(\+2 already done\), 0 failed, [\d.]+ runs\/s, elapsed [\d.]+ s, ETA [\d.]+ s/,
    );
    expect(out.at(-1)).toBe('\n[ferrowave sweep] demo: done\n');
  });

  it('prints one plain line per 10% off a terminal, with failures counted', () => {
    const out: string[] = [];
    const p = new SweepProgress('demo', 20, 0, false, false, (s) => out.push(s));
    p.start();
    for (let i = 0; i < 20; i++) p.tick(i % 5 !== 0);
    expect(out).toHaveLength(11);
    expect(out.every((l) => l.endsWith('\n') && !l.includes('\r'))).toBe(true);
    expect(out[10]).toMatch(/^\[ferrowave sweep\] demo: 20\/20 runs, 4 failed, /);
  });

  it('is silent with --quiet', () => {
    const out: string[] = [];
    const p = new SweepProgress('demo', 2, 0, true, true, (s) => out.push(s));
    p.start();
    p.tick(false);
    p.finish('x');
    expect(out).toEqual([]);
  });
});
