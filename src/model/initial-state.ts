// Why this file exists: the state at t = 0: tissue, per-cell phenotypes (genetic changes x
// subclones x heritable noise, part of it smooth in space) and every cell at the control steady
// state. Split in three so that the costly middle part (phenotypes, one keyed normal per gene and
// site) can run by row bands on the workers: begin (whole lattice), rows (any band, any order),
// end (whole lattice). The result does not depend on how rows are split.
import { isGeneticAgent } from './agents';
import { mediumBase } from './effects';
import { exchangeMatrix, fastSegment, slowSegment, type StepContext } from './kinetics';
import {
  ALIVE,
  CELL_VARS,
  type CellVar,
  type CellVarSpec,
  encodePheno,
  type FieldName,
  GENES,
  H_STEP,
  layoutState,
  PHENO_DECODE,
  newStateStore,
  type SimState,
  stateBytes,
} from './layout';
import { cos, exp } from './math';
import type { ParamValues } from './params';
import { normal, PURPOSE, type RandomKey, uniform } from './random';
import type { ResolvedScenario } from './scenario';
import { Schedule } from './schedule';
import { countNeighbours } from './neighbours';
import { settlePregrown } from './pregrown';
import { placePerfusion, placeTissue } from './tissue';
import { wasmKernelsFor } from './wasm/kernels';

export { countNeighbours } from './neighbours';

/** Tissue placement (status, subclone of each seeded site). */
export function initBegin(st: SimState, sc: ResolvedScenario, key: RandomKey): void {
  placeTissue(st, sc, key);
}

/** Phenotypes of the sites in rows [y0, y1) (after initBegin: they read each site's subclone). */
export function initRows(st: SimState, sc: ResolvedScenario, key: RandomKey, schedule: Schedule, y0: number, y1: number): void {
  const { width: W, height: H, site_um: site } = sc.lattice;
  const p = sc.params;
  const clones = sc.tissue.kind === 'tumour' ? sc.tissue.subclones : [];
  // phenotypes
  const genetic = sc.treatments.filter((t) => isGeneticAgent(t.agent));
  const cv = p.pheno_cv;
  const share = cv > 0 ? p.pheno_patch_share : 0;
  const L = p.pheno_patch_um;
  const nodesX = Math.ceil((W * site) / L) + 2;
  const nodesY = Math.ceil((H * site) / L) + 2;
  // A smooth standard-normal field per gene: keyed normals on a grid of spacing L, interpolated
  // with cosine-smoothed bilinear weights normalised so the variance stays 1. The node normals and
  // the per-column / per-row weights are computed once (the same values as drawing them per site).
  const col0 = new Int32Array(W),
    colS = new Float64Array(W);
  for (let x = 0; x < W; x++) {
    const gx = ((x + 0.5) * site) / L;
    col0[x] = Math.floor(gx);
    colS[x] = 0.5 - 0.5 * cos(Math.PI * (gx - col0[x]));
  }
  const nodes = new Float64Array(nodesX * nodesY);
  GENES.forEach((gene, gi) => {
    const arr = st.pheno[gene];
    const mods = genetic.filter((t) => t.gene === gene);
    if (share > 0) for (let k = 0; k < nodes.length; k++) nodes[k] = normal(key, k, 1, PURPOSE.patch + gi);
    const factorRow = new Float64Array(W);
    for (let y = y0; y < y1; y++) {
      factorRow.fill(1);
      for (const m of mods) {
        for (const [a, b] of schedule.cover(m.region, y)) for (let x = a; x < b; x++) factorRow[x] *= m.factor ?? 1;
      }
      const gy = ((y + 0.5) * site) / L;
      const y0 = Math.floor(gy);
      const sy = 0.5 - 0.5 * cos(Math.PI * (gy - y0));
      for (let x = 0; x < W; x++) {
        const i = y * W + x;
        const clone = st.clone[i] > 0 ? (clones[st.clone[i] - 1].pheno[gene] ?? 1) : 1;
        // each cell's own noise plus a share that is smooth over pheno_patch_um (local lineage and
        // micro-environment), both standard normal, so the total spread is pheno_cv
        const own = cv > 0 ? normal(key, i, 0, PURPOSE.pheno + gi) : 0;
        let z = own;
        if (share > 0) {
          const sx = colS[x],
            n0 = y0 * nodesX + col0[x];
          const w00 = (1 - sx) * (1 - sy),
            w10 = sx * (1 - sy),
            w01 = (1 - sx) * sy,
            w11 = sx * sy;
          const v = w00 * nodes[n0] + w10 * nodes[n0 + 1] + w01 * nodes[n0 + nodesX] + w11 * nodes[n0 + nodesX + 1];
          z = Math.sqrt(1 - share) * own + Math.sqrt(share) * (v / Math.sqrt(w00 * w00 + w10 * w10 + w01 * w01 + w11 * w11));
        }
        arr[i] = encodePheno(factorRow[x] * clone * exp(cv * z));
      }
    }
  });
}

