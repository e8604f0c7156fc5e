"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parseJson = parseJson;
const tree_1 = require("./tree");
/**
 * Parses JSON into a syntax tree with exact offsets, recovering from errors (a missing comma, a cut-off
 * file, comments) so that everything before and around the damage is still available. Never throws.
 */
function parseJson(text) {
    const parser = new JsonParser(text);
    return parser.parseDocument();
}
class JsonParser {
    text;
    pos = 0;
    problems = [];
    /** Deeper values are skipped, so hostile input cannot overflow the stack; reported once, where it first happens. */
    tooDeepAt;
    constructor(text) {
        this.text = text;
        if (text.charCodeAt(0) === 0xfeff)
            this.pos = 1;
    }
    parseDocument() {
        this.skipTrivia();
        if (this.pos >= this.text.length) {
            this.problem('The document is empty', this.pos, this.pos);
            return { root: null, problems: this.problems };
        }
        const root = this.parseValue(0);
        this.skipTrivia();
        if (this.pos < this.text.length)
            this.problem('Unexpected text after the end of the JSON value', this.pos, this.text.length);
        const problems = (0, tree_1.limitProblems)(this.problems);
        if (this.tooDeepAt !== undefined)
            problems.push((0, tree_1.nestedTooDeeply)(this.text, this.tooDeepAt));
        return { root, problems };
    }
    problem(message, start, end) {
        this.problems.push({ message, span: { start, end: Math.max(start, end) } });
    }
    skipTrivia() {
        const text = this.text;
        while (this.pos < text.length) {
            const code = text.charCodeAt(this.pos);
            if (code === 32 || code === 9 || code === 10 || code === 13) {
                this.pos++;
            }
            else if (code === 47 /* / */ && (text[this.pos + 1] === '/' || text[this.pos + 1] === '*')) {
                const start = this.pos;
                const block = text[this.pos + 1] === '*';
                const end = block ? text.indexOf('*/', this.pos + 2) : text.indexOf('\n', this.pos);
                this.pos = end < 0 ? text.length : block ? end + 2 : end;
                this.problem('Comments are not allowed in JSON', start, this.pos);
            }
            else {
                return;
            }
        }
    }
    parseValue(depth) {
        const ch = this.text[this.pos];
        if (depth >= tree_1.MAX_NESTING_DEPTH && (ch === '{' || ch === '[')) {
            this.tooDeepAt ??= this.pos;
            this.skipValue();
            return null;
        }
        if (ch === '{')
            return this.parseObject(depth);
        if (ch === '[')
            return this.parseArray(depth);
        if (ch === '"')
            return this.parseString();
        return this.parseLiteral();
    }
    parseObject(depth) {
        const start = this.pos++;
        const entries = [];
        const seen = new Set();
        for (;;) {
            this.skipTrivia();
            const ch = this.text[this.pos];
            if (ch === '}') {
                this.pos++;
                break;
            }
            if (ch === undefined) {
                this.problem('Missing } at the end of the object', start, this.pos);
                break;
            }
            if (ch === ',') {
                this.problem('Unexpected comma', this.pos, this.pos + 1);
                this.pos++;
                continue;
            }
            if (ch !== '"') {
                this.problem('Expected a property name in double quotes', this.pos, this.pos + 1);
                if (!this.recover('}'))
                    break;
                continue;
            }
            const key = this.parseString();
            if (seen.has(String(key.value)))
                this.problem(`Duplicate key '${String(key.value)}'`, key.start, key.end);
            seen.add(String(key.value));
            this.skipTrivia();
            let value = null;
            if (this.text[this.pos] === ':') {
                this.pos++;
                this.skipTrivia();
                if (this.atValueStart())
                    value = this.parseValue(depth + 1);
                else
                    this.problem('Expected a value', this.pos, this.pos + 1);
            }
            else {
                this.problem('Expected a colon after the property name', key.end, key.end + 1);
            }
            entries.push({ key, value });
            this.skipTrivia();
            const next = this.text[this.pos];
            if (next === ',') {
                this.pos++;
                this.skipTrivia();
                if (this.text[this.pos] === '}')
                    this.problem('Trailing comma', this.pos - 1, this.pos);
            }
            else if (next !== '}') {
                if (next === '"')
                    this.problem('Missing comma between properties', this.pos, this.pos + 1);
                else if (!this.recover('}')) {
                    this.problem('Missing } at the end of the object', start, this.pos);
                    break;
                }
            }
        }
        return { kind: 'map', entries, start, end: this.pos };
    }
    parseArray(depth) {
        const start = this.pos++;
        const items = [];
        for (;;) {
            this.skipTrivia();
            const ch = this.text[this.pos];
            if (ch === ']') {
                this.pos++;
                break;
            }
            if (ch === undefined) {
                this.problem('Missing ] at the end of the array', start, this.pos);
                break;
            }
            if (!this.atValueStart()) {
                this.problem('Expected a value', this.pos, this.pos + 1);
                if (!this.recover(']'))
                    break;
                continue;
            }
            const item = this.parseValue(depth + 1);
            if (item)
                items.push(item);
            this.skipTrivia();
            const next = this.text[this.pos];
            if (next === ',') {
                this.pos++;
                this.skipTrivia();
                if (this.text[this.pos] === ']')
                    this.problem('Trailing comma', this.pos - 1, this.pos);
            }
            else if (next !== ']' && next !== undefined) {
                this.problem('Missing comma between array items', this.pos, this.pos + 1);
            }
        }
        return { kind: 'seq', items, start, end: this.pos };
    }
    atValueStart() {
        const ch = this.text[this.pos];
        return ch !== undefined && /[{["\-0-9tfn]/.test(ch);
    }
    /** Skips to the next comma or `close` at this level; returns false when the text ends first. */
    recover(close) {
        while (this.pos < this.text.length) {
            const ch = this.text[this.pos];
            if (ch === ',') {
                this.pos++;
                return true;
            }
            if (ch === close)
                return true;
            if (ch === '{' || ch === '[') {
                this.skipValue();
                continue;
            }
            if (ch === '"') {
                this.parseString();
                continue;
            }
            if (ch === '}' || ch === ']')
                return false;
            this.pos++;
        }
        return false;
    }
    /** Skips a nested value without building nodes (used past the depth limit and during recovery). */
    skipValue() {
        let depth = 0;
        while (this.pos < this.text.length) {
            const ch = this.text[this.pos];
            if (ch === '"') {
                this.parseString();
                continue;
            }
            this.pos++;
            if (ch === '{' || ch === '[')
                depth++;
            else if (ch === '}' || ch === ']') {
                depth--;
                if (depth <= 0)
                    return;
            }
            else if (depth === 0 && ch === ',')
                return;
        }
    }
    parseString() {
        const start = this.pos++;
        const text = this.text;
        let value = '';
        let chunkStart = this.pos;
        for (;;) {
            const code = text.charCodeAt(this.pos);
            if (Number.isNaN(code) || code === 10 || code === 13) {
                value += text.slice(chunkStart, this.pos);
                this.problem('Unterminated string', start, this.pos);
                return { kind: 'scalar', value, start, end: this.pos };
            }
            if (code === 34 /* " */) {
                value += text.slice(chunkStart, this.pos);
                this.pos++;
                return { kind: 'scalar', value, start, end: this.pos };
            }
            if (code === 92 /* \ */) {
                value += text.slice(chunkStart, this.pos);
                value += this.parseEscape();
                chunkStart = this.pos;
                continue;
            }
            this.pos++;
        }
    }
    parseEscape() {
        const escapeStart = this.pos;
        const ch = this.text[this.pos + 1];
        this.pos += 2;
        switch (ch) {
            case '"': return '"';
            case '\\': return '\\';
            case '/': return '/';
            case 'b': return '\b';
            case 'f': return '\f';
            case 'n': return '\n';
            case 'r': return '\r';
            case 't': return '\t';
            case 'u': {
                const hex = this.text.slice(this.pos, this.pos + 4);
                if (/^[0-9a-fA-F]{4}$/.test(hex)) {
                    this.pos += 4;
                    return String.fromCharCode(parseInt(hex, 16));
                }
                this.problem('Invalid unicode escape', escapeStart, this.pos);
                return '';
            }
            default:
                this.problem('Invalid escape in string', escapeStart, this.pos);
                return ch ?? '';
        }
    }
    parseLiteral() {
        const start = this.pos;
        const match = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(this.text.slice(start, start + 64));
        if (!match) {
            this.problem('Expected a value', start, start + 1);
            this.recoverLiteral();
            return null;
        }
        const token = match[0];
        this.pos += token.length;
        const value = token === 'true' ? true : token === 'false' ? false : token === 'null' ? null : Number(token);
        return { kind: 'scalar', value, start, end: this.pos };
    }
    recoverLiteral() {
        while (this.pos < this.text.length && !/[,}\]\s]/.test(this.text[this.pos]))
            this.pos++;
    }
}
//# sourceMappingURL=json.js.map