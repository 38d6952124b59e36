// Why this file exists: the tidy runs.csv of a sweep folder, one row per run: run_id (its scenario's name), index, design point,
// replicate, seed, the varied values, status and error, then every kept summary metric (units in
// the names). It is built from the run folders' contents, sorted by run index, so it is
// byte-identical however the sweep was run: any number of workers, killed and resumed, sharded
// and merged. Pure: sweep-folder-fs.ts reads the folders and writes the file.
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

/** Parse a CSV produced by runsCsv (quoted fields allowed) into rows of strings. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (ch !== '\r') field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
