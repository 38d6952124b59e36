// Why this file exists: a tumour that has already grown (scenario tissue.pregrown), made at load
// from the scenario's seed instead of by simulating days of growth: a roughly round mass with an
// irregular rim, vessels scattered through it outside an avascular core, subclones in angular
// sectors, and the oxygen field at the steady state the mass's own uptake and the vessels give, a
// necrotic core where that oxygen falls below necrosis_o2 (the cells there would die of hypoxia
// within hours). Everything is keyed draws and plain arithmetic in one thread (initBegin and
// initEnd), so every worker count gives the same tissue.
import { ALIVE, NECROTIC, type SimState } from './layout';
import { cos, sin } from './math';
import type { ParamValues } from './params';
import { PURPOSE, type RandomKey, uniform } from './random';
import type { Pregrown, ResolvedScenario } from './scenario';
import { sweepColsSink, sweepRowsSink } from './diffusion';
import { type Kernels, WASM_MIN_SINK_SITES } from './wasm/kernels';

/** Fourier modes of the rim (2 .. RIM_MODES + 1), amplitudes falling as 1/k */
const RIM_MODES = 6;

/** the mass's centre (um): given, else the lattice's middle */
export function massCentre(sc: ResolvedScenario, g: Pregrown): [number, number] {
  const { width: W, height: H, site_um: site } = sc.lattice;
  return [g.x_um ?? (W * site) / 2, g.y_um ?? (H * site) / 2];
}

/** The rim's radius (um) in direction (c, s) (a unit vector): r_um (1 + roughness x a smooth keyed function of the angle) */
function rimRadius(g: Pregrown, modes: Float64Array, c: number, s: number): number {
  let ck = c,
    sk = s;
  let n = 0;
  for (let k = 2; k < RIM_MODES + 2; k++) {
    // (ck, sk) = (cos k theta, sin k theta) from (cos theta, sin theta)
    const c2 = ck * c - sk * s;
    sk = sk * c + ck * s;
    ck = c2;
    const m = 2 * (k - 2);
    n += modes[m] * ck + modes[m + 1] * sk;
  }
  return g.r_um * (1 + g.roughness * n);
}

/** the rim's modes: a cos + b sin per k, random phases, amplitudes 1/k normalised so |n| <= 1 */
function rimModes(key: RandomKey): Float64Array {
  const out = new Float64Array(2 * RIM_MODES);
  let total = 0;
  for (let k = 2; k < RIM_MODES + 2; k++) total += 1 / k;
  for (let k = 2; k < RIM_MODES + 2; k++) {
    const phase = 2 * Math.PI * uniform(key, k, 0, PURPOSE.pregrownRim);
    const amp = 1 / k / total;
    out[2 * (k - 2)] = amp * cos(phase);
    out[2 * (k - 2) + 1] = -amp * sin(phase);
  }
  return out;
}

/**
 * A monotone stand-in for the angle of (dx, dy) in [0, 4) (no arctangent: the same bits on every
 * host): 0 along +x, 1 along +y, 2 along -x, 3 along -y.
 */
function pseudoAngle(dx: number, dy: number): number {
  const p = dy / (Math.abs(dx) + Math.abs(dy));
  return dx >= 0 ? (p < 0 ? 4 + p : p) : 2 - p;
}

/** The mass's vessels: a jittered grid of spacing vessel_spacing_um inside the rim, none in the avascular core. */
export function pregrownVessels(sc: ResolvedScenario, g: Pregrown, key: RandomKey): Array<{ x_um: number; y_um: number; r_um: number }> {
  const [cx, cy] = massCentre(sc, g);
  const modes = rimModes(key);
  const sp = g.vessel_spacing_um;
  const reach = g.r_um * (1 + g.roughness);
  const n = Math.ceil(reach / sp);
  const out: Array<{ x_um: number; y_um: number; r_um: number }> = [];
  const { width: W, height: H, site_um: site } = sc.lattice;
  for (let j = -n; j <= n; j++)
    for (let i = -n; i <= n; i++) {
      // rows of the grid offset by half a spacing (a hexagonal-like pattern), each point moved by up to 0.35 spacing
      const k = (j + n) * (2 * n + 1) + (i + n);
      const x = cx + (i + (j & 1 ? 0.5 : 0) + 0.7 * (uniform(key, k, 0, PURPOSE.pregrownVessel) - 0.5)) * sp;
      const y = cy + (j * 0.866 + 0.7 * (uniform(key, k, 1, PURPOSE.pregrownVessel) - 0.5)) * sp;
      const dx = x - cx,
        dy = y - cy;
      const r = Math.sqrt(dx * dx + dy * dy);
      if (r < g.avascular_core * g.r_um || r === 0) continue;
      if (r > rimRadius(g, modes, dx / r, dy / r) - 0.5 * sp) continue;
      if (x < 0 || y < 0 || x >= W * site || y >= H * site) continue;
      out.push({ x_um: x, y_um: y, r_um: g.vessel_r_um });
    }
  return out;
}

