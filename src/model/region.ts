// Why this file exists: one definition of which lattice sites a scenario region covers (a disc, a
// rectangle or a painted brush stroke), shared by treatments, pulses, genetic changes, tissue
// placement and the wave analysis. A site belongs to a region when its centre lies inside it.
import { hypot } from './math';
import type { Region } from './scenario';

/** Half-open column runs [x0, x1), sorted and disjoint. */
export type Runs = Array<[number, number]>;

const clamp = (a: number, b: number, W: number): [number, number] => {
  const x0 = Math.max(0, a);
  const x1 = Math.min(W, b);
  return x1 > x0 ? [x0, x1] : [0, 0];
};

/** Columns of row y whose site centres lie in the disc. */
function discRun(x_um: number, y_um: number, r_um: number, y: number, W: number, site: number): [number, number] {
  const dy = (y + 0.5) * site - y_um;
  const h2 = r_um * r_um - dy * dy;
  if (h2 < 0) return [0, 0];
  const h = Math.sqrt(h2);
  return clamp(Math.ceil((x_um - h) / site - 0.5), Math.floor((x_um + h) / site - 0.5) + 1, W);
}

/** Sorts and merges overlapping or touching runs. */
export function mergeRuns(runs: Runs): Runs {
  const rs = runs.filter(([a, b]) => b > a).sort((p, q) => p[0] - q[0]);
  const out: Runs = [];
  for (const [a, b] of rs) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/** The runs of row y covered by a region (null = the whole row). */
export function regionRuns(region: Region | null, y: number, W: number, site: number): Runs {
  if (!region) return [[0, W]];
  if (region.disc) {
    const r = discRun(region.disc.x_um, region.disc.y_um, region.disc.r_um, y, W, site);
    return r[1] > r[0] ? [r] : [];
  }
  if (region.rect) {
    const r = region.rect;
    const yc = (y + 0.5) * site;
    if (yc < r.y_um || yc > r.y_um + r.height_um) return [];
    const run = clamp(Math.ceil(r.x_um / site - 0.5), Math.floor((r.x_um + r.width_um) / site - 0.5) + 1, W);
    return run[1] > run[0] ? [run] : [];
  }
  const s = region.stroke;
  if (!s) return [];
  const runs: Runs = [];
  for (const [x_um, y_um] of s.points_um) runs.push(discRun(x_um, y_um, s.r_um, y, W, site));
  return mergeRuns(runs);
}

/** Calls f(i) for every site index inside the region, row by row. */
export function forEachSiteIn(region: Region, W: number, H: number, site: number, f: (i: number) => void): void {
  for (let y = 0; y < H; y++) for (const [a, b] of regionRuns(region, y, W, site)) for (let x = a; x < b; x++) f(y * W + x);
}

/** Distance (um) from a point to the region's edge; <= 0 inside. */
export function distanceBeyond(o: Region, x_um: number, y_um: number): number {
  if (o.disc) return hypot(x_um - o.disc.x_um, y_um - o.disc.y_um) - o.disc.r_um;
  if (o.rect) {
    const r = o.rect;
    const dx = Math.max(r.x_um - x_um, 0, x_um - (r.x_um + r.width_um));
    const dy = Math.max(r.y_um - y_um, 0, y_um - (r.y_um + r.height_um));
    return Math.sqrt(dx * dx + dy * dy);
  }
  const s = o.stroke;
  if (!s) return Number.POSITIVE_INFINITY;
  let best = Number.POSITIVE_INFINITY;
  for (const [px, py] of s.points_um) best = Math.min(best, hypot(x_um - px, y_um - py) - s.r_um);
  return best;
}
