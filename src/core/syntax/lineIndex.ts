import type { Span } from './tree';

/** Zero-based line and UTF-16 character, the convention of the VS Code API and of the CLI's JSON. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/**
 * Converts offsets to positions and back; `\n`, `\r\n` and a lone `\r` all end a line. The line starts are found
 * on first use: every analysis makes an index, but only some readers (a report, the editor) ever ask it.
 */
export class LineIndex {
  private starts: number[] | undefined;

  constructor(private readonly text: string) {}

  /**
   * The index of `text`, a new version of `previous`'s text after one edit (`[start, oldEnd)` replaced, the length
   * changed by `delta`): the line starts before and after the edit are the previous ones, moved; only the edited
   * lines are scanned.
   */
  static afterEdit(previous: LineIndex, text: string, edit: { readonly start: number; readonly oldEnd: number; readonly delta: number }): LineIndex {
    const index = new LineIndex(text);
    if (previous.starts) index.starts = editedLineStarts(previous.starts, text, edit);
    return index;
  }

  private get lineStarts(): number[] {
    return (this.starts ??= lineStartsOf(this.text));
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const lineStarts = this.lineStarts;
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid]! <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - lineStarts[low]! };
  }

  offsetAt(position: Position): number {
    const lineStarts = this.lineStarts;
    if (position.line < 0) return 0;
    if (position.line >= lineStarts.length) return this.text.length;
    const start = lineStarts[position.line]!;
    const next = lineStarts[position.line + 1] ?? this.text.length;
    return Math.min(start + Math.max(0, position.character), next);
  }

  rangeOf(span: Span): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }
}

function editedLineStarts(before: readonly number[], text: string, edit: { readonly start: number; readonly oldEnd: number; readonly delta: number }): number[] {
  // Kept: the starts whose line break (and the character after it, which decides \r\n) lies before the edit.
  const starts: number[] = [];
  let kept = 0;
  while (kept < before.length && before[kept]! < edit.start) starts.push(before[kept++]!);
  const from = starts.length > 0 ? starts[starts.length - 1]! : 0;
  if (starts.length === 0) starts.push(0);
  pushLineStarts(text, from, Math.min(text.length, edit.oldEnd + edit.delta + 2), starts);
  // The starts after the edited lines, moved; a line break the scan above already counted is not counted twice.
  for (let i = kept; i < before.length; i++) {
    const moved = before[i]! + edit.delta;
    if (before[i]! >= edit.oldEnd + 2 && moved > starts[starts.length - 1]!) starts.push(moved);
  }
  return starts;
}

function lineStartsOf(text: string): number[] {
  return pushLineStarts(text, 0, text.length, [0]);
}

/** Appends to `starts` the start of each line that a line break in `text[from, to)` begins. */
function pushLineStarts(text: string, from: number, to: number, starts: number[]): number[] {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (code === 10 /* \n */) {
      starts.push(i + 1);
    }
  }
  return starts;
}
