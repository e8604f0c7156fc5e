import { Language, Parser } from 'web-tree-sitter';
import type { Node as TsNode } from 'web-tree-sitter';
import type { MapEntry, MapNode, Problem, ScalarNode, SyntaxNode } from './tree';

/** A top-level HCL block (`resource "aws_s3_bucket" "logs" { … }`) with its labels and its body as a map. */
export interface HclBlock {
  readonly kind: string;
  readonly kindNode: ScalarNode;
  /** Label values without quotes; spans cover the text inside the quotes. */
  readonly labels: readonly ScalarNode[];
  readonly body: MapNode;
  readonly start: number;
  readonly end: number;
}

export interface ParsedHcl {
  readonly blocks: readonly HclBlock[];
  readonly problems: Problem[];
}

const MAX_REPORTED_ERRORS = 20;

/**
 * HCL (Terraform) parsing with web-tree-sitter and the tree-sitter-hcl grammar. The host supplies the two
 * wasm files (the core does no I/O); `create` is async once, `parse` is synchronous after that. Error-tolerant:
 * broken blocks mid-edit still yield the blocks that parse. Nested blocks become lists of maps, so property
 * paths read `rule[*].apply_server_side_encryption_by_default[*].sse_algorithm`; expressions the template cannot
 * evaluate become tagged scalars (`!Ref var.x` for variables, `!GetAtt` for references, `!Expr` otherwise).
 */
export class HclParser {
  private constructor(private readonly parser: Parser) {}

  static async create(runtimeWasm: Uint8Array, languageWasm: Uint8Array): Promise<HclParser> {
    await Parser.init({ wasmBinary: runtimeWasm });
    const language = await Language.load(languageWasm);
    const parser = new Parser();
    parser.setLanguage(language);
    return new HclParser(parser);
  }

  parse(text: string): ParsedHcl {
    const tree = this.parser.parse(text);
    if (!tree) return { blocks: [], problems: [{ message: 'The HCL parser returned no tree', span: { start: 0, end: 0 } }] };
    try {
      const problems: Problem[] = [];
      if (tree.rootNode.hasError) collectErrors(tree.rootNode, problems);
      const body = tree.rootNode.namedChildren.find((child) => child?.type === 'body');
      const blocks: HclBlock[] = [];
      for (const child of body?.namedChildren ?? []) {
        if (child?.type === 'block') readBlockInto(text, child, blocks);
      }
      blocks.sort((a, b) => a.start - b.start);
      return { blocks, problems };
    } finally {
      tree.delete(); // the tree lives in wasm memory, not the JS heap
    }
  }
}

function collectErrors(node: TsNode, problems: Problem[]): void {
  if (problems.length >= MAX_REPORTED_ERRORS) return;
  if (node.isMissing) {
    problems.push({ message: `Missing ${node.type}`, span: { start: node.startIndex, end: node.endIndex } });
    return;
  }
  if (node.type === 'ERROR') {
    problems.push({ message: 'Syntax error', span: { start: node.startIndex, end: node.endIndex } });
    return;
  }
  for (const child of node.children) if (child && (child.hasError || child.isMissing)) collectErrors(child, problems);
}

/**
 * Labelled `resource`, `data` and `module` blocks only exist at the top level. When a broken block mid-edit makes
 * the parser recover by nesting the blocks after it, they are read back out as top-level blocks.
 */
const TOP_LEVEL_ONLY = new Set(['resource', 'data', 'module']);

function isStrayTopLevelBlock(node: TsNode): boolean {
  const kind = node.namedChildren.find((child) => child?.type === 'identifier')?.text ?? '';
  return TOP_LEVEL_ONLY.has(kind) && node.namedChildren.some((child) => child?.type === 'string_lit');
}

function readBlockInto(text: string, node: TsNode, blocks: HclBlock[]): void {
  blocks.push(readBlock(text, node));
  for (const stray of node.descendantsOfType('block')) {
    if (stray && stray.id !== node.id && isStrayTopLevelBlock(stray) && !hasStrayAncestor(stray, node)) {
      readBlockInto(text, stray, blocks);
    }
  }
}

