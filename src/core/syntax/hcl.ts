import type { Language, Node as TsNode, Parser, Tree, TreeCursor } from 'web-tree-sitter';
import { MAX_NESTING_DEPTH, nestedTooDeeply } from './tree';
import type { MapEntry, MapNode, Problem, ScalarNode, Span, SyntaxNode } from './tree';

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

/** The web-tree-sitter module, as the host loads it. */
export interface TreeSitterModule {
  readonly Parser: typeof Parser;
  readonly Language: typeof Language;
}

/** What the host supplies: the two wasm files, and a way to load a new, independent copy of web-tree-sitter. */
export interface HclRuntime {
  readonly runtimeWasm: Uint8Array;
  readonly languageWasm: Uint8Array;
  /**
   * A new copy of the web-tree-sitter module at each call (in Node: `require` after evicting it from the cache).
   * Once its WebAssembly runtime has aborted (out of memory), every later call into a copy fails: only a new copy
   * parses again.
   */
  readonly loadModule: () => TreeSitterModule | Promise<TreeSitterModule>;
}

export interface HclParseOptions {
  /** `Date.now()` after which parsing stops: the file is then reported as not analysed. */
  readonly deadline?: number;
  /** Polled while parsing: true stops it. */
  readonly isCancelled?: () => boolean;
}

const MAX_REPORTED_ERRORS = 20;

// The WebAssembly memory of one runtime, in 64 KiB pages: web-tree-sitter's own initial size, and a ceiling far
// below the 2 GiB it would otherwise grow to (about 170 bytes per byte of input: 1 GiB is a 6 MB file).
const INITIAL_MEMORY_PAGES = 512;
const MAX_MEMORY_PAGES = 16384;
/** A runtime whose memory grew past this is replaced after the parse: WebAssembly memory never shrinks. */
const RECYCLE_MEMORY_BYTES = 256 * 1024 * 1024;

/** The one WebAssembly API used here; the core's type environment declares neither the DOM nor WebAssembly. */
declare const WebAssembly: { Memory: new (descriptor: { initial: number; maximum: number }) => { readonly buffer: ArrayBuffer } };

interface Runtime {
  readonly parser: Parser;
  readonly memory: { readonly buffer: ArrayBuffer };
  readonly types: NodeTypes;
}

/**
 * HCL (Terraform) parsing with web-tree-sitter and the tree-sitter-hcl grammar. The host supplies the two wasm files
 * and the module (the core does no I/O); `create` is async once, `parse` is synchronous after that. Error-tolerant:
 * broken blocks mid-edit still yield the blocks that parse. Nested blocks become lists of maps, so property paths
 * read `rule[*].apply_server_side_encryption_by_default[*].sse_algorithm`; expressions the template cannot evaluate
 * become tagged scalars (`!Ref var.x` for variables, `!GetAtt` for references, `!Expr` otherwise).
 *
 * One bad file never disables Terraform support: the runtime's memory has a ceiling, and a runtime that fails (the
 * WebAssembly aborts) or grew large is replaced by a new one; `ready()` waits for it.
 */
export class HclParser {
  private runtime: Runtime | undefined;
  /** The runtime being started to replace the current one (after a failure, or once it grew large). */
  private replacement: Promise<void> | undefined;

  private constructor(private readonly host: HclRuntime) {}

  static async create(host: HclRuntime): Promise<HclParser> {
    const parser = new HclParser(host);
    await parser.ready();
    return parser;
  }

  /** Resolves once a working runtime is in place: after a failure, when its replacement is. */
  ready(): Promise<void> {
    return this.runtime ? Promise.resolve() : this.replace();
  }

  parse(text: string, options: HclParseOptions = {}): ParsedHcl {
    const runtime = this.runtime;
    if (!runtime) return failed('The Terraform parser is restarting after a failure: this file was not analysed');
    const { deadline, isCancelled } = options;
    const stop = deadline === undefined && !isCancelled ? undefined : () => (deadline !== undefined && Date.now() > deadline) || isCancelled?.() === true;
    let tree;
    try {
      tree = runtime.parser.parse(text, null, stop ? { progressCallback: stop } : undefined);
    } catch (error) {
      // The WebAssembly runtime aborted (out of memory, most likely): that copy never works again.
      this.runtime = undefined;
      this.replace().catch(() => undefined); // a failure to start shows at the next ready()
      const reason = error instanceof Error ? error.message.split('.')[0] : String(error);
      return failed(`The Terraform parser failed on this file (${reason}, usually out of memory): it was not analysed; the parser was restarted`);
    }
    if (runtime.memory.buffer.byteLength > RECYCLE_MEMORY_BYTES) this.replace().catch(() => undefined);
    if (!tree) {
      runtime.parser.reset(); // a stopped parse would otherwise resume on the next call
      return failed(isCancelled?.() ? 'Parsing was cancelled' : 'Parsing took longer than the time allowed: this file was not analysed');
    }
    try {
      const problems: Problem[] = [];
      const root = tree.rootNode;
      const hasError = root.hasError;
      if (hasError) collectErrors(root, problems);
      const { blocks, tooDeepAt } = readBlocks(text, tree, runtime.types, hasError);
      if (tooDeepAt !== undefined) problems.push(nestedTooDeeply(text, tooDeepAt));
      return { blocks, problems };
    } finally {
      tree.delete(); // the tree lives in wasm memory, not the JS heap
    }
  }

