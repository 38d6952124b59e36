// Why this file exists: the sandbox page, composed: each part of the page is mounted by its own
// file (scenario picker, run controls, views, treatments, plots, inspector, model editor,
// checkpoints, the dose-response, save and share, record dialog, the draw loop with its readouts,
// the first-visit card and the end-of-run card) and this file wires
// them to the simulation controller (stepping in Web Workers) and the pixi renderer (drawing on
// requestAnimationFrame from the shared state, decoupled from stepping), then loads the first
// scenario: a shared link (#s=...) or the preset of the URL.
import { hashBuffer } from '../analysis/hash';
import type { WorkerHandle } from '../engine/engine';
import type { RunWorker } from '../engine/whole-run';
import { decodeShareHash, describeImportError } from '../io/scenario-text';
import type { ResolvedScenario } from '../model/scenario';
import { createLatticeRenderer, type LatticeRenderer } from '../render/lattice-renderer';
import { mountCheckpointsPanel, type SavedCheckpoint, type BranchAdd } from './checkpoints-panel';
import { type CompareView, mountCompareView } from './compare-view';
import { type ComparisonPresetPanel, mountComparisonPresetPanel } from './comparison-preset-panel';
import { SimController } from './controller';
import { byId } from './dom';
import { type DosePanel, mountDosePanel } from './dose-panel';
import { DrugLevels } from './drug-levels';
import { mountErrorBox } from './error-box';
import { type AppStats, startFrameLoop } from './frame-loop';
import type { CellInspector } from './inspector';
import { mountInspectorPanel } from './inspector-panel';
import { type IntroPanel, mountIntroPanel } from './intro-panel';
import { mountLatticeClicks } from './lattice-clicks';
import { ModelEditor } from './model-editor';
import { intSetting } from './page-settings';
import type { FatePlot } from './plot';
import { mountPlotsPanel } from './plots-panel';
import { mountRecordDialog, type RecordApi } from './record-dialog';
import { RegionOverlay } from './region-overlay';
import { mountRunControls } from './run-controls';
import { mountRunEndCard, type RunEndCard } from './run-end';
import { mountScenarioPicker } from './scenario-picker';
import { mountSharePanel } from './share-panel';
import { watchState } from './state-watch';
import { openAt, sharedTime } from './shared-moment';
import { TRACE_VARS, type TracePlots } from './trace-plots';
import { TreatmentPanel } from './treatment-panel';
import { mountViewControls } from './view-controls';

export type { BranchAdd, SavedCheckpoint } from './checkpoints-panel';
export { type AppStats, countStatus } from './frame-loop';

export interface AppOptions {
  spawn: () => WorkerHandle;
  /** starts a run worker (whole runs in their own thread: the dose-response's); absent, those run in the page's thread */
  spawnRun?: () => RunWorker;
  /** initial settings (e.g. from the URL): preset, seed, workers, speed, view, play, fps (cap on drawn frames per second) */
  params?: URLSearchParams;
  /** location.hash: `#s=...` carries a shared scenario (validated; a bad one shows an error and the default preset runs) */
  hash?: string;
  /** called with the new hash when "copy link" is pressed (main.ts puts it in the address bar) */
  onShare?: (hash: string) => void;
}

