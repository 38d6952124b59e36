// Why this file exists: checkpoints and branches. "save checkpoint" copies the full state now (listed
// with its time and seed); a checkpoint's "branch" continues from it in a new simulation, adding
// erastin and / or RSL3 from the checkpoint's time as the form above the list says, with the plots
// as they were at that moment.
import { formatClock } from '../render/overlays';
import type { Checkpoint, RawTreatment, SimController } from './controller';
import { byId } from './dom';
import type { ErrorBox } from './error-box';
import type { CellInspector } from './inspector';
import type { PlotSeries, PlotsPanel } from './plots-panel';
import type { ScenarioPicker } from './scenario-picker';

/** what a branch adds, from the checkpoint's time on */
export interface BranchAdd {
  erastin_uM?: number;
  rsl3_uM?: number;
}

/** a checkpoint with what the page needs to restore it: the preset selector and the plot so far */
export interface SavedCheckpoint extends Checkpoint, PlotSeries {
  preset: string;
}

export interface CheckpointsPanel {
  /** checkpoints saved so far, oldest first */
  checkpoints: SavedCheckpoint[];
  /** save a checkpoint (as the button does) */
  save(): Promise<SavedCheckpoint>;
  /** branch from a checkpoint (as its button does), adding `add` from the checkpoint's time; false (error shown) if invalid */
  branch(cp: SavedCheckpoint, add?: BranchAdd): Promise<boolean>;
}

export interface CheckpointsPanelDeps {
  controller: SimController;
  errors: ErrorBox;
  picker: ScenarioPicker;
  plots: PlotsPanel;
  inspector: CellInspector;
  /** the model editor: shows the branch's parameters */
  editor: { sync(): void };
  /** the treatment timeline: shows the branch's treatments */
  treatments: { refresh(): void };
}

function branchTreatments(cp: Checkpoint, add: BranchAdd): RawTreatment[] {
  const out: RawTreatment[] = [];
  if (add.erastin_uM !== undefined) out.push({ agent: 'erastin', uM: add.erastin_uM, start_min: cp.t_min });
  if (add.rsl3_uM !== undefined) out.push({ agent: 'rsl3', uM: add.rsl3_uM, start_min: cp.t_min });
  return out;
}

export function mountCheckpointsPanel(d: CheckpointsPanelDeps): CheckpointsPanel {
  const saveBtn = byId<HTMLButtonElement>('save-checkpoint');
  const addSel = byId<HTMLSelectElement>('branch-add');
  const erastinIn = byId<HTMLInputElement>('branch-erastin');
  const rsl3In = byId<HTMLInputElement>('branch-rsl3');
  const listEl = byId('checkpoint-list');
  const c = d.controller;
  const checkpoints: SavedCheckpoint[] = [];

  const branch = async (cp: SavedCheckpoint, add: BranchAdd = {}): Promise<boolean> => {
    try {
      await c.branch(cp, branchTreatments(cp, add));
    } catch (e) {
      d.errors.show(e);
      return false;
    }
    d.errors.clear();
    d.picker.adopt(cp.base, cp.seed, cp.preset);
    d.editor.sync();
    // the plot as it was at the checkpoint, then on from there
    d.plots.restore(cp, c.sim);
    d.inspector.sample(c.sim.state, c.sim.time());
    d.treatments.refresh();
    return true;
  };
  const formAdd = (): BranchAdd => {
    const v = addSel.value;
    const num = (el: HTMLInputElement) => Number(el.value);
    return { erastin_uM: v.includes('erastin') ? num(erastinIn) : undefined, rsl3_uM: v.includes('rsl3') ? num(rsl3In) : undefined };
  };
  const save = async (): Promise<SavedCheckpoint> => {
    const cp = await c.checkpoint();
    const saved: SavedCheckpoint = { ...cp, preset: d.picker.preset(), ...d.plots.snapshot() };
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
    listEl.appendChild(li);
    return saved;
  };
  saveBtn.addEventListener('click', () => save().catch(d.errors.show));

  return { checkpoints, save, branch };
}
