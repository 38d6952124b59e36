// Why this file exists: the "videos and stills" part of the side panel and its "record video…"
// dialog: options (the pace said in plain words, "1 s of video = 1.5 simulated h", with the paces
// that work and a default that fits the rest of the run; what the clock counts from; the tissue
// framed by default), a live preview of the clip or of what is wrong with the options, progress
// with time remaining, cancel, download link. The work is done by the page API (record-api.ts).
import { clockChoices, firstTreatmentClock } from '../record/clock';
import { FORMATS, RESOLUTIONS } from '../record/options';
import { pacesAllowed, paceWords, simSpan } from '../record/pace';
import { RecordCancelled } from '../record/recorder';
import { formatClock } from '../render/overlays';
import { VIEWS } from '../render/views';
import type { SandboxApp } from './app';
import { el, labelRow } from './dom';
import { createRecordApi, type PageRecordRequest, type RecordApi, recordableView, visibleSites } from './record-api';

export type { RecordApi } from './record-api';

const CSS = `
#record-dialog { background: #15161b; color: #e6e6ea; border: 1px solid #3a3c47; border-radius: 6px; width: 380px; padding: 12px 14px; }
#record-dialog::backdrop { background: rgba(0, 0, 0, 0.5); }
#record-dialog form { display: flex; flex-direction: column; gap: 6px; }
#record-dialog input[type="text"] { background: #22232a; color: #e6e6ea; border: 1px solid #33343d; border-radius: 4px; padding: 3px 5px; width: 190px; }
#record-dialog progress { width: 100%; }
#rec-error { white-space: pre-wrap; color: #ff8a80; }
#rec-status, #rec-result, #rec-hint { color: #9a9aa6; font-size: 12px; }
#rec-hint .bad { color: #ff8a80; }
#rec-result a { color: #f0e442; }
`;

function download(blob: Blob, name: string, a = el('a')): HTMLAnchorElement {
  a.href = URL.createObjectURL(blob);
  a.download = name;
  return a;
}

