// Why this file exists: the WebAssembly kernels are compiled from TypeScript sources
// (`npm run build:kernels`); someone who edits a rate law and runs `ferrowave` or `npm start`
// without rebuilding would get the new law where the TypeScript runs and the old one where the
// WebAssembly does. The generated module records a hash of the files it was compiled from; this
// compares it with the files on disk and rebuilds when they differ (a second or two, only then).
// In an installed package the sources and the hash agree, so nothing is rebuilt.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { KERNEL_INPUTS, KERNEL_SOURCE_HASH } from '../model/wasm/kernels.bytes';
import { BUILD } from './build-info';
import { kernelSourceHash } from './kernel-hash';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Whether the kernels were compiled from the sources on disk. */
export function kernelsFresh(): boolean {
  // the installed package: compiled from the sources it was built from, which it does not ship
  if (BUILD) return true;
  return kernelSourceHash(KERNEL_INPUTS) === KERNEL_SOURCE_HASH;
}

/**
 * Rebuild the kernels when their sources changed since they were compiled (and the compiler is
 * here: a development checkout). Returns whether it rebuilt; a process that loaded the old
 * kernels must restart to use the new ones.
 */
export async function ensureFreshKernels(log: (line: string) => void = (l) => console.error(l)): Promise<boolean> {
  if (kernelsFresh()) return false;
  const build = join(ROOT, 'scripts/kernels/build.ts');
  if (!existsSync(build)) return false;
  log('ferrowave: the kernel sources changed since the WebAssembly was built: rebuilding (npm run build:kernels)');
  const { writeKernelFiles } = (await import(pathToFileURL(build).href)) as { writeKernelFiles(): Promise<void> };
  await writeKernelFiles();
  return true;
}
