// Why this file exists: the one place in src/validate that touches the file system: reading the
// sources the fingerprint covers, and writing a rendered report (report.md, report.json,
// figures/*.svg) atomically, removing figures a previous run left behind.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeAtomic } from '../formats/atomic-fs';
import { makeDirs } from '../formats/make-dirs-fs';
import { FERROWAVE_VERSION } from '../model/version';
import { FINGERPRINT_ROOTS, fingerprint, type SourceFile } from './fingerprint';
import { FIGURE_DIR, type RenderedReport } from './report';
import { listFilesSorted } from '../formats/list-files-fs';

/** The repository root (two levels above this file). */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Every file under the fingerprint roots, with its path relative to `root`. */
export function readFingerprintSources(root: string = REPO_ROOT): SourceFile[] {
  return FINGERPRINT_ROOTS.flatMap((r) => listFilesSorted(join(root, r))).map((p) => ({
    path: relative(root, p).split(sep).join('/'),
    text: readFileSync(p, 'utf8'),
  }));
}

/** The fingerprint of the code as it is on disk now. */
export function currentFingerprint(root: string = REPO_ROOT): string {
  return fingerprint(readFingerprintSources(root), FERROWAVE_VERSION);
}

/** Write the report into `dir`; figures that are not part of it are deleted from dir/figures. */
export function writeReport(dir: string, r: RenderedReport): void {
  const figDir = join(dir, FIGURE_DIR);
  makeDirs(figDir);
  const keep = new Set(r.figures.map((f) => f.path.slice(FIGURE_DIR.length + 1)));
  for (const name of readdirSync(figDir)) if (name.endsWith('.svg') && !keep.has(name)) rmSync(join(figDir, name));
  for (const f of r.figures) writeAtomic(join(dir, f.path), f.svg);
  writeAtomic(join(dir, 'report.json'), `${JSON.stringify(r.json, null, 2)}\n`);
  writeAtomic(join(dir, 'report.md'), r.markdown);
}
