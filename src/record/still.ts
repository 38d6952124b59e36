// Why this file exists: stills for slides and papers. A PNG of the lattice at any size up to
// 4096 px with the same overlays as the videos (same compositor), and the live plots (cells over
// time, mean of a variable, front position) as a figure: SVG built from the plotted series with
// the validation report's chart code (so it is vector, with axes and units), and a PNG of that SVG.
import type { SimState } from '../model/layout';
import type { ResolvedScenario } from '../model/scenario';
import { rgbCss } from '../render/colormaps';
import { viewById } from '../render/views';
import { lineChart } from '../report/svg';
import { activeCaptions, treatmentCaptions } from './captions';
import type { ClockRef } from './clock';
import { Compositor, context2d, type SiteRegion } from './compositor';
import { MAX_SIDE, RecordOptionError } from './options';

export interface StillRequest {
  width: number;
  height: number;
  view: string;
  overlays?: boolean;
  title?: string;
  region?: SiteRegion;
  /** show captions of treatments that started within this many simulated minutes (default 0: none) */
  captionMin?: number;
  /** what the clock counts from (default null: t = 0) */
  clock?: ClockRef | null;
}

/** Check a still's size: whole pixels from 16 to 4096 per side. */
export function checkStillSize(width: unknown, height: unknown): void {
  const p: string[] = [];
  for (const [k, v] of [
    ['width', width],
    ['height', height],
  ] as const) {
    if (!(typeof v === 'number' && Number.isInteger(v) && v >= 16 && v <= MAX_SIDE))
      p.push(`${k}: a still is a whole number of pixels from 16 to ${MAX_SIDE} per side, got ${String(v)}`);
  }
  if (p.length) throw new RecordOptionError(p);
}

/** Draw the lattice now on a new canvas (the still's pixels), with overlays. */
export function drawStill(st: SimState, sc: ResolvedScenario, t_min: number, req: StillRequest): OffscreenCanvas {
  checkStillSize(req.width, req.height);
  const canvas = new OffscreenCanvas(req.width, req.height);
  const comp = new Compositor(
    context2d(canvas),
    {
      width: req.width,
      height: req.height,
      view: viewById(req.view),
      site_um: sc.lattice.site_um,
      overlays: req.overlays ?? true,
      title: req.title ?? '',
      region: req.region,
      clock: req.clock ?? null,
    },
    sc.lattice,
  );
  const caps = req.captionMin ? activeCaptions(treatmentCaptions(sc, 0, req.clock ?? null), t_min, req.captionMin) : [];
  comp.draw(st, t_min, caps);
  return canvas;
}

/** A PNG of the lattice now. */
export async function stillPng(st: SimState, sc: ResolvedScenario, t_min: number, req: StillRequest): Promise<Blob> {
  return drawStill(st, sc, t_min, req).convertToBlob({ type: 'image/png' });
}

/** The live plots as one SVG figure: cells over time, the mean of `meanVar`, the front position. */
/** The live plots' series (the sandbox's FatePlot and TracePlots hold these shapes). */
export interface FateSeries {
  t_min: number[];
  alive: number[];
  dying: number[];
  dead: number[];
}
export interface TraceSeries {
  t_min: number[];
  means: Record<string, number[]>;
  front_um: Array<number | null>;
}

export function plotsSvg(fate: FateSeries, traces: TraceSeries, meanVar: { name: string; label: string; unit: string }, title: string): string {
  const colours = { alive: [0, 114, 178], dying: [240, 228, 66], dead: [140, 50, 20] } as const;
  const panels: string[] = [];
  panels.push(
    lineChart({
      title: `${title ? `${title}: ` : ''}cells over simulated time`,
      x: { label: 'simulated time', unit: 'h' },
      y: { label: 'cells', unit: 'count' },
      series: (['alive', 'dying', 'dead'] as const).map((k) => ({
        name: k,
        color: rgbCss(colours[k]),
        points: fate.t_min.map((t, i) => [t / 60, fate[k][i]] as const),
      })),
    }),
  );
  const ys = traces.means[meanVar.name] ?? [];
  panels.push(
    lineChart({
      title: `mean ${meanVar.label} over living cells`,
      x: { label: 'simulated time', unit: 'h' },
      y: { label: `mean ${meanVar.name}`, unit: meanVar.unit },
      series: [{ name: meanVar.name, color: '#56b4e9', points: traces.t_min.map((t, i) => [t / 60, ys[i]] as const).filter(([, y]) => Number.isFinite(y)) }],
    }),
  );
  panels.push(
    lineChart({
      title: 'death front beyond the wave origin',
      x: { label: 'simulated time', unit: 'h' },
      y: { label: 'front position', unit: 'um' },
      series: [
        {
          name: 'front',
          color: '#e69f00',
          points: traces.t_min.flatMap((t, i) => (traces.front_um[i] === null ? [] : [[t / 60, traces.front_um[i] as number] as const])),
        },
      ],
    }),
  );
  // stack the panels; each chart's clip path id made unique
  let y = 0;
  let width = 0;
  const parts: string[] = [];
  panels.forEach((svg, k) => {
    const w = Number(svg.match(/width="(\d+(?:\.\d+)?)"/)?.[1] ?? 600);
    const h = Number(svg.match(/height="(\d+(?:\.\d+)?)"/)?.[1] ?? 400);
    parts.push(
      svg
        .replace('<svg ', `<svg x="0" y="${y}" `)
        .replace(/id="plot"/g, `id="plot${k}"`)
        .replace(/url\(#plot\)/g, `url(#plot${k})`),
    );
    y += h;
    width = Math.max(width, w);
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${y}" viewBox="0 0 ${width} ${y}">\n<rect width="${width}" height="${y}" fill="#ffffff"/>\n${parts.join('')}</svg>\n`;
}

/** Rasterise an SVG string to a PNG at `scale` (the browser's own SVG renderer, through an <img>). */
export async function svgToPng(svg: string, scale = 2): Promise<Blob> {
  const w = Number(svg.match(/width="(\d+(?:\.\d+)?)"/)?.[1] ?? 600);
  const h = Number(svg.match(/height="(\d+(?:\.\d+)?)"/)?.[1] ?? 400);
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await img.decode();
  const canvas = new OffscreenCanvas(Math.round(w * scale), Math.round(h * scale));
  const g = canvas.getContext('2d');
  if (!g) throw new Error('no 2D canvas context in this browser');
  g.drawImage(img, 0, 0, canvas.width, canvas.height);
  return canvas.convertToBlob({ type: 'image/png' });
}
