// The JSON schemas under schemas/ are what `npm run build:schemas` writes from the registries
// today, and a standard validator (ajv) with them accepts every preset and example, and rejects
// the mistakes the CLI's validation rejects; a "$schema" key is accepted by both.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { schemaFiles } from '../../scripts/schemas/build';
import { AGENT_IDS, AGENTS } from '../../src/model/agents';
import { PARAMS } from '../../src/model/params';
import { PRESET_NAMES, PRESETS } from '../../src/model/presets';
import { resolveScenario, ScenarioError } from '../../src/model/scenario';
import { validateSweep } from '../../src/sweep/spec';
import { METRIC_NAMES } from '../../src/sweep/metrics';
import { timeseriesHeader } from '../../src/formats/run-folder';

const root = join(import.meta.dirname, '../..');
const read = (rel: string) => JSON.parse(readFileSync(join(root, rel), 'utf8'));
const ajv = new Ajv({ allErrors: true, strictTypes: true });
const scenarioOk = ajv.compile(read('schemas/scenario.schema.json'));
const sweepOk = ajv.compile(read('schemas/sweep.schema.json'));
const vocab = { metrics: METRIC_NAMES, timeseriesColumns: timeseriesHeader().split(','), presets: PRESET_NAMES };
const base = () => structuredClone(PRESETS['primed-light-pulse']) as Record<string, unknown>;
const example = () => read('examples/erastin-dfo-sweep.json') as Record<string, unknown>;

/** Whether the CLI's validation accepts a scenario. */
const cliAccepts = (raw: unknown): boolean => {
  try {
    resolveScenario(raw, 'test');
    return true;
  } catch (e) {
    if (e instanceof ScenarioError) return false;
    throw e;
  }
};

