// Why this file exists: scenarios are data. This is their schema, the validation that runs
// before anything is computed (one message per problem, naming the JSON path, the value and what
// is allowed), and the resolution that fills in every default so a run folder is self-describing.
import { AGENT_IDS, AGENTS, type AgentId, GENETIC_AGENTS, type GeneticAgent, isGeneticAgent } from './agents';
import { JsonTextError, parseJsonText } from './json-text';
import { GENES, type Gene } from './layout';
import { FORBIDDEN_TEXT, isForbiddenKey } from './own-keys';
import { PARAMS, paramSpec, resolveParams } from './params';
import { hasControl, preview, printable } from './printable';
import { latticeExtent, regionOverlaps } from './region-extent';
import {
  type Bound,
  DENSITY,
  DESCRIPTION_MAX_CHARS,
  DT_MIN,
  DURATION,
  FIELD_EVERY,
  FIELD_EVERY_DEFAULT,
  KNOCKDOWN_FACTOR,
  LATTICE_SIDE,
  MAX_GAPS,
  MAX_PROBLEMS,
  MAX_SEEDS,
  MAX_STROKE_POINTS_TOTAL,
  MAX_SUBCLONES,
  MAX_TREATMENTS,
  MAX_VESSELS,
  NAME_MAX_CHARS,
  OVEREXPRESS_FACTOR,
  PHENO_FACTOR,
  PREGROWN,
  SAMPLE_EVERY,
  SEED,
  SITE_UM,
  SLOW_EVERY,
  START_MIN,
  SUBCLONE_FRACTION,
  STROKE_MAX_POINTS,
  scaleProblems,
} from './scenario-limits';
import { setPath } from './set-path';
import { TARGETS } from './targets';

export { STROKE_MAX_POINTS } from './scenario-limits';

export interface Disc {
  x_um: number;
  y_um: number;
  r_um: number;
}
export interface Rect {
  x_um: number;
  y_um: number;
  width_um: number;
  height_um: number;
}
/** A painted brush stroke: the union of discs of radius r_um centred on the points (x_um, y_um). */
export interface Stroke {
  r_um: number;
  points_um: Array<[number, number]>;
}
export interface Region {
  disc?: Disc;
  rect?: Rect;
  stroke?: Stroke;
}

export interface Treatment {
  agent: AgentId | GeneticAgent;
  /** concentration in uM (drugs, media) */
  uM?: number;
  /** dose in the agent's unit (light-pulse) */
  dose?: number;
  start_min: number;
  end_min: number | null;
  region: Region | null;
  /** genetic changes only */
  gene?: Gene;
  factor?: number;
}

export interface Gap {
  x_um: number;
  width_um: number;
}

/** A confluent dish (density 1) or a sparser one, with optional scratched cell-free bands. */
export interface Monolayer {
  kind: 'monolayer';
  gaps: Gap[];
  density: number;
}

/** A subclone: phenotype factors (1 = parental) for cells seeded in `region`, or a `fraction` of them. */
export interface Subclone {
  name: string;
  pheno: Partial<Record<Gene, number>>;
  fraction: number;
  region: Region | null;
}

/**
 * A tumour that has already grown, made at load (pregrown.ts): a roughly round mass of radius r_um
 * around (x_um, y_um) (default: the lattice's middle) with a rim irregular by `roughness` x r_um,
 * vessels a jittered vessel_spacing_um apart outside an avascular core (avascular_core x r_um),
 * subclones in angular sectors (`sectors`), and a necrotic core where the oxygen those vessels
 * give falls below necrosis_o2.
 */
export interface Pregrown {
  x_um?: number;
  y_um?: number;
  r_um: number;
  roughness: number;
  vessel_spacing_um: number;
  vessel_r_um: number;
  avascular_core: number;
  sectors: boolean;
}

/**
 * A tumour grown from seed regions by division into free sites, or pre-grown (`pregrown`); oxygen,
 * nutrients and drugs arrive from vessels and (boundary "medium") from the lattice edge.
 */
export interface Tumour {
  kind: 'tumour';
  seeds: Region[];
  vessels: Array<{ x_um: number; y_um: number; r_um: number }>;
  subclones: Subclone[];
  /** a mass made at load (only when given) */
  pregrown?: Pregrown;
}

