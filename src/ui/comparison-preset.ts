// Why this file exists: comparison presets are data, validated up front like scenarios. A
// comparison preset (public/comparisons/*.json) names a base preset, the time of the checkpoint and
// 2 to 4 branches ("arms"), each a label and the treatments it adds from the checkpoint's time; the
// page runs the base to the checkpoint and starts the side-by-side comparison (comparison.ts) with
// the arms. This checks such a file (each problem names its field and what is allowed; each arm is
// resolved as the scenario it runs, base + its treatments, by the scenario validation) and turns it
// into the ArmSpecs the comparison takes. No DOM.
import { DESCRIPTION_MAX_CHARS, MAX_PROBLEMS, NAME_MAX_CHARS } from '../model/scenario-limits';
import { isObj, type Problem, ProblemsError, resolveScenario, ScenarioError } from '../model/scenario';
import { hasControl } from '../model/printable';
import { FERROWAVE_VERSION } from '../model/version';
import type { ArmSpec } from './comparison';
import type { RawScenario, RawTreatment } from './controller';

/** how many branches a comparison has (comparison.ts's Comparison.start takes 2 to 4) */
export const MIN_ARMS = 2;
export const MAX_ARMS = 4;
/** an arm's label is a pane's title and a table row's name: one short line */
export const ARM_LABEL_MAX_CHARS = 60;

const KEYS = ['name', 'description', 'base', 'checkpoint_min', 'arms'] as const;
const ARM_KEYS = ['label', 'add'] as const;

/** A validated comparison preset, ready to run. */
export interface ComparisonPreset {
  name: string;
  description: string;
  /** the base preset's name and its scenario JSON */
  base: string;
  baseScenario: RawScenario;
  /** when the checkpoint is saved, min */
  checkpoint_min: number;
  /** the arms as the comparison takes them: every added treatment has its start_min (the checkpoint's time when the file left it out) */
  arms: ArmSpec[];
}

export class ComparisonPresetError extends ProblemsError {
  override name = 'ComparisonPresetError';
}

const listed = (xs: readonly string[]) => xs.map((x) => `"${x}"`).join(', ');

/**
 * Validate a comparison preset (parsed JSON) against the presets it may name (`presets`: name ->
 * scenario JSON). Throws ComparisonPresetError listing every problem; returns the arms with the
 * checkpoint's time filled in as the start of treatments that leave it out.
 */
