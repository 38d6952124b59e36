// Why this file exists: the page takes its first settings from the URL (?seed=, ?workers=, ?speed=,
// ?fps=, ...); each panel reads its own, all by this one rule: a whole number in range, else the default.

/** The setting `key` of the URL if it is a whole number in [lo, hi], else `def`. */
export function intSetting(params: URLSearchParams, key: string, lo: number, hi: number, def: number): number {
  const s = params.get(key);
  const x = Number(s);
  return s !== null && Number.isInteger(x) && x >= lo && x <= hi ? x : def;
}
