// Why this file exists: editing the model itself from the page: any documented parameter (with its
// unit, allowed range and source, searchable by name or group) and, in tumours, the subclones and
// their phenotype factors. Parameters hold for the whole run, so applying an edit restarts the run
// at t = 0 with the edited scenario (treatments added so far kept): the scenario JSON stays the
// complete description of what is shown, and exports re-run headless to the same numbers.
import { GENES } from '../model/layout';
import { PARAMS, type ParamSpec } from '../model/params';
import type { RawScenario } from './controller';
import { el } from './dom';

export interface ModelEditorDeps {
  /** the running scenario JSON (with the treatments added so far) */
  current(): RawScenario;
  /** restart from t = 0 with this scenario; resolves false (error shown) when it is invalid */
  apply(raw: RawScenario): Promise<boolean>;
}

interface SubcloneJson {
  name: string;
  pheno: Record<string, number>;
  fraction?: number;
  region?: unknown;
}

export class ModelEditor {
  /** parameter edits not yet applied, by name */
  readonly pending = new Map<string, number>();
  private subclones: SubcloneJson[] | null = null;
  private readonly filterIn = el('input', { type: 'search', placeholder: 'filter: name, group or unit', id: 'param-filter' });
  private readonly table = el('div', { className: 'param-table' });
  private readonly cloneBox = el('div', { id: 'subclone-editor' });
  private readonly applyBtn = el('button', { type: 'button', id: 'model-apply', textContent: 'apply (restarts at t = 0)' });
  private readonly status = el('div', { className: 'hint' });

  constructor(
    host: HTMLElement,
    private readonly d: ModelEditorDeps,
  ) {
    host.append(
      el('details', {}, el('summary', { textContent: 'model parameters' }), this.filterIn, this.table),
      el('details', {}, el('summary', { textContent: 'subclones (tumours)' }), this.cloneBox),
      el('div', { className: 'buttons' }, this.applyBtn),
      this.status,
    );
    this.filterIn.addEventListener('input', () => this.renderParams());
    this.applyBtn.addEventListener('click', () => void this.apply());
  }

  /** Re-read the running scenario (after a load, reset or import); drops unapplied edits. */
  sync(): void {
    this.pending.clear();
    this.clonesEdited = false;
    const tissue = this.d.current().tissue as { kind?: string; subclones?: SubcloneJson[] } | undefined;
    this.subclones = tissue?.kind === 'tumour' ? structuredClone(tissue.subclones ?? []) : null;
    this.renderParams();
    this.renderSubclones();
    this.renderStatus();
  }

  private value(p: ParamSpec): number {
    if (this.pending.has(p.name)) return this.pending.get(p.name) as number;
    const params = (this.d.current().params ?? {}) as Record<string, number>;
    return params[p.name] ?? p.default;
  }

  /** Edit one parameter (not applied until apply()). */
  setParam(name: string, v: number): void {
    this.pending.set(name, v);
    this.renderStatus();
  }

  private renderParams(): void {
    const q = this.filterIn.value.trim().toLowerCase();
    const rows: HTMLElement[] = [];
    let group = '';
    for (const p of PARAMS) {
      if (q && !`${p.name} ${p.group} ${p.unit} ${p.doc}`.toLowerCase().includes(q)) continue;
      if (p.group !== group) {
        group = p.group;
        rows.push(el('div', { className: 'param-group', textContent: group }));
      }
      const input = el('input', { type: 'number', step: 'any', min: String(p.min), max: String(p.max), value: String(this.value(p)) });
      input.dataset.param = p.name;
      if (this.value(p) !== p.default) input.classList.add('changed');
      input.addEventListener('change', () => {
        this.setParam(p.name, Number(input.value));
        input.classList.toggle('changed', Number(input.value) !== p.default);
      });
      const label = el('span', { className: 'param-name', textContent: p.name });
      label.title = `${p.doc}\nunit: ${p.unit}; default ${p.default}; allowed ${p.min} to ${p.max}\nsource: ${p.source}`;
      rows.push(
        el('label', { className: 'param-row' }, label, el('span', { className: 'inline' }, input, el('span', { className: 'hint', textContent: p.unit }))),
      );
    }
    this.table.replaceChildren(...rows);
  }

  private renderSubclones(): void {
    const box = this.cloneBox;
    box.replaceChildren();
    if (!this.subclones) {
      box.append(el('div', { className: 'hint', textContent: 'subclones belong to tumour scenarios (tissue.kind "tumour"); pick a tumour preset' }));
      return;
    }
    const list = this.subclones;
    list.forEach((c, k) => {
      const fieldset = el('fieldset', { className: 'subclone' }, el('legend', { textContent: `subclone ${k + 1}` }));
      const name = el('input', { type: 'text', value: c.name });
      name.addEventListener('change', () => {
        c.name = name.value;
        this.markClones();
      });
      fieldset.append(el('label', {}, 'name', name));
      if (c.region === undefined || c.region === null) {
        const frac = el('input', { type: 'number', min: '0', max: '1', step: 'any', value: String(c.fraction ?? 0) });
        frac.addEventListener('change', () => {
          c.fraction = Number(frac.value);
          this.markClones();
        });
        fieldset.append(el('label', {}, 'fraction of seeded cells', frac));
      } else fieldset.append(el('div', { className: 'hint', textContent: 'seeded in a region (see the scenario JSON)' }));
      for (const g of GENES) {
        const inp = el('input', { type: 'number', min: '0', step: 'any', value: String(c.pheno[g] ?? 1) });
        inp.dataset.gene = g;
        inp.addEventListener('change', () => {
          const v = Number(inp.value);
          if (v === 1) delete c.pheno[g];
          else c.pheno[g] = v;
          this.markClones();
        });
        fieldset.append(
          el('label', {}, `${g} expression`, el('span', { className: 'inline' }, inp, el('span', { className: 'hint', textContent: 'x parental' }))),
        );
      }
      const rm = el('button', { type: 'button', textContent: 'remove this subclone' });
      rm.addEventListener('click', () => {
        list.splice(k, 1);
        this.renderSubclones();
        this.markClones();
      });
      fieldset.append(rm);
      box.append(fieldset);
    });
    const add = el('button', { type: 'button', textContent: 'add a subclone' });
    add.addEventListener('click', () => {
      list.push({ name: `clone-${list.length + 1}`, pheno: {}, fraction: 0.1 });
      this.renderSubclones();
      this.markClones();
    });
    box.append(add);
  }

  private clonesEdited = false;
  private markClones(): void {
    this.clonesEdited = true;
    this.renderStatus();
  }

  private renderStatus(): void {
    const n = this.pending.size;
    const parts = [];
    if (n) parts.push(`${n} parameter${n > 1 ? 's' : ''} edited`);
    if (this.clonesEdited) parts.push('subclones edited');
    this.status.textContent = parts.length ? `${parts.join(', ')}: apply to restart the run with them` : '';
    this.applyBtn.disabled = parts.length === 0;
  }

  /** The running scenario with the edits, as it would restart. */
  edited(): RawScenario {
    const raw = structuredClone(this.d.current());
    raw.params = { ...((raw.params ?? {}) as Record<string, number>), ...Object.fromEntries(this.pending) };
    if (this.subclones && raw.tissue && typeof raw.tissue === 'object') (raw.tissue as Record<string, unknown>).subclones = structuredClone(this.subclones);
    return raw;
  }

  /** Restart at t = 0 with the edits; false (error shown, edits kept) when the scenario is invalid. */
  async apply(): Promise<boolean> {
    const ok = await this.d.apply(this.edited());
    if (ok) this.sync();
    return ok;
  }
}
