// Why this file exists: which scenario runs. The preset selector (or "(imported)" for a scenario
// from a file, a link or the model editor) with the running scenario's description under it, the
// seed and the lattice size; it holds the scenario that reset and a seed change reload, loads it on
// the workers and says how big the lattice is.
import { PRESET_NAMES, PRESETS } from '../model/presets';
import type { ResolvedScenario } from '../model/scenario';
import { formatLength } from '../render/overlays';
import type { RawScenario, SimController } from './controller';
import { byId } from './dom';
import type { ErrorBox } from './error-box';
import { intSetting } from './page-settings';

/** the preset selector's entry for a scenario that came from a file or a link */
const CUSTOM = '(imported)';

/**
 * The preset the page opens on without ?preset= or a link: a square primed dish whose ring wave
 * reads at a glance and that plays to its end in about a minute at the default speed.
 */
export const PAGE_DEFAULT_PRESET = 'primed-ring-wave';

/** A scenario's description (presets have one; a file or link may not), as plain text. */
export function describeScenario(raw: Record<string, unknown>): string {
  return typeof raw.description === 'string' ? raw.description : '';
}

export interface ScenarioPicker {
  /** (re)load the scenario with the seed shown, from t = 0; false (error shown) when it could not be */
  load(): Promise<boolean>;
  /** select a shipped preset with its own seed and load it from t = 0 (as choosing it in the selector does); false (error shown) when it could not be */
  loadPreset(name: string): Promise<boolean>;
  /** restart at t = 0 with an edited scenario; false (error shown, the previous one kept for reset) when invalid */
  restartWith(raw: RawScenario): Promise<boolean>;
  /** switch to an already validated scenario (from a file or a link) with its seed; the selector shows its name and where it came from */
  loadResolved(sc: ResolvedScenario, from?: string): Promise<boolean>;
  /** after a branch: its scenario becomes the one reset reloads; its seed and preset are shown */
  adopt(base: RawScenario, seed: number, preset: string): void;
  /** the preset selector's value (a checkpoint remembers it) */
  preset(): string;
  /** why the last load failed (shown in #error), or null */
  loadError(): unknown;
  /** show the running lattice's size in the width / height inputs and the info line */
  showLattice(sc: ResolvedScenario): void;
  /** the description of the scenario that reset reloads ('' when it has none) */
  description(): string;
  /** called after the description changed (another preset, a file or a link) */
  onDescription: (() => void) | null;
}

