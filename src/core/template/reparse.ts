// Re-parsing after an edit: when a change falls inside one CloudFormation resource, only that resource's text is
// parsed again and spliced into the previous tree; the rest is reused (moved by the edit's length where it follows
// the change). Typing in a 1 MB template then costs a resource's parse, not the whole file's.
import { parseJson } from '../syntax/json';
import { isMap } from '../syntax/tree';
import type { MapEntry, MapNode, ScalarNode, SyntaxNode } from '../syntax/tree';
import { parseYaml } from '../syntax/yaml';

/** Where two versions of a text differ: `[start, oldEnd)` of the old text became `[start, start + oldEnd - start + delta)`. */
export interface TextEdit {
  readonly start: number;
  readonly oldEnd: number;
  readonly delta: number;
}

/** Characters compared at once while looking for where two versions differ (string equality is a memory compare). */
const BLOCK = 4096;

/** The smallest single edit that turns `before` into `after` (common prefix and suffix); undefined when equal. */
export function textEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start + BLOCK <= shorter && before.slice(start, start + BLOCK) === after.slice(start, start + BLOCK)) start += BLOCK;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  const room = shorter - start;
  let suffix = 0;
  while (suffix + BLOCK <= room && before.slice(before.length - suffix - BLOCK, before.length - suffix) === after.slice(after.length - suffix - BLOCK, after.length - suffix)) suffix += BLOCK;
  while (suffix < room && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return { start, oldEnd: before.length - suffix, delta: after.length - before.length };
}

/** The new offset of an old one that lies outside the edit. */
export function movedOffset(offset: number, edit: TextEdit): number {
  return offset >= edit.oldEnd ? offset + edit.delta : offset;
}

/** A copy of a tree moved by `delta`; the tree is what a clean parse without aliases gives, so nothing is shared. */
export function movedNode<T extends SyntaxNode>(node: T, delta: number): T {
  if (delta === 0) return node;
  return moveNode(node, delta) as T;
}

function moveNode(node: SyntaxNode, delta: number): SyntaxNode {
  const start = node.start + delta;
  const end = node.end + delta;
  switch (node.kind) {
    case 'scalar':
      return node.tag === undefined ? { kind: 'scalar', value: node.value, start, end } : { kind: 'scalar', value: node.value, start, end, tag: node.tag };
    case 'seq': {
      const items: SyntaxNode[] = new Array(node.items.length);
      for (let i = 0; i < items.length; i++) items[i] = moveNode(node.items[i]!, delta);
      return node.tag === undefined ? { kind: 'seq', items, start, end } : { kind: 'seq', items, start, end, tag: node.tag };
    }
    case 'map': {
      const entries: MapEntry[] = new Array(node.entries.length);
      for (let i = 0; i < entries.length; i++) entries[i] = movedEntry(node.entries[i]!, delta);
      return node.tag === undefined ? { kind: 'map', entries, start, end } : { kind: 'map', entries, start, end, tag: node.tag };
    }
  }
}

function movedEntry(entry: MapEntry, delta: number): MapEntry {
  return { key: moveNode(entry.key, delta) as ScalarNode, value: entry.value && moveNode(entry.value, delta) };
}

/** What a clean parse of a template leaves for the next version to build on. */
export interface ParsedTemplate {
  readonly text: string;
  readonly json: boolean;
  readonly root: MapNode;
  /** False when the text may hold a YAML anchor or alias (see mayHoldAlias). */
  readonly aliasFree: boolean;
}

/**
 * YAML aliases make shared subtrees, which a move would copy apart (and an alias bomb would explode): a text that
 * may hold one is parsed whole. Over-cautious on purpose (`- *x` and `[*x]` count, `s3:*` does not).
 */
