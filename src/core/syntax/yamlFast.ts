// A hand-written parser for the YAML that CloudFormation templates are written in: block maps and sequences, flow
// collections, plain, quoted and block scalars, comments, and the short-form intrinsic tags. It builds our tree
// directly, with the offsets, values and types the `yaml` library path (yaml.ts) gives, and declines (returns
// undefined) on anything else: anchors, aliases, directives, explicit keys, several documents, unknown tags, tabs
// outside comments and quoted or block scalars, and any syntax error. yaml.ts then runs the library.
//
// Offsets follow the library's: a node's `end` is its range's value end, and a block collection's value end is where
// its last value's range ends, which takes in the rest of the line, some comment lines after it, and for an empty
// value the comments after the `:`. The rules below mirror the library's lexer (yaml/dist/parse/lexer.js), parser
// (parser.js) and composer (yaml/dist/compose/*) for this subset; the differential tests compare the two on every
// template of the corpus and on random texts.

import type { MapEntry, Problem, ScalarNode, SyntaxNode } from './tree';
import type { ParsedTree } from './yaml';

/** CloudFormation's short-form intrinsic functions (and `!Condition`), each legal on a scalar, a list or a map. */
export const INTRINSIC_TAGS = [
  'Ref', 'Condition', 'GetAtt', 'And', 'Base64', 'Cidr', 'Equals', 'FindInMap', 'GetAZs', 'If', 'ImportValue',
  'Join', 'Not', 'Or', 'Select', 'Split', 'Sub', 'Transform', 'Length', 'ToJsonString', 'ForEach',
] as const;

const KNOWN_TAGS = new Set<string>(INTRINSIC_TAGS.map((name) => `!${name}`));

/**
 * Collections nested deeper than this are left to the library, which cuts them off and reports it (at
 * MAX_NESTING_DEPTH); it also bounds this parser's recursion.
 */
const MAX_FAST_DEPTH = 100;

/**
 * Parses a YAML text of the CloudFormation subset into a syntax tree (its only problems: unresolved local tags, as
 * the library reports them), or returns undefined when the text holds anything else. Never throws; linear in the
 * text's length.
 */
export function parseYamlFast(text: string): ParsedTree | undefined {
  try {
    return new FastYamlParser(text).parseDocument();
  } catch {
    // DECLINED, or a bug of this parser: either way the library path decides.
    return undefined;
  }
}

/** Thrown (never seen outside this module) to abandon a parse: the input is outside the subset. */
const DECLINED = { declined: true };

function decline(): never {
  throw DECLINED;
}

const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const DOUBLE_QUOTE = 34;
const HASH = 35;
const PERCENT = 37;
const AMPERSAND = 38;
const SINGLE_QUOTE = 39;
const ASTERISK = 42;
const COMMA = 44;
const DASH = 45;
const DOT = 46;
const COLON = 58;
const GREATER = 62;
const QUESTION = 63;
const AT = 64;
const OPEN_BRACKET = 91;
const BACKSLASH = 92;
const CLOSE_BRACKET = 93;
const BACKTICK = 96;
const OPEN_BRACE = 123;
const PIPE = 124;
const CLOSE_BRACE = 125;
const EXCLAMATION = 33;
const BOM = 0xfeff;

/** A space, tab or line break, or the end of the text (NaN): what the lexer calls empty. */
function isEmpty(code: number): boolean {
  return code === SPACE || code === LF || code === CR || code === TAB || Number.isNaN(code);
}

function isFlowIndicator(code: number): boolean {
  return code === COMMA || code === OPEN_BRACKET || code === CLOSE_BRACKET || code === OPEN_BRACE || code === CLOSE_BRACE;
}

const LONE_CARRIAGE_RETURN = /\r(?!\n)/;

/** Characters a tag may hold (besides `%` escapes), as the lexer reads them. */
const TAG_CHARACTERS = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()%".split('').map((ch) => ch.charCodeAt(0)));

class FastYamlParser {
  private pos = 0;
  /** Local tags other than CloudFormation's, as the library reports them (its only problems this parser keeps). */
  private readonly problems: Problem[] = [];
  private lineStart = 0;
  /** Column of the content at `pos`, or -1 at the end of the text. */
  private nextIndent = -1;
  /**
   * Blank and comment lines between the last value and the content at `pos` that no node took: the library hands them
   * from each closed collection to its parent, and a collection keeps them when one of their comments is indented at
   * least as far as it (see closeCollection).
   */
  private floating = false;
  private floatingCommentIndent = -1;
  /** Past the document's start: a `---` line now would start another document (a `...` line always ends one). */
  private inDocument = false;

  // What the last call returned besides its result (kept in fields: objects for them would double the garbage).
  /** The outer end of the block value just parsed: where its range ends, trailing comments and line break included. */
  private outerEnd = 0;
  /** The scalar just read by scalarStartingLine: its text before typing (a tag keeps that), and whether a `:` follows. */
  private scannedText = '';
  private scannedIsKey = false;
  /** The plain scalar just scanned by plainEnd: where the scan stopped, whether at a `:` indicator, over several lines. */
  private plainStop = 0;
  private plainStoppedAtColon = false;
  private plainMultiLine = false;
  /** The quoted scalar just scanned by quotedEnd spans lines. */
  private quotedMultiLine = false;
  /** The flow item just read by flowItem is a key: an untagged one-line scalar followed at once by `:`. */
  private flowItemIsKey = false;

  constructor(private readonly text: string) {}

