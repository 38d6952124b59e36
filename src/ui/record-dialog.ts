// Why this file exists: videos, stills and plot figures from the sandbox. The page API
// (SandboxApp.record / still / figures, used by the dialog, the CLI and the tests alike) and the
// "record video…" dialog: options, progress with time remaining, cancel, download link.
// A recording starts from the current state (or branches from a checkpoint first), saves a
// checkpoint of that moment, then steps the run frame by frame; on cancel or error the sandbox goes
// back to that checkpoint (state, plots, play/pause) as if nothing happened. After a finished
// recording the sandbox stays paused at the last frame's time.
import { RecordOptionError, RESOLUTIONS, FORMATS, type RecordPlan, type RecordRequest, resolveRecordOptions } from '../record/options';
import { checkEncoder, RecordCancelled, type RecordProgress, type Recording, recordVideo } from '../record/recorder';
import { plotsSvg, type StillRequest, stillPng, svgToPng } from '../record/still';
import { formatClock } from '../render/overlays';
import { VIEWS } from '../render/views';
import type { SandboxApp, SavedCheckpoint } from './app';
import { TRACE_VARS } from './trace-plots';
import { el, labelRow } from './dom';

export interface PageRecordRequest extends RecordRequest {
  /** id of a saved checkpoint to branch from first (default: record from now) */
  fromCheckpoint?: number;
}

export interface PageRecordOptions {
  signal?: AbortSignal;
  onProgress?: (p: RecordProgress) => void;
  /** called once the options are checked, before the first frame */
  onPlan?: (plan: RecordPlan) => void;
}

export interface RecordApi {
  /** record a video (see the file header); rejects with RecordOptionError before any work when an option is bad */
  record(req: PageRecordRequest, opts?: PageRecordOptions): Promise<Recording>;
  /** a PNG of the lattice now, with overlays (default: the live view, 1920 x 1080) */
  still(req?: Partial<StillRequest>): Promise<Blob>;
  /** the live plots as an SVG figure (from the series) and a PNG of it */
  figures(meanVar?: string): Promise<{ svg: string; png: Blob }>;
  /** whether a recording is running */
  busy(): boolean;
}

/** The live view's id if videos and stills can show it, else the cell fate (drug views are the page's own, per scenario). */
function recordableView(app: SandboxApp): string {
  const id = app.renderer.view.id;
  return VIEWS.some((v) => v.id === id) ? id : 'fate';
}

/** The page API over a started sandbox. */
export function createRecordApi(app: SandboxApp): RecordApi {
  const c = app.controller;
  let busy = false;
  const findCheckpoint = (id: number): SavedCheckpoint => {
    const cp = app.checkpoints.find((k) => k.id === id);
    if (!cp)
      throw new RecordOptionError([
        `fromCheckpoint: there is no checkpoint #${id}; saved: ${app.checkpoints.length ? app.checkpoints.map((k) => `#${k.id}`).join(', ') : 'none (save one first)'}`,
      ]);
    return cp;
  };
  const plan = (req: PageRecordRequest, t0_min: number): RecordPlan => {
    const { fromCheckpoint: _, ...rest } = req;
    return resolveRecordOptions(rest, {
      dt_min: c.sim.dt,
      t0_min,
      duration_min: c.scenario.duration_min,
      defaultView: recordableView(app),
      lattice: c.scenario.lattice,
    });
  };

  async function record(req: PageRecordRequest, opts: PageRecordOptions = {}): Promise<Recording> {
    if (busy) throw new Error('a recording is already running');
    if (!c.sim) throw new Error('nothing is loaded yet');
    // every option checked (and the encoder asked) before anything changes
    const from = req.fromCheckpoint === undefined ? null : findCheckpoint(req.fromCheckpoint);
    await checkEncoder(plan(req, from ? from.t_min : c.sim.time()));
    busy = true;
    const wasPlaying = c.playing;
    c.pause();
    let restore: SavedCheckpoint | null = null;
    try {
      if (from && !(await app.branch(from))) throw new Error(`could not branch from checkpoint #${from.id}`);
      // the moment the clip starts (the play loop has settled: checkpoint() waits for it)
      const cp = await c.checkpoint();
      restore = { ...cp, preset: '', plot: structuredClone(app.plot.series), traces: structuredClone(app.traces.series) };
      const p = plan(req, cp.t_min);
      opts.onPlan?.(p);
      const rec = await recordVideo(c, p, { signal: opts.signal, onProgress: opts.onProgress });
      return rec;
    } catch (e) {
      // cancelled or failed: back to the moment the clip started, playing again if it was
      if (restore) await app.branch(restore);
      if (wasPlaying && !from) c.play();
      throw e;
    } finally {
      busy = false;
    }
  }

  async function still(req: Partial<StillRequest> = {}): Promise<Blob> {
    const wasPlaying = c.playing;
    c.pause();
    try {
      await c.step(0); // the workers are idle after this: the state is a whole step
      return await stillPng(c.sim.state, c.scenario, c.sim.time(), { width: 1920, height: 1080, view: recordableView(app), ...req });
    } finally {
      if (wasPlaying) c.play();
    }
  }

  async function figures(meanVar?: string): Promise<{ svg: string; png: Blob }> {
    const sel = document.getElementById('trace-var') as HTMLSelectElement | null;
    const name = meanVar ?? sel?.value ?? 'gsh';
    const v = TRACE_VARS.find((x) => x.name === name);
    if (!v) throw new Error(`meanVar: "${name}" is not plotted; variables: ${TRACE_VARS.map((x) => x.name).join(', ')}`);
    const svg = plotsSvg(app.plot.series, app.traces.series, v, c.scenario.name);
    return { svg, png: await svgToPng(svg) };
  }

  return { record, still, figures, busy: () => busy };
}

