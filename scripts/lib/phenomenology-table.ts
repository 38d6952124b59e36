// Why this file exists: the table of docs/model.md 6.0f, made from fits/phenomenology.result.json
// (the result of `npm run fit:phenomenology`, scripts/phenomenology.ts): one row per parameter set,
// what it gives against each dataset the model is fitted to, and whether it holds. Shared by the
// script that writes the table and the test that checks the document shows the committed result.

/** A data point outside its tolerance: which (its key), the model's value and the data's. */
export interface Miss {
  key: string;
  model: number;
  data: number;
}

/** A fit's data scored at one parameter set. */
export interface FitScore {
  objective: number;
  pass: number;
  points: number;
  informative: number;
  failing: Miss[];
}

/** One parameter set: the studied parameter (null: the defaults) at factor x its default. */
export interface Variant {
  param: string | null;
  factor: number;
  value: number | null;
  ox_diffusion: number;
  speed_um_per_min: number;
  calibration: FitScore;
  spontaneous: FitScore;
  speed_at_0_6_uM: number;
  speed_at_1_25_uM: number;
  gap_160_crossed: boolean;
  gap_180_crossed: boolean;
  /** what misses its data (a calibration or spontaneous point outside its tolerance, the threshold or the gaps); the points' values are in calibration.failing and spontaneous.failing */
  misses: string[];
  /** nothing misses its data that the defaults meet */
  holds: boolean;
  wall_s: number;
}

export const fx = (x: number, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : '–');

/** The table row of `v`, judged against the defaults' row `base`. */
function row(v: Variant, base: Variant): string {
  const name = v.param ? `\`${v.param}\` x${v.factor} (${v.value})` : '**defaults**';
  const detail = (m: string) => {
    const f = [...v.calibration.failing, ...v.spontaneous.failing].find((x) => m.endsWith(x.key));
    return f ? `${m} ${fx(f.model)} (data ${f.data})` : m;
  };
  // at most three misses by name: a set far from the defaults misses dozens
  const list = (ms: string[]) => (ms.length > 3 ? `${ms.slice(0, 3).join('; ')}; and ${ms.length - 3} more` : ms.join('; '));
  const extra = list(v.misses.filter((m) => !base.misses.includes(m)).map(detail));
  const verdict =
    v.param === null ? (v.misses.length ? `misses: ${list(v.misses.map(detail))}` : 'every point within tolerance') : v.holds ? 'holds' : `**fails**: ${extra}`;
  return `| ${name} | ${fx(v.ox_diffusion, 1)} | ${v.calibration.points ? `${v.calibration.pass} of ${v.calibration.points} (${fx(v.calibration.objective, 1)})` : '–'} | ${fx(v.speed_at_0_6_uM)} / ${fx(v.speed_at_1_25_uM)} | ${v.calibration.points ? `${v.gap_160_crossed ? 'yes' : 'no'} / ${v.gap_180_crossed ? 'yes' : 'no'}` : '–'} | ${v.spontaneous.points ? `${v.spontaneous.pass} of ${v.spontaneous.points} (${fx(v.spontaneous.objective, 1)})` : '–'} | ${verdict} |`;
}

/** The markdown table of all parameter sets; the first is the defaults, the others are judged against it. */
export function phenomenologyTable(variants: readonly Variant[]): string {
  return [
    '| parameter (value) | `ox_diffusion` refitted (um²/min) | calibration points within tolerance (objective) | speed at 0.6 / 1.25 uM erastin (um/min) | 160 / 180 um gap crossed | spontaneous points within tolerance (objective) | |',
    '|---|---|---|---|---|---|---|',
    ...variants.map((v) => row(v, variants[0])),
  ].join('\n');
}

/** What the data allow of one parameter: the factors around 1 (its default) at which every set holds. */
export interface Verdict {
  param: string;
  /** the factors tried at which the parameter set holds */
  held_at: number[];
  /** the widest range of factors around 1 in which every factor tried holds */
  range: [number, number];
  /** the nearest factors outside that range that fail (null: none fails on that side) */
  fails_below: number | null;
  fails_above: number | null;
  verdict: string;
}

export function verdictOf(variants: readonly Variant[], param: string): Verdict {
  const vs = variants.filter((v) => v.param === param).sort((a, b) => a.factor - b.factor);
  const below = vs.filter((v) => v.factor < 1).reverse();
  const above = vs.filter((v) => v.factor > 1);
  const reach = (side: Variant[]) => {
    let edge = 1;
    for (const v of side) {
      if (!v.holds) return { edge, fails: v.factor };
      edge = v.factor;
    }
    return { edge, fails: null };
  };
  const lo = reach(below);
  const hi = reach(above);
  const at = (f: number) => {
    const v = vs.find((x) => x.factor === f);
    return v ? `x${f} (${v.value})` : `x${f}`;
  };
  const side = (r: { edge: number; fails: number | null }, dir: 'down' | 'up') =>
    r.fails === null
      ? `holds ${dir} to ${at(r.edge)}, the ${dir === 'down' ? 'lowest' : 'highest'} tried`
      : r.edge === 1
        ? `fails at ${at(r.fails)}`
        : `holds at ${at(r.edge)}, fails at ${at(r.fails)}`;
  return {
    param,
    held_at: vs.filter((v) => v.holds).map((v) => v.factor),
    range: [lo.edge, hi.edge],
    fails_below: lo.fails,
    fails_above: hi.fails,
    verdict: `below the default: ${side(lo, 'down')}; above: ${side(hi, 'up')}`,
  };
}

/** The markdown table of the verdicts, one row per parameter. */
export function verdictTable(verdicts: readonly Verdict[]): string {
  const range = (r: [number, number]) => (r[0] === 1 && r[1] === 1 ? 'the default only' : `x${r[0]} – x${r[1]}`);
  return [
    '| parameter | holds (factors of the default tried) | nearest failing factor below | above | what the data say |',
    '|---|---|---|---|---|',
    ...verdicts.map(
      (v) =>
        `| \`${v.param}\` | ${range(v.range)} | ${v.fails_below === null ? '–' : `x${v.fails_below}`} | ${v.fails_above === null ? '–' : `x${v.fails_above}`} | ${v.verdict} |`,
    ),
  ].join('\n');
}

/** What docs/model.md 6.0f shows between its markers: the verdicts, then every parameter set. */
export function phenomenologyBlock(verdicts: readonly Verdict[], variants: readonly Variant[]): string {
  return `${verdictTable(verdicts)}\n\nEvery parameter set:\n\n${phenomenologyTable(variants)}`;
}
