// Why this file exists: a fit's data files are CSV tables of measurements (agent, dose, observable,
// value, SD, time). This reads them (RFC 4180: quoted fields may hold commas) into data points,
// checking every row: a problem names the file, the line and the column, the value and what is
// allowed (an unknown agent lists the model's agents and the way to skip it). Pure: the caller
// reads the file.
import { AGENT_IDS, AGENTS, type AgentId, isGeneticAgent } from '../model/agents';
import type { Problem } from '../model/scenario';
import { OBSERVABLE_INFO, OBSERVABLES, type Observable } from './observables';
import type { DataSpec, Relation, Tolerance } from './spec';
import { parseCsv } from '../model/csv-text';

export interface DataPoint {
  /** index of its data file in fit.data */
  data: number;
  /** line of the row in its file (the header is line 1) */
  line: number;
  agent: AgentId;
  /** the dose in the agent's unit (uM for drugs); 0 = the untreated scenario */
  dose: number;
  observable: Observable;
  /** the time of a timed observable, min (null otherwise) */
  t_min: number | null;
  value: number;
  sd: number;
  weight: number;
  tolerance: Tolerance;
  /** eq: a measurement; ge / le: a bound the model must respect (spec.relation) */
  relation: Relation;
}

/** Rows left out because their agent is in skip_agents. */
export interface SkippedRows {
  data: number;
  agent: string;
  lines: number[];
  /** the model has this agent now (the skip can go) */
  known: boolean;
}

const AGENT_LIST = AGENT_IDS.join(', ');

/**
 * The data points of data file `index` (its text already read), with the rows skipped by
 * skip_agents; problems are appended to `problems`. `label` names the file in messages.
 */
export function readDataRows(
  text: string,
  spec: DataSpec,
  index: number,
  label: string,
  fitTolerance: Tolerance,
  problems: Problem[],
): { points: DataPoint[]; skipped: SkippedRows[] } {
  const bad = (path: string, value: unknown, message: string) => problems.push({ path, value, message });
  const before = problems.length;
  let rows: ReturnType<typeof parseCsv>;
  try {
    rows = parseCsv(text);
  } catch (e) {
    bad(label, undefined, `not a valid CSV file: ${(e as Error).message}`);
    return { points: [], skipped: [] };
  }
  const dataPath = `fit.data[${index}]`;
  if (rows.length < 2) {
    bad(label, undefined, 'needs a header line and at least one data row');
    return { points: [], skipped: [] };
  }
  const header = rows[0].fields.map((h) => h.trim());
  const cols = spec.columns;
  const needed: Array<[keyof typeof cols, string | null]> = [
    ['agent', cols.agent],
    ['dose_uM', cols.dose_uM],
    ['value', cols.value],
    ['sd', spec.sd === null ? cols.sd : null],
    ['sd_relative_to', cols.sd_relative_to],
    ['observable', spec.observable === null ? cols.observable : null],
  ];
  const at: Partial<Record<keyof typeof cols, number>> = {};
  for (const [role, name] of needed) {
    if (name === null) continue;
    const k = header.indexOf(name);
    if (k < 0) bad(`${label} line 1`, name, `no column "${name}" (${dataPath}.columns.${role}); the header has: ${header.join(', ')}`);
    else at[role] = k;
  }
  const tCol = spec.t_min === null ? header.indexOf(cols.t_min) : -1;
  if (Object.keys(at).length < needed.filter(([, n]) => n !== null).length) return { points: [], skipped: [] };
  const tolerance = spec.tolerance ?? fitTolerance;
  const points: DataPoint[] = [];
  const skipped = new Map<string, SkippedRows>();
  for (const { line, fields } of rows.slice(1)) {
    const where = `${label} line ${line}`;
    if (fields.length !== header.length) {
      bad(where, fields.join(','), `has ${fields.length} fields, the header ${header.length} (a field holding a comma must be in double quotes)`);
      continue;
    }
    const cell = (role: keyof typeof cols) => fields[at[role] as number].trim();
    const agent = cell('agent');
    if (spec.skip_agents.includes(agent)) {
      const s = skipped.get(agent) ?? { data: index, agent, lines: [], known: (AGENT_IDS as readonly string[]).includes(agent) };
      s.lines.push(line);
      skipped.set(agent, s);
      continue;
    }
    let ok = true;
    const fail = (column: string, value: unknown, message: string) => {
      ok = false;
      bad(`${where}, column ${column}`, value, message);
    };
    if (isGeneticAgent(agent)) fail(cols.agent, agent, 'genetic changes have no dose: only treatments with a dose can be data rows');
    else if (!(AGENT_IDS as readonly string[]).includes(agent))
      fail(cols.agent, agent, `not a treatment of the model; allowed: ${AGENT_LIST}; or list it in ${dataPath}.skip_agents to leave its rows out`);
    const number = (role: keyof typeof cols, column: string, o: { min?: number; gt?: number }): number => {
      const text = cell(role);
      const v = text === '' ? Number.NaN : Number(text);
      if (!Number.isFinite(v) || (o.min !== undefined && v < o.min) || (o.gt !== undefined && v <= o.gt)) {
        fail(column, text, `must be a number${o.gt !== undefined ? ` > ${o.gt}` : o.min !== undefined ? ` >= ${o.min}` : ''}`);
        return Number.NaN;
      }
      return v;
    };
    const dose = number('dose_uM', cols.dose_uM, { min: 0 });
    if (ok && Number.isFinite(dose)) {
      const a = AGENTS[agent as AgentId];
      if (dose > a.range[1]) fail(cols.dose_uM, dose, `above ${agent}'s allowed range ${a.range[0]}-${a.range[1]} ${a.unit}`);
    }
    const value = number('value', cols.value, {});
    const observable = spec.observable ?? (cell('observable') as Observable);
    if (!OBSERVABLES.includes(observable)) fail(cols.observable, observable, `allowed: ${OBSERVABLES.join(', ')}`);
    let t_min: number | null = null;
    if (OBSERVABLES.includes(observable) && OBSERVABLE_INFO[observable].timed) {
      if (spec.t_min !== null) t_min = spec.t_min;
      else if (tCol < 0) fail(cols.t_min, undefined, `${observable} needs a time: a "${cols.t_min}" column or ${dataPath}.t_min`);
      else {
        const v = Number(fields[tCol].trim());
        if (fields[tCol].trim() === '' || !Number.isFinite(v) || v < 0) fail(cols.t_min, fields[tCol], 'must be a time >= 0, min');
        else t_min = v;
      }
    }
    let sd = spec.sd ?? number('sd', cols.sd, { gt: 0 });
    if (cols.sd_relative_to !== null && spec.sd === null && Number.isFinite(sd)) {
      const ref = number('sd_relative_to', cols.sd_relative_to, { gt: 0 });
      sd = (Math.abs(value) * sd) / ref;
      if (ok && !(sd > 0)) fail(cols.value, value, `gives an SD of 0 relative to ${cols.sd_relative_to}: a point needs an SD > 0`);
    }
    if (ok)
      points.push({ data: index, line, agent: agent as AgentId, dose, observable, t_min, value, sd, weight: spec.weight, tolerance, relation: spec.relation });
  }
  for (const a of spec.skip_agents)
    if (!skipped.has(a)) skipped.set(a, { data: index, agent: a, lines: [], known: (AGENT_IDS as readonly string[]).includes(a) });
  if (points.length === 0 && problems.length === before) bad(label, undefined, `no data rows left (every agent is in ${dataPath}.skip_agents)`);
  return { points, skipped: [...skipped.values()] };
}