export interface Scenario {
  name: string;
  description: string;
  seed: number;
  lattice: { width: number; height: number; site_um: number };
  duration_min: number;
  tissue: Monolayer | Tumour;
  boundary: 'noflux' | 'medium';
  treatments: Treatment[];
  params: Record<string, number>;
  numerics: { dt_min: number; field_every: number; slow_every: number };
  output: { sample_every_min: number };
}

/** A resolved scenario: defaults filled in, every parameter listed, plus provenance. */
export interface ResolvedScenario extends Scenario {
  ferrowave_version: string;
}

export interface Problem {
  path: string;
  value: unknown;
  message: string;
}

/**
 * Input (a scenario, a sweep or fit file, a comparison preset) that failed its checks: the message
 * lists every problem; `problems` holds the first MAX_PROBLEMS found, `omitted` counts the others.
 * Each kind of input has its own subclass, named for it.
 */
export class ProblemsError extends Error {
  constructor(
    readonly problems: Problem[],
    readonly omitted = 0,
  ) {
    super(problems.map(formatProblem).join('\n') + omittedText(omitted));
  }
}

export class ScenarioError extends ProblemsError {
  override name = 'ScenarioError';
}

/** "\n(and 12 more problems)" after a list cut at MAX_PROBLEMS, or "". */
export function omittedText(omitted: number): string {
  return omitted > 0 ? `\n(and ${omitted} more problem${omitted > 1 ? 's' : ''})` : '';
}

/** One line: the path, the value (cut to ~200 characters) and what is allowed; never a raw control character. */
export function formatProblem(p: Problem): string {
  const shown = p.value === undefined ? 'missing' : preview(p.value);
  return printable(`${p.path}: ${shown} — ${p.message}`);
}

/** a plain JSON object (not null, not an array) */
export const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
/** a list that may be left out (null is not "left out": it is reported) */
const absentAsEmpty = (v: unknown): unknown => (v === undefined ? [] : v);

class Checker {
  problems: Problem[] = [];
  omitted = 0;
  /** the lattice's extent in um (null while the lattice itself is invalid): regions must overlap it */
  area: { W: number; H: number } | null = null;
  /** points of the painted strokes so far */
  strokePoints = 0;
  bad(path: string, value: unknown, message: string) {
    if (this.problems.length < MAX_PROBLEMS) this.problems.push({ path, value, message });
    else this.omitted++;
  }
  count(): number {
    return this.problems.length + this.omitted;
  }
  /** reports keys not `allowed` (listed in the message) nor `unlisted` (allowed, for editors: $schema) */
  keys(obj: Record<string, unknown>, path: string, allowed: readonly string[], unlisted: readonly string[] = []) {
    for (const k of Object.keys(obj)) {
      if (unlisted.includes(k)) continue;
      if (isForbiddenKey(k)) this.bad(`${path}.${k}`, obj[k], `forbidden key: ${FORBIDDEN_TEXT}`);
      else if (!allowed.includes(k)) this.bad(`${path}.${k}`, obj[k], `unknown key; allowed keys here: ${allowed.join(', ')}`);
    }
  }
  /** a list of at most `max` items (checked before any item is read), or null after reporting it */
  list(v: unknown, path: string, max: number, shape: string): unknown[] | null {
    if (!Array.isArray(v)) {
      this.bad(path, v, `must be a list of ${shape}`);
      return null;
    }
    if (v.length > max) {
      this.bad(path, v, `${v.length} items: at most ${max}`);
      return null;
    }
    return v;
  }
  num(obj: Record<string, unknown>, key: string, path: string, opt: Bound): number {
    const v = obj[key];
    const unit = opt.unit ? ` (${opt.unit})` : '';
    if (v === undefined) {
      if (opt.def !== undefined) return opt.def;
      this.bad(`${path}.${key}`, v, `required: a number${unit}${rangeText(opt)}`);
      return Number.NaN;
    }
    if (
      !isNum(v) ||
      (opt.int && !Number.isInteger(v)) ||
      (opt.min !== undefined && v < opt.min) ||
      (opt.max !== undefined && v > opt.max) ||
      (opt.gt !== undefined && v <= opt.gt)
    ) {
      this.bad(`${path}.${key}`, v, `must be ${opt.int ? 'an integer' : 'a number'}${unit}${rangeText(opt)}`);
      return Number.NaN;
    }
    // -0 is 0 (JSON writes it so: a resolved scenario reads back as itself)
    return v === 0 ? 0 : v;
  }
}

