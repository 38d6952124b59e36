// Why this file exists: the shipped comparison presets (JSON in public/comparisons/, which the
// browser also serves) as one list for the page and the tests. They are data: each is validated
// (comparison-preset.ts) before it runs.
import c0 from '../../public/comparisons/calcium-free-vs-normal.json' with { type: 'json' };
import c1 from '../../public/comparisons/tumour-erastin-rescues.json' with { type: 'json' };

/** Raw comparison preset JSON by name (validate with validateComparisonPreset before use). */
export const COMPARISON_PRESETS: Record<string, Record<string, unknown>> = {
  'calcium-free-vs-normal': c0,
  'tumour-erastin-rescues': c1,
};

export const COMPARISON_NAMES = Object.keys(COMPARISON_PRESETS);
