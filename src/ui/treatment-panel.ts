// Why this file exists: treating the tumour with the mouse. A form picks the agent, its dose (in
// the agent's unit, within its allowed range), when it starts (now or at a time) and for how long,
// and where: the whole lattice, a brush stroke painted with the mouse or a dragged rectangle.
// Everything applied is listed on a timeline (preset treatments and added ones) and can be removed
// from now on. Every change goes through the controller as scenario JSON, so the exported scenario
// is the whole history.
import { AGENT_IDS, AGENTS, type AgentId, isGeneticAgent, isPulseAgent } from '../model/agents';
import type { Region } from '../model/scenario';
import type { LatticeRenderer } from '../render/lattice-renderer';
import { formatClock, formatLength } from '../render/overlays';
import type { RawTreatment, SimController } from './controller';
import type { RegionOverlay } from './region-overlay';
import { el, labelRow } from './dom';

export type Where = 'all' | 'brush' | 'rect';

export interface TreatmentPanelDeps {
  controller: SimController;
  renderer: LatticeRenderer;
  overlay: RegionOverlay;
  showError(e: unknown): void;
  clearError(): void;
}

const PALETTE = ['#56b4e9', '#e69f00', '#cc79a7', '#009e73', '#f0e442', '#d55e00', '#0072b2', '#999999'];

/** A stable colour per agent (its index in the agent list). */
export function agentColour(agent: string): string {
  const i = (AGENT_IDS as readonly string[]).indexOf(agent);
  return PALETTE[(i < 0 ? 0 : i) % PALETTE.length];
}

/** One line saying what a treatment is, when and where. */
export function describeTreatment(t: RawTreatment): string {
  const amount = t.uM !== undefined ? `${t.uM} uM` : t.dose !== undefined ? `dose ${t.dose}` : t.factor !== undefined ? `${t.gene} x${t.factor}` : '';
  const start = Number(t.start_min ?? 0);
  const when = t.end_min !== undefined && t.end_min !== null ? `${formatClock(start)}–${formatClock(Number(t.end_min))}` : `from ${formatClock(start)}`;
  const r = t.region as Region | null | undefined;
  const where = r?.disc
    ? ` at (${formatLength(r.disc.x_um)}, ${formatLength(r.disc.y_um)}), r ${formatLength(r.disc.r_um)}`
    : r?.rect
      ? ` in rect (${formatLength(r.rect.x_um)}, ${formatLength(r.rect.y_um)}) ${formatLength(r.rect.width_um)} x ${formatLength(r.rect.height_um)}`
      : r?.stroke
        ? ` painted (brush r ${formatLength(r.stroke.r_um)}, ${r.stroke.points_um.length} points)`
        : ' everywhere';
  return `${t.agent} ${amount}, ${when}${where}`;
}

export class TreatmentPanel {
  readonly agentSel = el('select', { id: 'tx-agent' });
  readonly amountIn = el('input', { id: 'tx-amount', type: 'number', step: 'any' });
  readonly unitEl = el('span', { className: 'hint' });
  readonly whenSel = el('select', { id: 'tx-when' });
  readonly startIn = el('input', { id: 'tx-start', type: 'number', min: '0', step: 'any', value: '0' });
  readonly lastingIn = el('input', { id: 'tx-lasting', type: 'number', min: '0', step: 'any', placeholder: 'until removed' });
  readonly whereSel = el('select', { id: 'tx-where' });
  readonly radiusIn = el('input', { id: 'tx-radius', type: 'number', min: '1', step: 'any', value: '150' });
  readonly addBtn = el('button', { id: 'tx-add', type: 'button', textContent: 'apply everywhere' });
  private stroke: Array<[number, number]> = [];
  private rectStart: { x_um: number; y_um: number } | null = null;

