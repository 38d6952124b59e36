// Why this file exists: instantiates the WebAssembly SIMD kernels (compiled by `npm run
// build:kernels` from cell-kinetics.ts and field-kernels.ts) on the memory that holds a
// simulation's state, in whichever thread steps it, and hands back the bound kernels: functions
// with the signatures of their TypeScript sources (kernels.binding.ts). Where WebAssembly, SIMD or
// the memory is missing (or a page's own thread has not compiled the module ahead: prepareKernels)
// it returns null and the TypeScript sources run instead: the two give the same bits
// (test/model/kernels-identity.test.ts), so this only changes the speed.
import { bindKernels, type Kernels } from './kernels.binding';
import { KERNELS_SHARED, KERNELS_UNSHARED } from './kernels.bytes';

export type { Kernels } from './kernels.binding';

/**
 * Shortest row segment worth a call into the per-cell kernels. A call costs a few dozen ns, so
 * short segments (a 60-site strip of a sweep) may run as fast in TypeScript; either gives the same bits.
 */
export const WASM_MIN_SITES = 32;

/** Narrowest band of columns (or row) worth a call into the field kernels (same bits either way). */
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

/**
 * Compile both modules ahead, asynchronously: a browser page's own thread may not compile a
 * module this size synchronously, so the page calls this once at start (workers and Node need not).
 */
export async function prepareKernels(): Promise<void> {
  try {
    compiled.shared ??= await WebAssembly.compile(bytesOf(KERNELS_SHARED));
  } catch {
    // no shared memory or no SIMD here: the TypeScript runs
  }
  try {
    compiled.unshared ??= await WebAssembly.compile(bytesOf(KERNELS_UNSHARED));
  } catch {
    // as above
  }
}

/** the kernels bound to each memory (a recycled memory keeps its instance) */
const bound = new WeakMap<WebAssembly.Memory, Kernels | null>();

/** The kernels bound to `memory`, or null where they cannot run here. */
export function wasmKernelsFor(memory: WebAssembly.Memory): Kernels | null {
  let k = bound.get(memory);
  if (k === undefined) {
    k = instantiate(memory);
    bound.set(memory, k);
  }
  return k;
}

function instantiate(memory: WebAssembly.Memory): Kernels | null {
  try {
    const shared = typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer;
    const which = shared ? 'shared' : 'unshared';
    compiled[which] ??= new WebAssembly.Module(bytesOf(shared ? KERNELS_SHARED : KERNELS_UNSHARED));
    const inst = new WebAssembly.Instance(compiled[which], { env: { memory } });
    return bindKernels(inst.exports as Record<string, unknown>, memory);
  } catch {
    // no SIMD (old engines), no WebAssembly, or a page's thread and a module it has not compiled ahead
    return null;
  }
}
