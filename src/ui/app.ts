// Why this file exists: wires the sandbox page together: the controls in index.html, the
// simulation controller (stepping in Web Workers) and the pixi renderer (drawing on
// requestAnimationFrame from the shared state, decoupled from stepping), plus the live readouts:
// clock, counts, legend, scale bar, treatments, fps and steps/s.
import { hashBuffer } from '../analysis/hash';
import type { WorkerHandle } from '../engine/engine';
import { STATUS_NAMES } from '../model/layout';
import { PRESET_NAMES, PRESETS } from '../model/presets';
import { type ResolvedScenario, ScenarioError } from '../model/scenario';
import { rgbCss } from '../render/colormaps';
import { createLatticeRenderer, type LatticeRenderer } from '../render/lattice-renderer';
import { formatClock, formatLength, renderLegend, updateScaleBar } from '../render/overlays';
import { VIEWS, viewById } from '../render/views';
import { type Checkpoint, type RawScenario, type RawTreatment, SimController } from './controller';
import { CellInspector } from './inspector';
import { ModelEditor } from './model-editor';
import { mountRecordDialog, type RecordApi } from './record-dialog';
import { FatePlot, PLOT_LINES } from './plot';
import { RegionOverlay } from './region-overlay';
import { decodeShareHash, describeImportError, encodeShareHash, exportScenario, parseScenarioText } from '../io/scenario-text';
import { type TraceSeries, TracePlots } from './trace-plots';
import { TreatmentPanel } from './treatment-panel';

export interface AppOptions {
  spawn: () => WorkerHandle;
  /** initial settings (e.g. from the URL): preset, seed, workers, speed, view, play, fps (cap on drawn frames per second) */
  params?: URLSearchParams;
  /** location.hash: `#s=...` carries a shared scenario (validated; a bad one shows an error and the default preset runs) */
  hash?: string;
  /** called with the new hash when "copy link" is pressed (main.ts puts it in the address bar) */
  onShare?: (hash: string) => void;
}

export interface AppStats {
  /** frames drawn per second (last second) */
  fps: number;
  /** simulation steps per second (last second) */
  stepsPerSec: number;
  step: number;
  t_min: number;
  playing: boolean;
  counts: number[];
  /** which code runs the hot loops on the workers: 'wasm-simd', 'typescript' (no WebAssembly SIMD here) or '' before loading */
  kernel: string;
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
  /** the cell inspector (a click with "click fires a light pulse" unchecked selects a site) */
  inspector: CellInspector;
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

/** what a branch adds, from the checkpoint's time on */
export interface BranchAdd {
  erastin_uM?: number;
  rsl3_uM?: number;
}

/** a checkpoint with what the page needs to restore it: the preset selector and the plot so far */
export interface SavedCheckpoint extends Checkpoint {
  preset: string;
  plot: { t_min: number[]; alive: number[]; dying: number[]; dead: number[] };
  traces: TraceSeries;
}

/** the preset selector's entry for a scenario that came from a file or a link */
const CUSTOM = '(imported)';

const $ = <T extends HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`index.html lacks #${id}`);
  return el as T;
};

/** Count sites by status code (0..5). */
export function countStatus(status: Uint8Array, out = new Array<number>(STATUS_NAMES.length).fill(0)): number[] {
  out.fill(0);
  const c = new Int32Array(8);
  for (let i = 0; i < status.length; i++) c[status[i] & 7]++;
  for (let k = 0; k < out.length; k++) out[k] = c[k];
  return out;
}

