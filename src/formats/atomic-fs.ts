// Why this file exists: a file ferrowave writes is either complete or absent, whatever kills the
// process: it is written under a temporary name (unique to the process) and renamed into place.
// A binary file (Parquet) is written the same way from its parts. probeWrite says before a long job whether its file can be written at all.
import { closeSync, openSync, rmSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { makeDirs } from './make-dirs-fs';

export function writeAtomic(path: string, text: string): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

/** writeAtomic of a binary file given as parts (a Parquet file's chunks), written one after the other. */
export function writeAtomicParts(path: string, parts: readonly Uint8Array[]): void {
  const tmp = `${path}.tmp-${process.pid}`;
  const fd = openSync(tmp, 'w');
  try {
    for (const p of parts) {
      let done = 0;
      while (done < p.length) done += writeSync(fd, p, done, p.length - done);
    }
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

/** Throws (the system's error) unless a file can be written at `path`: its folder is created and an empty temporary is written beside it and removed. */
export function probeWrite(path: string): void {
  makeDirs(dirname(path));
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, '');
  rmSync(tmp, { force: true });
}