/** The mass's cells: ALIVE inside the rim, over whatever is there. */
export function placePregrown(st: SimState, sc: ResolvedScenario, g: Pregrown, key: RandomKey): void {
  const { width: W, height: H, site_um: site } = sc.lattice;
  const [cx, cy] = massCentre(sc, g);
  const modes = rimModes(key);
  const reach = g.r_um * (1 + g.roughness) + site;
  const y0 = Math.max(0, Math.floor((cy - reach) / site)),
    y1 = Math.min(H, Math.ceil((cy + reach) / site));
  const x0 = Math.max(0, Math.floor((cx - reach) / site)),
    x1 = Math.min(W, Math.ceil((cx + reach) / site));
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++) {
      const dx = (x + 0.5) * site - cx,
        dy = (y + 0.5) * site - cy;
      const r = Math.sqrt(dx * dx + dy * dy);
      if (r === 0 || r <= rimRadius(g, modes, dx / r, dy / r)) st.status[y * W + x] = ALIVE;
    }
}

/**
 * The subclones without a region in angular sectors around the mass's centre, each its fraction
 * of the circle in the order listed, from the +x direction (the rest parental), for living sites
 * no region claimed. Returns whether it placed them (a tumour).
 */
export function placeSectors(st: SimState, sc: ResolvedScenario, g: Pregrown): boolean {
  const { width: W, site_um: site } = sc.lattice;
  const [cx, cy] = massCentre(sc, g);
  const t = sc.tissue;
  if (t.kind !== 'tumour') return false;
  // sector boundaries as pseudo-angles: cumulative fractions of the circle
  const bounds: Array<{ k: number; to: number }> = [];
  let cum = 0;
  t.subclones.forEach((c, k) => {
    if (c.region) return;
    cum += c.fraction;
    const a = 2 * Math.PI * Math.min(cum, 1);
    bounds.push({ k: k + 1, to: cum >= 1 ? 4 : pseudoAngle(cos(a), sin(a)) });
  });
  for (let i = 0; i < st.n; i++) {
    if (st.status[i] !== ALIVE || st.clone[i] !== 0) continue;
    const dx = ((i % W) + 0.5) * site - cx,
      dy = (Math.floor(i / W) + 0.5) * site - cy;
    const a = dx === 0 && dy === 0 ? 0 : pseudoAngle(dx, dy);
    for (const b of bounds)
      if (a < b.to) {
        st.clone[i] = b.k;
        break;
      }
  }
  return true;
}

/**
 * Oxygen at the steady state of the mass's uptake, the vessels' perfusion and the lattice edge, by
 * implicit sweeps of the simulation's own solver (8-minute steps, then 1-minute ones as the run
 * takes them), the uptake of each living site relinearised at every sweep as the slow block does;
 * cells below necrosis_o2 then become NECROTIC (dead before t = 0: no time of death, never cleared),
 * and the oxygen settles again around the necrotic core. Writes st.field.o2.
 */
export function settlePregrown(st: SimState, sc: ResolvedScenario, p: ParamValues, kernel: Kernels | null): void {
  const { width: W, height: H, site_um: site } = sc.lattice;
  const o2 = st.field.o2;
  const rate = st.aux.o2_sink;
  const medium = sc.boundary === 'medium';
  const sink = { rate, perfusion: st.field.perfusion, plasma: p.o2_blood };
  const uptake = p.o2_tissue_uptake;
  const km = p.o2_km;
  const relax = (sweeps: number, stepMin: number) => {
    const r = (p.o2_diffusion * stepMin) / (site * site);
    for (let k = 0; k < sweeps; k++) {
      for (let i = 0; i < st.n; i++) rate[i] = st.status[i] === ALIVE ? uptake / (o2[i] + km) : 0;
      sweepRowsSink(o2, W, 0, H, r, medium, p.o2_medium, sink, 0.5 * stepMin, st.colSink.cp, W >= WASM_MIN_SINK_SITES ? kernel : null);
      sweepColsSink(o2, W, H, 0, W, r, medium, p.o2_medium, sink, 0.5 * stepMin, st.colSink, W >= WASM_MIN_SINK_SITES ? kernel : null);
    }
  };
  const necrosis = () => {
    for (let i = 0; i < st.n; i++) {
      const s = st.status[i];
      if (s === ALIVE || s === NECROTIC) st.status[i] = o2[i] < p.necrosis_o2 ? NECROTIC : ALIVE;
    }
  };
  relax(30, 8);
  necrosis();
  relax(20, 4);
  necrosis();
  relax(30, 1);
  necrosis();
  rate.fill(0);
}
