// The committed validation report (docs/validation) must match the code that produced it: its
// fingerprint is the current code's, it is a full run covering every registered behaviour, and
// every figure report.md shows exists and is well-formed SVG. Plus the pure parts: the
// fingerprint and the Markdown/JSON rendering.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FERROWAVE_VERSION } from '../../src/model/version';
import { BEHAVIOURS } from '../../src/validate/checks/index';
import { currentFingerprint, readFingerprintSources, REPO_ROOT } from '../../src/validate/files';
import { fingerprint } from '../../src/validate/fingerprint';
import { type Entry, figurePath, renderReport } from '../../src/validate/report';
import { svgProblems } from './svg-check';

const DIR = join(REPO_ROOT, 'docs/validation');
const STALE = 'docs/validation is stale: run npm run validate';

describe('docs/validation (the committed report)', () => {
  const jsonPath = join(DIR, 'report.json');
  const mdPath = join(DIR, 'report.md');

  it('matches the current code (model fingerprint)', () => {
    expect(existsSync(jsonPath) && existsSync(mdPath), `${STALE} (report missing)`).toBe(true);
    const json = JSON.parse(readFileSync(jsonPath, 'utf8'));
    expect(json.fingerprint, STALE).toBe(currentFingerprint());
    expect(json.version, STALE).toBe(FERROWAVE_VERSION);
    expect(json.only, `${STALE} (the committed report is a partial --only run)`).toBeNull();
    expect(
      json.results.map((r: { id: string }) => r.id),
      STALE,
    ).toEqual(BEHAVIOURS.map((b) => b.id));
    expect(readFileSync(mdPath, 'utf8'), STALE).toContain(`\`${json.fingerprint}\``);
  });

  it('has every figure that report.md shows, each well-formed SVG', () => {
    expect(existsSync(mdPath), `${STALE} (report missing)`).toBe(true);
    const md = readFileSync(mdPath, 'utf8');
    const refs = [...md.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(0);
    const missing = refs.filter((r) => !existsSync(join(DIR, r)));
    expect(missing, `${STALE} (missing figures)`).toEqual([]);
    for (const r of refs) expect(svgProblems(readFileSync(join(DIR, r), 'utf8')), r).toEqual([]);
  });
});

describe('fingerprint', () => {
  const files = [
    { path: 'src/model/a.ts', text: 'export const a = 1;\n' },
    { path: 'public/presets/p.json', text: '{}\n' },
  ];
  it('depends on content, path and version, not on order or line endings', () => {
    const f = fingerprint(files, '1.0.0');
    expect(f).toMatch(/^[0-9a-f]{16}$/);
    expect(fingerprint([...files].reverse(), '1.0.0')).toBe(f);
    expect(fingerprint([{ ...files[0], text: 'export const a = 1;\r\n' }, files[1]], '1.0.0')).toBe(f);
    expect(fingerprint([{ ...files[0], text: 'export const a = 2;\n' }, files[1]], '1.0.0')).not.toBe(f);
    expect(fingerprint([{ ...files[0], path: 'src/model/b.ts' }, files[1]], '1.0.0')).not.toBe(f);
    expect(fingerprint(files, '1.0.1')).not.toBe(f);
  });
  it('covers the model, the analysis, the checks and the presets', () => {
    const paths = readFingerprintSources().map((f) => f.path);
    for (const p of [
      'src/model/simulation.ts',
      'src/analysis/wave.ts',
      'src/validate/checks/index.ts',
      'src/validate/checks/tumours.ts',
      'src/report/svg.ts',
      'public/presets/primed-light-pulse.json',
    ])
      expect(paths).toContain(p);
    expect(paths.some((p) => ['src/engine/', 'src/cli/', 'src/node/', 'src/formats/'].some((d) => p.startsWith(d)))).toBe(false);
  });
});

describe('renderReport', () => {
  const svg = '<svg xmlns="http://www.w3.org/2000/svg"></svg>\n';
  const entries: Entry[] = [
    {
      behaviour: { id: '5.1', title: 'Wave', target: 'about 5.5 um/min', pass: '4.5-6.5 um/min', source: 'Co et al.' },
      result: { status: 'pass', model: '5.3 um/min', details: '| a | b |', figures: [{ file: 'front.svg', caption: 'Front [fit]', svg }] },
    },
    {
      behaviour: { id: '5.2', title: 'Reach | local', target: 'reach <= 20 um', source: 'Co et al.' },
      result: { status: 'fail', model: 'reach 80 um', figures: [] },
    },
    { behaviour: { id: '5.7', title: 'Synchronous', target: 't', source: 's' }, result: { status: 'not-implemented', model: 'not checked yet', figures: [] } },
    { behaviour: { id: '5.8', title: 'Crash', target: 't', source: 's' }, result: null, error: 'boom' },
  ];
  const r = renderReport({ version: '9.9.9', fingerprint: '0123456789abcdef', only: null }, entries);

  it('writes a summary table, one section per behaviour and figure links, without dates', () => {
    expect(r.markdown).toContain('| id | behaviour | target | model | status |');
    expect(r.markdown).toContain('| 5.2 | Reach \\| local | reach <= 20 um | reach 80 um | **FAIL** |');
    expect(r.markdown).toContain('## 5.1 Wave');
    expect(r.markdown).toContain('**Status: PASS**');
    expect(r.markdown).toContain('**Pass criterion.** 4.5-6.5 um/min');
    expect(r.markdown).toContain('![Front fit](figures/5.1-front.svg)');
    expect(r.markdown).toContain('**Status: ERROR (crashed)**');
    expect(r.markdown).toContain('`0123456789abcdef`');
    expect(r.markdown).toContain('Global sensitivity analysis: [sensitivity.md](sensitivity.md)');
    expect(r.markdown).not.toMatch(/20\d\d-\d\d-\d\d/);
    expect(r.figures).toEqual([{ path: 'figures/5.1-front.svg', svg }]);
  });

  it('gives a machine-readable result per behaviour', () => {
    expect(r.json).toEqual({
      version: '9.9.9',
      fingerprint: '0123456789abcdef',
      only: null,
      results: [
        { id: '5.1', title: 'Wave', status: 'pass', model: '5.3 um/min' },
        { id: '5.2', title: 'Reach | local', status: 'fail', model: 'reach 80 um' },
        { id: '5.7', title: 'Synchronous', status: 'not-implemented', model: 'not checked yet' },
        { id: '5.8', title: 'Crash', status: 'error', model: 'crashed: boom' },
      ],
    });
  });

  it('marks a partial run and names figure files by check id', () => {
    expect(renderReport({ version: '1', fingerprint: 'f', only: ['5.1'] }, entries.slice(0, 1)).markdown).toContain('**partial run**: only 5.1');
    expect(figurePath('gaps', 'Kymograph Fate.svg')).toBe('figures/gaps-kymograph-fate.svg');
  });
});
