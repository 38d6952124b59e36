// Why this file exists: what happened to a run of a sweep (ok with its summary, or failed with its
// error) next to what was planned for it: the rows that runs.csv and the HTML report are made of.
import type { Summary } from '../analysis/summary';
import type { PlannedRun } from './plan';

export interface RunOutcome {
  status: 'ok' | 'failed';
  /** failed runs: what went wrong (one line) */
  error: string | null;
  /** ok runs: the run's summary.json */
  summary: Summary | null;
}

export interface RunRow {
  planned: PlannedRun;
  outcome: RunOutcome;
}
