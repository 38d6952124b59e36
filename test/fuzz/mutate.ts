// Why this file exists: the fuzz suite's source of bad input, seeded (seedrandom: the same cases
// on every run and machine; FERROWAVE_FUZZ_SEED explores others). It mutates valid scenarios
// and sweeps the way people and programs get them wrong: a key removed, renamed or added
// (prototype keys and control characters included), a value of the wrong type or absurd size,
// a list emptied or blown up, text truncated or nested deeper than anything real.
import seedrandom from 'seedrandom';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export interface Rng {
  /** uniform in [0, 1) */
  next(): number;
  int(n: number): number;
  pick<T>(xs: readonly T[]): T;
  chance(p: number): boolean;
}

export const FUZZ_SEED = process.env.FERROWAVE_FUZZ_SEED ?? 'ferrowave-fuzz-1';

export function rng(label: string): Rng {
  const r = seedrandom(`${FUZZ_SEED}:${label}`);
  const next = () => r.quick();
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (xs) => xs[Math.floor(next() * xs.length)],
    chance: (p) => next() < p,
  };
}

/** Keys people and attackers put in scenario files. */
export const KEYS = [
  'seed',
  'lattice',
  'width',
  'height',
  'site_um',
  'duration_min',
  'tissue',
  'kind',
  'gaps',
  'seeds',
  'vessels',
  'subclones',
  'pheno',
  'fraction',
  'treatments',
  'agent',
  'uM',
  'dose',
  'start_min',
  'end_min',
  'region',
  'disc',
  'rect',
  'stroke',
  'points_um',
  'x_um',
  'y_um',
  'r_um',
  'gene',
  'factor',
  'params',
  'ox_diffusion',
  'numerics',
  'dt_min',
  'output',
  'sample_every_min',
  'name',
  'description',
  '$schema',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '',
  ' ',
  'colour',
  '\u001b[2J',
  'a\u0000b',
  '\u202egnp.exe',
  'x'.repeat(300),
];

const STRINGS = [
  '',
  'erastin',
  'knockdown',
  'GPX4',
  'tumour',
  'monolayer',
  'medium',
  'primed-light-pulse',
  'toString',
  '__proto__',
  '\u001b[31mred\u001b[0m',
  '\u009b2J',
  '\u202e',
  'line\nbreak',
  'x'.repeat(5000),
  '1e-300',
  '{}',
];

/** A value of any JSON type, most of them absurd for the place they land. */
export function nasty(r: Rng, depth = 0): Json {
  switch (r.int(depth > 2 ? 6 : 9)) {
    case 0:
      return null;
    case 1:
      return r.chance(0.5);
    case 2:
      return r.pick([0, -0, -1, 1, 0.5, 2, 7, 100, 8192, 8193, 1e-300, 1e-9, 1e300, -1e308, 2 ** 53, 4294967296, 1.5, 0.001, 1e12]);
    case 3:
      return r.pick(STRINGS);
    case 4:
      return (r.next() - 0.5) * 10 ** r.int(12);
    case 5:
      return r.int(20000);
    case 6:
      return Array.from({ length: r.int(4) }, () => nasty(r, depth + 1));
    case 7: {
      const o: { [k: string]: Json } = {};
      for (let i = r.int(3); i > 0; i--) defineOwn(o, r.pick(KEYS), nasty(r, depth + 1));
      return o;
    }
    default:
      return r.chance(0.5) ? nested(r.pick([10, 63, 65, 200, 5000])) : bigList(r.pick([1001, 5001, 20_000]));
  }
}

/** JSON text of a value; one nested too deep for JSON.stringify's stack is written by hand. */
export function jsonText(v: Json): string {
  try {
    return JSON.stringify(v);
  } catch {
    return `{"seed": 1, "lattice": ${'['.repeat(5000)}${']'.repeat(5000)}}`;
  }
}

/** A copy of v, or v itself when it is nested too deep for structuredClone's stack (a list nested 5000 deep, which nasty makes). */
function cloneOrSame(v: Json): Json {
  try {
    return structuredClone(v);
  } catch (e) {
    if (e instanceof RangeError) return v;
    throw e;
  }
}

/** A list nested `n` deep: [[[...]]]. */
export function nested(n: number): Json {
  let v: Json = [];
  for (let i = 0; i < n; i++) v = [v];
  return v;
}

export const bigList = (n: number): Json => Array.from({ length: n }, (_, i) => i % 7);

