// Why this file exists: the one type the kernel compiler (scripts/kernels) needs beyond
// TypeScript's: which numbers are integers. A kernel's parameters and fields declared `int` are
// i32 in the WebAssembly it is compiled to; `number` is a double, as in JavaScript.

/** an integer that fits in 32 bits (a site index, a count, a step); plain `number` in TypeScript */
export type int = number;