  parseDocument(): ParsedTree {
    const text = this.text;
    // The lexer takes a CR as a line break only before an LF.
    if (text.includes('\r') && LONE_CARRIAGE_RETURN.test(text)) decline();
    if (text.charCodeAt(0) === BOM) {
      // The library counts no indentation on the BOM's line, not even a sequence's dash.
      if (text.charCodeAt(1) === SPACE || text.charCodeAt(1) === DASH) decline();
      this.pos = 1;
    }
    this.skipLinesBeforeContent();
    if (this.isDocumentMarker(this.pos, DASH)) {
      this.pos += 3;
      this.skipSpaces();
      const code = text.charCodeAt(this.pos);
      if (code === HASH) this.skipComment();
      else if (!this.atLineEnd()) decline();
      this.skipLineBreak();
      this.inDocument = true;
      this.skipLinesBeforeContent();
      // `---` with no content: the library makes an empty scalar of the document.
      if (this.nextIndent < 0) decline();
    }
    if (this.nextIndent < 0) return { root: null, problems: this.problems };
    this.inDocument = true;
    const root = this.rootCollection();
    if (this.pos < text.length) decline();
    return { root, problems: this.problems };
  }

  // ---- Lines ------------------------------------------------------------------------------------------------------

  private isDocumentMarker(p: number, code: number): boolean {
    const text = this.text;
    return p === this.lineStart && text.charCodeAt(p) === code && text.charCodeAt(p + 1) === code && text.charCodeAt(p + 2) === code && isEmpty(text.charCodeAt(p + 3));
  }

  private skipSpaces(): void {
    const text = this.text;
    let p = this.pos;
    while (text.charCodeAt(p) === SPACE) p++;
    if (text.charCodeAt(p) === TAB) decline();
    this.pos = p;
  }

  /** At a line break or the end of the text. */
  private atLineEnd(): boolean {
    const code = this.text.charCodeAt(this.pos);
    return code === LF || code === CR || this.pos >= this.text.length;
  }

  /** Moves past the line break at `pos` (LF or CRLF), or stays at the end of the text. */
  private skipLineBreak(): void {
    const code = this.text.charCodeAt(this.pos);
    if (code === LF) this.pos++;
    else if (code === CR) this.pos += 2;
    else if (this.pos < this.text.length) decline();
  }

  /** Moves to the line break that ends a comment (a tab in it is fine). */
  private skipComment(): void {
    const text = this.text;
    let p = this.pos;
    for (let code = text.charCodeAt(p); code !== LF && code !== CR && p < text.length; code = text.charCodeAt(++p));
    this.pos = p;
  }

  /** From a line start, past blank and comment lines, to the first content (setting nextIndent) or the end. */
  private skipLinesBeforeContent(): void {
    this.skipToContent(-1, false);
    this.floating = false;
  }

  /**
   * From the start of the line after a value, past blank and comment lines, to the next content (setting `nextIndent`).
   * Returns the value's outer end: the start of this line, or past the comment lines right after it that are indented
   * more than its collection (at `containerIndent`), when the value takes them (`takesComments`: a plain, quoted or flow
   * value, whose trailing comments the library extends). The lines left over float (see `floating`).
   */
  private skipToContent(containerIndent: number, takesComments: boolean): number {
    const text = this.text;
    let outerEnd = this.pos;
    let commentIndent = -1;
    for (;;) {
      this.lineStart = this.pos;
      let p = this.pos;
      while (text.charCodeAt(p) === SPACE) p++;
      const code = text.charCodeAt(p);
      if (p >= text.length) {
        this.pos = text.length;
        this.nextIndent = -1;
        break;
      }
      if (code === LF || code === CR) {
        this.pos = p;
        this.skipLineBreak();
        continue;
      }
      if (code === HASH) {
        const indent = p - this.lineStart;
        this.pos = p;
        this.skipComment();
        this.skipLineBreak();
        if (takesComments && commentIndent < 0 && indent > containerIndent) outerEnd = this.pos;
        else commentIndent = Math.max(commentIndent, indent);
        continue;
      }
      if (code === TAB) decline();
      this.pos = p;
      this.nextIndent = p - this.lineStart;
      if (this.nextIndent === 0 && (this.isDocumentMarker(p, DOT) || (this.inDocument && this.isDocumentMarker(p, DASH)))) decline();
      break;
    }
    this.floating = this.pos > outerEnd;
    this.floatingCommentIndent = commentIndent;
    return outerEnd;
  }

  /**
   * A block collection ends (the next content is less indented, or the text ends): the floating lines stay with it
   * when one of their comments is indented at least as far as it (not at column 0), and its outer end moves past them.
   */
  private closeCollection(indent: number, valueEnd: number): number {
    if (this.floating && indent !== 0 && this.floatingCommentIndent >= indent) {
      this.floating = false;
      return this.pos;
    }
    return valueEnd;
  }

  // ---- Block collections ------------------------------------------------------------------------------------------

  /** The document's block map or sequence (a lone scalar or flow collection is left to the library). */
  private rootCollection(): SyntaxNode {
    const text = this.text;
    const indent = this.nextIndent;
    if (text.charCodeAt(this.pos) === DASH && isEmpty(text.charCodeAt(this.pos + 1))) return this.blockSequence(indent, undefined, 1);
    const key = this.scalarStartingLine(indent + 1);
    if (!this.scannedIsKey) decline();
    return this.blockMap(indent, key, undefined, 1);
  }

