// cells.parquet and a sweep's timeseries.parquet hold the tables of the CSV files written beside
// them: the same column names in order, the same rows, every value the same (an empty CSV cell a
// null), typed: strings, INT32 counts, an INT64 seed, DOUBLE measurements. Read back by hyparquet.
import { describe, expect, it } from 'vitest';
import { concatBytes } from '../../src/formats/parquet';
import { cellsCsv, cellsHeader, timeseriesHeader } from '../../src/formats/run-folder';
import { sweepTimeseriesHeader, sweepTimeseriesRows } from '../../src/formats/sweep-folder';
import { cellsParquet, designValueTypes, SweepTimeseriesTable } from '../../src/formats/tables-parquet';
import { PRESETS } from '../../src/model/presets';
import { resolveScenario } from '../../src/model/scenario';
import { createSimulation } from '../../src/model/simulation';
import { FERROWAVE_VERSION } from '../../src/model/version';
import { strip } from '../helpers';
import { expectSameTable } from './parquet-reader';

describe('cells.parquet', () => {
  it('is cells.csv of a dish after a wave: dead and living cells, death times and empty cells', async () => {
    const sc = strip({ erastin: 10, length_um: 600, rows: 3, duration_min: 430 });
    const sim = createSimulation(sc, sc.seed, { unshared: true });
    sim.step(sim.totalSteps());
    // a value that is not finite is an empty cell in the CSV and a null in the Parquet
    sim.state.cell.ros[4] = Number.NaN;
    sim.state.cell.gsh[5] = Number.POSITIVE_INFINITY;
    const csv = cellsCsv(sim.state, sc.lattice.site_um, 'dish, "one"', 4294967295);
    const back = await expectSameTable(concatBytes(cellsParquet(sim.state, sc.lattice.site_um, 'dish, "one"', 4294967295)), csv);
    const statuses = new Set(back.rows.map((r) => r.status));
    expect(statuses.has('dead') && statuses.has('alive')).toBe(true);
    expect(back.rows.some((r) => r.t_death_min === null) && back.rows.some((r) => typeof r.t_death_min === 'number')).toBe(true);
    expect(back.rows[4].ros_au).toBeNull();
    expect(back.rows[5].gsh_uM).toBeNull();
    expect(back.rows[0]).toMatchObject({ run_id: 'dish, "one"', seed: 4294967295n, x_um: 10, y_um: 10, clone: 0 });
    const types = Object.fromEntries(back.columns.map((c) => [c.name, `${c.type}:${c.repetition}`]));
    expect(types).toMatchObject({
      run_id: 'BYTE_ARRAY:REQUIRED',
      seed: 'INT64:REQUIRED',
      x_um: 'DOUBLE:REQUIRED',
      status: 'BYTE_ARRAY:REQUIRED',
      t_death_min: 'DOUBLE:OPTIONAL',
      clone: 'INT32:REQUIRED',
      gsh_uM: 'DOUBLE:OPTIONAL',
    });
    expect(back.columns.map((c) => c.name)).toEqual(cellsHeader());
  });

  it('is cells.csv of a tumour: empty sites, vessels and subclones', async () => {
    const sc = resolveScenario(PRESETS['tumour-fsp1-resistant-erastin'], FERROWAVE_VERSION);
    const sim = createSimulation(sc, sc.seed, { unshared: true });
    const um = sc.lattice.site_um;
    const back = await expectSameTable(concatBytes(cellsParquet(sim.state, um, sc.name, sc.seed)), cellsCsv(sim.state, um, sc.name, sc.seed));
    const statuses = new Set(back.rows.map((r) => r.status));
    expect(statuses.has('empty') && statuses.has('vessel') && statuses.has('alive')).toBe(true);
    expect(new Set(back.rows.map((r) => r.clone)).size).toBeGreaterThan(1);
    expect(back.rows).toHaveLength(sc.lattice.width * sc.lattice.height);
  });

  it('gives the same bytes for the same state', () => {
    const sc = strip({ length_um: 200, rows: 2 });
    const sim = createSimulation(sc, sc.seed, { unshared: true });
    expect(concatBytes(cellsParquet(sim.state, 20, 'a', 1))).toEqual(concatBytes(cellsParquet(sim.state, 20, 'a', 1)));
  });
});

