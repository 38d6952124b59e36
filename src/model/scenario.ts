// Why this file exists: scenarios are data. This is their schema, the validation that runs
// before anything is computed (one message per problem, naming the JSON path, the value and what
// is allowed), and the resolution that fills in every default so a run folder is self-describing.
import { AGENT_IDS, AGENTS, type AgentId, GENETIC_AGENTS, type GeneticAgent, isGeneticAgent } from './agents';
import { GENES, type Gene } from './layout';
import { PARAMS, paramSpec, resolveParams } from './params';
import { TARGETS } from './targets';

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

/** Most points a stroke may hold (a brush samples a drag every half radius or so). */
export const STROKE_MAX_POINTS = 5000;

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
 * A tumour grown from seed regions by division into free sites; oxygen, nutrients and drugs arrive
 * from vessels and (boundary "medium") from the lattice edge.
 */
export interface Tumour {
  kind: 'tumour';
  seeds: Region[];
  vessels: Array<{ x_um: number; y_um: number; r_um: number }>;
  subclones: Subclone[];
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

export class ScenarioError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ScenarioError';
  }
}

export function formatProblem(p: Problem): string {
  const shown = p.value === undefined ? 'missing' : JSON.stringify(p.value);
  return `${p.path}: ${shown} — ${p.message}`;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

class Checker {
  problems: Problem[] = [];
  bad(path: string, value: unknown, message: string) {
    this.problems.push({ path, value, message });
  }
  keys(obj: Record<string, unknown>, path: string, allowed: readonly string[]) {
    for (const k of Object.keys(obj)) {
      if (!allowed.includes(k)) this.bad(`${path}.${k}`, obj[k], `unknown key; allowed keys here: ${allowed.join(', ')}`);
    }
  }
  num(
    obj: Record<string, unknown>,
    key: string,
    path: string,
    opt: { min?: number; max?: number; int?: boolean; def?: number; unit?: string; gt?: number },
  ): number {
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
    return v;
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

function checkRegion(c: Checker, v: unknown, path: string): Region | null {
  if (v === undefined || v === null) return null;
  if (!isObj(v)) {
    c.bad(path, v, `must be an object with one of ${REGION_FORMS}`);
    return null;
  }
  c.keys(v, path, ['disc', 'rect', 'stroke']);
  const given = ['disc', 'rect', 'stroke'].filter((k) => isObj(v[k]));
  if (given.length !== 1) {
    c.bad(path, v, `give exactly one of ${REGION_FORMS}`);
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
    } else {
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
  out.density = c.num(t, 'density', 'scenario.tissue', { gt: 0, max: 1, def: 1, unit: 'fraction of sites seeded with a cell' });
  const gaps = t.gaps ?? [];
  if (!Array.isArray(gaps)) c.bad('scenario.tissue.gaps', gaps, 'must be a list of { "x_um": um, "width_um": um }');
  else
    for (const [i, g] of gaps.entries()) {
      const p = `scenario.tissue.gaps[${i}]`;
      if (!isObj(g)) {
        c.bad(p, g, 'must be { "x_um": um, "width_um": um }');
        continue;
      }
      c.keys(g, p, ['x_um', 'width_um']);
      out.gaps.push({ x_um: c.num(g, 'x_um', p, { min: 0, unit: 'um' }), width_um: c.num(g, 'width_um', p, { gt: 0, unit: 'um' }) });
    }
  return out;
}

function checkTumour(c: Checker, t: Record<string, unknown>, lattice: { width: number; height: number; site_um: number }): Tumour {
  c.keys(t, 'scenario.tissue', ['kind', 'seeds', 'vessels', 'subclones']);
  const W = lattice.width * lattice.site_um,
    H = lattice.height * lattice.site_um;
  const out: Tumour = { kind: 'tumour', seeds: [], vessels: [], subclones: [] };
  const list = (key: string, shape: string): unknown[] => {
    const v = t[key] ?? [];
    if (Array.isArray(v)) return v;
    c.bad(`scenario.tissue.${key}`, v, `must be a list of ${shape}`);
    return [];
  };
  const seeds =
    t.seeds === undefined ? [{ disc: { x_um: W / 2, y_um: H / 2, r_um: Math.min(W, H) / 10 } }] : list('seeds', 'regions ({ "disc": ... } or { "rect": ... })');
  seeds.forEach((r, i) => {
    const reg = checkRegion(c, r, `scenario.tissue.seeds[${i}]`);
    if (reg) out.seeds.push(reg);
  });
  for (const [i, v] of list('vessels', '{ "x_um": um, "y_um": um, "r_um": um }').entries()) {
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
  for (const [i, v] of list('subclones', '{ "name": text, "pheno": { "<GENE>": factor }, "fraction": 0-1 or "region": region }').entries()) {
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
        if (!(GENES as readonly string[]).includes(g)) c.bad(`${p}.pheno.${g}`, f, `unknown gene; allowed: ${GENES.join(', ')}`);
        else pheno[g as Gene] = c.num(v.pheno, g, `${p}.pheno`, { gt: 0, max: 256, unit: 'x parental expression' });
      }
    if (typeof v.name !== 'string' || !v.name) c.bad(`${p}.name`, v.name, 'required: a name for the subclone');
    const region = checkRegion(c, v.region, `${p}.region`);
    const fraction = c.num(v, 'fraction', p, { gt: 0, max: 1, def: 1, unit: 'fraction of seeded cells' });
    out.subclones.push({ name: String(v.name), pheno, fraction, region });
  }
  const total = out.subclones.reduce((a, s) => a + (s.region ? 0 : s.fraction), 0);
  if (total > 1 + 1e-9) c.bad('scenario.tissue.subclones', Number(total.toFixed(6)), 'the fractions of subclones without a region must add up to at most 1');
  if (out.subclones.length > 254) c.bad('scenario.tissue.subclones', out.subclones.length, 'at most 254 subclones');
  return out;
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
  const start = c.num(v, 'start_min', path, { min: 0, def: 0, unit: 'min' });
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
    const f = c.num(v, 'factor', path, agent === 'knockdown' ? { gt: 0, max: 1 } : { min: 1, max: 100 });
    t.factor = f;
    if (agent === 'knockdown' && isNum(f)) t.factor = f;
    if (v.uM !== undefined) c.bad(`${path}.uM`, v.uM, `not used by ${agent}: give "gene" and "factor"`);
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
  c.keys(raw, 'scenario', TOP_KEYS);
  const seed = c.num(raw, 'seed', 'scenario', { int: true, min: 0, max: 2 ** 32 - 1 });

  let lattice = { width: Number.NaN, height: Number.NaN, site_um: Number.NaN };
  if (!isObj(raw.lattice)) c.bad('scenario.lattice', raw.lattice, 'required: { "width": sites, "height": sites, "site_um": um }');
  else {
    c.keys(raw.lattice, 'scenario.lattice', ['width', 'height', 'site_um']);
    lattice = {
      width: c.num(raw.lattice, 'width', 'scenario.lattice', { int: true, min: 1, max: 8192, unit: 'sites' }),
      height: c.num(raw.lattice, 'height', 'scenario.lattice', { int: true, min: 1, max: 8192, unit: 'sites' }),
      site_um: c.num(raw.lattice, 'site_um', 'scenario.lattice', { min: 5, max: 50, def: 20, unit: 'um' }),
    };
  }
  const duration = c.num(raw, 'duration_min', 'scenario', { gt: 0, max: 100000, unit: 'min' });

  let tissue: Scenario['tissue'] = { kind: 'monolayer', gaps: [], density: 1 };
  if (raw.tissue !== undefined) {
    if (!isObj(raw.tissue)) c.bad('scenario.tissue', raw.tissue, 'must be an object { "kind": "monolayer" | "tumour", ... }');
    else if ((raw.tissue.kind ?? 'monolayer') === 'monolayer') tissue = checkMonolayer(c, raw.tissue);
    else if (raw.tissue.kind === 'tumour') tissue = checkTumour(c, raw.tissue, lattice);
    else c.bad('scenario.tissue.kind', raw.tissue.kind, 'allowed: monolayer, tumour');
  }

  const boundary = raw.boundary ?? (tissue.kind === 'tumour' ? 'medium' : 'noflux');
  if (boundary !== 'noflux' && boundary !== 'medium')
    c.bad('scenario.boundary', boundary, 'allowed: noflux (sealed edges), medium (edges held at medium levels)');

  const treatments: Treatment[] = [];
  const rawT = raw.treatments ?? [];
  if (!Array.isArray(rawT)) c.bad('scenario.treatments', rawT, 'must be a list of treatments');
  else
    rawT.forEach((t, i) => {
      const r = checkTreatment(c, t, `scenario.treatments[${i}]`, duration);
      if (r) treatments.push(r);
    });

  const params: Record<string, number> = {};
  if (raw.params !== undefined) {
    if (!isObj(raw.params)) c.bad('scenario.params', raw.params, 'must be an object of { "<parameter>": number }');
    else
      for (const [k, v] of Object.entries(raw.params)) {
        const spec = paramSpec(k);
        if (!spec) {
          c.bad(
            `scenario.params.${k}`,
            v,
            `unknown parameter; see docs/model.md or \`ferrowave params\` (e.g. ${PARAMS.slice(0, 4)
              .map((p) => p.name)
              .join(', ')}, ...)`,
          );
          continue;
        }
        params[k] = c.num(raw.params, k, 'scenario.params', { min: spec.min, max: spec.max, unit: spec.unit });
      }
  }

  // tissue fields (tumours) change faster around vessels: diffuse them every other step
  const numerics = { dt_min: 0.5, field_every: tissue.kind === 'tumour' ? 2 : 10, slow_every: 8 };
  if (raw.numerics !== undefined) {
    if (!isObj(raw.numerics)) c.bad('scenario.numerics', raw.numerics, 'must be { "dt_min": min, "field_every": steps, "slow_every": steps }');
    else {
      c.keys(raw.numerics, 'scenario.numerics', ['dt_min', 'field_every', 'slow_every']);
      numerics.slow_every = c.num(raw.numerics, 'slow_every', 'scenario.numerics', { int: true, min: 1, max: 100, def: 8, unit: 'steps' });
      numerics.dt_min = c.num(raw.numerics, 'dt_min', 'scenario.numerics', { gt: 0, max: 2, def: 0.5, unit: 'min' });
      numerics.field_every = c.num(raw.numerics, 'field_every', 'scenario.numerics', {
        int: true,
        min: 1,
        max: 1000,
        def: numerics.field_every,
        unit: 'steps',
      });
    }
  }
  const output = { sample_every_min: 5 };
  if (raw.output !== undefined) {
    if (!isObj(raw.output)) c.bad('scenario.output', raw.output, 'must be { "sample_every_min": min }');
    else {
      c.keys(raw.output, 'scenario.output', ['sample_every_min']);
      output.sample_every_min = c.num(raw.output, 'sample_every_min', 'scenario.output', { gt: 0, def: 5, unit: 'min' });
    }
  }
  for (const k of ['name', 'description'] as const) {
    if (raw[k] !== undefined && typeof raw[k] !== 'string') c.bad(`scenario.${k}`, raw[k], 'must be a string');
  }
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
  if (c.problems.length) throw new ScenarioError(c.problems);
  return {
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
}

/** Apply `--set path=value` overrides to raw scenario JSON (before validation). */
export function applyOverride(raw: Record<string, unknown>, assignment: string): void {
  const eq = assignment.indexOf('=');
  if (eq <= 0)
    throw new ScenarioError([{ path: '--set', value: assignment, message: 'must look like path=value, e.g. params.ox_diffusion=200 or treatments[0].uM=5' }]);
  const path = assignment.slice(0, eq);
  const text = assignment.slice(eq + 1);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = text;
  }
  const parts = path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean);
  let obj: Record<string, unknown> = raw;
  for (let i = 0; i < parts.length - 1; i++) {
    const k = parts[i];
    if (!isObj(obj[k]) && !Array.isArray(obj[k])) obj[k] = /^\d+$/.test(parts[i + 1]) ? [] : {};
    obj = obj[k] as Record<string, unknown>;
  }
  obj[parts[parts.length - 1]] = value;
}
