// The behaviour registry and the machinery under the checks: every docs/behaviours.md behaviour is
// registered with a target and a source; the check context records tracked cells, kymograph rows
// and probes and memoises runs; a small real check (5.4, 8 x 8 lattices) returns a complete
// result; `ferrowave validate` writes a report and rejects unknown ids.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DYING, layoutState } from '../../src/model/layout';
import { BEHAVIOURS } from '../../src/validate/checks/index';
import { createCheckContext, siteAt } from '../../src/validate/context';
import { Criteria, pending, result } from '../../src/validate/kit';
import { doseAtLevel, firstCrossing, normalise, pulseFront, quantile, riseTime } from '../../src/validate/measures';
import { selectBehaviours } from '../../src/validate/run';
import { svgProblems } from './svg-check';

describe('BEHAVIOURS', () => {
  it('registers every behaviour of docs/behaviours.md once, plus gaps, spontaneous initiation and tumours', () => {
    const ids = BEHAVIOURS.map((b) => b.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (let k = 1; k <= 13; k++) expect(ids).toContain(`5.${k}`);
    expect(ids).toContain('gaps');
    expect(ids).toContain('spontaneous');
    expect(ids).toContain('tumours');
    for (const b of BEHAVIOURS) {
      expect(b.title.length, b.id).toBeGreaterThan(5);
      expect(b.target.length, b.id).toBeGreaterThan(20);
      expect(b.source.length, b.id).toBeGreaterThan(5);
    }
  });

  it('selects by id and rejects unknown ids', () => {
    expect(selectBehaviours(['5.3', '5.1']).map((b) => b.id)).toEqual(['5.1', '5.3']);
    expect(() => selectBehaviours(['5.99'])).toThrow(/unknown behaviour id 5.99/);
  });
});

describe('check context', () => {
  it('builds reproducible scenarios, records tracks, kymographs and probes, and memoises runs', async () => {
    const ctx = createCheckContext({ workers: 0 });
    const { scenario, command } = ctx.scenario('primed-light-pulse', [
      'lattice.width=40',
      'lattice.height=3',
      'duration_min=500',
      'treatments[1].region.disc.y_um=30',
      'name=tiny run',
    ]);
    expect(command).toMatch(
      /^npx ferrowave run primed-light-pulse --out runs\/primed-light-pulse-[0-9a-f]{6} --set lattice.width=40 --set lattice.height=3 --set duration_min=500 --set treatments\[1\].region.disc.y_um=30 --set 'name=tiny run'$/,
    );
    expect(ctx.scenario('primed-gap').command).toBe('npx ferrowave run primed-gap --out runs/primed-gap');
    // two runs whose overrides differ only in their last bytes get their own folders
    const outOf = (factor: number) =>
      ctx.scenario('primed-light-pulse', [`treatments[2]={"agent":"knockdown","gene":"ACSL4","factor":${factor}}`]).command.split(' ')[5];
    expect(outOf(0.5)).not.toBe(outOf(0.1));
    const cell = siteAt(scenario, 10, 30);
    const spec = {
      scenario,
      command,
      track: { cells: [cell], vars: ['ros' as const, 'lpo' as const] },
      kymographs: [{ kind: 'committed' as const }, { kind: 'cell' as const, name: 'ros' as const }, { kind: 'field' as const, name: 'ox' as const }],
      probes: { dying: (st: { status: Uint8Array }) => st.status.filter((s) => s === DYING).length },
    };
    const r = await ctx.run(spec);
    expect(await ctx.run(spec)).toBe(r);
    const n = r.samples.length;
    expect(n).toBe(500 / 5 + 1);
    expect(r.tracks[0].values.ros).toHaveLength(n);
    expect(r.tracks[0].status).toHaveLength(n);
    expect(r.tracks[0].x_um).toBe(10);
    expect(r.probes.dying).toHaveLength(n);
    for (const k of r.kymographs) {
      expect(k.rows).toHaveLength(n);
      expect(k.rows[0]).toHaveLength(40);
      expect(k.x_um[0]).toBe(10);
    }
    const committed = r.kymographs[0].rows;
    expect(committed[0][0]).toBe(0);
    expect(committed[n - 1][0]).toBe(1); // the illuminated column has died
    expect(Math.max(...r.tracks[0].values.ros)).toBeGreaterThan(1);
  });
});

describe('check context: snapshots and commitment times', () => {
  it('copies the lattice at the requested times and keeps each first commitment time', async () => {
    const ctx = createCheckContext({ workers: 0 });
    const { scenario, command } = ctx.scenario('primed-light-pulse', [
      'lattice.width=40',
      'lattice.height=3',
      'duration_min=500',
      'treatments[1].region.disc.y_um=30',
    ]);
    const r = await ctx.run({ scenario, command, snapshots: { t_min: [400, 0, 10_000], vars: ['ros'] }, commitTimes: true });
    expect(r.snapshots.map((s) => s.t_min)).toEqual([0, 400]); // sorted; a time after the end is not reached
    expect(r.snapshots[0].status).toHaveLength(120);
    expect(r.snapshots[0].values.ros).toHaveLength(120);
    expect(r.snapshots[1].status[0]).toBeGreaterThanOrEqual(DYING); // the illuminated cell
    expect(r.snapshots[0].status[0]).toBeLessThan(DYING);
    expect(r.commit_t![0]).toBe(r.sim.state.cell.t_dying[0]);
    expect(r.commit_t![39]).toBeNaN();
    expect((await ctx.run({ scenario, command })).commit_t).toBeNull();
  });
});

describe('kit', () => {
  it('passes only when every criterion holds and lists them as a table', () => {
    const c = new Criteria();
    c.add('speed 4.5-6.5 um/min', '5.3 um/min', true);
    expect(result(c, 'm', []).status).toBe('pass');
    c.add('a | b', 'no', false);
    const r = result(c, 'm', [], ['extra']);
    expect(r.status).toBe('fail');
    expect(r.details).toContain('| a \\| b | no | **FAIL** |');
    expect(r.details).toMatch(/extra$/);
  });
  it('registers a pending check as not implemented', async () => {
    const b = pending({ id: 'x', title: 'X', target: 't', source: 's' });
    expect((await b.run(createCheckContext({ workers: 0 }))).status).toBe('not-implemented');
  });
});

describe('measures', () => {
  it('finds crossings, doses at a level and rescales', () => {
    expect(firstCrossing([0, 1, 2, 3], [0, 0.2, 0.6, 1], 0.5)).toBeCloseTo(1.75);
    expect(firstCrossing([0, 1], [0, 0.2], 0.5)).toBeNaN();
    expect(doseAtLevel([0.1, 1, 10], [80, 40, 10], 50)).toBeCloseTo(10 ** (-1 + 30 / 40));
    expect(normalise([2, 4, 3])).toEqual([0, 1, 0.5]);
    expect(quantile([5, Number.NaN, 1, 3, 2, 4], 0.5)).toBe(3);
    expect(quantile([Number.NaN], 0.5)).toBeNaN();
  });

  it('times the start of a rise above a baseline read at a given time', () => {
    const t = [0, 10, 20, 30, 40, 50];
    const v = [0, 1, 1, 2, 11, 5]; // drifts to 1, then rises to 11 before 50
    const r = riseTime(t, v, 10, 45, 0.1);
    expect(r.baseline).toBe(1);
    expect(r.peak).toBe(11);
    expect(r.time).toBeCloseTo(30); // 1 + 0.1 * 10 = 2
    expect(riseTime(t, v, 10, 45, 0.5).time).toBeCloseTo(30 + (10 * 4) / 9);
    expect(riseTime(t, [3, 3, 3, 3, 3, 3], 0, 50, 0.1).time).toBeNaN();
  });

  it('fits the pulse front up to where a front ignited further out meets it', () => {
    const st = layoutState(100, 3);
    // pulse front at 5 um/min from x = 0; a second origin at 1800 um igniting at 100 min: they meet at 1150 um
    for (let y = 0; y < 3; y++)
      for (let x = 0; x < 100; x++) {
        const d = (x + 0.5) * 20;
        st.cell.t_dying[y * 100 + x] = Math.min(d / 5, 100 + Math.abs(d - 1800) / 5);
      }
    const origin = { rect: { x_um: 0, y_um: 0, width_um: 1, height_um: 60 } };
    const pf = pulseFront(st, 20, origin);
    expect(pf.fit!.slope).toBeCloseTo(5, 1);
    expect(pf.fit!.r2).toBeGreaterThan(0.999);
    expect(pf.met_um).toBeGreaterThan(1100);
    expect(pf.met_um).toBeLessThan(1200);
    for (let i = 0; i < st.n; i++) st.cell.t_dying[i] = (((i % 100) + 0.5) * 20) / 5;
    expect(pulseFront(st, 20, origin).met_um).toBeNull();
  });
});

describe('a real check (5.4, small lattices)', () => {
  it('returns a status, the model numbers and well-formed figures', async () => {
    const ctx = createCheckContext({ workers: 0 });
    const r = await BEHAVIOURS.find((b) => b.id === '5.4')!.run(ctx);
    expect(['pass', 'fail']).toContain(r.status);
    expect(r.model).toMatch(/5 h: .* %/);
    expect(r.details).toContain('| erastin (uM) | Co et al. 5 h (%) |');
    expect(r.figures.length).toBeGreaterThan(0);
    for (const f of r.figures) {
      expect(f.file).toMatch(/^[a-z0-9.-]+\.svg$/);
      expect(svgProblems(f.svg), f.file).toEqual([]);
      expect(f.svg).toContain('erastin (uM)');
    }
  });
});

describe('ferrowave validate', () => {
  const bin = join(import.meta.dirname, '../../bin/ferrowave.mjs');
  const cli = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 120_000 });

  it('writes report.md, report.json and figures for the chosen checks, with progress on stderr', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'ferrowave-validate-')), 'v');
    const r = cli('validate', '--out', out, '--only', '5.4,gaps', '--workers', '0');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/\[validate\] \(1\/2\) 5\.4 .*(PASS|FAIL) in [\d.]+ s/);
    expect(r.stderr).toMatch(/\[validate\] \(2\/2\) gaps .*(PASS|FAIL) in [\d.]+ s/);
    expect(r.stderr).toMatch(/total [\d.]+ s/);
    const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(json.only).toEqual(['5.4', 'gaps']);
    expect(json.results.map((x: { id: string }) => x.id)).toEqual(['5.4', 'gaps']);
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    expect(md).toContain('**partial run**');
    expect(existsSync(join(out, 'figures/5.4-gsh-vs-dose.svg'))).toBe(true);
    expect(existsSync(join(out, 'figures/gaps-kymograph-fate.svg'))).toBe(true);
    expect(md).not.toMatch(/ in [\d.]+ s/); // timings stay out of the report
  });

  it('rejects unknown ids and a missing --out with exit code 2', () => {
    const a = cli('validate', '--out', join(tmpdir(), 'never'), '--only', 'nope');
    expect(a.status).toBe(2);
    expect(a.stderr).toContain('unknown behaviour id nope');
    expect(cli('validate').status).toBe(2);
  });
});
