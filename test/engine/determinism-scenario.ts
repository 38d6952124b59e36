// Why this file exists: the scenario that the determinism tests hash, shared by the Node test and
// the browser test (and computed on the Node side for the browser comparison). It has
// heterogeneous phenotypes, spontaneous bursts (keyed random draws), a pulse and a running wave,
// on an odd-sized lattice so bands are uneven, wide enough that rows and column bands (also on 2
// workers) run in the WebAssembly kernels (WASM_MIN_SITES), whose bits these hashes compare too.
import { resolveScenario, type ResolvedScenario } from '../../src/model/scenario';

export const DETERMINISM_STEPS = 240;

export function determinismScenario(): ResolvedScenario {
  return resolveScenario(
    {
      seed: 5,
      lattice: { width: 263, height: 37, site_um: 20 },
      duration_min: 200,
      treatments: [
        { agent: 'erastin', uM: 10, start_min: 0 },
        { agent: 'ferrostatin-1', uM: 5, start_min: 0, region: { rect: { x_um: 900, y_um: 0, width_um: 320, height_um: 740 } } },
        { agent: 'light-pulse', dose: 30, start_min: 5, end_min: 15, region: { disc: { x_um: 300, y_um: 370, r_um: 120 } } },
      ],
      params: { burst_rate: 1e-4, ox_decay: 0.05 },
      numerics: { dt_min: 0.5, field_every: 7, slow_every: 3 },
    },
    'determinism',
  );
}

export const TUMOUR_STEPS = 400;

/** A growing tumour with a vessel, a subclone, a diffusing drug and necrosis, on an odd lattice. */
export function tumourDeterminismScenario(): ResolvedScenario {
  return resolveScenario(
    {
      seed: 9,
      lattice: { width: 259, height: 29, site_um: 20 },
      duration_min: 300,
      tissue: {
        kind: 'tumour',
        seeds: [{ disc: { x_um: 330, y_um: 290, r_um: 160 } }],
        vessels: [{ x_um: 200, y_um: 290, r_um: 20 }],
        subclones: [{ name: 'b', pheno: { FSP1: 3, TFR1: 2 }, fraction: 0.3 }],
      },
      treatments: [
        { agent: 'erastin', uM: 10, start_min: 20 },
        { agent: 'light-pulse', dose: 30, start_min: 100, end_min: 110, region: { disc: { x_um: 330, y_um: 290, r_um: 80 } } },
      ],
      params: { prolif_rate: 0.005, debris_clear_min: 60, necrosis_rate: 0.01, necrosis_o2: 40, o2_tissue_uptake: 30, o2_medium: 60 },
      numerics: { dt_min: 0.5, slow_every: 3 },
    },
    'determinism',
  );
}
