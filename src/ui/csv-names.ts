// Why this file exists: the page's CSV downloads (plots, a cell's history, a comparison) name their
// columns as the CLI's tidy tables do: `name_unit` in letters, digits and underscores (`a.u.` ->
// `au`, `1/min` -> `per_min`), by the one rule src/model/unit-suffix.ts that src/formats uses too.

import { unitSuffix } from '../model/unit-suffix';

export { unitSuffix };

/** `name_unit` (just `name` without a unit) */
export function column(name: string, unit: string): string {
  const u = unitSuffix(unit);
  return u ? `${name}_${u}` : name;
}
