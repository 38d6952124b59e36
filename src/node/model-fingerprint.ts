// Why this file exists: a fit runs for hours and continues after interruptions; results from two
// versions of the model must not be mixed. This hashes the sources every fit number depends on
// (the model, the analysis, the engine and the fit's own code) for fit.resolved.json, so a folder
// started with other code is refused rather than continued.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listFilesSorted } from '../formats/list-files-fs';
import { BUILD } from './build-info';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ROOTS = ['src/model', 'src/analysis', 'src/engine', 'src/fit', 'public/presets'];

/** 16 hex digits of sha256 over each source file's path and text (line endings normalised). */
export function modelFingerprint(root?: string): string {
  // the installed package ships compiled code only: the hash was taken when it was built
  if (root === undefined && BUILD) return BUILD.modelFingerprint;
  const base = root ?? ROOT;
  const h = createHash('sha256');
  for (const file of ROOTS.flatMap((r) => listFilesSorted(join(base, r)))) {
    h.update(`${relative(base, file).split(sep).join('/')}\0`);
    h.update(readFileSync(file, 'utf8').replace(/\r\n?/g, '\n'));
    h.update('\0');
  }
  return h.digest('hex').slice(0, 16);
}