export function validateComparisonPreset(raw: unknown, presets: Readonly<Record<string, RawScenario>>): ComparisonPreset {
  const problems: Problem[] = [];
  let omitted = 0;
  const bad = (path: string, value: unknown, message: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push({ path, value, message });
    else omitted++;
  };
  if (!isObj(raw)) throw new ComparisonPresetError([{ path: 'comparison', value: raw, message: 'must be a JSON object' }]);
  for (const k of Object.keys(raw))
    if (!(KEYS as readonly string[]).includes(k) && k !== '$schema') bad(`comparison.${k}`, raw[k], `unknown key; allowed: ${listed(KEYS)}`);

  const { name, description } = raw;
  if (typeof name !== 'string' || !name || name.length > NAME_MAX_CHARS || hasControl(name))
    bad('comparison.name', name, `required: one line of text without control characters, at most ${NAME_MAX_CHARS} characters`);
  if (description !== undefined && (typeof description !== 'string' || description.length > DESCRIPTION_MAX_CHARS))
    bad('comparison.description', description, `must be text of at most ${DESCRIPTION_MAX_CHARS} characters`);

  // the base preset, resolved: its duration bounds the checkpoint's time
  const names = Object.keys(presets);
  const baseName = raw.base;
  const baseScenario = typeof baseName === 'string' && Object.hasOwn(presets, baseName) ? presets[baseName] : null;
  let duration: number | null = null;
  if (!baseScenario) bad('comparison.base', baseName, `must be the name of a preset: one of ${listed(names)}`);
  else {
    try {
      duration = resolveScenario(baseScenario, FERROWAVE_VERSION).duration_min;
    } catch (e) {
      bad('comparison.base', baseName, `the preset is not a valid scenario: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  const t = raw.checkpoint_min;
  const tOk = typeof t === 'number' && Number.isFinite(t) && t >= 0 && (duration === null || t <= duration);
  if (!tOk)
    bad(
      'comparison.checkpoint_min',
      t,
      duration === null ? 'must be a time >= 0 min' : `must be a time in [0, ${duration}] min (0 to the base preset's duration_min)`,
    );

  const arms: ArmSpec[] = [];
  if (!Array.isArray(raw.arms) || raw.arms.length < MIN_ARMS || raw.arms.length > MAX_ARMS) {
    bad('comparison.arms', raw.arms, `must be a list of ${MIN_ARMS} to ${MAX_ARMS} branches, each { "label": text, "add": [treatments] }`);
  } else {
    const labels = new Set<string>();
    raw.arms.forEach((arm: unknown, k: number) => {
      const p = `comparison.arms[${k}]`;
      if (!isObj(arm)) {
        bad(p, arm, 'must be { "label": text, "add": [treatments added from the checkpoint\'s time] }');
        return;
      }
      for (const key of Object.keys(arm))
        if (!(ARM_KEYS as readonly string[]).includes(key)) bad(`${p}.${key}`, arm[key], `unknown key; allowed: ${listed(ARM_KEYS)}`);
      const label = arm.label;
      if (typeof label !== 'string' || !label.trim() || label.length > ARM_LABEL_MAX_CHARS || hasControl(label))
        bad(`${p}.label`, label, `required: one line of text without control characters, at most ${ARM_LABEL_MAX_CHARS} characters`);
      else if (labels.has(label)) bad(`${p}.label`, label, "must differ from the other branches' labels (it names the pane and the table row)");
      else labels.add(label);
      const add = arm.add === undefined ? [] : arm.add;
      if (!Array.isArray(add)) {
        bad(`${p}.add`, arm.add, 'must be a list of treatments (scenario JSON, e.g. { "agent": "calcium-free", "uM": 0 }); [] adds nothing');
        return;
      }
      // the checkpoint's time is the start of treatments that leave it out; none may start before it
      const added: RawTreatment[] = [];
      add.forEach((tr: unknown, j: number) => {
        if (!isObj(tr)) {
          bad(`${p}.add[${j}]`, tr, 'must be a treatment (scenario JSON, e.g. { "agent": "calcium-free", "uM": 0 })');
          return;
        }
        const s = tr.start_min;
        if (s !== undefined && tOk && !(typeof s === 'number' && s >= (t as number)))
          bad(`${p}.add[${j}].start_min`, s, `must be at or after the checkpoint's time (comparison.checkpoint_min = ${t} min), or left out to start there`);
        added.push(tOk ? { ...structuredClone(tr), start_min: s ?? t } : structuredClone(tr));
      });
      if (typeof label === 'string') arms.push({ label, add: added });
      // the arm as the scenario it runs: the base preset with its treatments added
      if (!baseScenario || !tOk || added.length !== add.length) return;
      const treatments = Array.isArray(baseScenario.treatments) ? (baseScenario.treatments as RawTreatment[]) : [];
      try {
        resolveScenario({ ...structuredClone(baseScenario), treatments: [...structuredClone(treatments), ...added] }, FERROWAVE_VERSION);
      } catch (e) {
        if (!(e instanceof ScenarioError)) throw e;
        // the scenario's treatments[n] past the base's are this arm's add[n - base's]
        const prefix = /^scenario\.treatments\[(\d+)\]/;
        for (const q of e.problems) {
          const m = prefix.exec(q.path);
          const n = m ? Number(m[1]) - treatments.length : -1;
          const path = n >= 0 ? q.path.replace(prefix, `${p}.add[${n}]`) : `${p} (the base preset with this branch's treatments) ${q.path}`;
          bad(path, q.value, q.message);
        }
      }
    });
  }

  if (problems.length) throw new ComparisonPresetError(problems, omitted);
  return {
    name: name as string,
    description: typeof description === 'string' ? description : '',
    base: baseName as string,
    baseScenario: baseScenario as RawScenario,
    checkpoint_min: t as number,
    arms,
  };
}
