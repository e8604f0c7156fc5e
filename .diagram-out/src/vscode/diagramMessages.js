"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parseToHost = parseToHost;
exports.parseDiagramState = parseDiagramState;
exports.commandLinkArguments = commandLinkArguments;
exports.isOpenableLink = isOpenableLink;
const MAX_ID = 2000;
const MAX_URL = 2000;
const isString = (value, max) => typeof value === 'string' && value.length > 0 && value.length <= max;
/** The message as a ToHost, or undefined when it is anything else (unknown type, missing or oversized fields). */
function parseToHost(raw) {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
        return undefined;
    const message = raw;
    switch (message.type) {
        case 'ready':
            return { type: 'ready' };
        case 'exportReport':
            return { type: 'exportReport' };
        case 'select':
        case 'reveal':
            return isString(message.id, MAX_ID) ? { type: message.type, id: message.id } : undefined;
        case 'openLink':
            return isString(message.url, MAX_URL) ? { type: 'openLink', url: message.url } : undefined;
        case 'rendered': {
            const resources = message.resources;
            if (!Array.isArray(resources) || resources.length > 100000 || !resources.every((id) => typeof id === 'string'))
                return undefined;
            const selectedId = message.selectedId;
            if (selectedId !== undefined && typeof selectedId !== 'string')
                return undefined;
            return { type: 'rendered', resources: resources, ...(selectedId !== undefined ? { selectedId } : {}) };
        }
        default:
            return undefined;
    }
}
/** The webview state the serializer gets back after a reload, keeping only well-formed fields. */
function parseDiagramState(raw) {
    if (typeof raw !== 'object' || raw === null)
        return {};
    const state = raw;
    const expanded = shortStrings(state.expanded);
    const collapsed = shortStrings(state.collapsed);
    return {
        ...(isString(state.uri, 10000) && isDocumentUri(state.uri) ? { uri: state.uri } : {}),
        ...(isString(state.selectedId, MAX_ID) ? { selectedId: state.selectedId } : {}),
        ...(expanded ? { expanded } : {}),
        ...(typeof state.onlyOpen === 'boolean' ? { onlyOpen: state.onlyOpen } : {}),
        ...(state.sort === 'template' || state.sort === 'severity' ? { sort: state.sort } : {}),
        ...(collapsed ? { collapsed } : {}),
    };
}
/** The strings of a list of ids (layers, groups), each at most 100 characters; undefined when it is not a list. */
function shortStrings(raw) {
    return Array.isArray(raw) ? raw.filter((id) => typeof id === 'string' && id.length <= 100) : undefined;
}
/** The schemes of documents a diagram can show: a restored state naming another (`command:`, `https:`) is dropped. */
const DOCUMENT_SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs', 'vscode-userdata']);
function isDocumentUri(uri) {
    const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(uri)?.[1]?.toLowerCase();
    return scheme !== undefined && DOCUMENT_SCHEMES.has(scheme);
}
/**
 * The arguments of a `command:` link as its query: JSON, percent-encoded including `(`, `)`, `'`, `!` and `*`, which
 * encodeURIComponent leaves as they are and a `)` would end the Markdown link early.
 */
function commandLinkArguments(args) {
    return encodeURIComponent(JSON.stringify(args)).replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}
/** Only https links that the host itself put in a model may be opened. */
function isOpenableLink(url, sent) {
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        return false;
    }
    return parsed.protocol === 'https:' && sent.has(url);
}
//# sourceMappingURL=diagramMessages.js.map