/** obj[key] = value as JSON.parse makes it: an own property, even for "__proto__". */
export function defineOwn(obj: { [k: string]: Json }, key: string, value: Json): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Every place in a JSON value (parent and key), the root excluded; at most 5000, at most 200 levels deep (a value nested 100,000 deep, which mutate makes, must not overflow the stack when mutated again). */
function places(
  v: Json,
  out: Array<[Json[] | { [k: string]: Json }, string | number]> = [],
  depth = 0,
): Array<[Json[] | { [k: string]: Json }, string | number]> {
  if (out.length > 5000 || depth > 200) return out;
  if (Array.isArray(v)) {
    // long lists (strokes): a few items, not all
    const n = Math.min(v.length, 8);
    for (let i = 0; i < n; i++) {
      out.push([v, i]);
      places(v[i], out, depth + 1);
    }
  } else if (v && typeof v === 'object') {
    for (const k of Object.keys(v)) {
      out.push([v, k]);
      places(v[k], out, depth + 1);
    }
  }
  return out;
}

/** `v` (a copy) changed in 1 to 3 places. */
export function mutate(r: Rng, v: Json, donors: readonly Json[] = []): Json {
  const root = structuredClone(v);
  for (let m = 1 + r.int(3); m > 0; m--) {
    const all = places(root);
    const containers = [root, ...all.map(([p, k]) => (p as Record<string, Json>)[k as string]).filter((x) => x && typeof x === 'object')] as Array<
      Json[] | { [k: string]: Json }
    >;
    const op = r.int(8);
    if (op === 0 && all.length) {
      // remove a key or an item
      const [p, k] = r.pick(all);
      if (Array.isArray(p)) p.splice(k as number, 1);
      else delete p[k as string];
    } else if (op <= 2 && all.length) {
      // a value of another type or size
      const [p, k] = r.pick(all);
      (p as Record<string, Json>)[k as string] = nasty(r);
    } else if (op === 3) {
      // a new key, known, unknown or a prototype's
      const c = r.pick(containers);
      if (Array.isArray(c)) c.push(nasty(r));
      else defineOwn(c, r.pick(KEYS), nasty(r));
    } else if (op === 4 && all.length) {
      // a number nudged out of range
      const [p, k] = r.pick(all);
      const x = (p as Record<string, Json>)[k as string];
      if (typeof x === 'number') (p as Record<string, Json>)[k as string] = r.pick([x * 1000, -x, x + 0.5, x * 1e-6, x + 1, x * 1e12]);
      else (p as Record<string, Json>)[k as string] = nasty(r);
    } else if (op === 5) {
      // a list emptied or repeated
      const lists = containers.filter(Array.isArray) as Json[][];
      if (lists.length) {
        const l = r.pick(lists);
        if (r.chance(0.5) || l.length === 0) l.length = 0;
        else for (let i = r.pick([1, 3, 1000]); i > 0; i--) l.push(cloneOrSame(l[r.int(l.length)]));
      }
    } else if (op === 6 && donors.length && all.length) {
      // a part of another valid file pasted in the wrong place
      const [p, k] = r.pick(all);
      const d = places(structuredClone(r.pick(donors)));
      if (d.length) {
        const [dp, dk] = r.pick(d);
        (p as Record<string, Json>)[k as string] = (dp as Record<string, Json>)[dk as string];
      }
    } else if (all.length) {
      // a key renamed (a typo, a case change)
      const [p, k] = r.pick(all);
      if (!Array.isArray(p) && typeof k === 'string') {
        const val = p[k];
        delete p[k];
        defineOwn(p, r.pick([k.toUpperCase(), `${k}s`, k.slice(1), `${k} `, r.pick(KEYS)]), val);
      }
    }
  }
  return root;
}

/** JSON text damaged the way files get damaged: cut short, a character changed, nesting added. */
export function damageText(r: Rng, text: string): string {
  switch (r.int(5)) {
    case 0:
      return text.slice(0, r.int(text.length));
    case 1: {
      const i = r.int(text.length);
      return text.slice(0, i) + r.pick(['"', '{', ']', ',', '\\', '\u0000', '\u001b', 'NaN', '1e400']) + text.slice(i + 1);
    }
    case 2:
      return `${'['.repeat(r.pick([65, 1000, 100_000]))}${text}${']'.repeat(r.pick([65, 1000, 100_000]))}`;
    case 3:
      return text.replace(/"name": "[^"]*"/, '"name": "\\u001b]0;pwned\\u0007"');
    default:
      return `${text}${r.pick(['', '\n', ' garbage', '}', '{"seed": 1}'])}`;
  }
}
