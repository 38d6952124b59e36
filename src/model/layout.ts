// Why this file exists: the structure-of-arrays layout of the whole simulation state on ONE
// shared memory (a shared WebAssembly.Memory, so that the SIMD kernels of wasm/ run on it; a
// SharedArrayBuffer where WebAssembly is missing), so that workers in the browser or in Node attach
// to the same memory and a checkpoint is one buffer copy. Names here are the names used in docs/model.md.
import { log2, pow } from './math';
import { PARAMS } from './params';

function align8(x: number): number {
  return (x + 7) & ~7;
}

/** How a per-cell variable is shown as a lattice view: its label and the range that spans the colour map. */
export interface CellVarDisplay {
  label: string;
  scale: 'log' | 'linear';
  lo: number;
  hi: number;
  /** an oxidant (shown on a warm scale) rather than a defence or an ion */
  oxidant?: boolean;
}

/** A per-cell state variable. */
export interface CellVarSpec {
  name: string;
  unit: string;
  doc: string;
  /**
   * where the control steady state is sought from (initial-state.ts controlSteadyState): a number,
   * or the name of a parameter whose value it starts at; 0 for the bookkeeping variables
   */
  init: number | string;
  /** a lattice view of it (ranges from runs of the presets), or none */
  show?: CellVarDisplay;
  /** its symbol in the equations of docs/model.md, where it has one */
  symbol?: string;
}

/**
 * Per-cell state variables (Float32 each), with units. The views' ranges come from runs of the
 * presets: in primed-light-pulse living cells hold ROS 0.2-0.3 a.u. and lipid peroxides 0.3-0.9
 * a.u., dying cells ROS ~3.4 and lipid peroxides 20-60; GSH falls from ~4800 uM (control) to
 * ~250 uM under erastin.
 */
export const CELL_VARS = [
  { name: 'fe', unit: 'uM', doc: 'labile Fe2+ pool', init: 'fe_ref', show: { label: 'labile Fe2+', scale: 'log', lo: 0.1, hi: 10 } },
  { name: 'ftn', unit: 'uM', doc: 'ferritin-bound iron', init: 'ftn_ref' },
  { name: 'ca', unit: 'uM', doc: 'cytosolic Ca2+', init: 'ca_rest', show: { label: 'cytosolic Ca2+', scale: 'log', lo: 0.05, hi: 10 } },
  { name: 'ca_er', unit: 'uM', doc: 'free Ca2+ in the ER lumen', init: 'ca_er_ref', show: { label: 'ER Ca2+', scale: 'linear', lo: 0, hi: 600 } },
  { name: 'zn', unit: 'nM', doc: 'labile cytosolic Zn2+', init: 'zn_ref', show: { label: 'labile Zn2+', scale: 'log', lo: 0.1, hi: 100 } },
  {
    name: 'mt',
    unit: 'rel',
    doc: 'metallothionein (MT1/2, MT1G; 1 = control), the labile Zn2+ buffer',
    init: 1,
    show: { label: 'metallothionein', scale: 'log', lo: 0.1, hi: 20 },
  },
  { name: 'se', unit: 'rel', doc: 'selenium available for selenoproteins (1 = control)', init: 1 },
  { name: 'cl', unit: 'mM', doc: 'intracellular Cl- (depolarisation, osmotic load)', init: 'cl_rest' },
  { name: 'cys', unit: 'uM', doc: 'cysteine', init: 20 },
  { name: 'gsh', unit: 'uM', doc: 'reduced glutathione', init: 'gsh_ref', show: { label: 'GSH', scale: 'log', lo: 30, hi: 10000 } },
  { name: 'gpx4', unit: 'rel', doc: 'active GPX4 protein (1 = control)', init: 1, show: { label: 'GPX4 (active)', scale: 'log', lo: 0.1, hi: 3 } },
  { name: 'coq', unit: 'fraction', doc: 'reduced CoQ10 (CoQ10H2) fraction of the pool, kept reduced by FSP1', init: 0.5 },
  { name: 'bh4', unit: 'rel', doc: 'tetrahydrobiopterin (1 = control)', init: 1 },
  { name: 'nrf2', unit: 'rel', doc: 'NRF2 activity (1 = control)', init: 1 },
  {
    name: 'ros',
    unit: 'a.u.',
    doc: 'ROS (H2O2 / radical pool; 1 a.u. half-activates the NOX feedback)',
    init: 0.3,
    symbol: 'R',
    show: { label: 'ROS', scale: 'log', lo: 0.03, hi: 10, oxidant: true },
  },
  {
    name: 'lpo',
    unit: 'a.u.',
    doc: 'lipid hydroperoxides (PL-OOH)',
    init: 0.1,
    symbol: 'L',
    show: { label: 'lipid peroxides', scale: 'log', lo: 0.01, hi: 100, oxidant: true },
  },
  {
    name: 'pufa',
    unit: 'rel',
    doc: 'PUFA-phospholipid content (1 = control, set by ACSL4; MUFA from SCD1 or oleate competes)',
    init: 1,
    show: { label: 'PUFA phospholipids', scale: 'linear', lo: 0, hi: 2 },
  },
  { name: 'vol', unit: 'rel', doc: 'cell volume (1 = resting; ruptures at vol_rupture)', init: 1 },
  { name: 't_dying', unit: 'min', doc: 'time the cell was committed (NaN if never)', init: 0 },
  { name: 't_dead', unit: 'min', doc: 'time the cell ruptured or died of hypoxia (NaN if never)', init: 0 },
  { name: 'cycle', unit: 'rel', doc: 'progress through the division cycle (divides at 1 when a neighbour site is free; tumours only)', init: 0 },
] as const satisfies readonly CellVarSpec[];
export type CellVar = (typeof CELL_VARS)[number]['name'];

