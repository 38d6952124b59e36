// The WebAssembly is not a second model: the kernels compiled from cell-kinetics.ts and
// field-kernels.ts give the bits of those TypeScript sources run as they are, the restructured
// field sweeps give the bits of the sweeps as they were (test/model/reference/diffusion-before.ts),
// and the committed generated files are what the sources compile to today.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { kernelFiles } from '../../scripts/kernels/build';
import { kernelsFresh } from '../../src/node/kernel-freshness';
import { hashBuffer } from '../../src/analysis/hash';
import { columnScratch, lineSolver, sweepCols, sweepColsSink, sweepRows, sweepRowsSink } from '../../src/model/diffusion';
import { AUX_VARS, CELL_VARS, FIELDS, newStateStore, type SimState, STATUS_NAMES } from '../../src/model/layout';
import { PRESETS } from '../../src/model/presets';
import { deriveKey, uniform } from '../../src/model/random';
import { resolveScenario } from '../../src/model/scenario';
import { createSimulation } from '../../src/model/simulation';
import { WASM_MIN_SITES, wasmKernelsFor } from '../../src/model/wasm/kernels';
import { determinismScenario, tumourDeterminismScenario } from '../engine/determinism-scenario';
import * as before from './reference/diffusion-before';

const key = deriveKey(11);

/** the bits of a Float32Array / Float64Array (toEqual on bits: NaN equals NaN, -0 is not 0) */
const bits = (u: Float32Array) => Array.from(new Uint32Array(u.buffer, u.byteOffset, u.length));
const bits64 = (u: Float64Array) => Array.from(new Uint32Array(u.buffer, u.byteOffset, 2 * u.length));

/** arrays one after another in a WebAssembly memory (from byte 64, 8-byte aligned), where the kernels can reach them */
function arena(memory: WebAssembly.Memory) {
  let at = 64;
  return {
    f32(m: number): Float32Array {
      const a = new Float32Array(memory.buffer, at, m);
      at += 8 * Math.ceil(m / 2);
      return a;
    },
    f64(m: number): Float64Array {
      const a = new Float64Array(memory.buffer, at, m);
      at += 8 * m;
      return a;
    },
  };
}
/** keyed draws in [0, 1) for test data (no Math.random) */
const draw = (i: number, purpose: number) => uniform(key, i, 0, purpose);

/** the same wild state in a simulation: every status code, values around the switch and the commitment threshold, huge and zero ones */
function scramble(st: SimState): void {
  for (let i = 0; i < st.n; i++) {
    st.status[i] = Math.floor(draw(i, 1) * STATUS_NAMES.length);
    let k = 2;
    for (const v of [...CELL_VARS.map((c) => st.cell[c.name]), ...AUX_VARS.map((a) => st.aux[a.name]), ...FIELDS.map((f) => st.field[f.name])]) {
      const u = draw(i, k++);
      // mostly O(1) values, some zeros, some large
      v[i] = u < 0.1 ? 0 : u < 0.2 ? 1e3 * u : 4 * u;
    }
  }
}

/** the tumour of the determinism tests with ferrostatin-1 painted over a band of it (runs of 60 sites, above WASM_MIN_SITES) */
function paintedTumour() {
  const sc = structuredClone(tumourDeterminismScenario()) as unknown as { treatments: object[] };
  sc.treatments.push({ agent: 'ferrostatin-1', uM: 5, start_min: 30, region: { rect: { x_um: 200, y_um: 100, width_um: 1200, height_um: 300 } } });
  return resolveScenario(sc, 'determinism');
}