  constructor(
    form: HTMLElement,
    private readonly list: HTMLElement,
    private readonly mouseMode: HTMLSelectElement,
    private readonly d: TreatmentPanelDeps,
  ) {
    for (const id of AGENT_IDS) this.agentSel.add(new Option(AGENTS[id].name, id));
    this.agentSel.value = 'ferrostatin-1';
    this.whenSel.add(new Option('now', 'now'));
    this.whenSel.add(new Option('at (min)', 'at'));
    this.whereSel.add(new Option('whole lattice', 'all'));
    this.whereSel.add(new Option('paint with a brush', 'brush'));
    this.whereSel.add(new Option('drag a rectangle', 'rect'));
    const radiusRow = labelRow('brush radius', this.radiusIn, ' um');
    form.append(
      labelRow('agent', this.agentSel),
      labelRow('dose', this.amountIn, this.unitEl),
      labelRow('start', this.whenSel, this.startIn),
      labelRow('lasting', this.lastingIn, ' min'),
      labelRow('where', this.whereSel),
      radiusRow,
      el('div', { className: 'buttons' }, this.addBtn),
      el('div', { className: 'hint', id: 'tx-hint' }),
    );
    const sync = () => {
      const a = AGENTS[this.agentSel.value as AgentId];
      this.amountIn.min = String(a.range[0]);
      this.amountIn.max = String(a.range[1]);
      this.unitEl.textContent = ` ${a.unit} (${a.range[0]}–${a.range[1]})`;
      this.startIn.hidden = this.whenSel.value !== 'at';
      const where = this.whereSel.value as Where;
      radiusRow.hidden = where !== 'brush';
      this.addBtn.hidden = where !== 'all';
      const hint = form.querySelector('#tx-hint') as HTMLElement;
      hint.textContent =
        where === 'brush'
          ? 'drag on the lattice to paint (shift + drag pans)'
          : where === 'rect'
            ? 'drag on the lattice to place the rectangle (shift + drag pans)'
            : '';
      if (where !== 'all') this.mouseMode.value = 'paint';
      else if (this.mouseMode.value === 'paint') this.mouseMode.value = 'pulse';
      this.syncMouse();
    };
    this.agentSel.addEventListener('change', () => {
      this.amountIn.value = String(AGENTS[this.agentSel.value as AgentId].default_dose);
      sync();
    });
    this.amountIn.value = String(AGENTS[this.agentSel.value as AgentId].default_dose);
    this.whenSel.addEventListener('change', sync);
    this.whereSel.addEventListener('change', sync);
    this.mouseMode.addEventListener('change', () => this.syncMouse());
    this.addBtn.addEventListener('click', () => void this.add(null));
    sync();
  }

  /** Paint mode: the renderer hands drags to the brush instead of panning. */
  private syncMouse(): void {
    this.d.renderer.onDrag = this.mouseMode.value === 'paint' ? (phase, p) => this.onDrag(phase, p) : null;
  }

  private onDrag(phase: 'start' | 'move' | 'end', p: { x_um: number; y_um: number }): void {
    const where = this.whereSel.value as Where;
    const pt: [number, number] = [Math.round(p.x_um), Math.round(p.y_um)];
    if (where === 'rect') {
      if (phase === 'start') this.rectStart = p;
      const a = this.rectStart;
      if (!a) return;
      const rect = {
        x_um: Math.round(Math.min(a.x_um, p.x_um)),
        y_um: Math.round(Math.min(a.y_um, p.y_um)),
        width_um: Math.max(1, Math.round(Math.abs(p.x_um - a.x_um))),
        height_um: Math.max(1, Math.round(Math.abs(p.y_um - a.y_um))),
      };
      if (phase === 'end') {
        this.rectStart = null;
        this.d.overlay.setDraft(null);
        void this.add({ rect });
      } else this.d.overlay.setDraft({ rect });
      return;
    }
    const r = this.radius();
    if (phase === 'start') this.stroke = [pt];
    else {
      const last = this.stroke[this.stroke.length - 1];
      // a point every third of the radius keeps the union of discs a continuous band
      if (!last || Math.hypot(pt[0] - last[0], pt[1] - last[1]) >= r / 3 || phase === 'end') this.stroke.push(pt);
    }
    if (phase === 'end') {
      const points = this.stroke;
      this.stroke = [];
      this.d.overlay.setDraft(null);
      void this.paint(points, r);
    } else this.d.overlay.setDraft({ stroke: { r_um: r, points_um: this.stroke } });
  }