/** True when a stray block sits inside another stray block below `root` (it is read when that one is). */
function hasStrayAncestor(node: TsNode, root: TsNode): boolean {
  for (let parent = node.parent; parent && parent.id !== root.id; parent = parent.parent) {
    if (parent.type === 'block' && isStrayTopLevelBlock(parent)) return true;
  }
  return false;
}

function readBlock(text: string, node: TsNode): HclBlock {
  const children = node.namedChildren.filter((child): child is TsNode => child !== null);
  const identifier = children.find((child) => child.type === 'identifier');
  const kindNode: ScalarNode = identifier
    ? scalar(identifier.text, identifier)
    : { kind: 'scalar', value: '', start: node.startIndex, end: node.startIndex };
  const labels = children
    .filter((child) => child.type === 'string_lit' || child.type === 'identifier')
    .slice(1)
    .map((label) => (label.type === 'string_lit' ? stringLiteral(text, label) : scalar(label.text, label)));
  const bodyNode = children.find((child) => child.type === 'body');
  const body = bodyNode ? readBody(text, bodyNode) : { kind: 'map' as const, entries: [], start: node.endIndex, end: node.endIndex };
  return { kind: String(kindNode.value), kindNode, labels, body, start: node.startIndex, end: node.endIndex };
}

/** A block body: attributes as entries; repeated nested blocks gathered into one list per block type. */
function readBody(text: string, node: TsNode): MapNode {
  const entries: MapEntry[] = [];
  const blockLists = new Map<string, SyntaxNode[]>();
  for (const child of node.namedChildren) {
    if (!child) continue;
    if (child.type === 'attribute') {
      const name = child.namedChildren.find((c) => c?.type === 'identifier');
      const expression = child.namedChildren.find((c) => c?.type === 'expression');
      if (name) entries.push({ key: scalar(name.text, name), value: expression ? readExpression(text, expression) : null });
    } else if (child.type === 'block' && !isStrayTopLevelBlock(child)) {
      const block = readBlock(text, child);
      let list = blockLists.get(block.kind);
      if (!list) {
        list = [];
        blockLists.set(block.kind, list);
        entries.push({ key: block.kindNode, value: { kind: 'seq', items: list, start: block.start, end: block.end } });
      }
      list.push({ ...block.body, start: block.start, end: block.end });
    }
  }
  return { kind: 'map', entries, start: node.startIndex, end: node.endIndex };
}

function readExpression(text: string, node: TsNode): SyntaxNode {
  const parts = node.namedChildren.filter((child): child is TsNode => child !== null);
  const first = parts[0];
  if (parts.length === 1 && first) {
    if (first.type === 'literal_value') return literal(text, first);
    if (first.type === 'collection_value') return collection(text, first);
    if (first.type === 'template_expr') return template(text, first);
    if (first.type === 'expression') return readExpression(text, first);
    if (first.type === 'function_call') {
      const encoded = jsonencodeArgument(first);
      if (encoded) return readExpression(text, encoded);
    }
  }
  if (first?.type === 'variable_expr') return reference(node, first.text, parts);
  return tagged('!Expr', node.text, node);
}

/**
 * `jsonencode({ Statement = [...] })` writes a structure as JSON: read the structure itself, so policies and
 * container definitions are checked like CloudFormation's.
 */
function jsonencodeArgument(call: TsNode): TsNode | undefined {
  const name = call.namedChildren.find((child) => child?.type === 'identifier')?.text;
  if (name !== 'jsonencode') return undefined;
  const args = call.namedChildren.find((child) => child?.type === 'function_arguments');
  const expressions = args?.namedChildren.filter((child): child is TsNode => child?.type === 'expression') ?? [];
  return expressions.length === 1 ? expressions[0] : undefined;
}