function rangeText(o: { min?: number; max?: number; gt?: number }): string {
  const lo = o.gt !== undefined ? `> ${o.gt}` : o.min !== undefined ? `>= ${o.min}` : '';
  const hi = o.max !== undefined ? `<= ${o.max}` : '';
  return lo || hi ? `, ${[lo, hi].filter(Boolean).join(' and ')}` : '';
}

const TOP_KEYS = [
  'name',
  'description',
  'seed',
  'lattice',
  'duration_min',
  'tissue',
  'boundary',
  'treatments',
  'params',
  'numerics',
  'output',
  'ferrowave_version',
];
const TREATMENT_KEYS = ['agent', 'uM', 'dose', 'start_min', 'end_min', 'region', 'gene', 'factor'];

const REGION_FORMS = '"disc" {x_um, y_um, r_um}, "rect" {x_um, y_um, width_um, height_um} or "stroke" {r_um, points_um: [[x_um, y_um], ...]}';

/** A region, checked field by field, then against the lattice: one wholly outside it is an error. */
function checkRegion(c: Checker, v: unknown, path: string): Region | null {
  const before = c.count();
  const region = parseRegion(c, v, path);
  if (region && c.area && c.count() === before && !regionOverlaps(region, c.area.W, c.area.H))
    c.bad(path, v, `lies wholly outside the lattice (${latticeExtent(c.area.W, c.area.H)}): it would cover no site`);
  return region;
}

function parseRegion(c: Checker, v: unknown, path: string): Region | null {
  if (v === undefined || v === null) return null;
  if (!isObj(v)) {
    c.bad(path, v, `must be an object with one of ${REGION_FORMS}`);
    return null;
  }
  c.keys(v, path, ['disc', 'rect', 'stroke']);
  const given = ['disc', 'rect', 'stroke'].filter((k) => v[k] !== undefined);
  if (given.length !== 1) {
    c.bad(path, v, `give exactly one of ${REGION_FORMS}`);
    return null;
  }
  if (!isObj(v[given[0]])) {
    c.bad(`${path}.${given[0]}`, v[given[0]], `must be an object: ${REGION_FORMS}`);
    return null;
  }
  if (isObj(v.disc)) {
    const d = v.disc;
    const p = `${path}.disc`;
    c.keys(d, p, ['x_um', 'y_um', 'r_um']);
    return { disc: { x_um: c.num(d, 'x_um', p, { unit: 'um' }), y_um: c.num(d, 'y_um', p, { unit: 'um' }), r_um: c.num(d, 'r_um', p, { gt: 0, unit: 'um' }) } };
  }
  if (isObj(v.stroke)) {
    const st = v.stroke;
    const p = `${path}.stroke`;
    c.keys(st, p, ['r_um', 'points_um']);
    const r_um = c.num(st, 'r_um', p, { gt: 0, unit: 'um' });
    const pts = st.points_um;
    const points_um: Array<[number, number]> = [];
    if (!Array.isArray(pts) || pts.length === 0 || pts.length > STROKE_MAX_POINTS) {
      c.bad(`${p}.points_um`, Array.isArray(pts) ? `${pts.length} points` : pts, `must be a list of 1 to ${STROKE_MAX_POINTS} points [x_um, y_um]`);
    } else if (c.strokePoints + pts.length > MAX_STROKE_POINTS_TOTAL) {
      c.strokePoints += pts.length;
      c.bad(
        `${p}.points_um`,
        `${pts.length} points`,
        `the strokes of a scenario hold at most ${MAX_STROKE_POINTS_TOTAL} points together (${c.strokePoints} so far)`,
      );
    } else {
      c.strokePoints += pts.length;
      for (const [i, q] of pts.entries()) {
        if (Array.isArray(q) && q.length === 2 && q.every((z) => typeof z === 'number' && Number.isFinite(z))) points_um.push([q[0], q[1]]);
        else c.bad(`${p}.points_um[${i}]`, q, 'must be a point [x_um, y_um] of two finite numbers (um)');
      }
    }
    return { stroke: { r_um, points_um } };
  }
  const r = v.rect as Record<string, unknown>;
  const p = `${path}.rect`;
  c.keys(r, p, ['x_um', 'y_um', 'width_um', 'height_um']);
  return {
    rect: {
      x_um: c.num(r, 'x_um', p, { unit: 'um' }),
      y_um: c.num(r, 'y_um', p, { unit: 'um' }),
      width_um: c.num(r, 'width_um', p, { gt: 0, unit: 'um' }),
      height_um: c.num(r, 'height_um', p, { gt: 0, unit: 'um' }),
    },
  };
}

