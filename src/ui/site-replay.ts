// Why this file exists: a selected cell's whole history. The run is deterministic, so the page can
// replay it from t = 0 (the running scenario, with the treatments added here at their times: the
// same bits as the run itself) on a second simulation stepped by its own engine, in a Web Worker
// when one is given, and read the one site at every sample time: every per-cell variable and
// every extracellular field from t = 0, as they were. Costs a second copy of the state for as
// long as it runs (153 MB at 1024 x 1024 sites).
import type { WorkerHandle } from '../engine/engine';
import { createEngine } from '../engine/engine';
import { CELL_VARS, type CellVar, FIELDS, type FieldName } from '../model/layout';
import { resolveScenario } from '../model/scenario';
import { createSimulation } from '../model/simulation';
import { FERROWAVE_VERSION } from '../model/version';
import type { RawScenario } from './controller';
import { column } from './csv-names';

/** every variable the history keeps: the per-cell variables, then the fields */
export const HISTORY_NAMES: ReadonlyArray<CellVar | FieldName> = [...CELL_VARS.map((v) => v.name), ...FIELDS.map((f) => f.name)];

/** A site's values over time: t_min and one array per per-cell variable and field. */
export type SiteHistory = { t_min: number[] } & Record<CellVar | FieldName, number[]>;

export function emptyHistory(): SiteHistory {
  return Object.assign({ t_min: [] as number[] }, Object.fromEntries(HISTORY_NAMES.map((n) => [n, [] as number[]]))) as SiteHistory;
}

export interface ReplayRequest {
  /** the running scenario (controller.rawScenario()) and its seed */
  raw: RawScenario;
  seed: number;
  /** the site (y * width + x) */
  i: number;
  /** replay steps [0, untilStep], sampling every `everySteps` steps from 0 */
  untilStep: number;
  everySteps: number;
  /** workers stepping the replay (0: this thread) and how to start them */
  workers: number;
  spawn?: () => WorkerHandle;
  /** share done, 0..1 */
  onProgress?: (f: number) => void;
  /** stop early (the replay then resolves with null) */
  cancelled?: () => boolean;
}

/** Replay the run from t = 0 and record site `i` at every sample step up to `untilStep`; null when cancelled. */
export async function replaySite(req: ReplayRequest): Promise<SiteHistory | null> {
  const sc = resolveScenario({ ...req.raw, seed: req.seed }, FERROWAVE_VERSION);
  const sim = createSimulation(sc, req.seed, { deferInit: true });
  const engine = await createEngine(sim, req.workers, req.workers > 0 ? req.spawn : undefined);
  try {
    await engine.initialise();
    const h = emptyHistory();
    const st = sim.state;
    const record = () => {
      h.t_min.push(sim.time());
      for (const v of CELL_VARS) h[v.name].push(st.cell[v.name][req.i]);
      for (const f of FIELDS) h[f.name].push(st.field[f.name][req.i]);
    };
    record();
    while (sim.stepIndex() < req.untilStep) {
      if (req.cancelled?.()) return null;
      const idx = sim.stepIndex();
      await engine.advance(Math.min(req.everySteps - (idx % req.everySteps), req.untilStep - idx));
      if (sim.stepIndex() % req.everySteps === 0) record();
      req.onProgress?.(sim.stepIndex() / Math.max(1, req.untilStep));
    }
    return h;
  } finally {
    engine.dispose();
  }
}

/** The history as CSV: t_min, then each variable with its unit in the column name. */
export function historyCsv(h: SiteHistory): string {
  const units = new Map<string, string>([...CELL_VARS.map((v) => [v.name, v.unit] as const), ...FIELDS.map((f) => [f.name, f.unit] as const)]);
  const head = ['t_min', ...HISTORY_NAMES.map((n) => column(n, units.get(n) ?? ''))];
  const cell = (v: number) => (Number.isNaN(v) ? '' : String(+v.toPrecision(7)));
  const lines = h.t_min.map((t, k) => [cell(t), ...HISTORY_NAMES.map((n) => cell(h[n][k]))].join(','));
  return `${[head.join(','), ...lines].join('\n')}\n`;
}
