"use strict";
// A guard in front of the `yaml` library, whose composer recurses once per nesting level: 10,000 nested brackets
// overflow its stack, and far fewer make it slow. One linear pass finds what is nested too deeply and blanks it
// before the library sees the text.
Object.defineProperty(exports, "__esModule", { value: true });
exports.pruneDeepNesting = pruneDeepNesting;
const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;
/**
 * Blanks every part of a YAML text nested more than `limit` collections deep. The depth is tracked in one pass,
 * block collections by indentation and compact indicators (`- `, `? `, `key: `), flow collections by brackets;
 * quoted scalars, comments and block scalars are skipped. The count errs towards too deep in odd layouts, and the
 * converter checks the exact depth afterwards, so this only has to keep the library's recursion bounded.
 */
function pruneDeepNesting(source, limit) {
    return new NestingScanner(source, limit).run();
}
class NestingScanner {
    text;
    limit;
    pos = 0;
    /** Where the current line starts, for the column of a compact indicator. */
    lineStartPos = 0;
    block = [];
    cuts = [];
    constructor(text, limit) {
        this.text = text;
        this.limit = limit;
    }
    run() {
        const text = this.text;
        while (this.pos < text.length)
            this.line();
        if (this.cuts.length === 0)
            return { text, at: undefined };
        const parts = [];
        let last = 0;
        for (const [start, end] of this.cuts) {
            parts.push(text.slice(last, start), text.slice(start, end).replace(/[^\r\n]+/g, (run) => ' '.repeat(run.length)));
            last = end;
        }
        parts.push(text.slice(last));
        return { text: parts.join(''), at: this.cuts[0][0] };
    }
    /** One line in block context, from its first character to the start of the next line. */
    line() {
        const text = this.text;
        this.lineStartPos = this.pos;
        let p = this.pos;
        while (p < text.length && text.charCodeAt(p) === SPACE)
            p++;
        const indent = p - this.pos;
        this.pos = p;
        const code = text.charCodeAt(p);
        if (p >= text.length || code === LF || code === CR || code === 35 /* # */) {
            this.skipToNextLine();
            return;
        }
        const first = this.indicatorAt(p);
        while (this.block.length > 0 && this.block[this.block.length - 1].column > indent)
            this.block.pop();
        const top = this.block[this.block.length - 1];
        if (top?.column === indent) {
            const below = this.block[this.block.length - 2];
            if (first === 'sequence' && !top.sequence) {
                if (!this.open({ column: indent, sequence: true }, indent))
                    return;
            }
            else if (first !== 'sequence' && top.sequence && below?.column === indent) {
                this.block.pop();
            }
        }
        else if (first !== 'other') {
            if (!this.open({ column: indent, sequence: first === 'sequence' }, indent))
                return;
        }
        this.rest(indent, first === 'other' ? undefined : first);
    }
    /** What starts at `p`: a sequence item, a mapping key, or anything else (a scalar, a flow collection…). */
    indicatorAt(p) {
        const text = this.text;
        const code = text.charCodeAt(p);
        if ((code === 45 /* - */ || code === 63 /* ? */) && isBlank(text.charCodeAt(p + 1)))
            return code === 45 ? 'sequence' : 'key';
        const end = this.scalarEnd(p);
        return end < text.length && text.charCodeAt(end) === 58 /* : */ && isBlank(text.charCodeAt(end + 1)) ? 'key' : 'other';
    }
    /**
     * The rest of a line after its indentation: compact indicators nest further (`- - x`, `- a: b`); a flow
     * collection, a quoted scalar or a block scalar is skipped as a whole. `opened` is the line's first indicator,
     * already counted.
     */
    rest(indent, opened) {
        const text = this.text;
        let counted = opened !== undefined;
        for (;;) {
            let p = this.pos;
            while (p < text.length && (text.charCodeAt(p) === SPACE || text.charCodeAt(p) === TAB))
                p++;
            this.pos = p;
            const code = text.charCodeAt(p);
            if (p >= text.length || code === LF || code === CR || code === 35 /* # */) {
                this.skipToNextLine();
                return;
            }
            if (code === 38 /* & */ || code === 33 /* ! */ || code === 42 /* * */) {
                while (this.pos < text.length && !isBlank(text.charCodeAt(this.pos)))
                    this.pos++;
                continue;
            }
            if (code === 124 /* | */ || code === 62 /* > */) {
                this.skipBlockScalar(indent);
                return;
            }
            if (code === 91 /* [ */ || code === 123 /* { */) {
                this.flow();
                continue;
            }
            const indicator = this.indicatorAt(p);
            if (indicator !== 'other') {
                if (counted)
                    counted = false;
                else if (!this.open({ column: p - this.lineStartPos, sequence: indicator === 'sequence' }, indent))
                    return;
                this.pos = indicator === 'sequence' || code === 63 ? p + 1 : this.scalarEnd(p) + 1;
                continue;
            }
            counted = false;
            this.pos = this.scalarEnd(p);
            if (this.pos === p)
                this.pos++;
        }
    }
    /** Opens a block level; past the limit, blanks the collection instead and returns false. */
    open(level, indent) {
        if (this.block.length < this.limit) {
            this.block.push(level);
            return true;
        }
        // The too-deep collection: the rest of this line and every following line indented at least as far.
        const start = this.pos;
        this.skipToNextLine();
        const column = Math.max(level.column, indent);
        for (;;) {
            let p = this.pos;
            while (p < this.text.length && this.text.charCodeAt(p) === SPACE)
                p++;
            const code = this.text.charCodeAt(p);
            const blank = code === LF || code === CR;
            if (p >= this.text.length || (!blank && p - this.pos < column))
                break;
            this.pos = p;
            this.skipToNextLine();
        }
        this.cut(start, this.pos);
        return false;
    }
    /** A flow collection from its opening bracket to its matching close, across lines; too-deep parts blanked. */
    flow() {
        const text = this.text;
        const base = this.block.length;
        let depth = 0;
        let tooDeepFrom = -1;
        let previous = SPACE;
        while (this.pos < text.length) {
            const code = text.charCodeAt(this.pos);
            if (code === 91 /* [ */ || code === 123 /* { */) {
                depth++;
                if (base + depth > this.limit && tooDeepFrom < 0)
                    tooDeepFrom = this.pos;
            }
            else if (code === 93 /* ] */ || code === 125 /* } */) {
                depth--;
                if (tooDeepFrom >= 0 && base + depth <= this.limit) {
                    this.cut(tooDeepFrom, this.pos + 1);
                    tooDeepFrom = -1;
                }
                if (depth === 0) {
                    this.pos++;
                    return;
                }
            }
            else if ((code === 34 /* " */ || code === 39 /* ' */) && isFlowTokenStart(previous)) {
                this.skipQuoted(code);
                previous = code;
                continue;
            }
            else if (code === 35 /* # */ && isBlank(previous)) {
                while (this.pos < text.length && text.charCodeAt(this.pos) !== LF)
                    this.pos++;
                continue;
            }
            previous = code;
            this.pos++;
        }
        if (tooDeepFrom >= 0)
            this.cut(tooDeepFrom, this.pos);
    }
    /** The end of a scalar starting at `p` on this line: after a quoted one, or where `: `, ` #` or the line ends. */
    scalarEnd(p) {
        const text = this.text;
        const code = text.charCodeAt(p);
        if (code === 34 /* " */ || code === 39 /* ' */) {
            const saved = this.pos;
            this.pos = p;
            this.skipQuoted(code);
            const end = this.pos;
            this.pos = saved;
            return end;
        }
        let q = p;
        while (q < text.length) {
            const c = text.charCodeAt(q);
            if (c === LF || c === CR)
                break;
            if (c === 58 /* : */ && isBlank(text.charCodeAt(q + 1)))
                break;
            if (c === 35 /* # */ && q > p && isBlank(text.charCodeAt(q - 1)))
                break;
            q++;
        }
        return q;
    }
    skipQuoted(quote) {
        const text = this.text;
        this.pos++;
        while (this.pos < text.length) {
            const code = text.charCodeAt(this.pos);
            if (quote === 34 && code === 92 /* \ */) {
                this.pos += 2;
                continue;
            }
            this.pos++;
            if (code === quote) {
                if (quote === 39 && text.charCodeAt(this.pos) === 39)
                    this.pos++;
                else
                    return;
            }
        }
    }
    /** A block scalar (`|`, `>`): its header line, then every blank line or line indented more than `indent`. */
    skipBlockScalar(indent) {
        this.skipToNextLine();
        const text = this.text;
        for (;;) {
            let p = this.pos;
            while (p < text.length && text.charCodeAt(p) === SPACE)
                p++;
            const code = text.charCodeAt(p);
            if (p >= text.length || (code !== LF && code !== CR && p - this.pos <= indent))
                return;
            this.pos = p;
            this.skipToNextLine();
        }
    }
    skipToNextLine() {
        const next = this.text.indexOf('\n', this.pos);
        this.pos = next < 0 ? this.text.length : next + 1;
    }
    cut(start, end) {
        if (end > start)
            this.cuts.push([start, end]);
    }
}
function isBlank(code) {
    return Number.isNaN(code) || code === SPACE || code === TAB || code === LF || code === CR;
}
function isFlowTokenStart(previous) {
    return isBlank(previous) || previous === 91 || previous === 123 || previous === 44 /* , */ || previous === 58 /* : */;
}
//# sourceMappingURL=yamlNesting.js.map