const MAY_HOLD_ALIAS = /(?:^|[\s[{,])[*&][^\s,[\]{}]/;

export function mayHoldAlias(text: string): boolean {
  return MAY_HOLD_ALIAS.test(text);
}

/**
 * The tree of `text`, a new version of `previous.text` after `edit`, when the edit falls inside the declaration
 * (the value) of one resource and that declaration alone parses cleanly; otherwise undefined (parse the whole
 * text). `replaced` is the entry of that resource in the new tree.
 */
export function reparseResource(previous: ParsedTemplate, text: string, edit: TextEdit): Reparsed | undefined {
  if (!previous.json && !previous.aliasFree) return undefined;
  const { root } = previous;
  const resourcesAt = lastIndexOfKey(root, 'Resources');
  const resources = resourcesAt >= 0 ? root.entries[resourcesAt]!.value : undefined;
  if (!isMap(resources)) return undefined;
  const fitted = fittedEdit(previous, text, edit, resources, root.entries[resourcesAt + 1]?.key);
  if (!fitted) return undefined;
  const { at, segment, edit: placed } = fitted;
  if (root.end > placed.start && root.end < placed.oldEnd) return undefined;
  const entry = resources.entries[at]!;
  const value = entry.value as MapNode;
  const declaration = previous.json ? jsonDeclaration(text, segment) : yamlDeclaration(text, value, segment);
  if (!declaration) return undefined;

  const after = (from: number) => (node: MapEntry, index: number) => (index > from ? movedEntry(node, placed.delta) : node);
  const replaced: MapEntry = { key: entry.key, value: declaration };
  const resourceEntries = resources.entries.map(after(at));
  resourceEntries[at] = replaced;
  // A block map ends where its last value ends; a JSON object at its closing brace, after the edit.
  const last = at === resources.entries.length - 1 && !previous.json;
  const newResources: MapNode = { ...resources, entries: resourceEntries, end: last ? declaration.end : movedOffset(resources.end, placed) };
  const rootEntries = root.entries.map(after(resourcesAt));
  rootEntries[resourcesAt] = { key: root.entries[resourcesAt]!.key, value: newResources };
  return { root: { ...root, entries: rootEntries, end: movedOffset(root.end, placed) }, replaced, edit: placed };
}

export interface Reparsed {
  readonly root: MapNode;
  /** The entry of the edited resource in the new tree. */
  readonly replaced: MapEntry;
  /** The edit as placed: the same change, perhaps slid left to sit inside one resource (see fittedEdit). */
  readonly edit: TextEdit;
}

/** The text of one resource's declaration in the new version: `[from, to)`. */
interface Segment {
  readonly from: number;
  readonly to: number;
}

/** How far an ambiguous edit may slide to find the resource it belongs to. */
const MAX_SLIDE = 256;

/**
 * The resource declaration the edit falls in, with the edit placed inside it. A diff cannot tell where an insertion
 * of `\n  x` after a line's end went, before or after the line break: when the edit as found straddles a boundary,
 * it slides left while the text allows (the character before the window equals the window's last one, in both
 * versions), so typing a new line at the end of a resource still counts as inside it.
 */
function fittedEdit(
  previous: ParsedTemplate,
  text: string,
  edit: TextEdit,
  resources: MapNode,
  nextSection: ScalarNode | undefined,
): { edit: TextEdit; at: number; segment: Segment } | undefined {
  const old = previous.text;
  let newEnd = edit.oldEnd + edit.delta;
  for (let slide = 0; slide <= MAX_SLIDE; slide++) {
    const candidate = slide === 0 ? edit : { start: edit.start - slide, oldEnd: edit.oldEnd - slide, delta: edit.delta };
    if (slide > 0) {
      newEnd--;
      const oldEnd = candidate.oldEnd;
      if (candidate.start < 0 || old.charCodeAt(candidate.start) !== old.charCodeAt(oldEnd) || text.charCodeAt(candidate.start) !== text.charCodeAt(newEnd)) return undefined;
    }
    const at = entryAround(resources.entries, candidate.start);
    const entry = at >= 0 ? resources.entries[at] : undefined;
    if (entry && isMap(entry.value)) {
      const next = resources.entries[at + 1]?.key ?? nextSection;
      const segment = previous.json ? jsonSegment(candidate, entry.value) : yamlSegment(old, candidate, entry.key, entry.value, next);
      if (segment) return { edit: candidate, at, segment };
    }
  }
  return undefined;
}
/** The index of the last entry named `key` (the one getValue reads). */
function lastIndexOfKey(map: MapNode, key: string): number {
  for (let i = map.entries.length - 1; i >= 0; i--) if (map.entries[i]!.key.value === key) return i;
  return -1;
}

/** The index of the entry whose key starts at or before `offset`, the last such; -1 when none. */
function entryAround(entries: readonly MapEntry[], offset: number): number {
  let low = 0;
  let high = entries.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (entries[mid]!.key.start <= offset) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}

/** JSON: the edit must lie strictly between the braces of the declaration. */
function jsonSegment(edit: TextEdit, value: MapNode): Segment | undefined {
  if (edit.start <= value.start || edit.oldEnd >= value.end) return undefined;
  return { from: value.start, to: value.end + edit.delta };
}

/** JSON: the declaration alone must parse as one object, the whole of its text (`[from, to)` of the new text). */
function jsonDeclaration(text: string, { from, to }: Segment): MapNode | undefined {
  const parsed = parseJson(text.slice(from, to));
  if (parsed.problems.length > 0 || !isMap(parsed.root) || parsed.root.start !== 0 || parsed.root.end !== to - from) return undefined;
  return movedNode(parsed.root, from);
}

/**
 * YAML: the declaration is a block map on the lines after its key, up to the next key at the resource's level (or
 * the next section); the edit must lie on those lines (in the new text: `[from, to)`).
 */
function yamlSegment(old: string, edit: TextEdit, key: ScalarNode, value: MapNode, next: ScalarNode | undefined): Segment | undefined {
  const from = lineStart(old, value.start);
  if (from <= key.end || edit.start < from) return undefined;
  const oldTo = next ? lineStart(old, next.start) : old.length;
  if (edit.oldEnd > oldTo || (edit.oldEnd === oldTo && next)) return undefined;
  return { from, to: oldTo + edit.delta };
}

/**
 * YAML: those lines are parsed alone; they must give one map at the declaration's indentation, with no problem.
 * Lines more indented than the resource's key cannot change how anything outside them parses.
 */
function yamlDeclaration(text: string, value: MapNode, { from, to }: Segment): MapNode | undefined {
  const segment = text.slice(from, to);
  const column = value.start - from;
  if (!indentedAtLeast(segment, column) || mayHoldAlias(segment)) return undefined;
  const parsed = parseYaml(segment);
  if (parsed.problems.length > 0 || !isMap(parsed.root) || parsed.root.start !== column) return undefined;
  return movedNode(parsed.root, from);
}

/** True when every line with content (not blank, not only a comment) starts with at least `column` spaces. */
function indentedAtLeast(segment: string, column: number): boolean {
  let atLineStart = true;
  for (let i = 0; i < segment.length; i++) {
    if (!atLineStart) {
      const code = segment.charCodeAt(i);
      atLineStart = code === 10 || code === 13;
      continue;
    }
    let indent = 0;
    while (segment.charCodeAt(i + indent) === 32) indent++;
    const first = segment.charCodeAt(i + indent);
    const content = i + indent < segment.length && first !== 10 && first !== 13 && first !== 35; // 35: '#'
    if (content && (indent < column || first === 9)) return false; // 9: a tab where the indentation goes on
    i += indent - 1;
    atLineStart = false;
  }
  return true;
}

function lineStart(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text.charCodeAt(i - 1) !== 10 && text.charCodeAt(i - 1) !== 13) i--;
  return i;
}
