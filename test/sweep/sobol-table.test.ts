// The Sobol analysis of a saltelli sweep as a user reads it: sobol.csv with one row per metric and
// parameter, the influential parameter first, its unit, range and source category; runs without a
// number counted and handled as documented (no wave = 0, synchronous = the fastest wave, failed =
// left out); the report's section; and the source categories read from the registry's text.
import { describe, expect, it } from 'vitest';
import type { Summary } from '../../src/analysis/summary';
import { parseCsv } from '../../src/formats/runs-csv';
import { SOBOL_CSV_COLUMNS, sobolCsv } from '../../src/formats/sobol-csv';
import { PRESETS } from '../../src/model/presets';
import type { RunRow } from '../../src/sweep/outcome';
import { planSweep } from '../../src/sweep/plan';
import { sweepReportHtml } from '../../src/sweep/report';
import { sobolChart } from '../../src/sweep/report-sobol';
import { sobolAnalysis } from '../../src/sweep/sobol-table';
import { sourceCategory } from '../../src/sweep/source-category';
import { validateSweep } from '../../src/sweep/spec';
import { svgProblems } from '../validate/svg-check';

const vocab = { metrics: ['wave_speed_um_per_min'], timeseriesColumns: ['t_min'] };
const spec = validateSweep(
  {
    name: 'toy',
    base: 'primed-light-pulse',
    design: 'saltelli',
    points: 256,
    seed: 4,
    set: { 'lattice.width': 20, 'lattice.height': 2, 'treatments[1].region.disc.y_um': 20 },
    axes: [
      { path: 'params.ox_diffusion', from: 190, to: 430, scale: 'log' },
      { path: 'params.gsh_ox_rate', from: 0.001, to: 0.003 },
      { path: 'treatments[0].uM', from: 5, to: 10 },
    ],
  },
  vocab,
);
const plan = planSweep(spec, structuredClone(PRESETS['primed-light-pulse']), 'test');

const summary = (pattern: 'wave' | 'synchronous' | 'none', speed: number | null) =>
  ({ wave: { detected: pattern === 'wave', pattern, speed_um_per_min: speed } }) as unknown as Summary;

/** A toy model: speed grows with ox_diffusion (and a little with erastin); gsh_ox_rate does nothing. */
function outcomeOf(values: number[], run: number): RunRow['outcome'] {
  const [d, , e] = values;
  if (run % 97 === 5) return { status: 'failed', error: 'boom', summary: null };
  if (d > 420) return { status: 'ok', error: null, summary: summary('synchronous', null) };
  if (d < 195) return { status: 'ok', error: null, summary: summary('none', null) };
  return { status: 'ok', error: null, summary: summary('wave', d / 50 + e / 50) };
}
const rows: RunRow[] = plan.runs.map((p) => ({ planned: p, outcome: outcomeOf(p.values as number[], p.run) }));