  /** Starts a new runtime, which takes over once it is ready; the current one, if it still works, parses until then. */
  private replace(): Promise<void> {
    this.replacement ??= startRuntime(this.host).then(
      (runtime) => {
        this.runtime = runtime;
        this.replacement = undefined;
      },
      (error: unknown) => {
        this.replacement = undefined;
        throw error;
      },
    );
    return this.replacement;
  }
}

async function startRuntime(host: HclRuntime): Promise<Runtime> {
  const { Parser, Language } = await host.loadModule();
  const memory = new WebAssembly.Memory({ initial: INITIAL_MEMORY_PAGES, maximum: MAX_MEMORY_PAGES });
  // printErr: the runtime prints "Aborted()" itself before throwing; the caller reports the failure instead.
  await Parser.init({ wasmBinary: host.runtimeWasm, wasmMemory: memory, printErr: () => undefined });
  const language = await Language.load(host.languageWasm);
  const parser = new Parser();
  parser.setLanguage(language);
  return { parser, memory, types: nodeTypesOf(language) };
}

function failed(message: string): ParsedHcl {
  return { blocks: [], problems: [{ message, span: { start: 0, end: 0 } }] };
}

/** The syntax errors of the tree, at most MAX_REPORTED_ERRORS, in document order; iterative, for deep trees. */
function collectErrors(root: TsNode, problems: Problem[]): void {
  const stack: TsNode[] = [root];
  while (stack.length > 0 && problems.length < MAX_REPORTED_ERRORS) {
    const node = stack.pop()!;
    if (node.isMissing) {
      problems.push({ message: `Missing ${node.type}`, span: { start: node.startIndex, end: node.endIndex } });
    } else if (node.type === 'ERROR') {
      problems.push({ message: 'Syntax error', span: { start: node.startIndex, end: node.endIndex } });
    } else {
      const children = node.children.filter((child): child is TsNode => child !== null && (child.hasError || child.isMissing));
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
  }
}

/**
 * Labelled `resource`, `data` and `module` blocks only exist at the top level. When a broken block mid-edit makes
 * the parser recover by nesting the blocks after it, they are read back out as top-level blocks.
 */
const TOP_LEVEL_ONLY = new Set(['resource', 'data', 'module']);

/** Roots of references whose value only exists when Terraform runs (`local.x`, `each.key`, `count.index`…). */
const RUNTIME_ROOTS = new Set(['local', 'each', 'count', 'path', 'terraform', 'self']);

/**
 * Plain texts: scalars (a string without `\`, `$` or `%`, so without escapes, interpolations or directives; a number as
 * the grammar's numeric_lit; names joined by dots: a reference, a bool, null) and tuples and objects of plain values.
 * In a tree without errors, an expression with such a text, an attribute or an object element with a plain key, and a
 * block header of names and plain strings are what the grammar reads in the text: the reader reads them from the text
 * instead of asking the tree. The expressions match at a given index (sticky). A plain text ends where its node does,
 * or else is followed by what its tuple or object takes next; a text that the grammar reads otherwise (an identifier
 * going on with `-`, `::` or letters beyond ASCII, `1.x`) is followed by something else, and is no plain text.
 */
const PLAIN_SCALAR = /"[^"\\$%\x00-\x1f]*"|0x[0-9a-zA-Z]+|[0-9]+(?:\.[0-9]+(?:[eE][-+]?[0-9]+)?)?|[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*/y;
/** Whitespace, which the grammar skips (it skips any `\s`). */
const SPACE = /[ \t\r\n]*/y;
/** An attribute's name and `=`; an object element's key (a name or a plain string) and `=` or `:`. */
const ATTRIBUTE_HEAD = /([A-Za-z_]\w*)[ \t]*=[ \t]*/y;
const ELEMENT_HEAD = /(?:([A-Za-z_]\w*)|"([^"\\$%\x00-\x1f]*)")[ \t]*[=:][ \t]*/y;
/**
 * A block's header: its kind, then labels (plain strings or names), then `{`; and one label of it. The grammar's
 * keywords are names there, as they are no token the grammar takes in a header.
 */
