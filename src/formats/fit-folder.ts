// Why this file exists: what a fit folder holds and the identity of a fit. fit.resolved.json is
// everything the fit's numbers depend on (the validated fit file with every default, the data
// points as read, the scenarios, the start, the version and the model's fingerprint); a folder is
// continued only by the same fit. state.json is the optimiser's state after the last batch, and
// batches/ each shard's runs of a batch, one line per run as it finishes. Pure: fit-folder-fs.ts
// reads and writes them.
import type { DataPoint, SkippedRows } from '../fit/data';
import type { FitState } from '../fit/driver';
import type { RunOutcome } from '../fit/observables';
import type { FitSpec } from '../fit/spec';

export const FIT_RESOLVED = 'fit.resolved.json';
export const FIT_STATE = 'state.json';
export const BATCHES_DIR = 'batches';
export const EVALUATIONS_CSV = 'evaluations.csv';
export const POINTS_CSV = 'points.csv';
export const UNCERTAINTY_CSV = 'uncertainty.csv';
export const PROFILES_CSV = 'profiles.csv';
export const BEST_PARAMS = 'best-params.json';
export const REPORT_MD = 'report.md';
export const PLOTS_DIR = 'plots';
/** the names a fit folder may hold (anything else: not a fit folder) */
export const FIT_FOLDER_NAMES = [
  FIT_RESOLVED,
  FIT_STATE,
  BATCHES_DIR,
  EVALUATIONS_CSV,
  POINTS_CSV,
  UNCERTAINTY_CSV,
  PROFILES_CSV,
  BEST_PARAMS,
  REPORT_MD,
  PLOTS_DIR,
];

export const FIT_FORMAT = 'ferrowave-fit/1';

/** fit.resolved.json: the fit as it runs. */
export interface ResolvedFit {
  format: typeof FIT_FORMAT;
  ferrowave_version: string;
  /** hash of the model, analysis, engine and fit sources: a changed model is another fit */
  model_fingerprint: string;
  fit: FitSpec;
  /** each data file's scenario with its set applied (raw, as the runs start from it) */
  scenarios: Array<Record<string, unknown>>;
  points: DataPoint[];
  skipped: SkippedRows[];
  /** the start values of the fitted parameters */
  start: number[];
}

export function resolvedFitText(r: ResolvedFit): string {
  return `${JSON.stringify(r, null, 2)}\n`;
}

/** The top-level parts in which two resolved fits differ (empty: the same fit). */
export function fitDifferences(a: ResolvedFit, b: ResolvedFit): string[] {
  const out: string[] = [];
  if (a.ferrowave_version !== b.ferrowave_version) out.push(`ferrowave version (${a.ferrowave_version} -> ${b.ferrowave_version})`);
  if (a.model_fingerprint !== b.model_fingerprint) out.push(`the model's code (fingerprint ${a.model_fingerprint} -> ${b.model_fingerprint})`);
  for (const k of Object.keys(b.fit) as Array<keyof FitSpec>) if (JSON.stringify(a.fit?.[k]) !== JSON.stringify(b.fit[k])) out.push(`fit.${k}`);
  if (JSON.stringify(a.scenarios) !== JSON.stringify(b.scenarios)) out.push('the scenarios');
  if (JSON.stringify(a.points) !== JSON.stringify(b.points) || JSON.stringify(a.skipped) !== JSON.stringify(b.skipped)) out.push('the data rows');
  if (JSON.stringify(a.start) !== JSON.stringify(b.start)) out.push('the start values');
  if (a.format !== b.format) out.push(`format (${a.format} -> ${b.format})`);
  return out;
}

export interface StateFile {
  state: FitState;
}

export function stateText(state: FitState): string {
  return `${JSON.stringify({ state } satisfies StateFile)}\n`;
}

/** A shard's share of a batch: its file (complete) and the one it appends to while running. */
export function batchFile(batch: number, shard: { index: number; count: number }, partial: boolean): string {
  return `b${String(batch).padStart(6, '0')}-s${shard.index}of${shard.count}${partial ? '.partial' : ''}.jsonl`;
}

/** The first line of a batch file: which batch and candidates it belongs to. */
export interface BatchHeader {
  batch: number;
  runs: number;
  shard: [number, number];
  /** a digest of the candidates' parameter values: shards that disagree on the batch refuse to mix */
  candidates: string;
}

export interface BatchLine {
  r: number;
  o: RunOutcome;
}

export const batchHeaderLine = (h: BatchHeader) => `${JSON.stringify(h)}\n`;
export const batchLine = (l: BatchLine) => `${JSON.stringify(l)}\n`;

/**
 * The runs of a batch file's text: the header and every complete line (a line cut short by a kill
 * is dropped; its run runs again).
 */
export function parseBatchText(text: string): { header: BatchHeader | null; lines: BatchLine[] } {
  const rows = text.split('\n');
  let header: BatchHeader | null = null;
  const lines: BatchLine[] = [];
  rows.forEach((row, k) => {
    if (k === rows.length - 1) return; // after the last newline: empty, or a torn line
    try {
      const v = JSON.parse(row);
      if (k === 0) header = v;
      else lines.push(v);
    } catch {
      // torn or damaged: ignored
    }
  });
  return { header, lines };
}
