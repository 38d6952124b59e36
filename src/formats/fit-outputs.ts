// Why this file exists: every output file of a finished fit, as text, from its state (the tables,
// best-params.json, report.md and the figures), so a fit folder is written in one place and a
// rerun of a finished fit rewrites the same bytes.
import type { SkippedRows } from '../fit/data';
import type { FitState } from '../fit/driver';
import { rmsErrors } from '../fit/objective';
import type { FitPlan } from '../fit/plan';
import { fitPlots } from '../fit/plots';
import type { FitSpec } from '../fit/spec';
import { summariseUncertainty } from '../fit/uncertainty';
import { BEST_PARAMS, EVALUATIONS_CSV, POINTS_CSV, PROFILES_CSV, REPORT_MD, UNCERTAINTY_CSV } from './fit-folder';
import { fitReport } from './fit-report';
import { bestParamsText, evaluationsCsv, pointsCsv, profilesCsv, uncertaintyCsv } from './fit-tables';

export interface OutputInput {
  spec: FitSpec;
  plan: FitPlan;
  state: FitState;
  skipped: SkippedRows[];
  version: string;
  fingerprint: string;
}

export function fitOutputFiles(o: OutputInput): Array<{ path: string; text: string }> {
  const { spec, plan, state } = o;
  const files = [{ path: EVALUATIONS_CSV, text: evaluationsCsv(spec, state) }];
  const best = state.best;
  if (!best) return files;
  const u = summariseUncertainty(state, spec, state.informative);
  const score = { objective: best.objective, failed: 0, pass: 0, points: best.points };
  const rms = rmsErrors(plan, score);
  files.push(
    { path: BEST_PARAMS, text: bestParamsText(spec, best) },
    { path: POINTS_CSV, text: pointsCsv(spec, plan, best) },
    { path: UNCERTAINTY_CSV, text: uncertaintyCsv(spec, u, state) },
    { path: PROFILES_CSV, text: profilesCsv(u, best.objective) },
    { path: REPORT_MD, text: fitReport({ spec, plan, state, skipped: o.skipped, uncertainty: u, rms, version: o.version, fingerprint: o.fingerprint }) },
  );
  for (const p of fitPlots(spec, plan, best, u)) files.push({ path: p.path, text: p.svg });
  return files;
}
