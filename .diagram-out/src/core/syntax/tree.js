"use strict";
// The syntax tree every parser (YAML, JSON, HCL) produces: plain objects with source offsets, so the
// rest of the core never depends on a parser library's node classes.
Object.defineProperty(exports, "__esModule", { value: true });
exports.MAX_NESTING_DEPTH = void 0;
exports.getEntry = getEntry;
exports.getValue = getValue;
exports.isMap = isMap;
exports.isScalar = isScalar;
exports.stringValue = stringValue;
exports.nestedTooDeeply = nestedTooDeeply;
exports.limitProblems = limitProblems;
/** The value of `key` in a map (the last one when a key is repeated, as CloudFormation's JSON parsers do). */
function getEntry(map, key) {
    for (let i = map.entries.length - 1; i >= 0; i--) {
        const entry = map.entries[i];
        if (entry.key.value === key)
            return entry;
    }
    return undefined;
}
function getValue(map, key) {
    return getEntry(map, key)?.value;
}
function isMap(node) {
    return node?.kind === 'map';
}
function isScalar(node) {
    return node?.kind === 'scalar';
}
/** The string value of a scalar node, or undefined for anything else. */
function stringValue(node) {
    return isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
}
/**
 * Nesting deeper than this is cut off: every reader of the tree may recurse, and hostile input (10,000 brackets)
 * must not overflow the stack. Real templates stay far below it (the corpus's deepest is under 30 levels).
 */
exports.MAX_NESTING_DEPTH = 128;
/** The one problem a document gets for nesting past MAX_NESTING_DEPTH, at the first place it happens. */
function nestedTooDeeply(text, offset) {
    let line = 1;
    for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1))
        line++;
    return {
        message: `Nested too deeply at line ${line}: more than ${exports.MAX_NESTING_DEPTH} levels; the deeper part is not analysed`,
        span: { start: offset, end: Math.min(text.length, offset + 1) },
    };
}
/** Syntax problems listed per document at most: past them a file is garbage, and more would bury the first ones. */
const MAX_SYNTAX_PROBLEMS = 100;
/** The first MAX_SYNTAX_PROBLEMS problems, and one that counts the rest. */
function limitProblems(problems) {
    if (problems.length <= MAX_SYNTAX_PROBLEMS)
        return problems;
    const rest = problems.length - MAX_SYNTAX_PROBLEMS;
    const first = problems[MAX_SYNTAX_PROBLEMS];
    return [...problems.slice(0, MAX_SYNTAX_PROBLEMS), { message: `${rest} more problems in this file are not listed`, span: first.span }];
}
//# sourceMappingURL=tree.js.map