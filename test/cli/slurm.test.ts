// The sweep on a real one-node SLURM cluster on localhost: examples/slurm-sweep.sh submitted as a
// job array of shards, the shards merged, and the result equal to the sweep run locally. Skipped
// (with the reason) only when the SLURM and munge binaries are absent outside CI; in CI
// (.ci/run installs them) a missing binary fails the test.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { missingSlurmBinaries, type SlurmCluster, startSlurmCluster } from './slurm-cluster';

const repo = join(import.meta.dirname, '../..');
const bin = join(repo, 'bin/ferrowave.mjs');
const missing = missingSlurmBinaries();
const inCI = process.env.CI === 'true';
if (missing.length && !inCI) {
  console.warn(
    `[slurm.test] skipped: no ${missing.join(', ')} on this machine (apt-get install -y --no-install-recommends slurmctld slurmd slurm-client munge); in CI this test runs`,
  );
}

describe.skipIf(missing.length > 0 && !inCI)('SLURM job array', () => {
  let cluster: SlurmCluster | null = null;
  let root = '';
  afterAll(async () => {
    await cluster?.stop();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('runs the sweep as a job array of shards (examples/slurm-sweep.sh) that merge to the local result', async () => {
    expect(missing, 'SLURM/munge binaries (CI installs them in .ci/run)').toEqual([]);
    root = mkdtempSync(join(tmpdir(), 'ferrowave-slurm-'));
    const sweep = join(root, 'sweep.json');
    writeFileSync(
      sweep,
      JSON.stringify({
        name: 'slurm-tiny',
        base: 'primed-light-pulse',
        set: { 'lattice.width': 40, 'lattice.height': 3, 'treatments[1].region.disc.y_um': 30, duration_min: 400 },
        axes: [{ path: 'treatments[0].uM', values: [2.5, 5, 10] }],
        replicates: 3,
        seed: 11,
      }),
    );
    const local = spawnSync(process.execPath, [bin, 'sweep', sweep, '--out', join(root, 'local'), '--workers', '2', '--quiet'], { encoding: 'utf8' });
    expect(local.status, local.stderr).toBe(0);

    cluster = await startSlurmCluster(join(root, 'cluster'));
    const out = join(root, 'array');
    // the script's own #SBATCH lines ask for 16 tasks of 2 CPUs; here 3 tasks of 1 CPU each
    const id = cluster
      .run('sbatch', [
        '--parsable',
        '--array=0-2',
        '--cpus-per-task=1',
        '--mem=0',
        `--output=${join(root, 'task-%a.out')}`,
        `--chdir=${repo}`,
        `--export=ALL,FERROWAVE=${process.execPath} ${bin}`,
        join(repo, 'examples/slurm-sweep.sh'),
        sweep,
        out,
      ])
      .trim()
      .split(';')[0];
    expect(id).toMatch(/^\d+$/);
    await cluster.waitForJob(id, 120_000);
    const tasks = cluster.run('scontrol', ['show', 'job', id]);
    const states = [...tasks.matchAll(/JobState=(\w+)/g)].map((m) => m[1]);
    const taskLogs = () => [0, 1, 2].map((i) => `== task ${i}\n${readFileSync(join(root, `task-${i}.out`), 'utf8')}`).join('\n');
    expect(states, `${tasks}\n${taskLogs()}\n${cluster.logs()}`).toEqual(['COMPLETED', 'COMPLETED', 'COMPLETED']);
    expect(readFileSync(join(root, 'task-1.out'), 'utf8')).toContain('shard 1/3');
    expect(readdirSync(out).sort()).toEqual(['shard-0', 'shard-1', 'shard-2']);
    expect(readdirSync(join(out, 'shard-1', 'runs')).sort()).toEqual(['r00001', 'r00004', 'r00007']);

    const merged = spawnSync(
      process.execPath,
      [bin, 'merge', join(out, 'shard-0'), join(out, 'shard-1'), join(out, 'shard-2'), '--out', join(root, 'merged')],
      { encoding: 'utf8' },
    );
    expect(merged.status, merged.stderr).toBe(0);
    expect(readFileSync(join(root, 'merged', 'runs.csv'), 'utf8')).toBe(readFileSync(join(root, 'local', 'runs.csv'), 'utf8'));
  });
});
