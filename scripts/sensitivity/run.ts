// Why this file exists: `npm run sensitivity`, the global sensitivity analysis of the validation
// report: the two saltelli sweeps of fits/ (wave speed on a strip, erastin threshold in lanes; the
// same parameter sets) run by `ferrowave sweep` on its worker pool into runs/sensitivity/ (not
// committed; an interrupted analysis resumes), the parameters they leave out checked to change
// nothing, then docs/validation/sensitivity.md and its figures (docs/validation/sensitivity/).
//   npm run sensitivity -- [--workers 2] [--out runs/sensitivity]
//                          [--points N: a trial with N base points, its sweeps and document in the --out folder]
//                          [--analyse-only: the document again from the finished sweeps (their run.json)]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readSweepFile } from '../../src/cli/sweep-input';
import { writeAtomic } from '../../src/formats/atomic-fs';
import { completedRuns, readManifest, readRows, writeSobolCsv } from '../../src/formats/sweep-folder-fs';
import { FERROWAVE_VERSION } from '../../src/model/version';
import type { RunRow } from '../../src/sweep/outcome';
import { baseWithSet } from '../../src/sweep/plan';
import { sobolChart } from '../../src/sweep/report-sobol';
import { saltelliRole } from '../../src/sweep/saltelli';
import { log2Threshold } from '../../src/sweep/sobol-metrics';
import { sobolAnalysis } from '../../src/sweep/sobol-table';
import type { SweepSpec } from '../../src/sweep/spec';
import { type Outcomes, type RunRecord, type SensitivityInput, type SweepRun, sensitivityMarkdown } from './markdown';
import { checkGaps, screenLeftOut } from './screen';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SPEED = 'fits/sensitivity-speed.sweep.json';
const THRESHOLD = 'fits/sensitivity-threshold.sweep.json';

const { values: opt } = parseArgs({
  options: {
    workers: { type: 'string', default: '2' },
    out: { type: 'string', default: 'runs/sensitivity' },
    points: { type: 'string' },
    'analyse-only': { type: 'boolean', default: false },
  },
});
const t0 = performance.now();
const load0 = loadavg()[0];
/** The code that runs: the commit, and whether the model, sweeps or scenarios differ from it. */
const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
const commit = `${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain', '--', 'src', 'fits', 'scripts') ? ' with uncommitted changes' : ''}`;
const out = resolve(ROOT, opt.out);
mkdirSync(out, { recursive: true });
/** The document and its figures: docs/validation, or the output folder for a trial. */
const docDir = opt.points ? join(out, `trial-${opt.points}`) : join(ROOT, 'docs/validation');

/** The sweep file to run: the committed one, or (--points) a trial copy in the output folder. */
function sweepFile(rel: string): string {
  const file = join(ROOT, rel);
  if (!opt.points) return file;
  const { spec } = readSweepFile(file);
  const trial = join(out, `trial-${opt.points}-${rel.split('/').pop()}`);
  const raw = JSON.parse(readFileSync(file, 'utf8'));
  raw.points = Number(opt.points);
  raw.name = `${spec.name}-trial-${opt.points}`;
  raw.base = resolve(dirname(file), raw.base);
  delete raw.$schema;
  writeFileSync(trial, `${JSON.stringify(raw, null, 2)}\n`);
  return trial;
}

/** CPU seconds of this process and its finished children (Linux: /proc/self/stat, 100 ticks a second), or null elsewhere. */
function cpuSeconds(): number | null {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields 14-17 of stat (utime, stime, cutime, cstime) are 11-14 after the command name
    return (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / 100;
  } catch {
    return null;
  }
}
const cpu0 = cpuSeconds();

