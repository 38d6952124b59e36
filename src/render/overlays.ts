// Why this file exists: the readable parts around the lattice, drawn in the DOM (crisp text at any
// zoom): the legend of the current view with its unit, a scale bar in um or mm that follows the
// zoom, and the simulated clock.
import { colormapRGB, FATE_COLOURS, rgbCss } from './colormaps';
import { byteValue, type View } from './views';

/** Simulated time as h:mm (e.g. 6:05 h), from minutes. */
export function formatClock(t_min: number): string {
  const total = Math.max(0, Math.floor(t_min + 1e-9));
  const h = Math.floor(total / 60);
  const m = total % 60;
  return `${h}:${String(m).padStart(2, '0')} h`;
}

/** A "nice" length (1, 2 or 5 x 10^k um) close to `target_um`. */
export function niceLength(target_um: number): number {
  const p = 10 ** Math.floor(Math.log10(Math.max(target_um, 1e-9)));
  const m = target_um / p;
  return (m >= 5 ? 5 : m >= 2 ? 2 : 1) * p;
}

export const formatLength = (um: number) => (um >= 1000 ? `${+(um / 1000).toPrecision(3)} mm` : `${+um.toPrecision(3)} um`);

/** Update a scale bar element (a box whose width is the bar) for `pxPerUm`, aiming at ~120 px. */
export function updateScaleBar(bar: HTMLElement, label: HTMLElement, pxPerUm: number, targetPx = 120): void {
  if (!(pxPerUm > 0)) return;
  const um = niceLength(targetPx / pxPerUm);
  bar.style.width = `${Math.round(um * pxPerUm)}px`;
  label.textContent = formatLength(um);
}

/** A legend tick value: 2 significant digits, exponent form outside 0.01..1000. */
export const fmt = (x: number) => {
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1000 || a < 0.01) return x.toExponential(0).replace('e+', 'e');
  return `${+x.toPrecision(2)}`;
};

/**
 * Fill `el` with the legend of `view`: colour swatches for the fate view; for a value view a
 * gradient with tick values at both ends and the middle, the unit, the scale and what grey means.
 */
export function renderLegend(el: HTMLElement, view: View): void {
  el.replaceChildren();
  const title = document.createElement('div');
  title.className = 'legend-title';
  el.appendChild(title);
  if (view.kind === 'fate') {
    title.textContent = 'cell fate';
    for (const f of FATE_COLOURS) {
      const row = document.createElement('div');
      row.className = 'legend-row';
      const sw = document.createElement('span');
      sw.className = 'swatch';
      sw.style.background = rgbCss(f.rgb);
      row.append(sw, document.createTextNode(f.name));
      el.appendChild(row);
    }
    return;
  }
  title.textContent = `${view.label} (${view.unit})`;
  const bar = document.createElement('canvas');
  bar.className = 'legend-bar';
  bar.width = 256;
  bar.height = 1;
  const ctx = bar.getContext('2d');
  if (ctx) {
    const img = ctx.createImageData(256, 1);
    for (let i = 0; i < 256; i++) {
      const [r, g, b] = colormapRGB(view.colormap, i);
      img.data.set([r, g, b, 255], 4 * i);
    }
    ctx.putImageData(img, 0, 0);
  }
  const ticks = document.createElement('div');
  ticks.className = 'legend-ticks';
  for (const b of [1, 128, 255]) {
    const s = document.createElement('span');
    s.textContent = fmt(byteValue(view, b));
    ticks.appendChild(s);
  }
  const note = document.createElement('div');
  note.className = 'legend-note';
  const scale = view.scale === 'log' ? 'log scale' : 'linear scale';
  note.textContent = view.kind === 'cell' ? `${scale}, clamped; grey = no living cell` : `${scale}, clamped`;
  el.append(bar, ticks, note);
}
