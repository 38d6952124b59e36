// Why this file exists: one rule for naming a table column after its unit, shared by the CLI's
// tidy tables (src/formats) and the page's CSV downloads (src/ui), which may not import each other.

/**
 * A unit as a column-name suffix: letters, digits and underscores (`a.u.` -> `au`, `1/min` ->
 * `per_min`, `um^2/min` -> `um2_per_min`, as runs.csv names its axes; `rel` and `fraction` stay).
 */
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
