// Why this file exists: the page's dose-response, without DOM (dose-panel.ts shows it). An agent at
// a list of doses is a sweep: one axis (the agent's uM), a number of replicates, a master seed. The
// page writes it as the sweep file `ferrowave sweep` takes, validates and plans it with the sweep's
// own code (seeds, scenarios), runs each run whole on a run worker as a sweep's pool worker does
// (src/engine/whole-run.ts) and reads the sweep's metrics off each summary, so each run gives what
// runs.csv of `ferrowave sweep` on that file gives. Each dose's row is the mean over its replicates
// (and SD), its speed also as a ratio to the dose-0 control, beside the published point at that
// dose when there is one (published-titrations.ts).
import type { RunWorker } from '../engine/whole-run';
import { AGENTS, type AgentId } from '../model/agents';
import type { ResolvedScenario } from '../model/scenario';
import { TARGETS } from '../model/targets';
import { FERROWAVE_VERSION } from '../model/version';
import { divergence, METRIC_NAMES, metricValues } from '../sweep/metrics';
import { planSweep, runScenario } from '../sweep/plan';
import { type SweepSpec, validateSweep } from '../sweep/spec';
import type { RawScenario, RawTreatment } from './controller';
import { type PublishedTitration, publishedAt, publishedTitration } from './published-titrations';

/** Agents a dose-response takes: dosed in uM, where 0 uM is no drug (not a medium whose level is replaced, not a pulse in a.u.). */
export const DOSE_AGENTS: readonly AgentId[] = (Object.keys(AGENTS) as AgentId[]).filter((a) => {
  const s = AGENTS[a];
  return s.unit === 'uM' && s.dose_key === 'uM' && !s.actions.some((x) => TARGETS[x.target].kind === 'medium');
});

/** At most this many runs from the page (doses x replicates). */
export const MAX_DOSE_RUNS = 400;

/** The default doses of an agent: the published titration's (control included), else 0 and four doses around its default. */
export function defaultDoses(agent: AgentId): number[] {
  const pub = publishedTitration(agent);
  if (pub) return pub.points.map((p) => p.uM);
  const s = AGENTS[agent];
  const d = s.default_dose > 0 ? s.default_dose : s.range[1] / 10;
  return [0, ...[0.1, 0.3, 1, 3].map((f) => Math.min(s.range[1], +(d * f).toPrecision(3)))].filter((v, i, a) => a.indexOf(v) === i);
}

/** Doses typed as text ("0, 0.3, 1 3;10"): ascending, without repeats; throws with a readable message. */
export function parseDoses(text: string): number[] {
  const parts = text.split(/[\s,;]+/).filter((p) => p !== '');
  if (!parts.length) throw new Error('doses: give a list of concentrations in uM, e.g. 0, 1, 10');
  const out: number[] = [];
  for (const p of parts) {
    const v = Number(p);
    if (!Number.isFinite(v) || v < 0) throw new Error(`doses: "${p}" is not a concentration (a number >= 0, in uM)`);
    if (!out.includes(v)) out.push(v);
  }
  return out.sort((a, b) => a - b);
}

export interface DoseRequest {
  /** the scenario the agent is added to (raw JSON), and what to call it */
  base: RawScenario;
  baseLabel: string;
  agent: AgentId;
  /** uM; 0 (the control) is added when missing */
  doses: readonly number[];
  replicates: number;
  /** the sweep's master seed: every run's seed derives from it */
  seed: number;
}

export interface PlannedDoseRun {
  run: number;
  dose: number;
  seed: number;
  scenario: ResolvedScenario;
}

export interface DosePlan {
  request: DoseRequest;
  /** the sweep file (JSON) that `ferrowave sweep` runs to the same runs and numbers */
  sweep: Record<string, unknown>;
  spec: SweepSpec;
  /** the doses run, ascending, the control (0) first */
  doses: number[];
  runs: PlannedDoseRun[];
  /** the treatment whose uM the dose sets; whether the page added it (else the base had it) and from when */
  path: string;
  added: boolean;
  start_min: number;
}

/**
 * The sweep of a request, validated and planned with the sweep's own code (a SweepError or a
 * ScenarioError names what is wrong). The dose sets the first treatment of the agent in the base;
 * without one, the agent is added from the start of the base's first treatment (the drugs of the
 * published titrations were given with erastin), or from t = 0.
 */
