// Why this file exists: the published wave-speed titrations shipped with the project
// (data/co2024-wave-speed-calibration.csv, the data the model is calibrated on; data/README.md)
// as the page's dose-response overlays them: by agent, each dose's speed and ratio to its plate's
// untreated wells with SDs, and the citation to print under the plot.
import { parseCsv } from '../model/csv-text';
import text from '../../data/co2024-wave-speed-calibration.csv?raw';

/** The study the points come from, as the page cites it. */
export const CO_2024 = 'Co, Wu, Lee & Chen, "Emergence of large-scale cell death through ferroptotic trigger waves", Nature 631:654 (2024)';

export interface PublishedPoint {
  uM: number;
  /** mean speed over the wells, um/min, and its SD */
  speed_um_per_min: number;
  sd_um_per_min: number;
  /** speed / the mean speed of the same plate's 0 uM wells */
  ratio: number;
  /** SD of the ratio: the speed's SD / the plate's control speed (as the calibration weighs it) */
  sd_ratio: number;
}

export interface PublishedTitration {
  agent: string;
  /** where in the paper (figure, plate format) */
  source: string;
  /** every dose of the file, the control (0 uM) first */
  points: PublishedPoint[];
}

/** The titrations of a CSV text with the file's columns (agent, uM, speed_um_per_min, sd_um_per_min, ratio_to_control, source), by agent. */
export function parseTitrations(csv: string): Map<string, PublishedTitration> {
  const [header, ...body] = parseCsv(csv);
  const head = header.fields.map((h) => h.trim());
  const col = (name: string) => {
    const k = head.indexOf(name);
    if (k < 0) throw new Error(`the published titrations have no column "${name}"`);
    return k;
  };
  const [cA, cU, cS, cSd, cR, cSrc] = ['agent', 'uM', 'speed_um_per_min', 'sd_um_per_min', 'ratio_to_control', 'source'].map(col);
  const out = new Map<string, PublishedTitration>();
  const control = new Map<string, number>();
  for (const { fields: f } of body) if (Number(f[cU]) === 0) control.set(f[cA], Number(f[cS]));
  for (const { fields: f } of body) {
    const agent = f[cA];
    const t = out.get(agent) ?? { agent, source: f[cSrc], points: [] };
    out.set(agent, t);
    const speed = Number(f[cS]);
    const sd = Number(f[cSd]);
    t.points.push({ uM: Number(f[cU]), speed_um_per_min: speed, sd_um_per_min: sd, ratio: Number(f[cR]), sd_ratio: sd / (control.get(agent) ?? speed) });
  }
  for (const t of out.values()) t.points.sort((a, b) => a.uM - b.uM);
  return out;
}

let shipped: Map<string, PublishedTitration> | null = null;

/** The shipped titration of `agent` (a ferrowave treatment id), or null when none was published. */
export function publishedTitration(agent: string): PublishedTitration | null {
  shipped ??= parseTitrations(text);
  return shipped.get(agent) ?? null;
}

/** The published point at `uM` (the same dose to 6 significant digits), or null. */
export function publishedAt(t: PublishedTitration | null, uM: number): PublishedPoint | null {
  if (!t) return null;
  return t.points.find((p) => Math.abs(p.uM - uM) <= 1e-6 * Math.max(Math.abs(uM), 1e-12)) ?? null;
}
