// Empty and dead sites cost almost nothing (issue 16, item 12) without changing a bit: the runs
// of living cells and the occupied extents hold every site that has work, the blocks at sites
// without a living cell do what fastCells and slowCells do there, the per-site targets of
// slowCells_sites are the per-segment ones, the quanta found without a logarithm are the
// logarithm's, and the scratch a slow step borrows is given back byte for byte.
import { describe, expect, it } from 'vitest';
import { hashBuffer } from '../../src/analysis/hash';
import { AGENTS } from '../../src/model/agents';
import { fastCells, slowCells, voidCells } from '../../src/model/cell-kinetics';
import { mediumBase, N_TARGETS, TI } from '../../src/model/effects';
import { exchangeMatrix } from '../../src/model/kinetics';
import { ALIVE, DYING, EMPTY, type SimState, STATUS_NAMES } from '../../src/model/layout';
import { livingRuns, occupiedExtent, statusWords } from '../../src/model/living-runs';
import { PRESETS } from '../../src/model/presets';
import { deriveKey, uniform } from '../../src/model/random';
import { resolveScenario } from '../../src/model/scenario';
import { Schedule } from '../../src/model/schedule';
import { createSimulation } from '../../src/model/simulation';
import { wasmKernelsFor } from '../../src/model/wasm/kernels';
import { TARGETS } from '../../src/model/targets';
import { tumourDeterminismScenario } from '../engine/determinism-scenario';

const key = deriveKey(16);
const draw = (i: number, purpose: number) => uniform(key, i, 0, purpose);
const bits = (u: Float32Array) => Array.from(new Uint32Array(u.buffer, u.byteOffset, u.length));

/** a state of every status, with O(1) values (and some zeros) in every per-cell array, rate and field */
function scramble(st: SimState, seed: number): void {
  for (let i = 0; i < st.n; i++) {
    st.status[i] = Math.floor(draw(i, seed) * STATUS_NAMES.length);
    let k = seed + 1;
    for (const v of [...Object.values(st.cell), ...Object.values(st.aux), ...Object.values(st.field)]) {
      const u = draw(i, k++);
      v[i] = u < 0.1 ? 0 : 4 * u;
    }
  }
}

describe('runs of living cells and occupied extents', () => {
  it('hold every living (occupied) site, whatever the row offset, width and gap', () => {
    let rows = 0;
    for (const width of [1, 2, 3, 5, 8, 31, 64, 150]) {
      const height = 7;
      const status = new Uint8Array(width * height + 8);
      const words = statusWords(status);
      for (let trial = 0; trial < 20; trial++) {
        // sparse or dense living cells among every other status
        const dense = draw(trial, 1);
        for (let i = 0; i < status.length; i++) {
          const u = draw(1000 * trial + i, 2);
          status[i] = u < dense * 0.3 ? ALIVE : u < dense * 0.4 ? DYING : u < 0.8 ? EMPTY : 3 + Math.floor(draw(i, 3) * 3);
        }
        for (let y = 0; y < height; y++) {
          const o = y * width;
          for (const gap of [1, 4, 32]) {
            const out = new Int32Array(2 * width + 2);
            const n = livingRuns(status, words, o, width, gap, out);
            const inRun = new Uint8Array(width);
            for (let r = 0; r < n; r++) {
              expect(out[2 * r]).toBeLessThan(out[2 * r + 1]);
              if (r > 0) expect(out[2 * r] - out[2 * r - 1]).toBeGreaterThanOrEqual(gap);
              for (let x = out[2 * r]; x < out[2 * r + 1]; x++) inRun[x] = 1;
            }
            for (let x = 0; x < width; x++) if (status[o + x] === ALIVE || status[o + x] === DYING) expect(inRun[x], `x ${x}`).toBe(1);
          }
          const ext = new Int32Array(2);
          occupiedExtent(status, words, o, width, ext, 0);
          let first = -1,
            last = -2;
          for (let x = 0; x < width; x++)
            if (status[o + x] !== EMPTY) {
              if (first < 0) first = x;
              last = x;
            }
          expect([ext[0], ext[1]], `width ${width} row ${y}`).toEqual([first, last]);
          rows++;
        }
      }
    }
    expect(rows).toBe(8 * 20 * 7);
  });
});