export function planDoses(req: DoseRequest): DosePlan {
  const doses = req.doses.includes(0) ? [...req.doses] : [0, ...req.doses];
  doses.sort((a, b) => a - b);
  if (!Number.isInteger(req.replicates) || req.replicates < 1) throw new Error('replicates: a whole number, at least 1');
  if (doses.length * req.replicates > MAX_DOSE_RUNS)
    throw new Error(`${doses.length} doses x ${req.replicates} replicates: at most ${MAX_DOSE_RUNS} runs from the page (run more with \`ferrowave sweep\`)`);
  const treatments = (Array.isArray(req.base.treatments) ? req.base.treatments : []) as RawTreatment[];
  const existing = treatments.findIndex((t) => t.agent === req.agent);
  const k = existing >= 0 ? existing : treatments.length;
  const starts = treatments.map((t) => Number(t.start_min ?? 0)).filter((t) => Number.isFinite(t));
  const start_min = existing >= 0 ? Number(treatments[existing].start_min ?? 0) : starts.length ? Math.min(...starts) : 0;
  const base = structuredClone(req.base);
  delete base.seed;
  const sweep: Record<string, unknown> = {
    name: `dose-response-${req.agent}`.replace(/[^A-Za-z0-9_.-]/g, '-'),
    description: `${AGENTS[req.agent].name} at ${doses.length} doses (uM) on ${req.baseLabel}, ${req.replicates} replicate${req.replicates > 1 ? 's' : ''} per dose: the sandbox page's dose-response`,
    base,
    ...(existing >= 0 ? {} : { set: { [`treatments[${k}].agent`]: req.agent, [`treatments[${k}].start_min`]: start_min } }),
    axes: [{ path: `treatments[${k}].uM`, values: doses }],
    replicates: req.replicates,
    seed: req.seed,
  };
  const spec = validateSweep(structuredClone(sweep), { metrics: METRIC_NAMES, timeseriesColumns: [] });
  const plan = planSweep(spec, base, FERROWAVE_VERSION);
  const runs = plan.runs.map((r) => ({ run: r.run, dose: r.values[0] as number, seed: r.seed, scenario: runScenario(plan, spec, r, FERROWAVE_VERSION) }));
  return { request: req, sweep, spec, doses, runs, path: `treatments[${k}].uM`, added: existing < 0, start_min };
}

/** What one run gave: the sweep's metrics of its summary, or why it failed (as runs.csv's status and error). */
export interface DoseRunResult {
  run: number;
  dose: number;
  seed: number;
  ok: boolean;
  error: string | null;
  /** wave_speed_um_per_min (null: no travelling front) */
  speed_um_per_min: number | null;
  wave_pattern: string | null;
  /** death_fraction_final: ferroptotic commitments / cells that ever lived */
  fraction_dead: number | null;
}

/** A dose's row: means over its runs that did not fail (speed over those with a wave), and the published point. */
export interface DoseRow {
  dose_uM: number;
  runs: number;
  /** runs done without failing, and of them those with a travelling wave */
  ok: number;
  waves: number;
  /** what the finished runs showed: "wave 3", "wave 2, synchronous 1", "failed 1" ('' before any) */
  patterns: string;
  speed_um_per_min: number | null;
  speed_sd_um_per_min: number | null;
  /** speed / the control's (dose 0) mean speed, and its SD */
  ratio: number | null;
  ratio_sd: number | null;
  fraction_dead: number | null;
  fraction_dead_sd: number | null;
  published_ratio: number | null;
  published_sd: number | null;
}

const mean = (v: readonly number[]) => (v.length ? v.reduce((a, b) => a + b, 0) / v.length : null);
/** sample SD (n - 1); 0 for one value, null for none */
const sd = (v: readonly number[]) => {
  const m = mean(v);
  if (m === null) return null;
  if (v.length < 2) return 0;
  return Math.sqrt(v.reduce((a, b) => a + (b - m) ** 2, 0) / (v.length - 1));
};

