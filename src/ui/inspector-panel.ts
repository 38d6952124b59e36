// Why this file exists: the cell inspector beside the lattice: the selected site's variables and
// history, the level of each drug of the scenario there, the marker that follows the site through
// pans and zooms, and the close button.
import type { Simulation } from '../model/simulation';
import type { LatticeRenderer } from '../render/lattice-renderer';
import type { SimController } from './controller';
import { byId } from './dom';
import { type DrugLevels, leveledAgents } from './drug-levels';
import { CellInspector } from './inspector';
import { AGENTS } from '../model/agents';

export interface InspectorPanel {
  inspector: CellInspector;
  /** select the site at (x_um, y_um) of the running simulation and show it */
  select(x_um: number, y_um: number): void;
  /** a fresh simulation: its history interval and site size, nothing selected */
  restart(sim: Simulation): void;
  /** put the marker on the selected site (hidden without one) */
  placeMarker(): void;
}

export function mountInspectorPanel(controller: SimController, renderer: LatticeRenderer, levels: DrugLevels): InspectorPanel {
  const inspector = new CellInspector(byId('inspector'), byId<HTMLCanvasElement>('inspect-history'));
  inspector.drugRows = (i) =>
    controller.sim
      ? leveledAgents(controller.scenario).map((a) => {
          const source = levels.source(a);
          return {
            name: a,
            value: levels.levels(a)?.[i] ?? 0,
            unit: AGENTS[a].unit,
            doc:
              source === 'tissue'
                ? `${AGENTS[a].name} in the tissue here (it diffuses from the vessels and where it was painted)`
                : `${AGENTS[a].name} applied here now (the dose of its treatments that cover this site)`,
          };
        })
      : [];
  const closeBtn = byId<HTMLButtonElement>('inspect-close');
  const marker = byId('inspect-marker');

  const placeMarker = () => {
    const s = inspector.selected;
    marker.hidden = !s;
    if (!s) return;
    const a = renderer.siteToScreen(s.x, s.y);
    const size = Math.max(6, renderer.camera().scale);
    marker.style.left = `${a.px - size / 2 - 2}px`;
    marker.style.top = `${a.py - size / 2 - 2}px`;
    marker.style.width = `${size + 4}px`;
    marker.style.height = `${size + 4}px`;
  };
  closeBtn.addEventListener('click', () => {
    inspector.selected = null;
    inspector.render(null);
    placeMarker();
  });

  return {
    inspector,
    select: (x_um, y_um) => {
      if (!controller.sim) return;
      inspector.select(controller.sim.state, x_um, y_um, controller.sim.time());
      inspector.render(controller.sim.state);
      placeMarker();
    },
    restart: (sim) => {
      inspector.reset(sim.scenario.output.sample_every_min, sim.scenario.lattice.site_um);
      inspector.render(null);
      marker.hidden = true;
    },
    placeMarker,
  };
}
