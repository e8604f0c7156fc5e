import { parseDocument, isAlias, isMap, isPair, isScalar, isSeq, YAMLMap, YAMLSeq } from 'yaml';
import type { Alias, Document, Node as YamlNode, Scalar, ScalarTag, CollectionTag } from 'yaml';
import { limitProblems, MAX_NESTING_DEPTH, nestedTooDeeply } from './tree';
import type { MapEntry, Problem, ScalarNode, SyntaxNode } from './tree';
import { INTRINSIC_TAGS, parseYamlFast } from './yamlFast';
import { pruneDeepNesting } from './yamlNesting';

export { INTRINSIC_TAGS };

// The resolvers keep the node as it is: we read tags from the tree instead of building JS values.
const customTags: (ScalarTag | CollectionTag)[] = INTRINSIC_TAGS.flatMap((name) => [
  { tag: `!${name}`, resolve: (value: string) => value },
  { tag: `!${name}`, collection: 'seq', nodeClass: YAMLSeq, resolve: (seq) => seq },
  { tag: `!${name}`, collection: 'map', nodeClass: YAMLMap, resolve: (map) => map },
] satisfies (ScalarTag | CollectionTag)[]);

export interface ParsedTree {
  readonly root: SyntaxNode | null;
  readonly problems: Problem[];
}

/**
 * Parses YAML (or JSON, which YAML 1.2 includes) into a syntax tree; never throws. Nesting deeper than
 * MAX_NESTING_DEPTH is cut off with one problem, the rest of the document is kept. Templates are read by the fast
 * parser (yamlFast.ts) when they keep to its subset, over ten times faster, with the same tree; anything else goes to
 * the library.
 */
export function parseYaml(text: string): ParsedTree {
  return parseYamlFast(text) ?? parseYamlWithLibrary(text);
}

/** parseYaml through the `yaml` library: any YAML, with its problems. */
export function parseYamlWithLibrary(text: string): ParsedTree {
  const problems: Problem[] = [];
  const pruned = pruneDeepNesting(text, MAX_NESTING_DEPTH);
  let tooDeepAt = pruned.at;
  let document: Document.Parsed;
  // Each syntax error is an Error: broken input makes tens of thousands, and their stack traces cost half the parse.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    document = parseDocument(pruned.text, {
      customTags,
      uniqueKeys: false, // reported below, with the key's position, as a problem rather than a parse failure
      prettyErrors: false,
      strict: false,
      keepSourceTokens: false,
    });
  } catch (error) {
    return { root: null, problems: [{ message: `YAML parser failed: ${String(error)}`, span: { start: 0, end: 0 } }] };
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  for (const error of [...document.errors, ...document.warnings]) {
    const [start, end] = error.pos;
    // The library's own guard against a stack overflow: the same problem as nesting cut off above.
    if (error.code === 'RESOURCE_EXHAUSTION') tooDeepAt = Math.min(tooDeepAt ?? start, start);
    else problems.push({ message: firstLine(error.message), span: { start, end: Math.max(start, end) } });
  }
  const converter = new Converter(document, problems);
  const root = document.contents ? converter.convert(document.contents, 1) : null;
  if (converter.tooDeepAt !== undefined) tooDeepAt = Math.min(tooDeepAt ?? converter.tooDeepAt, converter.tooDeepAt);
  const listed = limitProblems(problems);
  if (tooDeepAt !== undefined) listed.push(nestedTooDeeply(text, tooDeepAt));
  return { root, problems: listed };
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}

/**
 * Turns yaml's node classes into our plain tree. Aliases share the converted target, so alias bombs stay linear;
 * the tree's depth, aliases included, stays within MAX_NESTING_DEPTH so that every reader may recurse.
 */
class Converter {
  private readonly converted = new Map<YamlNode, SyntaxNode>();
  /** Collection levels in each converted collection, itself included, to know how deep an alias to it would reach. */
  private readonly heights = new WeakMap<SyntaxNode, number>();
  private readonly inProgress = new Set<YamlNode>();
  /** Nodes cut off for their depth: an alias to one is cut off too, rather than converted again. */
  private readonly dropped = new Set<YamlNode>();
  /** Where the nesting first went past MAX_NESTING_DEPTH, if it did. */
  tooDeepAt: number | undefined;

  private readonly anchors: AnchorIndex;

  constructor(
    document: Document.Parsed,
    private readonly problems: Problem[],
  ) {
    this.anchors = new AnchorIndex(document);
  }

