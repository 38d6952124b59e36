// Why this file exists: one batch of a fit on this machine's worker pool: each candidate x each
// condition is one run (run r = candidate x conditions + condition). With --shard i/n this
// process runs the runs with r mod n = i; every run's outcome is appended to its share's file as
// it finishes; then it waits until every shard's share is complete (one folder on a shared file
// system) and reads all of them back. Every process reads the same files, so all shards (and an
// unsharded run, and a resumed one) continue from the same numbers.
import { createHash } from 'node:crypto';
import type { Candidate } from '../fit/driver';
import type { RunOutcome } from '../fit/observables';
import { type FitPlan, scenarioOf } from '../fit/plan';
import type { FitSpec } from '../fit/spec';
import type { BatchHeader } from '../formats/fit-folder';
import { appendShareRun, completeShare, missingShares, openShare, readBatch } from '../formats/fit-folder-fs';
import type { Shard } from '../sweep/shard';
import type { EvalJob } from './fit-execute';
import type { Pool } from './sweep-pool';

export interface BatchContext {
  dir: string;
  spec: FitSpec;
  plan: FitPlan;
  version: string;
  pool: Pool;
  shard: Shard;
  /** this share's runs: done so far of total (resumed ones included) */
  onRun?: (done: number, total: number) => void;
  /** waiting for other shards (their indices) */
  onWait?: (missing: number[]) => void;
  /** give up waiting for the other shards after this long, ms */
  waitMs: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A digest of the candidates' parameter values (shards that disagree on a batch must not mix). */
export function candidatesDigest(cands: readonly Candidate[]): string {
  return createHash('sha256')
    .update(JSON.stringify(cands.map((c) => c.values)))
    .digest('hex')
    .slice(0, 16);
}

/** The outcomes of every run of the batch, by candidate then condition. */
export async function runBatch(ctx: BatchContext, batch: number, cands: readonly Candidate[]): Promise<RunOutcome[][]> {
  const { plan, spec, shard } = ctx;
  const nc = plan.conditions.length;
  const header: BatchHeader = { batch, runs: cands.length * nc, shard: [shard.index, shard.count], candidates: candidatesDigest(cands) };
  const share = openShare(ctx.dir, header, shard);
  const mine: number[] = [];
  for (let r = shard.index; r < header.runs; r += shard.count) mine.push(r);
  if (!share.complete) {
    const todo = mine.filter((r) => !share.done.has(r));
    const params = cands.map((c) => Object.fromEntries(spec.parameters.map((p, j) => [p.name, c.values[j]])));
    const jobs: EvalJob[] = todo.map((r) => {
      const cond = plan.conditions[r % nc];
      return { id: r, scenario: scenarioOf(plan, cond, params[Math.floor(r / nc)], spec.name, ctx.version), times_min: cond.times_min };
    });
    ctx.onRun?.(share.done.size, mine.length);
    await ctx.pool.evaluate(jobs, (res) => {
      appendShareRun(ctx.dir, header, shard, res.id, res.outcome);
      share.done.set(res.id, res.outcome);
      ctx.onRun?.(share.done.size, mine.length);
    });
    completeShare(ctx.dir, header, shard, share.done);
  } else ctx.onRun?.(mine.length, mine.length);
  const t0 = Date.now();
  for (let wait = 100; ; wait = Math.min(2000, wait * 2)) {
    const missing = missingShares(ctx.dir, batch, shard.count);
    if (missing.length === 0) break;
    if (Date.now() - t0 > ctx.waitMs)
      throw new Error(
        `batch ${batch}: shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${shard.count}`).join(', ')} did not finish within ${Math.round(ctx.waitMs / 60000)} min: run ${missing.length > 1 ? 'them' : 'it'} (the same command with --shard ${missing[0]}/${shard.count} on the same --out), then rerun this one`,
      );
    ctx.onWait?.(missing);
    await sleep(wait);
  }
  const all = readBatch(ctx.dir, header, shard.count);
  return cands.map((_, c) => all.slice(c * nc, (c + 1) * nc));
}
