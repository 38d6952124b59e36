// Why this file exists: the one recursive, sorted listing of a folder's files that both code
// fingerprints (the validation report's and a fit folder's) hash, so they see the same files in the
// same order.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under `dir`, depth first, names sorted at each level (full paths). */
export function listFilesSorted(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listFilesSorted(p));
    else out.push(p);
  }
  return out;
}
