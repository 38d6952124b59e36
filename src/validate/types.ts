// Why this file exists: the shape of a validation check (one behaviour of docs/behaviours.md),
// of its result, and of the context it runs in. A check is data (id, title, target, source) plus
// one async `run`; everything else (running, timing, the report) is shared.
import type { Sample } from '../analysis/observables';
import type { Summary } from '../analysis/summary';
import type { CellVar, FieldName, SimState } from '../model/layout';
import type { ResolvedScenario } from '../model/scenario';
import type { Simulation } from '../model/simulation';

export type Status = 'pass' | 'fail' | 'not-implemented';

export interface Figure {
  /** file name inside figures/ (the report prefixes it with the check id), e.g. "kymograph.svg" */
  file: string;
  caption: string;
  svg: string;
}

export interface CheckResult {
  status: Status;
  /** what the model gives, one line, with numbers and units (goes into the summary table) */
  model: string;
  /** optional Markdown for the check's section (tables, per-condition numbers, commands) */
  details?: string;
  figures: Figure[];
}

export interface Behaviour {
  /** e.g. "5.1" (docs/behaviours.md item) or a short name for targets from elsewhere */
  id: string;
  title: string;
  /** what docs/behaviours.md asks, with its numbers */
  target: string;
  /** the pass criterion this check applies (how the target is read, with thresholds) */
  pass?: string;
  /** citation */
  source: string;
  run(ctx: CheckContext): Promise<CheckResult>;
}

/** What to record per sample besides the standard observables. */
export type KymoKind =
  /** fraction of occupied sites in the column bin that are dying or dead */
  | { kind: 'committed' }
  /** mean of a cell variable over living (alive or dying) cells of the column bin (NaN if none) */
  | { kind: 'cell'; name: CellVar }
  /** mean of an extracellular field over all sites of the column bin */
  | { kind: 'field'; name: FieldName };

export interface RunSpec {
  scenario: ResolvedScenario;
  /** how to reproduce it from the command line (shown in the report) */
  command?: string;
  /** workers for this run; default: the context's workers for large lattices, 0 for small ones */
  workers?: number;
  /** cells (site indices) whose variables are recorded at every sample */
  track?: { cells: number[]; vars: CellVar[] };
  /** kymograph rows recorded at every sample (x binned to at most 200 columns) */
  kymographs?: KymoKind[];
  /** named scalars computed from the state at every sample */
  probes?: Record<string, (st: SimState) => number>;
  /** copies of the lattice (status, clone and these cell variables) at the first sample at or after each time */
  snapshots?: { t_min: number[]; vars?: CellVar[] };
  /**
   * record each site's first commitment time seen at any sample (a tumour refills the sites of
   * cleared cells, which resets t_dying; this keeps it)
   */
  commitTimes?: boolean;
}

/** The lattice at one sample. */
export interface Snapshot {
  /** time of the sample taken, min */
  t_min: number;
  status: Uint8Array;
  clone: Uint8Array;
  values: Record<string, Float32Array>;
}

export interface Track {
  index: number;
  x_um: number;
  y_um: number;
  /** one value per sample */
  values: Record<string, number[]>;
  status: number[];
}

export interface Kymograph {
  what: KymoKind;
  /** centre of each column bin, um */
  x_um: number[];
  /** edges of the binned domain, um */
  x_domain: [number, number];
  /** one row per sample */
  rows: Float64Array[];
}

export interface RunResult {
  scenario: ResolvedScenario;
  command: string;
  sim: Simulation;
  samples: Sample[];
  summary: Summary;
  tracks: Track[];
  kymographs: Kymograph[];
  probes: Record<string, number[]>;
  /** one per requested time that the run reached (see RunSpec.snapshots) */
  snapshots: Snapshot[];
  /** per site, the first commitment time seen (NaN: never committed); with RunSpec.commitTimes */
  commit_t: Float64Array | null;
  /** wall time of the run, s (for the run log only, never in the report) */
  wall_s: number;
}

export interface CheckContext {
  /** workers per simulation for large lattices */
  readonly workers: number;
  /**
   * A validated scenario: a preset (by name) with CLI-style overrides, e.g.
   * scenario('primed-light-pulse', ['treatments[0].uM=2.5']).
   */
  scenario(preset: string, overrides?: string[]): { scenario: ResolvedScenario; command: string };
  /** run to the end (memoised on the scenario and what is recorded) */
  run(spec: RunSpec): Promise<RunResult>;
  /** a line on the run log (stderr) */
  log(message: string): void;
}