function checkMonolayer(c: Checker, t: Record<string, unknown>): Monolayer {
  const out: Monolayer = { kind: 'monolayer', gaps: [], density: 1 };
  c.keys(t, 'scenario.tissue', ['kind', 'gaps', 'density']);
  out.density = c.num(t, 'density', 'scenario.tissue', DENSITY);
  const gaps = c.list(absentAsEmpty(t.gaps), 'scenario.tissue.gaps', MAX_GAPS, '{ "x_um": um, "width_um": um }') ?? [];
  for (const [i, g] of gaps.entries()) {
    const p = `scenario.tissue.gaps[${i}]`;
    if (!isObj(g)) {
      c.bad(p, g, 'must be { "x_um": um, "width_um": um }');
      continue;
    }
    c.keys(g, p, ['x_um', 'width_um']);
    const W = c.area?.W;
    const gap = { x_um: c.num(g, 'x_um', p, { min: 0, max: W, unit: 'um' }), width_um: c.num(g, 'width_um', p, { gt: 0, unit: 'um' }) };
    if (W !== undefined && gap.x_um === W) c.bad(`${p}.x_um`, gap.x_um, `at the lattice's right edge (${W} um): the gap would cut no site`);
    out.gaps.push(gap);
  }
  return out;
}

function checkTumour(c: Checker, t: Record<string, unknown>, lattice: { width: number; height: number; site_um: number }): Tumour {
  c.keys(t, 'scenario.tissue', ['kind', 'seeds', 'vessels', 'subclones', 'pregrown']);
  const W = lattice.width * lattice.site_um,
    H = lattice.height * lattice.site_um;
  const out: Tumour = { kind: 'tumour', seeds: [], vessels: [], subclones: [] };
  const list = (key: string, max: number, shape: string): unknown[] => c.list(absentAsEmpty(t[key]), `scenario.tissue.${key}`, max, shape) ?? [];
  if (t.pregrown !== undefined) {
    const g = checkPregrown(c, t.pregrown, W, H);
    if (g) out.pregrown = g;
  }
  // no seed given: one disc in the middle (when the lattice is valid), unless the tumour is pre-grown
  const middle = c.area && t.pregrown === undefined ? [{ disc: { x_um: W / 2, y_um: H / 2, r_um: Math.min(W, H) / 10 } }] : [];
  const seeds = t.seeds === undefined ? middle : list('seeds', MAX_SEEDS, 'regions ({ "disc": ... } or { "rect": ... })');
  seeds.forEach((r, i) => {
    if (r === null || r === undefined) {
      c.bad(`scenario.tissue.seeds[${i}]`, r, `must be a region: an object with one of ${REGION_FORMS}`);
      return;
    }
    const reg = checkRegion(c, r, `scenario.tissue.seeds[${i}]`);
    if (reg) out.seeds.push(reg);
  });
  for (const [i, v] of list('vessels', MAX_VESSELS, '{ "x_um": um, "y_um": um, "r_um": um }').entries()) {
    const p = `scenario.tissue.vessels[${i}]`;
    if (!isObj(v)) {
      c.bad(p, v, 'must be { "x_um": um, "y_um": um, "r_um": um (optional, default one site) }');
      continue;
    }
    c.keys(v, p, ['x_um', 'y_um', 'r_um']);
    out.vessels.push({
      x_um: c.num(v, 'x_um', p, { min: 0, max: W, unit: 'um' }),
      y_um: c.num(v, 'y_um', p, { min: 0, max: H, unit: 'um' }),
      r_um: c.num(v, 'r_um', p, { min: 0, max: Math.max(W, H), def: 0, unit: 'um' }),
    });
  }
  for (const [i, v] of list('subclones', MAX_SUBCLONES, '{ "name": text, "pheno": { "<GENE>": factor }, "fraction": 0-1 or "region": region }').entries()) {
    const p = `scenario.tissue.subclones[${i}]`;
    if (!isObj(v)) {
      c.bad(p, v, 'must be { "name": text, "pheno": { "<GENE>": factor }, "fraction": 0-1 } or with "region"');
      continue;
    }
    c.keys(v, p, ['name', 'pheno', 'fraction', 'region']);
    const pheno: Partial<Record<Gene, number>> = {};
    if (!isObj(v.pheno)) c.bad(`${p}.pheno`, v.pheno, `required: { "<GENE>": factor } with genes ${GENES.join(', ')}`);
    else
      for (const [g, f] of Object.entries(v.pheno)) {
        if (isForbiddenKey(g)) c.bad(`${p}.pheno.${g}`, f, `forbidden key: ${FORBIDDEN_TEXT}`);
        else if (!(GENES as readonly string[]).includes(g)) c.bad(`${p}.pheno.${g}`, f, `unknown gene; allowed: ${GENES.join(', ')}`);
        else pheno[g as Gene] = c.num(v.pheno, g, `${p}.pheno`, PHENO_FACTOR);
      }
    if (typeof v.name !== 'string' || !v.name) c.bad(`${p}.name`, v.name, 'required: a name for the subclone');
    const region = checkRegion(c, v.region, `${p}.region`);
    const fraction = c.num(v, 'fraction', p, SUBCLONE_FRACTION);
    out.subclones.push({ name: String(v.name), pheno, fraction, region });
  }
  const total = out.subclones.reduce((a, s) => a + (s.region ? 0 : s.fraction), 0);
  if (total > 1 + 1e-9) c.bad('scenario.tissue.subclones', Number(total.toFixed(6)), 'the fractions of subclones without a region must add up to at most 1');
  return out;
}

