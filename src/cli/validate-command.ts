// Why this file exists: `ferrowave validate --out DIR [--workers N] [--only 5.1,5.3]`: runs every
// behaviour check at full size and writes the report (report.md, report.json, figures/*.svg).
// Progress and timings go to stderr. Exit 0 when the report is written (even if checks fail; the
// report says which), 1 when a check crashed or the report cannot be written, 2 on usage errors.
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fsReason } from '../formats/fs-reason';
import { makeDirs } from '../formats/make-dirs-fs';
import { spawnSimWorker } from './sim-workers';
import { printable } from '../model/printable';
import { FERROWAVE_VERSION } from '../model/version';
import { BUILD } from '../node/build-info';
import { createCheckContext } from '../validate/context';
import { currentFingerprint, writeReport } from '../validate/files';
import { renderReport, statusOf } from '../validate/report';
import { runChecks, selectBehaviours } from '../validate/run';

export const VALIDATE_USAGE = `  ferrowave validate --out DIR [--workers N] [--only ID,ID,...]
                               run every behaviour check of docs/behaviours.md at full size and write
                               DIR/report.md, DIR/report.json and DIR/figures/*.svg`;

export async function validateCommand(args: string[]): Promise<number> {
  let values: { out?: string; workers?: string; only?: string };
  try {
    ({ values } = parseArgs({ args, allowPositionals: false, options: { out: { type: 'string' }, workers: { type: 'string' }, only: { type: 'string' } } }));
  } catch (e) {
    console.error(`ferrowave: ${(e as Error).message}\n\nUsage:\n${VALIDATE_USAGE}`);
    return 2;
  }
  const usage = (msg: string) => {
    console.error(`ferrowave: ${msg}\n\nUsage:\n${VALIDATE_USAGE}`);
    return 2;
  };
  if (!values.out) return usage('validate needs --out DIR');
  const workers = values.workers === undefined ? Math.min(2, availableParallelism()) : Number(values.workers);
  if (!Number.isInteger(workers) || workers < 0 || workers > 64) return usage(`--workers must be an integer from 0 to 64, got ${values.workers}`);
  const only =
    values.only === undefined
      ? null
      : values.only
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
  let behaviours: ReturnType<typeof selectBehaviours>;
  try {
    behaviours = selectBehaviours(only);
  } catch (e) {
    return usage((e as Error).message);
  }
  const dir = resolve(values.out);
  // the checks take minutes: a folder that cannot be written is said now, not after them
  try {
    makeDirs(dir);
  } catch (e) {
    console.error(`ferrowave: --out ${printable(dir)}: cannot write a folder there (${fsReason(e)})`);
    return 2;
  }
  const log = (m: string) => process.stderr.write(`${m}\n`);
  const t0 = performance.now();
  log(`[validate] ${behaviours.length} behaviour${behaviours.length === 1 ? '' : 's'}, ${workers} worker${workers === 1 ? '' : 's'} per simulation -> ${dir}`);
  // the code this process loaded is the code on disk now; a change during the run is reported
  // (the installed package has no sources: their fingerprint was taken when it was built)
  const sourcesNow = () => BUILD?.validateFingerprint ?? currentFingerprint();
  const fingerprint = sourcesNow();
  const ctx = createCheckContext({ workers, spawn: spawnSimWorker, log });
  const entries = await runChecks(behaviours, ctx, (e, k, n) => {
    const st = statusOf(e);
    log(
      `[validate] (${k + 1}/${n}) ${e.behaviour.id} ${e.behaviour.title}: ${st.toUpperCase()} in ${e.wall_s.toFixed(1)} s${e.result ? ` - ${e.result.model}` : ''}`,
    );
  });
  if (sourcesNow() !== fingerprint)
    log(
      '[validate] warning: sources under the fingerprint changed during the run; the report records the code as it was at the start (run again for a current report)',
    );
  const report = renderReport({ version: FERROWAVE_VERSION, fingerprint, only }, entries);
  writeReport(dir, report);
  const wall = (performance.now() - t0) / 1000;
  const n = (s: string) => entries.filter((e) => statusOf(e) === s).length;
  log(`[validate] run log (wall time per check): ${entries.map((e) => `${e.behaviour.id} ${e.wall_s.toFixed(1)} s`).join(', ')}`);
  log(
    `[validate] ${n('pass')} pass, ${n('fail')} fail, ${n('not-implemented')} not implemented, ${n('error')} crashed; total ${wall.toFixed(1)} s; wrote ${resolve(dir, 'report.md')}`,
  );
  console.log(resolve(dir, 'report.md'));
  return n('error') > 0 ? 1 : 0;
}