describe('WebAssembly kernels', () => {
  it('the committed WebAssembly text, bytes and bindings are what the sources compile to (npm run build:kernels)', async () => {
    const files = await kernelFiles();
    expect(Object.keys(files)).toHaveLength(3);
    for (const [path, text] of Object.entries(files)) expect(readFileSync(path, 'utf8'), path).toBe(text);
    // and the hash they record is of the sources on disk (the CLI would otherwise rebuild them)
    expect(kernelsFresh()).toBe(true);
  }, 60_000);

  it('run in Node (the fast block is not silently on the slow path)', () => {
    const sc = resolveScenario(PRESETS['primed-light-pulse'], 'test');
    expect(createSimulation(sc).kernel).toBe('wasm-simd');
    expect(createSimulation(sc, sc.seed, { unshared: true }).kernel).toBe('wasm-simd');
    expect(createSimulation(sc, sc.seed, { noWasm: true }).kernel).toBe('typescript');
  });

  it('give the bits of the TypeScript loops on a scrambled state (odd widths, every status, commitments, ruptures, bursts, hypoxic deaths, division cycles)', () => {
    const dish = (burst: number) =>
      resolveScenario(
        // erastin only: the preset's pulse (at 6 h, after these steps) would lie outside this 5-row strip
        {
          ...structuredClone(PRESETS['primed-light-pulse']),
          lattice: { width: WASM_MIN_SITES + 3, height: 5, site_um: 20 },
          treatments: [{ agent: 'erastin', uM: 10, start_min: 0 }],
          params: { burst_rate: burst },
        },
        'test',
      );
    for (const [name, sc] of [
      ['dish', dish(0)],
      ['dish with bursts', dish(1e-3)],
      ['tumour', tumourDeterminismScenario()],
    ] as const) {
      // rows at least WASM_MIN_SITES long, or the kernels would not be called
      expect(sc.lattice.width).toBeGreaterThanOrEqual(WASM_MIN_SITES);
      const wasm = createSimulation(sc, 3);
      const ts = createSimulation(sc, 3, { noWasm: true });
      scramble(wasm.state);
      scramble(ts.state);
      expect(hashBuffer(wasm.state.buffer)).toBe(hashBuffer(ts.state.buffer));
      const [committed, necroses] = [ts.state.header[1], ts.state.header[2]];
      // steps 0..19 include slow steps (ALIVE cells run the death program) and fast ones
      for (let k = 0; k < 20; k++) {
        wasm.step();
        ts.step();
        expect(hashBuffer(wasm.state.buffer), `${name}, step ${k}`).toBe(hashBuffer(ts.state.buffer));
      }
      expect(ts.state.header[1], name).toBeGreaterThan(committed);
      if (name === 'tumour') expect(ts.state.header[2], name).toBeGreaterThan(necroses);
    }
  });

  it('give the bits of the TypeScript loops over whole runs: a wave in a dish, bursts and painted drugs, a growing tumour, a drug painted on a tumour', () => {
    const runs = [
      { sc: resolveScenario(PRESETS['primed-light-pulse'], 'test'), steps: 900 },
      { sc: determinismScenario(), steps: 240 },
      { sc: tumourDeterminismScenario(), steps: 200 },
      // a drug painted over part of the tumour: its field is held near its level there every step (relaxRow)
      { sc: paintedTumour(), steps: 200 },
    ];
    for (const { sc, steps } of runs) {
      expect(sc.lattice.width).toBeGreaterThanOrEqual(WASM_MIN_SITES);
      const wasm = createSimulation(sc);
      const ts = createSimulation(sc, sc.seed, { noWasm: true });
      wasm.step(steps);
      ts.step(steps);
      expect(hashBuffer(wasm.state.buffer), sc.name).toBe(hashBuffer(ts.state.buffer));
    }
  });
});

