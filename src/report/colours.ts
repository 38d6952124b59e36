// Why this file exists: the report's colours, named once: the viridis scale of heat maps and the
// colour-blind safe palette for series, bars and ribbons without an explicit colour.

/** Matplotlib's viridis at 16 evenly spaced stops (interpolated linearly in between). */
const VIRIDIS_STOPS = [
  '440154',
  '481a6c',
  '472f7d',
  '414487',
  '39568c',
  '31688e',
  '2a788e',
  '23888e',
  '1f988b',
  '22a884',
  '35b779',
  '54c568',
  '7ad151',
  'a5db36',
  'd2e21b',
  'fde725',
];
const VIRIDIS_RGB = VIRIDIS_STOPS.map((h) => [0, 2, 4].map((k) => Number.parseInt(h.slice(k, k + 2), 16)));

/** Viridis colour of u in [0, 1] (clamped) as #rrggbb. */
export function viridis(u: number): string {
  const v = Number.isFinite(u) ? Math.min(1, Math.max(0, u)) : 0;
  const s = v * (VIRIDIS_RGB.length - 1);
  const k = Math.min(VIRIDIS_RGB.length - 2, Math.floor(s));
  const f = s - k;
  const a = VIRIDIS_RGB[k];
  const b = VIRIDIS_RGB[k + 1];
  return `#${[0, 1, 2]
    .map((c) =>
      Math.round(a[c] + (b[c] - a[c]) * f)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/** A categorical palette (Okabe-Ito, colour-blind safe) for series without an explicit colour. */
export const PALETTE = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#000000', '#f0e442'];
