// One sweep run in this thread: the same numbers as the plain runner, kept time-series columns,
// and failures (a throw, a diverged run) recorded as failed runs with their error.
import { describe, expect, it } from 'vitest';
import type { Summary } from '../../src/analysis/summary';
import { summaryOfFile } from '../../src/formats/run-folder';
import { csvField, parseCsv, runsCsv } from '../../src/formats/runs-csv';
import { executeRun, injectedFault } from '../../src/node/sweep-execute';
import { divergence, METRICS, NOT_METRICS } from '../../src/sweep/metrics';
import type { RunRow } from '../../src/sweep/outcome';
import { sweepReportHtml } from '../../src/sweep/report';
import { validateSweep } from '../../src/sweep/spec';
import { run as plainRun, strip } from '../helpers';

const sc = strip({ erastin: 10, length_um: 800, duration_min: 500, seed: 5 });

describe('executeRun', () => {
  it('gives the summary of the plain runner, and the kept time-series columns', async () => {
    const r = await executeRun({ run: 3, scenario: sc, timeseries: ['t_min', 'alive', 'dead'] });
    expect(r.ok, r.error ?? '').toBe(true);
    const { summary } = await plainRun(sc);
    const file = r.summary!;
    // who the run is, its results, and apart from them how it ran
    expect(file).toMatchObject({ format: 'ferrowave-run/2', run_id: sc.name, seed: 5 });
    expect(summaryOfFile(JSON.parse(JSON.stringify(file)), 'summary.json')).toEqual(JSON.parse(JSON.stringify(summary)));
    expect(Object.keys(file.results)).not.toContain('wall_s');
    expect(file.run_info).toMatchObject({ workers: 0, steps: 1000, cells: 120 });
    expect(file.run_info.wall_s).toBeGreaterThan(0);
    const lines = r.timeseries!.trim().split('\n');
    expect(lines[0]).toBe('run_id,seed,t_min,alive,dead');
    expect(lines).toHaveLength(1 + 500 / 5 + 1);
    expect(lines[lines.length - 1]).toMatch(new RegExp(`^${sc.name},5,500,\\d+,\\d+$`));
    const none = await executeRun({ run: 0, scenario: sc, timeseries: 'none' });
    expect(none.timeseries).toBeNull();
  });

  it('records a throw and a diverged run as failures with their error', async () => {
    expect(injectedFault(3, '1:nan, 3:throw')).toBe('throw');
    expect(injectedFault(1, '1:nan, 3:throw')).toBe('nan');
    expect(injectedFault(2, '1:nan, 3:throw, 2:nan-means')).toBeNull();
    expect(injectedFault(2, '1:nan, 3:throw, 2:nan-mean')).toBe('nan-mean');
    const broken = { ...sc, lattice: { ...sc.lattice, width: -4 } };
    const r = await executeRun({ run: 0, scenario: broken, timeseries: 'all' });
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(/^RangeError: /);
    // a NaN planted in the state of the middle cell (column 20, row 1 of 40 x 3 sites of 20 um) at the second
    // sample: the scan stops the run there (its message says t = 5 min, not the end), a failed run naming it
    process.env.FERROWAVE_SWEEP_INJECT = '7:nan,8:nan-mean';
    try {
      const d = await executeRun({ run: 7, scenario: sc, timeseries: 'all' });
      expect(d).toMatchObject({
        ok: false,
        summary: null,
        timeseries: null,
        error: 'diverged: per-cell variable ros (a.u.) is NaN at x = 410 um, y = 30 um (site 60: column 20, row 1, alive) at t = 5 min',
      });
      // the backstop at the end: a mean that is not a number
      const m = await executeRun({ run: 8, scenario: sc, timeseries: 'all' });
      expect(m).toMatchObject({ ok: false, summary: null, error: 'diverged: mean ros is NaN at t = 500 min' });
    } finally {
      delete process.env.FERROWAVE_SWEEP_INJECT;
    }
  });
});

