// Why this file exists: shows where regional treatments act, drawn over the lattice as outlines
// in screen space (an SVG above the canvas that follows zoom and pan), plus the brush stroke or
// rectangle being drawn. The lattice texture itself stays a picture of the cells only.
import type { Region } from '../model/scenario';

export interface ScreenMap {
  /** canvas pixels per um */
  pxPerUm(): number;
  /** canvas pixel of the point (0 um, 0 um) */
  originPx(): { px: number; py: number };
}

const NS = 'http://www.w3.org/2000/svg';

export class RegionOverlay {
  private readonly svg: SVGSVGElement;
  private regions: Array<{ region: Region; colour: string; label: string }> = [];
  private draft: Region | null = null;

  constructor(
    host: HTMLElement,
    private readonly map: ScreenMap,
  ) {
    this.svg = document.createElementNS(NS, 'svg');
    this.svg.setAttribute('id', 'region-overlay');
    this.svg.style.cssText = 'position:absolute;inset:0;width:100%;height:100%;pointer-events:none;';
    host.appendChild(this.svg);
  }

  /** the regional treatments to outline (replaces the previous list) */
  setRegions(list: Array<{ region: Region; colour: string; label: string }>): void {
    this.regions = list;
    this.draw();
  }

  /** the region being drawn with the mouse, or null */
  setDraft(r: Region | null): void {
    this.draft = r;
    this.draw();
  }

  draw(): void {
    const k = this.map.pxPerUm();
    const o = this.map.originPx();
    const X = (x: number) => o.px + x * k;
    const Y = (y: number) => o.py + y * k;
    this.svg.replaceChildren();
    const shape = (r: Region, colour: string, dashed: boolean, title: string) => {
      const g = document.createElementNS(NS, 'g');
      g.setAttribute('fill', dashed ? 'none' : colour);
      g.setAttribute('fill-opacity', dashed ? '0' : '0.25');
      g.setAttribute('stroke', colour);
      g.setAttribute('stroke-width', '1.5');
      if (dashed) g.setAttribute('stroke-dasharray', '5 4');
      const t = document.createElementNS(NS, 'title');
      t.textContent = title;
      g.appendChild(t);
      const add = (el: SVGElement) => g.appendChild(el);
      if (r.disc) {
        const c = document.createElementNS(NS, 'circle');
        c.setAttribute('cx', String(X(r.disc.x_um)));
        c.setAttribute('cy', String(Y(r.disc.y_um)));
        c.setAttribute('r', String(r.disc.r_um * k));
        add(c);
      } else if (r.rect) {
        const e = document.createElementNS(NS, 'rect');
        e.setAttribute('x', String(X(r.rect.x_um)));
        e.setAttribute('y', String(Y(r.rect.y_um)));
        e.setAttribute('width', String(r.rect.width_um * k));
        e.setAttribute('height', String(r.rect.height_um * k));
        add(e);
      } else if (r.stroke) {
        // the stroke as a thick round-capped path: its outline is what the discs cover
        const p = document.createElementNS(NS, 'path');
        const pts = r.stroke.points_um;
        p.setAttribute('d', pts.map(([x, y], i) => `${i ? 'L' : 'M'}${X(x).toFixed(1)} ${Y(y).toFixed(1)}`).join(' ') + (pts.length === 1 ? ' l0.01 0' : ''));
        p.setAttribute('fill', 'none');
        p.setAttribute('stroke-width', String(2 * r.stroke.r_um * k));
        p.setAttribute('stroke-linecap', 'round');
        p.setAttribute('stroke-linejoin', 'round');
        p.setAttribute('stroke-opacity', '0.3');
        add(p);
      }
      this.svg.appendChild(g);
    };
    for (const r of this.regions) shape(r.region, r.colour, true, r.label);
    if (this.draft) shape(this.draft, '#f0e442', false, 'being drawn');
  }
}
