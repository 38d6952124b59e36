// Why this file exists: the bounds of a scenario's own numbers (parameters and agents have theirs
// in their registries), in one place for the validation (scenario.ts) and the JSON schemas
// (scripts/schemas), and the bounds that come from what a machine can do rather than from the
// biology. A scenario outside them is refused before anything is allocated or computed, with the
// field, the value and the allowed range: the state must fit in one WebAssembly memory (4 GiB),
// the run must be at most 10^12 site-steps (hours on one core, not years), the time step at least
// 0.001 min, and the time series at most 200,000 rows. The CLI and the page apply the same ones.
import { diffusingAgents } from './schedule';
import { bytesPerSite, stateBytes } from './layout';
import type { Problem, ResolvedScenario } from './scenario';

/** The allowed values of a number: min <= x (or gt < x) <= max, an integer if `int`, `def` when absent. */
export interface Bound {
  min?: number;
  max?: number;
  gt?: number;
  int?: boolean;
  def?: number;
  unit?: string;
}

/** Longest run (min). */
export const DURATION_MAX_MIN = 100_000;
export const SEED: Bound = { int: true, min: 0, max: 2 ** 32 - 1 };
/** Sites per side of the lattice. */
export const LATTICE_SIDE = { int: true, min: 1, max: 8192, unit: 'sites' } as const satisfies Bound;
/** Size of a lattice site (um). */
export const SITE_UM: Bound = { min: 5, max: 50, def: 20, unit: 'um' };
export const DURATION: Bound = { gt: 0, max: DURATION_MAX_MIN, unit: 'min' };
export const DENSITY: Bound = { gt: 0, max: 1, def: 1, unit: 'fraction of sites seeded with a cell' };
/** A subclone's phenotype factor per gene (the state stores it in one byte, up to 256x). */
export const PHENO_FACTOR: Bound = { gt: 0, max: 256, unit: 'x parental expression' };
export const SUBCLONE_FRACTION: Bound = { gt: 0, max: 1, def: 1, unit: 'fraction of seeded cells' };
export const KNOCKDOWN_FACTOR: Bound = { gt: 0, max: 1, unit: 'x expression' };
export const OVEREXPRESS_FACTOR: Bound = { min: 1, max: 100, unit: 'x expression' };
export const START_MIN: Bound = { min: 0, def: 0, unit: 'min' };
/** Time step (min): below 0.001 min a run is only slower, never more accurate (the fast block is implicit). */
export const DT_MIN: Bound = { min: 0.001, max: 2, def: 0.5, unit: 'min' };
export const SLOW_EVERY: Bound = { int: true, min: 1, max: 100, def: 8, unit: 'steps' };
/** Steps between diffusions of the slow fields; the default depends on the tissue (FIELD_EVERY_DEFAULT). */
export const FIELD_EVERY: Bound = { int: true, min: 1, max: 1000, unit: 'steps' };
/** tissue fields (tumours) change faster around vessels: diffuse them every other step */
export const FIELD_EVERY_DEFAULT = { monolayer: 10, tumour: 2 } as const;
/** A pre-grown tumour mass (tissue.pregrown, pregrown.ts): its radius is checked against the lattice. */
export const PREGROWN = {
  r_um: { gt: 0, unit: 'um' },
  roughness: { min: 0, max: 0.5, def: 0.08, unit: 'x radius' },
  vessel_spacing_um: { min: 40, max: 10_000, def: 300, unit: 'um' },
  vessel_r_um: { min: 0, max: 200, def: 15, unit: 'um' },
  avascular_core: { min: 0, max: 1, def: 0.5, unit: 'x radius' },
} as const satisfies Record<string, Bound>;
export const SAMPLE_EVERY: Bound = { gt: 0, max: DURATION_MAX_MIN, def: 5, unit: 'min' };
/** One WebAssembly memory (wasm32: 65536 pages of 64 KiB) holds the whole state. */
export const MAX_STATE_BYTES = 2 ** 32;
/** Sites x steps of one run: ~6 h of one core at the ~45 M site-steps/s of a 2-core Xeon (README, Speed). */
export const MAX_SITE_STEPS = 1e12;
/** Rows of timeseries.csv (samples of one run). */
export const MAX_SAMPLES = 200_000;
/** Items of the scenario's lists. */
export const MAX_TREATMENTS = 1000;
export const MAX_GAPS = 1000;
export const MAX_SEEDS = 1000;
export const MAX_VESSELS = 10_000;
export const MAX_SUBCLONES = 254;
/** Points of one painted stroke, and of all strokes of a scenario together. */
export const STROKE_MAX_POINTS = 5000;
export const MAX_STROKE_POINTS_TOTAL = 100_000;
/** Length of `name` (one line: it names runs and progress lines) and of `description`. */
export const NAME_MAX_CHARS = 200;
export const DESCRIPTION_MAX_CHARS = 10_000;
/** Problems kept in one validation error (the count of the others is given). */
export const MAX_PROBLEMS = 100;

