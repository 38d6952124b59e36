// Why this file exists: the sandbox's panels build their controls in code; these two helpers are
// the whole of that (an element with properties and children, and a labelled row of controls).

/** An element with properties and children. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...kids: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...kids);
  return e;
}

/** A panel row: the label on the left, the controls (and their unit) together on the right. */
export function labelRow(label: string, ...kids: (Node | string)[]): HTMLLabelElement {
  return el('label', {}, label, el('span', { className: 'inline' }, ...kids));
}