describe('sobol.csv', () => {
  const [speed] = sobolAnalysis(spec, plan.columns, rows, { resamples: 200 });

  it('ranks the parameter that drives the metric first, the inert one last, with intervals', () => {
    expect(speed.rows.map((r) => r.parameter)).toEqual(['ox_diffusion', 'erastin_uM', 'gsh_ox_rate']);
    const [d, e, g] = speed.rows;
    expect(d.ST).toBeGreaterThan(0.9);
    expect(d.ST_lo).toBeLessThan(d.ST);
    expect(d.ST_hi).toBeGreaterThan(d.ST);
    expect(e.ST).toBeGreaterThan(0);
    expect(e.ST).toBeLessThan(0.1);
    expect(g.ST).toBe(0);
    expect(g.S1).toBe(0);
  });

  it('says what redrawing a parameter alone does: how often it changes the regime, how much it moves a wave', () => {
    const [d, e, g] = speed.rows;
    // ox_diffusion moves runs into and out of the wave regime (no wave below 195, synchronous above 420)
    expect(d.regime_changes).toBeGreaterThan(10);
    expect(d.pairs).toBeGreaterThan(240);
    // erastin never does, but moves every wave: |delta e| / 50 um/min, e uniform on [5, 10] -> 5/3 / 50 on average
    expect(e.regime_changes).toBe(0);
    expect(e.effect).toBeGreaterThan(0.025);
    expect(e.effect).toBeLessThan(0.042);
    expect(e.pairs_in_regime).toBeGreaterThan(100);
    expect([g.effect, g.regime_changes]).toEqual([0, 0]);
  });

  it('counts failed runs and leaves them out, keeps no-wave (0) and synchronous (the fastest wave) runs', () => {
    expect(speed.failed).toBe(rows.filter((r) => r.outcome.status === 'failed').length);
    expect(speed.failed).toBeGreaterThan(5);
    expect(speed.excluded).toBe(0);
    expect(speed.used + speed.failed).toBe(rows.length);
    expect(speed.missing).toBe(0);
    // a failed run drops its base point only from the indices that need that run
    expect(speed.rows.every((r) => r.n < 256 && r.n > 240)).toBe(true);
  });

  it('is one row per parameter with the columns a user needs: unit, range, source category', () => {
    const table = parseCsv(sobolCsv([speed]));
    expect(table[0]).toEqual([...SOBOL_CSV_COLUMNS]);
    const byName = Object.fromEntries(table.slice(1).map((r) => [r[2], Object.fromEntries(table[0].map((h, k) => [h, r[k]]))]));
    expect(byName.ox_diffusion).toMatchObject({
      metric: 'wave_speed',
      metric_unit: 'um/min',
      unit: 'um^2/min',
      from: '190',
      to: '430',
      scale: 'log',
      source_category: 'fit',
    });
    expect(byName.gsh_ox_rate).toMatchObject({ unit: '1/(a.u. min)', scale: 'linear', source_category: 'assumption', ST: '0' });
    // an axis that is no model parameter: its column name, no unit or category
    expect(byName.erastin_uM).toMatchObject({ unit: '', source_category: '' });
    expect(Number(byName.ox_diffusion.ST)).toBeCloseTo(speed.rows[0].ST, 4);
  });

  it('is not computed from an incomplete sweep: the runs not run yet are counted', () => {
    const [partial] = sobolAnalysis(spec, plan.columns, rows.slice(0, 500), { resamples: 10 });
    expect(partial.missing).toBe(rows.length - 500);
    expect(partial.rows[0].n).toBeLessThan(100);
  });

  it('the report shows the indices with a chart, the table and how runs were counted', () => {
    const html = sweepReportHtml({ spec, version: 'test', columns: plan.columns, totalRuns: rows.length, rows });
    expect(html).toContain('<h2>Sobol sensitivity indices</h2>');
    expect(html).toContain('Sobol indices of the wave speed');
    expect(html).toContain('synchronous death (every cell dies without a front: beyond the wave regime) counts as fast as the fastest wave of the sweep');
    expect(html).toMatch(/\d+ failed \(left out\)/);
    expect(html).toContain('<code>ox_diffusion</code>');
    expect(html).not.toContain('Dose-response');
    const chart = sobolChart(speed);
    expect(svgProblems(chart)).toEqual([]);
    // top parameter first, a bar and a whisker for ST and S1 of each
    expect(chart.indexOf('>ox_diffusion<')).toBeLessThan(chart.indexOf('>gsh_ox_rate<'));
  });
});

describe('the report of a sweep over every parameter', () => {
  it('plots the first 12 axes against each metric and names the others', () => {
    const lhs = validateSweep(
      {
        base: 'primed-light-pulse',
        design: 'latin-hypercube',
        points: 3,
        axes: 'all-params',
        set: { 'params.burst_rate': 0 },
        keep: { metrics: ['wave_speed_um_per_min'] },
      },
      { metrics: ['wave_speed_um_per_min'], timeseriesColumns: ['t_min'] },
    );
    const base = structuredClone(PRESETS['primed-light-pulse']);
    delete (base as { params?: unknown }).params;
    const p = planSweep(lhs, base, 'test');
    const html = sweepReportHtml({
      spec: lhs,
      version: 'test',
      columns: p.columns,
      totalRuns: 3,
      rows: p.runs.map((r, k) => ({ planned: r, outcome: { status: 'ok', error: null, summary: summary('wave', 4 + k) } })),
    });
    expect(html.match(/<svg /g)).toHaveLength(12);
    expect(html).toContain(`${lhs.axes.length} numeric axes: the first 12 are plotted (not `);
  });
});

describe('source categories', () => {
  it('read the first keyword of the registry text: fitted, calibrated, assumption (or unsourced), else the literature', () => {
    expect(sourceCategory('fitted: GKT137831 titration of Co2024 (fits/calibration.fit.json)')).toBe('fit');
    expect(sourceCategory('Co2024 (kg = 1.5); calibrated to the erastin wave threshold (behaviour 5.3)')).toBe('calibration');
    expect(sourceCategory('assumption after Yang et al. PNAS 113:E4966 (2016)')).toBe('assumption');
    expect(sourceCategory('Bellomo et al. 2016 (GR inhibition by Zn2+); assumption')).toBe('assumption');
    expect(sourceCategory('serum iron ~20-30 uM diluted; order of magnitude')).toBe('assumption');
    expect(sourceCategory('Kakhlon & Cabantchik, Free Radic Biol Med 33:1037 (2002): 0.5-1.5 uM')).toBe('literature');
  });
});
