// In tumours a row is cut where the quantised level of a diffusing drug changes. The schedule skips
// the logarithm for levels well inside a quantum; the cuts and target values must be those of the
// exact quantisation, round(25 ln c), at every site, including levels a hair either side of a
// quantum's edge, below the level that counts as no drug, and far outside the tabulated quanta.
import { describe, expect, it } from 'vitest';
import { mediumBase } from '../../src/model/effects';
import { log } from '../../src/model/math';
import { PRESETS } from '../../src/model/presets';
import { deriveKey, uniform } from '../../src/model/random';
import { resolveScenario } from '../../src/model/scenario';
import { diffusingAgents, Schedule } from '../../src/model/schedule';

const key = deriveKey(3);
const draw = (i: number, purpose: number) => uniform(key, i, 0, purpose);

describe('drug segments of a tumour row', () => {
  it('cut where round(25 ln c) changes, with the targets of that quantum', () => {
    const sc = resolveScenario(structuredClone(PRESETS['tumour-erastin']), 'test');
    expect(diffusingAgents(sc).length).toBe(1);
    const W = sc.lattice.width;
    const H = sc.lattice.height;
    const field = new Float32Array(W * H);
    let near = 0;
    for (let i = 0; i < W * H; i++) {
      const d = draw(i, 1);
      const q = Math.floor(draw(i, 2) * 300) - 240;
      if (d < 0.4) {
        // a hair either side of a quantum's edge (as float32)
        field[i] = Math.exp((q + 0.5) / 25) * (1 + (draw(i, 3) - 0.5) * 1e-6);
        near++;
      } else if (d < 0.5) field[i] = 1e-4 * (0.5 + draw(i, 4));
      else if (d < 0.55) field[i] = [0, 1e-12, 3e25, 1e-30][i % 4];
      else if (d < 0.8) field[i] = field[i - 1] ?? 1;
      else field[i] = Math.exp(q / 25 + (draw(i, 5) - 0.5) * 0.08);
    }
    expect(near).toBeGreaterThan(0.3 * W * H);
    const exact = (c: number) => (c > 1e-4 ? Math.round(25 * log(c)) : -100000);
    const schedule = new Schedule(sc, mediumBase(sc.params));
    const reference = new Schedule(sc, mediumBase(sc.params));
    let segments = 0;
    for (let y = 0; y < H; y++) {
      const segs = schedule.segments(y, 10, [field]);
      // the cuts: every x where the exact quantum changes, and no other
      const cuts = segs.slice(1).map((s) => s.x0);
      const want: number[] = [];
      for (let x = 1; x < W; x++) if (exact(field[y * W + x]) !== exact(field[y * W + x - 1])) want.push(x);
      expect(cuts, `row ${y}`).toEqual(want);
      expect(segs[0].x0).toBe(0);
      expect(segs[segs.length - 1].x1).toBe(W);
      // the targets: those of a segment whose every site sits in the middle of the same quantum
      for (const s of segs) {
        const q = exact(field[y * W + s.x0]);
        const mid = new Float32Array(W * H).fill(q === -100000 ? 0 : Math.exp(q / 25));
        const [whole] = reference.segments(y, 10, [mid]);
        expect(Array.from(s.targets), `row ${y}, x ${s.x0}`).toEqual(Array.from(whole.targets));
      }
      segments += segs.length;
    }
    expect(segments).toBeGreaterThan(W * H * 0.3);
  });

  it('with the status of the row, cut only at living sites, each with the targets of its own level', () => {
    const sc = resolveScenario(structuredClone(PRESETS['tumour-erastin']), 'test');
    const W = sc.lattice.width;
    const H = sc.lattice.height;
    const field = new Float32Array(W * H);
    const status = new Uint8Array(W * H);
    for (let i = 0; i < W * H; i++) {
      field[i] = Math.exp((draw(i, 6) - 0.5) * 10);
      // empty, alive, dying, dead, necrotic; runs of empty sites
      status[i] = draw(i, 7) < 0.4 ? 0 : Math.floor(draw(i, 8) * 5);
    }
    const living = (i: number) => status[i] === 1 || status[i] === 2;
    const schedule = new Schedule(sc, mediumBase(sc.params));
    const reference = new Schedule(sc, mediumBase(sc.params));
    let fewer = 0;
    for (let y = 0; y < H; y++) {
      const segs = schedule.segments(y, 10, [field], status);
      const exact = reference.segments(y, 10, [field]);
      expect(segs[0].x0).toBe(0);
      expect(segs[segs.length - 1].x1).toBe(W);
      for (let k = 1; k < segs.length; k++) {
        expect(segs[k].x0).toBe(segs[k - 1].x1);
        expect(living(y * W + segs[k].x0), `row ${y}: a cut at ${segs[k].x0}`).toBe(true);
      }
      for (const s of segs)
        for (let x = s.x0; x < s.x1; x++) {
          if (!living(y * W + x)) continue;
          const own = exact.find((e) => e.x0 <= x && x < e.x1);
          expect(Array.from(s.targets), `row ${y}, x ${x}`).toEqual(Array.from(own?.targets ?? []));
        }
      fewer += exact.length - segs.length;
    }
    expect(fewer).toBeGreaterThan(0);
  });
  it('with two drugs, each site gets the targets of its own pair of levels (both in and far outside the tabulated quanta)', () => {
    const raw = structuredClone(PRESETS['tumour-erastin']) as { treatments: object[] };
    raw.treatments.push({ agent: 'ferrostatin-1', uM: 1, start_min: 0, region: { rect: { x_um: 0, y_um: 0, width_um: 1000, height_um: 1000 } } });
    const sc = resolveScenario(raw, 'test');
    expect(diffusingAgents(sc)).toEqual(['erastin', 'ferrostatin-1']);
    const W = sc.lattice.width;
    const H = sc.lattice.height;
    const level = (i: number, purpose: number) => {
      const d = draw(i, purpose);
      if (d < 0.1) return 0;
      if (d < 0.15) return 3e25;
      // the quantum one past the table's last (round(25 ln c) = 512): not the slot of no drug
      if (d < 0.2) return Math.exp(512 / 25);
      // a few quanta on a grid, so that pairs of levels come back many times along a row
      return Math.exp((Math.floor(draw(i, purpose + 1) * 6) - 3) / 25);
    };
    const a = new Float32Array(W * H);
    const b = new Float32Array(W * H);
    for (let i = 0; i < W * H; i++) {
      a[i] = level(i, 10);
      b[i] = level(i, 12);
    }
    const schedule = new Schedule(sc, mediumBase(sc.params));
    const pairs = new Set<string>();
    for (let y = 0; y < H; y++)
      for (const s of schedule.segments(y, 10, [a, b])) {
        const i = y * W + s.x0;
        pairs.add(`${a[i]},${b[i]}`);
        // a fresh schedule asked for these two levels alone
        const [whole] = new Schedule(sc, mediumBase(sc.params)).segments(0, 10, [new Float32Array(W).fill(a[i]), new Float32Array(W).fill(b[i])]);
        expect(Array.from(s.targets), `row ${y}, x ${s.x0}: levels ${a[i]}, ${b[i]}`).toEqual(Array.from(whole.targets));
      }
    // every pair of the 9 levels of each drug occurs
    expect(pairs.size).toBe(81);
  });
});
