// Why this file exists: what the lattice shows and at what zoom: the view selector (cell fate or a
// variable's colour map) with its legend, "fit to window", and the scale bar that follows the zoom.
import type { LatticeRenderer } from '../render/lattice-renderer';
import { renderLegend, updateScaleBar } from '../render/overlays';
import { VIEWS, viewById } from '../render/views';
import { byId } from './dom';

export interface ViewControls {
  /** redraw the scale bar for the current zoom */
  refreshScale(): void;
}

export function mountViewControls(renderer: LatticeRenderer, params: URLSearchParams): ViewControls {
  const viewSel = byId<HTMLSelectElement>('view');
  const fitBtn = byId<HTMLButtonElement>('fit');
  const legendEl = byId('legend');
  const scaleBar = byId('scalebar-bar');
  const scaleLabel = byId('scalebar-label');

  for (const v of VIEWS) viewSel.add(new Option(v.kind === 'fate' ? v.label : `${v.label} (${v.unit})`, v.id));
  viewSel.value = VIEWS.some((v) => v.id === params.get('view')) ? (params.get('view') as string) : 'fate';

  const refreshLegend = () => renderLegend(legendEl, renderer.view);
  viewSel.addEventListener('change', () => {
    renderer.setView(viewById(viewSel.value));
    refreshLegend();
  });
  fitBtn.addEventListener('click', () => renderer.fit());
  renderer.setView(viewById(viewSel.value));
  refreshLegend();

  return { refreshScale: () => updateScaleBar(scaleBar, scaleLabel, renderer.pxPerUm()) };
}
