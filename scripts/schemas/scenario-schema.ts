// Why this file exists: builds schemas/scenario.schema.json from the registries the validation
// reads (parameters with units, ranges and sources; agents with their dose unit and range and
// their targets; genes) and the bounds of src/model/scenario-limits.ts, so that an editor
// completes and checks scenario files the way `ferrowave run` does, and regenerating after a
// change of the model is one command (npm run build:schemas). What a schema cannot say (a region
// inside the lattice, end after start, the state's size, the number of site-steps) the CLI's
// validation still checks, with its own messages.
import { AGENT_IDS, AGENTS, GENETIC_AGENTS } from '../../src/model/agents';
import { GENES } from '../../src/model/layout';
import { PARAMS } from '../../src/model/params';
import {
  DENSITY,
  DESCRIPTION_MAX_CHARS,
  DT_MIN,
  DURATION,
  FIELD_EVERY,
  FIELD_EVERY_DEFAULT,
  KNOCKDOWN_FACTOR,
  LATTICE_SIDE,
  MAX_GAPS,
  MAX_SEEDS,
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
  STROKE_MAX_POINTS,
  SUBCLONE_FRACTION,
} from '../../src/model/scenario-limits';
import { TARGETS } from '../../src/model/targets';
import { DRAFT, ifThen, list, num, obj, orNull, ref, type Schema } from './json-schema';

const um = (description: string, extra: Schema = {}): Schema => num({ unit: 'um' }, description, extra);
const positiveUm = (description: string): Schema => num({ gt: 0, unit: 'um' }, description);

/** One line per target an agent acts on: what it is and the agent's potency there. */
function agentText(id: (typeof AGENT_IDS)[number]): string {
  const a = AGENTS[id];
  const acts = a.actions.map((x) => {
    const t = TARGETS[x.target];
    const potency = t.kind === 'inhibit' ? `, IC50 ${x.potency} ${a.unit}` : t.kind === 'saturating' ? `, EC50 ${x.potency} ${a.unit}` : '';
    return `${x.target} (${t.kind}: ${t.doc}${potency})`;
  });
  return `${a.name}, dose "${a.dose_key}" in ${a.unit}, ${a.range[0]}-${a.range[1]} (default ${a.default_dose}); typical ${a.typical}. Targets: ${acts.join('; ')}. ${a.notes}`;
}

