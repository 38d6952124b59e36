// Why this file exists: the cell inspector beside the lattice: the selected site's variables and
// history (replayed from t = 0 in a worker when it is selected), the level of each drug of the
// scenario there, the marker that follows the site through pans and zooms, and the close button.
import type { Simulation } from '../model/simulation';
import type { LatticeRenderer } from '../render/lattice-renderer';
import type { SimController } from './controller';
import { byId } from './dom';
import { type DrugLevels, leveledAgents } from './drug-levels';
import { CellInspector } from './inspector';
import { replaySite } from './site-replay';
import type { WorkerHandle } from '../engine/engine';
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

/** how the history replay steps: workers (0: the page's thread) and how to start them */
export interface ReplayWorkers {
  workers: number;
  spawn?: () => WorkerHandle;
}

export function mountInspectorPanel(controller: SimController, renderer: LatticeRenderer, levels: DrugLevels, replay: ReplayWorkers): InspectorPanel {
  const inspector = new CellInspector(byId('inspector'), byId('inspect-history'));
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
  /** the replay running now: cancelled by a new selection, a close, a new simulation */
  let replayId = 0;
  const startReplay = () => {
    const s = inspector.selected;
    const id = ++replayId;
    if (!s || !controller.sim) return;
    const sim = controller.sim;
    const untilStep = sim.stepIndex();
    const until_min = sim.time();
    if (untilStep === 0) return;
    inspector.replayNote = 'replaying the run from t = 0…';
    const cancelled = () => id !== replayId;
    replaySite({
      raw: controller.rawScenario(),
      seed: controller.seed,
      i: s.i,
      untilStep,
      everySteps: Math.max(1, Math.round(sim.scenario.output.sample_every_min / sim.dt)),
      workers: replay.workers,
      spawn: replay.spawn,
      cancelled,
      onProgress: (f) => {
        if (!cancelled()) inspector.replayNote = `replaying the run from t = 0: ${(100 * f).toFixed(0)} %`;
      },
    })
      .then((h) => {
        if (!h || cancelled()) return;
        inspector.replayNote = '';
        if (!inspector.prepend(h, until_min)) inspector.replayNote = 'the run changed during the replay: history since the selection';
        if (controller.sim) inspector.render(controller.sim.state);
      })
      .catch((e) => {
        if (!cancelled()) inspector.replayNote = `replay failed: ${e instanceof Error ? e.message : String(e)}`;
      });
  };
  closeBtn.addEventListener('click', () => {
    replayId++;
    inspector.selected = null;
    inspector.render(null);
    placeMarker();
  });

  return {
    inspector,
    select: (x_um, y_um) => {
      if (!controller.sim) return;
      inspector.select(controller.sim.state, x_um, y_um, controller.sim.time());
      startReplay();
      inspector.render(controller.sim.state);
      placeMarker();
    },
    restart: (sim) => {
      replayId++;
      inspector.reset(sim.scenario.output.sample_every_min, sim.scenario.lattice.site_um);
      inspector.render(null);
      marker.hidden = true;
    },
    placeMarker,
  };
}
