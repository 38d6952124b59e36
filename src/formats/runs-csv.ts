// Why this file exists: the tidy runs.csv of a sweep folder, one row per run: run_id (its scenario's name), index, design point,
// replicate, seed, the varied values, status and error, then every kept summary metric (units in
// the names). It is built from the run folders' contents, sorted by run index, so it is
// byte-identical however the sweep was run: any number of workers, killed and resumed, sharded
// and merged. Pure: sweep-folder-fs.ts reads the folders and writes the file. Tables are read back
// with the project's one CSV parser (src/model/csv-text.ts).
import { parseCsv as parseCsvText } from '../model/csv-text';
import { metricValues } from '../sweep/metrics';
import type { RunRow } from '../sweep/outcome';
import type { PlannedRun } from '../sweep/plan';
import type { Scalar } from '../sweep/spec';

/** One CSV field: empty for null, quoted when it holds a comma, quote or line break. */
export function csvField(v: Scalar | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  const s = String(v);
  return /[",\r\n]/.test(s) || s.trim() !== s ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The columns that say which run a row is: run_id (its scenario's name), run (its index), design point, replicate, seed. */
export const RUN_DESIGN_COLUMNS = ['run_id', 'run', 'point', 'replicate', 'seed'] as const;

/** run_id, run, point, replicate, seed and the varied values of a run, as CSV fields. */
export function designFields(runId: string, p: PlannedRun): string {
  return [runId, p.run, p.point, p.replicate, p.seed, ...p.values].map(csvField).join(',');
}

export function runsCsvHeader(columns: readonly string[], metrics: readonly string[]): string {
  return [...RUN_DESIGN_COLUMNS, ...columns, 'status', 'error', ...metrics].join(',');
}

/** runs.csv; `runId` names a run by its index (runName of the sweep). */
export function runsCsv(columns: readonly string[], metrics: readonly string[], rows: readonly RunRow[], runId: (run: number) => string): string {
  const sorted = [...rows].sort((a, b) => a.planned.run - b.planned.run);
  const lines = [runsCsvHeader(columns, metrics)];
  for (const { planned: p, outcome: o } of sorted) {
    const m = o.summary ? metricValues(o.summary, metrics) : metrics.map(() => null);
    const firstLine = o.error ? o.error.split('\n')[0] : null;
    lines.push([designFields(runId(p.run), p), ...[o.status, firstLine, ...m].map(csvField)].join(','));
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The rows of a CSV that ferrowave wrote (runs.csv, sobol.csv, timeseries.csv), as fields: the one
 * CSV parser of src/model/csv-text.ts (quoted fields, CRLF or LF, blank lines skipped; an
 * unterminated quote throws), without the line numbers.
 */
export function parseCsv(text: string): string[][] {
  return parseCsvText(text).map((r) => r.fields);
}
