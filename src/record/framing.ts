// Why this file exists: a talk video frames the tissue, not the lattice. A tumour fills about a
// quarter of its lattice; the whole lattice in a 16:9 frame leaves it small in a sea of empty
// sites. The frame is the box around every non-empty site (living, dying, dead, necrotic cells and
// vessels) at the clip's first frame, with a margin (for growth and for the overlays), widened to
// the frame's shape where the lattice allows, so the tissue is as large as it can be, centred.
// The box is fixed for the whole clip: the view never jumps. Pure (a status array in, sites out).
import { EMPTY } from '../model/layout';

/** A rectangle of sites: top-left site (x, y) and size, in sites. */
export interface SiteBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The default margin around the tissue, in percent of the tissue box's larger side. */
export const DEFAULT_MARGIN_PERCENT = 10;

/** The smallest box holding every non-empty site (status != EMPTY); null when every site is empty. */
export function tissueBox(status: Uint8Array, lattice: { width: number; height: number }): SiteBox | null {
  const { width: W, height: H } = lattice;
  let x0 = W,
    y0 = H,
    x1 = -1,
    y1 = -1;
  for (let y = 0; y < H; y++) {
    const o = y * W;
    let first = -1,
      last = -1;
    for (let x = 0; x < W; x++) {
      if (status[o + x] !== EMPTY) {
        if (first < 0) first = x;
        last = x;
      }
    }
    if (first < 0) continue;
    if (y < y0) y0 = y;
    y1 = y;
    if (first < x0) x0 = first;
    if (last > x1) x1 = last;
  }
  return x1 < 0 ? null : { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 };
}

/** Clamp a span of `len` sites centred on `centre` into [0, size). */
function place(centre: number, len: number, size: number): [number, number] {
  const n = Math.min(size, Math.max(1, len));
  const start = Math.min(size - n, Math.max(0, Math.round(centre - n / 2)));
  return [start, n];
}

/**
 * The sites a frame of `aspect` (width / height) shows around `box`: the box grown by
 * `marginPercent` of its larger side on every side, then widened (or heightened) to the frame's
 * shape, centred on the box and kept inside the lattice. Null (the whole lattice) when that is the
 * whole lattice anyway or when there is no tissue.
 */
export function frameAround(box: SiteBox | null, lattice: { width: number; height: number }, marginPercent: number, aspect: number): SiteBox | null {
  if (!box) return null;
  const { width: W, height: H } = lattice;
  const m = Math.ceil((Math.max(box.width, box.height) * marginPercent) / 100);
  let w = Math.min(W, box.width + 2 * m);
  let h = Math.min(H, box.height + 2 * m);
  if (w / h < aspect) w = Math.round(h * aspect);
  else h = Math.round(w / aspect);
  const [x, ww] = place(box.x + box.width / 2, w, W);
  const [y, hh] = place(box.y + box.height / 2, h, H);
  if (ww === W && hh === H) return null;
  return { x, y, width: ww, height: hh };
}

/** The tissue's frame in one call: tissueBox then frameAround. */
export function tissueFrame(status: Uint8Array, lattice: { width: number; height: number }, marginPercent: number, aspect: number): SiteBox | null {
  return frameAround(tissueBox(status, lattice), lattice, marginPercent, aspect);
}

/**
 * A checked plan (options.ts RecordPlan) with its region filled in from the state at the clip's
 * first frame when it frames the tissue; other plans as they are.
 */
export function framePlan<P extends { area: string; region: SiteBox | null; marginPercent: number; width: number; height: number }>(
  plan: P,
  status: Uint8Array,
  lattice: { width: number; height: number },
): P {
  if (plan.area !== 'tissue') return plan;
  return { ...plan, region: tissueFrame(status, lattice, plan.marginPercent, plan.width / plan.height) };
}
