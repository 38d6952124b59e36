// The layout's promise: imports point one way (core at the bottom), the core imports no DOM, pixi
// or Node modules, and the top layers (render, ui, record, cli) never reach into each other except
// ui, which mounts render and record. A new import that breaks this fails here.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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
  validate: ['model', 'analysis', 'engine', 'host', 'report'],
  render: ['model', 'analysis'],
  record: ['model', 'analysis', 'render', 'report'],
  ui: ['model', 'analysis', 'engine', 'host', 'io', 'render', 'record', 'report'],
  cli: ['model', 'analysis', 'engine', 'host', 'io', 'sweep', 'validate', 'report', 'record'],
};
/** packages only the top may use */
const NODE_FREE = ['model', 'analysis', 'engine', 'io', 'report', 'sweep', 'render', 'record'];
const PIXI_FREE = ['model', 'analysis', 'engine', 'host', 'io', 'report', 'sweep', 'validate', 'record', 'cli'];

function importsOf(dir: string): Array<{ file: string; spec: string }> {
  const out: Array<{ file: string; spec: string }> = [];
  for (const f of readdirSync(dir)) {
    if (!f.endsWith('.ts')) continue;
    const text = readFileSync(join(dir, f), 'utf8');
    for (const m of text.matchAll(/^\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/gm)) out.push({ file: f, spec: m[1] });
  }
  return out;
}

describe('layers', () => {
  it('every folder of src/ is known and imports only from the layers below it', () => {
    const folders = readdirSync('src', { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    expect(folders.sort()).toEqual(Object.keys(ALLOWED).sort());
    const bad: string[] = [];
    for (const folder of folders) {
      for (const { file, spec } of importsOf(join('src', folder))) {
        const m = spec.match(/^\.\.\/([a-z]+)\//);
        if (m && m[1] !== folder && !ALLOWED[folder].includes(m[1])) bad.push(`src/${folder}/${file} imports ${spec}`);
        if (NODE_FREE.includes(folder) && spec.startsWith('node:')) bad.push(`src/${folder}/${file} imports ${spec} (no Node modules here)`);
        if (PIXI_FREE.includes(folder) && spec.startsWith('pixi')) bad.push(`src/${folder}/${file} imports ${spec} (no pixi here)`);
      }
    }
    expect(bad).toEqual([]);
  });
});
