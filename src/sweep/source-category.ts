// Why this file exists: a sensitivity analysis must say which influential parameters rest on a
// measurement and which on a guess. The registry gives each parameter a free-text source
// (src/model/params.ts); this reads a category from it: the first of the words "fitted",
// "calibrated" and "assumption" (or "unsourced", "order of magnitude") in the text decides, and a
// source without any of them cites a measurement (the literature, a medium's formulation). Pure.

export const SOURCE_CATEGORIES = ['literature', 'fit', 'calibration', 'assumption'] as const;
export type SourceCategory = (typeof SOURCE_CATEGORIES)[number];

const WORDS: Array<[RegExp, SourceCategory]> = [
  [/\bfitted\b/i, 'fit'],
  [/\bcalibrated\b/i, 'calibration'],
  [/\bassumption\b|\bunsourced\b|\border of magnitude\b/i, 'assumption'],
];

/** The category of a registry source text: the keyword that comes first in it, else literature. */
export function sourceCategory(source: string): SourceCategory {
  let best: SourceCategory = 'literature';
  let at = Number.POSITIVE_INFINITY;
  for (const [re, cat] of WORDS) {
    const m = re.exec(source);
    if (m && m.index < at) {
      at = m.index;
      best = cat;
    }
  }
  return best;
}

/** Whether a category rests on a measurement of the parameter itself (a fit to data counts; a calibration or an assumption does not). */
export const isMeasured = (c: SourceCategory) => c === 'literature' || c === 'fit';
