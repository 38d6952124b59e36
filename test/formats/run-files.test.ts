// The tidy run files as a user reads them: column names of letters, digits and underscores with
// their unit; summary.json's results apart from how the run went, and the older summary.json of a
// sweep folder written before format 2 still read (report, merge); a run's time series becomes
// rows of the sweep's long table with its design, from either format.
import { describe, expect, it } from 'vitest';
import type { Summary } from '../../src/analysis/summary';
import { RUN_FORMAT, summaryFile, summaryOfFile, timeseriesFileHeader, unitSuffix } from '../../src/formats/run-folder';
import { sweepTimeseriesHeader, sweepTimeseriesRows } from '../../src/formats/sweep-folder';

const summary: Summary = {
  scenario: 'dish, "quoted"',
  seed: 7,
  ferrowave_version: '0.1.0',
  t_end_min: 60,
  wave: { detected: false, pattern: 'none', speed_um_per_min: null },
  death: { fraction_final: 0.2, dead_fraction_now: 0.1, t50_min: null, committed_total: 12, necrotic_total: 0, births_total: 0 },
  counts_final: { alive: 48, dying: 0, dead: 12 },
};
const planned = { run: 3, point: 1, replicate: 1, seed: 7, values: [2.5, 'a,b'] };

describe('run files', () => {
  it('name every column name_unit in letters, digits and underscores', () => {
    expect(unitSuffix('a.u.')).toBe('au');
    expect(unitSuffix('uM')).toBe('uM');
    expect(unitSuffix('a.u./min')).toBe('au_per_min');
    expect(unitSuffix('1/min')).toBe('per_min');
    expect(unitSuffix('um^2/min')).toBe('um2_per_min');
    expect(unitSuffix('1/(a.u. min)')).toBe('per_au_min');
    const header = timeseriesFileHeader().split(',');
    expect(header.slice(0, 3)).toEqual(['run_id', 'seed', 't_min']);
    expect(header).toContain('mean_ros_au');
    for (const name of header) expect(name).toMatch(/^[A-Za-z0-9_]+$/);
  });

  it('keep the results of summary.json apart from how the run went, and read them back', () => {
    const file = summaryFile(summary, { workers: 2, wall_s: 1.5, steps: 120, cells: 60, diverged: null });
    expect(file.format).toBe(RUN_FORMAT);
    expect(file.run_id).toBe(summary.scenario);
    expect(JSON.stringify(file.results)).not.toContain('wall_s');
    expect(summaryOfFile(JSON.parse(JSON.stringify(file)), 'summary.json')).toEqual(summary);
    // a summary.json of format 1 (the summary with `run` beside it) is read too; another format is named
    expect(summaryOfFile({ ...summary, run: { wall_s: 1 } } as never, 'old/summary.json')).toEqual(summary);
    expect(() => summaryOfFile({ format: 'ferrowave-run/9' } as never, 'x/summary.json')).toThrow(
      'x/summary.json: format "ferrowave-run/9", expected "ferrowave-run/2"',
    );
  });

  it("turn a run's time series into rows of the sweep's long table, the design on each row", () => {
    const name = 'tiny-r00003';
    const run = `run_id,seed,t_min,alive\n${name},7,0,60\n${name},7,5,59\n`;
    expect(sweepTimeseriesHeader(['erastin_uM', 'label'], ['t_min', 'alive'])).toBe('run_id,run,point,replicate,seed,erastin_uM,label,t_min,alive');
    const rows = `${name},3,1,1,7,2.5,"a,b",0,60\n${name},3,1,1,7,2.5,"a,b",5,59\n`;
    expect(sweepTimeseriesRows(name, planned, run, 'f')).toBe(rows);
    // format 1: no run_id and seed columns
    expect(sweepTimeseriesRows(name, planned, 't_min,alive\n0,60\n5,59\n', 'f')).toBe(rows);
    expect(() => sweepTimeseriesRows(name, planned, run.replace(',7,5,', ',8,5,'), 'r/timeseries.csv')).toThrow(
      'r/timeseries.csv: line 3 is not of run tiny-r00003',
    );
  });
});
