// The sweep on a real one-node SLURM cluster on localhost: examples/slurm-sweep.sh submitted as a
// job array of shards, the shards merged, and the result equal to the sweep run locally; and a fit
// (examples/slurm-fit.sh): one job of 2 tasks started by srun, each a shard of every batch, the
// fit folder equal to the fit run locally. Skipped
// (with the reason) only when the SLURM and munge binaries are absent outside CI; in CI
// (.ci/run installs them) a missing binary fails the test.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { missingSlurmBinaries, type SlurmCluster, startSlurmCluster } from './slurm-cluster';
import { tinyStrip } from '../tiny-strip';

const repo = join(import.meta.dirname, '../..');
const bin = join(repo, 'bin/ferrowave.mjs');
const missing = missingSlurmBinaries();
const inCI = process.env.CI === 'true';
if (missing.length && !inCI) {
  console.warn(
    `[slurm.test] skipped: no ${missing.join(', ')} on this machine (apt-get install -y --no-install-recommends slurmctld slurmd slurm-client munge); in CI this test runs`,
  );
}

describe.skipIf(missing.length > 0 && !inCI)('on SLURM', () => {
  let cluster: SlurmCluster | null = null;
  let root = '';
  afterAll(async () => {
    await cluster?.stop();
    if (root) rmSync(root, { recursive: true, force: true });
  });
  const theCluster = async () => {
    cluster ??= await startSlurmCluster(join(root, 'cluster'));
    return cluster;
  };

  it('runs the sweep as a job array of shards (examples/slurm-sweep.sh) that merge to the local result', async () => {
    expect(missing, 'SLURM/munge binaries (CI installs them in .ci/run)').toEqual([]);
    root ||= mkdtempSync(join(tmpdir(), 'ferrowave-slurm-'));
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

    const cluster = await theCluster();
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

  it('runs a fit as one job of shards started together (examples/slurm-fit.sh), to the fit run locally', async () => {
    expect(missing, 'SLURM/munge binaries (CI installs them in .ci/run)').toEqual([]);
    root ||= mkdtempSync(join(tmpdir(), 'ferrowave-slurm-'));
    writeFileSync(join(root, 'strip.json'), JSON.stringify(tinyStrip('slurm-strip')));
    writeFileSync(join(root, 'speeds.csv'), 'agent,uM,observable,value,sd\ndfo,0,wave_speed_um_per_min,4.6,0.1\ndfo,3,wave_speed_ratio,0.7,0.02\n');
    const fit = join(root, 'fit.json');
    writeFileSync(
      fit,
      JSON.stringify({
        name: 'slurm-fit',
        data: [{ file: 'speeds.csv', scenario: 'strip.json' }],
        parameters: [{ path: 'params.ox_diffusion', lower: 100, upper: 600, scale: 'log' }],
        optimiser: { max_generations: 3 },
        uncertainty: { points: 3, refine: 0 },
      }),
    );
    const local = spawnSync(process.execPath, [bin, 'fit', fit, '--out', join(root, 'fit-local'), '--workers', '2', '--quiet'], { encoding: 'utf8' });
    expect(local.status, local.stderr).toBe(0);

    const cluster = await theCluster();
    const out = join(root, 'fit-slurm');
    const id = cluster
      .run('sbatch', [
        '--parsable',
        '--ntasks=2',
        '--cpus-per-task=1',
        '--mem=0',
        `--output=${join(root, 'fit-job.out')}`,
        `--chdir=${repo}`,
        `--export=ALL,FERROWAVE=${process.execPath} ${bin}`,
        join(repo, 'examples/slurm-fit.sh'),
        fit,
        out,
      ])
      .trim()
      .split(';')[0];
    expect(id).toMatch(/^\d+$/);
    await cluster.waitForJob(id, 120_000);
    const job = cluster.run('scontrol', ['show', 'job', id]);
    const log = readFileSync(join(root, 'fit-job.out'), 'utf8');
    expect(job, `${job}\n${log}\n${cluster.logs()}`).toMatch(/JobState=COMPLETED/);
    expect(log).toContain('2 shards with 1 workers each');
    expect(readdirSync(join(out, 'batches')).slice(0, 2)).toEqual(['b000000-s0of2.jsonl', 'b000000-s1of2.jsonl']);
    for (const f of ['best-params.json', 'points.csv', 'evaluations.csv', 'uncertainty.csv', 'report.md', 'state.json'])
      expect(readFileSync(join(out, f), 'utf8'), f).toBe(readFileSync(join(root, 'fit-local', f), 'utf8'));
  });
});
