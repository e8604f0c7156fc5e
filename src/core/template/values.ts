import { parseJson } from '../syntax/json';
import { isMap, stringValue } from '../syntax/tree';
import type { MapNode, Span, SyntaxNode } from '../syntax/tree';

/**
 * What a property path evaluates to in a template. A value the template cannot determine (a parameter, a
 * Terraform variable, an attribute of another resource) is `unknown`, never guessed: unknown values never
 * produce a violation, only "depends on …".
 */
export type Resolved =
  | { readonly kind: 'absent' }
  | { readonly kind: 'value'; readonly value: string | number | boolean | null; readonly node: SyntaxNode }
  /** Present, but not a scalar (a map or a list), or a reference to another resource of the template. */
  | { readonly kind: 'present'; readonly node: SyntaxNode }
  | { readonly kind: 'unknown'; readonly reason: string; readonly node: SyntaxNode }
  /** An `Fn::If`: what each branch gives; decided only when all branches agree. */
  | { readonly kind: 'alternatives'; readonly condition: string; readonly options: readonly (readonly Resolved[])[] };

/** What the resolver needs to know about the template around a value. */
export interface ValueContext {
  readonly parameters: ReadonlySet<string>;
  readonly resourceIds: ReadonlySet<string>;
  /**
   * Terraform: the body of the satellite resource of this type that configures the resource being examined
   * (an `aws_s3_bucket_versioning` pointing at the bucket), or undefined when the template has none.
   */
  readonly satelliteProperties?: (type: string) => MapNode | undefined;
  /** The resources of `type` that refer to the resource being examined (through `link` when given). */
  readonly related?: (type: string, link?: string) => readonly { readonly properties: MapNode | undefined }[];
  /** The properties of the resource a reference names (a policy document data source), when in the file. */
  readonly referenced?: (node: SyntaxNode) => MapNode | undefined;
  /** Read parameters and variables as their defaults: to say what a rule would find if nobody overrides them. */
  readonly assumeDefaults?: ReadonlyMap<string, SyntaxNode>;
}

interface Segment {
  readonly key?: string;
  readonly index?: number;
  readonly every?: boolean;
  readonly filter?: ReadonlyArray<readonly [string, string]>;
}

const pathCache = new Map<string, Segment[]>();

/**
 * Parses `A.B[*].C`, `A[0]`, `OptionSettings[?Namespace=aws:x&OptionName=Y].Value`. The filter selects list
 * elements whose fields equal the given strings.
 */
export function parsePath(path: string): Segment[] {
  const cached = pathCache.get(path);
  if (cached) return cached;
  const segments: Segment[] = [];
  let i = 0;
  let key = '';
  const flushKey = () => {
    if (key) segments.push({ key });
    key = '';
  };
  while (i < path.length) {
    const ch = path[i]!;
    if (ch === '.') {
      flushKey();
      i++;
    } else if (ch === '[') {
      flushKey();
      const close = path.indexOf(']', i);
      const inner = path.slice(i + 1, close < 0 ? path.length : close);
      if (inner === '*') segments.push({ every: true });
      else if (inner.startsWith('?')) {
        const filter = inner.slice(1).split('&').map((clause) => {
          const eq = clause.indexOf('=');
          return [clause.slice(0, eq), clause.slice(eq + 1)] as const;
        });
        segments.push({ filter });
      } else segments.push({ index: Number(inner) });
      i = close < 0 ? path.length : close + 1;
    } else {
      key += ch;
      i++;
    }
  }
  flushKey();
  pathCache.set(path, segments);
  return segments;
}

