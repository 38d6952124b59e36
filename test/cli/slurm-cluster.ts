// Why this file exists: a real one-node SLURM cluster on localhost for the job-array test
// (Debian's slurmctld, slurmd, slurm-client and munge, installed by .ci/run): a
// private munge key and socket, a slurm.conf with spool, state and logs under a temp folder and
// free ports, both daemons in the foreground as children of this process, stopped by their PIDs.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, hostname } from 'node:os';
import { join } from 'node:path';

export const SLURM_BINARIES = ['munged', 'mungekey', 'slurmctld', 'slurmd', 'sbatch', 'squeue', 'sinfo', 'scontrol'];

/** Which of the binaries the cluster needs are not on PATH (or in /usr/sbin). */
export function missingSlurmBinaries(): string[] {
  return SLURM_BINARIES.filter((b) => !which(b));
}

function which(b: string): string | null {
  for (const dir of [...(process.env.PATH ?? '').split(':'), '/usr/sbin', '/sbin']) {
    if (dir && existsSync(join(dir, b))) return join(dir, b);
  }
  return null;
}

/** A free TCP port on localhost (the OS picks one). */
async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
  });
}

export interface SlurmCluster {
  /** environment for client commands (SLURM_CONF) */
  env: NodeJS.ProcessEnv;
  dir: string;
  /** run a client command (sbatch, squeue, ...) and return its stdout; throws with stderr on failure */
  run(cmd: string, args: string[]): string;
  /** wait until job `id` has left the queue */
  waitForJob(id: string, timeoutMs: number): Promise<void>;
  /** the daemons' logs, for a failing test's message */
  logs(): string;
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startSlurmCluster(dir: string): Promise<SlurmCluster> {
  const host = hostname().split('.')[0];
  const cpus = availableParallelism();
  for (const d of ['munge', 'spool', 'state', 'log']) mkdirSync(join(dir, d), { recursive: true });
  chmodSync(join(dir, 'munge'), 0o755);
  const key = join(dir, 'munge', 'munge.key');
  const socket = join(dir, 'munge', 'munge.socket');
  const mk = spawnSync(which('mungekey')!, ['-c', '-k', key], { encoding: 'utf8' });
  if (mk.status !== 0) throw new Error(`mungekey failed: ${mk.stderr}`);
  const children: ChildProcess[] = [];
  const start = (bin: string, args: string[], log: string) => {
    const c = spawn(which(bin)!, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env } });
    const chunks: string[] = [];
    c.stdout?.on('data', (d) => chunks.push(String(d)));
    c.stderr?.on('data', (d) => chunks.push(String(d)));
    c.once('exit', () => writeFileSync(join(dir, 'log', log), chunks.join('')));
    (c as ChildProcess & { output: string[] }).output = chunks;
    children.push(c);
    return c;
  };
  start(
    'munged',
    [
      '-F',
      '-S',
      socket,
      `--key-file=${key}`,
      `--pid-file=${join(dir, 'munge', 'munged.pid')}`,
      `--log-file=${join(dir, 'log', 'munged.log')}`,
      `--seed-file=${join(dir, 'munge', 'munged.seed')}`,
      '--force',
    ],
    'munged.out',
  );
  for (let i = 0; i < 100 && !existsSync(socket); i++) await sleep(50);
  if (!existsSync(socket)) throw new Error('munged did not create its socket');

  const [ctldPort, dPort] = [await freePort(), await freePort()];
  const conf = join(dir, 'slurm.conf');
  writeFileSync(
    conf,
    [
      'ClusterName=ferrowave-test',
      `SlurmctldHost=${host}(127.0.0.1)`,
      `SlurmctldPort=${ctldPort}`,
      `SlurmdPort=${dPort}`,
      `AuthInfo=socket=${socket}`,
      `CredType=cred/munge`,
      'SlurmUser=root',
      'SlurmdUser=root',
      'ProctrackType=proctrack/linuxproc',
      'TaskPlugin=task/none',
      'SelectType=select/cons_tres',
      'SelectTypeParameters=CR_CPU',
      'JobAcctGatherType=jobacct_gather/none',
      'AccountingStorageType=accounting_storage/none',
      'MpiDefault=none',
      'MailProg=/bin/true',
      'ReturnToService=2',
      'SchedulerParameters=batch_sched_delay=0',
      `StateSaveLocation=${join(dir, 'state')}`,
      `SlurmdSpoolDir=${join(dir, 'spool')}`,
      `SlurmctldPidFile=${join(dir, 'slurmctld.pid')}`,
      `SlurmdPidFile=${join(dir, 'slurmd.pid')}`,
      `SlurmctldLogFile=${join(dir, 'log', 'slurmctld.log')}`,
      `SlurmdLogFile=${join(dir, 'log', 'slurmd.log')}`,
      `NodeName=${host} NodeAddr=127.0.0.1 CPUs=${cpus} State=UNKNOWN`,
      `PartitionName=debug Nodes=${host} Default=YES MaxTime=INFINITE State=UP`,
      '',
    ].join('\n'),
  );
  const env = { ...process.env, SLURM_CONF: conf };
  start('slurmctld', ['-D', '-c', '-f', conf], 'slurmctld.out');
  start('slurmd', ['-D', '-N', host, '-f', conf], 'slurmd.out');

  const run = (cmd: string, args: string[]) => {
    const r = spawnSync(which(cmd)!, args, { encoding: 'utf8', env, timeout: 30_000 });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
    return r.stdout;
  };
  const logs = () =>
    ['slurmctld.log', 'slurmd.log', 'munged.log']
      .map((f) => {
        const p = join(dir, 'log', f);
        return existsSync(p) ? `== ${f}\n${readFileSync(p, 'utf8').split('\n').slice(-30).join('\n')}` : `== ${f}: none`;
      })
      .join('\n');
  const stop = async () => {
    for (const c of children.reverse()) {
      if (c.exitCode === null && c.signalCode === null && c.pid) {
        c.kill('SIGTERM');
        const exited = await Promise.race([new Promise((r) => c.once('exit', () => r(true))), sleep(5000).then(() => false)]);
        if (!exited) c.kill('SIGKILL');
      }
    }
  };
  // wait until the node is idle
  const t0 = Date.now();
  let state = '';
  while (Date.now() - t0 < 30_000) {
    const r = spawnSync(which('sinfo')!, ['-h', '-N', '-o', '%t'], { encoding: 'utf8', env });
    state = r.stdout.trim();
    if (r.status === 0 && state === 'idle') break;
    await sleep(200);
  }
  if (state !== 'idle') {
    await stop();
    throw new Error(`the SLURM node did not become idle (state "${state}")\n${logs()}`);
  }
  const waitForJob = async (id: string, timeoutMs: number) => {
    const t = Date.now();
    while (Date.now() - t < timeoutMs) {
      if (run('squeue', ['-h', '-j', id]).trim() === '') return;
      await sleep(250);
    }
    throw new Error(`job ${id} still queued after ${timeoutMs} ms:\n${run('squeue', ['-j', id])}\n${logs()}`);
  };
  return { env, dir, run, waitForJob, logs, stop };
}
