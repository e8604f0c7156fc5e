// A minimal DOM for running the webview bundle (dist/webview/main.js) in plain Node. It implements only what the
// webview may use: createElement, text nodes, attributes, events, focus, form controls (checkbox, select) and a
// layout a test sets by hand (boxes, scroll positions). Anything that parses HTML (innerHTML, outerHTML,
// insertAdjacentHTML, document.write) throws, so a test passing here proves no markup is parsed.

export class FakeNode {
  parentNode: FakeElement | undefined;
  readonly childNodes: FakeNode[] = [];

  constructor(readonly document: FakeDocument) {}

  get firstChild(): FakeNode | null {
    return this.childNodes[0] ?? null;
  }

  appendChild<T extends FakeNode>(child: T): T {
    if (!(child instanceof FakeNode)) throw new TypeError('appendChild: not a node');
    child.parentNode?.removeChild(child);
    this.childNodes.push(child);
    child.parentNode = this as unknown as FakeElement;
    return child;
  }

  removeChild<T extends FakeNode>(child: T): T {
    const index = this.childNodes.indexOf(child);
    if (index < 0) throw new Error('removeChild: not a child');
    // As in a browser, an element taken out of the document (even to be put back elsewhere) loses focus.
    if (child.contains(this.document.activeElement)) this.document.activeElement = this.document.body;
    this.childNodes.splice(index, 1);
    child.parentNode = undefined;
    return child;
  }

  contains(node: FakeNode | null | undefined): boolean {
    for (let current: FakeNode | undefined = node ?? undefined; current; current = current.parentNode) if (current === this) return true;
    return false;
  }

  get textContent(): string {
    return this.childNodes.map((c) => c.textContent).join('');
  }

  set textContent(value: string) {
    for (const child of [...this.childNodes]) this.removeChild(child);
    this.appendChild(new FakeText(this.document, String(value)));
  }
}

export class FakeText extends FakeNode {
  constructor(document: FakeDocument, public data: string) {
    super(document);
  }

  override get textContent(): string {
    return this.data;
  }

  override set textContent(value: string) {
    this.data = String(value);
  }
}

type Listener = (event: FakeEvent) => void;

export interface FakeEvent {
  readonly type: string;
  readonly key?: string;
  defaultPrevented: boolean;
  preventDefault(): void;
  readonly data?: unknown;
}

export function event(type: string, init: { key?: string; data?: unknown } = {}): FakeEvent {
  return {
    type,
    ...init,
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

/** A box as getBoundingClientRect returns it. */
export interface FakeRect {
  top: number;
  bottom: number;
  height: number;
}

export class FakeElement extends FakeNode {
  readonly attributes = new Map<string, string>();
  private readonly listeners = new Map<string, Listener[]>();
  /** The layout, as a test sets it: there is no rendering here. */
  rect: FakeRect = { top: 0, bottom: 0, height: 0 };
  scrollTop = 0;
  scrollHeight = 0;
  clientHeight = 0;
  /** How many times scrollIntoView was called on this element. */
  scrolledIntoView = 0;
  private checkedState: boolean | undefined;

  constructor(document: FakeDocument, readonly tagName: string) {
    super(document);
  }

  setAttribute(name: string, value: string): void {
    if (!/^[a-z][a-z0-9-]*$/.test(name)) throw new Error(`setAttribute: invalid attribute name ${JSON.stringify(name)}`);
    this.attributes.set(name, String(value));
  }

  getAttribute(name: string): string | null {
    return this.attributes.get(name) ?? null;
  }

  hasAttribute(name: string): boolean {
    return this.attributes.has(name);
  }

  removeAttribute(name: string): void {
    this.attributes.delete(name);
  }

  addEventListener(type: string, listener: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  /** Dispatches an event here and bubbles it up, as a browser does. */
  dispatch(e: FakeEvent): FakeEvent {
    for (let node: FakeElement | undefined = this; node; node = node.parentNode) {
      for (const listener of node.listeners.get(e.type) ?? []) listener(e);
    }
    return e;
  }

  click(): void {
    this.dispatch(event('click'));
  }

  focus(): void {
    this.document.activeElement = this;
  }

  scrollIntoView(): void {
    this.scrolledIntoView++;
  }

  getBoundingClientRect(): FakeRect {
    return this.rect;
  }

  get offsetHeight(): number {
    return this.rect.height;
  }

  /** A checkbox's state: its `checked` attribute until set. */
  get checked(): boolean {
    return this.checkedState ?? this.hasAttribute('checked');
  }

  set checked(value: boolean) {
    this.checkedState = value;
  }

  /** A select's value: its selected option's (or the first option's) value. */
  get value(): string {
    const options = this.findAll((e) => e.tagName === 'option');
    return (options.find((o) => o.hasAttribute('selected')) ?? options[0])?.getAttribute('value') ?? '';
  }

  set value(value: string) {
    for (const option of this.findAll((e) => e.tagName === 'option')) {
      if (option.getAttribute('value') === value) option.setAttribute('selected', '');
      else option.removeAttribute('selected');
    }
  }

  get children(): FakeElement[] {
    return this.childNodes.filter((c): c is FakeElement => c instanceof FakeElement);
  }

  /** Every element below this one, depth first. */
  *descendants(): Generator<FakeElement> {
    for (const child of this.children) {
      yield child;
      yield* child.descendants();
    }
  }

  find(predicate: (element: FakeElement) => boolean): FakeElement | undefined {
    for (const element of this.descendants()) if (predicate(element)) return element;
    return undefined;
  }

  findAll(predicate: (element: FakeElement) => boolean): FakeElement[] {
    return [...this.descendants()].filter(predicate);
  }

  set innerHTML(_value: string) {
    throw new Error('innerHTML must never be used');
  }

  set outerHTML(_value: string) {
    throw new Error('outerHTML must never be used');
  }

  insertAdjacentHTML(): void {
    throw new Error('insertAdjacentHTML must never be used');
  }
}

export class FakeDocument {
  activeElement: FakeElement | null = null;
  readonly body: FakeElement;
  readonly created: string[] = [];

  constructor() {
    this.body = new FakeElement(this, 'body');
  }

  createElement(tag: string): FakeElement {
    if (!/^[a-z][a-z0-9]*$/.test(tag)) throw new Error(`createElement: invalid tag ${JSON.stringify(tag)}`);
    this.created.push(tag);
    return new FakeElement(this, tag);
  }

  createTextNode(text: string): FakeText {
    return new FakeText(this, String(text));
  }

  getElementById(id: string): FakeElement | null {
    if (this.body.getAttribute('id') === id) return this.body;
    return this.body.find((e) => e.getAttribute('id') === id) ?? null;
  }

  write(): void {
    throw new Error('document.write must never be used');
  }
}

export class FakeWindow {
  private readonly listeners = new Map<string, ((e: FakeEvent) => void)[]>();
  innerHeight = 800;

  addEventListener(type: string, listener: (e: FakeEvent) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  /** Delivers a message as the host's postMessage does. */
  message(data: unknown): void {
    for (const listener of this.listeners.get('message') ?? []) listener(event('message', { data }));
  }
}