const PREGROWN_SHAPE =
  '{ "r_um": um, "x_um": um, "y_um": um, "roughness": 0-0.5, "vessel_spacing_um": um, "vessel_r_um": um, "avascular_core": 0-1, "sectors": true|false }';

/** tissue.pregrown: every number in its bounds, the mass on the lattice, its vessels not too many */
function checkPregrown(c: Checker, v: unknown, W: number, H: number): Pregrown | null {
  const path = 'scenario.tissue.pregrown';
  if (!isObj(v)) {
    c.bad(path, v, `must be ${PREGROWN_SHAPE} (r_um required)`);
    return null;
  }
  const before = c.count();
  c.keys(v, path, ['x_um', 'y_um', 'r_um', 'roughness', 'vessel_spacing_um', 'vessel_r_um', 'avascular_core', 'sectors']);
  const g: Pregrown = {
    r_um: c.num(v, 'r_um', path, PREGROWN.r_um),
    roughness: c.num(v, 'roughness', path, PREGROWN.roughness),
    vessel_spacing_um: c.num(v, 'vessel_spacing_um', path, PREGROWN.vessel_spacing_um),
    vessel_r_um: c.num(v, 'vessel_r_um', path, PREGROWN.vessel_r_um),
    avascular_core: c.num(v, 'avascular_core', path, PREGROWN.avascular_core),
    sectors: true,
  };
  if (v.x_um !== undefined) g.x_um = c.num(v, 'x_um', path, { min: 0, max: Number.isFinite(W) ? W : undefined, unit: 'um' });
  if (v.y_um !== undefined) g.y_um = c.num(v, 'y_um', path, { min: 0, max: Number.isFinite(H) ? H : undefined, unit: 'um' });
  if (v.sectors !== undefined) {
    if (typeof v.sectors !== 'boolean') c.bad(`${path}.sectors`, v.sectors, 'must be true (subclones in angular sectors) or false (each cell drawn)');
    else g.sectors = v.sectors;
  }
  if (c.count() > before || !c.area) return g;
  // the generated vessels: about the mass's vascular area over one per vessel_spacing_um^2 (0.87: the grid's rows)
  const reach = g.r_um * (1 + g.roughness);
  const vessels = (Math.PI * reach * reach * (1 - g.avascular_core * g.avascular_core)) / (0.866 * g.vessel_spacing_um * g.vessel_spacing_um);
  if (vessels > MAX_VESSELS)
    c.bad(
      `${path}.vessel_spacing_um`,
      g.vessel_spacing_um,
      `gives about ${Math.round(vessels)} vessels in a mass of r_um ${g.r_um}: at most ${MAX_VESSELS}; space them at least ${Math.ceil(g.vessel_spacing_um * Math.sqrt(vessels / MAX_VESSELS))} um apart`,
    );
  return g;
}

