// Why this file exists: which seed each run of a fit simulates with. Every candidate parameter
// vector runs a condition with the same seed (common random numbers: two candidates differ by
// their parameters only, not by their noise, so the optimiser sees a smooth objective).
// Replicate 0 keeps its scenario's own seed (`ferrowave run` of the scenario reproduces it);
// replicate k > 0 gets a keyed bijection of (scenario seed, k), as sweep runs do.
import { deriveKey } from '../model/random';

function fmix32(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export function runSeedOf(scenarioSeed: number, replicate: number): number {
  if (replicate === 0) return scenarioSeed;
  const { k0, k1 } = deriveKey(scenarioSeed);
  return fmix32((fmix32((replicate ^ k0) >>> 0) + (k1 >>> 0)) >>> 0);
}
