// Why this file exists: all randomness in ferrowave flows from the scenario seed through here.
// seedrandom turns the seed into a 64-bit key once; every draw is then a pure hash of
// (key, cell, step, purpose), so results do not depend on which worker draws or in what order.
import seedrandom from 'seedrandom';
import type { int } from './kernel-types';
import { cos, log } from './math';

/** What a draw is for: keeps independent streams apart. */
export const PURPOSE = {
  pheno: 1, // + gene index; normal() uses purposes 2p and 2p+1 for its two uniforms
  burst: 101,
  seeding: 102,
  clone: 103,
  divideDir: 104,
  dividePri: 105,
  necrosis: 106,
  cycle0: 107,
  pregrownRim: 108,
  pregrownVessel: 109,
  inherit: 301, // + gene index
  patch: 201, // + gene index
} as const;

export interface RandomKey {
  k0: int;
  k1: int;
}

export function deriveKey(seed: number): RandomKey {
  const rng = seedrandom(`ferrowave:${seed}`);
  return { k0: rng.int32() | 0, k1: rng.int32() | 0 };
}

function mix32(h: int): int {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/**
 * Uniform in [0, 1) for (cell, step, purpose): a counter-based draw. The kernels call it too
 * (compiled with them: 32-bit integer operations, the same bits).
 */
export function uniform(key: RandomKey, cell: int, step: int, purpose: int): number {
  let h = mix32(key.k0 ^ Math.imul(cell, 0x9e3779b1));
  h = mix32((h + Math.imul(step, 0x85ebca77)) ^ key.k1);
  h = mix32(h ^ Math.imul(purpose + 1, 0x27d4eb2f));
  return (h >>> 0) / 4294967296;
}

/** Standard normal for (cell, step, purpose) by Box-Muller on two keyed uniforms. */
export function normal(key: RandomKey, cell: number, step: number, purpose: number): number {
  const u1 = uniform(key, cell, step, purpose * 2) || 2.3283064365386963e-10;
  const u2 = uniform(key, cell, step, purpose * 2 + 1);
  return Math.sqrt(-2 * log(u1)) * cos(2 * Math.PI * u2);
}