function checkTreatment(c: Checker, v: unknown, path: string, duration: number): Treatment | null {
  if (!isObj(v)) {
    c.bad(path, v, 'must be an object like { "agent": "erastin", "uM": 10, "start_min": 0 }');
    return null;
  }
  c.keys(v, path, TREATMENT_KEYS);
  const agent = v.agent;
  const allowedAgents = [...AGENT_IDS, ...GENETIC_AGENTS];
  if (typeof agent !== 'string' || !(allowedAgents as readonly string[]).includes(agent)) {
    c.bad(`${path}.agent`, agent, `unknown agent; allowed: ${allowedAgents.join(', ')}`);
    return null;
  }
  const start = c.num(v, 'start_min', path, START_MIN);
  let end: number | null = null;
  if (v.end_min !== undefined && v.end_min !== null) {
    end = c.num(v, 'end_min', path, { unit: 'min' });
    if (isNum(end) && isNum(start) && end <= start) c.bad(`${path}.end_min`, end, `must be after start_min (${start} min)`);
  }
  const region = checkRegion(c, v.region, `${path}.region`);
  const t: Treatment = { agent: agent as Treatment['agent'], start_min: start, end_min: end, region };
  if (isGeneticAgent(agent)) {
    if (typeof v.gene !== 'string' || !(GENES as readonly string[]).includes(v.gene)) {
      c.bad(`${path}.gene`, v.gene, `required for ${agent}: one of ${GENES.join(', ')}`);
    } else t.gene = v.gene as Gene;
    t.factor = c.num(v, 'factor', path, agent === 'knockdown' ? KNOCKDOWN_FACTOR : OVEREXPRESS_FACTOR);
    for (const k of ['uM', 'dose'] as const) if (v[k] !== undefined) c.bad(`${path}.${k}`, v[k], `not used by ${agent}: give "gene" and "factor"`);
    if (start !== 0) c.bad(`${path}.start_min`, start, 'genetic changes apply from the start: must be 0');
    return t;
  }
  if (v.gene !== undefined) c.bad(`${path}.gene`, v.gene, 'only knockdown/overexpress take a gene');
  if (v.factor !== undefined) c.bad(`${path}.factor`, v.factor, 'only knockdown/overexpress take a factor');
  const spec = AGENTS[agent as AgentId];
  const key = spec.dose_key;
  const other = key === 'uM' ? 'dose' : 'uM';
  if (v[other] !== undefined) c.bad(`${path}.${other}`, v[other], `${agent} takes "${key}" (${spec.unit}), not "${other}"`);
  const amount = c.num(v, key, path, { min: spec.range[0], max: spec.range[1], def: spec.default_dose, unit: spec.unit });
  if (key === 'uM') t.uM = amount;
  else t.dose = amount;
  if (isNum(start) && start > duration) c.bad(`${path}.start_min`, start, `after the end of the run (duration_min ${duration})`);
  return t;
}

/**
 * Validate raw JSON (already parsed) and return the resolved scenario with every default.
 * Throws ScenarioError listing every problem found.
 */