export function mountScenarioPicker(controller: SimController, params: URLSearchParams, errors: ErrorBox): ScenarioPicker {
  const presetSel = byId<HTMLSelectElement>('preset');
  const seedIn = byId<HTMLInputElement>('seed');
  const latW = byId<HTMLInputElement>('lat-w');
  const latH = byId<HTMLInputElement>('lat-h');
  const infoEl = byId('lattice-info');
  const descEl = byId('preset-desc');

  for (const name of PRESET_NAMES) {
    const o = new Option(name, name);
    o.title = describeScenario(PRESETS[name]);
    presetSel.add(o);
  }
  const preset = params.get('preset') ?? PAGE_DEFAULT_PRESET;
  presetSel.value = PRESET_NAMES.includes(preset) ? preset : PAGE_DEFAULT_PRESET;
  // the description folds to two lines; a click shows all of it
  descEl.addEventListener('click', () => descEl.classList.toggle('open'));
  seedIn.value = String(intSetting(params, 'seed', 0, 2 ** 32 - 1, Number(PRESETS[presetSel.value].seed ?? 0)));

  // the scenario that reset / seed changes reload: a preset, or one imported from a file or a link
  let base: RawScenario = PRESETS[presetSel.value];
  let loadError: unknown = null;
  const picker = { onDescription: null } as Pick<ScenarioPicker, 'onDescription'>;
  /** the description under the selector follows the scenario that reset reloads */
  const showDescription = () => {
    const text = describeScenario(base);
    descEl.textContent = text || (presetSel.value === CUSTOM ? 'a scenario from a file, a link or the model editor (it carries no description)' : '');
    descEl.title = text;
    presetSel.title = text;
    picker.onDescription?.();
  };
  const load = async (): Promise<boolean> => {
    const seed = Number(seedIn.value);
    loadError = null;
    try {
      if (!Number.isInteger(seed) || seed < 0) throw new Error(`seed must be an integer >= 0, got "${seedIn.value}"`);
      const lat = base.lattice as { width?: number; height?: number } | undefined;
      if (lat?.width && lat?.height) infoEl.textContent = `setting up ${(lat.width * lat.height).toLocaleString('en')} sites on the workers…`;
      await controller.load(base, seed);
      errors.clear();
      showDescription();
      return true;
    } catch (e) {
      loadError = e;
      errors.show(e);
      return false;
    }
  };
  /** the selector's entry for a scenario that is not a preset as shipped, labelled with its name: "tumour-erastin (edited)" */
  const selectCustom = (label: string) => {
    let o = [...presetSel.options].find((x) => x.value === CUSTOM);
    if (!o) {
      o = new Option(CUSTOM, CUSTOM);
      presetSel.add(o);
    }
    o.text = label;
    presetSel.value = CUSTOM;
  };
  const nameOf = (raw: RawScenario) => (typeof raw.name === 'string' && raw.name ? raw.name : 'a scenario');
  const restartWith = async (raw: RawScenario): Promise<boolean> => {
    const previous = { base, value: presetSel.value, label: [...presetSel.options].find((o) => o.value === CUSTOM)?.text ?? CUSTOM };
    base = raw;
    selectCustom(`${nameOf(raw)} (edited)`);
    if (await load()) return true;
    // refused: the selector says what runs (and what reset reloads) again
    base = previous.base;
    if (previous.value === CUSTOM) selectCustom(previous.label);
    else presetSel.value = previous.value;
    return false;
  };
  const loadResolved = async (sc: ResolvedScenario, from = 'imported'): Promise<boolean> => {
    base = sc as unknown as RawScenario;
    seedIn.value = String(sc.seed);
    selectCustom(`${nameOf(base)} (${from})`);
    return load();
  };

  const loadPreset = (name: string): Promise<boolean> => {
    if (!PRESET_NAMES.includes(name)) {
      errors.show(new Error(`no preset named "${name}"`));
      return Promise.resolve(false);
    }
    presetSel.value = name;
    base = PRESETS[name];
    seedIn.value = String(PRESETS[name].seed ?? 0);
    return load();
  };
  presetSel.addEventListener('change', () => {
    if (presetSel.value === CUSTOM) return;
    void loadPreset(presetSel.value);
  });
  seedIn.addEventListener('change', () => void load());
  // lattice size: the running scenario (treatments added so far kept) on a new lattice, from t = 0
  const resize = async (): Promise<boolean> => {
    const W = Number(latW.value),
      H = Number(latH.value);
    if (!(Number.isInteger(W) && Number.isInteger(H) && W >= 1 && H >= 1 && W <= 2048 && H <= 2048)) {
      errors.show(
        new Error(
          `lattice: width and height must be whole numbers of sites from 1 to 2048 in the sandbox (got ${latW.value} x ${latH.value}; a scenario file or link may be larger, within the limits of the scenario validation)`,
        ),
      );
      return false;
    }
    const raw = controller.rawScenario();
    return restartWith({ ...raw, lattice: { ...(raw.lattice as Record<string, unknown>), width: W, height: H } });
  };
  latW.addEventListener('change', () => void resize());
  latH.addEventListener('change', () => void resize());

  showDescription();
  return Object.assign(picker, {
    load,
    loadPreset,
    restartWith,
    loadResolved,
    adopt: (raw: RawScenario, seed: number, name: string) => {
      base = raw;
      seedIn.value = String(seed);
      if ([...presetSel.options].some((o) => o.value === name)) presetSel.value = name;
      showDescription();
    },
    preset: () => presetSel.value,
    loadError: () => loadError,
    showLattice: (sc: ResolvedScenario) => {
      const { width, height, site_um } = sc.lattice;
      latW.value = String(width);
      latH.value = String(height);
      infoEl.textContent = `${width} x ${height} sites (${formatLength(width * site_um)} x ${formatLength(height * site_um)}), ${site_um} um per site`;
    },
    description: () => describeScenario(base),
  });
}
