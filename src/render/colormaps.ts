// Why this file exists: the colour tables of the lattice view, as 256-entry RGBA lookup tables
// that the shader samples (one 256x1 texture per view). Continuous views use perceptually uniform
// maps (viridis, magma: van der Walt & Smith, matplotlib 2015); the fate view uses a categorical
// palette in which dying cells stand out from both living and dead ones, so the front reads as a wave.

/**
 * Every 16th entry (0, 16, ..., 240) and the last (255) of matplotlib's 256-entry viridis and magma
 * tables (lib/matplotlib/_cm_listed.py), as RGB in 0..1. Linear interpolation between them
 * reproduces the full tables to within 1/255 per channel.
 */
const ANCHORS: Record<'viridis' | 'magma', readonly (readonly [number, number, number])[]> = {
  viridis: [
    [0.267004, 0.004874, 0.329415],
    [0.282327, 0.094955, 0.417331],
    [0.278826, 0.17549, 0.483397],
    [0.258965, 0.251537, 0.524736],
    [0.229739, 0.322361, 0.545706],
    [0.19943, 0.387607, 0.554642],
    [0.172719, 0.448791, 0.557885],
    [0.149039, 0.508051, 0.55725],
    [0.127568, 0.566949, 0.550556],
    [0.120638, 0.625828, 0.533488],
    [0.157851, 0.683765, 0.501686],
    [0.24607, 0.73891, 0.452024],
    [0.369214, 0.788888, 0.382914],
    [0.515992, 0.831158, 0.294279],
    [0.678489, 0.863742, 0.189503],
    [0.845561, 0.887322, 0.099702],
    [0.993248, 0.906157, 0.143936],
  ],
  magma: [
    [0.001462, 0.000466, 0.013866],
    [0.039608, 0.03109, 0.133515],
    [0.113094, 0.065492, 0.276784],
    [0.211718, 0.061992, 0.418647],
    [0.316654, 0.07169, 0.48538],
    [0.414709, 0.110431, 0.504662],
    [0.512831, 0.148179, 0.507648],
    [0.613617, 0.181811, 0.498536],
    [0.716387, 0.214982, 0.47529],
    [0.816914, 0.255895, 0.436461],
    [0.904281, 0.31961, 0.388137],
    [0.960949, 0.418323, 0.35963],
    [0.9867, 0.535582, 0.38221],
    [0.996096, 0.653659, 0.446213],
    [0.996898, 0.769591, 0.534892],
    [0.99244, 0.88433, 0.640099],
    [0.987053, 0.991438, 0.749504],
  ],
};

export type ColormapName = keyof typeof ANCHORS;
export const COLORMAP_NAMES = Object.keys(ANCHORS) as ColormapName[];

/** Colour of entry i (0..255) of a continuous map, RGB 0..255. */
export function colormapRGB(name: ColormapName, i: number): [number, number, number] {
  const a = ANCHORS[name];
  const x = Math.max(0, Math.min(255, i));
  // anchors sit at 0, 16, ..., 240 and 255
  const k = Math.min(15, Math.floor(x / 16));
  const x0 = 16 * k;
  const x1 = k === 15 ? 255 : 16 * (k + 1);
  const t = (x - x0) / (x1 - x0);
  const c0 = a[k];
  const c1 = a[k + 1];
  return [0, 1, 2].map((j) => Math.round(255 * (c0[j] + t * (c1[j] - c0[j])))) as [number, number, number];
}

/** Colour of sites that hold no living cell in a per-cell variable view (empty, dead, vessel). */
export const NO_CELL_RGB: readonly [number, number, number] = [38, 38, 42];

/**
 * A 256-entry RGBA table for a value view: entry 0 is "no living cell" (NO_CELL_RGB), entries
 * 1..255 span the colour map from its low to its high end.
 */
export function valueTable(name: ColormapName): Uint8Array {
  const out = new Uint8Array(256 * 4);
  out.set([...NO_CELL_RGB, 255], 0);
  for (let i = 1; i < 256; i++) {
    const [r, g, b] = colormapRGB(name, Math.round(((i - 1) * 255) / 254));
    out.set([r, g, b, 255], 4 * i);
  }
  return out;
}

/**
 * Cell fate colours by status code (EMPTY 0, ALIVE 1, DYING 2, DEAD 3, NECROTIC 4, VESSEL 5), from the
 * Okabe-Ito colour-blind-safe palette where possible: living cells a calm blue, dying cells a bright
 * yellow (the front), dead cells a dark vermillion, necrotic cells grey, vessels reddish purple.
 */
export const FATE_COLOURS: readonly { name: string; rgb: readonly [number, number, number] }[] = [
  { name: 'empty', rgb: [17, 17, 20] },
  { name: 'alive', rgb: [0, 114, 178] },
  { name: 'dying', rgb: [240, 228, 66] },
  { name: 'dead', rgb: [140, 50, 20] },
  { name: 'necrotic', rgb: [120, 120, 120] },
  { name: 'vessel', rgb: [204, 121, 167] },
];

/** The fate view's table: entries 0..5 as above, the rest magenta (an unknown code shows up loudly). */
export function fateTable(): Uint8Array {
  const out = new Uint8Array(256 * 4);
  for (let i = 0; i < 256; i++) {
    const rgb = FATE_COLOURS[i]?.rgb ?? [255, 0, 255];
    out.set([rgb[0], rgb[1], rgb[2], 255], 4 * i);
  }
  return out;
}

export const rgbCss = (rgb: readonly number[]) => `rgb(${rgb[0]}, ${rgb[1]}, ${rgb[2]})`;