function definitions(): Schema {
  const region = obj({ disc: ref('disc'), rect: ref('rect'), stroke: ref('stroke') }, [], {
    minProperties: 1,
    maxProperties: 1,
    description: 'exactly one of a disc, a rectangle or a painted stroke; a site belongs to it when its centre lies inside',
  });
  const disc = obj({ x_um: um('centre x'), y_um: um('centre y'), r_um: positiveUm('radius') }, ['x_um', 'y_um', 'r_um']);
  const rect = obj({ x_um: um('left edge'), y_um: um('top edge'), width_um: positiveUm('width'), height_um: positiveUm('height') }, [
    'x_um',
    'y_um',
    'width_um',
    'height_um',
  ]);
  const point = { type: 'array', minItems: 2, maxItems: 2, items: { type: 'number' }, description: '[x_um, y_um]' };
  const stroke = obj(
    { r_um: positiveUm('brush radius'), points_um: list(point, STROKE_MAX_POINTS, 'the brush centres, [x_um, y_um] each', { minItems: 1 }) },
    ['r_um', 'points_um'],
    { description: 'a painted brush stroke: the union of discs of radius r_um centred on the points' },
  );
  const dosed = AGENT_IDS.map((id) => {
    const a = AGENTS[id];
    const other = a.dose_key === 'uM' ? 'dose' : 'uM';
    return ifThen(
      { properties: { agent: { const: id } }, required: ['agent'] },
      {
        properties: {
          [a.dose_key]: num({ min: a.range[0], max: a.range[1], def: a.default_dose, unit: a.unit }, `${a.name} dose`),
          [other]: false,
          gene: false,
          factor: false,
        },
      },
    );
  });
  const genetic = GENETIC_AGENTS.map((g) =>
    ifThen(
      { properties: { agent: { const: g } }, required: ['agent'] },
      {
        required: ['gene', 'factor'],
        properties: {
          factor: num(g === 'knockdown' ? KNOCKDOWN_FACTOR : OVEREXPRESS_FACTOR, `expression of the gene under ${g}`),
          start_min: { const: 0, description: 'genetic changes apply from the start' },
          uM: false,
          dose: false,
        },
      },
    ),
  );
  const treatment = obj(
    {
      agent: {
        description: 'the treatment (docs/treatments.md), or knockdown / overexpress of a gene',
        oneOf: [
          ...AGENT_IDS.map((id) => ({ const: id, title: AGENTS[id].name, description: agentText(id) })),
          { const: 'knockdown', description: 'a gene expressed at "factor" (0-1] x parental from t = 0' },
          { const: 'overexpress', description: 'a gene expressed at "factor" [1-100] x parental from t = 0' },
        ],
      },
      uM: { type: 'number', description: 'concentration (uM), for agents dosed in uM' },
      dose: { type: 'number', description: "dose in the agent's unit (light-pulse: a.u.)" },
      start_min: num(START_MIN, 'when it starts'),
      end_min: orNull({ type: 'number', description: 'when it ends (min), after start_min; absent or null: until the end (pulses: one step)' }),
      region: orNull(ref('region')),
      gene: { enum: [...GENES], description: 'the gene of a knockdown or overexpress' },
      factor: { type: 'number', description: 'expression factor of a knockdown (0-1] or overexpress [1-100]' },
    },
    ['agent'],
    { allOf: [...dosed, ...genetic] },
  );
  const gap = obj({ x_um: um('left edge of the cell-free band', { minimum: 0 }), width_um: positiveUm('width of the band') }, ['x_um', 'width_um']);
  const monolayer = obj(
    {
      kind: { const: 'monolayer', default: 'monolayer' },
      gaps: list(ref('gap'), MAX_GAPS, 'scratched cell-free bands across the dish'),
      density: num(DENSITY, 'fraction of sites seeded'),
    },
    [],
    { description: 'a dish: a confluent monolayer (density 1) or a sparser one' },
  );
  const vessel = obj(
    { x_um: um('centre x', { minimum: 0 }), y_um: um('centre y', { minimum: 0 }), r_um: num({ min: 0, def: 0, unit: 'um' }, 'radius (0: one site)') },
    ['x_um', 'y_um'],
  );
  const pheno = obj(Object.fromEntries(GENES.map((g) => [g, num(PHENO_FACTOR, `${g} expression`)])), [], {
    description: 'phenotype factors (1 = parental) by gene',
  });
  const subclone = obj(
    {
      name: { type: 'string', minLength: 1 },
      pheno: ref('pheno'),
      fraction: num(SUBCLONE_FRACTION, 'share of the seeded cells (without a region)'),
      region: orNull(ref('region')),
    },
    ['name', 'pheno'],
  );
  const pregrown = obj(
    {
      r_um: num(PREGROWN.r_um, 'radius of the mass'),
      x_um: um('centre x (default: the middle of the lattice)', { minimum: 0 }),
      y_um: um('centre y (default: the middle of the lattice)', { minimum: 0 }),
      roughness: num(PREGROWN.roughness, 'irregularity of the rim: its radius varies by up to this share'),
      vessel_spacing_um: num(PREGROWN.vessel_spacing_um, 'mean distance between the vessels scattered through the mass'),
      vessel_r_um: num(PREGROWN.vessel_r_um, 'radius of each of those vessels'),
      avascular_core: num(
        PREGROWN.avascular_core,
        'the central share of the radius without vessels (it becomes hypoxic, and necrotic where oxygen falls below necrosis_o2)',
      ),
      sectors: {
        type: 'boolean',
        default: true,
        description: 'subclones without a region take angular sectors of the mass (each its fraction of the circle), rather than a fraction of the cells each',
      },
    },
    ['r_um'],
    {
      description:
        'a tumour that has already grown, made at load from the seed: a round mass with an irregular rim, vessels, subclones in sectors and a necrotic core where the oxygen from the vessels runs out (seeds default to none)',
    },
  );
  const tumour = obj(
    {
      kind: { const: 'tumour' },
      seeds: list(ref('region'), MAX_SEEDS, 'regions seeded with cells (default: a disc in the middle, none with pregrown)'),
      vessels: list(ref('vessel'), MAX_VESSELS, 'vessels: oxygen, nutrients and drugs arrive there'),
      subclones: list(ref('subclone'), MAX_SUBCLONES, 'subclones with their phenotypes'),
      pregrown: ref('pregrown'),
    },
    ['kind'],
    { description: 'a tumour grown from seed regions by division into free sites, or pre-grown' },
  );
  return { region, disc, rect, stroke, treatment, gap, monolayer, vessel, pheno, subclone, pregrown, tumour };
}