const files = { speed: sweepFile(SPEED), threshold: sweepFile(THRESHOLD) };
const speedIn = readSweepFile(files.speed);
const thresholdIn = readSweepFile(files.threshold);
const design = (s: SweepSpec) => JSON.stringify([s.design, s.points, s.seed, s.axes, s.all_params]);
if (design(speedIn.spec) !== design(thresholdIn.spec))
  throw new Error(
    `${SPEED} and ${THRESHOLD} must share their design (axes, points, seed, what is left out): the two outputs are analysed over the same parameter sets`,
  );
const spec = speedIn.spec;

// 1. the parameters left out change nothing (and the control runs at the defaults)
const skipped = spec.all_params?.skipped ?? [];
console.error(`[sensitivity] checking the ${skipped.length} parameters left out on both scenarios`);
const screenSpeed = await screenLeftOut(spec, baseWithSet(speedIn.baseRaw, spec), FERROWAVE_VERSION);
const screenThreshold = await screenLeftOut(thresholdIn.spec, baseWithSet(thresholdIn.baseRaw, thresholdIn.spec), FERROWAVE_VERSION);
const gaps = await checkGaps(thresholdIn.spec, baseWithSet(thresholdIn.baseRaw, thresholdIn.spec), FERROWAVE_VERSION);
if (gaps.some((g) => g.crossed)) console.error('[sensitivity] WARNING: a wave crossed a gap between lanes');
const screenRuns = 2 * (1 + screenSpeed.params.length) + 2 * gaps.length;
const changed = screenSpeed.params.filter((p, k) => !p.inert || !screenThreshold.params[k].inert);
if (changed.length) console.error(`[sensitivity] WARNING: left out but acting: ${changed.map((p) => p.name).join(', ')}`);

// 2. the sweeps, on the worker pool (resumed when their folder exists), with what they cost in run.json
const RECORD = join(out, 'run.json');
const rowsOf: Record<string, RunRow[]> = {};
const rowsIn = (dir: string) => {
  const m = readManifest(dir);
  const present = completedRuns(dir);
  return readRows(
    dir,
    m,
    m.runs.filter((x) => present.has(x.run)),
  );
};
let record: RunRecord;
if (opt['analyse-only']) {
  record = JSON.parse(readFileSync(RECORD, 'utf8')) as RunRecord;
  for (const [key, s] of [['speed', record.sweeps[0]] as const, ['threshold', record.sweeps[1]] as const]) {
    const dir = join(out, s.name);
    rowsOf[key] = rowsIn(dir);
    // sobol.csv as this code writes it
    writeSobolCsv(dir, readManifest(dir), rowsOf[key]);
  }
} else {
  const sweeps: SweepRun[] = [];
  for (const [key, file] of Object.entries(files)) {
    const name = readSweepFile(file).spec.name;
    const dir = join(out, name);
    const args = ['bin/ferrowave.mjs', 'sweep', file, '--out', dir, '--workers', opt.workers!];
    if (existsSync(join(dir, 'manifest.json'))) args.push('--resume');
    const s0 = performance.now();
    const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0) throw new Error(`ferrowave sweep ${file} failed (exit ${r.status})`);
    const rows = rowsIn(dir);
    rowsOf[key] = rows;
    sweeps.push({
      name,
      file: relative(ROOT, file),
      runs: rows.length,
      failed: rows.filter((x) => x.outcome.status === 'failed').length,
      wall_s: (performance.now() - s0) / 1000,
    });
  }
  record = {
    commit,
    date: new Date().toISOString().slice(0, 10),
    machine: `${cpus().length}-core ${cpus()[0]?.model.trim() ?? 'CPU'}, Node ${process.version}, ${opt.workers} workers, 1-min load average ${load0.toFixed(1)} at the start (the machine is shared)`,
    wall_s: (performance.now() - t0) / 1000,
    cpu_s: cpu0 === null ? null : (cpuSeconds() ?? cpu0) - cpu0,
    sweeps,
    screenRuns,
  };
  writeAtomic(RECORD, `${JSON.stringify(record, null, 1)}\n`);
}
const sweeps = record.sweeps;

