// Sweep files are validated up front like scenarios: every problem named by its JSON path, its
// value and what is allowed; design points whose scenario is invalid are reported before any run.
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../src/model/presets';
import { formatProblem } from '../../src/model/scenario';
import { METRIC_NAMES } from '../../src/sweep/metrics';
import { buildManifest } from '../../src/formats/sweep-manifest';
import { scenarioOfRun } from '../../src/node/sweep-execute';
import { axisColumn, planSweep, runLabel, runScenario } from '../../src/sweep/plan';
import { runSeed } from '../../src/sweep/seeds';
import { SweepError, validateSweep } from '../../src/sweep/spec';

const vocab = { metrics: METRIC_NAMES, timeseriesColumns: ['t_min', 'alive', 'dead'] };

function problems(raw: unknown): string[] {
  try {
    validateSweep(raw, vocab);
  } catch (e) {
    if (e instanceof SweepError) return e.problems.map(formatProblem);
    throw e;
  }
  return [];
}

const strip = { 'lattice.width': 40, 'lattice.height': 3, 'treatments[1].region.disc.y_um': 30, duration_min: 600 };

describe('sweep file validation', () => {
  it('accepts a minimal sweep and fills in the defaults', () => {
    const s = validateSweep({ base: 'primed-light-pulse', axes: [{ path: 'treatments[0].uM', values: [1, 2] }] }, vocab);
    expect(s).toMatchObject({ name: 'sweep', design: 'grid', replicates: 1, seed: 0, points: null, set: {} });
    expect(s.keep).toEqual({ metrics: METRIC_NAMES, timeseries: 'all' });
  });

  it('names the path, the value and what is allowed for every problem at once', () => {
    const p = problems({
      base: 3,
      design: 'random',
      replicates: 0,
      seed: -1,
      colour: 'red',
      axes: [
        { path: 'treatments[0].uM' },
        { path: 'params.ox_diffusion', from: 0, to: 10, n: 3, scale: 'log' },
        { path: 'bad path!', values: [1] },
        { path: 'x', values: [1], from: 1, to: 2 },
      ],
      keep: { metrics: ['wave_speed'], timeseries: ['alive', 'nope'] },
    });
    expect(p).toContain(
      'sweep.colour: "red" — unknown key; allowed keys here: name, description, base, set, design, points, axes, factor, exclude, ranges, replicates, seed, keep',
    );
    expect(p).toContain(
      'sweep.base: 3 — required: a preset name (see `ferrowave presets`), a scenario .json file (relative to the sweep file) or an inline scenario object',
    );
    expect(p).toContain('sweep.design: "random" — allowed: grid, latin-hypercube, sobol, saltelli');
    expect(p).toContain('sweep.replicates: 0 — must be an integer from 1 to 100000 (runs per design point, each with its own seed)');
    expect(p).toContain('sweep.seed: -1 — must be an integer from 0 to 4294967295 (the master seed)');
    expect(p.some((l) => l.startsWith('sweep.axes[0]: {"path":"treatments[0].uM"} — give exactly one of "values"'))).toBe(true);
    expect(p).toContain('sweep.axes[1].from: 0 — must be > 0 on a log scale');
    expect(p.some((l) => l.startsWith('sweep.axes[2].path: "bad path!" — required: a scenario path'))).toBe(true);
    expect(p.some((l) => l.startsWith('sweep.axes[3]: '))).toBe(true);
    expect(p.some((l) => l.startsWith('sweep.keep.metrics[0]: "wave_speed" — unknown metric; allowed: wave_detected, '))).toBe(true);
    expect(p).toContain('sweep.keep.timeseries[1]: "nope" — unknown column; allowed: t_min, alive, dead');
  });

  it('checks design-specific fields', () => {
    expect(problems({ base: 'p', design: 'latin-hypercube', axes: [{ path: 'a', from: 0, to: 1 }] })).toEqual([
      'sweep.points: missing — required for design "latin-hypercube": an integer from 1 to 1000000 (the number of design points)',
    ]);
    expect(problems({ base: 'p', design: 'sobol', points: 8, axes: [{ path: 'a', from: 0, to: 1, n: 4 }] })).toEqual([
      'sweep.axes[0].n: 4 — not used by design "sobol": the design draws sweep.points values',
    ]);
    expect(problems({ base: 'p', points: 8, axes: [{ path: 'a', from: 0, to: 1 }] })).toContain(
      'sweep.axes[0].n: missing — required for a range on a grid: an integer from 1 to 100000 (number of values, ends included)',
    );
    expect(
      problems({
        base: 'p',
        axes: [
          { path: 'a', values: [1] },
          { path: 'a', values: [2] },
        ],
      }),
    ).toEqual(['sweep.axes[1].path: "a" — already varied by sweep.axes[0]']);
    expect(problems({ base: 'p', set: { a: 1 }, axes: [{ path: 'a', values: [1] }] })).toEqual([
      'sweep.axes[0].path: "a" — also fixed in sweep.set: vary it or fix it, not both',
    ]);
  });
});

