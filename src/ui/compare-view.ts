// Why this file exists: the side-by-side comparison on the page. A form in the checkpoints
// section picks 2 to 4 branches (nothing added, or an agent at a dose from the checkpoint's time)
// and the checkpoint to start from; "compare" covers the lattice with one pane per branch (drawn on
// the CPU with the live view's colour maps, one clock), overlaid curves (alive and dead cells, the
// mean of the chosen variable, the front: compare-plots.ts) and a table of the CLI's summary of each branch (deaths,
// wave speed, t50) with a CSV download. "end comparison" returns to the sandbox as it was.
import type { WorkerHandle } from '../engine/engine';
import { AGENTS, type AgentId } from '../model/agents';
import { Compositor, context2d } from '../record/compositor';
import { formatClock } from '../render/overlays';
import { hasLevel, VIEWS, viewById } from '../render/views';
import type { SavedCheckpoint } from './checkpoints-panel';
import { type ArmSpec, Comparison, tableCsv } from './comparison';
import type { SimController } from './controller';
import { ComparePlots } from './compare-plots';
import { byId, el } from './dom';
import type { ErrorBox } from './error-box';

/** the branches' line colours (Okabe-Ito, as the plots) */
export const ARM_COLOURS = ['#56b4e9', '#e69f00', '#009e73', '#cc79a7'] as const;

const NONE = '';
const CONTROL = 'control';

export interface CompareDeps {
  controller: SimController;
  errors: ErrorBox;
  /** saved checkpoints, oldest first; save() adds one now */
  checkpoints: () => readonly SavedCheckpoint[];
  saveCheckpoint: () => Promise<SavedCheckpoint>;
  /** the live view's id and the chosen variable of the mean plot */
  viewId: () => string;
  meanVar: () => { name: string; unit: string };
  spawn: () => WorkerHandle;
  /** steps per frame (the speed slider) */
  speed: () => number;
}

export interface CompareView {
  /** the running comparison, or null */
  readonly current: Comparison | null;
  /** start comparing `arms` from `cp` (as the form does; `title` names the comparison in its bar); false (error shown) when it could not */
  start(cp: SavedCheckpoint, arms: ArmSpec[], title?: string): Promise<boolean>;
  /** end the comparison: back to the sandbox */
  end(): void;
}

/** A branch of the form: what it adds from the checkpoint's time. */
export function armSpec(agent: string, dose: number, t_min: number): ArmSpec | null {
  if (agent === NONE) return null;
  if (agent === CONTROL) return { label: 'nothing added', add: [] };
  const spec = AGENTS[agent as AgentId];
  const key = spec.dose_key === 'uM' ? 'uM' : 'dose';
  return { label: `${agent} ${+dose.toPrecision(4)} ${spec.unit}`, add: [{ agent, [key]: dose, start_min: t_min }] };
}

