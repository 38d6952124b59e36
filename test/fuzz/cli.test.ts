// Fuzz, end to end: the reproducers through the real `ferrowave` command (a child
// process each, three at a time). Every one exits with code 2 at once, names the field or the
// option in a short stderr without raw control characters, and writes nothing.
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../src/model/presets';
import { hasControl } from '../../src/model/printable';

const bin = join(import.meta.dirname, '../../bin/ferrowave.mjs');
const dir = mkdtempSync(join(tmpdir(), 'ferrowave-fuzz-cli-'));

interface Result {
  code: number | null;
  stderr: string;
  ms: number;
}

const cli = (args: string[]): Promise<Result> =>
  new Promise((done) => {
    const t0 = performance.now();
    execFile(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 }, (err, _stdout, stderr) => {
      done({ code: err ? ((err as { code?: number }).code ?? null) : 0, stderr, ms: performance.now() - t0 });
    });
  });

function file(name: string, content: unknown): string {
  const p = join(dir, name);
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
}

describe('the CLI on hostile input', () => {
  it('exits 2 at once on every reproducer of the issue, naming the field, printing little and nothing raw', async () => {
    const preset = structuredClone(PRESETS['primed-light-pulse']);
    const out = join(dir, 'never');
    const cases: Array<[string, string[], RegExp]> = [
      [
        'pollution by --set',
        ['run', 'primed-light-pulse', '--set', '__proto__.end_min=1', '--out', out],
        /--set __proto__\.end_min: 1 — "__proto__" is not allowed/,
      ],
      ['a prototype member as a preset', ['run', 'toString', '--out', out], /scenario: "toString" — neither a \.json file nor a preset/],
      [
        'a time step of 1e-300 min',
        ['run', 'primed-light-pulse', '--set', 'numerics.dt_min=1e-300', '--out', out],
        /scenario\.numerics\.dt_min: 1e-300 — must be a number \(min\), >= 0\.001/,
      ],
      [
        'an 8192 x 8192 lattice',
        ['run', 'primed-light-pulse', '--set', 'lattice.width=8192', '--set', 'lattice.height=8192', '--out', out],
        /scenario\.lattice: \{"width":8192,"height":8192\} — .* 4\.0 GiB/,
      ],
      ['JSON nested 100,000 deep', ['run', file('deep.json', `${'['.repeat(100_000)}${']'.repeat(100_000)}`), '--out', out], /nested deeper than 64 levels/],
      [
        'a 2-million-element value',
        ['run', file('big.json', { ...preset, treatments: new Array(2_000_000).fill(0) }), '--out', out],
        /2000000 items: at most 1000/,
      ],
      [
        'terminal escapes in the name',
        ['run', file('escape.json', { ...preset, name: '\u001b]0;pwned\u0007\u001b[2J\u009b31m' }), '--out', out],
        /scenario\.name: "\\u001b\]0;pwned\\u0007\\u001b\[2J\\u009b31m" — must be one line/,
      ],
      [
        'a prototype path in a sweep',
        ['sweep', file('sweep.json', { base: 'primed-light-pulse', set: { 'treatments.__proto__.x': 1 } }), '--out', out],
        /sweep\.set\["treatments\.__proto__\.x"\]: 1 — the key: "__proto__" is not allowed/,
      ],
    ];
    // a named pipe would block a plain read forever
    const fifo = join(dir, 'pipe.json');
    if (spawnSync('mkfifo', [fifo]).status === 0)
      cases.push(['a named pipe', ['run', fifo, '--out', out], /scenario file: ".*pipe\.json" — cannot read it: not a regular file/]);
    if (existsSync('/proc/1'))
      cases.push(
        [
          'an --out that cannot be written',
          ['run', 'unprimed-light-pulse', '--out', '/proc/1/nope'],
          /--out \/proc\/1\/nope: cannot write a folder there \(ENOENT/,
        ],
        ['a report folder that cannot be written', ['validate', '--out', '/proc/1/nope'], /--out \/proc\/1\/nope: cannot write a folder there/],
        [
          'a video that cannot be written',
          ['record', 'primed-light-pulse', '--out', '/proc/1/nope.webm', '--minutes-per-second', '30', '--seconds', '1'],
          /--out: cannot write \/proc\/1\/nope\.webm/,
        ],
      );
    const results: Result[] = [];
    for (let i = 0; i < cases.length; i += 3) results.push(...(await Promise.all(cases.slice(i, i + 3).map(([, args]) => cli(args)))));
    cases.forEach(([what, , expected], i) => {
      const r = results[i];
      expect(r.code, `${what}: ${r.stderr}`).toBe(2);
      expect(r.stderr, what).toMatch(expected);
      expect(r.stderr.length, what).toBeLessThan(4000);
      expect(hasControl(r.stderr.replace(/\n/g, '')), `${what}: a raw control character on stderr`).toBe(false);
      expect(r.ms, what).toBeLessThan(30_000);
    });
    expect(existsSync(out)).toBe(false);
  });
});
