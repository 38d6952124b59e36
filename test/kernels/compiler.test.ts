// Why this file exists: the kernel compiler (scripts/kernels) on small kernels, apart from the
// model: what it compiles gives the bits and the results of the TypeScript it was compiled from,
// for even and odd ranges (the odd last lane alone), and what it refuses it refuses with the file
// and line. The model's own kernels are held to the same in test/model/kernels-identity.test.ts.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileKernelModule } from '../../scripts/kernels/build';
import { deriveKey, uniform } from '../../src/model/random';
import * as good from './fixtures/lanes-good';
import * as sites from './fixtures/lanes-sites';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const key = deriveKey(5);
const draw = (i: number, purpose: number) => uniform(key, i, 0, purpose);
const bits = (a: Float32Array | Float64Array) => Array.from(new Uint32Array(a.buffer, a.byteOffset, a.byteLength / 4));

describe('the kernel compiler', () => {
  it('compiles masks, continue, counters, gathers, strided lanes and rate-law helpers to the bits of the TypeScript', async () => {
    const mod = await compileKernelModule([fixture('lanes-good.ts')]);
    expect(mod.kernels.map((k) => k.fn.name)).toEqual(['clampCount', 'gather', 'prefixRows', 'rateLaws']);
    const memory = new WebAssembly.Memory({ initial: 2, maximum: 2 });
    const e = new WebAssembly.Instance(new WebAssembly.Module(mod.bytes(false) as Uint8Array<ArrayBuffer>), { env: { memory } }).exports as Record<
      string,
      (...a: number[]) => number
    >;
    const n = 37;
    let checked = 0;
    for (const [i0, i1] of [
      [0, n],
      [1, n],
      [3, 4],
      [5, 5],
      [2, 31],
    ]) {
      // clampCount: every flag value, values around the limit
      const a = new Float32Array(memory.buffer, 64, n),
        flags = new Uint8Array(memory.buffer, 512, n);
      for (let i = 0; i < n; i++) {
        a[i] = 4 * draw(i, 1) - 1;
        flags[i] = Math.floor(3 * draw(i, 2));
      }
      const ref = a.slice(),
        refFlags = flags.slice();
      const counted = e.clampCount(a.byteOffset, flags.byteOffset, i0, i1, 2.5);
      expect(counted, `clampCount count [${i0}, ${i1})`).toBe(good.clampCount(ref, refFlags, i0, i1, 2.5));
      expect(bits(a), `clampCount [${i0}, ${i1})`).toEqual(bits(ref));
      // gather
      const out = new Float64Array(memory.buffer, 1024, n),
        table = new Float32Array(memory.buffer, 2048, 256),
        idx = new Uint8Array(memory.buffer, 3072, n);
      for (let k = 0; k < 256; k++) table[k] = draw(k, 3) * 10;
      for (let i = 0; i < n; i++) {
        out[i] = 8 * draw(i, 4) - 4;
        idx[i] = Math.floor(256 * draw(i, 5));
      }
      const refOut = out.slice();
      e.gather(out.byteOffset, table.byteOffset, idx.byteOffset, i0, i1);
      good.gather(refOut, table, idx, i0, i1);
      expect(bits(out), `gather [${i0}, ${i1})`).toEqual(bits(refOut));
      // rate-law helpers compiled in place
      const x = new Float32Array(memory.buffer, 6144, n),
        sv = new Float32Array(memory.buffer, 7168, n);
      for (let i = 0; i < n; i++) {
        x[i] = 3 * draw(i, 7);
        sv[i] = 2 * draw(i, 8);
      }
      const refX = x.slice();
      e.rateLaws(x.byteOffset, sv.byteOffset, i0, i1, 0.3);
      good.rateLaws(refX, sv, i0, i1, 0.3);
      expect(bits(x), `rateLaws [${i0}, ${i1})`).toEqual(bits(refX));
      checked++;
    }
    // rows as lanes: an odd number of rows leaves one alone
    for (const [W, y0, y1] of [
      [9, 0, 7],
      [1, 0, 4],
      [16, 1, 6],
    ]) {
      const u = new Float32Array(memory.buffer, 4096, W * 8);
      for (let i = 0; i < u.length; i++) u[i] = draw(i, 6 + W);
      const ref = u.slice();
      e.prefixRows(u.byteOffset, W, y0, y1, 0.7);
      good.prefixRows(ref, W, y0, y1, 0.7);
      expect(bits(u), `prefixRows ${W} [${y0}, ${y1})`).toEqual(bits(ref));
      checked++;
    }
    expect(checked).toBe(8);
  }, 60_000);

  it('compiles the odd last lane of a split kernel into its own function, and per-site targets into a _sites variant, to the bits of the TypeScript', async () => {
    const mod = await compileKernelModule([fixture('lanes-good.ts'), fixture('lanes-sites.ts')], true);
    const scaledFn = mod.kernels.find((k) => k.fn.name === 'scaled')!.fn;
    expect(scaledFn.odd?.name).toBe('scaled_odd');
    expect(scaledFn.sites?.name).toBe('scaled_sites');
    expect(scaledFn.sites?.odd?.name).toBe('scaled_sites_odd');
    const memory = new WebAssembly.Memory({ initial: 2, maximum: 2 });
    const e = new WebAssembly.Instance(new WebAssembly.Module(mod.bytes(false) as Uint8Array<ArrayBuffer>), { env: { memory } }).exports as Record<
      string,
      (...a: number[]) => number
    >;
    const n = 41;
    let checked = 0;
    for (const [i0, i1] of [
      [0, n],
      [1, n],
      [3, 4],
      [6, 7],
      [5, 5],
      [2, 31],
    ]) {
      // as the binding calls them: the pairs, then the odd last lane alone
      const even = i0 + ((i1 - i0) & ~1);
      const a = new Float32Array(memory.buffer, 64, n),
        flags = new Uint8Array(memory.buffer, 512, n);
      for (let i = 0; i < n; i++) {
        a[i] = 4 * draw(i, 11) - 1;
        flags[i] = Math.floor(3 * draw(i, 12));
      }
      const ref = a.slice(),
        refFlags = flags.slice();
      let counted = e.clampCount(a.byteOffset, flags.byteOffset, i0, even, 2.5);
      if (even < i1) counted += e.clampCount_odd(a.byteOffset, flags.byteOffset, even, i1, 2.5);
      expect(counted).toBe(good.clampCount(ref, refFlags, i0, i1, 2.5));
      expect(bits(a), `clampCount [${i0}, ${i1})`).toEqual(bits(ref));
      // per-site targets: four rows of a table, each site its own
      const table = new Float64Array(memory.buffer, 8192, 4 * sites.ROW);
      for (let k = 0; k < table.length; k++) table[k] = 3 * draw(k, 13) - 1;
      const sets = new Uint8Array(memory.buffer, 12288, n);
      for (let i = 0; i < n; i++) sets[i] = Math.floor(4 * draw(i, 14));
      const out = new Float32Array(memory.buffer, 16384, n);
      for (let i = 0; i < n; i++) out[i] = draw(i, 15);
      const refOut = out.slice();
      const base = sets.byteOffset - i0;
      // the arguments in the order the compiler met them (out, the bounds, k, the table, the sets)
      expect(scaledFn.sites?.args.map((x) => x.js)).toEqual(['out.byteOffset', 'i0', 'i1', 'k', 'T.byteOffset', '(sets.byteOffset - i0)']);
      let m = e.scaled_sites(out.byteOffset, i0, even, 0.25, table.byteOffset, base);
      if (even < i1) m += e.scaled_sites_odd(out.byteOffset, even, i1, 0.25, table.byteOffset, base);
      let refM = 0;
      for (let i = i0; i < i1; i++) refM += sites.scaled(refOut, i, i + 1, table.subarray(sets[i - i0] * sites.ROW, (sets[i - i0] + 1) * sites.ROW), 0.25);
      expect(m).toBe(refM);
      expect(bits(out), `scaled_sites [${i0}, ${i1})`).toEqual(bits(refOut));
      checked++;
    }
    expect(checked).toBe(6);
  }, 60_000);

  it('refuses what it cannot compile exactly, naming the file and line', async () => {
    await expect(compileKernelModule([fixture('lanes-bad.ts')])).rejects.toThrow(/fixtures\/lanes-bad\.ts:10: Math\.exp is not available in kernels/);
    await expect(compileKernelModule([fixture('lanes-bad-outer.ts')])).rejects.toThrow(/lanes-bad-outer\.ts:10: .*declared outside the lane loop/);
  }, 60_000);
});
