// Why this file exists: `--shard i/n` splits a sweep across machines (SLURM job arrays,
// Kubernetes Indexed Jobs). A run's shard is a pure function of its index (run mod n), so every
// machine agrees on the split without talking to the others, and neighbouring runs (replicates of
// one design point, which cost about the same) spread over all shards.

export interface Shard {
  /** 0-based: SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX */
  index: number;
  count: number;
}

/** Parse "i/n" (0 <= i < n); throws an Error that says what is allowed. */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = m ? Number(m[1]) : Number.NaN;
  const count = m ? Number(m[2]) : Number.NaN;
  if (!m || !Number.isSafeInteger(count) || count < 1 || index >= count) {
    throw new Error(`--shard must be i/n with 0 <= i < n (e.g. 0/4 ... 3/4, the array task index first), got "${text}"`);
  }
  return { index, count };
}

export function inShard(run: number, shard: Shard | null): boolean {
  return shard === null || run % shard.count === shard.index;
}
