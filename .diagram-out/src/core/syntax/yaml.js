"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.INTRINSIC_TAGS = void 0;
exports.parseYaml = parseYaml;
const yaml_1 = require("yaml");
const tree_1 = require("./tree");
const yamlNesting_1 = require("./yamlNesting");
/** CloudFormation's short-form intrinsic functions (and `!Condition`), each legal on a scalar, a list or a map. */
exports.INTRINSIC_TAGS = [
    'Ref', 'Condition', 'GetAtt', 'And', 'Base64', 'Cidr', 'Equals', 'FindInMap', 'GetAZs', 'If', 'ImportValue',
    'Join', 'Not', 'Or', 'Select', 'Split', 'Sub', 'Transform', 'Length', 'ToJsonString', 'ForEach',
];
// The resolvers keep the node as it is: we read tags from the tree instead of building JS values.
const customTags = exports.INTRINSIC_TAGS.flatMap((name) => [
    { tag: `!${name}`, resolve: (value) => value },
    { tag: `!${name}`, collection: 'seq', nodeClass: yaml_1.YAMLSeq, resolve: (seq) => seq },
    { tag: `!${name}`, collection: 'map', nodeClass: yaml_1.YAMLMap, resolve: (map) => map },
]);
/**
 * Parses YAML (or JSON, which YAML 1.2 includes) into a syntax tree; never throws. Nesting deeper than
 * MAX_NESTING_DEPTH is cut off with one problem, the rest of the document is kept.
 */
function parseYaml(text) {
    const problems = [];
    const pruned = (0, yamlNesting_1.pruneDeepNesting)(text, tree_1.MAX_NESTING_DEPTH);
    let tooDeepAt = pruned.at;
    let document;
    // Each syntax error is an Error: broken input makes tens of thousands, and their stack traces cost half the parse.
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
        document = (0, yaml_1.parseDocument)(pruned.text, {
            customTags,
            uniqueKeys: false, // reported below, with the key's position, as a problem rather than a parse failure
            prettyErrors: false,
            strict: false,
            keepSourceTokens: false,
        });
    }
    catch (error) {
        return { root: null, problems: [{ message: `YAML parser failed: ${String(error)}`, span: { start: 0, end: 0 } }] };
    }
    finally {
        Error.stackTraceLimit = stackTraceLimit;
    }
    for (const error of [...document.errors, ...document.warnings]) {
        const [start, end] = error.pos;
        // The library's own guard against a stack overflow: the same problem as nesting cut off above.
        if (error.code === 'RESOURCE_EXHAUSTION')
            tooDeepAt = Math.min(tooDeepAt ?? start, start);
        else
            problems.push({ message: firstLine(error.message), span: { start, end: Math.max(start, end) } });
    }
    const converter = new Converter(document, problems);
    const root = document.contents ? converter.convert(document.contents, 1) : null;
    if (converter.tooDeepAt !== undefined)
        tooDeepAt = Math.min(tooDeepAt ?? converter.tooDeepAt, converter.tooDeepAt);
    const listed = (0, tree_1.limitProblems)(problems);
    if (tooDeepAt !== undefined)
        listed.push((0, tree_1.nestedTooDeeply)(text, tooDeepAt));
    return { root, problems: listed };
}
function firstLine(message) {
    return message.split('\n')[0].trim();
}
/**
 * Turns yaml's node classes into our plain tree. Aliases share the converted target, so alias bombs stay linear;
 * the tree's depth, aliases included, stays within MAX_NESTING_DEPTH so that every reader may recurse.
 */