/**
 * Rates the slow block hands to the fast block (Float32 each, recomputed from the state every
 * slow step; stored so that both blocks stay plain loops and any worker split gives the same bits).
 */
export const AUX_VARS = [
  {
    name: 'def_gsh',
    unit: '1',
    doc: 'GSH-dependent defence (GPX4 with GSH) relative to the control total: w_gpx4*a_gpx4; fails at high ROS as GSH is oxidised',
  },
  { name: 'def_rt', unit: '1', doc: 'radical-trapping defence that does not fail at high ROS: w_fsp1*a_fsp1 + w_bh4*a_bh4 + rta' },
  { name: 'ros_src', unit: 'a.u./min', doc: 'defence-independent ROS production: ros_basal * ros_time_scale * oxygen factor' },
  { name: 'o2_sink', unit: '1/min', doc: 'oxygen uptake of this site as a first-order rate, o2_uptake / (o2 + o2_km), solved with diffusion' },
  {
    name: 'feedback',
    unit: 'a.u./min',
    doc: 'maximal autocatalytic ROS production of this cell: ros_feedback_max * ros_time_scale * NOX factor * iron factor',
  },
  { name: 'lpo_src', unit: '1/(a.u. min)', doc: 'lipid peroxidation per ROS^2: lpo_rate * pufa * iron factor' },
  {
    name: 'lpo_chain',
    unit: '1/min',
    doc: 'autocatalytic growth of lipid peroxides (Fe2+-catalysed chain on PUFA-PL, less what radical trapping stops): lpo_chain_rate * phiFe * pufa * rt_ref/(rt_ref + def_rt)',
  },
] as const;
export type AuxVar = (typeof AUX_VARS)[number]['name'];

/** Extracellular fields on the lattice (Float32 each). */
export const FIELDS = [
  { name: 'ox', unit: 'a.u.', doc: 'diffusible oxidant that carries the wave (same scale as ros)' },
  { name: 'cystine', unit: 'uM', doc: 'extracellular cystine' },
  { name: 'o2', unit: 'uM', doc: 'oxygen' },
  { name: 'ntbi', unit: 'uM', doc: 'non-transferrin-bound iron' },
  { name: 'zn_ex', unit: 'uM', doc: 'extracellular Zn2+' },
  { name: 'perfusion', unit: '1/min', doc: 'exchange of the tissue with plasma through nearby vessels (tumours; static, from the vessel map)' },
] as const;
export type FieldName = (typeof FIELDS)[number]['name'];

