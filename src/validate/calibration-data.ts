// Why this file exists: the published wave-speed titrations the model is fitted to (data/, from Co
// et al., Nature 631:654 (2024)) as rows the checks can compare with, and the tolerance every
// point is held to: within 2 SD of its mean or 0.08 in ratio to control, whichever is wider.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCsv } from '../model/csv-text';

export const CALIBRATION_CSV = fileURLToPath(new URL('../../data/co2024-wave-speed-calibration.csv', import.meta.url));

export interface CalibrationRow {
  agent: string;
  uM: number;
  /** mean front speed over the wells, um/min */
  speed_um_per_min: number;
  sd_um_per_min: number;
  /** mean speed over the same plate's 0 uM wells (the ratio's denominator) */
  ratio_to_control: number;
  /** SD of the ratio: sd / the plate's control speed */
  sd_ratio: number;
  source: string;
}

/** The rows with a dose (> 0 uM), in file order; each ratio's SD from its plate's control speed. */
export function calibrationRows(path = CALIBRATION_CSV): CalibrationRow[] {
  const [header, ...body] = parseCsv(readFileSync(path, 'utf8'));
  const head = header.fields.map((h) => h.trim());
  const col = (name: string) => {
    const k = head.indexOf(name);
    if (k < 0) throw new Error(`${path}: no column "${name}" (columns: ${head.join(', ')})`);
    return k;
  };
  const [cA, cU, cS, cSd, cR, cSrc] = ['agent', 'uM', 'speed_um_per_min', 'sd_um_per_min', 'ratio_to_control', 'source'].map(col);
  const rows = body.map(({ fields: f }) => ({
    agent: f[cA],
    uM: Number(f[cU]),
    speed: Number(f[cS]),
    sd: Number(f[cSd]),
    ratio: Number(f[cR]),
    source: f[cSrc],
  }));
  const control = new Map<string, number>();
  for (const r of rows) if (r.uM === 0) control.set(r.agent, r.speed);
  return rows
    .filter((r) => r.uM > 0)
    .map((r) => {
      const c = control.get(r.agent);
      if (!c) throw new Error(`${path}: ${r.agent} has no 0 uM (control) row`);
      return {
        agent: r.agent,
        uM: r.uM,
        speed_um_per_min: r.speed,
        sd_um_per_min: r.sd,
        ratio_to_control: r.ratio,
        sd_ratio: r.sd / c,
        source: r.source,
      };
    });
}

/** The tolerance of a point: 2 SD of the ratio or 0.08, whichever is wider. */
export const tolerance = (r: CalibrationRow) => Math.max(2 * r.sd_ratio, 0.08);