describe('metrics', () => {
  it('runs.csv has a column for every number in summary.json (a new summary field fails this test)', async () => {
    const r = await executeRun({ run: 0, scenario: sc, timeseries: 'none' });
    const summary = r.summary!.results as Record<string, unknown>;
    const leaves: string[] = [];
    const walk = (o: Record<string, unknown>, prefix: string) => {
      for (const [k, v] of Object.entries(o)) {
        const p = prefix ? `${prefix}.${k}` : k;
        if ((NOT_METRICS as readonly string[]).includes(p)) continue;
        if (v !== null && typeof v === 'object') walk(v as Record<string, unknown>, p);
        else leaves.push(p);
      }
    };
    walk(summary, '');
    expect(leaves.length).toBeGreaterThan(10);
    for (const leaf of leaves) {
      // put a sentinel at the leaf: some metric must read it back
      const copy = structuredClone(summary);
      const parts = leaf.split('.');
      let o = copy as Record<string, unknown>;
      for (const k of parts.slice(0, -1)) o = o[k] as Record<string, unknown>;
      o[parts[parts.length - 1]] = 123456.5;
      expect(
        METRICS.some((m) => m.get(copy as unknown as Summary) === 123456.5),
        leaf,
      ).toBe(true);
    }
  });

  it('a NaN mean while cells live is divergence; no living cells is not', () => {
    const s = (alive: number, ros: number) => ({
      t_min: 5,
      alive,
      dying: 0,
      dead: 0,
      necrotic: 0,
      hypoxic: 0,
      committed_total: 0,
      necrotic_total: 0,
      births_total: 0,
      means: { ros },
      front_um: null,
    });
    const summary = {
      wave: { detected: false, pattern: 'none', speed_um_per_min: null },
      death: { fraction_final: 0, dead_fraction_now: 0, t50_min: null, committed_total: 0, necrotic_total: 0, births_total: 0 },
      counts_final: { alive: 1, dying: 0, dead: 0 },
      t_end_min: 5,
    } as unknown as Summary;
    expect(divergence([s(3, 1)], summary)).toBeNull();
    expect(divergence([s(0, Number.NaN)], summary)).toBeNull();
    expect(divergence([s(3, Number.POSITIVE_INFINITY)], summary)).toBe('diverged: mean ros is Infinity at t = 5 min');
    expect(divergence([s(3, 1)], { ...summary, t_end_min: Number.NaN })).toBe('diverged: t_end_min is NaN');
  });
});

describe('runs.csv and the report', () => {
  const failedError = 'Error: bad <thing>, "quoted"\nsecond line';
  const rows: RunRow[] = [
    { planned: { run: 1, point: 0, replicate: 1, seed: 11, values: [2.5, 'a,b'] }, outcome: { status: 'failed', error: failedError, summary: null } },
  ];

  it('quotes fields that need it, keeps only the first line of an error, and parses back', () => {
    expect(csvField(null)).toBe('');
    expect(csvField(0.1)).toBe('0.1');
    expect(csvField(true)).toBe('true');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    const text = runsCsv(['erastin_uM', 'label'], ['wave_detected'], rows, (run) => `s-r0000${run}`);
    expect(text).toBe(
      'run_id,run,point,replicate,seed,erastin_uM,label,status,error,wave_detected\ns-r00001,1,0,1,11,2.5,"a,b",failed,"Error: bad <thing>, ""quoted""",\n',
    );
    expect(parseCsv(text)[1]).toEqual(['s-r00001', '1', '0', '1', '11', '2.5', 'a,b', 'failed', 'Error: bad <thing>, "quoted"', '']);
  });

  it('draws space-filling designs as scatter plots of every run', async () => {
    const r = await executeRun({ run: 0, scenario: sc, timeseries: 'none' });
    const summary = summaryOfFile(r.summary!, 'summary.json');
    const spec = validateSweep(
      { name: 'lhs', base: 'p', design: 'latin-hypercube', points: 3, axes: [{ path: 'a', from: 1, to: 10 }] },
      { metrics: METRICS.map((m) => m.name), timeseriesColumns: ['t_min'] },
    );
    const ok = (run: number, x: number): RunRow => ({
      planned: { run, point: run, replicate: 0, seed: run, values: [x] },
      outcome: { status: 'ok', error: null, summary },
    });
    const html = sweepReportHtml({ spec, version: 'test', columns: ['erastin_uM'], totalRuns: 3, rows: [ok(0, 1.5), ok(1, 4), ok(2, 8)] });
    expect(html).toContain('wave speed (runs with a wave) vs erastin');
    expect(html).not.toContain('Heat maps');
    expect(html).toContain('<p>No run failed.</p>');
    // three markers, no line through them
    expect(html.match(/<circle /g)?.length).toBeGreaterThanOrEqual(3);
  });

  it('lists failed runs in the report, escaped', () => {
    const spec = validateSweep(
      {
        name: 'x',
        base: 'p',
        replicates: 2,
        axes: [
          { path: 'a', values: [2.5] },
          { path: 'b', values: ['a,b'] },
        ],
      },
      { metrics: ['wave_detected'], timeseriesColumns: ['t_min'] },
    );
    const html = sweepReportHtml({ spec, version: 'test', columns: ['erastin_uM', 'label'], totalRuns: 2, rows });
    expect(html).toContain('<h2>Failed runs (1)</h2>');
    expect(html).toContain('Error: bad &lt;thing&gt;, &quot;quoted&quot;');
    expect(html).toContain('1 not run yet');
  });
});
