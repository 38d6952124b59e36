// Why this file exists: tumour growth on the lattice, as two phases that any split of rows across
// workers computes identically. A cell whose division cycle is complete picks one of its four
// directions by a keyed draw; in phase 1 each free site looks at the neighbours that picked it and
// takes a daughter of the one with the highest keyed priority (the site writes only itself); in
// phase 2 each parent sees in `born` whether its daughter was placed and restarts its cycle. Dead
// cells are cleared to free sites after debris_clear_min. Empty sites always carry cycle = 0, so a
// site filled during phase 1 can never be mistaken for a ready parent.
import { ALIVE, CELL_VARS, DEAD, EMPTY, encodePheno, GENES, H_BIRTHS, NECROTIC, PHENO_DECODE, type SimState } from './layout';
import { exp } from './math';
import type { ParamValues } from './params';
import { occupiedExtent, occupiedNear, statusWords } from './living-runs';
import { normal, PURPOSE, type RandomKey, uniform } from './random';

/** Neighbour offsets: 0 W, 1 E, 2 N, 3 S. */
const DX = [-1, 1, 0, 0];
const DY = [0, 0, -1, 1];

/**
 * The site cell i tries to divide into this round: the first empty neighbour (in the snapshot of
 * `nbr`, taken before this round) in a keyed random rotation of the four directions; -1 if none.
 */
export function divisionTarget(st: SimState, key: RandomKey, i: number, step: number): number {
  const free = st.nbr[i] >> 4;
  if (free === 0) return -1;
  const d0 = Math.floor(uniform(key, i, step, PURPOSE.divideDir) * 4);
  for (let k = 0; k < 4; k++) {
    const d = (d0 + k) & 3;
    if (free & (1 << d)) return (Math.floor(i / st.width) + DY[d]) * st.width + (i % st.width) + DX[d];
  }
  return -1;
}

/** Phase 1 over rows [y0, y1): clear old debris, then fill free sites with daughters. */
export function growPhase1(st: SimState, y0: number, y1: number, step: number, t: number, p: ParamValues, key: RandomKey): void {
  const { width: W, height: H, status, born } = st;
  const F = st.f32;
  const cycle = st.cell.cycle,
    tDead = st.cell.t_dead;
  const clear = p.debris_clear_min;
  const inheritCv = p.pheno_inherit_cv;
  // only sites near occupied ones have anything to do: a free site takes a daughter from a living
  // neighbour, a dead one is cleared, and `born` is set only where a daughter came (never on a
  // site that is empty now: only this phase empties a site, after clearing its mark)
  const rows = Math.max(0, y1 - y0);
  const ext = new Int32Array(2 * (rows + 2));
  const near = new Int32Array(2 * rows);
  occupiedNear(status, W, H, y0, y1, ext, near);
  for (let y = y0; y < y1; y++) {
    const xEnd = near[2 * (y - y0) + 1];
    for (let x = near[2 * (y - y0)]; x <= xEnd; x++) {
      const s = y * W + x;
      born[s] = 0;
      const st0 = status[s];
      if ((st0 === DEAD || st0 === NECROTIC) && t - tDead[s] >= clear) {
        status[s] = EMPTY;
        cycle[s] = 0;
      }
      if (status[s] !== EMPTY) continue;
      let best = -1,
        bestPri = -1,
        bestDir = -1;
      for (let d = 0; d < 4; d++) {
        const nx = x + DX[d],
          ny = y + DY[d];
        if (nx < 0 || ny < 0 || nx >= W || ny >= H) continue;
        const q = ny * W + nx;
        if (status[q] !== ALIVE || cycle[q] < 1 || divisionTarget(st, key, q, step) !== s) continue;
        const pri = uniform(key, q, step, PURPOSE.dividePri);
        if (pri > bestPri) {
          best = q;
          bestPri = pri;
          bestDir = d;
        }
      }
      if (best < 0) continue;
      // the daughter: the parent's state, a fresh cycle, a phenotype inherited with noise
      for (const v of CELL_VARS) {
        const b = st.base[v.name];
        F[b + s] = F[b + best];
      }
      for (const name of Object.keys(st.aux) as Array<keyof typeof st.aux>) {
        const b = st.base[name];
        F[b + s] = F[b + best];
      }
      st.cell.t_dying[s] = Number.NaN;
      tDead[s] = Number.NaN;
      cycle[s] = 0;
      GENES.forEach((g, gi) => {
        const parent = PHENO_DECODE[st.pheno[g][best]];
        st.pheno[g][s] = inheritCv > 0 ? encodePheno(parent * exp(inheritCv * normal(key, s, step, PURPOSE.inherit + gi))) : st.pheno[g][best];
      });
      st.clone[s] = st.clone[best];
      status[s] = ALIVE;
      born[s] = bestDir + 1;
      Atomics.add(st.header, H_BIRTHS, 1);
    }
  }
}

/** Phase 2 over rows [y0, y1): parents whose daughter was placed restart their cycle. */
export function growPhase2(st: SimState, y0: number, y1: number, step: number, key: RandomKey): void {
  const { width: W, status, born } = st;
  const cycle = st.cell.cycle;
  const words = statusWords(status);
  const ext = new Int32Array(2);
  for (let y = y0; y < y1; y++) {
    // parents are living, so within the row's occupied sites
    occupiedExtent(status, words, y * W, W, ext, 0);
    for (let i = y * W + ext[0]; i <= y * W + ext[1]; i++) {
      if (status[i] !== ALIVE || cycle[i] < 1) continue;
      const target = divisionTarget(st, key, i, step);
      if (target < 0) continue;
      // the direction from the target back to i
      const dx = (i % W) - (target % W),
        dy = Math.floor(i / W) - Math.floor(target / W);
      const d = dx === -1 ? 0 : dx === 1 ? 1 : dy === -1 ? 2 : 3;
      if (born[target] === d + 1) cycle[i] = 0;
    }
  }
}
