// Why this file exists: `mkdir -p` for folders the user names (--out). Node 20's
// mkdirSync(path, { recursive: true }) never returns for some paths it cannot create (under
// /proc/1, for one: it retries the same missing parent forever); this walks up to the first
// folder that exists and creates each missing one below it, so a path that cannot be created
// fails at once with the system's reason.
import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** Create `dir` and its missing parents; throws the first error of the system, naming the folder. */
export function makeDirs(dir: string): void {
  const missing: string[] = [];
  let d = resolve(dir);
  for (;;) {
    let isDir: boolean;
    try {
      isDir = statSync(d).isDirectory();
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      missing.push(d);
      const up = dirname(d);
      if (up === d) break;
      d = up;
      continue;
    }
    if (!isDir) throw Object.assign(new Error(`ENOTDIR: ${d} is a file, not a folder`), { code: 'ENOTDIR' });
    break;
  }
  for (const m of missing.reverse()) {
    try {
      mkdirSync(m);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
}
