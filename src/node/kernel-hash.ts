// Why this file exists: the hash of the files the WebAssembly kernels are compiled from, which
// the kernel build records in the generated module and kernel-freshness.ts checks against the
// files on disk (apart from both so the build does not import what it generates).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** sha256 over the given project-relative files (path and text of each, in order) */
export function kernelSourceHash(files: readonly string[], root: string = ROOT): string {
  const h = createHash('sha256');
  for (const f of files) {
    h.update(f);
    h.update('\0');
    h.update(existsSync(join(root, f)) ? readFileSync(join(root, f)) : '(missing)');
    h.update('\0');
  }
  return h.digest('hex').slice(0, 16);
}
