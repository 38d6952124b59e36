// Why this file exists: `npm pack` (prepack) and `npm run build:package` compile what the installed
// package runs into build/: build/node/*.mjs, the CLI and its two worker entries as plain
// JavaScript (esbuild, the transformer tsx uses; npm packages stay imports, so they come from the
// package's dependencies), and build/sandbox/, the built page that `ferrowave record` serves. An
// installed ferrowave then needs neither tsx nor esbuild nor vite at run time, and bundles nothing.
// Each module's import.meta.url still names where its source file would be in the package, so
// files found relative to a module (data/, the worker entries) are found as in a checkout. What a
// checkout reads from its sources (the model and validation fingerprints) is computed here and
// replaces src/node/build-info.ts in the bundles.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import type { BuildInfo } from '../../src/node/build-info';
import { ensureFreshKernels } from '../../src/node/kernel-freshness';
import { modelFingerprint } from '../../src/node/model-fingerprint';
import { currentFingerprint } from '../../src/validate/files';
import { buildSandbox } from '../lib/serve-built';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** where everything goes (listed in package.json's `files`; not committed) */
export const BUILD_DIR = join(ROOT, 'build');
const NODE_DIR = join(BUILD_DIR, 'node');
const BUILD_INFO = join(ROOT, 'src', 'node', 'build-info.ts');

/** the entries: the CLI (bin/ferrowave.mjs imports it) and the two worker_threads entries */
const ENTRIES = {
  cli: 'src/cli/main.ts',
  'sim.node-worker': 'workers/sim.node-worker.ts',
  'sweep.node-worker': 'workers/sweep.node-worker.ts',
};

/** import.meta.url of a source file, as an expression valid in a bundle in build/node/ */
function metaUrlExpr(file: string): string {
  const rel = relative(NODE_DIR, file).split(sep).join('/');
  return `new URL(${JSON.stringify(rel)}, import.meta.url).href`;
}

/** Replace import.meta.url in code, not inside a string on the same line (sweep-bundle.ts has one). */
function rewriteMetaUrl(src: string, expr: string): string {
  return src
    .split('\n')
    .map((line) =>
      line.replace(/\bimport\.meta\.url\b/g, (m, at: number) => {
        const before = line.slice(0, at);
        const inString = ["'", '"', '`'].some((q) => (before.split(q).length - 1) % 2 === 1);
        return inString ? m : expr;
      }),
    )
    .join('\n');
}

function packagePlugin(info: BuildInfo): Plugin {
  return {
    name: 'ferrowave-package',
    setup(b) {
      b.onLoad({ filter: /\.[cm]?[jt]s$/ }, (args) => {
        const loader = args.path.endsWith('ts') ? 'ts' : 'js';
        if (args.path === BUILD_INFO) return { contents: `export const BUILD = ${JSON.stringify(info)};\n`, loader: 'ts' };
        const src = readFileSync(args.path, 'utf8');
        if (!src.includes('import.meta')) return undefined;
        const url = metaUrlExpr(args.path);
        // import.meta.dirname / filename would need the same rewrite: the sources use url only
        if (/\bimport\.meta\.(dirname|filename)\b/.test(src)) throw new Error(`${args.path}: use import.meta.url (the package build rewrites only that)`);
        return { contents: rewriteMetaUrl(src, url), loader, resolveDir: dirname(args.path) };
      });
    },
  };
}

function sizeOf(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) {
      const s = sizeOf(p);
      files += s.files;
      bytes += s.bytes;
    } else {
      files++;
      bytes += st.size;
    }
  }
  return { files, bytes };
}

/** Build build/node and build/sandbox from the sources (replacing what was there). */
// progress goes to stderr: `npm pack --json` prints its report on stdout after this runs
export async function buildPackage(log: (line: string) => void = (l) => console.error(l)): Promise<void> {
  const t0 = performance.now();
  await ensureFreshKernels(log);
  rmSync(BUILD_DIR, { recursive: true, force: true });
  mkdirSync(NODE_DIR, { recursive: true });
  const info: BuildInfo = { modelFingerprint: modelFingerprint(), validateFingerprint: currentFingerprint() };
  await build({
    entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([k, v]) => [k, join(ROOT, v)])),
    absWorkingDir: ROOT,
    outdir: NODE_DIR,
    bundle: true,
    // shared code in chunks beside the entries (same folder: the import.meta.url rewrite assumes it)
    splitting: true,
    chunkNames: 'chunk-[hash]',
    outExtension: { '.js': '.mjs' },
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // npm packages are imports resolved in the installed package (package.json's dependencies)
    packages: 'external',
    // functions keep their names (as under tsx; the recorder's page.evaluate shims __name)
    keepNames: true,
    logLevel: 'warning',
    legalComments: 'none',
    plugins: [packagePlugin(info)],
  });
  const node = sizeOf(NODE_DIR);
  log(`build/node: ${node.files} files, ${(node.bytes / 1024).toFixed(0)} kB`);
  await buildSandbox(join(BUILD_DIR, 'sandbox'));
  const page = sizeOf(join(BUILD_DIR, 'sandbox'));
  log(`build/sandbox: ${page.files} files, ${(page.bytes / 1024).toFixed(0)} kB`);
  log(`built the package in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildPackage();