export interface SandboxApp {
  controller: SimController;
  renderer: LatticeRenderer;
  /** the live alive / dying / dead plot */
  plot: FatePlot;
  /** live means of a chosen variable and the front's position and speed */
  traces: TracePlots;
  /** the treatment form, brush and timeline */
  treatments: TreatmentPanel;
  /** parameter and subclone editing */
  editor: ModelEditor;
  /** the cell inspector (a click with the mouse on "click: inspect a cell" selects a site) */
  inspector: CellInspector;
  /** the "what you are seeing / try this" card */
  intro: IntroPanel;
  /** the card announcing the end of the scenario */
  runEnd: RunEndCard;
  /** branches from a checkpoint side by side */
  compare: CompareView;
  /** the comparison presets: run(name) loads the base preset, runs it to the checkpoint and compares the branches */
  comparisonPresets: ComparisonPresetPanel;
  /** an agent's dose-response: wave speed and deaths against the dose, beside the published points */
  dose: DosePanel;
  /** checkpoints saved so far, oldest first */
  checkpoints: SavedCheckpoint[];
  /** save a checkpoint (as the button does) */
  saveCheckpoint(): Promise<SavedCheckpoint>;
  /** branch from a checkpoint (as its button does), adding `add` from the checkpoint's time; false (error shown) if invalid */
  branch(cp: SavedCheckpoint, add?: BranchAdd): Promise<boolean>;
  stats(): AppStats;
  /** fingerprint of the full simulation state now (hashBuffer of the shared buffer), as the CLI's determinism tests compute it */
  stateHash(): string;
  /** resolves once the first simulation is loaded; rejects with the error shown when it could not be */
  ready: Promise<void>;
  /** the running scenario as the CLI's resolved JSON (treatments added here included, seed, ferrowave_version) */
  exportScenario(): ResolvedScenario;
  /** the `#s=...` hash that shares the running scenario */
  shareHash(): string;
  /** load scenario JSON text (as the import button does); false (error shown, run untouched) when malformed or invalid */
  importText(text: string): Promise<boolean>;
  /** stop drawing and stepping, free the workers and the renderer */
  dispose(): void;
  /** a frame-exact video, a PNG still, the plots as SVG + PNG (src/ui/record-dialog.ts) */
  record: RecordApi['record'];
  still: RecordApi['still'];
  figures: RecordApi['figures'];
}