describe('blocks at sites without a living cell', () => {
  it('voidCells does what fastCells does there (TypeScript and WebAssembly)', () => {
    const sc = resolveScenario(PRESETS['primed-light-pulse'], 'test');
    const a = createSimulation(sc);
    const b = createSimulation(sc);
    const c = createSimulation(sc, sc.seed, { noWasm: true });
    expect(b.kernel).toBe('wasm-simd');
    for (const sim of [a, b, c]) {
      scramble(sim.state, 5);
      for (let i = 0; i < sim.state.n; i++) if (sim.state.status[i] === ALIVE || sim.state.status[i] === DYING) sim.state.status[i] = EMPTY;
    }
    const p = sc.params;
    const cx = { t: 10, dt: 0.5, step: 20, key, dts: 0 };
    const ex = exchangeMatrix(p.ros_exchange, p.ox_release_gain, p.ox_decay, 0.25);
    fastCells(a.state, 3, a.state.n - 5, p, cx, ex);
    voidCells(c.state, 3, c.state.n - 5, p, cx);
    wasmKernelsFor(b.state.memory!)!.voidCells(b.state, 3, b.state.n - 5, p, cx);
    expect(bits(c.state.field.ox)).toEqual(bits(a.state.field.ox));
    expect(bits(b.state.field.ox)).toEqual(bits(a.state.field.ox));
    // and nothing else
    for (const sim of [b, c])
      for (const [name, v] of Object.entries(sim.state.cell)) expect(bits(v), name).toEqual(bits(a.state.cell[name as keyof SimState['cell']]));
  });

  it('no diffusing drug sets a bath level the slow block exchanges with at sites without a cell', () => {
    // the cell phase gives those sites the targets of their treatments without the drug levels
    for (const [id, a] of Object.entries(AGENTS)) {
      const kinds = a.actions.map((x) => TARGETS[x.target].kind);
      if (!kinds.includes('inhibit') && !kinds.includes('saturating')) continue;
      for (const x of a.actions) expect(['cystine_medium', 'ntbi', 'zn_bath'], id).not.toContain(x.target);
    }
  });
});

describe('slowCells_sites', () => {
  it('gives each site the bits slowCells gives it with its own targets', () => {
    const sc = tumourDeterminismScenario();
    const sites = createSimulation(sc, 4);
    const one = createSimulation(sc, 4);
    expect(sites.kernel).toBe('wasm-simd');
    for (const sim of [sites, one]) scramble(sim.state, 40);
    expect(hashBuffer(sites.state.buffer)).toBe(hashBuffer(one.state.buffer));
    // four target sets, from drugs at different levels
    const schedule = new Schedule(sc, mediumBase(sc.params));
    const T = [0, 0.5, 3, 20].map((c) => {
      const t = schedule.segments(0, 0)[0].targets.slice();
      t[TI.xc] = 1 / (1 + c);
      t[TI.gpx4_inactivation] = 0.01 * c;
      return t;
    });
    const st = sites.state;
    // the table and the sets in the state's memory (scratch: the column sweeps' factors)
    const cp = st.colSink.cp;
    const table = new Float64Array(cp.buffer, cp.byteOffset, 4 * N_TARGETS);
    for (let r = 0; r < T.length; r++) table.set(T[r], r * N_TARGETS);
    const i0 = 7,
      i1 = st.n - 4;
    const sets = new Uint8Array(cp.buffer, cp.byteOffset + table.byteLength, i1 - i0);
    for (let i = i0; i < i1; i++) sets[i - i0] = Math.floor(draw(i, 99) * 4);
    const p = sc.params;
    const cx = { t: 30, dt: 0.5, step: 24, key: deriveKey(4), dts: 4 };
    const k = wasmKernelsFor(st.memory!)!;
    const necrosesA = k.slowCells_sites(st, i0, i1, p, table, sets, cx);
    let necrosesB = 0;
    for (let i = i0; i < i1; i++) necrosesB += slowCells(one.state, i, i + 1, p, T[sets[i - i0]], cx);
    for (const name of Object.keys(st.cell) as Array<keyof SimState['cell']>) expect(bits(st.cell[name]), name).toEqual(bits(one.state.cell[name]));
    for (const name of Object.keys(st.aux) as Array<keyof SimState['aux']>) expect(bits(st.aux[name]), name).toEqual(bits(one.state.aux[name]));
    for (const name of Object.keys(st.field) as Array<keyof SimState['field']>) expect(bits(st.field[name]), name).toEqual(bits(one.state.field[name]));
    expect(Array.from(st.status)).toEqual(Array.from(one.state.status));
    expect(necrosesA).toBe(necrosesB);
  });
});