/** Heritable phenotype: expression factors (1 = control), stored as log2 bytes. */
export const GENES = [
  'SLC7A11',
  'GPX4',
  'FSP1',
  'GCH1',
  'ACSL4',
  'TFR1',
  'FPN',
  'FTH1',
  'NCOA4',
  'ZIP7',
  'ORAI1',
  'TMEM16F',
  'NOX',
  'PROLIF',
  'MT1G',
  'CLIC5',
  'MS4A15',
  'CHMP4B',
  'ACSL3',
] as const;
export type Gene = (typeof GENES)[number];

/** Cell fate codes in `status`. */
export const EMPTY = 0;
export const ALIVE = 1;
export const DYING = 2;
export const DEAD = 3;
/** died of hypoxia (necrosis), not of ferroptosis */
export const NECROTIC = 4;
/** a blood vessel: no cell; perfusion around it (field `perfusion`) pulls the tissue fields to plasma levels */
export const VESSEL = 5;
export const STATUS_NAMES = ['empty', 'alive', 'dying', 'dead', 'necrotic', 'vessel'] as const;

/** Phenotype byte b encodes the factor 2^((b-128)/16): range 1/256 .. ~250, steps of 4.4%. */
export const PHENO_DECODE = new Float32Array(256);
for (let b = 0; b < 256; b++) PHENO_DECODE[b] = pow(2, (b - 128) / 16);
export function encodePheno(factor: number): number {
  if (!(factor > 0)) return 0;
  const b = Math.round(128 + 16 * log2(factor));
  return b < 0 ? 0 : b > 255 ? 255 : b;
}

/** Header slots (Int32) at the start of the buffer. */
export const H_STEP = 0;
/** running totals since t = 0 (added with Atomics by whichever worker sees the event) */
export const H_COMMITTED = 1;
export const H_NECROSES = 2;
export const H_BIRTHS = 3;
const HEADER_BYTES = 64;
/** after the header: PHENO_DECODE (256 float32), for the WebAssembly kernels, which read only the state's memory */
export const DECODE_AT = HEADER_BYTES;

/**
 * The arrays of the state the WebAssembly kernels reach by name: the layout block holds the byte
 * address of each (i32), in this order, so a kernel reads `st.cell.fe` as the address in slot
 * `cell.fe`. Drug fields (which differ between scenarios) are not among them.
 */
export function layoutSlots(): string[] {
  return [
    ...CELL_VARS.map((v) => `cell.${v.name}`),
    ...AUX_VARS.map((v) => `aux.${v.name}`),
    ...FIELDS.map((v) => `field.${v.name}`),
    ...GENES.map((g) => `pheno.${g}`),
    'status',
    'nbr',
    'born',
    'clone',
    'colPrev',
    'colSink.prev',
    'colSink.cPrev',
    'colSink.next',
    'colSink.cp',
    'rowFactors',
  ];
}
const SLOTS = layoutSlots();
/** after the decode table: the layout block (see layoutSlots) */
export const LAYOUT_AT = DECODE_AT + 4 * 256;
/**
 * after the layout block: the parameter block, one f64 per parameter of the registry in its order
 * (params.ts PARAMS), which the WebAssembly kernels read the parameters from; written by their
 * binding (wasm/kernels.ts) before a call with a parameter set it has not written yet
 */
export const PARAMS_AT = align8(LAYOUT_AT + 4 * SLOTS.length);
const PREFIX_BYTES = (PARAMS_AT + 8 * PARAMS.length + 63) & ~63;

/**
 * Where a state lives: a WebAssembly memory (shared when SharedArrayBuffer exists), or a plain
 * buffer when WebAssembly is not available. Always a whole number of 64 KiB pages, whichever it is,
 * so that states of the same layout have the same bytes (and hashes).
 */
