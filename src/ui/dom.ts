// Why this file exists: the sandbox's panels build their controls in code or take them from
// index.html; these helpers are the whole of that (an element with properties and children, a
// labelled row of controls, and an element of the page by its id).

/** An element with properties and children. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...kids: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...kids);
  return e;
}

/** A panel row: the label on the left, the controls (and their unit) together on the right. */
export function labelRow(label: string, ...kids: (Node | string)[]): HTMLLabelElement {
  return el('label', {}, label, el('span', { className: 'inline' }, ...kids));
}

/** index.html's element with this id (the page's markup is the contract: a missing one is a bug). */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const e = document.getElementById(id);
  if (!e) throw new Error(`index.html lacks #${id}`);
  return e as T;
}