  /**
   * A value written on the lines below its key or dash, starting a line at `pos` (column `indent`): a block
   * collection, or a scalar or flow collection alone on its line, or a tag there followed by any of these. `depth` is
   * the value's, `containerIndent` the column of the collection holding it.
   */
  private contentOnItsOwnLine(indent: number, containerIndent: number, inMap: boolean, tag: string | undefined, depth: number, commentBefore: boolean): SyntaxNode {
    const text = this.text;
    let code = text.charCodeAt(this.pos);
    if (code === EXCLAMATION) {
      if (tag) decline(); // a second tag
      tag = this.tag();
      if (!this.atLineEnd() && text.charCodeAt(this.pos) !== SPACE) decline();
      this.skipSpaces();
      code = text.charCodeAt(this.pos);
      if (code === HASH || this.atLineEnd()) return this.valueBelow(containerIndent, inMap, tag, depth - 1, commentBefore);
      if (code === PIPE || code === GREATER) return this.blockScalar(containerIndent, tag);
      // A tagged key, or a sequence on the tag's line: the library reports the second.
      if (code === DASH && isEmpty(text.charCodeAt(this.pos + 1))) decline();
    } else if (code === DASH && isEmpty(text.charCodeAt(this.pos + 1))) {
      return this.blockSequence(indent, tag, depth);
    }
    if (code === OPEN_BRACKET || code === OPEN_BRACE) return this.flowValue(containerIndent, tag, depth);
    const scalar = this.scalarStartingLine(containerIndent + 1);
    if (this.scannedIsKey) {
      if (scalar.start !== this.lineStart + indent) decline(); // a tagged key
      return this.blockMap(indent, scalar, tag, depth);
    }
    return this.scalarValue(scalar, tag, containerIndent);
  }

  private blockMap(indent: number, firstKey: ScalarNode, tag: string | undefined, depth: number): SyntaxNode {
    if (depth > MAX_FAST_DEPTH) decline();
    const text = this.text;
    const entries: MapEntry[] = [];
    const seen = new Set<string>();
    let key = firstKey;
    let valueEnd: number;
    for (;;) {
      // `pos` is just past the key's `:`.
      const name = String(key.value);
      if (seen.has(name)) decline(); // the library path reports it
      seen.add(name);
      entries.push({ key, value: this.valueAfterIndicator(indent, true, depth, false) });
      valueEnd = this.outerEnd;
      if (this.nextIndent !== indent) break;
      this.floating = false; // the lines between become the next key's
      const code = text.charCodeAt(this.pos);
      if (code === DASH && isEmpty(text.charCodeAt(this.pos + 1))) decline();
      key = this.scalarStartingLine(indent + 1);
      if (!this.scannedIsKey) decline();
    }
    if (this.nextIndent > indent) decline();
    this.outerEnd = this.closeCollection(indent, valueEnd);
    return tag ? { kind: 'map', entries, start: firstKey.start, end: valueEnd, tag } : { kind: 'map', entries, start: firstKey.start, end: valueEnd };
  }

  private blockSequence(indent: number, tag: string | undefined, depth: number): SyntaxNode {
    if (depth > MAX_FAST_DEPTH) decline();
    const text = this.text;
    const items: SyntaxNode[] = [];
    const start = this.pos;
    let valueEnd: number;
    let commentBefore = false;
    for (;;) {
      // `pos` is at the item's dash.
      this.pos++;
      items.push(this.valueAfterIndicator(indent, false, depth, commentBefore));
      valueEnd = this.outerEnd;
      if (this.nextIndent !== indent || text.charCodeAt(this.pos) !== DASH || !isEmpty(text.charCodeAt(this.pos + 1))) break;
      // The lines between become the next item's, before its dash.
      commentBefore = this.floating && this.floatingCommentIndent >= 0;
      this.floating = false;
    }
    // A sequence may sit at its parent key's column: a key there ends it.
    if (this.nextIndent > indent) decline();
    this.outerEnd = this.closeCollection(indent, valueEnd);
    return tag ? { kind: 'seq', items, start, end: valueEnd, tag } : { kind: 'seq', items, start, end: valueEnd };
  }

  /**
   * The value after a key's `:` or a sequence's `-` (at `pos`, just past the indicator), in a collection at column
   * `containerIndent`: on the same line, on the following lines, or empty. Leaves `pos` at the next content.
   */
  private valueAfterIndicator(containerIndent: number, inMap: boolean, depth: number, commentBefore: boolean): SyntaxNode {
    const text = this.text;
    this.skipSpaces();
    let tag: string | undefined;
    if (text.charCodeAt(this.pos) === EXCLAMATION) {
      tag = this.tag();
      if (!this.atLineEnd() && text.charCodeAt(this.pos) !== SPACE) decline();
      this.skipSpaces();
    }
    const code = text.charCodeAt(this.pos);
    if (code === HASH || this.atLineEnd()) return this.valueBelow(containerIndent, inMap, tag, depth, commentBefore);
    if (code === PIPE || code === GREATER) return this.blockScalar(containerIndent, tag);
    if (code === OPEN_BRACKET || code === OPEN_BRACE) return this.flowValue(containerIndent, tag, depth + 1);
    if (code === DASH && isEmpty(text.charCodeAt(this.pos + 1))) {
      // `- - x`: a sequence in a sequence, on the same line; the library wants a line break after a tag here.
      if (inMap || tag) decline();
      return this.blockSequence(this.pos - this.lineStart, undefined, depth + 1);
    }
    const column = this.pos - this.lineStart;
    const scalar = this.scalarStartingLine(containerIndent + 1);
    if (this.scannedIsKey) {
      // `- key: value`: a map in a sequence, on the same line.
      if (inMap || tag) decline();
      return this.blockMap(column, scalar, undefined, depth + 1);
    }
    return this.scalarValue(scalar, tag, containerIndent);
  }