describe('planning a sweep', () => {
  const spec = validateSweep(
    {
      name: 't',
      base: 'primed-light-pulse',
      set: strip,
      replicates: 3,
      seed: 9,
      axes: [
        { path: 'treatments[0].uM', values: [2.5, 10] },
        { path: 'params.ox_diffusion', values: [200, 300] },
      ],
    },
    vocab,
  );
  const plan = planSweep(spec, PRESETS['primed-light-pulse'], 'test');

  it('numbers runs point by point, replicates fastest, each with its own seed from the master seed and its index', () => {
    expect(plan.columns).toEqual(['erastin_uM', 'ox_diffusion_um2_per_min']);
    expect(plan.runs).toHaveLength(12);
    expect(plan.runs[7]).toEqual({ run: 7, point: 2, replicate: 1, seed: runSeed(9, 7), values: [10, 200] });
    expect(new Set(plan.runs.map((r) => r.seed)).size).toBe(12);
  });

  it("builds each run's scenario: base + set + axis values + seed", () => {
    const sc = runScenario(plan, spec, plan.runs[7], 'test');
    expect(sc.seed).toBe(runSeed(9, 7));
    expect(sc.name).toBe('t-r00007');
    expect(sc.treatments[0]).toMatchObject({ agent: 'erastin', uM: 10 });
    expect(sc.params.ox_diffusion).toBe(200);
    expect(sc.lattice).toEqual({ width: 40, height: 3, site_um: 20 });
    expect(sc.duration_min).toBe(600);
  });

  it("gives every run the scenario of its own resolution when replicates reuse their point's (same bytes, any order)", () => {
    const m = buildManifest(spec, plan, 'test', null);
    const ctx = { dir: '/nowhere', spec, base: plan.base, columns: plan.columns, total: plan.runs.length, version: 'test' };
    const order = [...m.runs.filter((r) => r.run % 3 === 1), ...m.runs];
    for (const r of order)
      expect(JSON.stringify(scenarioOfRun(ctx, r), null, 2)).toBe(JSON.stringify(runScenario(plan, spec, plan.runs[r.run], 'test'), null, 2));
  });

  it('names axis columns with their units', () => {
    const base = { treatments: [{ agent: 'light-pulse' }] };
    expect(axisColumn('treatments[0].dose', base)).toBe('light_pulse_dose');
    expect(axisColumn('lattice.site_um', base)).toBe('lattice_site_um');
    expect(axisColumn('params.lpo_rate', base)).toBe('lpo_rate_per_au_min');
    expect(runLabel(3, 10)).toBe('r00003');
    expect(runLabel(3, 1_000_001)).toBe('r0000003');
  });

  it('reports design points whose scenario is invalid, once per problem, before anything runs', () => {
    const bad = validateSweep({ base: 'primed-light-pulse', replicates: 2, axes: [{ path: 'treatments[0].uM', values: [1, 5000, 6000] }] }, vocab);
    let err: unknown;
    try {
      planSweep(bad, PRESETS['primed-light-pulse'], 'test');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SweepError);
    const lines = (err as SweepError).problems.map(formatProblem);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^design point 1: \{"erastin_uM":5000\} — scenario\.treatments\[0\]\.uM: 5000 — must be a number \(uM\), >= 0 and <= \d+$/);
    expect(lines[1]).toMatch(/^design point 2: .*6000/);
  });

  it('rejects two axes that would share a column', () => {
    const twin = validateSweep(
      {
        base: 'primed-light-pulse',
        axes: [
          { path: 'treatments[0].uM', values: [1] },
          { path: 'treatments[0].start_min', name: 'erastin_uM', values: [0] },
        ],
      },
      vocab,
    );
    expect(() => planSweep(twin, PRESETS['primed-light-pulse'], 'test')).toThrow(/same column name as sweep.axes\[0\]/);
  });
});

