// Why this file exists: the page's CSV downloads (plots, a cell's history, a comparison) name their
// columns as the CLI's tidy tables do: `name_unit` in letters, digits and underscores (`a.u.` ->
// `au`, `1/min` -> `per_min`). The rule is src/formats/run-folder.ts unitSuffix, which the page may
// not import (the layers); test/ui/csv-names.test.ts holds the two to the same output.

/** A unit as a column-name suffix, as unitSuffix in src/formats/run-folder.ts. */
export function unitSuffix(unit: string): string {
  return unit
    .replace(/a\.u\./g, 'au')
    .replace(/\^/g, '')
    .replace(/^1\//, 'per_')
    .replace(/\//g, '_per_')
    .replace(/[^A-Za-z0-9_]+/g, '_')
    .replace(/__+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** `name_unit` (just `name` without a unit) */
export function column(name: string, unit: string): string {
  const u = unitSuffix(unit);
  return u ? `${name}_${u}` : name;
}