  /**
   * Nothing after the indicator on its line (a comment at most): the value is the block collection or scalar on the
   * next content line when that is indented further (a sequence may also sit at its key's column), else empty.
   */
  private valueBelow(containerIndent: number, inMap: boolean, tag: string | undefined, depth: number, commentBefore: boolean): SyntaxNode {
    const text = this.text;
    // The library puts an empty value after the indicator or tag and the spaces that follow them.
    const emptyAt = this.pos;
    let hasComment = commentBefore;
    if (text.charCodeAt(this.pos) === HASH) {
      hasComment = true;
      this.skipComment();
    }
    this.skipLineBreak();
    this.skipToContent(-1, false);
    hasComment ||= this.floatingCommentIndent >= 0;
    this.floating = false;
    const indent = this.nextIndent;
    const below =
      indent > containerIndent ||
      (inMap && indent === containerIndent && text.charCodeAt(this.pos) === DASH && isEmpty(text.charCodeAt(this.pos + 1)));
    if (below) return this.contentOnItsOwnLine(indent, containerIndent, inMap, tag, depth + 1, hasComment);
    // An empty value: its range ends where the comments after the indicator end, if there are any.
    this.outerEnd = hasComment ? this.pos : emptyAt;
    return tag ? { kind: 'scalar', value: '', start: emptyAt, end: emptyAt, tag } : { kind: 'scalar', value: null, start: emptyAt, end: emptyAt };
  }

  /** A plain or quoted scalar value (a tag keeps it a string), then the rest of its line and the lines up to the next content. */
  private scalarValue(scalar: ScalarNode, tag: string | undefined, containerIndent: number): SyntaxNode {
    const node: ScalarNode = tag ? { kind: 'scalar', value: this.scannedText, start: scalar.start, end: scalar.end, tag } : scalar;
    this.outerEnd = this.valueLineEnd(containerIndent);
    return node;
  }

  /** The rest of a value's line (spaces, a comment), then the lines up to the next content; returns the outer end. */
  private valueLineEnd(containerIndent: number): number {
    const text = this.text;
    const before = this.pos;
    this.skipSpaces();
    if (text.charCodeAt(this.pos) === HASH) {
      if (this.pos === before) decline(); // a comment needs a space before it
      this.skipComment();
    }
    this.skipLineBreak();
    return this.skipToContent(containerIndent, true);
  }

  // ---- Scalars ----------------------------------------------------------------------------------------------------

