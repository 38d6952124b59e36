// Why this file exists: names typed by users (preset names, scenario keys, `--set` paths, sweep
// paths) are looked up by own property only, and the names that reach an object's prototype
// (__proto__, prototype, constructor) are refused wherever a path or key is read, so no input can
// change how every other object of the program behaves.

/** Keys that are never data: through them an assignment reaches a prototype. */
export const FORBIDDEN_KEYS: readonly string[] = ['__proto__', 'prototype', 'constructor'];

export function isForbiddenKey(key: string): boolean {
  return FORBIDDEN_KEYS.includes(key);
}

/** Why a forbidden key is refused (for messages naming it). */
export const FORBIDDEN_TEXT = `${FORBIDDEN_KEYS.join(', ')} are never keys of ferrowave data (they reach an object's prototype)`;

/** `table[key]` when `key` is the table's own property, else undefined (never a prototype's member). */
export function ownValue<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
