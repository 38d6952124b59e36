// Why this file exists: the kinds of value the kernel compiler (compile.ts) handles while it turns
// a TypeScript kernel into WebAssembly text, and the conversions between them. A value is either
// uniform (one per call: a scalar f64 or i32 expression) or varying (one per SIMD lane: an f64x2
// vector, a pair of i32 expressions, a pair of lane booleans or a lane mask).

/** a scalar expression, the same for both lanes */
export interface Uni {
  kind: 'u';
  ty: 'f64' | 'i32' | 'bool';
  code: string;
  /** an i32 to read as unsigned (the result of >>>) */
  unsigned?: boolean;
  /** whether it depends only on values fixed before any lane loop (its splat is made once, before the loop) */
  hoist?: boolean;
}
/** an f64 per lane (f64x2) */
export interface VecF {
  kind: 'vf';
  code: string;
}
/** an i32 per lane, with how lane 1 relates to lane 0 (stride 1: lane1 = lane0 + 1) */
export interface VecI {
  kind: 'vi';
  c0: string;
  c1: string;
  stride: 0 | 1 | 'x';
}
/** a boolean per lane as two i32 0/1 expressions */
export interface VecB {
  kind: 'vb';
  b0: string;
  b1: string;
}
/** a boolean per lane as an i64x2 mask (all ones = true) */
export interface Mask {
  kind: 'm';
  code: string;
}
/** a typed array in the memory: its byte address */
export interface Arr {
  kind: 'arr';
  elem: 'f32' | 'f64' | 'u8';
  base: string;
}
/** a numeric literal (typed by its use) */
export interface Lit {
  kind: 'lit';
  n: number;
}
/** an object whose fields are reached by path (the state, the parameters, the step context, ...) */
export interface Obj {
  kind: 'obj';
  /** siteTable: the per-site treatment targets of a kernel's `_sites` variant (a table row per site, compile.ts SiteTargets) */
  what: 'state' | 'params' | 'unpacked' | 'value' | 'siteTable';
  /** the JavaScript expression of this object in the binding (unpacked objects) */
  js: string;
  /** the type name of the object (for field types) */
  type: string;
  /** the compile-time value (what = 'value': an imported constant object) */
  value?: unknown;
  /** layout path inside the state (what = 'state') */
  path?: string;
  /** its TypeScript type (a ts.Type: the declared types of its fields say how to pass them) */
  tsType?: unknown;
}

export type Val = Uni | VecF | VecI | VecB | Mask | Arr | Lit | Obj;

export const isVarying = (v: Val): boolean => v.kind === 'vf' || v.kind === 'vi' || v.kind === 'vb' || v.kind === 'm';

export function f64const(n: number): string {
  if (Number.isNaN(n)) return '(f64.const nan)';
  if (n === Number.POSITIVE_INFINITY) return '(f64.const inf)';
  if (n === Number.NEGATIVE_INFINITY) return '(f64.const -inf)';
  if (Object.is(n, -0)) return '(f64.const -0)';
  return `(f64.const ${n})`;
}

export function i32const(n: number): string {
  return `(i32.const ${n | 0})`;
}

export const ALL_LANES = '(v128.const i64x2 -1 -1)';
export const LANE0 = '(v128.const i64x2 -1 0)';

/** an i32 0/1 as a 64-bit lane of all ones or zeros */
const laneOf = (b: string) => `(i64.extend_i32_s (i32.sub (i32.const 0) ${b}))`;

export function maskOfLanes(b0: string, b1: string): string {
  return `(i64x2.replace_lane 1 (i64x2.splat ${laneOf(b0)}) ${laneOf(b1)})`;
}

export function maskOfUniform(b: string): string {
  return `(i64x2.splat ${laneOf(b)})`;
}

/** whether lane k of a mask is set, as an i32 */
export const laneSet = (mask: string, k: 0 | 1) => `(i64.ne (i64x2.extract_lane ${k} ${mask}) (i64.const 0))`;

/** a mask narrowed to the f32 lanes 0 and 1 (for stores of two float32s) */
export const mask32 = (mask: string) => `(i8x16.shuffle 0 1 2 3 8 9 10 11 0 1 2 3 8 9 10 11 ${mask} ${mask})`;

/** number of lanes set in a mask */
export const popcount = (mask: string) => `(i32.wrap_i64 (i64.sub (i64.const 0) (i64.add (i64x2.extract_lane 0 ${mask}) (i64x2.extract_lane 1 ${mask}))))`;
