// Why this file exists: the comparison presets on the page. A list under the preset selector offers
// the shipped comparison presets (public/comparisons/*.json, each with its description); choosing
// one validates it (comparison-preset.ts), loads its base preset, runs it to the checkpoint's time
// on the workers in short pieces (the page stays responsive; a line says how far it got), saves
// the checkpoint and starts the side-by-side comparison (compare-view.ts) with the preset's arms,
// paused at the checkpoint: play runs the branches on one clock.
import { formatClock } from '../render/overlays';
import type { SavedCheckpoint } from './checkpoints-panel';
import type { CompareView } from './compare-view';
import { type ComparisonPreset, validateComparisonPreset } from './comparison-preset';
import { COMPARISON_NAMES, COMPARISON_PRESETS } from './comparison-presets';
import type { SimController } from './controller';
import { byId } from './dom';
import type { ErrorBox } from './error-box';
import { PRESETS } from '../model/presets';
import type { ScenarioPicker } from './scenario-picker';

/** steps per piece of the run to the checkpoint (one engine call each, a frame between them) */
const STEPS_PER_PIECE = 20;

export interface ComparisonPresetDeps {
  controller: SimController;
  errors: ErrorBox;
  picker: ScenarioPicker;
  compare: CompareView;
  saveCheckpoint: () => Promise<SavedCheckpoint>;
  /** called before the base preset loads (e.g. to close panels that cover the lattice) */
  beforeStart?: () => void;
}

export interface ComparisonPresetPanel {
  /** run a comparison preset by name (as choosing it in the list does); false (error shown) when it could not, or was interrupted */
  run(name: string): Promise<boolean>;
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** the description of a comparison preset as shipped ('' when it has none or is not an object) */
function descriptionOf(name: string): string {
  const d = COMPARISON_PRESETS[name]?.description;
  return typeof d === 'string' ? d : '';
}

export function mountComparisonPresetPanel(d: ComparisonPresetDeps): ComparisonPresetPanel {
  const sel = byId<HTMLSelectElement>('comparison-preset');
  const descEl = byId('comparison-desc');
  const statusEl = byId('comparison-status');
  sel.add(new Option('— choose to run side by side —', ''));
  for (const name of COMPARISON_NAMES) {
    const o = new Option(name, name);
    o.title = descriptionOf(name);
    sel.add(o);
  }
  descEl.addEventListener('click', () => descEl.classList.toggle('open'));
  /** a later choice (or a load of another scenario) ends a run to a checkpoint in progress */
  let generation = 0;

  const status = (text: string) => {
    statusEl.textContent = text;
    statusEl.hidden = !text;
  };

  /** Run the loaded simulation to step `target`, in pieces; false when something else took over the simulation meanwhile. */
  const runTo = async (c: ComparisonPreset, target: number, gen: number): Promise<boolean> => {
    const ctl = d.controller;
    const sim = ctl.sim;
    const t0 = ctl.sim.stepIndex();
    while (sim.stepIndex() < target) {
      // another comparison preset chosen, another preset chosen or loaded, a reset: stop here
      if (gen !== generation || ctl.sim !== sim || d.picker.preset() !== c.base) return false;
      if (ctl.playing) ctl.pause();
      await Promise.all([ctl.step(Math.min(STEPS_PER_PIECE, target - sim.stepIndex())), nextFrame()]);
      const pct = Math.floor((100 * (sim.stepIndex() - t0)) / Math.max(1, target - t0));
      status(`running ${c.base} to the checkpoint at ${formatClock(c.checkpoint_min)}: ${formatClock(sim.time())} (${pct} %)`);
    }
    return gen === generation && ctl.sim === sim && d.picker.preset() === c.base && sim.stepIndex() === target;
  };

  const run = async (name: string): Promise<boolean> => {
    const gen = ++generation;
    descEl.textContent = descriptionOf(name) ? `${name}: ${descriptionOf(name)}` : '';
    descEl.title = descriptionOf(name);
    let c: ComparisonPreset;
    try {
      if (!Object.hasOwn(COMPARISON_PRESETS, name)) throw new Error(`no comparison preset named "${name}"; there are ${COMPARISON_NAMES.join(', ')}`);
      c = validateComparisonPreset(COMPARISON_PRESETS[name], PRESETS);
    } catch (e) {
      d.errors.show(new Error(`comparison preset ${name}:\n${e instanceof Error ? e.message : String(e)}`));
      return false;
    }
    d.compare.end();
    d.beforeStart?.();
    status(`loading ${c.base}…`);
    if (!(await d.picker.loadPreset(c.base)) || gen !== generation) {
      status('');
      return false;
    }
    // the last step at or before the checkpoint's time: the branches' treatments (from that time) never start before the state's
    const target = Math.floor(c.checkpoint_min / d.controller.sim.dt + 1e-9);
    if (!(await runTo(c, target, gen))) {
      // another choice runs now, or the sandbox was reset, loaded or played past the checkpoint
      if (gen === generation) status(`${name}: interrupted before the checkpoint at ${formatClock(c.checkpoint_min)}; choose it again to start over`);
      return false;
    }
    try {
      const cp = await d.saveCheckpoint();
      status('');
      return await d.compare.start(cp, c.arms, name);
    } catch (e) {
      status('');
      d.errors.show(e);
      return false;
    }
  };

  sel.addEventListener('change', () => {
    const name = sel.value;
    if (!name) return;
    // back to the prompt: choosing the same preset again runs it again
    sel.value = '';
    void run(name);
  });

  return { run };
}