export function resolveScenario(raw: unknown, version: string): ResolvedScenario {
  const c = new Checker();
  if (!isObj(raw)) throw new ScenarioError([{ path: 'scenario', value: raw, message: 'must be a JSON object' }]);
  c.keys(raw, 'scenario', TOP_KEYS, ['$schema']);
  const seed = c.num(raw, 'seed', 'scenario', SEED);

  let lattice = { width: Number.NaN, height: Number.NaN, site_um: Number.NaN };
  if (!isObj(raw.lattice)) c.bad('scenario.lattice', raw.lattice, 'required: { "width": sites, "height": sites, "site_um": um }');
  else {
    c.keys(raw.lattice, 'scenario.lattice', ['width', 'height', 'site_um']);
    lattice = {
      width: c.num(raw.lattice, 'width', 'scenario.lattice', LATTICE_SIDE),
      height: c.num(raw.lattice, 'height', 'scenario.lattice', LATTICE_SIDE),
      site_um: c.num(raw.lattice, 'site_um', 'scenario.lattice', SITE_UM),
    };
    const W = lattice.width * lattice.site_um;
    const H = lattice.height * lattice.site_um;
    if (Number.isFinite(W) && Number.isFinite(H)) c.area = { W, H };
  }
  const duration = c.num(raw, 'duration_min', 'scenario', DURATION);

  let tissue: Scenario['tissue'] = { kind: 'monolayer', gaps: [], density: 1 };
  if (raw.tissue !== undefined) {
    if (!isObj(raw.tissue)) c.bad('scenario.tissue', raw.tissue, 'must be an object { "kind": "monolayer" | "tumour", ... }');
    else if (raw.tissue.kind === undefined || raw.tissue.kind === 'monolayer') tissue = checkMonolayer(c, raw.tissue);
    else if (raw.tissue.kind === 'tumour') tissue = checkTumour(c, raw.tissue, lattice);
    else c.bad('scenario.tissue.kind', raw.tissue.kind, 'allowed: monolayer, tumour');
  }

  const boundary = raw.boundary === undefined ? (tissue.kind === 'tumour' ? 'medium' : 'noflux') : raw.boundary;
  if (boundary !== 'noflux' && boundary !== 'medium')
    c.bad('scenario.boundary', boundary, 'allowed: noflux (sealed edges), medium (edges held at medium levels)');

  const treatments: Treatment[] = [];
  const rawT = c.list(absentAsEmpty(raw.treatments), 'scenario.treatments', MAX_TREATMENTS, 'treatments like { "agent": "erastin", "uM": 10 }') ?? [];
  for (const [i, t] of rawT.entries()) {
    const r = checkTreatment(c, t, `scenario.treatments[${i}]`, duration);
    if (r) treatments.push(r);
  }

  const params: Record<string, number> = {};
  if (raw.params !== undefined) {
    if (!isObj(raw.params)) c.bad('scenario.params', raw.params, 'must be an object of { "<parameter>": number }');
    else
      for (const [k, v] of Object.entries(raw.params)) {
        const spec = paramSpec(k);
        if (isForbiddenKey(k)) c.bad(`scenario.params.${k}`, v, `forbidden key: ${FORBIDDEN_TEXT}`);
        else if (!spec) {
          c.bad(
            `scenario.params.${k}`,
            v,
            `unknown parameter; see docs/model.md or \`ferrowave params\` (e.g. ${PARAMS.slice(0, 4)
              .map((p) => p.name)
              .join(', ')}, ...)`,
          );
        } else params[k] = c.num(raw.params, k, 'scenario.params', { min: spec.min, max: spec.max, unit: spec.unit });
      }
  }

  const numerics: Scenario['numerics'] = { dt_min: DT_MIN.def as number, field_every: FIELD_EVERY_DEFAULT[tissue.kind], slow_every: SLOW_EVERY.def as number };
  if (raw.numerics !== undefined) {
    if (!isObj(raw.numerics)) c.bad('scenario.numerics', raw.numerics, 'must be { "dt_min": min, "field_every": steps, "slow_every": steps }');
    else {
      c.keys(raw.numerics, 'scenario.numerics', ['dt_min', 'field_every', 'slow_every']);
      numerics.slow_every = c.num(raw.numerics, 'slow_every', 'scenario.numerics', SLOW_EVERY);
      numerics.dt_min = c.num(raw.numerics, 'dt_min', 'scenario.numerics', DT_MIN);
      numerics.field_every = c.num(raw.numerics, 'field_every', 'scenario.numerics', { ...FIELD_EVERY, def: numerics.field_every });
    }
  }
  const output = { sample_every_min: SAMPLE_EVERY.def as number };
  if (raw.output !== undefined) {
    if (!isObj(raw.output)) c.bad('scenario.output', raw.output, 'must be { "sample_every_min": min }');
    else {
      c.keys(raw.output, 'scenario.output', ['sample_every_min']);
      output.sample_every_min = c.num(raw.output, 'sample_every_min', 'scenario.output', SAMPLE_EVERY);
    }
  }
  checkText(c, raw);
  if (tissue.kind === 'tumour') {
    treatments.forEach((t, i) => {
      if (!t.region || isGeneticAgent(t.agent)) return;
      const kinds = AGENTS[t.agent].actions.map((a) => TARGETS[a.target].kind);
      const local = kinds.includes('pulse') || kinds.includes('inhibit') || kinds.includes('saturating');
      if (!local)
        c.bad(
          `scenario.treatments[${i}].region`,
          t.region,
          `in a tumour ${t.agent} is part of the medium and plasma (it reaches cells through vessels and the edge), not applied by region: remove the region (regions in tumours are for drugs, applied locally, pulses and genetic changes)`,
        );
    });
  }
  if (c.count()) throw new ScenarioError(c.problems, c.omitted);
  const sc: ResolvedScenario = {
    name: (raw.name as string) ?? 'scenario',
    description: (raw.description as string) ?? '',
    seed,
    lattice,
    duration_min: duration,
    tissue,
    boundary: boundary as Scenario['boundary'],
    treatments,
    params: resolveParams(params),
    numerics,
    output,
    ferrowave_version: version,
  };
  // valid field by field; now what the machine can hold and run
  const scale = scaleProblems(sc);
  if (scale.length) throw new ScenarioError(scale);
  return sc;
}