/** `var.x` reads as a parameter; `aws_kms_key.k.arn`, `data.…`, `module.…` as references to other resources. */
function reference(node: TsNode, root: string, parts: readonly TsNode[]): SyntaxNode {
  const attributes = parts.slice(1).filter((part) => part.type === 'get_attr').map((part) => part.text.replace(/^\./, ''));
  if (root === 'var' && attributes[0]) return tagged('!Ref', `var.${attributes[0]}`, node);
  // A bare word (`True`, `enabled`) is no value Terraform accepts: never guess what it meant.
  if (parts.length === 1) return tagged('!Expr', node.text, node);
  if (root === 'local' || ['each', 'count', 'path', 'terraform', 'self'].includes(root)) return tagged('!Expr', node.text, node);
  return tagged('!GetAtt', node.text, node);
}

function literal(text: string, node: TsNode): SyntaxNode {
  const child = node.namedChildren[0];
  if (!child) return tagged('!Expr', node.text, node);
  switch (child.type) {
    case 'numeric_lit':
      return { kind: 'scalar', value: Number(child.text), start: node.startIndex, end: node.endIndex };
    case 'bool_lit':
      return { kind: 'scalar', value: child.text === 'true', start: node.startIndex, end: node.endIndex };
    case 'null_lit':
      return { kind: 'scalar', value: null, start: node.startIndex, end: node.endIndex };
    case 'string_lit':
      return stringLiteral(text, child);
    default:
      return tagged('!Expr', node.text, node);
  }
}

function template(text: string, node: TsNode): SyntaxNode {
  const inner = node.namedChildren[0];
  const interpolated = node.descendantsOfType(['template_interpolation', 'template_directive']).length > 0;
  if (inner?.type === 'quoted_template' && !interpolated) return stringLiteral(text, inner);
  if (inner?.type === 'heredoc_template' && !interpolated) {
    const literals = inner.descendantsOfType('template_literal').map((part) => part?.text ?? '');
    return { kind: 'scalar', value: literals.join(''), start: node.startIndex, end: node.endIndex };
  }
  return tagged('!Expr', node.text, node);
}

function collection(text: string, node: TsNode): SyntaxNode {
  const inner = node.namedChildren[0];
  if (inner?.type === 'tuple') {
    const items = inner.namedChildren
      .filter((child): child is TsNode => child?.type === 'expression')
      .map((child) => readExpression(text, child));
    return { kind: 'seq', items, start: node.startIndex, end: node.endIndex };
  }
  if (inner?.type === 'object') {
    const entries: MapEntry[] = [];
    for (const element of inner.namedChildren) {
      if (element?.type !== 'object_elem') continue;
      const key = element.childForFieldName('key');
      const value = element.childForFieldName('val');
      if (!key) continue;
      const keyNode = readExpression(text, key);
      const name = keyNode.kind === 'scalar' && !keyNode.tag ? String(keyNode.value) : key.text;
      entries.push({ key: scalar(name, key), value: value ? readExpression(text, value) : null });
    }
    return { kind: 'map', entries, start: node.startIndex, end: node.endIndex };
  }
  return tagged('!Expr', node.text, node);
}

/** A quoted string's value, with its span inside the quotes. */
function stringLiteral(text: string, node: TsNode): ScalarNode {
  const start = node.startIndex + 1;
  const end = Math.max(start, node.endIndex - (text[node.endIndex - 1] === '"' ? 1 : 0));
  const raw = text.slice(start, end);
  return { kind: 'scalar', value: unescape(raw), start, end };
}

function unescape(raw: string): string {
  if (!raw.includes('\\')) return raw;
  return raw.replace(/\\(["\\nrt]|u[0-9a-fA-F]{4})/g, (_match, escape: string) => {
    switch (escape[0]) {
      case 'n': return '\n';
      case 'r': return '\r';
      case 't': return '\t';
      case 'u': return String.fromCharCode(parseInt(escape.slice(1), 16));
      default: return escape;
    }
  });
}

function scalar(value: string, node: TsNode): ScalarNode {
  return { kind: 'scalar', value, start: node.startIndex, end: node.endIndex };
}

function tagged(tag: string, value: string, node: TsNode): ScalarNode {
  return { kind: 'scalar', value, tag, start: node.startIndex, end: node.endIndex };
}