  /**
   * A plain or quoted scalar at `pos`, in block context, and whether it is a key: followed on its own line by `:` and
   * a space or line break (`pos` is then past the `:`). `indentNext` is the column continuation lines need.
   */
  private scalarStartingLine(indentNext: number): ScalarNode {
    const text = this.text;
    const start = this.pos;
    const code = text.charCodeAt(start);
    if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) {
      const end = this.quotedEnd(start, indentNext);
      const source = text.slice(start, end);
      const value = code === DOUBLE_QUOTE ? doubleQuotedValue(source) : singleQuotedValue(source);
      this.scannedText = value;
      this.pos = end;
      let p = end;
      while (text.charCodeAt(p) === SPACE) p++;
      this.scannedIsKey = text.charCodeAt(p) === COLON && isEmpty(text.charCodeAt(p + 1));
      if (this.scannedIsKey) {
        if (this.quotedMultiLine) decline(); // the library wants an implicit key on one line
        this.pos = p + 1;
      }
      return { kind: 'scalar', value, start, end };
    }
    if (!startsPlainScalar(code, text.charCodeAt(start + 1), false)) decline();
    const end = this.plainEnd(start, indentNext, false);
    const source = text.slice(start, end);
    const value = this.plainMultiLine ? unfoldLines(source) : source;
    this.scannedText = value;
    this.scannedIsKey = this.plainStoppedAtColon;
    if (this.scannedIsKey) {
      if (this.plainMultiLine) decline(); // the library wants an implicit key on one line
      this.pos = this.plainStop + 1;
    } else {
      this.pos = end;
    }
    return { kind: 'scalar', value: resolvePlain(value), start, end };
  }

  /**
   * Where a plain scalar starting at `start` ends, as the lexer scans it: at `: ` (or `:` before a flow indicator in
   * a flow), at ` #`, at a flow indicator in a flow, or before a line indented less than `indentNext`.
   */
  private plainEnd(start: number, indentNext: number, inFlow: boolean): number {
    const text = this.text;
    let end = start - 1;
    let i = start - 1;
    let firstLineBreak = -1;
    let stoppedAtColon = false;
    while (++i < text.length) {
      let code = text.charCodeAt(i);
      if (code === COLON) {
        const next = text.charCodeAt(i + 1);
        if (isEmpty(next) || (inFlow && isFlowIndicator(next))) {
          stoppedAtColon = true;
          break;
        }
        end = i;
      } else if (code === SPACE || code === LF || code === CR) {
        let next = text.charCodeAt(i + 1);
        if (code === CR) {
          i++;
          code = LF;
          next = text.charCodeAt(i + 1);
        }
        if (next === HASH || (inFlow && isFlowIndicator(next))) break;
        if (code === LF) {
          if (firstLineBreak < 0) firstLineBreak = i;
          const continued = continuedLine(text, i + 1, indentNext);
          if (continued < 0) break;
          i = Math.max(i, continued - 2);
        }
      } else if (code === TAB) {
        decline();
      } else {
        if (inFlow && isFlowIndicator(code)) break;
        end = i;
      }
    }
    this.plainStop = i;
    this.plainStoppedAtColon = stoppedAtColon;
    this.plainMultiLine = firstLineBreak >= 0 && firstLineBreak < end;
    return end + 1;
  }

  /**
   * The end (past the closing quote) of the quoted scalar at `start`, and whether it spans lines; declined when
   * unterminated or when a line in it is indented less than `indentNext`.
   */
  private quotedEnd(start: number, indentNext: number): number {
    const text = this.text;
    const quote = text.charCodeAt(start);
    let close: number;
    if (quote === SINGLE_QUOTE) {
      close = text.indexOf("'", start + 1);
      while (close !== -1 && text.charCodeAt(close + 1) === SINGLE_QUOTE) close = text.indexOf("'", close + 2);
    } else {
      close = text.indexOf('"', start + 1);
      while (close !== -1) {
        let backslashes = 0;
        while (text.charCodeAt(close - 1 - backslashes) === BACKSLASH) backslashes++;
        if (backslashes % 2 === 0) break;
        close = text.indexOf('"', close + 1);
      }
    }
    if (close < 0) decline();
    let multiLine = false;
    for (let p = start + 1; p < close; p++) {
      const code = text.charCodeAt(p);
      if (code === LF) {
        multiLine = true;
        if (continuedLine(text, p + 1, indentNext) < 0) decline();
      }
    }
    this.quotedMultiLine = multiLine;
    return close + 1;
  }

  /**
   * A tag at `pos` (`!Name`): one of the CloudFormation tags, or another local tag (a tool's, such as
   * `!Rain::Embed`), which the library keeps on the node as it keeps ours and reports as unresolved; anything else
   * (`!!str`, `!handle!name`, `!<verbatim>`) is declined.
   */
  private tag(): string {
    const text = this.text;
    let p = this.pos + 1;
    while (TAG_CHARACTERS.has(text.charCodeAt(p))) p++;
    const tag = text.slice(this.pos, p);
    if (!KNOWN_TAGS.has(tag)) {
      if (tag.length < 2 || tag.includes('!', 1) || tag.includes('%')) decline();
      this.problems.push({ message: `Unresolved tag: ${tag}`, span: { start: this.pos, end: p } });
    }
    this.pos = p;
    return tag;
  }

  /** A block scalar (`|` or `>` at `pos`) in a collection at column `containerIndent`. */
  private blockScalar(containerIndent: number, tag: string | undefined): SyntaxNode {
    const text = this.text;
    const start = this.pos;
    const header = blockScalarHeader(text, start);
    if (!header) decline();
    this.pos = header.end;
    const before = this.pos;
    this.skipSpaces();
    if (text.charCodeAt(this.pos) === HASH) {
      if (this.pos === before) decline();
      this.skipComment();
    }
    this.skipLineBreak();
    const contentStart = this.pos;
    const contentEnd = blockScalarEnd(text, contentStart, containerIndent + 1, header);
    const value = blockScalarValue(text.slice(contentStart, contentEnd), containerIndent, header);
    this.pos = contentEnd;
    this.outerEnd = this.skipToContent(containerIndent, false);
    return tag ? { kind: 'scalar', value, start, end: contentEnd, tag } : { kind: 'scalar', value, start, end: contentEnd };
  }

  // ---- Flow collections -------------------------------------------------------------------------------------------

  /** A flow collection as a block value: the collection, then the rest of its line. */
  private flowValue(containerIndent: number, tag: string | undefined, depth: number): SyntaxNode {
    const node = this.flowCollection(containerIndent + 1, tag, depth, true);
    const code = this.text.charCodeAt(this.pos);
    if (code !== SPACE && code !== HASH && !this.atLineEnd()) decline();
    this.outerEnd = this.valueLineEnd(containerIndent);
    return node;
  }

  /** The flow collection at `pos`. Lines inside it must be indented to `indentNext` (its closing bracket one less). */
  private flowCollection(indentNext: number, tag: string | undefined, depth: number, outermost: boolean): SyntaxNode {
    if (depth > MAX_FAST_DEPTH) decline();
    const text = this.text;
    const start = this.pos;
    const isMap = text.charCodeAt(start) === OPEN_BRACE;
    const close = isMap ? CLOSE_BRACE : CLOSE_BRACKET;
    const items: SyntaxNode[] = [];
    const entries: MapEntry[] = [];
    const seen = new Set<string>();
    this.pos++;
    for (;;) {
      this.skipFlowSpace(indentNext, outermost);
      if (text.charCodeAt(this.pos) === close) break;
      const item = this.flowItem(indentNext, depth);
      if (isMap) {
        if (!this.flowItemIsKey) decline(); // `{a}`: a key with no value
        const key = item as ScalarNode;
        const name = String(key.value);
        if (seen.has(name)) decline();
        seen.add(name);
        entries.push({ key, value: this.flowPairValue(indentNext, depth, outermost, close) });
      } else if (this.flowItemIsKey) {
        // `[Ref: x]`: a pair in a sequence is a map of one entry.
        if (depth + 1 > MAX_FAST_DEPTH) decline();
        const key = item as ScalarNode;
        const value = this.flowPairValue(indentNext, depth + 1, outermost, close);
        items.push({ kind: 'map', entries: [{ key, value }], start: key.start, end: value.end });
      } else {
        items.push(item);
      }
      this.skipFlowSpace(indentNext, outermost);
      const code = text.charCodeAt(this.pos);
      if (code === close) break;
      if (code !== COMMA) decline();
      this.pos++;
    }
    this.pos++;
    const end = this.pos;
    if (isMap) return tag ? { kind: 'map', entries, start, end, tag } : { kind: 'map', entries, start, end };
    return tag ? { kind: 'seq', items, start, end, tag } : { kind: 'seq', items, start, end };
  }

  /**
   * Spaces, line breaks and comments inside a flow collection. A comment needs a space before it; a line must be
   * indented to `indentNext`, except the outermost collection's closing bracket, one column less.
   */
  private skipFlowSpace(indentNext: number, outermost: boolean): void {
    const text = this.text;
    let spaced = false;
    for (;;) {
      const code = text.charCodeAt(this.pos);
      if (code === SPACE) {
        this.pos++;
        spaced = true;
      } else if (code === LF || code === CR) {
        this.skipLineBreak();
        this.lineStart = this.pos;
        let p = this.pos;
        while (text.charCodeAt(p) === SPACE) p++;
        const first = text.charCodeAt(p);
        const indent = p - this.pos;
        this.pos = p;
        // A comment at column 0 after a nested collection or a pair's value counts as unspaced: the library's line
        // break went to that node.
        spaced = indent > 0;
        if (first === LF || first === CR || first === HASH || p >= text.length) continue;
        if (indent === 0 && (this.isDocumentMarker(p, DASH) || this.isDocumentMarker(p, DOT))) decline();
        if (indent < indentNext && !(outermost && indent === indentNext - 1 && (first === CLOSE_BRACKET || first === CLOSE_BRACE))) decline();
      } else if (code === HASH) {
        if (!spaced) decline();
        this.skipComment();
      } else if (code === TAB || this.pos >= text.length) {
        decline();
      } else {
        return;
      }
    }
  }

  /** The value after a flow pair's `:` (`pos` is past it), in a collection at `depth` closed by `close`. */
  private flowPairValue(indentNext: number, depth: number, outermost: boolean, close: number): SyntaxNode {
    this.skipFlowSpace(indentNext, outermost);
    const code = this.text.charCodeAt(this.pos);
    if (code === COMMA || code === close) decline(); // an empty value
    const value = this.flowItem(indentNext, depth);
    if (this.flowItemIsKey) decline();
    return value;
  }

  /**
   * An item of a flow collection at `depth`: a (tagged) scalar or collection, and whether it is a key: an untagged
   * scalar followed at once by `:` (`pos` is then past the `:`).
   */
  private flowItem(indentNext: number, depth: number): SyntaxNode {
    const text = this.text;
    let tag: string | undefined;
    if (text.charCodeAt(this.pos) === EXCLAMATION) {
      tag = this.tag();
      if (text.charCodeAt(this.pos) !== SPACE) decline();
      while (text.charCodeAt(this.pos) === SPACE) this.pos++;
    }
    const start = this.pos;
    const code = text.charCodeAt(start);
    let node: SyntaxNode;
    let isKey: boolean;
    let multiLine = false;
    if (code === OPEN_BRACKET || code === OPEN_BRACE) {
      node = this.flowCollection(indentNext, tag, depth + 1, false);
      isKey = text.charCodeAt(this.pos) === COLON;
    } else if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) {
      const end = this.quotedEnd(start, indentNext);
      multiLine = this.quotedMultiLine;
      const source = text.slice(start, end);
      const value = code === DOUBLE_QUOTE ? doubleQuotedValue(source) : singleQuotedValue(source);
      node = tag ? { kind: 'scalar', value, start, end, tag } : { kind: 'scalar', value, start, end };
      // After a quoted scalar, `:` is the value indicator whatever follows it.
      isKey = text.charCodeAt(end) === COLON;
      this.pos = isKey ? end + 1 : end;
    } else {
      if (!startsPlainScalar(code, text.charCodeAt(start + 1), true)) decline();
      const end = this.plainEnd(start, indentNext, true);
      // `a : b`: a key spaced from its indicator.
      if (this.plainStoppedAtColon && this.plainStop !== end) decline();
      isKey = this.plainStoppedAtColon;
      this.pos = isKey ? this.plainStop + 1 : end;
      multiLine = this.plainMultiLine;
      const source = text.slice(start, end);
      const value = multiLine ? unfoldLines(source) : source;
      node = tag ? { kind: 'scalar', value, start, end, tag } : { kind: 'scalar', value: resolvePlain(value), start, end };
    }
    // Only a plain or quoted scalar, untagged, on one line, may be a key here.
    if (isKey && (node.kind !== 'scalar' || tag || multiLine)) decline();
    this.flowItemIsKey = isKey;
    return node;
  }
}

