// Why this file exists: runs the selected checks one after another, catching a crash in one
// check so the others still run, and timing each (timings go to the run log, never the report).
import { BEHAVIOURS } from './checks/index';
import type { Entry } from './report';
import type { Behaviour, CheckContext } from './types';

export interface TimedEntry extends Entry {
  wall_s: number;
}

/** The behaviours whose ids are listed (all when `only` is null); unknown ids are an error. */
export function selectBehaviours(only: readonly string[] | null, all: readonly Behaviour[] = BEHAVIOURS): Behaviour[] {
  if (!only) return [...all];
  const unknown = only.filter((id) => !all.some((b) => b.id === id));
  if (unknown.length) throw new Error(`unknown behaviour id${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}; ids: ${all.map((b) => b.id).join(', ')}`);
  return all.filter((b) => only.includes(b.id));
}

export async function runChecks(
  behaviours: readonly Behaviour[],
  ctx: CheckContext,
  onDone?: (e: TimedEntry, k: number, n: number) => void,
): Promise<TimedEntry[]> {
  const out: TimedEntry[] = [];
  for (const [k, b] of behaviours.entries()) {
    const t0 = performance.now();
    let entry: TimedEntry;
    const { run: _run, ...meta } = b;
    try {
      entry = { behaviour: meta, result: await b.run(ctx), wall_s: 0 };
    } catch (e) {
      entry = { behaviour: meta, result: null, error: e instanceof Error ? e.message : String(e), wall_s: 0 };
      ctx.log(`    ${b.id} crashed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
    entry.wall_s = (performance.now() - t0) / 1000;
    out.push(entry);
    onDone?.(entry, k, behaviours.length);
  }
  return out;
}