// ------------------------------------------------------------------------------------ the dialog

const CSS = `
#record-dialog { background: #15161b; color: #e6e6ea; border: 1px solid #3a3c47; border-radius: 6px; width: 380px; padding: 12px 14px; }
#record-dialog::backdrop { background: rgba(0, 0, 0, 0.5); }
#record-dialog form { display: flex; flex-direction: column; gap: 6px; }
#record-dialog input[type="text"] { background: #22232a; color: #e6e6ea; border: 1px solid #33343d; border-radius: 4px; padding: 3px 5px; width: 190px; }
#record-dialog progress { width: 100%; }
#rec-error { white-space: pre-wrap; color: #ff8a80; }
#rec-status, #rec-result { color: #9a9aa6; font-size: 12px; }
#rec-result a { color: #f0e442; }
`;

function download(blob: Blob, name: string, a = el('a')): HTMLAnchorElement {
  a.href = URL.createObjectURL(blob);
  a.download = name;
  return a;
}

const kb = (n: number) => (n >= 1e6 ? `${(n / 1e6).toFixed(1)} MB` : `${(n / 1e3).toFixed(0)} kB`);

/** The sites the live view shows now (clipped to the lattice), as a region. */
export function visibleSites(app: SandboxApp): { x: number; y: number; width: number; height: number } {
  const cam = app.renderer.camera();
  const { width: W, height: H } = app.controller.scenario.lattice;
  const sw = app.renderer.app.screen.width,
    sh = app.renderer.app.screen.height;
  const x0 = Math.max(0, Math.min(W - 1, Math.floor(-cam.x / cam.scale)));
  const y0 = Math.max(0, Math.min(H - 1, Math.floor(-cam.y / cam.scale)));
  const x1 = Math.max(x0 + 1, Math.min(W, Math.ceil((sw - cam.x) / cam.scale)));
  const y1 = Math.max(y0 + 1, Math.min(H, Math.ceil((sh - cam.y) / cam.scale)));
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** Build the buttons and the dialog in `host`; returns the page API. */
export function mountRecordDialog(host: HTMLElement, app: SandboxApp): RecordApi {
  const api = createRecordApi(app);
  host.appendChild(el('style', { textContent: CSS }));
  const openBtn = el('button', {
    type: 'button',
    id: 'record-open',
    textContent: 'record video…',
    title: 'a frame-exact video of the run from now (or from a checkpoint)',
  });
  const stillBtn = el('button', {
    type: 'button',
    id: 'still-png',
    textContent: 'still PNG',
    title: "the lattice now, at the record dialog's resolution (1080p unless changed), with clock, scale bar and legend",
  });
  const figBtn = el('button', { type: 'button', id: 'plot-figures', textContent: 'plot figures', title: 'the live plots as SVG and PNG' });
  const links = el('div', { id: 'record-links', className: 'hint' });
  host.append(el('div', { className: 'buttons' }, openBtn, stillBtn, figBtn), links);

  const resSel = el('select', { id: 'rec-resolution' });
  for (const [k, r] of Object.entries(RESOLUTIONS)) resSel.add(new Option(`${k} (${r.width} x ${r.height})`, k));
  resSel.value = '1080p';
  const fpsSel = el('select', { id: 'rec-fps' });
  for (const f of [10, 15, 24, 25, 30, 60]) fpsSel.add(new Option(`${f} frames/s`, String(f)));
  fpsSel.value = '30';
  const lenIn = el('input', { id: 'rec-length', type: 'number', min: '0', step: 'any', value: '10' });
  const lenUnit = el('select', { id: 'rec-length-unit' });
  lenUnit.add(new Option('video seconds', 'seconds'));
  lenUnit.add(new Option('simulated minutes', 'minutes'));
  const mpsIn = el('input', { id: 'rec-mps', type: 'number', min: '0', step: 'any' });
  const fmtSel = el('select', { id: 'rec-format' });
  for (const [k, f] of Object.entries(FORMATS))
    fmtSel.add(new Option(`${f.container.toUpperCase()} / ${f.codec === 'avc' ? 'H.264' : f.codec.toUpperCase()}`, k));
  const viewSel = el('select', { id: 'rec-view' });
  for (const v of VIEWS) viewSel.add(new Option(v.kind === 'fate' ? v.label : `${v.label} (${v.unit})`, v.id));
  const titleIn = el('input', { id: 'rec-title', type: 'text', placeholder: 'optional' });
  const overlaysIn = el('input', { id: 'rec-overlays', type: 'checkbox', checked: true });
  const fromSel = el('select', { id: 'rec-from' });
  const areaSel = el('select', { id: 'rec-area' });
  areaSel.add(new Option('the whole lattice', 'all'));
  areaSel.add(new Option('what the view shows now', 'view'));
  const startBtn = el('button', { type: 'submit', id: 'rec-start', textContent: 'record' });
  const closeBtn = el('button', { type: 'button', id: 'rec-close', textContent: 'close' });
  const cancelBtn = el('button', { type: 'button', id: 'rec-cancel', textContent: 'cancel', disabled: true });
  const bar = el('progress', { id: 'rec-progress', max: 1, value: 0 });
  const status = el('div', { id: 'rec-status' });
  const errorEl = el('div', { id: 'rec-error', hidden: true });
  const result = el('div', { id: 'rec-result' });
  const hint = el('div', { className: 'hint', id: 'rec-hint' });
  const form = el(
    'form',
    { method: 'dialog' },
    el('strong', {}, 'record a video'),
    labelRow('resolution', resSel),
    labelRow('frame rate', fpsSel),
    labelRow('length', lenIn, lenUnit),
    labelRow('pace: 1 s of video =', mpsIn, 'simulated min'),
    hint,
    labelRow('format', fmtSel),
    labelRow('view', viewSel),
    labelRow('title', titleIn),
    el('label', { className: 'check' }, overlaysIn, ' overlays: title, clock, scale bar, legend, treatment captions'),
    labelRow('area', areaSel),
    labelRow('from', fromSel),
    el('div', { className: 'buttons' }, startBtn, cancelBtn, closeBtn),
    bar,
    status,
    errorEl,
    result,
  );
  const dialog = el('dialog', { id: 'record-dialog' }, form);
  host.appendChild(dialog);

  const dt = () => app.controller.sim?.dt ?? 0.5;
  const refreshHint = () => {
    const f = Number(fpsSel.value);
    const unit = dt() * f;
    const mps = Number(mpsIn.value);
    const say = (m: number) => (m >= 60 ? `${+(m / 60).toPrecision(4)} simulated h` : `${+m.toPrecision(4)} simulated min`);
    // in plain words: what the pace means, then which paces work (each frame shows a whole number of model steps)
    hint.textContent =
      `${mps > 0 ? `1 s of video shows ${say(mps)}; ` : ''}at ${f} frames/s the pace goes in steps of ${say(unit)} ` +
      `(${+unit.toPrecision(6)}, ${+(2 * unit).toPrecision(6)}, ${+(3 * unit).toPrecision(6)}, ...: every frame is then a whole number of ${dt()}-min model steps)`;
  };
  for (const ev of ['input', 'change']) mpsIn.addEventListener(ev, () => refreshHint());
  const open = () => {
    const now = app.controller.sim ? app.controller.sim.time() : 0;
    fromSel.replaceChildren(new Option(`now (t = ${formatClock(now)})`, ''));
    for (const cp of app.checkpoints) fromSel.add(new Option(`checkpoint #${cp.id} (t = ${formatClock(cp.t_min)})`, String(cp.id)));
    viewSel.value = recordableView(app);
    if (!mpsIn.value) mpsIn.value = String(dt() * Number(fpsSel.value) * 2);
    refreshHint();
    errorEl.hidden = true;
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
  };
  fpsSel.addEventListener('change', refreshHint);
  openBtn.addEventListener('click', open);
  closeBtn.addEventListener('click', () => dialog.close());

  let controller: AbortController | null = null;
  let lastUrl = '';
  const request = (): PageRecordRequest => ({
    resolution: resSel.value,
    fps: Number(fpsSel.value),
    [lenUnit.value]: Number(lenIn.value),
    minutesPerSecond: Number(mpsIn.value),
    format: fmtSel.value,
    view: viewSel.value,
    title: titleIn.value,
    overlays: overlaysIn.checked,
    fromCheckpoint: fromSel.value ? Number(fromSel.value) : undefined,
    region: areaSel.value === 'view' ? visibleSites(app) : undefined,
  });
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    if (controller) return;
    errorEl.hidden = true;
    result.replaceChildren();
    controller = new AbortController();
    startBtn.disabled = true;
    cancelBtn.disabled = false;
    bar.value = 0;
    status.textContent = 'starting…';
    api
      .record(request(), {
        signal: controller.signal,
        onPlan: (p) => {
          status.textContent = `${p.frames} frames, ${formatClock(p.t0_min)} to ${formatClock(p.tEnd_min)} (${p.stepsPerFrame} steps per frame)`;
        },
        onProgress: (p) => {
          bar.value = p.frame / p.frames;
          status.textContent = `frame ${p.frame} / ${p.frames}, t = ${formatClock(p.t_min)}, ${p.elapsed_s.toFixed(0)} s elapsed, about ${Number.isFinite(p.eta_s) ? p.eta_s.toFixed(0) : '?'} s left`;
        },
      })
      .then((rec) => {
        if (lastUrl) URL.revokeObjectURL(lastUrl);
        const name = `ferrowave-${app.controller.scenario.name}-${rec.plan.width}x${rec.plan.height}${rec.ext}`;
        const a = download(
          new Blob([rec.bytes as Uint8Array<ArrayBuffer>], { type: rec.mime }),
          name,
          el('a', { id: 'rec-download', textContent: `download ${name}` }),
        );
        lastUrl = a.href;
        result.replaceChildren(a, ` (${kb(rec.bytes.length)}, ${rec.plan.frames} frames, ${rec.codec}, made in ${rec.wall_s.toFixed(1)} s)`);
        links.replaceChildren(el('a', { href: a.href, download: name, textContent: `last video: ${name}` }));
        status.textContent = 'done; the sandbox is paused at the last frame';
      })
      .catch((e) => {
        if (e instanceof RecordCancelled) status.textContent = 'cancelled; the sandbox is back where it was';
        else {
          status.textContent = '';
          errorEl.textContent = e instanceof Error ? e.message : String(e);
          errorEl.hidden = false;
        }
      })
      .finally(() => {
        controller = null;
        startBtn.disabled = false;
        cancelBtn.disabled = true;
      });
  });
  cancelBtn.addEventListener('click', () => controller?.abort());

  stillBtn.addEventListener('click', () => {
    // the dialog's resolution, title and overlays setting; the live view
    const r = RESOLUTIONS[resSel.value as keyof typeof RESOLUTIONS] ?? RESOLUTIONS['1080p'];
    api
      .still({ width: r.width, height: r.height, title: titleIn.value, overlays: overlaysIn.checked })
      .then((png) => {
        const name = `ferrowave-${app.controller.scenario.name}-${Math.round(app.controller.sim.time())}min.png`;
        const a = download(png, name, el('a', { textContent: name }));
        links.replaceChildren('still: ', a);
        a.click();
      })
      .catch((e) => links.replaceChildren(String(e instanceof Error ? e.message : e)));
  });
  figBtn.addEventListener('click', () => {
    api
      .figures()
      .then(({ svg, png }) => {
        const base = `ferrowave-${app.controller.scenario.name}-plots`;
        links.replaceChildren(
          'figures: ',
          download(new Blob([svg], { type: 'image/svg+xml' }), `${base}.svg`, el('a', { textContent: 'SVG' })),
          ' ',
          download(png, `${base}.png`, el('a', { textContent: 'PNG' })),
        );
      })
      .catch((e) => links.replaceChildren(String(e instanceof Error ? e.message : e)));
  });
  return api;
}
