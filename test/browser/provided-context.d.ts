// Types of the values that the browser project's globalSetup (Node side) provides and browser
// tests read with inject(): augments vitest's ProvidedContext so provide/inject are type-checked.
export {};

declare module 'vitest' {
  export interface ProvidedContext {
    /** State hashes computed in Node for named scenarios, compared with the browser's own. */
    nodeHashes: Record<string, string>;
  }
}