export type StateStore = WebAssembly.Memory | SharedArrayBuffer | ArrayBuffer;
const PAGE = 65536;
const hasWasm = () => typeof WebAssembly !== 'undefined' && typeof WebAssembly.Memory === 'function';

/** A new zeroed store of at least `bytes` bytes, shared between threads when `shared`. */
export function newStateStore(bytes: number, shared: boolean): StateStore {
  const pages = Math.ceil(bytes / PAGE);
  if (hasWasm()) {
    try {
      return new WebAssembly.Memory({ initial: pages, maximum: pages, shared });
    } catch {
      // e.g. a page without cross-origin isolation asked for shared memory: plain buffers below
    }
  }
  return shared ? new SharedArrayBuffer(pages * PAGE) : new ArrayBuffer(pages * PAGE);
}

/**
 * `spare` (the store of a finished simulation) zeroed, when it has the size of a new store of
 * `bytes` and its sharing; otherwise a new store. A sweep worker runs thousands of simulations in
 * turn: each new WebAssembly memory costs system calls (mmap, mprotect, munmap) that stall every
 * thread of the process.
 */
export function recycledStateStore(spare: StateStore | null, bytes: number, shared: boolean): StateStore {
  if (spare) {
    const buf = bufferOf(spare);
    const isShared = typeof SharedArrayBuffer !== 'undefined' && buf instanceof SharedArrayBuffer;
    if (buf.byteLength === Math.ceil(bytes / PAGE) * PAGE && isShared === shared) {
      new Uint8Array(buf).fill(0);
      return spare;
    }
  }
  return newStateStore(bytes, shared);
}

/** the bytes of a store (a memory's buffer) */
const bufferOf = (store: StateStore): SharedArrayBuffer | ArrayBuffer =>
  hasWasm() && store instanceof WebAssembly.Memory ? store.buffer : (store as SharedArrayBuffer | ArrayBuffer);

/** whether new stores can be shared with workers here */
export const canShare = (): boolean => typeof SharedArrayBuffer !== 'undefined';

/** A new store holding a copy of `src`'s bytes (checkpoints, branches). */
export function copyStateStore(src: ArrayBufferLike, shared = canShare()): StateStore {
  const out = newStateStore(src.byteLength, shared);
  new Uint8Array(bufferOf(out)).set(new Uint8Array(src));
  return out;
}

export interface SimState {
  width: number;
  height: number;
  n: number;
  /** the bytes of the state (the memory's buffer when it lives in a WebAssembly memory) */
  buffer: SharedArrayBuffer | ArrayBuffer;
  /** the WebAssembly memory holding `buffer`, or null (then only the TypeScript kernels run) */
  memory: WebAssembly.Memory | null;
  /** what to hand to workers or to another simulation that attaches to this state */
  store: StateStore;
  header: Int32Array;
  cell: Record<CellVar, Float32Array>;
  field: Record<FieldName, Float32Array>;
  aux: Record<AuxVar, Float32Array>;
  pheno: Record<Gene, Uint8Array>;
  /** all Float32 arrays above as one view (hot loops index it as f32[base + i]: one bounds check) */
  f32: Float32Array;
  /** offset of each named Float32 array inside f32 */
  base: Record<CellVar | AuxVar | FieldName, number>;
  status: Uint8Array;
  /**
   * bits 0-2: number of living (alive or dying) 4-neighbours; bits 4-7: which neighbours (W, E, N,
   * S) are empty sites. A snapshot refreshed in the x-diffusion phase, read by the slow block and
   * by growth (which must not see sites filled during its own phase).
   */
  nbr: Uint8Array;
  /**
   * one row (width floats) of scratch for the column sweeps of diffusion: the original row above,
   * indexed by x so that bands do not overlap. In the state so the WebAssembly sweeps can reach it.
   */
  colPrev: Float32Array;
  /**
   * scratch for the column sweeps with a sink (ColumnScratch of diffusion.ts: running values per
   * column, factors per site, f64), in the state so the WebAssembly sweeps can reach it; every
   * sweep overwrites what it reads
   */
  colSink: { prev: Float64Array; cPrev: Float64Array; next: Float64Array; cp: Float64Array };
  /**
   * the row sweeps' line factors (diffusion.ts LineSolver.factors: cp then invm, 2 x width f64) of
   * each field in turn (FIELDS, then the drugs), written by the simulation at creation, where the
   * WebAssembly row kernel can reach them
   */
  rowFactors: Float64Array;
  /** 1 + direction (0 W, 1 E, 2 N, 3 S) of the parent that filled this site in the last division round, else 0 */
  born: Uint8Array;
  /** subclone index (0 = parental; tumours) */
  clone: Uint8Array;
  /** extracellular concentration of each diffusing drug (tumours), uM, by agent id */
  drug: Record<string, Float32Array>;
}

