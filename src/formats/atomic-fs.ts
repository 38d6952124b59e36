// Why this file exists: a file ferrowave writes is either complete or absent, whatever kills the
// process: it is written under a temporary name (unique to the process) and renamed into place.
import { renameSync, writeFileSync } from 'node:fs';

export function writeAtomic(path: string, text: string): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}
