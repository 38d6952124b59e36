// Why this file exists: a sweep pool worker started through tsx (workers/sweep-bootstrap.mjs)
// spends ~0.25 s of CPU, and a loader thread of its own, resolving and loading its ~50 TypeScript
// modules one by one; the same modules bundled into one plain JavaScript file start in ~30 ms.
// So the main thread bundles the worker once with esbuild (the transformer tsx itself uses, and
// ships) and caches the bundle under a name that is the hash of every input file's contents: a
// changed source gives a new bundle, an unchanged one costs a few file reads. Each module's
// import.meta.url (and dirname, filename) keeps pointing at its own source file, so files found
// relative to a module are found as under tsx. Anything going wrong (no esbuild, a read-only
// install, a failed build) falls back to the tsx bootstrap: slower to start, same numbers. The
// installed package has its worker compiled already (build/node/sweep.node-worker.mjs) and never
// bundles.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { threadId } from 'node:worker_threads';
import { BUILD } from './build-info';

/** the tsx bootstrap: loads workers/sweep.node-worker.ts through tsx */
export const TSX_BOOTSTRAP = new URL('../../workers/sweep-bootstrap.mjs', import.meta.url);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ENTRY = join(ROOT, 'workers', 'sweep.node-worker.ts');
const NAME = 'sweep-worker';
/** the list of the bundle's inputs, one per checkout */
const META = `${NAME}-${createHash('sha256').update(ROOT).digest('hex').slice(0, 8)}.json`;

interface Meta {
  /** the bundle's input files, relative to the repository root */
  inputs: string[];
}

function hashOf(inputs: readonly string[], esbuildVersion: string): string {
  const h = createHash('sha256');
  // the recipe (this file) is part of the bundle, and so are this checkout's absolute paths
  // (import.meta.url): checkouts sharing a cache (a symlinked node_modules, the temporary
  // directory) keep their bundles apart
  h.update(`${esbuildVersion}\0${process.version}\0${ROOT}\0`);
  h.update(readFileSync(fileURLToPath(import.meta.url)));
  for (const f of inputs) {
    h.update(`${f}\0`);
    h.update(readFileSync(join(ROOT, f)));
  }
  return h.digest('hex').slice(0, 20);
}

function writeAtomicIn(dir: string, name: string, text: string): void {
  const tmp = join(dir, `.${name}.${process.pid}-${threadId}`);
  writeFileSync(tmp, text);
  renameSync(tmp, join(dir, name));
}

/** Where bundles live: node_modules/.cache/ferrowave, or the temporary directory. */
function cacheDirs(): string[] {
  return [join(ROOT, 'node_modules', '.cache', 'ferrowave'), join(tmpdir(), `ferrowave-cache-${process.getuid?.() ?? 'user'}`)];
}

type Esbuild = typeof import('esbuild');

/** esbuild is tsx's dependency: found from tsx's own folder; loaded only to build. */
function findEsbuild(): { version: string; load: () => Esbuild } {
  const fromTsx = createRequire(createRequire(import.meta.url).resolve('tsx/package.json'));
  const version = String(fromTsx('esbuild/package.json').version);
  return { version, load: () => fromTsx('esbuild') as Esbuild };
}

/**
 * The URL of the bundled worker, built if needed, or the tsx bootstrap if it cannot be had (or
 * FERROWAVE_SWEEP_BUNDLE=0 asks for it).
 */
export async function sweepWorkerEntry(): Promise<URL> {
  if (BUILD) return new URL('../../build/node/sweep.node-worker.mjs', import.meta.url);
  if (process.env.FERROWAVE_SWEEP_BUNDLE === '0') return TSX_BOOTSTRAP;
  let esbuild: ReturnType<typeof findEsbuild>;
  try {
    esbuild = findEsbuild();
  } catch {
    return TSX_BOOTSTRAP;
  }
  // an up-to-date bundle from an earlier sweep?
  for (const dir of cacheDirs()) {
    try {
      const meta = JSON.parse(readFileSync(join(dir, META), 'utf8')) as Meta;
      const file = join(dir, `${NAME}-${hashOf(meta.inputs, esbuild.version)}.mjs`);
      if (existsSync(file)) return pathToFileURL(file);
    } catch {
      // no bundle there, or an input gone: build
    }
  }
  let text: string;
  let inputs: string[];
  try {
    const keepMeta: import('esbuild').Plugin = {
      name: 'keep-import-meta',
      setup(b) {
        b.onLoad({ filter: /\.[cm]?[jt]s$/ }, (args) => {
          const src = readFileSync(args.path, 'utf8');
          if (!src.includes('import.meta')) return undefined;
          const url = pathToFileURL(args.path).href;
          const contents = src
            .replace(/\bimport\.meta\.url\b/g, JSON.stringify(url))
            .replace(/\bimport\.meta\.dirname\b/g, JSON.stringify(dirname(args.path)))
            .replace(/\bimport\.meta\.filename\b/g, JSON.stringify(args.path));
          return { contents, loader: args.path.endsWith('ts') ? 'ts' : 'js', resolveDir: dirname(args.path) };
        });
      },
    };
    const r = await esbuild.load().build({
      entryPoints: [ENTRY],
      absWorkingDir: ROOT,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: `node${process.versions.node.split('.')[0]}`,
      // like tsx: functions and classes keep their names
      keepNames: true,
      // CommonJS dependencies may require() Node's modules
      banner: { js: "import { createRequire as __ferrowaveRequire } from 'node:module'; const require = __ferrowaveRequire(import.meta.url);" },
      write: false,
      metafile: true,
      logLevel: 'silent',
      plugins: [keepMeta],
    });
    text = r.outputFiles[0].text;
    inputs = Object.keys(r.metafile.inputs).sort();
  } catch {
    return TSX_BOOTSTRAP;
  }
  const name = `${NAME}-${hashOf(inputs, esbuild.version)}.mjs`;
  for (const dir of cacheDirs()) {
    try {
      mkdirSync(dir, { recursive: true });
      writeAtomicIn(dir, name, text);
      writeAtomicIn(dir, META, `${JSON.stringify({ inputs } satisfies Meta)}\n`);
      removeStale(dir, name);
      return pathToFileURL(join(dir, name));
    } catch {
      // not writable: try the next place
    }
  }
  return TSX_BOOTSTRAP;
}

/** Remove bundles of older sources (a day old: a sweep that started with one has long loaded it). */
function removeStale(dir: string, keep: string): void {
  const day = 24 * 3600 * 1000;
  for (const f of readdirSync(dir)) {
    if (f === keep || !f.startsWith(`${NAME}-`) || !f.endsWith('.mjs')) continue;
    try {
      if (Date.now() - statSync(join(dir, f)).mtimeMs > day) rmSync(join(dir, f), { force: true });
    } catch {
      // another process removed it
    }
  }
}
