// Why this file exists: `ferrowave merge DIR... --out DIR` combines the folders of the shards of
// one sweep (from SLURM array tasks, Kubernetes Indexed Job pods, or anything else) into one
// folder that is the same as an unsharded sweep's: it checks that every folder holds the same
// sweep, that no run is missing and none appears twice, and writes nothing if any check fails.
// The merged folder is written beside --out under a temporary name and renamed into place when
// complete, so a merge killed half-way leaves nothing at --out.
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { RUNS_DIR } from '../formats/sweep-folder';
import { completedRuns, copyRunFolder, readManifest, readRows, writeManifest, writeSobolCsv, writeSweepTables } from '../formats/sweep-folder-fs';
import { manifestIdentity } from '../formats/sweep-manifest';
import { fsReason } from '../formats/fs-reason';
import { cleanStale, commitFolder, discardFolder, type StagedFolder, stageFolder } from '../formats/staged-folder-fs';
import { CliError } from './cli-error';
import { UsageError } from './usage-error';

/** "3, 7, 12 and 40 more": a short list of run indices for an error message. */
function listRuns(runs: readonly number[]): string {
  const shown = runs.slice(0, 20).join(', ');
  return runs.length > 20 ? `${shown} and ${runs.length - 20} more` : shown;
}

export async function mergeCommand(args: string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  const parse = () => parseArgs({ args, allowPositionals: true, options: { out: { type: 'string' }, quiet: { type: 'boolean' } } });
  try {
    parsed = parse();
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length === 0) throw new UsageError('merge takes one or more sweep folders (the shards)');
  if (!values.out) throw new UsageError('merge needs --out DIR');
  const out = resolve(values.out);
  const inputs = positionals.map((p) => resolve(p));
  if (inputs.includes(out)) throw new UsageError('--out must be a new folder, not one of the inputs');
  if (existsSync(out) && (!statSync(out).isDirectory() || readdirSync(out).length > 0))
    throw new CliError(`--out ${out} exists and is not an empty folder: nothing is written there; choose a new --out`);

  const manifests = inputs.map(readManifest);
  const first = manifests[0];
  const id = manifestIdentity(first);
  manifests.forEach((m, i) => {
    if (manifestIdentity(m) !== id)
      throw new CliError(`${inputs[i]} holds another sweep than ${inputs[0]} (different sweep file, base scenario or ferrowave version): not merged`);
  });
  const total = first.total_runs;
  const source = new Array<number>(total).fill(-1);
  const duplicated: number[] = [];
  const foreign: number[] = [];
  inputs.forEach((dir, i) => {
    for (const r of completedRuns(dir)) {
      if (r >= total) foreign.push(r);
      else if (source[r] >= 0) duplicated.push(r);
      else source[r] = i;
    }
  });
  const problems: string[] = [];
  if (foreign.length) problems.push(`run folders beyond the sweep's ${total} runs: ${listRuns(foreign.sort((a, b) => a - b))}`);
  if (duplicated.length) problems.push(`runs present in more than one folder: ${listRuns([...new Set(duplicated)].sort((a, b) => a - b))}`);
  const missing: number[] = [];
  source.forEach((s, r) => {
    if (s < 0) missing.push(r);
  });
  if (missing.length)
    problems.push(`${missing.length} of ${total} runs missing (run the shards that hold them, with --resume if they were interrupted): ${listRuns(missing)}`);
  if (problems.length) throw new CliError(`cannot merge, nothing written:\n  ${problems.join('\n  ')}`);

  let stage: StagedFolder;
  try {
    cleanStale(out);
    stage = stageFolder(out);
  } catch (e) {
    throw new CliError(`--out ${out}: cannot write a folder there (${fsReason(e)})`);
  }
  const merged = { ...first, shard: null };
  let rows: ReturnType<typeof readRows>;
  try {
    mkdirSync(join(stage.tmp, RUNS_DIR));
    for (const r of first.runs) copyRunFolder(inputs[source[r.run]], stage.tmp, r);
    writeManifest(stage.tmp, merged);
    rows = readRows(stage.tmp, merged, merged.runs);
    writeSweepTables(stage.tmp, merged, rows);
    writeSobolCsv(stage.tmp, merged, rows);
    commitFolder(stage);
  } catch (e) {
    discardFolder(stage);
    throw e;
  }
  if (!values.quiet)
    console.error(
      `[ferrowave merge] ${total} runs from ${inputs.length} folder${inputs.length > 1 ? 's' : ''}, ${rows.filter((r) => r.outcome.status === 'failed').length} failed`,
    );
  console.log(out);
  return 0;
}