class Converter {
    problems;
    converted = new Map();
    /** Collection levels in each converted collection, itself included, to know how deep an alias to it would reach. */
    heights = new WeakMap();
    inProgress = new Set();
    /** Nodes cut off for their depth: an alias to one is cut off too, rather than converted again. */
    dropped = new Set();
    /** Where the nesting first went past MAX_NESTING_DEPTH, if it did. */
    tooDeepAt;
    anchors;
    constructor(document, problems) {
        this.problems = problems;
        this.anchors = new AnchorIndex(document);
    }
    /** Converts a node found at `depth`: the collections that hold it, plus one (the root is at depth 1). */
    convert(node, depth) {
        if (node === null)
            return null;
        const [start = 0, end = start] = node.range ?? [];
        if ((0, yaml_1.isAlias)(node)) {
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
            if (this.dropped.has(target) || (shared && depth - 1 + this.heightOf(shared) > tree_1.MAX_NESTING_DEPTH))
                return this.tooDeep(start);
            return shared ?? this.convert(target, depth);
        }
        const known = this.converted.get(node);
        if (known)
            return known;
        if (depth > tree_1.MAX_NESTING_DEPTH && !(0, yaml_1.isScalar)(node)) {
            this.dropped.add(node);
            return this.tooDeep(start);
        }
        this.inProgress.add(node);
        const result = this.convertNew(node, depth);
        this.inProgress.delete(node);
        if (result)
            this.converted.set(node, result);
        return result;
    }
    tooDeep(offset) {
        this.tooDeepAt = Math.min(this.tooDeepAt ?? offset, offset);
        return null;
    }
    heightOf(node) {
        return (node && this.heights.get(node)) ?? 0;
    }
    convertNew(node, depth) {
        const [start = 0, valueEnd = start] = node.range ?? [];
        const tag = node.tag?.startsWith('!') && !node.tag.startsWith('!!') ? node.tag : undefined;
        const base = tag ? { start, end: valueEnd, tag } : { start, end: valueEnd };
        if ((0, yaml_1.isScalar)(node))
            return { kind: 'scalar', value: scalarValue(node), ...base };
        let height = 1; // this collection; a scalar adds no level
        let result;
        if ((0, yaml_1.isSeq)(node)) {
            const items = [];
            for (const item of node.items) {
                const converted = this.convert(item, depth + 1);
                if (converted)
                    items.push(converted);
                height = Math.max(height, 1 + this.heightOf(converted));
            }
            result = { kind: 'seq', items, ...base };
        }
        else if ((0, yaml_1.isMap)(node)) {
            const entries = [];
            const seen = new Set();
            for (const pair of node.items) {
                if (!(0, yaml_1.isPair)(pair))
                    continue;
                const key = this.convertKey(pair.key, depth + 1);
                if (!key)
                    continue;
                const name = String(key.value);
                if (seen.has(name))
                    this.problems.push({ message: `Duplicate key '${name}'`, span: key });
                seen.add(name);
                const value = this.convert(pair.value, depth + 1);
                entries.push({ key, value });
                height = Math.max(height, 1 + this.heightOf(value));
            }
            result = { kind: 'map', entries, ...base };
        }
        else {
            return null;
        }
        this.heights.set(result, height);
        return result;
    }
    convertKey(key, depth) {
        if (key === null)
            return null;
        const converted = this.convert(key, depth);
        if (converted?.kind === 'scalar')
            return converted;
        if (converted)
            this.problems.push({ message: 'A mapping key must be a plain value', span: converted });
        return null;
    }
}
/**
 * The anchors of a document by name, in document order, so an alias resolves in a lookup. The library's own
 * `Alias.resolve` walks the whole document for each alias: quadratic, minutes for a file of aliases.
 */
class AnchorIndex {
    byName = new Map();
    constructor(document) {
        const stack = [document.contents];
        while (stack.length > 0) {
            const item = stack.pop();
            if ((0, yaml_1.isPair)(item)) {
                stack.push(item.key, item.value);
                continue;
            }
            if (!(0, yaml_1.isScalar)(item) && !(0, yaml_1.isSeq)(item) && !(0, yaml_1.isMap)(item))
                continue;
            if (item.anchor) {
                let list = this.byName.get(item.anchor);
                if (!list)
                    this.byName.set(item.anchor, (list = []));
                list.push({ offset: item.range?.[0] ?? 0, node: item });
            }
            if ((0, yaml_1.isSeq)(item) || (0, yaml_1.isMap)(item))
                for (const child of item.items)
                    stack.push(child);
        }
        for (const list of this.byName.values())
            list.sort((a, b) => a.offset - b.offset);
    }
    /** The node of the last anchor of the alias's name written before it, as YAML defines. */
    resolve(alias) {
        const list = this.byName.get(alias.source);
        const offset = alias.range?.[0] ?? 0;
        if (!list || list.length === 0 || list[0].offset >= offset)
            return undefined;
        let low = 0;
        let high = list.length - 1;
        while (low < high) {
            const mid = (low + high + 1) >> 1;
            if (list[mid].offset < offset)
                low = mid;
            else
                high = mid - 1;
        }
        return list[low].node;
    }
}
function scalarValue(node) {
    const value = node.value;
    if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
        return value;
    }
    return String(value);
}
//# sourceMappingURL=yaml.js.map