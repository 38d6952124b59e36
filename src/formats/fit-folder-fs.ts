// Why this file exists: reads and writes a fit folder (fit-folder.ts says what is in it). Every
// file is written under a temporary name unique to this host, process and thread and renamed into
// place, so after any kill it is complete or absent, and shards of one fit on several machines
// (one folder on a shared file system) never mix their temporaries. A shard appends each run of a
// batch to its share's partial file as the run finishes, and renames the share complete when all
// its runs are in: a killed fit loses only the runs in flight.
import { appendFileSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import type { FitState } from '../fit/driver';
import type { RunOutcome } from '../fit/observables';
import type { Shard } from '../sweep/shard';
import {
  BATCHES_DIR,
  type BatchHeader,
  batchFile,
  batchHeaderLine,
  batchLine,
  FIT_FOLDER_NAMES,
  FIT_RESOLVED,
  FIT_STATE,
  fitDifferences,
  PLOTS_DIR,
  parseBatchText,
  type ResolvedFit,
  resolvedFitText,
  type StateFile,
  stateText,
} from './fit-folder';
import { makeDirs } from './make-dirs-fs';

const unique = () => `${hostname()}-${process.pid}-${threadId}`;

export function writeAtomicUnique(path: string, text: string): void {
  const tmp = `${path}.tmp-${unique()}`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

/** A folder that cannot take this fit (another fit, or something else): nothing was written. */
export class FitFolderRefused extends Error {}

/**
 * Start a fit folder, or check that it holds this fit (then the fit continues from it). Refuses
 * (FitFolderRefused) a folder that holds another fit, naming what differs, or anything else;
 * file-system errors (an --out that cannot be written) are thrown as they are.
 */
export function openFitFolder(dir: string, fit: ResolvedFit, fitFile: string): 'new' | 'continued' {
  const resolved = join(dir, FIT_RESOLVED);
  if (existsSync(resolved)) {
    let old: ResolvedFit;
    try {
      old = JSON.parse(readFileSync(resolved, 'utf8'));
    } catch (e) {
      throw new FitFolderRefused(`${dir}: cannot read ${FIT_RESOLVED} (${(e as Error).message}): not a fit folder this fit can continue; choose another --out`);
    }
    const diff = fitDifferences(old, fit);
    if (diff.length)
      throw new FitFolderRefused(
        `${dir} holds another fit: ${fitFile} differs from the fit started there in ${diff.join(', ')}. It cannot be continued with this fit file: choose another --out (or delete ${dir} to start again)`,
      );
    makeDirs(join(dir, BATCHES_DIR));
    return 'continued';
  }
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) throw new FitFolderRefused(`--out ${dir} is a file, not a folder: choose an empty or new --out`);
    const foreign = readdirSync(dir).filter((n) => !FIT_FOLDER_NAMES.includes(n) && !n.startsWith(`${FIT_RESOLVED}.tmp-`));
    if (foreign.length)
      throw new FitFolderRefused(
        `--out ${dir} exists and is not a fit folder (it holds ${foreign.slice(0, 3).join(', ')}): nothing is written there; choose an empty or new --out`,
      );
  }
  makeDirs(join(dir, BATCHES_DIR));
  writeAtomicUnique(resolved, resolvedFitText(fit));
  return 'new';
}

export function readFitState(dir: string): FitState | null {
  const path = join(dir, FIT_STATE);
  if (!existsSync(path)) return null;
  try {
    return (JSON.parse(readFileSync(path, 'utf8')) as StateFile).state;
  } catch (e) {
    throw new Error(`${path}: cannot read the fit's state (${(e as Error).message}); delete it to continue from the batches on disk`);
  }
}

/** Write the state after a batch (a shard lagging behind never replaces a later state). */
export function writeFitState(dir: string, state: FitState): void {
  const old = existsSync(join(dir, FIT_STATE)) ? readFitState(dir) : null;
  if (old && old.batch > state.batch) return;
  writeAtomicUnique(join(dir, FIT_STATE), stateText(state));
}

