"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.HclParser = void 0;
const tree_1 = require("./tree");
const MAX_REPORTED_ERRORS = 20;
// The WebAssembly memory of one runtime, in 64 KiB pages: web-tree-sitter's own initial size, and a ceiling far
// below the 2 GiB it would otherwise grow to (about 170 bytes per byte of input: 1 GiB is a 6 MB file).
const INITIAL_MEMORY_PAGES = 512;
const MAX_MEMORY_PAGES = 16384;
/** A runtime whose memory grew past this is replaced after the parse: WebAssembly memory never shrinks. */
const RECYCLE_MEMORY_BYTES = 256 * 1024 * 1024;
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
class HclParser {
    host;
    runtime;
    /** The runtime being started to replace the current one (after a failure, or once it grew large). */
    replacement;
    constructor(host) {
        this.host = host;
    }
    static async create(host) {
        const parser = new HclParser(host);
        await parser.ready();
        return parser;
    }
    /** Resolves once a working runtime is in place: after a failure, when its replacement is. */
    ready() {
        return this.runtime ? Promise.resolve() : this.replace();
    }
    parse(text, options = {}) {
        const runtime = this.runtime;
        if (!runtime)
            return failed('The Terraform parser is restarting after a failure: this file was not analysed');
        const { deadline, isCancelled } = options;
        const stop = deadline === undefined && !isCancelled ? undefined : () => (deadline !== undefined && Date.now() > deadline) || isCancelled?.() === true;
        let tree;
        try {
            tree = runtime.parser.parse(text, null, stop ? { progressCallback: stop } : undefined);
        }
        catch (error) {
            // The WebAssembly runtime aborted (out of memory, most likely): that copy never works again.
            this.runtime = undefined;
            this.replace().catch(() => undefined); // a failure to start shows at the next ready()
            const reason = error instanceof Error ? error.message.split('.')[0] : String(error);
            return failed(`The Terraform parser failed on this file (${reason}, usually out of memory): it was not analysed; the parser was restarted`);
        }
        if (runtime.memory.buffer.byteLength > RECYCLE_MEMORY_BYTES)
            this.replace().catch(() => undefined);
        if (!tree) {
            runtime.parser.reset(); // a stopped parse would otherwise resume on the next call
            return failed(isCancelled?.() ? 'Parsing was cancelled' : 'Parsing took longer than the time allowed: this file was not analysed');
        }
        try {
            const problems = [];
            if (tree.rootNode.hasError)
                collectErrors(tree.rootNode, problems);
            const reader = new HclReader(text);
            const blocks = reader.topLevelBlocks(tree.rootNode);
            if (reader.tooDeepAt !== undefined)
                problems.push((0, tree_1.nestedTooDeeply)(text, reader.tooDeepAt));
            return { blocks, problems };
        }
        finally {
            tree.delete(); // the tree lives in wasm memory, not the JS heap
        }
    }
    /** Starts a new runtime, which takes over once it is ready; the current one, if it still works, parses until then. */
    replace() {
        this.replacement ??= startRuntime(this.host).then((runtime) => {
            this.runtime = runtime;
            this.replacement = undefined;
        }, (error) => {
            this.replacement = undefined;
            throw error;
        });
        return this.replacement;
    }
}
exports.HclParser = HclParser;
async function startRuntime(host) {
    const { Parser, Language } = await host.loadModule();
    const memory = new WebAssembly.Memory({ initial: INITIAL_MEMORY_PAGES, maximum: MAX_MEMORY_PAGES });
    // printErr: the runtime prints "Aborted()" itself before throwing; the caller reports the failure instead.
    await Parser.init({ wasmBinary: host.runtimeWasm, wasmMemory: memory, printErr: () => undefined });
    const language = await Language.load(host.languageWasm);
    const parser = new Parser();
    parser.setLanguage(language);
    return { parser, memory };
}
function failed(message) {
    return { blocks: [], problems: [{ message, span: { start: 0, end: 0 } }] };
}
/** The syntax errors of the tree, at most MAX_REPORTED_ERRORS, in document order; iterative, for deep trees. */
function collectErrors(root, problems) {
    const stack = [root];
    while (stack.length > 0 && problems.length < MAX_REPORTED_ERRORS) {
        const node = stack.pop();
        if (node.isMissing) {
            problems.push({ message: `Missing ${node.type}`, span: { start: node.startIndex, end: node.endIndex } });
        }
        else if (node.type === 'ERROR') {
            problems.push({ message: 'Syntax error', span: { start: node.startIndex, end: node.endIndex } });
        }
        else {
            const children = node.children.filter((child) => child !== null && (child.hasError || child.isMissing));
            for (let i = children.length - 1; i >= 0; i--)
                stack.push(children[i]);
        }
    }
}
/**
 * Labelled `resource`, `data` and `module` blocks only exist at the top level. When a broken block mid-edit makes
 * the parser recover by nesting the blocks after it, they are read back out as top-level blocks.
 */
