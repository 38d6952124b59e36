// Why this file exists: Saltelli's sampling scheme for Sobol sensitivity indices. N base points of
// a 2k-dimensional design give two N x k matrices A (the first k coordinates) and B (the last k);
// for every axis i, AB_i is A with column i taken from B. The runs are ordered by base point:
// A_j, B_j, AB_1j ... AB_kj, so that any prefix of a sweep holds complete base points and every
// index can be estimated from whichever base points are complete. The base design is a digitally
// shifted Sobol sequence (Joe-Kuo directions) while 2k <= 21 dimensions, a Latin hypercube beyond;
// both are drawn from the sweep's master seed (design.ts saltelliUnit). Pure and deterministic.
import { SOBOL_MAX_DIMS } from './sobol';

/** Runs per base point: A, B and one AB per axis. */
export const runsPerBase = (k: number) => k + 2;

/** Which matrix a design point belongs to: its base point j, and A, B or AB_axis. */
export interface SaltelliRole {
  base: number;
  matrix: 'A' | 'B' | 'AB';
  /** the axis whose column comes from B (AB only; -1 for A and B) */
  axis: number;
}

export function saltelliRole(point: number, k: number): SaltelliRole {
  const per = runsPerBase(k);
  const base = Math.floor(point / per);
  const m = point - base * per;
  return m === 0 ? { base, matrix: 'A', axis: -1 } : m === 1 ? { base, matrix: 'B', axis: -1 } : { base, matrix: 'AB', axis: m - 2 };
}

/** The design point of base point j in matrix A, B or AB_axis (inverse of saltelliRole). */
export function saltelliPoint(base: number, matrix: SaltelliRole['matrix'], axis: number, k: number): number {
  return base * runsPerBase(k) + (matrix === 'A' ? 0 : matrix === 'B' ? 1 : 2 + axis);
}

/** What the base design is drawn from, for a report: Sobol up to 21 dimensions (2k), a Latin hypercube beyond. */
export function saltelliBaseDesign(k: number): 'sobol' | 'latin-hypercube' {
  return 2 * k <= SOBOL_MAX_DIMS ? 'sobol' : 'latin-hypercube';
}

/** Every design point's unit coordinates (k each), N x (k + 2) of them in run order, from the N base points (2k coordinates each: A's k, then B's k). */
export function saltelliRows(base: readonly number[][], k: number): number[][] {
  const out: number[][] = [];
  for (const p of base) {
    const a = p.slice(0, k);
    const b = p.slice(k);
    out.push(a, b);
    for (let i = 0; i < k; i++) {
      const ab = a.slice();
      ab[i] = b[i];
      out.push(ab);
    }
  }
  return out;
}