describe('quanta of drug levels', () => {
  it('found from the tabulated bounds are those of the logarithm', () => {
    const sc = tumourDeterminismScenario();
    const s = new Schedule(sc, mediumBase(sc.params)) as unknown as { quantumOf(c: number): number; quantumNear(c: number, q: number): number };
    const exact = (c: number) => (c > 1e-4 ? Math.round(25 * Math.log(c)) : -100000);
    let n = 0;
    for (let k = 0; k < 40000; k++) {
      // levels from 1e-6 to 1e4 uM, as float32 values, and exactly at the edges of quanta
      const u = draw(k, 7);
      let c = Math.fround(10 ** (-6 + 10 * u));
      if (k % 4 === 0) c = Math.fround(Math.exp((Math.round(25 * Math.log(c)) + 0.5) / 25));
      const q = exact(c);
      // where the engine's logarithm decides a level within 1e-9 of a quantum's edge, skip it
      if (Math.abs(25 * Math.log(c) - Math.round(25 * Math.log(c))) > 0.5 - 1e-9) continue;
      // (-0 and 0 are the same quantum: the same targets)
      expect(s.quantumOf(c) === q, `${c}`).toBe(true);
      expect(s.quantumNear(c, q + Math.floor(draw(k, 8) * 5) - 2) === q, `${c}`).toBe(true);
      n++;
    }
    expect(n).toBeGreaterThan(30000);
  });
});

describe('the scratch a slow step of a tumour borrows', () => {
  it('is given back byte for byte, and the step is that of TypeScript run segment by segment', () => {
    const sc = resolveScenario(
      {
        ...structuredClone(PRESETS['tumour-erastin']),
        treatments: [{ agent: 'erastin', uM: 10, start_min: 0 }],
      },
      'test',
    );
    const wasm = createSimulation(sc);
    const ts = createSimulation(sc, sc.seed, { noWasm: true });
    // count the calls of the per-site kernel (the simulation holds this very binding)
    const k = wasmKernelsFor(wasm.state.memory!)!;
    const sitesKernel = k.slowCells_sites;
    let calls = 0;
    k.slowCells_sites = (...a) => {
      calls++;
      return sitesKernel(...a);
    };
    // 48 steps: six slow steps with erastin gradients across the tumour
    for (let step = 0; step < 48; step++) {
      const cp = wasm.state.colSink.cp.slice();
      wasm.cellsPhase(0, wasm.state.height, step);
      expect(bits(new Float32Array(wasm.state.colSink.cp.buffer, wasm.state.colSink.cp.byteOffset, 2 * cp.length))).toEqual(
        bits(new Float32Array(cp.buffer, 0, 2 * cp.length)),
      );
      wasm.rowPhase(0, wasm.state.height, step);
      wasm.colPhase(0, wasm.state.width, step);
      if (wasm.growthStep(step)) {
        wasm.growPhase1(0, wasm.state.height, step);
        wasm.growPhase2(0, wasm.state.height, step);
      }
      wasm.commitStep(step);
      ts.step();
      expect(hashBuffer(wasm.state.buffer), `step ${step}`).toBe(hashBuffer(ts.state.buffer));
    }
    k.slowCells_sites = sitesKernel;
    expect(calls).toBeGreaterThan(100);
  });
});