/** Every cell at the control steady state, perfusion, cycle phases, neighbour snapshot, step 0. */
export function initEnd(st: SimState, sc: ResolvedScenario, key: RandomKey, cache?: SteadyStateCache): void {
  const { height: H } = sc.lattice;
  const p = sc.params;
  // the control steady state of one confluent cell, copied to every site
  const ref = cachedSteadyState(sc, p, cache);
  for (const [name, arr] of Object.entries(st.cell)) arr.fill(ref.cell[name as keyof typeof ref.cell][0]);
  for (const [name, arr] of Object.entries(st.field)) arr.fill(ref.field[name as FieldName][0]);
  // metallothionein, the one pool that takes a day to follow its gene: each cell starts with it at
  // its own MT1G expression (a stable knock-down line has long reached it), not the control cell's
  const mt = st.cell.mt;
  const mt1g = st.pheno.MT1G;
  for (let i = 0; i < st.n; i++) mt[i] *= PHENO_DECODE[mt1g[i]];
  placePerfusion(st, sc, p, key);
  // a pre-grown mass: oxygen at its steady state, and its necrotic core (pregrown.ts)
  if (sc.tissue.kind === 'tumour' && sc.tissue.pregrown) settlePregrown(st, sc, p, st.memory ? wasmKernelsFor(st.memory) : null);
  st.cell.t_dying.fill(Number.NaN);
  st.cell.t_dead.fill(Number.NaN);
  // asynchronous cycles: each seeded tumour cell starts at a random point of its cycle
  for (let i = 0; i < st.n; i++) st.cell.cycle[i] = sc.tissue.kind === 'tumour' && st.status[i] === ALIVE ? uniform(key, i, 0, PURPOSE.cycle0) : 0;
  countNeighbours(st, 0, H);
  st.header[H_STEP] = 0;
}

/**
 * Keeps controlSteadyState results by parameter values (it depends on nothing else), for a caller
 * that builds many simulations with the same parameters (a sweep worker). Owned by that caller.
 */
export type SteadyStateCache = Map<string, SimState>;

function cachedSteadyState(sc: ResolvedScenario, p: ParamValues, cache?: SteadyStateCache): SimState {
  if (!cache) return controlSteadyState(sc, p);
  const key = JSON.stringify(p);
  let ref = cache.get(key);
  if (!ref) {
    ref = controlSteadyState(sc, p);
    if (cache.size >= 8) cache.delete(cache.keys().next().value as string);
    cache.set(key, ref);
  }
  return ref;
}

/** Integrate one untreated, confluent, average cell to steady state (same kernel as the lattice). */
export function controlSteadyState(sc: ResolvedScenario, p: ParamValues): SimState {
  const one = layoutState(1, 1, newStateStore(stateBytes(1, 1), false));
  one.status[0] = ALIVE;
  one.nbr[0] = 4;
  for (const g of GENES) one.pheno[g][0] = 128;
  // each variable from its starting guess (CELL_VARS init: a number or a parameter's value)
  for (const v of CELL_VARS as readonly CellVarSpec[]) one.cell[v.name as CellVar][0] = typeof v.init === 'number' ? v.init : p[v.init];
  const f = one.field;
  f.cystine[0] = p.cystine_medium;
  f.o2[0] = p.o2_medium;
  f.zn_ex[0] = p.zn_medium;
  const bare = new Schedule({ ...sc, treatments: [] }, mediumBase(p));
  const seg = bare.segments(0, 0)[0];
  const cx: StepContext = { t: 0, dt: 1, step: 0, key: { k0: 0, k1: 0 }, dts: 1 };
  // the reference is a cell in culture medium (also for tumours, whose fields then equilibrate)
  const q: ParamValues = { ...p, burst_rate: 0, prolif_rate: 0, necrosis_rate: 0 };
  const ex = exchangeMatrix(q.ros_exchange, q.ox_release_gain, q.ox_decay, 0.5);
  for (let k = 0; k < 20000; k++) {
    slowSegment(one, 0, 1, seg, q, cx);
    fastSegment(one, 0, 1, seg, q, cx, ex);
  }
  return one;
}

/** The neighbour snapshot over the whole lattice (for continueSimulation). */
export function initialiseNeighbours(st: SimState): void {
  countNeighbours(st, 0, st.height);
}
