// Why this file exists: what the lattice shows and at what zoom: the view selector (cell fate, a
// variable's or a field's colour map, or the level of each drug of the running scenario) with its
// legend, "fit to window", and the scale bar that follows the zoom.
import type { ResolvedScenario } from '../model/scenario';
import type { LatticeRenderer } from '../render/lattice-renderer';
import { renderLegend, updateScaleBar } from '../render/overlays';
import { drugView, VIEWS, type View } from '../render/views';
import { byId } from './dom';
import { type DrugLevels, leveledAgents } from './drug-levels';

export interface ViewControls {
  /** redraw the scale bar for the current zoom */
  refreshScale(): void;
  /** the running scenario changed (a treatment added, another scenario): offer a view of each of its drugs */
  setScenario(sc: ResolvedScenario): void;
  /** the views offered now */
  views(): readonly View[];
}

const optionLabel = (v: View) => (v.kind === 'fate' ? v.label : `${v.label} (${v.unit})`);

export function mountViewControls(renderer: LatticeRenderer, params: URLSearchParams, levels: DrugLevels): ViewControls {
  const viewSel = byId<HTMLSelectElement>('view');
  const fitBtn = byId<HTMLButtonElement>('fit');
  const legendEl = byId('legend');
  const scaleBar = byId('scalebar-bar');
  const scaleLabel = byId('scalebar-label');

  let offered: View[] = [...VIEWS];
  /** a view asked for in the URL that the scenario may offer once loaded (a drug's) */
  let wanted = params.get('view');
  let drugKey = '';
  const fill = () => {
    const keep = viewSel.value;
    viewSel.replaceChildren();
    const base = document.createElement('optgroup');
    base.label = 'cells and fields';
    for (const v of VIEWS) base.append(new Option(optionLabel(v), v.id));
    viewSel.append(base);
    const drugs = offered.filter((v) => v.kind === 'drug');
    if (drugs.length) {
      const g = document.createElement('optgroup');
      g.label = 'drugs of this scenario';
      for (const v of drugs) g.append(new Option(optionLabel(v), v.id));
      viewSel.append(g);
    }
    viewSel.value = offered.some((v) => v.id === keep) ? keep : 'fate';
  };
  const refreshLegend = () => renderLegend(legendEl, renderer.view);
  const show = (id: string) => {
    const v = offered.find((x) => x.id === id) ?? offered[0];
    viewSel.value = v.id;
    renderer.setView(v);
    refreshLegend();
  };
  viewSel.addEventListener('change', () => {
    wanted = null;
    show(viewSel.value);
  });
  fitBtn.addEventListener('click', () => renderer.fit());
  fill();
  show(wanted && offered.some((v) => v.id === wanted) ? wanted : 'fate');

  return {
    refreshScale: () => updateScaleBar(scaleBar, scaleLabel, renderer.pxPerUm()),
    setScenario: (sc) => {
      const agents = leveledAgents(sc);
      const key = agents.join(',');
      if (key === drugKey) return;
      drugKey = key;
      offered = [...VIEWS, ...agents.map((a) => drugView(a, (st) => levels.levels(a, st)))];
      const current = wanted ?? viewSel.value;
      fill();
      // the drug shown may be gone (another scenario): back to the cell fate
      show(offered.some((v) => v.id === current) ? current : 'fate');
    },
    views: () => offered,
  };
}