const kb = (n: number) => (n >= 1e6 ? `${(n / 1e6).toFixed(1)} MB` : `${(n / 1e3).toFixed(0)} kB`);

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
    title: "the tissue now (or the dialog's area), at the record dialog's resolution (1080p unless changed), with clock, scale bar and legend",
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
  const lenIn = el('input', { id: 'rec-length', type: 'number', min: '0', step: 'any', value: '20' });
  const lenUnit = el('select', { id: 'rec-length-unit' });
  lenUnit.add(new Option('video seconds', 'seconds'));
  lenUnit.add(new Option('simulated minutes', 'minutes'));
  // empty: the rest of the run fitted in the clip's length
  const mpsIn = el('input', { id: 'rec-mps', type: 'number', min: '0', step: 'any', placeholder: 'fit the run' });
  const mpsUnit = el('select', { id: 'rec-mps-unit' });
  mpsUnit.add(new Option('simulated min', 'min'));
  mpsUnit.add(new Option('simulated h', 'h'));
  const clockSel = el('select', { id: 'rec-clock' });
  const fmtSel = el('select', { id: 'rec-format' });
  for (const [k, f] of Object.entries(FORMATS))
    fmtSel.add(new Option(`${f.container.toUpperCase()} / ${f.codec === 'avc' ? 'H.264' : f.codec.toUpperCase()}`, k));
  const viewSel = el('select', { id: 'rec-view' });
  for (const v of VIEWS) viewSel.add(new Option(v.kind === 'fate' ? v.label : `${v.label} (${v.unit})`, v.id));
  const titleIn = el('input', { id: 'rec-title', type: 'text', placeholder: 'optional' });
  const overlaysIn = el('input', { id: 'rec-overlays', type: 'checkbox', checked: true });
  const fromSel = el('select', { id: 'rec-from' });
  const areaSel = el('select', { id: 'rec-area' });
  areaSel.add(new Option('the tissue (its cells and vessels, 10 % margin)', 'tissue'));
  areaSel.add(new Option('the whole lattice', 'lattice'));
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
    labelRow('pace: 1 s of video =', mpsIn, mpsUnit),
    labelRow('clock counts from', clockSel),
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

  // the request the dialog's controls make (the region only when recording: the view may move)
  const request = (withRegion: boolean): PageRecordRequest => {
    const pace = mpsIn.value.trim() === '' ? undefined : Number(mpsIn.value) * (mpsUnit.value === 'h' ? 60 : 1);
    const clock = clockSel.value;
    return {
      resolution: resSel.value,
      fps: Number(fpsSel.value),
      [lenUnit.value]: Number(lenIn.value),
      minutesPerSecond: pace,
      format: fmtSel.value,
      view: viewSel.value,
      title: titleIn.value,
      overlays: overlaysIn.checked,
      fromCheckpoint: fromSel.value ? Number(fromSel.value) : undefined,
      clockFrom: /^\d+$/.test(clock) ? Number(clock) : clock,
      ...(areaSel.value === 'view' ? (withRegion ? { region: visibleSites(app) } : {}) : { area: areaSel.value }),
    };
  };
  // what the options give, in plain words, before anything is recorded (or what is wrong with them)
  const refreshHint = () => {
    const fps = Number(fpsSel.value);
    const dt = app.controller.sim?.dt ?? 0.5;
    try {
      const p = api.preview(request(false));
      const fitted = p.paceFitted ? `, fitted: ${formatClock(p.t0_min)} to ${formatClock(p.tEnd_min)} of the run in ${+p.seconds.toFixed(2)} s` : '';
      hint.replaceChildren(
        `${paceWords(p.minutesPerSecond)}${fitted} (${p.frames} frames, ${simSpan(p.minutesPerFrame)} each). `,
        `Other paces: ${pacesAllowed(dt, fps)}.`,
      );
    } catch (e) {
      hint.replaceChildren(el('span', { className: 'bad' }, e instanceof Error ? e.message : String(e)));
    }
  };
  for (const input of [resSel, fpsSel, lenIn, lenUnit, mpsIn, mpsUnit, fromSel, clockSel, areaSel])
    for (const ev of ['input', 'change']) input.addEventListener(ev, refreshHint);
  const open = () => {
    const now = app.controller.sim ? app.controller.sim.time() : 0;
    fromSel.replaceChildren(new Option(`now (t = ${formatClock(now)})`, ''));
    for (const cp of app.checkpoints) fromSel.add(new Option(`checkpoint #${cp.id} (t = ${formatClock(cp.t_min)})`, String(cp.id)));
    viewSel.value = recordableView(app);
    // what the clock can count from: the scenario's treatments as they are now (mouse-added ones included)
    const treatments = app.controller.scenario.treatments;
    const keep = clockSel.value;
    const first = firstTreatmentClock(treatments);
    clockSel.replaceChildren(
      new Option(first ? `the first treatment (${first.name}, at ${formatClock(first.from_min)})` : 'the first treatment (none: t = 0)', 'first-treatment'),
      new Option('t = 0 (the start of the run)', 'start'),
    );
    for (const c of clockChoices(treatments)) clockSel.add(new Option(`${c.name} at ${formatClock(c.start_min)}`, String(c.index)));
    if ([...clockSel.options].some((o) => o.value === keep)) clockSel.value = keep;
    refreshHint();
    errorEl.hidden = true;
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
  };
  openBtn.addEventListener('click', open);
  closeBtn.addEventListener('click', () => dialog.close());

  let controller: AbortController | null = null;
  let lastUrl = '';
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
      .record(request(true), {
        signal: controller.signal,
        onPlan: (p) => {
          const area = p.region ? `${p.region.width} x ${p.region.height} sites` : 'the whole lattice';
          status.textContent = `${p.frames} frames, ${formatClock(p.t0_min)} to ${formatClock(p.tEnd_min)}, ${paceWords(p.minutesPerSecond)}, showing ${area}`;
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
        const shown = rec.plan.region ? `${rec.plan.region.width} x ${rec.plan.region.height} sites` : 'the whole lattice';
        result.replaceChildren(
          a,
          ` (${kb(rec.bytes.length)}, ${rec.plan.frames} frames, ${paceWords(rec.plan.minutesPerSecond)}, showing ${shown}, ${rec.codec}, made in ${rec.wall_s.toFixed(1)} s)`,
        );
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
    // the dialog's resolution, title, overlays, clock and area; the live view
    const r = RESOLUTIONS[resSel.value as keyof typeof RESOLUTIONS] ?? RESOLUTIONS['1080p'];
    const q = request(true);
    api
      .still({
        width: r.width,
        height: r.height,
        title: titleIn.value,
        overlays: overlaysIn.checked,
        clockFrom: q.clockFrom,
        region: q.region,
        area: q.area as 'tissue' | 'lattice' | undefined,
      })
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
