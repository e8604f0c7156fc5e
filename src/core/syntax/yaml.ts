import { parseDocument, isAlias, isMap, isPair, isScalar, isSeq, YAMLMap, YAMLSeq } from 'yaml';
import type { Document, Node as YamlNode, Scalar, ScalarTag, CollectionTag } from 'yaml';
import type { MapEntry, Problem, ScalarNode, SyntaxNode } from './tree';

/** CloudFormation's short-form intrinsic functions (and `!Condition`), each legal on a scalar, a list or a map. */
export const INTRINSIC_TAGS = [
  'Ref', 'Condition', 'GetAtt', 'And', 'Base64', 'Cidr', 'Equals', 'FindInMap', 'GetAZs', 'If', 'ImportValue',
  'Join', 'Not', 'Or', 'Select', 'Split', 'Sub', 'Transform', 'Length', 'ToJsonString', 'ForEach',
] as const;

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

/** Parses YAML (or JSON, which YAML 1.2 includes) into a syntax tree; never throws. */
export function parseYaml(text: string): ParsedTree {
  const problems: Problem[] = [];
  let document: Document.Parsed;
  try {
    document = parseDocument(text, {
      customTags,
      uniqueKeys: false, // reported below, with the key's position, as a problem rather than a parse failure
      prettyErrors: false,
      strict: false,
      keepSourceTokens: false,
    });
  } catch (error) {
    return { root: null, problems: [{ message: `YAML parser failed: ${String(error)}`, span: { start: 0, end: 0 } }] };
  }
  for (const error of [...document.errors, ...document.warnings]) {
    const [start, end] = error.pos;
    problems.push({ message: firstLine(error.message), span: { start, end: Math.max(start, end) } });
  }
  const converter = new Converter(document, problems);
  const root = document.contents ? converter.convert(document.contents) : null;
  return { root, problems };
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}

/** Turns yaml's node classes into our plain tree. Aliases share the converted target, so alias bombs stay linear. */
class Converter {
  private readonly converted = new Map<YamlNode, SyntaxNode>();
  private readonly inProgress = new Set<YamlNode>();

  constructor(
    private readonly document: Document.Parsed,
    private readonly problems: Problem[],
  ) {}

  convert(node: YamlNode | null): SyntaxNode | null {
    if (node === null) return null;
    if (isAlias(node)) {
      const target = node.resolve(this.document);
      const [start = 0, end = start] = node.range ?? [];
      if (!target) {
        this.problems.push({ message: `Unknown alias *${node.source}`, span: { start, end } });
        return null;
      }
      if (this.inProgress.has(target)) {
        this.problems.push({ message: `Alias *${node.source} refers to a node that contains it`, span: { start, end } });
        return null;
      }
      return this.convert(target);
    }
    const known = this.converted.get(node);
    if (known) return known;
    this.inProgress.add(node);
    const result = this.convertNew(node);
    this.inProgress.delete(node);
    if (result) this.converted.set(node, result);
    return result;
  }

  private convertNew(node: YamlNode): SyntaxNode | null {
    const [start = 0, valueEnd = start] = node.range ?? [];
    const tag = node.tag?.startsWith('!') && !node.tag.startsWith('!!') ? node.tag : undefined;
    const base = tag ? { start, end: valueEnd, tag } : { start, end: valueEnd };
    if (isScalar(node)) return { kind: 'scalar', value: scalarValue(node), ...base };
    if (isSeq(node)) {
      const items: SyntaxNode[] = [];
      for (const item of node.items) {
        const converted = this.convert(item as YamlNode | null);
        if (converted) items.push(converted);
      }
      return { kind: 'seq', items, ...base };
    }
    if (isMap(node)) {
      const entries: MapEntry[] = [];
      const seen = new Set<string>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = this.convertKey(pair.key as YamlNode | null);
        if (!key) continue;
        const name = String(key.value);
        if (seen.has(name)) this.problems.push({ message: `Duplicate key '${name}'`, span: key });
        seen.add(name);
        entries.push({ key, value: this.convert(pair.value as YamlNode | null) });
      }
      return { kind: 'map', entries, ...base };
    }
    return null;
  }

  private convertKey(key: YamlNode | null): ScalarNode | null {
    if (key === null) return null;
    const converted = this.convert(key);
    if (converted?.kind === 'scalar') return converted;
    if (converted) this.problems.push({ message: 'A mapping key must be a plain value', span: converted });
    return null;
  }
}

function scalarValue(node: Scalar): string | number | boolean | null {
  const value = node.value;
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  return String(value);
}
