// Why this file exists: the key of a fit's random draws, from its seed. Apart from the key a
// simulation with the same seed uses (the optimiser's draws and the model's never coincide), and
// the purposes that keep the optimisers of one fit apart (the main search, each profile point's).
import { deriveKey, type RandomKey } from '../model/random';

function fmix32(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export function fitKey(seed: number): RandomKey {
  const { k0, k1 } = deriveKey(seed);
  return { k0: fmix32((k0 ^ 0x2545f491) >>> 0) | 0, k1: fmix32((k1 ^ 0x5851f42d) >>> 0) | 0 };
}

/** The draws' purpose of the main optimiser and of profile point `k` (normal() uses 2p and 2p + 1). */
export const MAIN_PURPOSE = 5000;
export const profilePurpose = (k: number) => 5001 + k;
