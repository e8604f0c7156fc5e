// The only way the webview builds DOM: createElement, setAttribute and text nodes. Never innerHTML: every string
// from a template (logical IDs, names, types) ends up as text, whatever it contains.

export type Child = Node | string | number | undefined | null | false;
export type Attributes = Record<string, string | number | boolean | undefined>;

/** An element with attributes (false/undefined skip one, true sets it empty) and children (strings become text). */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, ...children);
  return element;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

/** Replaces all children of an element. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, ...children);
}

/** Only https links reach the page (the host checks again before opening one). */
export function isSafeUrl(url: string): boolean {
  return /^https:\/\/[^\s"'<>]+$/.test(url);
}

/**
 * A logical ID or address as text with line-break opportunities (<wbr>) between its words only: at camelCase humps
 * ("Master|HTTP|Code|ELB5|XX|Too|High|Alarm") and after `.`, `_`, `-`, `/` or `[`. A long ID then wraps between
 * words, never inside one.
 */
export function breakableId(id: string): Child[] {
  const words = id.match(/[A-Z]+(?![a-z])[0-9]*|[A-Z]?[a-z]+[0-9]*|[0-9]+|[^A-Za-z0-9]+/g) ?? [];
  const parts: Child[] = [];
  words.forEach((word, index) => {
    if (index > 0 && /^[A-Za-z0-9]/.test(word)) parts.push(document.createElement('wbr'));
    parts.push(word);
  });
  return parts;
}