const gib = (bytes: number) => `${(bytes / 2 ** 30).toFixed(bytes < 2 ** 30 ? 2 : 1)} GiB`;
const sci = (x: number) => (x < 1e6 ? String(x) : Number(x.toPrecision(3)).toExponential().replace('e+', 'e'));
const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** The largest square lattice whose state fits MAX_STATE_BYTES with `drugs` diffusing drug fields. */
export function largestSquare(drugs: number): number {
  let lo = 1;
  let hi = LATTICE_SIDE.max;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (stateBytes(mid, mid, drugs) <= MAX_STATE_BYTES) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Samples a run takes (as runToEnd takes them: every round(sample_every_min / dt_min) steps, and at t = 0). */
export function sampleCount(sc: Pick<ResolvedScenario, 'duration_min' | 'numerics' | 'output'>): number {
  const steps = Math.round(sc.duration_min / sc.numerics.dt_min);
  const every = Math.max(1, Math.round(sc.output.sample_every_min / sc.numerics.dt_min));
  return Math.ceil(steps / every) + 1;
}

/** Problems of a scenario (already valid field by field) that a machine cannot run: memory, time, output. */
export function scaleProblems(sc: ResolvedScenario): Problem[] {
  const out: Problem[] = [];
  const { width: W, height: H } = sc.lattice;
  const drugs = diffusingAgents(sc).length;
  const bytes = stateBytes(W, H, drugs);
  if (bytes > MAX_STATE_BYTES) {
    const side = largestSquare(drugs);
    out.push({
      path: 'scenario.lattice',
      value: { width: W, height: H },
      message: `${W} x ${H} = ${grouped(W * H)} sites need ${gib(bytes)} of state (${bytesPerSite() + 4 * drugs} bytes per site${drugs ? `, ${drugs} diffusing drug field${drugs > 1 ? 's' : ''} included` : ''}); the state must fit in one WebAssembly memory of ${gib(MAX_STATE_BYTES)}: at most about ${grouped(Math.floor(MAX_STATE_BYTES / (bytesPerSite() + 4 * drugs)))} sites, e.g. ${side} x ${side}`,
    });
  }
  const steps = Math.round(sc.duration_min / sc.numerics.dt_min);
  const siteSteps = W * H * steps;
  if (siteSteps > MAX_SITE_STEPS)
    out.push({
      path: 'scenario',
      value: `${sci(siteSteps)} site-steps`,
      message: `lattice.width x lattice.height x (duration_min / numerics.dt_min) = ${W} x ${H} x ${sci(steps)} steps = ${sci(siteSteps)} site-steps: at most ${sci(MAX_SITE_STEPS)} (about 6 h of one core); shorten duration_min, raise numerics.dt_min or use a smaller lattice`,
    });
  const samples = sampleCount(sc);
  if (samples > MAX_SAMPLES)
    out.push({
      path: 'scenario.output.sample_every_min',
      value: sc.output.sample_every_min,
      message: `gives ${sci(samples)} samples (rows of timeseries.csv) over duration_min ${sc.duration_min}: at most ${MAX_SAMPLES}; sample at least every ${+((sc.duration_min / (MAX_SAMPLES - 1)) * 1.0001).toPrecision(3)} min`,
    });
  return out;
}
