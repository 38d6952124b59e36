// A folder written as a whole appears complete or not at all, and what a killed writer left
// beside it is cleaned up by the next one: removed, or put back when it was the previous folder
// moved aside at the moment of the kill.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanStale, commitFolder, discardFolder, stageFolder } from '../../src/formats/staged-folder-fs';

const host = hostname().replace(/[^A-Za-z0-9.]/g, '_') || 'host';
/** a pid no process has (above Linux's pid_max) */
const DEAD = 99_999_999;

function folder(path: string, files: Record<string, string>): void {
  mkdirSync(path, { recursive: true });
  for (const [f, text] of Object.entries(files)) writeFileSync(join(path, f), text);
}

describe('staged folders', () => {
  it('are written beside their place and appear there whole, replacing the previous folder only then', () => {
    const parent = mkdtempSync(join(tmpdir(), 'ferrowave-stage-'));
    const final = join(parent, 'run');
    folder(final, { 'old.txt': 'old', 'cells.csv': 'old' });
    const s = stageFolder(final);
    expect(s.tmp.startsWith(join(parent, `.run.ferrowave-tmp-${host}-${process.pid}-`))).toBe(true);
    writeFileSync(join(s.tmp, 'new.txt'), 'new');
    // meanwhile the previous folder is untouched
    expect(readdirSync(final).sort()).toEqual(['cells.csv', 'old.txt']);
    commitFolder(s);
    expect(readdirSync(final)).toEqual(['new.txt']);
    expect(readdirSync(parent)).toEqual(['run']);
    const d = stageFolder(join(parent, 'gone'));
    discardFolder(d);
    expect(readdirSync(parent)).toEqual(['run']);
  });

  it("clean up after killed writers of this host: temporaries removed, a folder moved aside put back; others' left alone", () => {
    const parent = mkdtempSync(join(tmpdir(), 'ferrowave-stale-'));
    const final = join(parent, 'run');
    folder(join(parent, `.run.ferrowave-tmp-${host}-${DEAD}-abc123`), { 'timeseries.csv': 'partial' });
    folder(join(parent, `.run.ferrowave-old-${host}-${DEAD}`), { 'summary.json': 'previous' });
    folder(join(parent, `.run.ferrowave-tmp-${host}-${process.pid}-live01`), { 'timeseries.csv': 'running' });
    folder(join(parent, `.run.ferrowave-tmp-otherhost-${DEAD}-abc123`), {});
    folder(join(parent, `.runs.ferrowave-tmp-${host}-${DEAD}-abc123`), {});
    const notes = cleanStale(final);
    expect(notes).toHaveLength(2);
    // killed between its two renames: the previous folder is back in its place
    expect(readFileSync(join(final, 'summary.json'), 'utf8')).toBe('previous');
    expect(readdirSync(parent).sort()).toEqual(
      [
        `.run.ferrowave-tmp-${host}-${process.pid}-live01`,
        `.run.ferrowave-tmp-otherhost-${DEAD}-abc123`,
        `.runs.ferrowave-tmp-${host}-${DEAD}-abc123`,
        'run',
      ].sort(),
    );
    // once the folder is in place, a folder moved aside is only a leftover
    folder(join(parent, `.run.ferrowave-old-${host}-${DEAD}`), { 'summary.json': 'older' });
    cleanStale(final);
    expect(existsSync(join(parent, `.run.ferrowave-old-${host}-${DEAD}`))).toBe(false);
    expect(readFileSync(join(final, 'summary.json'), 'utf8')).toBe('previous');
  });
});
