// The syntax tree every parser (YAML, JSON, HCL) produces: plain objects with source offsets, so the
// rest of the core never depends on a parser library's node classes.

/** A half-open span of UTF-16 offsets into the document text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

interface NodeBase extends Span {
  /** A YAML tag as written (`!Ref`, `!GetAtt`…); absent for untagged nodes and in JSON. */
  readonly tag?: string;
}

export interface ScalarNode extends NodeBase {
  readonly kind: 'scalar';
  readonly value: string | number | boolean | null;
}

export interface MapEntry {
  readonly key: ScalarNode;
  /** Null when the key has no value yet (`Type:` being typed). */
  readonly value: SyntaxNode | null;
}

export interface MapNode extends NodeBase {
  readonly kind: 'map';
  readonly entries: readonly MapEntry[];
}

export interface SeqNode extends NodeBase {
  readonly kind: 'seq';
  readonly items: readonly SyntaxNode[];
}

export type SyntaxNode = ScalarNode | MapNode | SeqNode;

/** A problem found while parsing or analysing, located in the text. */
export interface Problem {
  readonly message: string;
  readonly span: Span;
}

/** The value of `key` in a map (the last one when a key is repeated, as CloudFormation's JSON parsers do). */
export function getEntry(map: MapNode, key: string): MapEntry | undefined {
  for (let i = map.entries.length - 1; i >= 0; i--) {
    const entry = map.entries[i]!;
    if (entry.key.value === key) return entry;
  }
  return undefined;
}

export function getValue(map: MapNode, key: string): SyntaxNode | null | undefined {
  return getEntry(map, key)?.value;
}

export function isMap(node: SyntaxNode | null | undefined): node is MapNode {
  return node?.kind === 'map';
}

export function isScalar(node: SyntaxNode | null | undefined): node is ScalarNode {
  return node?.kind === 'scalar';
}

/** The string value of a scalar node, or undefined for anything else. */
export function stringValue(node: SyntaxNode | null | undefined): string | undefined {
  return isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
}

/**
 * Nesting deeper than this is cut off: every reader of the tree may recurse, and hostile input (10,000 brackets)
 * must not overflow the stack. Real templates stay far below it (the corpus's deepest is under 30 levels).
 */
export const MAX_NESTING_DEPTH = 128;

/** The one problem a document gets for nesting past MAX_NESTING_DEPTH, at the first place it happens. */
export function nestedTooDeeply(text: string, offset: number): Problem {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return {
    message: `Nested too deeply at line ${line}: more than ${MAX_NESTING_DEPTH} levels; the deeper part is not analysed`,
    span: { start: offset, end: Math.min(text.length, offset + 1) },
  };
}

/** Syntax problems listed per document at most: past them a file is garbage, and more would bury the first ones. */
const MAX_SYNTAX_PROBLEMS = 100;

/** The first MAX_SYNTAX_PROBLEMS problems, and one that counts the rest. */
export function limitProblems(problems: Problem[]): Problem[] {
  if (problems.length <= MAX_SYNTAX_PROBLEMS) return problems;
  const rest = problems.length - MAX_SYNTAX_PROBLEMS;
  const first = problems[MAX_SYNTAX_PROBLEMS]!;
  return [...problems.slice(0, MAX_SYNTAX_PROBLEMS), { message: `${rest} more problems in this file are not listed`, span: first.span }];
}
