// Why this file exists: the model fingerprint recorded in docs/validation/report.json. It hashes
// the version and every file that can change a number or a figure of the report (the model, the
// analysis, the checks and plots, the presets), so a test can tell when the committed report is
// stale. Pure: the caller reads the files (src/validate/files.ts).
import { hashBuffer } from '../analysis/hash';

/** Folders (relative to the repository root) whose files feed the fingerprint. */
export const FINGERPRINT_ROOTS = ['src/model', 'src/analysis', 'src/report', 'src/validate', 'public/presets'] as const;

export interface SourceFile {
  /** path relative to the repository root, with "/" separators */
  path: string;
  text: string;
}

/**
 * 16 hex digits: hashBuffer over the UTF-8 bytes of the version and, sorted by path, each file's
 * path and text (line endings normalised to \n, so a Windows checkout gives the same value).
 */
export function fingerprint(files: readonly SourceFile[], version: string): string {
  const parts = [`ferrowave ${version}\n`];
  for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    parts.push(`\0${f.path}\n${f.text.replace(/\r\n?/g, '\n')}`);
  }
  const bytes = new TextEncoder().encode(parts.join(''));
  return hashBuffer(bytes.slice().buffer);
}