describe('JSON schemas', () => {
  it('are what npm run build:schemas writes from the registries today', () => {
    for (const [rel, text] of schemaFiles()) expect(readFileSync(join(root, rel), 'utf8'), `${rel} is stale: run npm run build:schemas`).toBe(text);
  });

  it('carry every parameter with its unit, default and range, and every agent with its dose range', () => {
    const s = read('schemas/scenario.schema.json');
    for (const p of PARAMS) {
      expect(s.properties.params.properties[p.name], p.name).toMatchObject({
        minimum: p.min,
        maximum: p.max,
        default: p.default,
        title: `${p.name} (${p.unit})`,
      });
    }
    const agents = s.definitions.treatment.properties.agent.oneOf.map((o: { const: string }) => o.const);
    expect(agents).toEqual([...AGENT_IDS, 'knockdown', 'overexpress']);
    const dfo = s.definitions.treatment.allOf.find((c: { if: { properties: { agent: { const: string } } } }) => c.if.properties.agent.const === 'dfo');
    expect(dfo.then.properties.uM).toMatchObject({ minimum: AGENTS.dfo.range[0], maximum: AGENTS.dfo.range[1] });
  });

  it('accept every preset and example, as the CLI does', () => {
    const presets = readdirSync(join(root, 'public/presets')).filter((f) => f.endsWith('.json'));
    expect(presets.length).toBe(PRESET_NAMES.length);
    for (const f of presets) {
      const raw = read(`public/presets/${f}`);
      expect(scenarioOk(raw), `${f}: ${ajv.errorsText(scenarioOk.errors)}`).toBe(true);
      expect(cliAccepts(raw), f).toBe(true);
    }
    const examples = readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.json'));
    expect(examples.length).toBeGreaterThan(0);
    for (const f of examples) {
      const raw = read(`examples/${f}`);
      expect(sweepOk(raw), `${f}: ${ajv.errorsText(sweepOk.errors)}`).toBe(true);
      expect(() => validateSweep(raw, vocab), f).not.toThrow();
    }
  });

  it('accept the sensitivity sweeps and their scenarios (fits/), as the CLI does', () => {
    const files = readdirSync(join(root, 'fits')).filter((f) => f.endsWith('.json'));
    const sweeps = files.filter((f) => f.endsWith('.sweep.json'));
    expect(sweeps.length).toBeGreaterThan(0);
    for (const f of files) {
      const raw = read(`fits/${f}`);
      if (sweeps.includes(f)) {
        expect(sweepOk(raw), `${f}: ${ajv.errorsText(sweepOk.errors)}`).toBe(true);
        expect(() => validateSweep(raw, vocab), f).not.toThrow();
      } else if (!/\.(fit|spec|result)\.json$/.test(f)) {
        // (fit files, and the specs and results of the fits run by scripts, are not scenarios)
        expect(scenarioOk(raw), `${f}: ${ajv.errorsText(scenarioOk.errors)}`).toBe(true);
        expect(cliAccepts(raw), f).toBe(true);
      }
    }
  });

  it('accept a "$schema" key in scenarios and sweeps, as the CLI does', () => {
    const sc = { $schema: '../schemas/scenario.schema.json', ...base() };
    expect(scenarioOk(sc), ajv.errorsText(scenarioOk.errors)).toBe(true);
    expect(cliAccepts(sc)).toBe(true);
    const sw = { $schema: '../schemas/sweep.schema.json', ...example() };
    expect(sweepOk(sw), ajv.errorsText(sweepOk.errors)).toBe(true);
    expect(validateSweep(sw, vocab).name).toBe('erastin-x-dfo');
    expect(cliAccepts({ ...base(), $schema: 5 })).toBe(false);
  });

  it('reject the mistakes the CLI rejects', () => {
    const bad: Array<[string, (s: Record<string, unknown>) => void]> = [
      ['an unknown key', (s) => (s.colour = 'red')],
      ['an unknown agent', (s) => ((s.treatments as Array<Record<string, unknown>>)[0].agent = 'erastine')],
      ['a dose out of range', (s) => ((s.treatments as Array<Record<string, unknown>>)[0].uM = 1e6)],
      ['uM for a light pulse', (s) => ((s.treatments as Array<Record<string, unknown>>)[1].uM = 3)],
      ['a parameter out of range', (s) => (s.params = { ox_diffusion: -5 })],
      ['an unknown parameter', (s) => (s.params = { no_such: 1 })],
      ['a knockdown without a gene', (s) => (s.treatments as unknown[]).push({ agent: 'knockdown', factor: 0.5 })],
      ['a prototype key', (s) => Object.defineProperty(s, '__proto__', { value: { x: 1 }, enumerable: true })],
      ['a lattice too wide', (s) => ((s.lattice as Record<string, unknown>).width = 9000)],
      ['a time step below 0.001 min', (s) => (s.numerics = { dt_min: 1e-9 })],
      ['a region with two shapes', (s) => ((s.treatments as Array<Record<string, unknown>>)[1].region = { disc: { x_um: 0, y_um: 0, r_um: 5 }, rect: null })],
      ['a name with a terminal escape', (s) => (s.name = 'x\u001b[31m')],
    ];
    for (const [what, change] of bad) {
      const s = base();
      change(s);
      expect(cliAccepts(s), `the CLI accepts ${what}`).toBe(false);
      expect(scenarioOk(s), `the schema accepts ${what}`).toBe(false);
    }
    const sweeps: Array<[string, (s: Record<string, unknown>) => void]> = [
      ['a prototype in a set path', (s) => (s.set = { 'treatments.__proto__.x': 1 })],
      ['a prototype in an axis path', (s) => ((s.axes as Array<Record<string, unknown>>)[0].path = 'constructor.prototype.x')],
      ['an unknown metric', (s) => (s.keep = { metrics: ['wave_sped'] })],
      ['values and a range on one axis', (s) => ((s.axes as Array<Record<string, unknown>>)[0].from = 1)],
      ['another shorthand than "all-params"', (s) => Object.assign(s, { design: 'saltelli', points: 4, axes: 'every-param' })],
      ['an unknown parameter left out', (s) => Object.assign(s, { design: 'saltelli', points: 4, axes: 'all-params', exclude: ['no_such'] })],
      ['a factor of 1', (s) => Object.assign(s, { design: 'saltelli', points: 4, axes: 'all-params', factor: 1 })],
      ['a range without its end', (s) => Object.assign(s, { design: 'saltelli', points: 4, axes: 'all-params', ranges: { ox_diffusion: { from: 200 } } })],
    ];
    for (const [what, change] of sweeps) {
      const s = example();
      change(s);
      expect(() => validateSweep(s, vocab), `the CLI accepts ${what}`).toThrow();
      expect(sweepOk(s), `the schema accepts ${what}`).toBe(false);
    }
  });
});