/** The scenario schema: every key the validation accepts, with the registries' units, ranges and sources. */
export function scenarioSchema(): Schema {
  const params = obj(
    Object.fromEntries(
      PARAMS.map((p) => [
        p.name,
        num({ min: p.min, max: p.max, def: p.default, unit: p.unit }, `${p.doc} [${p.group}]. Source: ${p.source}`, { title: `${p.name} (${p.unit})` }),
      ]),
    ),
    [],
    { description: 'model parameters by name (docs/model.md, `ferrowave params`); absent ones keep their default' },
  );
  return {
    $schema: DRAFT,
    title: 'ferrowave scenario',
    description:
      'A ferrowave scenario (README, "Scenarios"). Generated from the model registries by `npm run build:schemas`; `ferrowave run` also checks what a schema cannot: regions inside the lattice, end_min after start_min, the state size (4 GiB), the number of site-steps and samples.',
    type: 'object',
    additionalProperties: false,
    required: ['seed', 'lattice', 'duration_min'],
    properties: {
      $schema: { type: 'string', description: 'the schema editors check this file with' },
      name: { type: 'string', maxLength: NAME_MAX_CHARS, pattern: '^[^\\u0000-\\u001f\\u007f-\\u009f]*$', description: 'one line: names the run' },
      description: { type: 'string', maxLength: DESCRIPTION_MAX_CHARS },
      seed: num(SEED, 'the random seed: one seed, one result'),
      lattice: obj({ width: num(LATTICE_SIDE, 'width'), height: num(LATTICE_SIDE, 'height'), site_um: num(SITE_UM, 'size of a site') }, ['width', 'height']),
      duration_min: num(DURATION, 'simulated time'),
      tissue: { oneOf: [ref('monolayer'), ref('tumour')] },
      boundary: {
        enum: ['noflux', 'medium'],
        description: 'noflux: sealed edges (default for dishes); medium: edges held at medium levels (default for tumours)',
      },
      treatments: list(ref('treatment'), MAX_TREATMENTS, 'treatments, pulses and genetic changes'),
      params,
      numerics: obj({
        dt_min: num(DT_MIN, 'time step'),
        field_every: num(
          FIELD_EVERY,
          `steps between diffusions of the slow fields (default ${FIELD_EVERY_DEFAULT.monolayer} in dishes, ${FIELD_EVERY_DEFAULT.tumour} in tumours)`,
        ),
        slow_every: num(SLOW_EVERY, 'steps between updates of the slow block'),
      }),
      output: obj({ sample_every_min: num(SAMPLE_EVERY, 'interval between rows of timeseries.csv') }),
      ferrowave_version: { type: 'string', description: 'the version that resolved this scenario (scenario.resolved.json)' },
    },
    definitions: definitions(),
  };
}
