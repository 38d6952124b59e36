// Why this file exists: the small pieces the generated JSON schemas are made of (draft-07), so
// the scenario and sweep schema files read as their structure: a number from a Bound of the
// validation, an object whose keys are all listed, a list with a size limit.
import type { Bound } from '../../src/model/scenario-limits';

export type Schema = { [key: string]: unknown };

export const DRAFT = 'http://json-schema.org/draft-07/schema#';

/** A number (an integer when `b.int`) within a Bound of the validation, with its unit in the description. */
export function num(b: Bound, description: string, extra: Schema = {}): Schema {
  const s: Schema = { type: b.int ? 'integer' : 'number', description: b.unit ? `${description} (${b.unit})` : description };
  if (b.gt !== undefined) s.exclusiveMinimum = b.gt;
  if (b.min !== undefined) s.minimum = b.min;
  if (b.max !== undefined) s.maximum = b.max;
  if (b.def !== undefined) s.default = b.def;
  return { ...s, ...extra };
}

/** An object with exactly these keys allowed (`required` among them). */
export function obj(properties: Schema, required: string[] = [], extra: Schema = {}): Schema {
  return { type: 'object', additionalProperties: false, ...(required.length ? { required } : {}), properties, ...extra };
}

/** A list of at most `max` items. */
export function list(items: Schema, max: number, description: string, extra: Schema = {}): Schema {
  return { type: 'array', description, maxItems: max, items, ...extra };
}

/** JSON Schema's conditional: where `cond` holds, `then` applies too. */
export function ifThen(cond: Schema, then: Schema): Schema {
  return { if: cond, then };
}

export const ref = (name: string): Schema => ({ $ref: `#/definitions/${name}` });

/** `schema` or null (an absent region, an open end). */
export const orNull = (schema: Schema): Schema => ({ anyOf: [{ type: 'null' }, schema] });

/** The text of a schema file: 2-space JSON and a final newline. */
export const schemaText = (s: Schema): string => `${JSON.stringify(s, null, 2)}\n`;