describe('reading a sweep file', () => {
  it('takes the base scenario from a file next to the sweep file, and names a bad base', async () => {
    const { mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { readSweepFile } = await import('../../src/cli/sweep-input');
    const dir = mkdtempSync(join(tmpdir(), 'ferrowave-sweepfile-'));
    writeFileSync(join(dir, 'dish.json'), JSON.stringify({ ...PRESETS['primed-light-pulse'], name: 'my-dish' }));
    writeFileSync(join(dir, 'sweep.json'), JSON.stringify({ base: 'dish.json', axes: [{ path: 'treatments[0].uM', values: [1] }] }));
    expect(readSweepFile(join(dir, 'sweep.json')).baseRaw.name).toBe('my-dish');
    writeFileSync(join(dir, 'sweep.json'), JSON.stringify({ base: 'nothere.json' }));
    expect(() => readSweepFile(join(dir, 'sweep.json'))).toThrow(/cannot read the scenario file .*nothere\.json/);
    writeFileSync(join(dir, 'sweep.json'), JSON.stringify({ base: 'no-such-preset' }));
    expect(() => readSweepFile(join(dir, 'sweep.json'))).toThrow(/neither a preset nor a \.json file; presets: primed-light-pulse, /);
    writeFileSync(join(dir, 'sweep.json'), '{ nope');
    expect(() => readSweepFile(join(dir, 'sweep.json'))).toThrow(/cannot read the sweep file as JSON/);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('the shipped examples', () => {
  it('examples/erastin-dfo-sweep.json is a valid 4 x 4 x 3 sweep', async () => {
    const { readSweepFile } = await import('../../src/cli/sweep-input');
    const { spec, baseRaw } = readSweepFile(new URL('../../examples/erastin-dfo-sweep.json', import.meta.url).pathname);
    const plan = planSweep(spec, baseRaw, 'test');
    expect(plan.columns).toEqual(['erastin_uM', 'dfo_uM']);
    expect(plan.runs).toHaveLength(48);
  });

  it('examples/k8s-indexed-job.yaml shards by the completion index over as many shards as completions', async () => {
    const { readFileSync } = await import('node:fs');
    const yaml = readFileSync(new URL('../../examples/k8s-indexed-job.yaml', import.meta.url), 'utf8');
    expect(yaml).toContain('completionMode: Indexed');
    const completions = /^\s+completions: (\d+)/m.exec(yaml)?.[1];
    const shards = /name: SHARDS\s+value: "(\d+)"/.exec(yaml)?.[1];
    expect(completions).toBeDefined();
    expect(shards).toBe(completions);
    expect(yaml).toContain('--shard "$JOB_COMPLETION_INDEX/$SHARDS"');
    expect(yaml).toContain('--resume');
  });
});
