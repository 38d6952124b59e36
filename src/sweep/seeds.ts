// Why this file exists: every run of a sweep gets its own seed, a pure function of the sweep's
// master seed and the run's index. The map index -> seed is a keyed bijection on 32-bit integers
// (xor, add and the murmur3 finaliser are each invertible), so two runs never share a seed, and
// the seed does not depend on how the sweep is split across workers, shards or machines.
import { deriveKey, type RandomKey, uniform } from '../model/random';

function fmix32(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The seed of run `index` (0-based) of a sweep with master seed `master`: an integer in [0, 2^32). */
export function runSeed(master: number, index: number): number {
  if (!Number.isInteger(index) || index < 0 || index >= 2 ** 32) throw new Error(`run index must be an integer in [0, 2^32), got ${index}`);
  const { k0, k1 } = deriveKey(master);
  return fmix32((fmix32((index ^ k0) >>> 0) + (k1 >>> 0)) >>> 0);
}

/** Purposes of the design's draws (kept apart from each other and from the simulation's). */
export const DESIGN_PURPOSE = { lhsPerm: 9001, lhsJitter: 9002, sobolShift: 9003, bootstrap: 9004 } as const;

/** The key of the design's draws: from the master seed, apart from the runs' own keys. */
export function designKey(master: number): RandomKey {
  const { k0, k1 } = deriveKey(master);
  return { k0: fmix32((k0 ^ 0x9e3779b9) >>> 0) | 0, k1: fmix32((k1 ^ 0x7f4a7c15) >>> 0) | 0 };
}

/** Uniform in [0, 1) for the design, keyed by the master seed, the axis and a counter. */
export function designUniform(key: RandomKey, purpose: keyof typeof DESIGN_PURPOSE, axis: number, k: number): number {
  return uniform(key, k, axis, DESIGN_PURPOSE[purpose]);
}