  /** Converts a node found at `depth`: the collections that hold it, plus one (the root is at depth 1). */
  convert(node: YamlNode | null, depth: number): SyntaxNode | null {
    if (node === null) return null;
    const [start = 0, end = start] = node.range ?? [];
    if (isAlias(node)) {
      const target = this.anchors.resolve(node);
      if (!target) {
        this.problems.push({ message: `Unknown alias *${node.source}`, span: { start, end } });
        return null;
      }
      if (this.inProgress.has(target)) {
        this.problems.push({ message: `Alias *${node.source} refers to a node that contains it`, span: { start, end } });
        return null;
      }
      const shared = this.converted.get(target);
      if (this.dropped.has(target) || (shared && depth - 1 + this.heightOf(shared) > MAX_NESTING_DEPTH)) return this.tooDeep(start);
      return shared ?? this.convert(target, depth);
    }
    const known = this.converted.get(node);
    if (known) return known;
    if (depth > MAX_NESTING_DEPTH && !isScalar(node)) {
      this.dropped.add(node);
      return this.tooDeep(start);
    }
    this.inProgress.add(node);
    const result = this.convertNew(node, depth);
    this.inProgress.delete(node);
    if (result) this.converted.set(node, result);
    return result;
  }

  private tooDeep(offset: number): null {
    this.tooDeepAt = Math.min(this.tooDeepAt ?? offset, offset);
    return null;
  }

  private heightOf(node: SyntaxNode | null): number {
    return (node && this.heights.get(node)) ?? 0;
  }

  private convertNew(node: YamlNode, depth: number): SyntaxNode | null {
    const [start = 0, valueEnd = start] = node.range ?? [];
    const tag = node.tag?.startsWith('!') && !node.tag.startsWith('!!') ? node.tag : undefined;
    const base = tag ? { start, end: valueEnd, tag } : { start, end: valueEnd };
    if (isScalar(node)) return { kind: 'scalar', value: scalarValue(node), ...base };
    let height = 1; // this collection; a scalar adds no level
    let result: SyntaxNode;
    if (isSeq(node)) {
      const items: SyntaxNode[] = [];
      for (const item of node.items) {
        const converted = this.convert(item as YamlNode | null, depth + 1);
        if (converted) items.push(converted);
        height = Math.max(height, 1 + this.heightOf(converted));
      }
      result = { kind: 'seq', items, ...base };
    } else if (isMap(node)) {
      const entries: MapEntry[] = [];
      const seen = new Set<string>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = this.convertKey(pair.key as YamlNode | null, depth + 1);
        if (!key) continue;
        const name = String(key.value);
        if (seen.has(name)) this.problems.push({ message: `Duplicate key '${name}'`, span: key });
        seen.add(name);
        const value = this.convert(pair.value as YamlNode | null, depth + 1);
        entries.push({ key, value });
        height = Math.max(height, 1 + this.heightOf(value));
      }
      result = { kind: 'map', entries, ...base };
    } else {
      return null;
    }
    this.heights.set(result, height);
    return result;
  }

  private convertKey(key: YamlNode | null, depth: number): ScalarNode | null {
    if (key === null) return null;
    const converted = this.convert(key, depth);
    if (converted?.kind === 'scalar') return converted;
    if (converted) this.problems.push({ message: 'A mapping key must be a plain value', span: converted });
    return null;
  }
}

/**
 * The anchors of a document by name, in document order, so an alias resolves in a lookup. The library's own
 * `Alias.resolve` walks the whole document for each alias: quadratic, minutes for a file of aliases.
 */
class AnchorIndex {
  private readonly byName = new Map<string, { readonly offset: number; readonly node: YamlNode }[]>();

  constructor(document: Document.Parsed) {
    const stack: unknown[] = [document.contents];
    while (stack.length > 0) {
      const item = stack.pop();
      if (isPair(item)) {
        stack.push(item.key, item.value);
        continue;
      }
      if (!isScalar(item) && !isSeq(item) && !isMap(item)) continue;
      if (item.anchor) {
        let list = this.byName.get(item.anchor);
        if (!list) this.byName.set(item.anchor, (list = []));
        list.push({ offset: item.range?.[0] ?? 0, node: item });
      }
      if (isSeq(item) || isMap(item)) for (const child of item.items) stack.push(child);
    }
    for (const list of this.byName.values()) list.sort((a, b) => a.offset - b.offset);
  }

  /** The node of the last anchor of the alias's name written before it, as YAML defines. */
  resolve(alias: Alias): YamlNode | undefined {
    const list = this.byName.get(alias.source);
    const offset = alias.range?.[0] ?? 0;
    if (!list || list.length === 0 || list[0]!.offset >= offset) return undefined;
    let low = 0;
    let high = list.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (list[mid]!.offset < offset) low = mid;
      else high = mid - 1;
    }
    return list[low]!.node;
  }
}

function scalarValue(node: Scalar): string | number | boolean | null {
  const value = node.value;
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  return String(value);
}
