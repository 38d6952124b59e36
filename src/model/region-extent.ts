// Why this file exists: a region (treatment, seed, subclone) that lies wholly outside the lattice
// does nothing, silently; the validation says so instead. This is the test: does the region
// (disc, rectangle or stroke) overlap the lattice's area [0, width_um] x [0, height_um]?
import type { Region } from './scenario';

/** Whether the disc (x, y, r) overlaps the rectangle [0, W] x [0, H] (um). */
function discOverlaps(x: number, y: number, r: number, W: number, H: number): boolean {
  const dx = Math.max(0, -x, x - W);
  const dy = Math.max(0, -y, y - H);
  return dx * dx + dy * dy < r * r;
}

/** Whether `region` overlaps a lattice of W x H um (regions with missing numbers count as overlapping: they are reported elsewhere). */
export function regionOverlaps(region: Region, W: number, H: number): boolean {
  if (region.disc) {
    const d = region.disc;
    return !(Number.isFinite(d.x_um) && Number.isFinite(d.y_um) && Number.isFinite(d.r_um)) || discOverlaps(d.x_um, d.y_um, d.r_um, W, H);
  }
  if (region.rect) {
    const r = region.rect;
    if (![r.x_um, r.y_um, r.width_um, r.height_um].every(Number.isFinite)) return true;
    return r.x_um < W && r.x_um + r.width_um > 0 && r.y_um < H && r.y_um + r.height_um > 0;
  }
  const s = region.stroke;
  if (!s || !Number.isFinite(s.r_um)) return true;
  return s.points_um.length === 0 || s.points_um.some(([x, y]) => discOverlaps(x, y, s.r_um, W, H));
}

/** "0-8000 x 0-800 um": the lattice's extent, for messages. */
export function latticeExtent(W: number, H: number): string {
  return `0-${+W.toFixed(3)} x 0-${+H.toFixed(3)} um`;
}