export async function startApp(opts: AppOptions): Promise<SandboxApp> {
  const params = opts.params ?? new URLSearchParams();
  const errors = mountErrorBox(byId('error'));
  const renderer = await createLatticeRenderer(byId('canvas-host'));
  const controller = new SimController({ workers: intSetting(params, 'workers', 1, 4, 2), spawn: opts.spawn });
  controller.onError = errors.show;

  const picker = mountScenarioPicker(controller, params, errors);
  const run = mountRunControls(controller, params, { errors, reset: () => void picker.load() });
  const intro = mountIntroPanel(params, opts.hash ?? '');
  // the lattice is fitted beside the first-visit card, not under it
  intro.onCover = (px) => renderer.reserveRight(px);
  picker.onDescription = () => intro.setDescription(picker.description());
  intro.setDescription(picker.description());
  const runEnd = mountRunEndCard(controller, run, () => void picker.load());
  controller.onEnd = runEnd.announce;
  const levels = new DrugLevels(() => controller.sim ?? null);
  const views = mountViewControls(renderer, params, levels);
  // at each sample the state is scanned for garbage: the first pauses the run and says where
  const watch = watchState(controller, errors);
  const plots = mountPlotsPanel(controller, () => void watch());
  const inspect = mountInspectorPanel(controller, renderer, levels, { workers: 1, spawn: opts.spawn });
  const mouseMode = byId<HTMLSelectElement>('mouse-mode');
  const overlay = new RegionOverlay(byId('stage'), {
    pxPerUm: () => renderer.pxPerUm(),
    originPx: () => ({ px: renderer.camera().x, py: renderer.camera().y }),
  });
  const treatments = new TreatmentPanel(byId('treat-form'), byId('treatment-list'), mouseMode, {
    controller,
    renderer,
    overlay,
    showError: errors.show,
    clearError: errors.clear,
  });
  const editor = new ModelEditor(byId('model-editor'), {
    current: () => controller.rawScenario(),
    apply: (raw) => picker.restartWith(raw),
  });
  const checkpoints = mountCheckpointsPanel({ controller, errors, picker, plots, inspector: inspect.inspector, editor, treatments });
  const compare = mountCompareView({
    controller,
    errors,
    checkpoints: () => checkpoints.checkpoints,
    saveCheckpoint: checkpoints.save,
    viewId: () => renderer.view.id,
    meanVar: () => {
      const name = byId<HTMLSelectElement>('trace-var').value;
      return { name, unit: TRACE_VARS.find((v) => v.name === name)?.unit ?? '' };
    },
    spawn: opts.spawn,
    speed: () => controller.speed,
  });
  const dose = mountDosePanel({
    controller,
    errors,
    spawnRun: opts.spawnRun,
    loadedName: () => byId<HTMLSelectElement>('preset').selectedOptions[0]?.text ?? controller.scenario.name,
  });
  // a comparison shows above the dose-response's results, and the first-visit card (which would
  // cover its table) closes: starting one is past the first minute
  const beforeCompare = () => {
    dose.close();
    if (intro.open) intro.dismiss();
  };
  byId('compare-start').addEventListener('click', beforeCompare);
  const comparisonPresets = mountComparisonPresetPanel({
    controller,
    errors,
    picker,
    compare,
    saveCheckpoint: checkpoints.save,
    beforeStart: beforeCompare,
  });
  const share = mountSharePanel({ controller, errors, loadResolved: picker.loadResolved, onShare: opts.onShare });
  mountLatticeClicks({ renderer, controller, mouseMode, errors, inspect: inspect.select, refreshTreatments: () => treatments.refresh() });
  const loop = startFrameLoop({
    controller,
    renderer,
    params,
    onReadout: (sim) => {
      plots.draw();
      inspect.inspector.render(sim.state);
    },
    onFrame: () => {
      if (inspect.inspector.selected) inspect.placeMarker();
    },
  });

  renderer.onCamera = () => {
    views.refreshScale();
    overlay.draw();
  };
  controller.onSimulation = (sim, fresh) => {
    renderer.setState(sim.state, sim.scenario.lattice.site_um);
    if (fresh) {
      loop.autoFps(sim.state.n);
      editor.sync();
      renderer.fit();
      inspect.restart(sim);
      plots.restart(sim);
    }
    picker.showLattice(sim.scenario);
    views.setScenario(sim.scenario);
    plots.setDuration(sim.scenario.duration_min);
    treatments.refresh();
    views.refreshScale();
    dose.refresh();
  };
  // sampled here: after a step or an advance, before the next one starts (the state is consistent)
  controller.onChange = () => {
    run.refresh();
    runEnd.refresh();
    if (controller.sim) {
      plots.sample(controller.sim);
      inspect.inspector.sample(controller.sim.state, controller.sim.time());
    }
  };

  // a shared link wins over ?preset=; a bad one is reported and the preset runs
  let shared: ResolvedScenario | null = null;
  let linkError: string | null = null;
  try {
    shared = decodeShareHash(opts.hash ?? '');
  } catch (e) {
    linkError = `${describeImportError(e, 'link')}\n(running the ${picker.preset()} preset instead)`;
  }
  const ready = (shared ? picker.loadResolved(shared, 'shared link') : picker.load()).then(async (ok) => {
    // the error is on the page already; a caller waiting for the sandbox hears of it too
    if (!ok) {
      const e = picker.loadError();
      throw e instanceof Error ? e : new Error(String(e));
    }
    if (linkError) errors.show(new Error(linkError));
    // a link opens at the moment it was shared (the run replayed to it)
    const at = shared ? sharedTime(opts.hash ?? '') : null;
    if (at !== null) await openAt(controller, at);
    if (params.get('play') === '1') controller.play();
  });
  const app: SandboxApp = {
    controller,
    renderer,
    plot: plots.plot,
    traces: plots.traces,
    treatments,
    editor,
    inspector: inspect.inspector,
    intro,
    runEnd,
    compare,
    comparisonPresets,
    dose,
    checkpoints: checkpoints.checkpoints,
    saveCheckpoint: checkpoints.save,
    branch: checkpoints.branch,
    stats: loop.stats,
    stateHash: () => hashBuffer(controller.sim.state.buffer),
    ready,
    exportScenario: share.exportScenario,
    shareHash: share.shareHash,
    importText: (text) => share.importText(text),
    dispose: () => {
      compare.end();
      dose.dispose();
      loop.stop();
      controller.dispose();
      renderer.destroy();
    },
    record: (req, o) => rec.record(req, o),
    still: (req) => rec.still(req),
    figures: (v) => rec.figures(v),
  };
  const rec = mountRecordDialog(byId('record-panel'), app);
  return app;
}
