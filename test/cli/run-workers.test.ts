// One seed, one result, as a user gets it: `ferrowave run` of the same scenario on 0, 1, 2 and 3
// workers writes the same timeseries.csv, byte for byte, and the same results in summary.json (the
// samples are summed by rows on the workers: src/analysis/sample-rows.ts), with a pulse and
// without one (the front then measured from the first cell that committed). Odd lattice heights,
// so the bands are uneven.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = join(import.meta.dirname, '../../bin/ferrowave.mjs');
const dir = mkdtempSync(join(tmpdir(), 'ferrowave-run-workers-'));

/** A primed dish with spontaneous bursts (the first within the first hour), with a light pulse at its left edge at 6 h or without (then the front is measured from the first committed cell). */
const dish = (pulse: boolean) => ({
  name: 'workers',
  seed: 5,
  lattice: { width: 263, height: 37, site_um: 20 },
  duration_min: 560,
  treatments: [
    { agent: 'erastin', uM: 10, start_min: 0 },
    ...(pulse ? [{ agent: 'light-pulse', dose: 30, start_min: 360, end_min: 370, region: { disc: { x_um: 0, y_um: 370, r_um: 100 } } }] : []),
  ],
});

/** timeseries.csv and summary.json's results of `ferrowave run` of `scenario` on `workers` workers. */
function run(scenario: object, workers: number): { ts: string; results: string } {
  const file = join(dir, 'scenario.json');
  writeFileSync(file, JSON.stringify(scenario));
  const out = join(dir, `run-${workers}`);
  const r = spawnSync(process.execPath, [bin, 'run', file, '--out', out, '--workers', String(workers), '--quiet', '--force'], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(r.status, r.stderr).toBe(0);
  const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
  expect(summary.run_info.workers).toBe(workers);
  return { ts: readFileSync(join(out, 'timeseries.csv'), 'utf8'), results: JSON.stringify(summary.results) };
}

describe('ferrowave run on any number of workers', () => {
  it('writes the same timeseries.csv and results with a pulse (0, 1, 2, 3 workers)', () => {
    const sc = dish(true);
    const ref = run(sc, 1);
    // most of the dish died, so the counts, the means and the front moved
    expect(JSON.parse(ref.results).death.fraction_final).toBeGreaterThan(0.5);
    expect(
      new Set(
        ref.ts
          .trim()
          .split('\n')
          .map((l) => l.split(',').at(-1)),
      ).size,
    ).toBeGreaterThan(5);
    for (const w of [2, 0, 3]) {
      const got = run(sc, w);
      expect(got.ts, `${w} workers`).toBe(ref.ts);
      expect(got.results, `${w} workers`).toBe(ref.results);
    }
  }, 120_000);

  it('writes the same timeseries.csv and results without a pulse (1 and 2 workers)', () => {
    const sc = dish(false);
    const ref = run(sc, 1);
    const fronts = ref.ts
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(',').at(-1));
    expect(fronts.filter((f) => f !== '').length).toBeGreaterThan(3);
    const got = run(sc, 2);
    expect(got.ts).toBe(ref.ts);
    expect(got.results).toBe(ref.results);
  }, 120_000);
});