const TOP_LEVEL_ONLY = new Set(['resource', 'data', 'module']);
function isStrayTopLevelBlock(node) {
    const kind = node.namedChildren.find((child) => child?.type === 'identifier')?.text ?? '';
    return TOP_LEVEL_ONLY.has(kind) && node.namedChildren.some((child) => child?.type === 'string_lit');
}
/**
 * Reads tree-sitter nodes into syntax trees. Linear in the tree: every block is looked at once, and nesting past
 * MAX_NESTING_DEPTH (blocks or expressions) is cut off where it starts, so the recursion stays shallow.
 */
class HclReader {
    text;
    /** Where the nesting first went past MAX_NESTING_DEPTH, if it did. */
    tooDeepAt;
    constructor(text) {
        this.text = text;
    }
    /** The file's top-level blocks, and the stray ones (see isStrayTopLevelBlock), in document order. */
    topLevelBlocks(root) {
        const body = root.namedChildren.find((child) => child?.type === 'body');
        if (!body)
            return [];
        const topLevel = new Set();
        for (const child of body.namedChildren)
            if (child?.type === 'block')
                topLevel.add(child.id);
        const blocks = [];
        for (const node of body.descendantsOfType('block')) {
            if (node && (topLevel.has(node.id) || isStrayTopLevelBlock(node)))
                blocks.push(this.block(node, 1));
        }
        return blocks;
    }
    tooDeep(node) {
        this.tooDeepAt = Math.min(this.tooDeepAt ?? node.startIndex, node.startIndex);
    }
    cutOff(node) {
        this.tooDeep(node);
        return tagged('!Expr', node.text, node);
    }
    /** A block whose body map sits at `depth` in the syntax tree. */
    block(node, depth) {
        const children = node.namedChildren.filter((child) => child !== null);
        const identifier = children.find((child) => child.type === 'identifier');
        const kindNode = identifier
            ? scalar(identifier.text, identifier)
            : { kind: 'scalar', value: '', start: node.startIndex, end: node.startIndex };
        const labels = children
            .filter((child) => child.type === 'string_lit' || child.type === 'identifier')
            .slice(1)
            .map((label) => (label.type === 'string_lit' ? stringLiteral(this.text, label) : scalar(label.text, label)));
        const bodyNode = children.find((child) => child.type === 'body');
        const body = bodyNode ? this.body(bodyNode, depth) : { kind: 'map', entries: [], start: node.endIndex, end: node.endIndex };
        return { kind: String(kindNode.value), kindNode, labels, body, start: node.startIndex, end: node.endIndex };
    }
    /** A block body: attributes as entries; repeated nested blocks gathered into one list per block type. */
    body(node, depth) {
        const entries = [];
        const blockLists = new Map();
        for (const child of node.namedChildren) {
            if (!child)
                continue;
            if (child.type === 'attribute') {
                const name = child.namedChildren.find((c) => c?.type === 'identifier');
                const expression = child.namedChildren.find((c) => c?.type === 'expression');
                if (name)
                    entries.push({ key: scalar(name.text, name), value: expression ? this.expression(expression, depth + 1) : null });
            }
            else if (child.type === 'block' && !isStrayTopLevelBlock(child)) {
                // A nested block is a list (depth + 1) of bodies (depth + 2).
                if (depth + 2 > tree_1.MAX_NESTING_DEPTH) {
                    this.tooDeep(child);
                    continue;
                }
                const block = this.block(child, depth + 2);
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
    /**
     * An expression's value, at `depth` in the syntax tree (the collections that hold it, plus one). A collection past
     * MAX_NESTING_DEPTH is an expression not evaluated; so is anything past it inside parentheses, which nest too.
     */
    expression(node, depth) {
        if (depth > tree_1.MAX_NESTING_DEPTH + 1)
            return this.cutOff(node);
        const parts = node.namedChildren.filter((child) => child !== null);
        const first = parts[0];
        if (parts.length === 1 && first) {
            if (first.type === 'literal_value')
                return literal(this.text, first);
            if (first.type === 'collection_value')
                return this.collection(first, depth);
            if (first.type === 'template_expr')
                return template(this.text, first);
            if (first.type === 'expression')
                return this.expression(first, depth + 1);
            if (first.type === 'function_call') {
                const encoded = jsonencodeArgument(first);
                if (encoded)
                    return this.expression(encoded, depth + 1);
            }
        }
        if (first?.type === 'variable_expr')
            return reference(node, first.text, parts);
        return tagged('!Expr', node.text, node);
    }
    collection(node, depth) {
        if (depth > tree_1.MAX_NESTING_DEPTH)
            return this.cutOff(node);
        const inner = node.namedChildren[0];
        if (inner?.type === 'tuple') {
            const items = inner.namedChildren
                .filter((child) => child?.type === 'expression')
                .map((child) => this.expression(child, depth + 1));
            return { kind: 'seq', items, start: node.startIndex, end: node.endIndex };
        }
        if (inner?.type === 'object') {
            const entries = [];
            for (const element of inner.namedChildren) {
                if (element?.type !== 'object_elem')
                    continue;
                const key = element.childForFieldName('key');
                const value = element.childForFieldName('val');
                if (!key)
                    continue;
                const keyNode = this.expression(key, depth + 1);
                const name = keyNode.kind === 'scalar' && !keyNode.tag ? String(keyNode.value) : key.text;
                entries.push({ key: scalar(name, key), value: value ? this.expression(value, depth + 1) : null });
            }
            return { kind: 'map', entries, start: node.startIndex, end: node.endIndex };
        }
        return tagged('!Expr', node.text, node);
    }
}
/**
 * `jsonencode({ Statement = [...] })` writes a structure as JSON: read the structure itself, so policies and
 * container definitions are checked like CloudFormation's.
 */
function jsonencodeArgument(call) {
    const name = call.namedChildren.find((child) => child?.type === 'identifier')?.text;
    if (name !== 'jsonencode')
        return undefined;
    const args = call.namedChildren.find((child) => child?.type === 'function_arguments');
    const expressions = args?.namedChildren.filter((child) => child?.type === 'expression') ?? [];
    return expressions.length === 1 ? expressions[0] : undefined;
}
/** `var.x` reads as a parameter; `aws_kms_key.k.arn`, `data.…`, `module.…` as references to other resources. */
function reference(node, root, parts) {
    const attributes = parts.slice(1).filter((part) => part.type === 'get_attr').map((part) => part.text.replace(/^\./, ''));
    if (root === 'var' && attributes[0])
        return tagged('!Ref', `var.${attributes[0]}`, node);
    // A bare word (`True`, `enabled`) is no value Terraform accepts: never guess what it meant.
    if (parts.length === 1)
        return tagged('!Expr', node.text, node);
    if (root === 'local' || ['each', 'count', 'path', 'terraform', 'self'].includes(root))
        return tagged('!Expr', node.text, node);
    return tagged('!GetAtt', node.text, node);
}
function literal(text, node) {
    const child = node.namedChildren[0];
    if (!child)
        return tagged('!Expr', node.text, node);
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
function template(text, node) {
    const inner = node.namedChildren[0];
    const interpolated = node.descendantsOfType(['template_interpolation', 'template_directive']).length > 0;
    if (inner?.type === 'quoted_template' && !interpolated)
        return stringLiteral(text, inner);
    if (inner?.type === 'heredoc_template' && !interpolated) {
        const literals = inner.descendantsOfType('template_literal').map((part) => part?.text ?? '');
        return { kind: 'scalar', value: literals.join(''), start: node.startIndex, end: node.endIndex };
    }
    return tagged('!Expr', node.text, node);
}
/** A quoted string's value, with its span inside the quotes. */
function stringLiteral(text, node) {
    const start = node.startIndex + 1;
    const end = Math.max(start, node.endIndex - (text[node.endIndex - 1] === '"' ? 1 : 0));
    const raw = text.slice(start, end);
    return { kind: 'scalar', value: unescape(raw), start, end };
}
function unescape(raw) {
    if (!raw.includes('\\'))
        return raw;
    return raw.replace(/\\(["\\nrt]|u[0-9a-fA-F]{4})/g, (_match, escape) => {
        switch (escape[0]) {
            case 'n': return '\n';
            case 'r': return '\r';
            case 't': return '\t';
            case 'u': return String.fromCharCode(parseInt(escape.slice(1), 16));
            default: return escape;
        }
    });
}
function scalar(value, node) {
    return { kind: 'scalar', value, start: node.startIndex, end: node.endIndex };
}
function tagged(tag, value, node) {
    return { kind: 'scalar', value, tag, start: node.startIndex, end: node.endIndex };
}
//# sourceMappingURL=hcl.js.map