/** The intrinsic function a node calls (`Ref`, `Fn::If`…), from a short-form tag or a one-key map. */
export function intrinsicOf(node: SyntaxNode): { name: string; argument: SyntaxNode | null } | undefined {
  if (node.tag) {
    const name = node.tag.slice(1);
    return { name: name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`, argument: node };
  }
  if (isMap(node) && node.entries.length === 1) {
    const entry = node.entries[0]!;
    const name = String(entry.key.value);
    if (name === 'Ref' || name.startsWith('Fn::')) return { name, argument: entry.value };
  }
  return undefined;
}

/** Strips the tag off a short-form argument so `!If [a, b, c]` reads as the list [a, b, c]. */
function argumentValue(node: SyntaxNode | null): SyntaxNode | null {
  if (node === null || !node.tag) return node;
  const { tag: _tag, ...rest } = node;
  return rest as SyntaxNode;
}

const MAX_RESULTS = 256;

/**
 * Every value the path selects below `root` (a resource's Properties). `[*]` and filters may select several
 * values; an `Fn::If` on the way becomes one `alternatives` value holding what each branch selects. An empty
 * path means the root itself.
 */
export function selectPath(root: MapNode | undefined, path: string, context: ValueContext): Resolved[] {
  if (!root) return [{ kind: 'absent' }];
  const segments = parsePath(path);
  // Most paths are keys through plain maps down to a plain value: followed here without building the intermediate
  // results. Anything else (an intrinsic function, a list segment, a string that may hold JSON) goes the general way.
  let node: SyntaxNode = root;
  for (let from = 0; from < segments.length; from++) {
    const key = segments[from]!.key;
    if (key === undefined) return selectFrom({ kind: 'present', node }, segments, from, context);
    const child = valueOfKey(node, key);
    if (child === null) return [{ kind: 'absent' }];
    if (mayBeIntrinsic(child)) return selectFrom({ kind: 'present', node }, segments, from, context);
    if (child.kind === 'scalar') {
      if (child.value === null) return [{ kind: 'absent' }];
      const value: Resolved = { kind: 'value', value: child.value, node: child };
      return from === segments.length - 1 ? [value] : selectFrom(value, segments, from + 1, context);
    }
    node = child;
  }
  return [{ kind: 'present', node }];
}

/** True for a node intrinsicOf may read as a function call (a tag, or a map with a single key). */
function mayBeIntrinsic(node: SyntaxNode): boolean {
  return node.tag !== undefined || (node.kind === 'map' && node.entries.length === 1);
}

/** What `segments` from index `from` on select below `start`; always a new array (callers may add to it). */
function selectFrom(start: Resolved, segments: readonly Segment[], from: number, context: ValueContext): Resolved[] {
  if (from === segments.length) return [start];
  if (start.kind === 'alternatives') {
    return [{ ...start, options: start.options.map((option) => option.flatMap((o) => selectFrom(o, segments, from, context))) }];
  }
  if (start.kind === 'value' && typeof start.value === 'string') {
    // A JSON document written as a string (a Terraform heredoc of container definitions or a policy) is read
    // as the structure it encodes.
    const inner = embeddedJson(start.node);
    if (inner) return selectFrom({ kind: 'present', node: inner }, segments, from, context);
  }
  if (start.kind !== 'present') return [start.kind === 'value' ? { kind: 'absent' } : start];
  const segment = segments[from]!;
  let results: Resolved[] | undefined;
  const children = segment.key !== undefined ? [valueOfKey(start.node, segment.key)] : step(start.node, segment);
  for (const child of children) {
    for (const resolved of resolveNode(child, context)) {
      const selected = selectFrom(resolved, segments, from + 1, context);
      if (!results) results = selected;
      else for (const value of selected) results.push(value);
      if (results.length > MAX_RESULTS) return results;
    }
  }
  return results && results.length > 0 ? results : [{ kind: 'absent' }];
}

const embedded = new WeakMap<SyntaxNode, SyntaxNode | null>();
const MAX_EMBEDDED_JSON = 256 * 1024;

/** The structure of a JSON object or array written as a string, located at the string; null when it is not one. */
function embeddedJson(node: SyntaxNode): SyntaxNode | null {
  let known = embedded.get(node);
  if (known !== undefined) return known;
  known = null;
  const text = node.kind === 'scalar' && typeof node.value === 'string' ? node.value.trim() : '';
  if ((text.startsWith('{') || text.startsWith('[')) && text.length <= MAX_EMBEDDED_JSON) {
    const parsed = parseJson(text);
    if (parsed.problems.length === 0 && parsed.root) known = locatedAt(parsed.root, node);
  }
  embedded.set(node, known);
  return known;
}

/** The same tree with every span set to the string it came from (offsets inside a string mean nothing outside). */
function locatedAt(node: SyntaxNode, at: Span): SyntaxNode {
  const span = { start: at.start, end: at.end };
  if (node.kind === 'scalar') return { ...node, ...span };
  if (node.kind === 'seq') return { ...node, ...span, items: node.items.map((item) => locatedAt(item, at)) };
  return { ...node, ...span, entries: node.entries.map((entry) => ({ key: { ...entry.key, ...span }, value: entry.value && locatedAt(entry.value, at) })) };
}

/** The value of `key` in a map (the last one when repeated); null when absent or when the node is not a map. */
function valueOfKey(node: SyntaxNode, key: string): SyntaxNode | null {
  if (!isMap(node)) return null;
  for (let i = node.entries.length - 1; i >= 0; i--) if (node.entries[i]!.key.value === key) return node.entries[i]!.value;
  return null;
}

/** The children an index, `[*]` or filter segment selects (key segments: valueOfKey). */
function step(node: SyntaxNode, segment: Segment): readonly (SyntaxNode | null)[] {
  // A single object where a list is expected (a nested block written as an object in .tf.json) is a one-item list.
  if (node.kind !== 'seq') return segment.every || segment.index === 0 ? [node] : [null];
  if (segment.index !== undefined) return [node.items[segment.index] ?? null];
  if (segment.every) return node.items.length > 0 ? node.items : [null];
  const filter = segment.filter ?? [];
  const matches = node.items.filter(
    (item) => isMap(item) && filter.every(([field, wanted]) => stringValue(fieldOf(item, field)) === wanted),
  );
  return matches.length > 0 ? matches : [null];
}

function fieldOf(map: MapNode, field: string): SyntaxNode | null | undefined {
  for (let i = map.entries.length - 1; i >= 0; i--) if (map.entries[i]!.key.value === field) return map.entries[i]!.value;
  return undefined;
}

/** Resolves one node to what it means, following `Fn::If` into both branches. */
export function resolveNode(node: SyntaxNode | null, context: ValueContext, depth = 0): Resolved[] {
  if (node === null) return [{ kind: 'absent' }];
  const intrinsic = intrinsicOf(node);
  if (!intrinsic) {
    // `null` (Terraform `x = null`, an empty YAML value) leaves the setting to its default, as if not written.
    if (node.kind === 'scalar' && node.value === null) return [{ kind: 'absent' }];
    return node.kind === 'scalar' ? [{ kind: 'value', value: node.value, node }] : [{ kind: 'present', node }];
  }
  const argument = argumentValue(intrinsic.argument);
  switch (intrinsic.name) {
    case 'Ref': {
      const name = stringValue(argument) ?? '';
      if (name === 'AWS::NoValue') return [{ kind: 'absent' }];
      const fallback = context.assumeDefaults?.get(name);
      if (fallback && depth < 8) return resolveNode(fallback, { ...context, assumeDefaults: undefined }, depth + 1);
      if (context.resourceIds.has(name)) return [{ kind: 'present', node }];
      if (name.startsWith('var.')) return [{ kind: 'unknown', reason: `variable ${name.slice(4)}`, node }];
      if (context.parameters.has(name)) return [{ kind: 'unknown', reason: `parameter ${name}`, node }];
      return [{ kind: 'unknown', reason: name.startsWith('AWS::') ? `pseudo parameter ${name}` : `reference ${name}`, node }];
    }
    case 'Fn::If': {
      if (argument?.kind !== 'seq' || argument.items.length !== 3 || depth > 8) {
        return [{ kind: 'unknown', reason: 'a condition', node }];
      }
      const condition = stringValue(argument.items[0]) ?? 'a condition';
      const options = [resolveNode(argument.items[1]!, context, depth + 1), resolveNode(argument.items[2]!, context, depth + 1)];
      return [{ kind: 'alternatives', condition, options }];
    }
    case 'Fn::Sub': {
      const literal = stringValue(argument);
      if (literal !== undefined && !literal.includes('${')) return [{ kind: 'value', value: literal, node }];
      return [{ kind: 'unknown', reason: 'a substitution', node }];
    }
    case 'Fn::GetAtt':
      return [{ kind: 'present', node }];
    case 'Fn::Expr': {
      // A Terraform expression (function call, conditional, interpolation…) the template alone cannot evaluate.
      const source = stringValue(node) ?? '';
      return [{ kind: 'unknown', reason: `the expression ${source.length > 40 ? `${source.slice(0, 39)}…` : source}`, node }];
    }
    default:
      return [{ kind: 'unknown', reason: `${intrinsic.name}`, node }];
  }
}