describe('restructured field sweeps', () => {
  it('give the bits of the sweeps before the restructuring (any size, edges, theta, r; rows and columns in TypeScript and in WebAssembly)', () => {
    // the WebAssembly column kernels work on arrays in their memory
    const memory = newStateStore(1 << 20, false) as WebAssembly.Memory;
    const cols = wasmKernelsFor(memory);
    expect(cols).toBeTruthy();
    let cases = 0;
    for (const [W, H] of [
      [1, 5],
      [2, 3],
      [3, 1],
      [3, 4],
      [7, 5],
      [64, 33],
      [65, 2],
    ]) {
      for (const r of [0.05, 0.4, 0.95, 6]) {
        for (const dirichlet of [false, true]) {
          for (const theta of [0.5, 1]) {
            const u0 = new Float32Array(W * H);
            for (let i = 0; i < u0.length; i++) {
              const d = draw(i, 50 + cases);
              u0[i] = d < 0.15 ? 0 : 10 * d;
            }
            const a = u0.slice(),
              b = u0.slice();
            const w = new Float32Array(memory.buffer, 4096, W * H);
            w.set(u0);
            const rs = lineSolver(W, r, dirichlet, theta),
              cs = lineSolver(H, r, dirichlet, theta);
            const sa = new Float32Array(W),
              sb = new Float32Array(W),
              sw = new Float32Array(memory.buffer, 64, W);
            // the row factors where the row kernel reads them (after a pad, at an offset as in a state)
            const fw = new Float64Array(memory.buffer, 65536, 2 * W + 6);
            fw.set(rs.factors, 6);
            for (let k = 0; k < 3; k++) {
              // rows and columns in two uneven bands, as two workers split them
              for (const [u, s, kernel] of [
                [a, sa, null],
                [w, sw, cols],
              ] as const) {
                sweepRows(u, W, 0, H >> 1, rs, 2.5, kernel, kernel ? fw : rs.factors, kernel ? 6 : 0);
                sweepRows(u, W, H >> 1, H, rs, 2.5, kernel, kernel ? fw : rs.factors, kernel ? 6 : 0);
                sweepCols(u, W, H, 0, W >> 1, cs, 2.5, s, kernel);
                sweepCols(u, W, H, W >> 1, W, cs, 2.5, s, kernel);
              }
              before.sweepRows(b, W, 0, H, rs, 2.5);
              before.sweepCols(b, W, H, 0, W, cs, 2.5, sb);
            }
            expect(bits(a), `${W}x${H} r ${r} dirichlet ${dirichlet} theta ${theta}`).toEqual(bits(b));
            expect(bits(w), `WebAssembly: ${W}x${H} r ${r} dirichlet ${dirichlet} theta ${theta}`).toEqual(bits(b));
            cases++;
          }
        }
      }
    }
    expect(cases).toBe(112);
  });

  it('the column sweep with uptake and perfusion gives the bits of one column at a time (in TypeScript and in WebAssembly)', () => {
    // the WebAssembly kernels work on arrays in their memory: u, the rates, perfusion and the scratch
    const memory = newStateStore(1 << 20, false) as WebAssembly.Memory;
    const cols = wasmKernelsFor(memory);
    expect(cols).toBeTruthy();
    let cases = 0;
    for (const [W, H] of [
      [1, 5],
      [3, 1],
      [2, 2],
      [9, 7],
      [40, 31],
      [33, 4],
    ]) {
      const { f32, f64 } = arena(memory);
      const perfusion = f32(W * H);
      const rate = f32(W * H);
      for (let i = 0; i < W * H; i++) {
        perfusion[i] = draw(i, 300) < 0.2 ? draw(i, 301) : 0;
        rate[i] = 3 * draw(i, 302);
      }
      const w = f32(W * H);
      const inMemory = { prev: f64(W), cPrev: f64(W), next: f64(W), cp: f64(W * H) };
      for (const r of [0.3, 4]) {
        for (const dirichlet of [false, true]) {
          for (const k of [rate, 0.7]) {
            const u0 = new Float32Array(W * H);
            for (let i = 0; i < u0.length; i++) u0[i] = 100 * draw(i, 310 + cases);
            const a = u0.slice(),
              b = u0.slice();
            w.set(u0);
            const sink = { rate: k, perfusion, plasma: 80 };
            const scr = columnScratch(W, H);
            // (h = 0.3, not a power of 2: products with it round, so their order shows)
            for (let n = 0; n < 3; n++) {
              // two uneven bands, as two workers split them (an odd band has a column alone)
              sweepColsSink(a, W, H, 0, W >> 1, r, dirichlet, 5, sink, 0.3, scr);
              sweepColsSink(a, W, H, W >> 1, W, r, dirichlet, 5, sink, 0.3, scr);
              sweepColsSink(w, W, H, 0, W >> 1, r, dirichlet, 5, sink, 0.3, inMemory, cols);
              sweepColsSink(w, W, H, W >> 1, W, r, dirichlet, 5, sink, 0.3, inMemory, cols);
              before.sweepColsSink(b, W, H, 0, W, r, dirichlet, 5, sink, 0.3, new Float64Array(Math.max(W, H)));
            }
            expect(bits(a), `${W}x${H} r ${r} dirichlet ${dirichlet}`).toEqual(bits(b));
            expect(bits(w), `WebAssembly: ${W}x${H} r ${r} dirichlet ${dirichlet}`).toEqual(bits(b));
            // the f64 factors and running values too (they are part of the state: its hash)
            if (H > 1)
              for (const v of ['prev', 'cPrev', 'cp', 'next'] as const) expect(bits64(inMemory[v]), `WebAssembly ${v}: ${W}x${H}`).toEqual(bits64(scr[v]));
            cases++;
          }
        }
      }
    }
    expect(cases).toBe(48);
  });

  it('the row sweep with uptake and perfusion, two rows at a time in WebAssembly and in TypeScript, gives the bits of one row at a time', () => {
    const memory = newStateStore(1 << 20, false) as WebAssembly.Memory;
    const cols = wasmKernelsFor(memory);
    expect(cols).toBeTruthy();
    let cases = 0;
    for (const [W, H] of [
      [1, 3],
      [2, 2],
      [3, 5],
      [9, 7],
      [40, 31],
      [33, 4],
    ]) {
      const { f32, f64 } = arena(memory);
      const perfusion = f32(W * H);
      const rate = f32(W * H);
      for (let i = 0; i < W * H; i++) {
        perfusion[i] = draw(i, 500) < 0.2 ? draw(i, 501) : 0;
        rate[i] = 3 * draw(i, 502);
      }
      const w = f32(W * H);
      const cpMem = f64(W * H);
      for (const r of [0.3, 4]) {
        for (const dirichlet of [false, true]) {
          for (const rk of [rate, 0.7]) {
            const u0 = new Float32Array(W * H);
            for (let i = 0; i < u0.length; i++) u0[i] = 100 * draw(i, 510 + cases);
            const a = u0.slice(),
              b = u0.slice();
            w.set(u0);
            const sink = { rate: rk, perfusion, plasma: 80 };
            const cpTs = new Float64Array(W * H);
            for (let n = 0; n < 3; n++) {
              // two bands of rows as two workers split them: an odd band has a row alone
              sweepRowsSink(w, W, 0, H >> 1, r, dirichlet, 5, sink, 0.3, cpMem, cols);
              sweepRowsSink(w, W, H >> 1, H, r, dirichlet, 5, sink, 0.3, cpMem, cols);
              sweepRowsSink(a, W, 0, H >> 1, r, dirichlet, 5, sink, 0.3, cpTs);
              sweepRowsSink(a, W, H >> 1, H, r, dirichlet, 5, sink, 0.3, cpTs);
              before.sweepRowsSink(b, W, 0, H, r, dirichlet, 5, sink, 0.3, new Float64Array(Math.max(W, H)));
            }
            expect(bits(a), `${W}x${H} r ${r} dirichlet ${dirichlet}`).toEqual(bits(b));
            expect(bits(w), `WebAssembly: ${W}x${H} r ${r} dirichlet ${dirichlet}`).toEqual(bits(b));
            cases++;
          }
        }
      }
    }
    expect(cases).toBe(48);
  });
});
