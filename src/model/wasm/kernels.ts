// Why this file exists: instantiates the WebAssembly SIMD kernels (kernels.wat) on the memory that
// holds a simulation's state, in whichever thread steps it. Where WebAssembly, SIMD or the memory
// is missing (or a browser page's own thread refuses to compile the module synchronously) it
// returns null and the TypeScript loops run instead: the two give the same bits
// (test/model/kernels-identity.test.ts), so this only changes the speed.
import type { ColumnKernel } from '../diffusion';
import { KERNELS_SHARED, KERNELS_UNSHARED } from './kernels.bytes';

/**
 * fastCells for sites [i0, i1) (i1 - i0 even) of one row segment; addresses are byte addresses in
 * the memory. Returns the number of cells committed.
 */
export type FastCellsKernel = (
  i0: number, i1: number, status: number,
  aDefG: number, aDefR: number, aNox: number, aRos: number, aOx: number, aFen: number, aSrc: number, aLpo: number, aLp: number, aTdy: number,
  e00: number, e01: number, e10: number, e11: number, kg8: number, kgR: number, kd: number, dt: number, h: number,
  dtLpC: number, lCommit: number, oxDeadDen: number, tDying: number,
  aFe: number, burstP: number, burstAdd: number, feRef: number, k0: number, k1: number, step: number, purposeMix: number,
) => number;

/** deathProgram for sites [i0, i1) (i1 - i0 even); addresses as above, aD of PHENO_DECODE. */
export type DeathKernel = (
  i0: number, i1: number, status: number, aD: number, pOrai: number, pTmem: number,
  aRos: number, aLpo: number, aCa: number, aCl: number, aVol: number, aTdead: number, aCycle: number, aOx: number, aNtbi: number,
  aFe: number, aFtn: number, aZn: number, aZnEx: number,
  dt: number, dtAlive: number, caPump: number, soceK2: number, lCommit4: number, caBase: number, caSoce: number, caDmgB: number,
  tmem: number, tK2: number, clRate: number, clOpen: number, clLeak: number, clRest: number, clLoadNorm: number,
  swell: number, rvd: number, volRupt: number, tDead: number, rupRelGain: number, ratio: number,
) => void;

/** slowSegment for sites [i0, i1) (i1 - i0 even): addresses, then its constants in the order of the .wat; returns the hypoxic deaths */
export type SlowKernel = (...args: number[]) => number;

/** The per-cell kernels in WebAssembly (the fast block's two passes and the slow block), bound to one state's memory. */
export interface WasmKernels {
  fast: FastCellsKernel;
  death: DeathKernel;
  slow: SlowKernel;
  /** the row kernels of the column sweeps of diffusion.ts */
  cols: ColumnKernel;
}

/**
 * Shortest row segment (or band of columns) worth a call into the kernels: a call with its few
 * dozen arguments costs ~0.2 us, which a 60-site row of mostly dead cells does not earn back (a
 * 60 x 3 strip stepped ~1.6x slower through the kernels, a 160 x 3 one ~1.1x faster). Shorter
 * ones run in TypeScript, with the same bits.
 */
export const WASM_MIN_SITES = 128;

/**
 * Narrowest band of columns (or row) worth the kernels in the sweeps with a sink (two divisions a
 * site): measured on a 150 x 150 tumour, bands of 16 columns step 4% faster through them, of 8
 * 15% slower.
 */
export const WASM_MIN_SINK_SITES = 16;

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const s = atob(base64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/**
 * The compiled modules of this thread, shared and unshared (compiled once: V8 keeps a module's
 * optimised code, so every simulation after the first in a thread, e.g. in a sweep worker, starts
 * with it instead of compiling and re-optimising the kernels). Immutable once set.
 */
const compiled: { shared?: WebAssembly.Module; unshared?: WebAssembly.Module } = {};

/** the kernels bound to each memory (stateless: a recycled memory keeps its instance) */
const bound = new WeakMap<WebAssembly.Memory, WasmKernels | null>();

/** The kernels bound to `memory`, or null where they cannot run here. */
export function wasmKernelsFor(memory: WebAssembly.Memory): WasmKernels | null {
  let k = bound.get(memory);
  if (k === undefined) {
    k = instantiate(memory);
    bound.set(memory, k);
  }
  return k;
}

function instantiate(memory: WebAssembly.Memory): WasmKernels | null {
  try {
    const shared = typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer;
    const which = shared ? 'shared' : 'unshared';
    if (!compiled[which]) compiled[which] = new WebAssembly.Module(bytesOf(shared ? KERNELS_SHARED : KERNELS_UNSHARED));
    const mod = compiled[which];
    const inst = new WebAssembly.Instance(mod, { env: { memory } });
    const e = inst.exports as Record<string, unknown>;
    const cols = { cnFirst: e.cnFirst, cnMid: e.cnMid, cnLast: e.cnLast, ieRow: e.ieRow, backRow: e.backRow, sinkRow: e.sinkRow, sinkBack: e.sinkBack, sinkRows: e.sinkRows } as ColumnKernel;
    return { fast: e.fast as FastCellsKernel, death: e.death as DeathKernel, slow: e.slow as SlowKernel, cols };
  } catch {
    // no SIMD (old engines), no WebAssembly, or a page's thread and a module over 4 KB: the TypeScript gives the same bits
    return null;
  }
}
