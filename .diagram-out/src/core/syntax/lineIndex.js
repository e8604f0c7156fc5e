"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.LineIndex = void 0;
/** Converts offsets to positions and back; `\n`, `\r\n` and a lone `\r` all end a line. */
class LineIndex {
    text;
    lineStarts = [0];
    constructor(text) {
        this.text = text;
        for (let i = 0; i < text.length; i++) {
            const code = text.charCodeAt(i);
            if (code === 13 /* \r */) {
                if (text.charCodeAt(i + 1) === 10)
                    i++;
                this.lineStarts.push(i + 1);
            }
            else if (code === 10 /* \n */) {
                this.lineStarts.push(i + 1);
            }
        }
    }
    get lineCount() {
        return this.lineStarts.length;
    }
    positionAt(offset) {
        const clamped = Math.max(0, Math.min(offset, this.text.length));
        let low = 0;
        let high = this.lineStarts.length - 1;
        while (low < high) {
            const mid = (low + high + 1) >> 1;
            if (this.lineStarts[mid] <= clamped)
                low = mid;
            else
                high = mid - 1;
        }
        return { line: low, character: clamped - this.lineStarts[low] };
    }
    offsetAt(position) {
        if (position.line < 0)
            return 0;
        if (position.line >= this.lineStarts.length)
            return this.text.length;
        const start = this.lineStarts[position.line];
        const next = this.lineStarts[position.line + 1] ?? this.text.length;
        return Math.min(start + Math.max(0, position.character), next);
    }
    rangeOf(span) {
        return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
    }
}
exports.LineIndex = LineIndex;
//# sourceMappingURL=lineIndex.js.map