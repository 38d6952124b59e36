// Why this file exists: what the lattice view can show and how a site becomes one byte of the
// data texture. The fate view writes the status code; a value view maps a per-cell variable, an
// extracellular field or a drug's level onto 1..255 over a stated range (log or linear), 0
// meaning "no living cell".
import { AGENTS, type AgentId, isGeneticAgent, isPulseAgent } from '../model/agents';
import { ALIVE, CELL_VARS, type CellVar, type CellVarSpec, DYING, FIELDS, type FieldName, type SimState } from '../model/layout';
import { type ColormapName, fateTable, valueTable } from './colormaps';

export interface FateView {
  id: 'fate';
  kind: 'fate';
  label: string;
}

export interface ValueView {
  id: string;
  /** a per-cell variable, an extracellular field, or a drug (its level at each site: `values`) */
  kind: 'cell' | 'field' | 'drug';
  /** per-cell variable or field name in SimState, or the drug's agent id */
  source: CellVar | FieldName | AgentId;
  label: string;
  unit: string;
  scale: 'log' | 'linear';
  /** the range that spans the colour map; values outside are clamped to its ends */
  lo: number;
  hi: number;
  colormap: ColormapName;
  /**
   * drug views: the drug's level at each site now (a tumour's drug field, or the dose applied where
   * its treatments cover the lattice), or null where it has none (every site at 0)
   */
  values?: (st: SimState) => Float32Array | null;
}

export type View = FateView | ValueView;

const unitOf = (name: string) => CELL_VARS.find((v) => v.name === name)?.unit ?? FIELDS.find((f) => f.name === name)?.unit ?? '';

const cell = (source: CellVar, label: string, scale: ValueView['scale'], lo: number, hi: number, colormap: ColormapName): ValueView => ({
  id: source,
  kind: 'cell',
  source,
  label,
  unit: unitOf(source),
  scale,
  lo,
  hi,
  colormap,
});
const field = (source: FieldName, label: string, scale: ValueView['scale'], lo: number, hi: number, colormap: ColormapName): ValueView => ({
  id: source,
  kind: 'field',
  source,
  label,
  unit: unitOf(source),
  scale,
  lo,
  hi,
  colormap,
});

/**
 * The views offered: the fate, every per-cell variable with a display range (CELL_VARS `show`:
 * oxidants on magma, defences and ions on viridis) and the fields below, with ranges chosen from
 * runs of the presets (oxygen spans 15-180 uM in tumours).
 */
export const VIEWS: readonly View[] = [
  { id: 'fate', kind: 'fate', label: 'cell fate' },
  // the oxidants that carry the wave first, then the defences and ions in CELL_VARS order
  ...[true, false].flatMap((ox) =>
    (CELL_VARS as readonly CellVarSpec[]).flatMap((v) =>
      v.show && (v.show.oxidant === true) === ox ? [cell(v.name as CellVar, v.show.label, v.show.scale, v.show.lo, v.show.hi, ox ? 'magma' : 'viridis')] : [],
    ),
  ),
  field('ox', 'diffusible oxidant (field)', 'log', 0.01, 10, 'magma'),
  field('o2', 'oxygen (field)', 'linear', 0, 200, 'viridis'),
  // the bath species: medium cystine 200 uM (DMEM), zinc 2 uM (10% serum), iron added in uM
  field('cystine', 'cystine (field)', 'log', 1, 300, 'viridis'),
  field('ntbi', 'non-transferrin-bound iron (field)', 'log', 0.01, 100, 'viridis'),
  field('zn_ex', 'extracellular Zn2+ (field)', 'log', 0.1, 100, 'viridis'),
  field('perfusion', 'perfusion from vessels (field)', 'log', 0.001, 1, 'viridis'),
];

/** The id of the view of a drug's level. */
export const drugViewId = (agent: string) => `drug:${agent}`;

/** Agents whose level at each site can be shown: every treatment but the pulses and the genetic changes. */
export function hasLevel(agent: string): agent is AgentId {
  return Object.hasOwn(AGENTS, agent) && !isPulseAgent(agent as AgentId) && !isGeneticAgent(agent as AgentId);
}

/**
 * The view of a drug's (or bath agent's) level, in its dose unit, on a log scale from 1/100 to 10x
 * its default dose (within its allowed range), read from `values`.
 */