describe("a sweep's timeseries.parquet", () => {
  const measures = ['t_min', 'alive', 'dead', 'committed_total', 'mean_ros_au', 'front_um'];
  const runText = (name: string, seed: number) =>
    `run_id,seed,${measures.join(',')}\n${name},${seed},0,60,0,0,0.04833866,\n${name},${seed},5,59,1,1,1.5e-7,12.5\n${name},${seed},10,0,60,60,,800\n`;
  const runs = [
    { run: 0, point: 0, replicate: 0, seed: 11, values: [2.5, 'a,b', true] },
    { run: 1, point: 0, replicate: 1, seed: 4294967295, values: [2.5, 'a,b', true] },
    { run: 2, point: 1, replicate: 0, seed: 13, values: [10, 'say "hi"', 3] },
  ];
  const columns = ['erastin_uM', 'label', 'flag'];

  it('is timeseries.csv: the design on each row, then the measurements, with their types', async () => {
    const types = designValueTypes(runs, columns.length);
    expect(types).toEqual(['DOUBLE', 'UTF8', 'UTF8']);
    const table = new SweepTimeseriesTable(columns, types, measures);
    let csv = `${sweepTimeseriesHeader(columns, measures)}\n`;
    for (const p of runs) {
      const name = `s-r0000${p.run}`;
      const rows = sweepTimeseriesRows(name, p, runText(name, p.seed), 'f');
      csv += rows;
      table.addRun(name, p, rows, 'f');
    }
    const back = await expectSameTable(concatBytes(table.parts()), csv);
    expect(back.rows).toHaveLength(9);
    expect(back.rows[8]).toMatchObject({ run_id: 's-r00002', run: 2, seed: 13n, erastin_uM: 10, label: 'say "hi"', flag: '3', alive: 0, mean_ros_au: null });
    const types2 = Object.fromEntries(back.columns.map((c) => [c.name, `${c.type}:${c.repetition}`]));
    expect(types2).toEqual({
      run_id: 'BYTE_ARRAY:REQUIRED',
      run: 'INT32:REQUIRED',
      point: 'INT32:REQUIRED',
      replicate: 'INT32:REQUIRED',
      seed: 'INT64:REQUIRED',
      erastin_uM: 'DOUBLE:REQUIRED',
      label: 'BYTE_ARRAY:REQUIRED',
      flag: 'BYTE_ARRAY:REQUIRED',
      t_min: 'DOUBLE:REQUIRED',
      alive: 'INT32:REQUIRED',
      dead: 'INT32:REQUIRED',
      committed_total: 'INT32:REQUIRED',
      mean_ros_au: 'DOUBLE:OPTIONAL',
      front_um: 'DOUBLE:OPTIONAL',
    });
  });

  it('has every column and no rows when no run kept a time series', async () => {
    const all = timeseriesHeader().split(',');
    const table = new SweepTimeseriesTable(columns, designValueTypes(runs, 3), all);
    const back = await expectSameTable(concatBytes(table.parts()), `${sweepTimeseriesHeader(columns, all)}\n`);
    expect(back.rows).toEqual([]);
    expect(back.columns).toHaveLength(5 + 3 + all.length);
  });

  it('refuses a run file whose values are not what its columns hold', () => {
    const table = new SweepTimeseriesTable(['erastin_uM'], ['DOUBLE'], ['t_min', 'alive']);
    const p = { run: 0, point: 0, replicate: 0, seed: 1, values: [1] };
    expect(() => table.addRun('s', p, 's,0,0,0,1,1,0,1.5\n', 'r/timeseries.csv')).toThrow('r/timeseries.csv: alive "1.5" is not a count (line 2 of the file)');
    expect(() => table.addRun('s', p, 's,0,0,0,1,1,0\n', 'r/timeseries.csv')).toThrow(/a row with 1 measurements, expected 2/);
  });
});