const BLOCK_HEADER = /[A-Za-z_]\w*(?=[ \t"{])(?:[ \t]*(?:"[^"\\$%\x00-\x1f]*"|[A-Za-z_]\w*(?=[ \t"{])))*[ \t]*\{/y;
const HEADER_LABEL = /[ \t]*(?:"([^"\\$%\x00-\x1f]*)"|([A-Za-z_]\w*))/y;
/** The grammar's keywords, which no plain name in an expression is: `true` is a bool there, `for` starts a loop. */
const KEYWORDS = new Set(['true', 'false', 'null', 'for', 'in', 'if', 'else', 'endif', 'endfor']);

/** The type id of ERROR nodes: named, and in no table of the language. */
const ERROR_TYPE_ID = 0xffff;

/** The language's node types by id, read once per runtime: in the tree, a node only tells its type id. */
interface NodeTypes {
  readonly names: readonly string[];
  readonly named: readonly boolean[];
  /** The field ids of an object element's key and value. */
  readonly keyField: number;
  readonly valueField: number;
}

function nodeTypesOf(language: Language): NodeTypes {
  const count = language.types.length;
  return {
    names: Array.from({ length: count }, (_, id) => language.types[id] || 'ERROR'),
    named: Array.from({ length: count }, (_, id) => language.nodeTypeIsNamed(id)),
    keyField: language.fieldIdForName('key') ?? -1,
    valueField: language.fieldIdForName('val') ?? -1,
  };
}

/** A block's header read from plain text. */
interface PlainHeader {
  readonly kindNode: ScalarNode;
  readonly labels: ScalarNode[];
  readonly hasString: boolean;
}

/** Which blocks `block` reads, once it knows whether the block is stray. */
type BlockSelection = 'any' | 'stray' | 'nested';

/** The blocks of the tree, and where the nesting first went past MAX_NESTING_DEPTH, if it did. */
function readBlocks(text: string, tree: Tree, types: NodeTypes, hasError: boolean): { blocks: HclBlock[]; tooDeepAt?: number } {
  if (!hasError) {
    const reader = new HclReader(text, tree, types, 'walk');
    const blocks = reader.walk();
    if (!reader.blockCutOff) return { blocks, tooDeepAt: reader.tooDeepAt };
  }
  const reader = new HclReader(text, tree, types, 'search');
  return { blocks: reader.search(tree.rootNode), tooDeepAt: reader.tooDeepAt };
}

/**
 * Reads the tree into syntax trees, with a tree-sitter cursor. Linear in the tree: every block is looked at once, and
 * nesting past MAX_NESTING_DEPTH (blocks or expressions) is cut off where it starts, so the recursion stays shallow.
 *
 * Each question to tree-sitter (a move of the cursor; the type, start or end of its node) is a call into WebAssembly
 * costing about what the parse spent on a node, and tree-sitter's Node objects cost several. So the reader moves one
 * cursor, asks each node only what the result needs, and slices texts from the document (the indices are UTF-16
 * offsets, as the parser was given a JS string); each reading method starts and ends with the cursor on its node.
 *
 * Top-level blocks are the body's blocks, plus the stray ones (see TOP_LEVEL_ONLY) wherever the parser put them, in
 * document order. In a tree without errors ('walk'), blocks are only in bodies, which the reader reads all, and plain
 * texts (see PLAIN_SCALAR) are read from the document rather than the tree. Errors, or blocks nested past the cut-off,
 * can hide blocks from the walk: the reader then searches the tree for them, and reads everything from it ('search').
 */
class HclReader {
  /** Where the nesting first went past MAX_NESTING_DEPTH, if it did. */
  tooDeepAt: number | undefined;
  /** Whether a nested block was left unread for its depth: stray blocks could hide in it. */
  blockCutOff = false;
  private cursor: TreeCursor;
  /** In 'walk', the stray blocks met while reading a block: they are read after it. */
  private strays: TsNode[] = [];

  constructor(
    private readonly text: string,
    private readonly tree: Tree,
    private readonly types: NodeTypes,
    private readonly mode: 'walk' | 'search',
  ) {
    this.cursor = tree.walk();
  }

  /** The top-level blocks: the body's, each followed by the stray blocks within it, depth first. */
  walk(): HclBlock[] {
    const blocks: HclBlock[] = [];
    const c = this.cursor;
    let strayCursor: TreeCursor | undefined;
    try {
      if (!this.gotoFirstNamedChild('body') || !c.gotoFirstChild()) return blocks;
      do {
        if (this.namedType() !== 'block') continue;
        this.strays = [];
        blocks.push(this.block(1, 'any')!);
        const pending = this.strays.reverse(); // a stack: the next stray block on top
        while (pending.length > 0) {
          this.cursor = strayCursor ??= this.tree.walk();
          this.cursor.reset(pending.pop()!);
          this.strays = [];
          blocks.push(this.block(1, 'any')!);
          for (let i = this.strays.length - 1; i >= 0; i--) pending.push(this.strays[i]!);
        }
        this.cursor = c;
      } while (c.gotoNextSibling());
      return blocks;
    } finally {
      c.delete();
      strayCursor?.delete();
    }
  }

  /** The top-level blocks: of the body's blocks and those within them, the body's own and the stray ones. */
  search(root: TsNode): HclBlock[] {
    const blocks: HclBlock[] = [];
    try {
      const body = root.namedChildren.find((child) => child?.type === 'body');
      if (!body) return blocks;
      const topLevel = new Set<number>();
      for (const child of body.namedChildren) if (child?.type === 'block') topLevel.add(child.id);
      for (const node of body.descendantsOfType('block')) {
        if (!node) continue;
        this.cursor.reset(node);
        const block = this.block(1, topLevel.has(node.id) ? 'any' : 'stray');
        if (block) blocks.push(block);
      }
      return blocks;
    } finally {
      this.cursor.delete();
    }
  }

  /** The type of the cursor's node when it is named (as the nodes Node.namedChildren lists), else undefined. */
  private namedType(): string | undefined {
    const id = this.cursor.nodeTypeId;
    return id === ERROR_TYPE_ID ? 'ERROR' : this.types.named[id] ? this.types.names[id] : undefined;
  }

  /** Moves to the node's first named child (of `type`, when given) and tells its type; undefined if there is none. */
  private gotoFirstNamedChild(type?: string): string | undefined {
    const c = this.cursor;
    if (!c.gotoFirstChild()) return undefined;
    do {
      const childType = this.namedType();
      if (childType !== undefined && (type === undefined || childType === type)) return childType;
    } while (c.gotoNextSibling());
    c.gotoParent();
    return undefined;
  }

  private tooDeep(start: number): void {
    this.tooDeepAt = Math.min(this.tooDeepAt ?? start, start);
  }

  private cutOff(): SyntaxNode {
    this.tooDeep(this.cursor.startIndex);
    return this.tagged('!Expr');
  }

  /**
   * The block at the cursor, its body map at `depth`, when `selection` takes it: 'any' block, a 'stray' one only, or
   * one 'nested' in a body, unless it is stray or nested too deeply (then it is noted).
   */
  private block(depth: number, selection: BlockSelection): HclBlock | undefined {
    const start = this.cursor.startIndex;
    const header = this.mode === 'walk' ? this.plainHeader(start) : undefined;
    return header ? this.plainBlock(header, start, depth, selection) : this.treeBlock(start, depth, selection);
  }

  /**
   * A block whose header is plain text: the kind and labels read from the text, and the body found past the `{`.
   * The tree has no errors, so its children are the grammar's: the kind, the labels, `{`, the body if any, `}`, with
   * comments only after the `{` (the header has none).
   */
  private plainBlock(header: PlainHeader, start: number, depth: number, selection: BlockSelection): HclBlock | undefined {
    const c = this.cursor;
    const stray = TOP_LEVEL_ONLY.has(String(header.kindNode.value)) && header.hasString;
    if (!this.wanted(selection, stray, depth)) return this.unwanted(selection, stray, start);
    let body: MapNode | undefined;
    c.gotoFirstChild();
    for (let i = 0; i <= header.labels.length; i++) c.gotoNextSibling(); // past the kind and the labels, to `{`
    while (c.gotoNextSibling()) {
      if (this.namedType() === 'body') {
        body = this.body(depth);
        break;
      }
    }
    c.gotoParent();
    return this.blockOf(header.kindNode, header.labels, body, start);
  }

  /**
   * A block read from the tree: one pass over its children reads the kind, the labels and the body, the body as soon
   * as its kind and labels tell whether the block is wanted.
   */
  private treeBlock(start: number, depth: number, selection: BlockSelection): HclBlock | undefined {
    const c = this.cursor;
    let kindNode: ScalarNode | undefined;
    const labels: ScalarNode[] = [];
    let labelPlaces = 0; // the identifiers and strings: the first is the kind's place, the others are labels
    let hasString = false;
    let body: MapNode | undefined;
    let bodyIndex = -1;
    let index = 0;
    if (c.gotoFirstChild()) {
      do {
        const type = this.namedType();
        if (type === 'identifier' || type === 'string_lit') {
          const node = type === 'identifier' ? this.scalar() : this.stringLiteral();
          if (type === 'identifier') kindNode ??= node;
          else hasString = true;
          if (labelPlaces++ > 0) labels.push(node === kindNode ? { ...node } : node);
        } else if (type === 'body' && bodyIndex < 0) {
          bodyIndex = index;
          // Read now if the children before tell whether the block is stray, as the kind and the labels do in a tree
          // that keeps to the grammar; else once all its children are known.
          const kind = kindNode && String(kindNode.value);
          if (kind !== undefined && (!TOP_LEVEL_ONLY.has(kind) || hasString)) {
            if (!this.wanted(selection, TOP_LEVEL_ONLY.has(kind), depth)) break;
            body = this.body(depth);
          }
        }
        index++;
      } while (c.gotoNextSibling());
      c.gotoParent();
    }
    const stray = kindNode !== undefined && TOP_LEVEL_ONLY.has(String(kindNode.value)) && hasString;
    if (!this.wanted(selection, stray, depth)) return this.unwanted(selection, stray, start);
    if (body === undefined && bodyIndex >= 0) body = this.bodyAt(bodyIndex, depth);
    return this.blockOf(kindNode ?? { kind: 'scalar', value: '', start, end: start }, labels, body, start);
  }

  private blockOf(kindNode: ScalarNode, labels: ScalarNode[], body: MapNode | undefined, start: number): HclBlock {
    const end = this.cursor.endIndex;
    body ??= { kind: 'map', entries: [], start: end, end };
    return { kind: String(kindNode.value), kindNode, labels, body, start, end };
  }

  /**
   * A block `block` does not read. One nested in a body is noted: a stray one, to read after the block it is in (in
   * 'walk'; 'search' meets it again), or else one nested too deeply.
   */
  private unwanted(selection: BlockSelection, stray: boolean, start: number): undefined {
    if (selection !== 'nested') return undefined;
    if (!stray) {
      this.tooDeep(start);
      this.blockCutOff = true;
    } else if (this.mode === 'walk') {
      this.strays.push(this.cursor.currentNode);
    }
    return undefined;
  }

  private wanted(selection: BlockSelection, stray: boolean, depth: number): boolean {
    if (selection === 'any') return true;
    if (selection === 'stray') return stray;
    return !stray && depth <= MAX_NESTING_DEPTH;
  }

  /** The body that is the block's child at `index`. */
  private bodyAt(index: number, depth: number): MapNode {
    const c = this.cursor;
    c.gotoFirstChild();
    for (let i = 0; i < index; i++) c.gotoNextSibling();
    const body = this.body(depth);
    c.gotoParent();
    return body;
  }

  /** A block body: attributes as entries; repeated nested blocks gathered into one list per block type. */
  private body(depth: number): MapNode {
    const c = this.cursor;
    const start = c.startIndex;
    const end = c.endIndex;
    const entries: MapEntry[] = [];
    const blockLists = new Map<string, SyntaxNode[]>();
    if (c.gotoFirstChild()) {
      do {
        const type = this.namedType();
        if (type === 'attribute') {
          const entry = this.attribute(depth);
          if (entry) entries.push(entry);
        } else if (type === 'block') {
          // A nested block is a list (depth + 1) of bodies (depth + 2).
          const block = this.block(depth + 2, 'nested');
          if (!block) continue;
          let list = blockLists.get(block.kind);
          if (!list) {
            list = [];
            blockLists.set(block.kind, list);
            entries.push({ key: block.kindNode, value: { kind: 'seq', items: list, start: block.start, end: block.end } });
          }
          list.push({ ...block.body, start: block.start, end: block.end });
        }
      } while (c.gotoNextSibling());
      c.gotoParent();
    }
    return { kind: 'map', entries, start, end };
  }

  /** `name = expression`, the grammar's order: the value is read once the name is known. */
  private attribute(depth: number): MapEntry | undefined {
    const c = this.cursor;
    const plain = this.mode === 'walk' ? this.plainKeyEntry(ATTRIBUTE_HEAD, depth) : undefined;
    if (plain) return plain;
    let key: ScalarNode | undefined;
    let value: SyntaxNode | null = null;
    if (!c.gotoFirstChild()) return undefined;
    do {
      const type = this.namedType();
      if (type === 'identifier' && !key) key = this.scalar();
      else if (type === 'expression' && key) {
        value = this.expression(depth + 1);
        break;
      }
    } while (c.gotoNextSibling());
    c.gotoParent();
    return key && { key, value };
  }

  /**
   * An expression's value, at `depth` in the syntax tree (the collections that hold it, plus one). A collection past
   * MAX_NESTING_DEPTH is an expression not evaluated; so is anything past it inside parentheses, which nest too.
   *
   * An expression of one part is that part's value; the first part is read as it is met, and its value (with any
   * cut-off it noted) dropped if other parts follow.
   */
  private expression(depth: number): SyntaxNode {
    if (depth > MAX_NESTING_DEPTH + 1) return this.cutOff();
    const c = this.cursor;
    const span = this.span();
    const plain = this.mode === 'walk' ? this.plainValue(span.start, span.end, depth) : undefined;
    if (plain) return plain;
    const first = this.gotoFirstNamedChild();
    if (first === undefined) return this.tagged('!Expr', span);
    const tooDeepAt = this.tooDeepAt;
    let value: SyntaxNode | undefined;
    if (first === 'literal_value') value = this.literal();
    else if (first === 'collection_value') value = this.collection(depth);
    else if (first === 'template_expr') value = this.template();
    else if (first === 'expression') value = this.expression(depth + 1);
    else if (first === 'function_call') value = this.jsonencodeArgument(depth + 1);
    const root = first === 'variable_expr' ? this.textOf() : undefined;
    if (value === undefined && root === undefined) {
      c.gotoParent();
      return this.tagged('!Expr', span);
    }
    let onePart = true;
    let variable: string | undefined;
    while (c.gotoNextSibling()) {
      const type = this.namedType();
      if (type === undefined) continue;
      onePart = false;
      if (root !== 'var') break;
      if (type === 'get_attr') {
        variable = this.textOf().replace(/^\./, '');
        break;
      }
    }
    c.gotoParent();
    if (value && onePart) return value;
    this.tooDeepAt = tooDeepAt;
    if (root === undefined) return this.tagged('!Expr', span);
    return reference(root, onePart, variable, this.tagged('!GetAtt', span));
  }

  private collection(depth: number): SyntaxNode {
    if (depth > MAX_NESTING_DEPTH) return this.cutOff();
    const c = this.cursor;
    const inner = this.gotoFirstNamedChild();
    if (inner === undefined) return this.tagged('!Expr');
    if (inner !== 'tuple' && inner !== 'object') {
      c.gotoParent();
      return this.tagged('!Expr');
    }
    const items: SyntaxNode[] = [];
    const entries: MapEntry[] = [];
    if (c.gotoFirstChild()) {
      do {
        const type = this.namedType();
        if (inner === 'tuple' && type === 'expression') items.push(this.expression(depth + 1));
        if (inner === 'object' && type === 'object_elem') {
          const entry = this.objectElement(depth);
          if (entry) entries.push(entry);
        }
      } while (c.gotoNextSibling());
      c.gotoParent();
    }
    c.gotoParent();
    const start = c.startIndex;
    const end = c.endIndex;
    return inner === 'tuple' ? { kind: 'seq', items, start, end } : { kind: 'map', entries, start, end };
  }

  /** `key = value` in an object, the grammar's order: a key that is a plain value names the entry, any other its text. */
  private objectElement(depth: number): MapEntry | undefined {
    const c = this.cursor;
    const plain = this.mode === 'walk' ? this.plainKeyEntry(ELEMENT_HEAD, depth) : undefined;
    if (plain) return plain;
    let key: ScalarNode | undefined;
    let value: SyntaxNode | null = null;
    if (c.gotoFirstChild()) {
      do {
        const field = c.currentFieldId;
        if (field === this.types.keyField && !key) {
          const keyNode = this.expression(depth + 1);
          const start = c.startIndex;
          const end = c.endIndex;
          const name = keyNode.kind === 'scalar' && !keyNode.tag ? String(keyNode.value) : this.text.slice(start, end);
          key = { kind: 'scalar', value: name, start, end };
        } else if (field === this.types.valueField && key) {
          value = this.expression(depth + 1);
          break;
        }
      } while (c.gotoNextSibling());
      c.gotoParent();
    }
    return key && { key, value };
  }

  /**
   * `jsonencode({ Statement = [...] })` writes a structure as JSON: read the structure itself, so policies and
   * container definitions are checked like CloudFormation's. Undefined for any other function.
   */
  private jsonencodeArgument(depth: number): SyntaxNode | undefined {
    const c = this.cursor;
    if (this.gotoFirstNamedChild('identifier') === undefined) return undefined;
    const isJsonencode = this.textOf() === 'jsonencode';
    c.gotoParent();
    if (!isJsonencode || this.gotoFirstNamedChild('function_arguments') === undefined) return undefined;
    const tooDeepAt = this.tooDeepAt;
    let value: SyntaxNode | undefined;
    let count = 0;
    if (c.gotoFirstChild()) {
      do {
        if (this.namedType() !== 'expression') continue;
        if (++count > 1) break;
        value = this.expression(depth);
      } while (c.gotoNextSibling());
      c.gotoParent();
    }
    c.gotoParent();
    if (count === 1) return value;
    this.tooDeepAt = tooDeepAt;
    return undefined;
  }

  private literal(): SyntaxNode {
    const c = this.cursor;
    const type = this.gotoFirstNamedChild();
    if (type === undefined) return this.tagged('!Expr');
    if (type === 'string_lit') {
      const value = this.stringLiteral();
      c.gotoParent();
      return value;
    }
    const text = type === 'numeric_lit' || type === 'bool_lit' ? this.textOf() : '';
    c.gotoParent();
    const start = c.startIndex;
    const end = c.endIndex;
    switch (type) {
      case 'numeric_lit':
        return { kind: 'scalar', value: Number(text), start, end };
      case 'bool_lit':
        return { kind: 'scalar', value: text === 'true', start, end };
      case 'null_lit':
        return { kind: 'scalar', value: null, start, end };
      default:
        return this.tagged('!Expr');
    }
  }

  /**
   * A template without interpolations or directives (anywhere in it) is a string: a quoted one's value is read as a
   * string literal's, a heredoc's is its literal parts. One walk over the template tells both.
   */
  private template(): SyntaxNode {
    const c = this.cursor;
    let inner: string | undefined;
    let innerSpan: Span | undefined;
    let inInner = false;
    const literals: string[] = [];
    let interpolated = false;
    let depth = 0;
    if (c.gotoFirstChild()) {
      depth = 1;
      for (;;) {
        const id = c.nodeTypeId;
        const type = id === ERROR_TYPE_ID ? 'ERROR' : this.types.names[id];
        if (type === 'template_interpolation' || type === 'template_directive') {
          interpolated = true;
          break;
        }
        if (depth === 1) {
          inInner = inner === undefined && (id === ERROR_TYPE_ID || this.types.named[id] === true);
          if (inInner) {
            inner = type;
            if (type !== 'quoted_template' && type !== 'heredoc_template') break;
            innerSpan = { start: c.startIndex, end: c.endIndex };
          }
        } else if (inInner && inner === 'heredoc_template' && type === 'template_literal') {
          literals.push(this.textOf());
        }
        if (c.gotoFirstChild()) {
          depth++;
          continue;
        }
        while (depth > 0 && !c.gotoNextSibling()) {
          c.gotoParent();
          depth--;
        }
        if (depth === 0) break;
      }
      for (; depth > 0; depth--) c.gotoParent();
    }
    if (!interpolated && innerSpan && inner === 'quoted_template') return this.stringLiteral(innerSpan);
    if (interpolated || inner !== 'heredoc_template') return this.tagged('!Expr');
    return { kind: 'scalar', value: literals.join(''), start: c.startIndex, end: c.endIndex };
  }

  /**
   * The entry (an attribute, an object element) at the cursor if its key is plain (see `head`): the key read from the
   * text, and the value too if plain, else from the entry's last child, which in a tree without errors is its value.
   */
  private plainKeyEntry(head: RegExp, depth: number): MapEntry | undefined {
    const c = this.cursor;
    const start = c.startIndex;
    head.lastIndex = start;
    const match = head.exec(this.text);
    const key = match ? this.plainKey(match, start) : undefined;
    if (!key) return undefined;
    let value = this.plainValue(head.lastIndex, c.endIndex, depth + 1);
    if (!value) {
      c.gotoLastChild();
      value = this.expression(depth + 1);
      c.gotoParent();
    }
    return { key, value };
  }

  /** The value of the text from `start` to `end`, at `depth` in the syntax tree, if it is plain (see PLAIN_SCALAR). */
  private plainValue(start: number, end: number, depth: number): SyntaxNode | undefined {
    const plain = this.plainValueAt(start, depth);
    return plain?.end === end ? plain.value : undefined;
  }

  /**
   * The plain value starting at `start`, at `depth` in the syntax tree, and where it ends; undefined if there is none,
   * or if the reading from the tree would cut it off for its depth.
   */
  private plainValueAt(start: number, depth: number): { value: SyntaxNode; end: number } | undefined {
    const text = this.text;
    if (text[start] === '[' || text[start] === '{') {
      return depth > MAX_NESTING_DEPTH ? undefined : this.plainCollection(start, depth);
    }
    PLAIN_SCALAR.lastIndex = start;
    if (!PLAIN_SCALAR.test(text)) return undefined;
    const end = PLAIN_SCALAR.lastIndex;
    const value = this.plainScalar(start, end);
    return value && { value, end };
  }

  private plainScalar(start: number, end: number): SyntaxNode | undefined {
    const text = this.text;
    const first = text[start]!;
    if (first === '"') return { kind: 'scalar', value: text.slice(start + 1, end - 1), start: start + 1, end: end - 1 };
    const plain = text.slice(start, end);
    if (first >= '0' && first <= '9') return { kind: 'scalar', value: Number(plain), start, end };
    if (plain === 'true' || plain === 'false') return { kind: 'scalar', value: plain === 'true', start, end };
    if (plain === 'null') return { kind: 'scalar', value: null, start, end };
    const names = plain.split('.');
    if (names.some((name) => KEYWORDS.has(name))) return undefined;
    return reference(names[0]!, names.length === 1, names[1], { kind: 'scalar', value: plain, tag: '!GetAtt', start, end });
  }

  /**
   * The plain tuple or object at `start` (at `depth`), in the grammar's form: `[` values separated by `,` `]`, `{` keys
   * and values separated by `,` or nothing `}`, each with an optional `,` last.
   */
  private plainCollection(start: number, depth: number): { value: SyntaxNode; end: number } | undefined {
    const text = this.text;
    const isTuple = text[start] === '[';
    const close = isTuple ? ']' : '}';
    const items: SyntaxNode[] = [];
    const entries: MapEntry[] = [];
    let at = skipSpace(text, start + 1);
    while (text[at] !== close) {
      let valueStart = at;
      let key: ScalarNode | undefined;
      if (!isTuple) {
        ELEMENT_HEAD.lastIndex = at;
        const head = ELEMENT_HEAD.exec(text);
        if (!head) return undefined;
        key = this.plainKey(head, at);
        if (!key) return undefined;
        valueStart = ELEMENT_HEAD.lastIndex;
      }
      const plain = this.plainValueAt(valueStart, depth + 1);
      if (!plain) return undefined;
      if (key) entries.push({ key, value: plain.value });
      else items.push(plain.value);
      at = skipSpace(text, plain.end);
      if (text[at] === ',') at = skipSpace(text, at + 1);
      else if (isTuple && text[at] !== close) return undefined;
    }
    const end = at + 1;
    return { value: isTuple ? { kind: 'seq', items, start, end } : { kind: 'map', entries, start, end }, end };
  }

  /** The key of an object element or attribute whose head (ATTRIBUTE_HEAD, ELEMENT_HEAD) matched at `start`. */
  private plainKey([, name, quoted]: RegExpExecArray, start: number): ScalarNode | undefined {
    if (name === undefined) return { kind: 'scalar', value: quoted ?? '', start, end: start + (quoted ?? '').length + 2 };
    return KEYWORDS.has(name) ? undefined : { kind: 'scalar', value: name, start, end: start + name.length };
  }

  /** The header of the block starting at `start` if it is plain text (see BLOCK_HEADER), read from the text. */
  private plainHeader(start: number): PlainHeader | undefined {
    const text = this.text;
    BLOCK_HEADER.lastIndex = start;
    if (!BLOCK_HEADER.test(text)) return undefined;
    HEADER_LABEL.lastIndex = start;
    const kind = HEADER_LABEL.exec(text)?.[2] ?? '';
    const labels: ScalarNode[] = [];
    let hasString = false;
    for (let match = HEADER_LABEL.exec(text); match; match = HEADER_LABEL.exec(text)) {
      const [, quoted, name = ''] = match;
      const end = HEADER_LABEL.lastIndex;
      if (quoted !== undefined) hasString = true;
      labels.push(quoted !== undefined
        ? { kind: 'scalar', value: quoted, start: end - quoted.length - 1, end: end - 1 }
        : { kind: 'scalar', value: name, start: end - name.length, end });
    }
    return { kindNode: { kind: 'scalar', value: kind, start, end: start + kind.length }, labels, hasString };
  }

  /** A quoted string's value (the cursor's node, or the one at `span`), with its span inside the quotes. */
  private stringLiteral(span: Span = this.span()): ScalarNode {
    const start = span.start + 1;
    const end = Math.max(start, span.end - (this.text[span.end - 1] === '"' ? 1 : 0));
    return { kind: 'scalar', value: unescape(this.text.slice(start, end)), start, end };
  }

  private textOf(): string {
    return this.text.slice(this.cursor.startIndex, this.cursor.endIndex);
  }

  private scalar(): ScalarNode {
    const start = this.cursor.startIndex;
    const end = this.cursor.endIndex;
    return { kind: 'scalar', value: this.text.slice(start, end), start, end };
  }

  private span(): Span {
    return { start: this.cursor.startIndex, end: this.cursor.endIndex };
  }

  /** An expression not evaluated, the cursor's node or the one at `span`: its text, tagged. */
  private tagged(tag: string, { start, end }: Span = this.span()): ScalarNode {
    return { kind: 'scalar', value: this.text.slice(start, end), tag, start, end };
  }
}

/**
 * `var.x` reads as a parameter; `aws_kms_key.k.arn`, `data.…`, `module.…` as references to other resources. `root` is
 * the first name, `variable` the first attribute after it, `expression` the whole as a reference.
 */
function reference(root: string, onePart: boolean, variable: string | undefined, expression: ScalarNode): ScalarNode {
  if (root === 'var' && variable) return { ...expression, value: `var.${variable}`, tag: '!Ref' };
  // A bare word (`True`, `enabled`) is no value Terraform accepts: never guess what it meant.
  if (onePart || RUNTIME_ROOTS.has(root)) return { ...expression, tag: '!Expr' };
  return expression;
}

function skipSpace(text: string, from: number): number {
  SPACE.lastIndex = from;
  SPACE.test(text);
  return SPACE.lastIndex;
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