export function drugView(agent: AgentId, values: (st: SimState) => Float32Array | null): ValueView {
  const spec = AGENTS[agent];
  const d = spec.default_dose > 0 ? spec.default_dose : Math.max(spec.range[1] / 10, 1e-3);
  const hi = Math.min(d * 10, spec.range[1] > 0 ? spec.range[1] : d * 10);
  return {
    id: drugViewId(agent),
    kind: 'drug',
    source: agent,
    label: `${spec.name}: drug level`,
    unit: spec.unit,
    scale: 'log',
    lo: hi / 1000,
    hi,
    colormap: 'viridis',
    values,
  };
}

export function viewById(id: string): View {
  const v = VIEWS.find((x) => x.id === id);
  if (!v) throw new Error(`unknown view "${id}"; views: ${VIEWS.map((x) => x.id).join(', ')}`);
  return v;
}

/** The 256x1 RGBA colour table of a view. */
export function viewTable(view: View): Uint8Array {
  return view.kind === 'fate' ? fateTable() : valueTable(view.colormap);
}

/** The colour-map byte (1..255) of value v in `view`: clamped; NaN and (log scale) v <= 0 give 1. */
export function valueByte(view: ValueView, v: number): number {
  const log = view.scale === 'log';
  const a = log ? Math.log(view.lo) : view.lo;
  const k = 254 / ((log ? Math.log(view.hi) : view.hi) - a);
  const b = 1 + ((log ? (v > 0 ? Math.log(v) : Number.NEGATIVE_INFINITY) : v) - a) * k;
  return b >= 1 ? (b <= 255 ? Math.floor(b + 0.5) : 255) : 1;
}

/** Bits of a float32 kept as the key of the lookup table: sign, exponent and the top 11 mantissa bits. */
const LUT_SHIFT = 12;
const lutCache = new Map<string, Uint8Array>();

/**
 * A table from the top 20 bits of a float32 to its colour-map byte: one lookup per site instead of
 * a logarithm (values within 0.05% share an entry, far below one colour step). 1 MiB per view, built once.
 */
export function byteLut(view: ValueView): Uint8Array {
  const key = `${view.source}:${view.scale}:${view.lo}:${view.hi}`;
  let lut = lutCache.get(key);
  if (lut) return lut;
  lut = new Uint8Array(1 << (32 - LUT_SHIFT));
  const u = new Uint32Array(1);
  const f = new Float32Array(u.buffer);
  for (let k = 0; k < lut.length; k++) {
    // the middle of the bucket
    u[0] = ((k << LUT_SHIFT) | (1 << (LUT_SHIFT - 1))) >>> 0;
    lut[k] = valueByte(view, f[0]);
  }
  lutCache.set(key, lut);
  return lut;
}

/** 0xff for living (alive, dying) cells, 0 for other sites: masks cell variables where no cell lives. */
const LIVING_MASK = new Uint8Array(256);
LIVING_MASK[ALIVE] = 0xff;
LIVING_MASK[DYING] = 0xff;
const ALL_MASK = new Uint8Array(256).fill(0xff);

/**
 * Fill `out` (rows of `stride` bytes, stride >= width) with one byte per site for `view`.
 * Cell variables are shown for living (alive or dying) cells only; other sites get 0.
 */
export function fillViewBytes(view: View, st: SimState, out: Uint8Array, stride: number): void {
  const { width: W, height: H, status } = st;
  if (view.kind === 'fate') {
    if (stride === W) out.set(status.subarray(0, W * H));
    else for (let y = 0; y < H; y++) out.set(status.subarray(y * W, (y + 1) * W), y * stride);
    return;
  }
  const src = view.kind === 'cell' ? st.cell[view.source as CellVar] : view.kind === 'field' ? st.field[view.source as FieldName] : (view.values?.(st) ?? null);
  if (!src) {
    // a drug that is nowhere: every site at the bottom of the colour map
    for (let y = 0; y < H; y++) out.fill(1, y * stride, y * stride + W);
    return;
  }
  const bits = new Uint32Array(src.buffer, src.byteOffset, src.length);
  const lut = byteLut(view);
  const mask = view.kind === 'cell' ? LIVING_MASK : ALL_MASK;
  for (let y = 0; y < H; y++) {
    const o = y * W;
    const r = y * stride;
    for (let x = 0; x < W; x++) out[r + x] = lut[bits[o + x] >>> LUT_SHIFT] & mask[status[o + x]];
  }
}

/** Value of a view's colour-map byte b (1..255) in the view's unit: the inverse of the mapping above. */
export function byteValue(view: ValueView, b: number): number {
  const t = (b - 1) / 254;
  return view.scale === 'log' ? Math.exp(Math.log(view.lo) + t * (Math.log(view.hi) - Math.log(view.lo))) : view.lo + t * (view.hi - view.lo);
}