  private radius(): number {
    const r = Number(this.radiusIn.value);
    return Number.isFinite(r) && r > 0 ? r : 150;
  }

  /** The treatment the form describes (validated later with the whole scenario). */
  formTreatment(region: Region | null): RawTreatment {
    const agent = this.agentSel.value as AgentId;
    const spec = AGENTS[agent];
    const now = this.d.controller.sim ? this.d.controller.sim.time() : 0;
    const start = this.whenSel.value === 'at' ? Number(this.startIn.value) : now;
    const t: RawTreatment = { agent, [spec.dose_key]: Number(this.amountIn.value), start_min: start };
    const lasting = this.lastingIn.value.trim();
    if (lasting !== '') t.end_min = start + Number(lasting);
    if (spec.actions.some((a) => a.target === 'ros_burst') && t.end_min === undefined) t.end_min = start + 10;
    if (region) t.region = region;
    return t;
  }

  /** Add the form's treatment over `region` (null = everywhere); false (error shown) if refused. */
  add(region: Region | null): Promise<boolean> {
    return this.attempt(() => this.d.controller.addTreatments([this.formTreatment(region)]));
  }

  /** Run a controller change; refresh on success, show the error (run untouched) on failure. */
  private async attempt(f: () => Promise<unknown>): Promise<boolean> {
    try {
      await f();
      this.d.clearError();
      this.refresh();
      return true;
    } catch (e) {
      this.d.showError(e);
      return false;
    }
  }

  /** Paint the form's treatment along a stroke (points in um) of radius r_um. */
  paint(points_um: Array<[number, number]>, r_um = this.radius()): Promise<boolean> {
    return this.add({ stroke: { r_um, points_um } });
  }

  /** Redraw the timeline and the region outlines from the running scenario. */
  refresh(): void {
    const c = this.d.controller;
    const raw = c.rawScenario();
    const all = (raw.treatments as RawTreatment[]) ?? [];
    const nAdded = c.added.length;
    const duration = Number(raw.duration_min) || 1;
    const now = c.sim ? c.sim.time() : 0;
    this.list.replaceChildren();
    all.forEach((t, i) => {
      const start = Number(t.start_min ?? 0);
      const end = t.end_min === undefined || t.end_min === null ? duration : Math.min(duration, Number(t.end_min));
      const colour = agentColour(String(t.agent));
      const bar = el('span', { className: 'tl-bar' }, el('span', { className: 'tl-span' }), el('span', { className: 'tl-now' }));
      const [span, nowMark] = bar.children as unknown as [HTMLElement, HTMLElement];
      span.style.left = `${(100 * start) / duration}%`;
      span.style.width = `${Math.max(0.8, (100 * (end - start)) / duration)}%`;
      span.style.background = colour;
      nowMark.style.left = `${(100 * now) / duration}%`;
      const over = isPulseAgent(t.agent) ? start + 1e-9 < now : end <= now;
      const genetic = isGeneticAgent(t.agent);
      const rm = el('button', { type: 'button', className: 'tl-remove', textContent: '×' });
      rm.title = start > now ? 'delete (it has not started)' : 'end it now (the history so far stays)';
      rm.disabled = over || (genetic && start <= now);
      rm.addEventListener('click', () => void this.remove(i));
      const li = el('li', {}, el('span', { className: 'tl-text', textContent: describeTreatment(t) }), bar, rm);
      if (i >= all.length - nAdded) li.className = 'added';
      this.list.appendChild(li);
    });
    this.d.overlay.setRegions(
      all
        .filter((t) => t.region && t.agent !== 'light-pulse')
        .map((t) => ({ region: t.region as Region, colour: agentColour(String(t.agent)), label: describeTreatment(t) })),
    );
  }

  /** Remove treatment i (timeline order) from now on; false (error shown) if refused. */
  remove(i: number): Promise<boolean> {
    return this.attempt(() => this.d.controller.removeTreatment(i));
  }
}
