// The layout's promise: imports point one way (core at the bottom), the core imports no DOM, pixi
// or Node modules, and the top layers (render, ui, record, cli) never reach into each other except
// ui, which mounts render and record. The file formats (formats) build their text without Node,
// except the *-fs.ts files that read and write them; the Node runtime of the commands (node: the
// sweep's worker pool and bundle, the browser recorder) sits between them and the commands (cli).
// Every .ts file under src/ counts, in subfolders too. A new import that breaks this fails here.
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { describe, expect, it } from 'vitest';

/** For each folder of src/: the folders it may import from (itself always allowed). */
const ALLOWED: Record<string, string[]> = {
  model: [],
  analysis: ['model'],
  engine: ['model', 'analysis'],
  host: ['engine', 'model'],
  io: ['model'],
  report: [],
  sweep: ['model', 'analysis', 'report'],
  fit: ['model', 'analysis', 'report'],
  formats: ['model', 'analysis', 'sweep', 'fit'],
  validate: ['model', 'analysis', 'engine', 'host', 'report', 'formats'],
  render: ['model', 'analysis'],
  record: ['model', 'analysis', 'render', 'report'],
  ui: ['model', 'analysis', 'engine', 'host', 'io', 'sweep', 'render', 'record', 'report'],
  node: ['model', 'analysis', 'engine', 'io', 'record', 'sweep', 'fit', 'formats'],
  cli: ['model', 'analysis', 'engine', 'host', 'sweep', 'fit', 'formats', 'validate', 'record', 'node'],
};
/** packages only the top may use */
const NODE_FREE = ['model', 'analysis', 'engine', 'io', 'report', 'sweep', 'fit', 'formats', 'render', 'record'];
/** in a Node-free folder, files with this ending may still use Node (formats: reading and writing the files) */
const NODE_FILES: Record<string, RegExp> = { formats: /-fs\.ts$/ };
const PIXI_FREE = ['model', 'analysis', 'engine', 'host', 'io', 'report', 'sweep', 'fit', 'formats', 'validate', 'record', 'node', 'cli'];

/** Every import of every .ts file under `dir` (recursively), its path relative to src/. */
function importsOf(dir: string): Array<{ file: string; spec: string }> {
  const out: Array<{ file: string; spec: string }> = [];
  for (const e of readdirSync(join('src', dir), { withFileTypes: true })) {
    const rel = posix.join(dir, e.name);
    if (e.isDirectory()) out.push(...importsOf(rel));
    else if (e.name.endsWith('.ts')) {
      const text = readFileSync(join('src', rel), 'utf8');
      for (const m of text.matchAll(/^\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/gm)) out.push({ file: rel, spec: m[1] });
    }
  }
  return out;
}

describe('layers', () => {
  it('every folder of src/ is known and imports only from the layers below it (subfolders included)', () => {
    const folders = readdirSync('src', { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    expect(folders.sort()).toEqual(Object.keys(ALLOWED).sort());
    const bad: string[] = [];
    for (const folder of folders) {
      for (const { file, spec } of importsOf(folder)) {
        const where = `src/${file} imports ${spec}`;
        if (spec.startsWith('.')) {
          // the folder of src/ the import lands in (none: outside src/, e.g. workers/)
          const target = posix.normalize(posix.join(posix.dirname(file), spec)).split('/');
          if (target[0] === '..') continue;
          if (target[0] !== folder && !ALLOWED[folder].includes(target[0])) bad.push(where);
        }
        if (NODE_FREE.includes(folder) && spec.startsWith('node:') && !NODE_FILES[folder]?.test(file)) bad.push(`${where} (no Node modules here)`);
        if (PIXI_FREE.includes(folder) && spec.startsWith('pixi')) bad.push(`${where} (no pixi here)`);
      }
    }
    expect(bad).toEqual([]);
  });
});