// 3. the analysis
const k = spec.axes.length;
const speedMan = readManifest(join(out, sweeps[0].name));
const [speed] = sobolAnalysis(speedMan.sweep, speedMan.columns, rowsOf.speed);
const thMan = readManifest(join(out, sweeps[1].name));
const [threshold] = sobolAnalysis(thMan.sweep, thMan.columns, rowsOf.threshold);
if (!speed || !threshold) throw new Error('no finished run measured the wave speed or the erastin threshold');

/** The A and B runs: a plain sample of the parameter space. */
const sample = (rows: RunRow[]) => rows.filter((r) => saltelliRole(r.planned.point, k).matrix !== 'AB');
const quantiles = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? [0.05, 0.25, 0.5, 0.75, 0.95].map((q) => s[Math.min(s.length - 1, Math.round(q * (s.length - 1)))]) : [];
};
const count = (xs: string[]) => {
  const c: Record<string, number> = {};
  for (const x of xs) c[x] = (c[x] ?? 0) + 1;
  return c;
};
const speedSample = sample(rowsOf.speed).flatMap((r) => (r.outcome.summary ? [r.outcome.summary] : []));
const speedOutcomes: Outcomes = {
  counts: count(speedSample.map((s) => (s.wave.pattern === 'wave' ? 'wave' : s.wave.pattern === 'synchronous' ? 'synchronous death' : 'no wave'))),
  quantiles: quantiles(speedSample.flatMap((s) => (s.wave.pattern === 'wave' && s.wave.speed_um_per_min !== null ? [s.wave.speed_um_per_min] : []))),
};
const thSample = sample(rowsOf.threshold).flatMap((r) => (r.outcome.summary?.erastin_lanes ? [r.outcome.summary.erastin_lanes] : []));
const thresholdOutcomes: Outcomes = {
  counts: count(thSample.map((l) => (l.range === 'in-range' ? 'in range' : l.range === 'below-range' ? 'below 0.1 uM' : 'above 10 uM'))),
  quantiles: quantiles(thSample.flatMap((l) => (l.range === 'in-range' ? [log2Threshold(l)!] : []))),
};

// 4. the document and its figures
const control = screenSpeed.control;
const lanes = screenThreshold.control.erastin_lanes;
const input: SensitivityInput = {
  version: FERROWAVE_VERSION,
  run: record,
  analysedBy: commit === record.commit ? null : commit,
  points: spec.points!,
  axes: k,
  factor: spec.all_params?.factor ?? 1.5,
  seed: spec.seed,
  speed,
  threshold,
  control: {
    speed_um_per_min: control.wave.speed_um_per_min,
    pattern: control.wave.pattern,
    threshold_uM: lanes?.threshold_uM ?? null,
    threshold_range: lanes?.range ?? 'no lanes',
  },
  speedOutcomes,
  thresholdOutcomes,
  gaps,
  screened: screenSpeed.params.map((p, j) => ({ ...p, inertSpeed: p.inert, inertThreshold: screenThreshold.params[j].inert })),
  fixed: skipped.filter((s) => s.reason === 'fixed by sweep.set').map((s) => s.name),
  figures: { speed: 'sensitivity/sobol-wave-speed.svg', threshold: 'sensitivity/sobol-erastin-threshold.svg' },
  out: relative(ROOT, out),
};
mkdirSync(join(docDir, 'sensitivity'), { recursive: true });
writeAtomic(join(docDir, input.figures.speed), sobolChart(speed));
writeAtomic(join(docDir, input.figures.threshold), sobolChart(threshold));
writeAtomic(join(docDir, 'sensitivity.md'), sensitivityMarkdown(input));
console.error(
  `[sensitivity] ${relative(ROOT, join(docDir, 'sensitivity.md'))} written: ${sweeps.reduce((n, x) => n + x.runs, 0) + record.screenRuns} runs in ${(record.wall_s / 60).toFixed(1)} min`,
);
