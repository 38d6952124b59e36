// Why this file exists: docs/model.md is the model's paper and must keep using the code's names.
// The parameter table in it is generated (scripts/gen-model-docs.ts); this test fails when the
// table is stale or when a state variable, field, aux rate, gene, target or parameter is missing;
// docs/treatments.md and the README's count of agents must follow the registry too.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AUX_VARS, CELL_VARS, FIELDS, GENES } from '../src/model/layout';
import { PARAMS } from '../src/model/params';
import { TARGET_IDS } from '../src/model/targets';
import { AGENT_IDS } from '../src/model/agents';
import {
  BEGIN_MARKER,
  END_MARKER,
  MODEL_DOC_PATH,
  renderParamTable,
  TREATMENTS_DOC_PATH,
  withAgentTable,
  withCellVarTable,
  withParamTable,
} from '../scripts/gen-model-docs';

const doc = readFileSync(MODEL_DOC_PATH, 'utf8');
/** The hand-written part: everything outside the generated table. */
const prose = doc.slice(0, doc.indexOf(BEGIN_MARKER)) + doc.slice(doc.indexOf(END_MARKER));

describe('docs/model.md', () => {
  it('has the generated parameter table up to date (run `npx tsx scripts/gen-model-docs.ts`)', () => {
    expect(doc).toContain(BEGIN_MARKER);
    expect(doc).toContain(END_MARKER);
    expect(withParamTable(doc)).toBe(doc);
  });

  it('has the generated per-cell variable table up to date (section 2.1)', () => {
    expect(withCellVarTable(doc)).toBe(doc);
  });

  it('generates one row per parameter, grouped', () => {
    const table = renderParamTable();
    const rows = table.split('\n').filter((l) => l.startsWith('| `'));
    expect(rows).toHaveLength(PARAMS.length);
    for (const g of new Set(PARAMS.map((p) => p.group))) expect(table).toContain(`(\`${g}\`)`);
    expect(withParamTable(`a\n${BEGIN_MARKER}\nold\n${END_MARKER}\nb`)).toBe(`a\n${BEGIN_MARKER}\n${table}\n${END_MARKER}\nb`);
    expect(() => withParamTable('no markers')).toThrow(/params:begin/);
  });

  it('names every state variable, aux rate and field (as `code`) outside the generated table', () => {
    const missing = [...CELL_VARS, ...AUX_VARS, ...FIELDS].map((v) => v.name).filter((n) => !prose.includes(`\`${n}\``));
    expect(missing).toEqual([]);
  });

  it('names every phenotype gene and treatment target', () => {
    const missing = [...GENES, ...TARGET_IDS].filter((n) => !prose.includes(`\`${n}\``));
    expect(missing).toEqual([]);
  });

  it('names every parameter in the table and in the hand-written equations or text', () => {
    expect(PARAMS.map((p) => p.name).filter((n) => !doc.includes(`\`${n}\``))).toEqual([]);
    // a new parameter must also be placed in the equations (section 3) or the text, not only listed
    const word = (n: string) => new RegExp(`(^|[^A-Za-z0-9_])${n}(?![A-Za-z0-9_])`);
    expect(PARAMS.map((p) => p.name).filter((n) => !word(n).test(prose))).toEqual([]);
  });
});

describe('docs/treatments.md', () => {
  const tdoc = readFileSync(TREATMENTS_DOC_PATH, 'utf8');
  it('has the generated agent table up to date with the registry', () => {
    expect(withAgentTable(tdoc)).toBe(tdoc);
  });
  it('lists every treatment identifier', () => {
    expect(AGENT_IDS.filter((id) => !tdoc.includes(`| \`${id}\` |`))).toEqual([]);
  });
});

describe('README.md', () => {
  it("counts the treat panel's agents as the registry does", () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(readme.match(/any of the (\d+) agents/)?.[1]).toBe(String(AGENT_IDS.length));
  });
});