/** name (one line, it names progress lines and runs), description, $schema (for editors: not used) */
function checkText(c: Checker, raw: Record<string, unknown>): void {
  const { name, description } = raw;
  if (name !== undefined && (typeof name !== 'string' || name.length > NAME_MAX_CHARS || hasControl(name)))
    c.bad('scenario.name', name, `must be one line of text without control characters, at most ${NAME_MAX_CHARS} characters`);
  if (description !== undefined && (typeof description !== 'string' || description.length > DESCRIPTION_MAX_CHARS))
    c.bad('scenario.description', description, `must be text of at most ${DESCRIPTION_MAX_CHARS} characters`);
  if (raw.$schema !== undefined && typeof raw.$schema !== 'string')
    c.bad('scenario.$schema', raw.$schema, 'must be a string: the JSON schema that editors check the file with (schemas/scenario.schema.json)');
}

/**
 * Apply a `--set path=value` override to raw scenario JSON (before validation). The value is JSON
 * (a number, true, [1, 2], {"disc": ...}) or else taken as text. Throws ScenarioError (path
 * `--set <path>`) for a path that cannot be set; `where` names the origin in messages.
 */
export function applyOverride(raw: Record<string, unknown>, assignment: string, where = '--set'): void {
  const eq = assignment.indexOf('=');
  if (eq <= 0)
    throw new ScenarioError([{ path: where, value: assignment, message: 'must look like path=value, e.g. params.ox_diffusion=200 or treatments[0].uM=5' }]);
  const path = assignment.slice(0, eq);
  const text = assignment.slice(eq + 1);
  let value: unknown;
  try {
    value = parseJsonText(text);
  } catch (e) {
    // not JSON: the text itself (a name, an agent); JSON too large or too deep is an error
    if (!(e instanceof JsonTextError) || e.kind !== 'syntax')
      throw new ScenarioError([{ path: `${where} ${path}`, value: text, message: `the value is ${(e as Error).message}` }]);
    value = text;
  }
  setOverride(raw, path, value, where);
}

/** Set an already parsed value at a scenario path (sweeps); throws ScenarioError naming `where` and the path. */
export function setOverride(raw: Record<string, unknown>, path: string, value: unknown, where = '--set'): void {
  const why = setPath(raw, path, value);
  if (why) throw new ScenarioError([{ path: `${where} ${path}`, value, message: why }]);
}
