// Why this file exists: `ferrowave report DIR [--out FILE]`: reads a sweep folder (complete, a
// shard, or a sweep still running) and writes its HTML report (default DIR/report.html).
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeAtomic } from '../formats/atomic-fs';
import { fsReason } from '../formats/fs-reason';
import { makeDirs } from '../formats/make-dirs-fs';
import { completedRuns, readManifest, readRows } from '../formats/sweep-folder-fs';
import { sweepReportHtml } from '../sweep/report';
import { CliError } from './cli-error';
import { UsageError } from './usage-error';

export async function reportCommand(args: string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  const parse = () => parseArgs({ args, allowPositionals: true, options: { out: { type: 'string' } } });
  try {
    parsed = parse();
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError('report takes exactly one sweep folder');
  const dir = resolve(positionals[0]);
  const m = readManifest(dir);
  const present = completedRuns(dir);
  const rows = readRows(
    dir,
    m,
    m.runs.filter((r) => present.has(r.run)),
  );
  const out = resolve(values.out ?? join(dir, 'report.html'));
  const html = sweepReportHtml({ spec: m.sweep, version: m.ferrowave_version, columns: m.columns, totalRuns: m.total_runs, rows });
  try {
    makeDirs(dirname(out));
    writeAtomic(out, html);
  } catch (e) {
    throw new CliError(`--out ${out}: cannot write it (${fsReason(e)})`);
  }
  console.log(out);
  return 0;
}