const sharePath = (dir: string, batch: number, shard: Shard, partial: boolean) => join(dir, BATCHES_DIR, batchFile(batch, shard, partial));

function sameBatch(a: BatchHeader | null, b: BatchHeader): boolean {
  return a !== null && a.batch === b.batch && a.runs === b.runs && a.candidates === b.candidates;
}

/** A share's results on disk: from its complete file, or the complete lines of its partial file (which is rewritten clean to append to). */
export function openShare(dir: string, header: BatchHeader, shard: Shard): { complete: boolean; done: Map<number, RunOutcome> } {
  const done = new Map<number, RunOutcome>();
  const full = sharePath(dir, header.batch, shard, false);
  if (existsSync(full)) {
    const { header: h, lines } = parseBatchText(readFileSync(full, 'utf8'));
    if (!sameBatch(h, header)) throw batchMismatch(full);
    for (const l of lines) done.set(l.r, l.o);
    return { complete: true, done };
  }
  const part = sharePath(dir, header.batch, shard, true);
  if (existsSync(part)) {
    const { header: h, lines } = parseBatchText(readFileSync(part, 'utf8'));
    if (sameBatch(h, header)) for (const l of lines) done.set(l.r, l.o);
  }
  writeAtomicUnique(part, batchHeaderLine(header) + [...done].map(([r, o]) => batchLine({ r, o })).join(''));
  return { complete: false, done };
}

function batchMismatch(path: string): Error {
  return new Error(`${path} holds the results of other candidates than this process computed for that batch: the shards run different code or fit files`);
}

export function appendShareRun(dir: string, header: BatchHeader, shard: Shard, r: number, o: RunOutcome): void {
  appendFileSync(sharePath(dir, header.batch, shard, true), batchLine({ r, o }));
}

/** The share is complete: its runs in order, in the complete file; the partial file goes. */
export function completeShare(dir: string, header: BatchHeader, shard: Shard, done: Map<number, RunOutcome>): void {
  const lines = [...done.keys()].sort((a, b) => a - b).map((r) => batchLine({ r, o: done.get(r) as RunOutcome }));
  writeAtomicUnique(sharePath(dir, header.batch, shard, false), batchHeaderLine(header) + lines.join(''));
  rmSync(sharePath(dir, header.batch, shard, true), { force: true });
}

/** The shards whose share of the batch is not complete yet. */
export function missingShares(dir: string, batch: number, count: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < count; i++) if (!existsSync(sharePath(dir, batch, { index: i, count }, false))) out.push(i);
  return out;
}

/** Every run's outcome of a batch, from the complete shares of all shards. */
export function readBatch(dir: string, header: BatchHeader, count: number): RunOutcome[] {
  const out: RunOutcome[] = new Array(header.runs);
  for (let i = 0; i < count; i++) {
    const path = sharePath(dir, header.batch, { index: i, count }, false);
    const { header: h, lines } = parseBatchText(readFileSync(path, 'utf8'));
    if (!sameBatch(h, header)) throw batchMismatch(path);
    for (const l of lines) out[l.r] = l.o;
  }
  for (let r = 0; r < header.runs; r++) if (!out[r]) throw new Error(`batch ${header.batch}: run ${r} is in no shard's results (${join(dir, BATCHES_DIR)})`);
  return out;
}

/** Write the outputs of a finished fit; figures no longer part of it are removed from plots/. */
export function writeFitOutputs(dir: string, files: ReadonlyArray<{ path: string; text: string }>): void {
  makeDirs(join(dir, PLOTS_DIR));
  const keep = new Set(files.map((f) => f.path));
  for (const name of readdirSync(join(dir, PLOTS_DIR))) if (name.endsWith('.svg') && !keep.has(`${PLOTS_DIR}/${name}`)) rmSync(join(dir, PLOTS_DIR, name));
  for (const f of files) writeAtomicUnique(join(dir, f.path), f.text);
}