export function mountCompareView(d: CompareDeps): CompareView {
  const form = byId('compare-form');
  const view = byId('compare-view');
  const agents = (Object.keys(AGENTS) as AgentId[]).filter(hasLevel);
  const rows = [
    [CONTROL, 0],
    ['erastin', 10],
    ['rsl3', 1],
    [NONE, 0],
  ].map(([agent, dose], k) => {
    const sel = el('select', { id: `compare-agent-${k}` });
    sel.add(new Option('—', NONE));
    sel.add(new Option('nothing added', CONTROL));
    for (const a of agents) sel.add(new Option(AGENTS[a].name, a));
    sel.value = String(agent);
    const doseIn = el('input', { id: `compare-dose-${k}`, type: 'number', min: '0', step: 'any', value: String(dose) });
    const unit = el('span', { className: 'hint' });
    const sync = () => {
      const a = sel.value;
      const on = a !== NONE && a !== CONTROL;
      doseIn.disabled = !on;
      unit.textContent = on ? AGENTS[a as AgentId].unit : '';
      if (on && !(Number(doseIn.value) > 0)) doseIn.value = String(AGENTS[a as AgentId].default_dose);
    };
    sel.addEventListener('change', sync);
    sync();
    form.append(el('label', {}, `${k + 1}`, el('span', { className: 'inline' }, sel, doseIn, unit)));
    return { sel, doseIn };
  });
  const fromSel = el('select', { id: 'compare-from' });
  const refreshFrom = () => {
    const keep = fromSel.value;
    fromSel.replaceChildren(new Option('now (saves a checkpoint)', ''));
    for (const cp of d.checkpoints()) fromSel.add(new Option(`checkpoint #${cp.id} (${formatClock(cp.t_min)})`, String(cp.id)));
    if ([...fromSel.options].some((o) => o.value === keep)) fromSel.value = keep;
  };
  fromSel.addEventListener('focus', refreshFrom);
  fromSel.addEventListener('pointerdown', refreshFrom);
  refreshFrom();
  const goBtn = el('button', { type: 'button', id: 'compare-start', textContent: 'compare side by side' });
  form.append(el('label', {}, 'from', fromSel), el('div', { className: 'buttons' }, goBtn));

  // the comparison's own page over the lattice
  const title = el('span', { className: 'compare-title' });
  const playBtn = el('button', { type: 'button', id: 'compare-play', textContent: 'play' });
  const stepBtn = el('button', { type: 'button', id: 'compare-step', textContent: 'step' });
  const endBtn = el('button', { type: 'button', id: 'compare-end', textContent: 'end comparison' });
  const clock = el('span', { className: 'compare-clock' });
  const panes = el('div', { className: 'compare-panes' });
  const plotCells = el('div', { className: 'chart compare-plot', id: 'compare-plot-cells' });
  const plotMean = el('div', { className: 'chart compare-plot', id: 'compare-plot-mean' });
  const plotFront = el('div', { className: 'chart compare-plot', id: 'compare-plot-front' });
  const key = el('div', { className: 'hint' });
  const table = el('table', { className: 'compare-table' });
  const csvLink = el('a', { id: 'compare-csv', textContent: 'export the table as CSV', download: 'comparison.csv' });
  for (const b of [playBtn, stepBtn, endBtn]) b.style.flex = 'none';
  view.replaceChildren(
    el('div', { className: 'compare-bar' }, title, clock, playBtn, stepBtn, endBtn),
    panes,
    el('div', { className: 'compare-plots' }, plotCells, plotMean, plotFront),
    key,
    table,
    csvLink,
  );
  const plots = new ComparePlots({ cells: plotCells, mean: plotMean, front: plotFront });

  let cmp: Comparison | null = null;
  let comps: Compositor[] = [];
  let canvases: HTMLCanvasElement[] = [];
  let raf = 0;
  let lastDrawnT = -1;
  let lastTable = 0;
  let csvUrl = '';

  /** the panes' area the canvases were sized for */
  let laidOut = '';
  const layoutPanes = () => {
    if (!cmp) return;
    laidOut = `${panes.clientWidth}x${panes.clientHeight}`;
    const n = cmp.arms.length;
    const cols = 2;
    const rowsN = Math.ceil(n / cols);
    const W = Math.max(160, Math.floor((panes.clientWidth || 900) / cols) - 6);
    const H = Math.max(120, Math.floor((panes.clientHeight || 420) / rowsN) - 6);
    const vid = VIEWS.some((v) => v.id === d.viewId()) ? d.viewId() : 'fate';
    canvases = cmp.arms.map(() => el('canvas', { width: W, height: H }));
    panes.replaceChildren(...canvases);
    comps = cmp.arms.map(
      (a, k) =>
        new Compositor(
          context2d(canvases[k]),
          { width: W, height: H, view: viewById(vid), site_um: a.sim.scenario.lattice.site_um, overlays: true, title: a.label },
          a.sim.scenario.lattice,
        ),
    );
    lastDrawnT = -1;
  };

  const drawPlots = () => {
    if (!cmp) return;
    plots.update(cmp.checkpoint.t_min, Math.max(...cmp.arms.map((a) => a.sim.scenario.duration_min)), d.meanVar());
  };

  const drawTable = () => {
    if (!cmp) return;
    const rowsT = cmp.table();
    const head = el(
      'tr',
      {},
      ...['branch', 'deaths (cells)', 'dead (fraction)', 'wave', 'speed (um/min)', 'R²', 't50'].map((h, i) =>
        el('th', { textContent: h, className: i ? 'ct' : 'ct ct-first' }),
      ),
    );
    const fmtN = (v: number | null, digits: number) => (v === null || !Number.isFinite(v) ? '–' : v.toFixed(digits));
    table.replaceChildren(
      head,
      ...rowsT.map((r, k) =>
        el(
          'tr',
          {},
          el('td', { className: 'ct ct-first' }, swatch('\u25ac ', ARM_COLOURS[k]), r.arm),
          ...[
            String(r.deaths),
            fmtN(r.fraction_dead, 3),
            r.wave,
            fmtN(r.wave_speed_um_per_min, 2),
            fmtN(r.wave_r2, 3),
            r.t50_min === null ? '–' : formatClock(r.t50_min),
          ].map((text) => el('td', { className: 'ct', textContent: text })),
        ),
      ),
    );
    if (csvUrl) URL.revokeObjectURL(csvUrl);
    csvUrl = URL.createObjectURL(new Blob([tableCsv(rowsT)], { type: 'text/csv' }));
    csvLink.href = csvUrl;
  };

  const frame = (now: number) => {
    if (!cmp) return;
    const t = cmp.time();
    if (t !== lastDrawnT) {
      lastDrawnT = t;
      for (const [k, a] of cmp.arms.entries()) comps[k]?.draw(a.sim.state, t);
      clock.textContent = formatClock(t);
    }
    if (now - lastTable > 250) {
      lastTable = now;
      drawPlots();
      drawTable();
      // the table's rows took their room: fit the panes to what is left
      if (`${panes.clientWidth}x${panes.clientHeight}` !== laidOut) layoutPanes();
      playBtn.textContent = cmp.playing ? 'pause' : 'play';
      playBtn.disabled = !cmp.playing && cmp.finished();
      stepBtn.disabled = cmp.playing || cmp.finished();
    }
    raf = requestAnimationFrame(frame);
  };

  const end = () => {
    cancelAnimationFrame(raf);
    cmp?.dispose();
    cmp = null;
    view.hidden = true;
    panes.replaceChildren();
  };

  const start = async (cp: SavedCheckpoint, arms: ArmSpec[], name?: string): Promise<boolean> => {
    end();
    d.controller.pause();
    try {
      cmp = await Comparison.start(cp, arms, 1, d.spawn);
    } catch (e) {
      d.errors.show(e);
      return false;
    }
    d.errors.clear();
    cmp.onError = d.errors.show;
    cmp.speed = d.speed();
    plots.start(cmp.arms.map((a, k) => ({ label: a.label, colour: ARM_COLOURS[k], samples: a.samples })));
    title.textContent = `${name ? `${name}: ` : ''}${arms.length} branches from checkpoint #${cp.id} (${formatClock(cp.t_min)})`;
    key.replaceChildren(
      ...cmp.arms.map((a, k) => swatch(`\u25ac ${a.label}  `, ARM_COLOURS[k])),
      'plots: alive cells solid, dead dashed; one clock for all; numbers as `ferrowave run` of each branch would give them',
    );
    view.hidden = false;
    drawTable();
    layoutPanes();
    lastTable = 0;
    raf = requestAnimationFrame(frame);
    return true;
  };

  playBtn.addEventListener('click', () => {
    if (!cmp) return;
    cmp.speed = d.speed();
    if (cmp.playing) cmp.pause();
    else cmp.play();
  });
  stepBtn.addEventListener('click', () => void cmp?.step(1));
  endBtn.addEventListener('click', end);
  goBtn.addEventListener('click', async () => {
    const cps = d.checkpoints();
    let cp = cps.find((c) => String(c.id) === fromSel.value) ?? null;
    try {
      if (!cp) cp = await d.saveCheckpoint();
    } catch (e) {
      d.errors.show(e);
      return;
    }
    refreshFrom();
    const t = cp.t_min;
    const arms = rows.flatMap((r) => {
      const a = armSpec(r.sel.value, Number(r.doseIn.value), t);
      return a ? [a] : [];
    });
    await start(cp, arms);
  });

  return {
    get current() {
      return cmp;
    },
    start,
    end,
  };
}

/** text in a branch's colour */
function swatch(text: string, colour: string): HTMLSpanElement {
  const s = el('span', { textContent: text });
  s.style.color = colour;
  return s;
}
