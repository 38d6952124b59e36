// Why this file exists: a folder ferrowave writes as a whole (a run folder, a new sweep folder, a
// merged sweep) is never seen half-written or mixed with an older one. It is written under a
// temporary name beside its final place (same file system, so a rename moves it) and renamed
// into place when complete; a folder it replaces (`run --force`) is moved aside first and deleted
// only once the new one is in place. A process killed at any point leaves the previous folder
// as it was (or, killed between the two renames, under its aside name, which the next run puts
// back); its temporary folder is removed by the next run into the same place.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { makeDirs } from './make-dirs-fs';

export interface StagedFolder {
  /** where the folder goes when complete */
  final: string;
  /** where it is written meanwhile (beside `final`) */
  tmp: string;
}

/** this host, as it may appear in a file name (no "-": it separates the parts of the name) */
const host = () => hostname().replace(/[^A-Za-z0-9.]/g, '_') || 'host';

/** ".<name>.ferrowave-" : the start of the names of the temporaries of `final` */
const prefixOf = (final: string) => `.${basename(final)}.ferrowave-`;

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Remove what killed processes of this host left beside `final`: temporaries are deleted; a
 * folder moved aside is put back when `final` is missing (the kill came between the renames),
 * deleted otherwise. Returns what was done, for a note.
 */
export function cleanStale(final: string): string[] {
  const parent = dirname(final);
  const prefix = prefixOf(final);
  const me = host();
  const done: string[] = [];
  if (!existsSync(parent)) return done;
  for (const name of readdirSync(parent)) {
    if (!name.startsWith(prefix)) continue;
    const m = /^(tmp|old)-([^-]+)-(\d+)(-[A-Za-z0-9]+)?$/.exec(name.slice(prefix.length));
    if (!m || m[2] !== me || alive(Number(m[3]))) continue;
    const path = join(parent, name);
    if (m[1] === 'old' && !existsSync(final)) {
      renameSync(path, final);
      done.push(`restored ${final} from ${name} (a run killed while replacing it)`);
    } else {
      rmSync(path, { recursive: true, force: true });
      done.push(`removed ${name} (left by a killed run)`);
    }
  }
  return done;
}

let staged = 0;

/** A new temporary folder beside `final` (its parents are created; modes as mkdir gives them); throws the system's error. */
export function stageFolder(final: string): StagedFolder {
  const parent = dirname(final);
  makeDirs(parent);
  for (;;) {
    const tmp = join(parent, `${prefixOf(final)}tmp-${host()}-${process.pid}-${Date.now().toString(36)}${(staged++).toString(36)}`);
    try {
      mkdirSync(tmp);
      return { final, tmp };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
}

/** Put the complete folder in place, replacing whatever folder is there (the caller decided it may be). */
export function commitFolder(s: StagedFolder): void {
  if (!existsSync(s.final)) {
    renameSync(s.tmp, s.final);
    return;
  }
  const aside = join(dirname(s.final), `${prefixOf(s.final)}old-${host()}-${process.pid}`);
  rmSync(aside, { recursive: true, force: true });
  renameSync(s.final, aside);
  try {
    renameSync(s.tmp, s.final);
  } catch (e) {
    renameSync(aside, s.final);
    throw e;
  }
  rmSync(aside, { recursive: true, force: true });
}

/** Delete the temporary folder (the run failed or was stopped): the final place is untouched. */
export function discardFolder(s: StagedFolder): void {
  rmSync(s.tmp, { recursive: true, force: true });
}
