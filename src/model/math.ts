// Why this file exists: one seed must give one result on every host, but JavaScript's Math.exp,
// Math.log, Math.pow, Math.cos and the other transcendental functions are not specified to the
// bit: V8, SpiderMonkey and JavaScriptCore differ in the last bits (issue 12). The model takes them
// from here instead (lint/no-math-transcendental.grit enforces it under src/model, src/analysis
// and src/engine): plain TypeScript ports of fdlibm as V8 has it (src/base/ieee754.cc) and of V8's
// hypot, built only from IEEE + - * /, Math.sqrt (correctly rounded), Math.abs, Math.floor and bit
// access to doubles, so every host computes the same bits, and in Node 20 they are Math.*'s own
// bits (test/model/math.test.ts). Constants are written as their shortest decimal, with the exact
// double fdlibm specifies in hex beside each. One file per family under math/; this is the index.
export { exp, expm1 } from './math/exp';
export { cosh, sinh, tanh } from './math/hyperbolic';
export { hypot } from './math/hypot';
export { log, log1p, log2, log10 } from './math/log';
export { pow } from './math/pow';
export { cos, sin } from './math/trig';
