"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parsePath = parsePath;
exports.intrinsicOf = intrinsicOf;
exports.selectPath = selectPath;
exports.resolveNode = resolveNode;
const json_1 = require("../syntax/json");
const tree_1 = require("../syntax/tree");
const pathCache = new Map();
/**
 * Parses `A.B[*].C`, `A[0]`, `OptionSettings[?Namespace=aws:x&OptionName=Y].Value`. The filter selects list
 * elements whose fields equal the given strings.
 */
function parsePath(path) {
    const cached = pathCache.get(path);
    if (cached)
        return cached;
    const segments = [];
    let i = 0;
    let key = '';
    const flushKey = () => {
        if (key)
            segments.push({ key });
        key = '';
    };
    while (i < path.length) {
        const ch = path[i];
        if (ch === '.') {
            flushKey();
            i++;
        }
        else if (ch === '[') {
            flushKey();
            const close = path.indexOf(']', i);
            const inner = path.slice(i + 1, close < 0 ? path.length : close);
            if (inner === '*')
                segments.push({ every: true });
            else if (inner.startsWith('?')) {
                const filter = inner.slice(1).split('&').map((clause) => {
                    const eq = clause.indexOf('=');
                    return [clause.slice(0, eq), clause.slice(eq + 1)];
                });
                segments.push({ filter });
            }
            else
                segments.push({ index: Number(inner) });
            i = close < 0 ? path.length : close + 1;
        }
        else {
            key += ch;
            i++;
        }
    }
    flushKey();
    pathCache.set(path, segments);
    return segments;
}
/** The intrinsic function a node calls (`Ref`, `Fn::If`…), from a short-form tag or a one-key map. */
function intrinsicOf(node) {
    if (node.tag) {
        const name = node.tag.slice(1);
        return { name: name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`, argument: node };
    }
    if ((0, tree_1.isMap)(node) && node.entries.length === 1) {
        const entry = node.entries[0];
        const name = String(entry.key.value);
        if (name === 'Ref' || name.startsWith('Fn::'))
            return { name, argument: entry.value };
    }
    return undefined;
}
/** Strips the tag off a short-form argument so `!If [a, b, c]` reads as the list [a, b, c]. */
function argumentValue(node) {
    if (node === null || !node.tag)
        return node;
    const { tag: _tag, ...rest } = node;
    return rest;
}
const MAX_RESULTS = 256;
/**
 * Every value the path selects below `root` (a resource's Properties). `[*]` and filters may select several
 * values; an `Fn::If` on the way becomes one `alternatives` value holding what each branch selects. An empty
 * path means the root itself.
 */
function selectPath(root, path, context) {
    if (!root)
        return [{ kind: 'absent' }];
    return selectFrom({ kind: 'present', node: root }, parsePath(path), context);
}
function selectFrom(start, segments, context) {
    if (segments.length === 0)
        return [start];
    if (start.kind === 'alternatives') {
        return [{ ...start, options: start.options.map((option) => option.flatMap((o) => selectFrom(o, segments, context))) }];
    }
    if (start.kind === 'value' && typeof start.value === 'string') {
        // A JSON document written as a string (a Terraform heredoc of container definitions or a policy) is read
        // as the structure it encodes.
        const inner = embeddedJson(start.node);
        if (inner)
            return selectFrom({ kind: 'present', node: inner }, segments, context);
    }
    if (start.kind !== 'present')
        return [start.kind === 'value' ? { kind: 'absent' } : start];
    const [segment, ...rest] = segments;
    const results = [];
    for (const child of step(start.node, segment)) {
        for (const resolved of resolveNode(child, context)) {
            results.push(...selectFrom(resolved, rest, context));
            if (results.length > MAX_RESULTS)
                return results;
        }
    }
    return results.length > 0 ? results : [{ kind: 'absent' }];
}
const embedded = new WeakMap();
const MAX_EMBEDDED_JSON = 256 * 1024;
/** The structure of a JSON object or array written as a string, located at the string; null when it is not one. */
function embeddedJson(node) {
    let known = embedded.get(node);
    if (known !== undefined)
        return known;
    known = null;
    const text = node.kind === 'scalar' && typeof node.value === 'string' ? node.value.trim() : '';
    if ((text.startsWith('{') || text.startsWith('[')) && text.length <= MAX_EMBEDDED_JSON) {
        const parsed = (0, json_1.parseJson)(text);
        if (parsed.problems.length === 0 && parsed.root)
            known = locatedAt(parsed.root, node);
    }
    embedded.set(node, known);
    return known;
}
/** The same tree with every span set to the string it came from (offsets inside a string mean nothing outside). */
function locatedAt(node, at) {
    const span = { start: at.start, end: at.end };
    if (node.kind === 'scalar')
        return { ...node, ...span };
    if (node.kind === 'seq')
        return { ...node, ...span, items: node.items.map((item) => locatedAt(item, at)) };
    return { ...node, ...span, entries: node.entries.map((entry) => ({ key: { ...entry.key, ...span }, value: entry.value && locatedAt(entry.value, at) })) };
}
function step(node, segment) {
    if (segment.key !== undefined) {
        if (!(0, tree_1.isMap)(node))
            return [null];
        let found;
        for (const entry of node.entries)
            if (entry.key.value === segment.key)
                found = entry.value;
        return [found === undefined ? null : found];
    }
    // A single object where a list is expected (a nested block written as an object in .tf.json) is a one-item list.
    if (node.kind !== 'seq')
        return segment.every || segment.index === 0 ? [node] : [null];
    if (segment.index !== undefined)
        return [node.items[segment.index] ?? null];
    if (segment.every)
        return node.items.length > 0 ? [...node.items] : [null];
    const filter = segment.filter ?? [];
    const matches = node.items.filter((item) => (0, tree_1.isMap)(item) && filter.every(([field, wanted]) => (0, tree_1.stringValue)(fieldOf(item, field)) === wanted));
    return matches.length > 0 ? matches : [null];
}
function fieldOf(map, field) {
    for (let i = map.entries.length - 1; i >= 0; i--)
        if (map.entries[i].key.value === field)
            return map.entries[i].value;
    return undefined;
}
/** Resolves one node to what it means, following `Fn::If` into both branches. */
function resolveNode(node, context, depth = 0) {
    if (node === null)
        return [{ kind: 'absent' }];
    const intrinsic = intrinsicOf(node);
    if (!intrinsic) {
        // `null` (Terraform `x = null`, an empty YAML value) leaves the setting to its default, as if not written.
        if (node.kind === 'scalar' && node.value === null)
            return [{ kind: 'absent' }];
        return node.kind === 'scalar' ? [{ kind: 'value', value: node.value, node }] : [{ kind: 'present', node }];
    }
    const argument = argumentValue(intrinsic.argument);
    switch (intrinsic.name) {
        case 'Ref': {
            const name = (0, tree_1.stringValue)(argument) ?? '';
            if (name === 'AWS::NoValue')
                return [{ kind: 'absent' }];
            const fallback = context.assumeDefaults?.get(name);
            if (fallback && depth < 8)
                return resolveNode(fallback, { ...context, assumeDefaults: undefined }, depth + 1);
            if (context.resourceIds.has(name))
                return [{ kind: 'present', node }];
            if (name.startsWith('var.'))
                return [{ kind: 'unknown', reason: `variable ${name.slice(4)}`, node }];
            if (context.parameters.has(name))
                return [{ kind: 'unknown', reason: `parameter ${name}`, node }];
            return [{ kind: 'unknown', reason: name.startsWith('AWS::') ? `pseudo parameter ${name}` : `reference ${name}`, node }];
        }
        case 'Fn::If': {
            if (argument?.kind !== 'seq' || argument.items.length !== 3 || depth > 8) {
                return [{ kind: 'unknown', reason: 'a condition', node }];
            }
            const condition = (0, tree_1.stringValue)(argument.items[0]) ?? 'a condition';
            const options = [resolveNode(argument.items[1], context, depth + 1), resolveNode(argument.items[2], context, depth + 1)];
            return [{ kind: 'alternatives', condition, options }];
        }
        case 'Fn::Sub': {
            const literal = (0, tree_1.stringValue)(argument);
            if (literal !== undefined && !literal.includes('${'))
                return [{ kind: 'value', value: literal, node }];
            return [{ kind: 'unknown', reason: 'a substitution', node }];
        }
        case 'Fn::GetAtt':
            return [{ kind: 'present', node }];
        case 'Fn::Expr': {
            // A Terraform expression (function call, conditional, interpolation…) the template alone cannot evaluate.
            const source = (0, tree_1.stringValue)(node) ?? '';
            return [{ kind: 'unknown', reason: `the expression ${source.length > 40 ? `${source.slice(0, 39)}…` : source}`, node }];
        }
        default:
            return [{ kind: 'unknown', reason: `${intrinsic.name}`, node }];
    }
}
//# sourceMappingURL=values.js.map