/**
 * The lexer's continueScalar: where a line starting at `offset` continues a scalar (its first non-space, or its line
 * break when blank), or -1 when it is indented less than `indentNext`.
 */
function continuedLine(text: string, offset: number, indentNext: number): number {
  let indent = 0;
  let code = text.charCodeAt(offset);
  while (code === SPACE) code = text.charCodeAt(++indent + offset);
  if (code === CR && text.charCodeAt(offset + indent + 1) === LF) return offset + indent + 1;
  return code === LF || indent >= indentNext ? offset + indent : -1;
}

/** Whether a plain scalar may start with `code` (followed by `next`); other starts are indicators or errors. */
function startsPlainScalar(code: number, next: number, inFlow: boolean): boolean {
  switch (code) {
    case DASH:
    case QUESTION:
    case COLON:
      return !isEmpty(next) && !(inFlow && isFlowIndicator(next));
    case HASH:
    case OPEN_BRACKET:
    case CLOSE_BRACKET:
    case OPEN_BRACE:
    case CLOSE_BRACE:
    case COMMA:
    case ASTERISK:
    case AMPERSAND:
    case EXCLAMATION:
    case PIPE:
    case GREATER:
    case PERCENT:
    case AT:
    case BACKTICK:
    case DOUBLE_QUOTE:
    case SINGLE_QUOTE:
    case SPACE:
    case TAB:
    case LF:
    case CR:
      return false;
    default:
      return !Number.isNaN(code);
  }
}

