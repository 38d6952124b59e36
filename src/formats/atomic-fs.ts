// Why this file exists: a file ferrowave writes is either complete or absent, whatever kills the
// process: it is written under a temporary name (unique to the process) and renamed into place.
// probeWrite says before a long job whether its file can be written at all.
import { rmSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { makeDirs } from './make-dirs-fs';

export function writeAtomic(path: string, text: string): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

/** Throws (the system's error) unless a file can be written at `path`: its folder is created and an empty temporary is written beside it and removed. */
export function probeWrite(path: string): void {
  makeDirs(dirname(path));
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, '');
  rmSync(tmp, { force: true });
}