export async function startApp(opts: AppOptions): Promise<SandboxApp> {
  const params = opts.params ?? new URLSearchParams();
  const presetSel = $<HTMLSelectElement>('preset');
  const seedIn = $<HTMLInputElement>('seed');
  const workersSel = $<HTMLSelectElement>('workers');
  const playBtn = $<HTMLButtonElement>('play');
  const stepBtn = $<HTMLButtonElement>('step');
  const resetBtn = $<HTMLButtonElement>('reset');
  const speedIn = $<HTMLInputElement>('speed');
  const speedVal = $('speed-val');
  const viewSel = $<HTMLSelectElement>('view');
  const fpsSel = $<HTMLSelectElement>('max-fps');
  const mouseMode = $<HTMLSelectElement>('mouse-mode');
  const fitBtn = $<HTMLButtonElement>('fit');
  const clockEl = $('clock');
  const countsEl = $('counts');
  const listEl = $('treatment-list');
  const errorEl = $('error');
  const perfEl = $('perf');
  const legendEl = $('legend');
  const scaleBar = $('scalebar-bar');
  const scaleLabel = $('scalebar-label');
  const infoEl = $('lattice-info');
  const exportBtn = $<HTMLButtonElement>('export');
  const importIn = $<HTMLInputElement>('import');
  const shareBtn = $<HTMLButtonElement>('share');
  const linkOut = $<HTMLInputElement>('share-link');
  const plot = new FatePlot($<HTMLCanvasElement>('plot'));
  const plotKey = $('plot-key');
  const traces = new TracePlots($<HTMLCanvasElement>('trace-mean'), $<HTMLSelectElement>('trace-var'), $<HTMLCanvasElement>('trace-front'), $('front-readout'));
  plot.onSample = (st, t, c) => {
    if (controller.sim) traces.record(st, controller.scenario, t, c);
  };
  const inspector = new CellInspector($('inspector'), $<HTMLCanvasElement>('inspect-history'));
  const inspectClose = $<HTMLButtonElement>('inspect-close');
  const marker = $('inspect-marker');
  const saveCpBtn = $<HTMLButtonElement>('save-checkpoint');
  const branchAddSel = $<HTMLSelectElement>('branch-add');
  const branchErastin = $<HTMLInputElement>('branch-erastin');
  const branchRsl3 = $<HTMLInputElement>('branch-rsl3');
  const cpListEl = $('checkpoint-list');
  for (const line of PLOT_LINES) {
    const span = document.createElement('span');
    span.style.color = rgbCss(line.rgb);
    span.textContent = `\u25ac ${line.key}  `;
    plotKey.appendChild(span);
  }
  plotKey.append('cells over simulated time');

  for (const name of PRESET_NAMES) presetSel.add(new Option(name, name));
  for (const v of VIEWS) viewSel.add(new Option(v.kind === 'fate' ? v.label : `${v.label} (${v.unit})`, v.id));
  for (const n of [1, 2, 3, 4]) workersSel.add(new Option(String(n), String(n)));
  const FPS_CHOICES = [5, 10, 20, 30, 60];
  for (const n of FPS_CHOICES) fpsSel.add(new Option(`${n} frames/s`, String(n)));

  const preset = params.get('preset') ?? PRESET_NAMES[0];
  presetSel.value = PRESET_NAMES.includes(preset) ? preset : PRESET_NAMES[0];
  const int = (s: string | null, lo: number, hi: number, def: number) => {
    const x = Number(s);
    return s !== null && Number.isInteger(x) && x >= lo && x <= hi ? x : def;
  };
  workersSel.value = String(int(params.get('workers'), 1, 4, 2));
  speedIn.value = String(int(params.get('speed'), 1, 50, 10));
  viewSel.value = VIEWS.some((v) => v.id === params.get('view')) ? (params.get('view') as string) : 'fate';

  const showError = (e: unknown) => {
    errorEl.textContent = e instanceof ScenarioError ? `invalid scenario:\n${e.message}` : e instanceof Error ? e.message : String(e);
    errorEl.hidden = false;
  };
  const clearError = () => {
    errorEl.textContent = '';
    errorEl.hidden = true;
  };

  const renderer = await createLatticeRenderer($('canvas-host'));
  const controller = new SimController({ workers: Number(workersSel.value), spawn: opts.spawn });
  controller.speed = Number(speedIn.value);
  controller.onError = showError;

  /** set once the frame-rate cap is known (below) */
  let autoFps: (sites: number) => void = () => {};
  const overlay = new RegionOverlay($('stage'), {
    pxPerUm: () => renderer.pxPerUm(),
    originPx: () => ({ px: renderer.camera().x, py: renderer.camera().y }),
  });
  const treatments = new TreatmentPanel($('treat-form'), listEl, mouseMode, { controller, renderer, overlay, showError, clearError });
  const refreshTreatments = () => treatments.refresh();
  const editor = new ModelEditor($('model-editor'), {
    current: () => controller.rawScenario(),
    apply: (raw) => restartWith(raw),
  });

  const refreshLegend = () => renderLegend(legendEl, renderer.view);
  const refreshScale = () => updateScaleBar(scaleBar, scaleLabel, renderer.pxPerUm());
  renderer.onCamera = () => {
    refreshScale();
    overlay.draw();
  };

  controller.onSimulation = (sim, fresh) => {
    renderer.setState(sim.state, sim.scenario.lattice.site_um);
    if (fresh) {
      autoFps(sim.state.n);
      editor.sync();
      renderer.fit();
      inspector.reset(sim.scenario.output.sample_every_min, sim.scenario.lattice.site_um);
      inspector.render(null);
      marker.hidden = true;
      plot.clear(sim.scenario.duration_min, sim.scenario.output.sample_every_min);
      traces.clear(sim.scenario.duration_min);
      plot.sample(sim.state, sim.time());
    }
    const { width, height, site_um } = sim.scenario.lattice;
    latW.value = String(width);
    latH.value = String(height);
    infoEl.textContent = `${width} x ${height} sites (${formatLength(width * site_um)} x ${formatLength(height * site_um)}), ${site_um} um per site`;
    refreshTreatments();
    refreshScale();
  };
  const refreshButtons = () => {
    playBtn.textContent = controller.playing ? 'pause' : 'play';
    const done = controller.sim ? controller.finished() : false;
    playBtn.disabled = done && !controller.playing;
    stepBtn.disabled = done || controller.playing;
  };
  // sampled here: after a step or an advance, before the next one starts (the state is consistent)
  controller.onChange = () => {
    refreshButtons();
    if (controller.sim) {
      plot.sample(controller.sim.state, controller.sim.time());
      inspector.sample(controller.sim.state, controller.sim.time());
    }
  };

  // the scenario that reset / seed changes reload: a preset, or one imported from a file or a link
  let base: RawScenario = PRESETS[presetSel.value];
  /** why the last load failed (shown in #error) */
  let loadError: unknown = null;
  const load = async (): Promise<boolean> => {
    const seed = Number(seedIn.value);
    loadError = null;
    try {
      if (!Number.isInteger(seed) || seed < 0) throw new Error(`seed must be an integer >= 0, got "${seedIn.value}"`);
      const lat = base.lattice as { width?: number; height?: number } | undefined;
      if (lat?.width && lat?.height) infoEl.textContent = `setting up ${(lat.width * lat.height).toLocaleString('en')} sites on the workers…`;
      await controller.load(base, seed);
      clearError();
      return true;
    } catch (e) {
      loadError = e;
      showError(e);
      return false;
    }
  };
  const selectCustom = () => {
    if (![...presetSel.options].some((o) => o.value === CUSTOM)) presetSel.add(new Option(CUSTOM, CUSTOM));
    presetSel.value = CUSTOM;
  };
  /** restart at t = 0 with an edited scenario; false (error shown, the previous one kept for reset) when invalid */
  const restartWith = async (raw: RawScenario): Promise<boolean> => {
    const previous = base;
    base = raw;
    selectCustom();
    if (await load()) return true;
    base = previous;
    return false;
  };
  /** switch to an already validated scenario (from a file or a link) */
  const loadResolved = async (sc: ResolvedScenario): Promise<boolean> => {
    base = sc as unknown as RawScenario;
    seedIn.value = String(sc.seed);
    selectCustom();
    return load();
  };

  presetSel.addEventListener('change', () => {
    if (presetSel.value === CUSTOM) return;
    base = PRESETS[presetSel.value];
    seedIn.value = String(PRESETS[presetSel.value].seed ?? 0);
    void load();
  });
  seedIn.addEventListener('change', () => void load());
  // lattice size: the running scenario (treatments added so far kept) on a new lattice, from t = 0
  const latW = $<HTMLInputElement>('lat-w');
  const latH = $<HTMLInputElement>('lat-h');
  const resize = async (): Promise<boolean> => {
    const W = Number(latW.value), H = Number(latH.value);
    if (!(Number.isInteger(W) && Number.isInteger(H) && W >= 1 && H >= 1 && W <= 2048 && H <= 2048)) {
      showError(new Error(`lattice: width and height must be whole numbers of sites from 1 to 2048 in the sandbox (got ${latW.value} x ${latH.value}; the CLI runs up to 8192)`));
      return false;
    }
    const raw = controller.rawScenario();
    return restartWith({ ...raw, lattice: { ...(raw.lattice as Record<string, unknown>), width: W, height: H } });
  };
  latW.addEventListener('change', () => void resize());
  latH.addEventListener('change', () => void resize());
  resetBtn.addEventListener('click', () => void load());
  workersSel.addEventListener('change', () => controller.setWorkers(Number(workersSel.value)).catch(showError));
  playBtn.addEventListener('click', () => (controller.playing ? controller.pause() : controller.play()));
  stepBtn.addEventListener('click', () => controller.step(1).catch(showError));
  const onSpeed = () => {
    controller.speed = Number(speedIn.value);
    speedVal.textContent = speedIn.value;
  };
  speedIn.addEventListener('input', onSpeed);
  onSpeed();
  viewSel.addEventListener('change', () => {
    renderer.setView(viewById(viewSel.value));
    refreshLegend();
  });
  fitBtn.addEventListener('click', () => renderer.fit());

  // --- save / share: validated before the running simulation is touched
  const doExport = () => exportScenario(controller.rawScenario());
  const shareHash = () => encodeShareHash(doExport());
  exportBtn.addEventListener('click', () => {
    try {
      const sc = doExport();
      const url = URL.createObjectURL(new Blob([`${JSON.stringify(sc, null, 2)}\n`], { type: 'application/json' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = 'scenario.json';
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (e) {
      showError(e);
    }
  });
  const importText = async (text: string, what = 'file'): Promise<boolean> => {
    let sc: ResolvedScenario;
    try {
      sc = parseScenarioText(text, what);
    } catch (e) {
      showError(new Error(describeImportError(e, what)));
      return false;
    }
    await loadResolved(sc);
    return true;
  };
  importIn.addEventListener('change', () => {
    const file = importIn.files?.[0];
    importIn.value = '';
    if (!file) return;
    file
      .text()
      .then((text) => importText(text, `file ${file.name}`))
      .catch(showError);
  });
  shareBtn.addEventListener('click', () => {
    try {
      const h = shareHash();
      const link = `${location.origin}${location.pathname}${location.search}${h}`;
      linkOut.value = link;
      linkOut.hidden = false;
      opts.onShare?.(h);
      navigator.clipboard?.writeText(link).then(
        () => {
          shareBtn.textContent = 'link copied';
          setTimeout(() => (shareBtn.textContent = 'copy link'), 1500);
        },
        () => linkOut.select(),
      );
    } catch (e) {
      showError(e);
    }
  });
  // --- cell inspector
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
  inspectClose.addEventListener('click', () => {
    inspector.selected = null;
    inspector.render(null);
    placeMarker();
  });

  // --- checkpoints and branches
  const checkpoints: SavedCheckpoint[] = [];
  const branchTreatments = (cp: Checkpoint, add: BranchAdd): RawTreatment[] => {
    const out: RawTreatment[] = [];
    if (add.erastin_uM !== undefined) out.push({ agent: 'erastin', uM: add.erastin_uM, start_min: cp.t_min });
    if (add.rsl3_uM !== undefined) out.push({ agent: 'rsl3', uM: add.rsl3_uM, start_min: cp.t_min });
    return out;
  };
  const branch = async (cp: SavedCheckpoint, add: BranchAdd = {}): Promise<boolean> => {
    try {
      await controller.branch(cp, branchTreatments(cp, add));
    } catch (e) {
      showError(e);
      return false;
    }
    clearError();
    base = cp.base;
    editor.sync();
    seedIn.value = String(cp.seed);
    if ([...presetSel.options].some((o) => o.value === cp.preset)) presetSel.value = cp.preset;
    // the plot as it was at the checkpoint, then on from there
    plot.clear(controller.scenario.duration_min, controller.scenario.output.sample_every_min);
    for (const k of Object.keys(cp.plot) as (keyof SavedCheckpoint['plot'])[]) plot.series[k].push(...cp.plot[k]);
    traces.clear(controller.scenario.duration_min);
    traces.series = structuredClone(cp.traces);
    plot.sample(controller.sim.state, controller.sim.time());
    inspector.sample(controller.sim.state, controller.sim.time());
    refreshTreatments();
    return true;
  };
  const formAdd = (): BranchAdd => {
    const v = branchAddSel.value;
    const num = (el: HTMLInputElement) => Number(el.value);
    return { erastin_uM: v.includes('erastin') ? num(branchErastin) : undefined, rsl3_uM: v.includes('rsl3') ? num(branchRsl3) : undefined };
  };
  const saveCheckpoint = async (): Promise<SavedCheckpoint> => {
    const cp = await controller.checkpoint();
    const saved: SavedCheckpoint = { ...cp, preset: presetSel.value, plot: structuredClone(plot.series), traces: structuredClone(traces.series) };
    checkpoints.push(saved);
    const li = document.createElement('li');
    const label = document.createElement('span');
    const n = saved.added.length;
    label.textContent = `#${saved.id} at ${formatClock(saved.t_min)} (seed ${saved.seed}${n ? `, ${n} added` : ''})`;
    const btn = document.createElement('button');
    btn.type = 'button';
    btn.textContent = 'branch';
    btn.title = 'continue from this checkpoint in a new simulation, adding the treatment chosen above';
    btn.addEventListener('click', () => void branch(saved, formAdd()));
    li.append(label, btn);
    cpListEl.appendChild(li);
    return saved;
  };
  saveCpBtn.addEventListener('click', () => saveCheckpoint().catch(showError));

  renderer.onClick = (p) => {
    if (mouseMode.value === 'paint') return;
    if (mouseMode.value === 'inspect') {
      if (!controller.sim) return;
      inspector.select(controller.sim.state, p.x_um, p.y_um, controller.sim.time());
      inspector.render(controller.sim.state);
      placeMarker();
      return;
    }
    controller
      .lightPulse(p.x_um, p.y_um)
      .then(() => {
        clearError();
        refreshTreatments();
      })
      .catch(showError);
  };

  // --- render loop: independent of stepping, reads the shared state
  let lastStep = -1;
  let frames = 0;
  let stepsMark = 0;
  let markTime = performance.now();
  let lastReadout = 0;
  let lastDraw = 0;
  let rafId = 0;
  let disposed = false;
  // a cap on drawn frames: in software GL drawing competes with the workers for the CPU
  const fps0 = int(params.get('fps'), 1, 240, 60);
  if (!FPS_CHOICES.includes(fps0)) fpsSel.add(new Option(`${fps0} frames/s`, String(fps0)));
  fpsSel.value = String(fps0);
  let maxFps = fps0;
  // unless chosen (?fps= or the selector), big lattices draw at most 20 frames/s: in software GL
  // every frame costs the CPU the workers step with
  let fpsChosen = params.has('fps');
  autoFps = (sites: number) => {
    if (fpsChosen) return;
    maxFps = sites >= 1_000_000 ? 20 : 60;
    fpsSel.value = String(maxFps);
  };
  fpsSel.addEventListener('change', () => {
    fpsChosen = true;
    maxFps = Number(fpsSel.value);
  });
  const stats: AppStats = { fps: 0, stepsPerSec: 0, step: 0, t_min: 0, playing: false, counts: [0, 0, 0, 0, 0, 0], kernel: '' };
  const frame = (now: number) => {
    const sim = controller.sim;
    if (sim) {
      const step = sim.stepIndex();
      // while playing the workers write between committed steps: redraw every frame
      if (controller.playing || step !== lastStep) renderer.invalidate();
      lastStep = step;
      if (now - lastDraw >= 1000 / maxFps - 2 && renderer.draw()) {
        frames++;
        lastDraw = now;
      }
      if (now - lastReadout > 200) {
        lastReadout = now;
        clockEl.textContent = formatClock(sim.time());
        countStatus(sim.state.status, stats.counts);
        const c = stats.counts;
        const tumour = sim.scenario.tissue.kind === 'tumour';
        countsEl.textContent = `alive ${c[1]}  dying ${c[2]}  dead ${c[3]}${tumour ? `  necrotic ${c[4]}` : ''}`;
        stats.step = step;
        stats.t_min = sim.time();
        stats.playing = controller.playing;
        plot.draw();
        traces.draw();
        inspector.render(sim.state);
      }
      if (inspector.selected) placeMarker();
    }
    if (now - markTime >= 1000) {
      const dt = (now - markTime) / 1000;
      stats.fps = frames / dt;
      stats.stepsPerSec = (controller.stepsAdvanced - stepsMark) / dt;
      frames = 0;
      stepsMark = controller.stepsAdvanced;
      markTime = now;
      stats.kernel = controller.kernel ?? '';
      const slow = stats.kernel === 'typescript' ? ', no WebAssembly SIMD: slower' : '';
      perfEl.textContent = `${stats.fps.toFixed(0)} fps drawn, ${stats.stepsPerSec.toFixed(0)} steps/s (${controller.sim ? controller.sim.dt : 0} min per step${slow})`;
    }
    if (!disposed) rafId = requestAnimationFrame(frame);
  };
  rafId = requestAnimationFrame(frame);

  renderer.setView(viewById(viewSel.value));
  refreshLegend();
  seedIn.value = String(int(params.get('seed'), 0, 2 ** 32 - 1, Number(PRESETS[presetSel.value].seed ?? 0)));
  // a shared link wins over ?preset=; a bad one is reported and the preset runs
  let shared: ResolvedScenario | null = null;
  let linkError: string | null = null;
  try {
    shared = decodeShareHash(opts.hash ?? '');
  } catch (e) {
    linkError = `${describeImportError(e, 'link')}\n(running the ${presetSel.value} preset instead)`;
  }
  const ready = (shared ? loadResolved(shared) : load()).then((ok) => {
    // the error is on the page already; a caller waiting for the sandbox hears of it too
    if (!ok) throw loadError instanceof Error ? loadError : new Error(String(loadError));
    if (linkError) showError(new Error(linkError));
    if (params.get('play') === '1') controller.play();
  });
  const app: SandboxApp = {
    controller,
    renderer,
    plot,
    traces,
    treatments,
    editor,
    inspector,
    checkpoints,
    saveCheckpoint,
    branch,
    stats: () => ({ ...stats, counts: [...stats.counts] }),
    stateHash: () => hashBuffer(controller.sim.state.buffer),
    ready,
    exportScenario: doExport,
    shareHash,
    importText: (text) => importText(text),
    dispose: () => {
      disposed = true;
      cancelAnimationFrame(rafId);
      controller.dispose();
      renderer.destroy();
    },
    record: (req, o) => rec.record(req, o),
    still: (req) => rec.still(req),
    figures: (v) => rec.figures(v),
  };
  const rec = mountRecordDialog($('record-panel'), app);
  return app;
}