/** The rows of the doses so far (a dose without finished runs has nulls). */
export function doseRows(plan: DosePlan, results: ReadonlyArray<DoseRunResult | undefined>, pub: PublishedTitration | null): DoseRow[] {
  const rows = plan.doses.map((dose): DoseRow => {
    const rs = results.filter((r): r is DoseRunResult => r !== undefined && r.dose === dose);
    const ok = rs.filter((r) => r.ok);
    const speeds = ok.flatMap((r) => (r.speed_um_per_min === null ? [] : [r.speed_um_per_min]));
    const dead = ok.flatMap((r) => (r.fraction_dead === null ? [] : [r.fraction_dead]));
    const p = publishedAt(pub, dose);
    const counts = new Map<string, number>();
    for (const r of rs) {
      const k = r.ok ? (r.wave_pattern ?? 'none') : 'failed';
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    return {
      dose_uM: dose,
      runs: plan.runs.filter((r) => r.dose === dose).length,
      ok: ok.length,
      waves: speeds.length,
      patterns: [...counts].map(([k, c]) => `${k} ${c}`).join(', '),
      speed_um_per_min: mean(speeds),
      speed_sd_um_per_min: sd(speeds),
      ratio: null,
      ratio_sd: null,
      fraction_dead: mean(dead),
      fraction_dead_sd: sd(dead),
      published_ratio: p ? p.ratio : null,
      published_sd: p ? p.sd_ratio : null,
    };
  });
  const control = rows.find((r) => r.dose_uM === 0)?.speed_um_per_min ?? null;
  for (const r of rows) {
    if (control === null || control <= 0 || r.speed_um_per_min === null) continue;
    r.ratio = r.speed_um_per_min / control;
    r.ratio_sd = r.speed_sd_um_per_min === null ? null : r.speed_sd_um_per_min / control;
  }
  return rows;
}

/** The table as CSV: the columns asked for first, then the SD of the speed and the run counts. */
export function doseCsv(rows: readonly DoseRow[]): string {
  const cell = (v: number | null) => (v === null || !Number.isFinite(v) ? '' : String(+v.toPrecision(7)));
  const head = ['dose_uM', 'speed_um_per_min', 'ratio', 'fraction_dead', 'published_ratio', 'published_sd', 'speed_sd_um_per_min', 'runs', 'runs_with_wave'];
  const lines = rows.map((r) =>
    [r.dose_uM, r.speed_um_per_min, r.ratio, r.fraction_dead, r.published_ratio, r.published_sd, r.speed_sd_um_per_min, r.ok, r.waves].map(cell).join(','),
  );
  return `${[head.join(','), ...lines].join('\n')}\n`;
}

const errorText = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

/** The result of one run from its summary and samples (a diverged run fails, as in a sweep). */
export function runResult(r: PlannedDoseRun, out: { summary: Parameters<typeof divergence>[1]; samples: Parameters<typeof divergence>[0] }): DoseRunResult {
  const diverged = divergence(out.samples, out.summary);
  if (diverged) return { run: r.run, dose: r.dose, seed: r.seed, ok: false, error: diverged, speed_um_per_min: null, wave_pattern: null, fraction_dead: null };
  const [speed, pattern, dead] = metricValues(out.summary, ['wave_speed_um_per_min', 'wave_pattern', 'death_fraction_final']);
  return {
    run: r.run,
    dose: r.dose,
    seed: r.seed,
    ok: true,
    error: null,
    speed_um_per_min: typeof speed === 'number' ? speed : null,
    wave_pattern: typeof pattern === 'string' ? pattern : null,
    fraction_dead: typeof dead === 'number' ? dead : null,
  };
}

/**
 * A dose-response running: its runs handed to the workers one at a time (each takes the next when
 * done, as the sweep's pool does), the results as they come, the share done, and cancel().
 */
export class DoseResponse {
  readonly results: Array<DoseRunResult | undefined>;
  readonly published: PublishedTitration | null;
  /** called after each run (and on progress within runs, at most a few times per second) */
  onChange: (() => void) | null = null;
  /** resolves when every run is done or the dose-response was cancelled */
  readonly done: Promise<void>;
  private readonly share = new Map<number, number>();
  private readonly startedAt = performance.now();
  private endedAt: number | null = null;
  private next = 0;
  private stopped = false;
  private stop!: () => void;
  private readonly stoppedSignal: Promise<null>;

  constructor(
    readonly plan: DosePlan,
    workers: readonly RunWorker[],
  ) {
    if (!workers.length) throw new Error('a dose-response needs at least one run worker');
    this.results = plan.runs.map(() => undefined);
    this.published = publishedTitration(plan.request.agent);
    this.stoppedSignal = new Promise((res) => {
      this.stop = () => res(null);
    });
    const n = Math.min(workers.length, plan.runs.length);
    this.done = Promise.all(workers.slice(0, n).map((w) => this.work(w))).then(() => undefined);
  }

  private async work(w: RunWorker): Promise<void> {
    while (!this.stopped && this.next < this.plan.runs.length) {
      const r = this.plan.runs[this.next++];
      this.share.set(r.run, 0);
      let res: DoseRunResult;
      try {
        const out = await Promise.race([
          w.run(r.scenario, (f) => {
            this.share.set(r.run, f);
            this.onChange?.();
          }),
          this.stoppedSignal,
        ]);
        if (out === null) return;
        res = runResult(r, out);
      } catch (e) {
        if (this.stopped) return;
        res = { run: r.run, dose: r.dose, seed: r.seed, ok: false, error: errorText(e), speed_um_per_min: null, wave_pattern: null, fraction_dead: null };
      }
      this.share.delete(r.run);
      this.results[r.run] = res;
      if (this.finished) this.endedAt = performance.now();
      this.onChange?.();
    }
  }

  /** runs finished */
  get finishedRuns(): number {
    return this.results.filter((r) => r !== undefined).length;
  }

  /** whether every run finished */
  get finished(): boolean {
    return this.finishedRuns === this.plan.runs.length;
  }

  get cancelled(): boolean {
    return this.stopped && !this.finished;
  }

  /** ms from the start to the last run's end (or to now while running) */
  get elapsedMs(): number {
    return (this.endedAt ?? performance.now()) - this.startedAt;
  }

  /** the share of the work done, 0..1 (finished runs and the share of those in flight) */
  progress(): number {
    let f = this.finishedRuns;
    for (const s of this.share.values()) f += s;
    return f / Math.max(1, this.plan.runs.length);
  }

  /** Stop handing out runs and stop waiting for those in flight (the caller terminates their workers). */
  cancel(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.share.clear();
    this.stop();
    this.onChange?.();
  }

  rows(): DoseRow[] {
    return doseRows(this.plan, this.results, this.published);
  }

  csv(): string {
    return doseCsv(this.rows());
  }
}