/**
 * Bytes from one Float32 array to the next: the array plus 3 cache lines, so that the ~16 arrays
 * a kernel streams through do not all start at the same offset modulo 4 KiB (which thrashes one
 * L1 cache set and made the fast kernel twice as slow).
 */
const floatStride = (n: number) => align8(4 * n) + 192;
/** the same for a Float64 array */
const f64Stride = (n: number) => 8 * n + 192;
/** bytes of SimState.colSink */
const colSinkBytes = (width: number, height: number) => 3 * f64Stride(width) + f64Stride(width * height);
/** bytes of SimState.rowFactors */
const rowFactorBytes = (width: number, drugs: number) => f64Stride((FIELDS.length + drugs) * 2 * width);

/** Bytes of state per lattice site (what the benchmark reports). */
export function bytesPerSite(): number {
  // (+ 8: the f64 factor per site of the column sweeps with a sink, SimState.colSink.cp)
  return 4 * (CELL_VARS.length + AUX_VARS.length + FIELDS.length) + GENES.length + 4 + 8;
}

export function stateBytes(width: number, height: number, drugs = 0): number {
  const n = width * height;
  return (
    PREFIX_BYTES +
    (CELL_VARS.length + AUX_VARS.length + FIELDS.length + drugs) * floatStride(n) +
    (GENES.length + 4) * (align8(n) + 64) +
    floatStride(width) +
    colSinkBytes(width, height) +
    rowFactorBytes(width, drugs)
  );
}