// ---- Scalar values (ported from yaml/dist/compose/resolve-flow-scalar.js and resolve-block-scalar.js) ------------

const NULL_PATTERN = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL_PATTERN = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const OCTAL_PATTERN = /^0o[0-7]+$/;
const INT_PATTERN = /^[-+]?[0-9]+$/;
const HEX_PATTERN = /^0x[0-9a-fA-F]+$/;
const NAN_PATTERN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const EXP_PATTERN = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT_PATTERN = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** A plain scalar's value under the YAML 1.2 core schema, tested in the library's order. */
function resolvePlain(source: string): string | number | boolean | null {
  const first = source.charCodeAt(0);
  // Only these first characters can start a null, a boolean or a number: the rest are strings, without a regex.
  if (!(first <= 57 /* 9 */ || first === 126 /* ~ */ || first === 110 /* n */ || first === 78 /* N */ || first === 116 /* t */ || first === 84 /* T */ || first === 102 /* f */ || first === 70 /* F */)) {
    return source;
  }
  if (NULL_PATTERN.test(source)) return null;
  if (BOOL_PATTERN.test(source)) return first === 116 || first === 84;
  if (OCTAL_PATTERN.test(source)) return parseInt(source.substring(2), 8);
  if (INT_PATTERN.test(source)) return parseInt(source, 10);
  if (HEX_PATTERN.test(source)) return parseInt(source.substring(2), 16);
  if (NAN_PATTERN.test(source)) return source.slice(-3).toLowerCase() === 'nan' ? NaN : first === DASH ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (EXP_PATTERN.test(source) || FLOAT_PATTERN.test(source)) return parseFloat(source);
  return source;
}

/** Folds a multi-line plain or single-quoted scalar's lines: one line break to a space, more to one less. */
function unfoldLines(source: string): string {
  const line = /(.*?)\r?\n/sy;
  let match = line.exec(source);
  if (!match) return source;
  let result = match[1]!.replace(/(?<![ \t])[ \t]+$/, '');
  let separator = ' ';
  let pos = line.lastIndex;
  while ((match = line.exec(source))) {
    const trimmed = match[1]!.replace(/^[ \t]+|(?<![ \t])[ \t]+$/g, '');
    if (trimmed === '') {
      if (separator === '\n') result += separator;
      else separator = '\n';
    } else {
      result += separator + trimmed;
      separator = ' ';
    }
    pos = line.lastIndex;
  }
  const last = /[ \t]*(.*)/sy;
  last.lastIndex = pos;
  match = last.exec(source);
  return result + separator + (match?.[1] ?? '');
}

function singleQuotedValue(source: string): string {
  const inner = source.slice(1, -1);
  return (inner.includes('\n') ? unfoldLines(inner) : inner).replace(/''/g, "'");
}

const ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', N: '\u0085', _: '\u00a0',
  L: '\u2028', P: '\u2029', ' ': ' ', '"': '"', '/': '/', '\\': '\\', '\t': '\t',
};

/** A double-quoted scalar's value: escapes resolved, line breaks folded; an invalid escape is declined. */
function doubleQuotedValue(source: string): string {
  if (!source.includes('\\') && !source.includes('\n')) return source.slice(1, -1);
  let result = '';
  for (let i = 1; i < source.length - 1; ++i) {
    const ch = source[i]!;
    if (ch === '\r' && source[i + 1] === '\n') continue;
    if (ch === '\n') {
      let fold = '';
      let next = source[i + 1];
      while (next === ' ' || next === '\t' || next === '\n' || next === '\r') {
        if (next === '\r' && source[i + 2] !== '\n') break;
        if (next === '\n') fold += '\n';
        i += 1;
        next = source[i + 1];
      }
      result += fold || ' ';
    } else if (ch === '\\') {
      let next = source[++i]!;
      const escaped = ESCAPES[next];
      if (escaped) result += escaped;
      else if (next === '\n') {
        // An escaped line break joins the lines; the next line's indentation goes.
        next = source[i + 1]!;
        while (next === ' ' || next === '\t') next = source[++i + 1]!;
      } else if (next === '\r' && source[i + 1] === '\n') {
        next = source[++i + 1]!;
        while (next === ' ' || next === '\t') next = source[++i + 1]!;
      } else if (next === 'x' || next === 'u' || next === 'U') {
        const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
        const digits = source.substr(i + 1, length);
        if (digits.length !== length || !/^[0-9a-fA-F]+$/.test(digits)) decline();
        const code = parseInt(digits, 16);
        if (code > 0x10ffff) decline();
        result += String.fromCodePoint(code);
        i += length;
      } else {
        decline();
      }
    } else if (ch === ' ' || ch === '\t') {
      // Spaces before a line break go.
      const spaceStart = i;
      let next = source[i + 1];
      while (next === ' ' || next === '\t') next = source[++i + 1];
      if (next !== '\n' && !(next === '\r' && source[i + 2] === '\n')) result += i > spaceStart ? source.slice(spaceStart, i + 1) : ch;
    } else {
      result += ch;
    }
  }
  return result;
}

interface BlockScalarHeader {
  readonly folded: boolean;
  /** The indentation indicator (1-9), or 0 when absent. */
  readonly indent: number;
  readonly chomp: '' | '-' | '+';
  /** Where the header's indicators end. */
  readonly end: number;
}

