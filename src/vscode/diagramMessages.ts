// Validation of what the diagram webview sends. A webview is untrusted input: every message is checked for its
// exact shape before the host acts on it. No `vscode` import, so the unit tests run it in plain Node.
import type { DiagramState, ToHost } from '../shared/protocol';

const MAX_ID = 2000;
const MAX_URL = 2000;

const isString = (value: unknown, max: number): value is string => typeof value === 'string' && value.length > 0 && value.length <= max;

/** The message as a ToHost, or undefined when it is anything else (unknown type, missing or oversized fields). */
export function parseToHost(raw: unknown): ToHost | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const message = raw as Record<string, unknown>;
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
      if (!Array.isArray(resources) || resources.length > 100000 || !resources.every((id) => typeof id === 'string')) return undefined;
      const selectedId = message.selectedId;
      if (selectedId !== undefined && typeof selectedId !== 'string') return undefined;
      return { type: 'rendered', resources: resources as string[], ...(selectedId !== undefined ? { selectedId } : {}) };
    }
    default:
      return undefined;
  }
}

/** The webview state the serializer gets back after a reload, keeping only well-formed fields. */
export function parseDiagramState(raw: unknown): DiagramState {
  if (typeof raw !== 'object' || raw === null) return {};
  const state = raw as Record<string, unknown>;
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
function shortStrings(raw: unknown): string[] | undefined {
  return Array.isArray(raw) ? raw.filter((id): id is string => typeof id === 'string' && id.length <= 100) : undefined;
}

/** The schemes of documents a diagram can show: a restored state naming another (`command:`, `https:`) is dropped. */
const DOCUMENT_SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs', 'vscode-userdata']);

function isDocumentUri(uri: string): boolean {
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(uri)?.[1]?.toLowerCase();
  return scheme !== undefined && DOCUMENT_SCHEMES.has(scheme);
}

/**
 * The arguments of a `command:` link as its query: JSON, percent-encoded including `(`, `)`, `'`, `!` and `*`, which
 * encodeURIComponent leaves as they are and a `)` would end the Markdown link early.
 */
export function commandLinkArguments(args: readonly unknown[]): string {
  return encodeURIComponent(JSON.stringify(args)).replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Only https links that the host itself put in a model may be opened. */
export function isOpenableLink(url: string, sent: ReadonlySet<string>): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === 'https:' && sent.has(url);
}