/** Views over a store laid out by this module (a fresh shared one when none is given); `drugs` names the diffusing drug fields. */
export function layoutState(width: number, height: number, given?: StateStore, drugs: readonly string[] = []): SimState {
  const n = width * height;
  const total = stateBytes(width, height, drugs.length);
  const store = given ?? newStateStore(total, canShare());
  const memory = hasWasm() && store instanceof WebAssembly.Memory ? store : null;
  const buf = bufferOf(store);
  const expected = Math.ceil(total / PAGE) * PAGE;
  if (buf.byteLength !== expected) throw new Error(`state buffer has ${buf.byteLength} bytes, layout needs ${expected} (${total} rounded up to 64 KiB pages)`);
  let off = PREFIX_BYTES;
  const stride = floatStride(n) / 4;
  const nFloat = CELL_VARS.length + AUX_VARS.length + FIELDS.length + drugs.length;
  const all = new Float32Array(buf, PREFIX_BYTES, nFloat * stride);
  // the same constant bytes whoever lays the state out (a worker attaching writes what is there)
  new Float32Array(buf, DECODE_AT, 256).set(PHENO_DECODE);
  const base = {} as SimState['base'];
  let slot = 0;
  const f32 = () => {
    slot++;
    const a = new Float32Array(buf, off, n);
    off += floatStride(n);
    return a;
  };
  const u8 = () => {
    const a = new Uint8Array(buf, off, n);
    off += align8(n) + 64;
    return a;
  };
  const cell = {} as Record<CellVar, Float32Array>;
  for (const v of CELL_VARS) {
    base[v.name] = slot * stride;
    cell[v.name] = f32();
  }
  const aux = {} as Record<AuxVar, Float32Array>;
  for (const v of AUX_VARS) {
    base[v.name] = slot * stride;
    aux[v.name] = f32();
  }
  const field = {} as Record<FieldName, Float32Array>;
  for (const v of FIELDS) {
    base[v.name] = slot * stride;
    field[v.name] = f32();
  }
  const drug: Record<string, Float32Array> = {};
  for (const d of drugs) drug[d] = f32();
  const pheno = {} as Record<Gene, Uint8Array>;
  for (const g of GENES) pheno[g] = u8();
  const status = u8();
  const nbr = u8();
  const born = u8();
  const clone = u8();
  const colPrev = new Float32Array(buf, off, width);
  off += floatStride(width);
  const f64 = (m: number) => {
    const a = new Float64Array(buf, off, m);
    off += f64Stride(m);
    return a;
  };
  const colSink = { prev: f64(width), cPrev: f64(width), next: f64(width), cp: f64(n) };
  const rowFactors = f64((FIELDS.length + drugs.length) * 2 * width);
  // the layout block: every reachable array's byte address (the same bytes whoever lays it out)
  const byName: Record<string, ArrayBufferView> = { status, nbr, born, clone, colPrev, rowFactors };
  for (const v of CELL_VARS) byName[`cell.${v.name}`] = cell[v.name];
  for (const v of AUX_VARS) byName[`aux.${v.name}`] = aux[v.name];
  for (const v of FIELDS) byName[`field.${v.name}`] = field[v.name];
  for (const g of GENES) byName[`pheno.${g}`] = pheno[g];
  for (const k of ['prev', 'cPrev', 'next', 'cp'] as const) byName[`colSink.${k}`] = colSink[k];
  new Int32Array(buf, LAYOUT_AT, SLOTS.length).set(SLOTS.map((name) => byName[name].byteOffset));
  return {
    width,
    height,
    n,
    buffer: buf,
    memory,
    store,
    header: new Int32Array(buf, 0, HEADER_BYTES / 4),
    cell,
    aux,
    field,
    pheno,
    f32: all,
    base,
    status,
    nbr,
    born,
    clone,
    drug,
    colPrev,
    colSink,
    rowFactors,
  };
}

/**
 * Write the parameter block (PARAMS_AT) of a state: the kinetic parameters the WebAssembly kernels
 * read. Every simulation writes its own at creation, so a state's bytes do not depend on which
 * code stepped it (the kernels' binding writes it again when handed another parameter set).
 */
export function writeParamBlock(st: SimState, p: Record<string, number>): void {
  const block = new Float64Array(st.buffer, PARAMS_AT, PARAMS.length);
  for (let k = 0; k < PARAMS.length; k++) block[k] = p[PARAMS[k].name];
}

/**
 * A new buffer laid out for `drugs` holding the same state as `st` (drug fields missing from `st`
 * start at 0 uM, as they would in a run that listed the drug from t = 0 but applied it later).
 * Used when a diffusing drug is first added to a running tumour, which adds a field.
 */
export function relayoutForDrugs(st: SimState, drugs: readonly string[]): StateStore {
  const shared = canShare() && st.buffer instanceof SharedArrayBuffer;
  const out = layoutState(st.width, st.height, newStateStore(stateBytes(st.width, st.height, drugs.length), shared), drugs);
  out.header.set(st.header);
  for (const v of CELL_VARS) out.cell[v.name].set(st.cell[v.name]);
  for (const v of AUX_VARS) out.aux[v.name].set(st.aux[v.name]);
  for (const v of FIELDS) out.field[v.name].set(st.field[v.name]);
  for (const d of drugs) if (st.drug[d]) out.drug[d].set(st.drug[d]);
  for (const g of GENES) out.pheno[g].set(st.pheno[g]);
  out.status.set(st.status);
  out.nbr.set(st.nbr);
  out.born.set(st.born);
  out.clone.set(st.clone);
  out.colPrev.set(st.colPrev);
  for (const k of ['prev', 'cPrev', 'next', 'cp'] as const) out.colSink[k].set(st.colSink[k]);
  return out.store;
}