/** The header at `start` (`|`, `>-`, `|2+`…): at most one chomping and one indentation indicator, else undefined. */
function blockScalarHeader(text: string, start: number): BlockScalarHeader | undefined {
  let indent = 0;
  let chomp: '' | '-' | '+' = '';
  let p = start + 1;
  for (;;) {
    const code = text.charCodeAt(p);
    if (isEmpty(code) || code === HASH) break;
    if ((code === DASH || code === 43 /* + */) && !chomp) chomp = code === DASH ? '-' : '+';
    else if (code >= 49 && code <= 57 && !indent) indent = code - 48;
    else return undefined;
    p++;
  }
  return { folded: text.charCodeAt(start) === GREATER, indent, chomp, end: p };
}

/**
 * Where a block scalar's content (starting at the line `start`) ends, as the lexer finds it: past the last line
 * indented enough, trailing blank lines dropped unless kept (`+`). `indentNext` is its collection's column plus one.
 */
function blockScalarEnd(text: string, start: number, indentNext: number, header: BlockScalarHeader): number {
  let lineBreak = start - 1;
  // The indentation of the first line that is not blank.
  let indent = 0;
  for (let i = start; i < text.length; ++i) {
    const code = text.charCodeAt(i);
    if (code === SPACE) indent += 1;
    else if (code === LF) {
      lineBreak = i;
      indent = 0;
    } else if (!(code === CR && text.charCodeAt(i + 1) === LF)) break;
  }
  if (indent >= indentNext) {
    const contentIndent = header.indent ? header.indent - 1 + indentNext : indent;
    do {
      const continued = continuedLine(text, lineBreak + 1, contentIndent);
      if (continued < 0) break;
      lineBreak = text.indexOf('\n', continued);
    } while (lineBreak !== -1);
    if (lineBreak === -1) lineBreak = text.length;
  }
  // A tab after the content would be taken in by the lexer, to be reported: the library's business.
  let next = lineBreak + 1;
  while (text.charCodeAt(next) === SPACE) next++;
  if (text.charCodeAt(next) === TAB) decline();
  if (header.chomp !== '+') {
    for (;;) {
      let j = lineBreak - 1;
      let code = text.charCodeAt(j);
      if (code === CR) code = text.charCodeAt(--j);
      const lastCharacter = j;
      while (code === SPACE) code = text.charCodeAt(--j);
      // Drop a trailing line of spaces that is not more indented than the content.
      if (code === LF && j >= start && j + 1 + indent > lastCharacter) lineBreak = j;
      else break;
    }
  }
  return Math.min(lineBreak + 1, text.length);
}

/** A block scalar's value from its content lines, as resolve-block-scalar.js computes it; its errors are declined. */
function blockScalarValue(source: string, parentIndent: number, header: BlockScalarHeader): string {
  const lines = splitBlockLines(source);
  let chompStart = lines.length;
  for (let i = lines.length - 1; i >= 0; --i) {
    const content = lines[i]![1];
    if (content === '' || content === '\r') chompStart = i;
    else break;
  }
  if (chompStart === 0) return header.chomp === '+' && lines.length > 0 ? '\n'.repeat(Math.max(1, lines.length - 1)) : '';
  let trimIndent = parentIndent + header.indent;
  let contentStart = 0;
  for (let i = 0; i < chompStart; ++i) {
    const [indent, content] = lines[i]!;
    if (content === '' || content === '\r') {
      if (header.indent === 0 && indent.length > trimIndent) trimIndent = indent.length;
    } else {
      if (indent.length < trimIndent) decline(); // more-indented leading empty lines without an indicator
      if (header.indent === 0) trimIndent = indent.length;
      contentStart = i;
      if (trimIndent === 0) decline(); // not indented, in a collection
      break;
    }
  }
  for (let i = lines.length - 1; i >= chompStart; --i) {
    if (lines[i]![0].length > trimIndent) chompStart = i + 1;
  }
  let value = '';
  let separator = '';
  let previousMoreIndented = false;
  for (let i = 0; i < contentStart; ++i) value += lines[i]![0].slice(trimIndent) + '\n';
  for (let i = contentStart; i < chompStart; ++i) {
    const [indent, raw] = lines[i]!;
    const content = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (content && indent.length < trimIndent) decline(); // less indented than the first line
    if (!header.folded) {
      value += separator + indent.slice(trimIndent) + content;
      separator = '\n';
    } else if (indent.length > trimIndent || content[0] === '\t') {
      if (separator === ' ') separator = '\n';
      else if (!previousMoreIndented && separator === '\n') separator = '\n\n';
      value += separator + indent.slice(trimIndent) + content;
      separator = '\n';
      previousMoreIndented = true;
    } else if (content === '') {
      if (separator === '\n') value += '\n';
      else separator = '\n';
    } else {
      value += separator + content;
      separator = ' ';
      previousMoreIndented = false;
    }
  }
  if (header.chomp === '+') {
    for (let i = chompStart; i < lines.length; ++i) value += '\n' + lines[i]![0].slice(trimIndent);
    if (!value.endsWith('\n')) value += '\n';
  } else if (header.chomp === '') {
    value += '\n';
  }
  return value;
}

/** A block scalar's lines as [indentation, rest]. */
function splitBlockLines(source: string): [string, string][] {
  if (!source) return [];
  const split = source.split(/\n( *)/);
  const first = split[0]!;
  const leading = /^( *)/.exec(first)![1]!;
  const lines: [string, string][] = [[leading, first.slice(leading.length)]];
  for (let i = 1; i < split.length; i += 2) lines.push([split[i]!, split[i + 1]!]);
  return lines;
}
