"use strict";
// A minimal DOM for running the webview bundle (dist/webview/main.js) in plain Node. It implements only what the
// webview may use: createElement, text nodes, attributes, events, focus, form controls (checkbox, select) and a
// layout a test sets by hand (boxes, scroll positions). Anything that parses HTML (innerHTML, outerHTML,
// insertAdjacentHTML, document.write) throws, so a test passing here proves no markup is parsed.
Object.defineProperty(exports, "__esModule", { value: true });
exports.FakeWindow = exports.FakeDocument = exports.FakeElement = exports.FakeText = exports.FakeNode = void 0;
exports.event = event;
class FakeNode {
    document;
    parentNode;
    childNodes = [];
    constructor(document) {
        this.document = document;
    }
    get firstChild() {
        return this.childNodes[0] ?? null;
    }
    appendChild(child) {
        if (!(child instanceof FakeNode))
            throw new TypeError('appendChild: not a node');
        child.parentNode?.removeChild(child);
        this.childNodes.push(child);
        child.parentNode = this;
        return child;
    }
    removeChild(child) {
        const index = this.childNodes.indexOf(child);
        if (index < 0)
            throw new Error('removeChild: not a child');
        // As in a browser, an element taken out of the document (even to be put back elsewhere) loses focus.
        if (child.contains(this.document.activeElement))
            this.document.activeElement = this.document.body;
        this.childNodes.splice(index, 1);
        child.parentNode = undefined;
        return child;
    }
    contains(node) {
        for (let current = node ?? undefined; current; current = current.parentNode)
            if (current === this)
                return true;
        return false;
    }
    get textContent() {
        return this.childNodes.map((c) => c.textContent).join('');
    }
    set textContent(value) {
        for (const child of [...this.childNodes])
            this.removeChild(child);
        this.appendChild(new FakeText(this.document, String(value)));
    }
}
exports.FakeNode = FakeNode;
class FakeText extends FakeNode {
    data;
    constructor(document, data) {
        super(document);
        this.data = data;
    }
    get textContent() {
        return this.data;
    }
    set textContent(value) {
        this.data = String(value);
    }
}
exports.FakeText = FakeText;
function event(type, init = {}) {
    return {
        type,
        ...init,
        defaultPrevented: false,
        preventDefault() {
            this.defaultPrevented = true;
        },
    };
}
class FakeElement extends FakeNode {
    tagName;
    attributes = new Map();
    listeners = new Map();
    /** The layout, as a test sets it: there is no rendering here. */
    rect = { top: 0, bottom: 0, height: 0 };
    scrollTop = 0;
    scrollHeight = 0;
    clientHeight = 0;
    /** How many times scrollIntoView was called on this element. */
    scrolledIntoView = 0;
    checkedState;
    constructor(document, tagName) {
        super(document);
        this.tagName = tagName;
    }
    setAttribute(name, value) {
        if (!/^[a-z][a-z0-9-]*$/.test(name))
            throw new Error(`setAttribute: invalid attribute name ${JSON.stringify(name)}`);
        this.attributes.set(name, String(value));
    }
    getAttribute(name) {
        return this.attributes.get(name) ?? null;
    }
    hasAttribute(name) {
        return this.attributes.has(name);
    }
    removeAttribute(name) {
        this.attributes.delete(name);
    }
    addEventListener(type, listener) {
        this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
    }
    /** Dispatches an event here and bubbles it up, as a browser does. */
    dispatch(e) {
        for (let node = this; node; node = node.parentNode) {
            for (const listener of node.listeners.get(e.type) ?? [])
                listener(e);
        }
        return e;
    }
    click() {
        this.dispatch(event('click'));
    }
    focus() {
        this.document.activeElement = this;
    }
    scrollIntoView() {
        this.scrolledIntoView++;
    }
    getBoundingClientRect() {
        return this.rect;
    }
    get offsetHeight() {
        return this.rect.height;
    }
    /** A checkbox's state: its `checked` attribute until set. */
    get checked() {
        return this.checkedState ?? this.hasAttribute('checked');
    }
    set checked(value) {
        this.checkedState = value;
    }
    /** A select's value: its selected option's (or the first option's) value. */
    get value() {
        const options = this.findAll((e) => e.tagName === 'option');
        return (options.find((o) => o.hasAttribute('selected')) ?? options[0])?.getAttribute('value') ?? '';
    }
    set value(value) {
        for (const option of this.findAll((e) => e.tagName === 'option')) {
            if (option.getAttribute('value') === value)
                option.setAttribute('selected', '');
            else
                option.removeAttribute('selected');
        }
    }
    get children() {
        return this.childNodes.filter((c) => c instanceof FakeElement);
    }
    /** Every element below this one, depth first. */
    *descendants() {
        for (const child of this.children) {
            yield child;
            yield* child.descendants();
        }
    }
    find(predicate) {
        for (const element of this.descendants())
            if (predicate(element))
                return element;
        return undefined;
    }
    findAll(predicate) {
        return [...this.descendants()].filter(predicate);
    }
    set innerHTML(_value) {
        throw new Error('innerHTML must never be used');
    }
    set outerHTML(_value) {
        throw new Error('outerHTML must never be used');
    }
    insertAdjacentHTML() {
        throw new Error('insertAdjacentHTML must never be used');
    }
}
exports.FakeElement = FakeElement;
class FakeDocument {
    activeElement = null;
    body;
    created = [];
    constructor() {
        this.body = new FakeElement(this, 'body');
    }
    createElement(tag) {
        if (!/^[a-z][a-z0-9]*$/.test(tag))
            throw new Error(`createElement: invalid tag ${JSON.stringify(tag)}`);
        this.created.push(tag);
        return new FakeElement(this, tag);
    }
    createTextNode(text) {
        return new FakeText(this, String(text));
    }
    getElementById(id) {
        if (this.body.getAttribute('id') === id)
            return this.body;
        return this.body.find((e) => e.getAttribute('id') === id) ?? null;
    }
    write() {
        throw new Error('document.write must never be used');
    }
}
exports.FakeDocument = FakeDocument;
class FakeWindow {
    listeners = new Map();
    innerHeight = 800;
    addEventListener(type, listener) {
        this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
    }
    /** Delivers a message as the host's postMessage does. */
    message(data) {
        for (const listener of this.listeners.get('message') ?? [])
            listener(event('message', { data }));
    }
}
exports.FakeWindow = FakeWindow;
//# sourceMappingURL=fakeDom.js.map