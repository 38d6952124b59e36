// Why this file exists: CONTRIBUTING.md promises that a new per-cell species with its rate law,
// its view and its inspector entry takes three files (layout.ts, params.ts, cell-kinetics.ts)
// plus regenerated files. This test walks that recipe on a throwaway species in a copy of the
// project, exactly as written there, so the recipe stays true: it rebuilds the kernels and the
// docs, then checks that the species is in the state, follows its rate law, runs with the same
// bits in WebAssembly and TypeScript, has a view, an inspector row and a cells.csv column.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** the recipe's three edits, as CONTRIBUTING.md shows them */
const EDITS: { file: string; after: string; insert: string }[] = [
  {
    file: 'src/model/layout.ts',
    after: "  { name: 'vol',",
    insert:
      "  { name: 'probe', unit: 'uM', doc: 'a throwaway species (recipe test)', init: 'probe_level', show: { label: 'probe', scale: 'linear', lo: 0, hi: 3 } },\n",
  },
  {
    file: 'src/model/params.ts',
    after: '  // --- lipid peroxidation and commitment ---',
    insert:
      "  P('probe_rate', '1/min', 0.05, 0, 1, 'lipid', 'relaxation rate of the probe', 'recipe test'),\n" +
      "  P('probe_level', 'uM', 1.5, 0, 10, 'lipid', 'probe level at reference labile iron', 'recipe test'),\n",
  },
  {
    file: 'src/model/cell-kinetics.ts',
    after: '    const fen = fe1 * feRefInv;',
    insert: '    const probe = st.cell.probe;\n    probe[i] = (probe[i] + dt * p.probe_rate * p.probe_level * fen) / (1 + dt * p.probe_rate);\n',
  },
];

/** insert `insert` on the line after the first line starting with `after` */
function applyEdit(text: string, after: string, insert: string): string {
  const at = text.indexOf(after);
  if (at < 0) throw new Error(`recipe anchor not found: ${after}`);
  const eol = text.indexOf('\n', at) + 1;
  return text.slice(0, eol) + insert + text.slice(eol);
}

const CHECK = `
import { createSimulation } from './src/model/simulation';
import { resolveScenario } from './src/model/scenario';
import { PRESETS } from './src/model/presets';
import { hashBuffer } from './src/analysis/hash';
import { VIEWS } from './src/render/views';
import { CELL_VARS } from './src/model/layout';
import { cellsCsv } from './src/formats/run-folder';
const raw = structuredClone(PRESETS['primed-light-pulse']) as Record<string, unknown>;
raw.lattice = { width: 41, height: 3, site_um: 20 };
raw.duration_min = 1200;
// the pulse inside this 3-row strip (the preset's lies at y = 400 um)
(raw.treatments as Array<{ region?: { disc: { y_um: number } } }>)[1].region!.disc.y_um = 30;
const sc = resolveScenario(raw, 'test');
const a = createSimulation(sc), b = createSimulation(sc, sc.seed, { noWasm: true });
const start = a.state.cell.probe[0], startExpected = 1.5 * a.state.cell.fe[0] / sc.params.fe_ref;
a.step(400); b.step(400);
const fe = a.state.cell.fe[5], probe = a.state.cell.probe[5];
console.log(JSON.stringify({
  kernel: a.kernel, sameBits: hashBuffer(a.state.buffer) === hashBuffer(b.state.buffer),
  start, startExpected, probe, expected: 1.5 * fe / sc.params.fe_ref,
  view: VIEWS.some((v) => v.id === 'probe'), inspector: CELL_VARS.some((v) => v.name === 'probe'),
  csv: cellsCsv(a.state, 20, 'probe-run', 1).split('\\n')[0],
}));
`;

describe('the species recipe of CONTRIBUTING.md', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ferrowave-recipe-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('adds a species with its rate law, view and inspector entry in three files plus generated ones', () => {
    for (const d of ['src', 'scripts', 'public', 'docs/model.md', 'docs/treatments.md', 'package.json', 'tsconfig.json'])
      cpSync(join(ROOT, d), join(dir, d), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    const contributing = readFileSync(join(ROOT, 'CONTRIBUTING.md'), 'utf8');
    for (const e of EDITS) {
      // the recipe names the file and shows the edit, line for line
      expect(contributing).toContain(e.file);
      for (const line of e.insert.trim().split('\n')) expect(contributing).toContain(line.trim());
      const path = join(dir, e.file);
      writeFileSync(path, applyEdit(readFileSync(path, 'utf8'), e.after, e.insert));
    }
    const run = (args: string[]) =>
      execFileSync(process.execPath, ['--import', 'tsx', ...args], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    run(['scripts/kernels/build.ts']);
    run(['scripts/gen-model-docs.ts']);
    run(['scripts/schemas/build.ts']);
    expect(readFileSync(join(dir, 'docs/model.md'), 'utf8')).toContain('| `probe` | uM | a throwaway species (recipe test) |');
    expect(JSON.parse(readFileSync(join(dir, 'schemas/scenario.schema.json'), 'utf8')).properties.params.properties.probe_rate).toMatchObject({ maximum: 1 });
    expect(readFileSync(join(dir, 'src/model/wasm/kernels.generated.wat'), 'utf8')).not.toBe(
      readFileSync(join(ROOT, 'src/model/wasm/kernels.generated.wat'), 'utf8'),
    );
    writeFileSync(join(dir, 'check.ts'), CHECK);
    const out = JSON.parse(run(['check.ts']).trim().split('\n').at(-1) as string);
    expect(out.kernel).toBe('wasm-simd');
    expect(out.sameBits).toBe(true);
    // it starts at its control steady state (level x fe / fe_ref) and follows labile iron after
    expect(out.start).toBeCloseTo(out.startExpected, 3);
    expect(out.probe).toBeCloseTo(out.expected, 1);
    expect(out.view).toBe(true);
    expect(out.inspector).toBe(true);
    expect(out.csv.split(',')).toContain('probe_uM'); // its column, named with its unit
  }, 180_000);
});
