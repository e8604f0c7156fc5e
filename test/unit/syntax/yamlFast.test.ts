import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { INTRINSIC_TAGS, parseYaml, parseYamlWithLibrary } from '../../../src/core/syntax/yaml';
import { parseYamlFast } from '../../../src/core/syntax/yamlFast';
import { loadFixtures, mutatedFixture, randomYaml } from '../fuzz/inputs';
import { ROOT, skipWithoutShared } from '../helpers';

const CORPUS = join(ROOT, '..', 'shared', 'corpus');

/**
 * Parses `text` with the fast parser and, when it accepts, asserts that the library path builds the same tree
 * (kinds, values and their types, tags, offsets) with the same problems (none, or unresolved local tags). Returns
 * whether the fast parser accepted: a decline is always correct, the library path then runs.
 */
function readsLikeLibrary(text: string, what = JSON.stringify(text), library = parseYamlWithLibrary(text)): boolean {
  const fast = parseYamlFast(text);
  if (!fast) return false;
  assert.deepStrictEqual(fast.problems, library.problems, `${what}: accepted, but the problems differ`);
  assert.deepStrictEqual(fast.root, library.root, `${what}: the trees differ`);
  return true;
}

function* yamlFilesBelow(folder: string): Generator<string> {
  for (const name of readdirSync(folder).sort()) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) yield* yamlFilesBelow(path);
    else if (/\.(ya?ml|template)$/i.test(name)) yield path;
  }
}

/** JSON is parsed by json.ts; a `.template` may be either. */
function isJson(text: string): boolean {
  return /^\uFEFF?\s*[{[]/.test(text);
}

/** Every YAML file below `folder` through both paths; returns how many the library reads cleanly and how many of those the fast parser took. */
function compareFilesBelow(folder: string): { readonly clean: number; readonly accepted: number; readonly declined: string[] } {
  let clean = 0;
  let accepted = 0;
  const declined: string[] = [];
  for (const path of yamlFilesBelow(folder)) {
    const text = readFileSync(path, 'utf8');
    if (isJson(text)) continue;
    const library = parseYamlWithLibrary(text);
    const took = readsLikeLibrary(text, relative(folder, path), library);
    if (library.problems.length > 0) continue;
    clean++;
    if (took) accepted++;
    else declined.push(relative(folder, path));
  }
  return { clean, accepted, declined };
}

describe('fast YAML parser (yamlFast.ts) against the library path', function () {
  this.timeout(120000);

  describe('real templates', () => {
    it('builds the library tree for every YAML fixture it accepts, and accepts every one the library reads cleanly', () => {
      const { clean, accepted, declined } = compareFilesBelow(join(ROOT, 'test', 'fixtures'));
      console.log(`      fixtures: ${accepted} of ${clean} clean YAML files accepted`);
      assert.ok(clean > 300, `${clean} fixtures`);
      assert.deepEqual(declined, []);
    });

    it('builds the library tree for every corpus YAML file it accepts, and accepts at least 99% of the clean ones', function () {
      skipWithoutShared(this, CORPUS);
      const { clean, accepted, declined } = compareFilesBelow(CORPUS);
      console.log(`      corpus: ${accepted} of ${clean} clean YAML files accepted; declined: ${declined.join(', ') || 'none'}`);
      assert.ok(clean > 200, `${clean} corpus files`);
      assert.ok(accepted >= 0.99 * clean, `${accepted} of ${clean} accepted`);
    });
  });

  describe('snippets it must read exactly as the library does', () => {
    const accepted: [string, string][] = [
      ['nulls', 'a: ~\nb: null\nc: Null\nd: NULL\ne: nULL\nf:\n'],
      ['booleans', 'a: true\nb: True\nc: TRUE\nd: tRUE\ne: false\nf: False\ng: FALSE\nh: yes\ni: on\n'],
      ['integers', 'a: 1\nb: -0\nc: +1\nd: 0777\ne: 0o17\nf: 0O17\ng: 0x1F\nh: 0X1F\ni: 1_000\nj: 99999999999999999999\nk: -0x1\n'],
      ['floats', 'a: 1.5\nb: .5\nc: 1.\nd: 1e3\ne: 1E-3\nf: .inf\ng: -.Inf\nh: +.INF\ni: .nan\nj: .NaN\nk: -.nan\nl: 1.0e\nm: -0.0\nn: 12e\no: +.5\n'],
      ['typed keys, compared by their string for duplicates', '1: a\ntrue: b\n~: c\n"1.5": d\n'],
      ['a literal block scalar', 'a: |\n  x\n  y\n'],
      ['a stripped literal block scalar', 'a: |-\n  x\n\n'],
      ['a kept literal block scalar, before another key', 'a: |+\n  x\n\n\nb: 1\n'],
      ['a folded block scalar with a paragraph', 'a: >\n  x\n  y\n\n  z\n'],
      ['a stripped folded block scalar with a more-indented line', 'a: >-\n  x\n   more\n  y\n'],
      ['a kept folded block scalar', 'a: >+\n  x\n\n'],
      ['an indentation indicator', 'a: |2\n    x\n  y\n'],
      ['an indentation and a chomping indicator', 'a: |2-\n   x\n'],
      ['block scalars in a sequence', '- |\n  x\n- >\n  y\n'],
      ['a block scalar with a leading blank line', 'a: |\n\n  x\n'],
      ['a block scalar followed by a line of spaces', 'a: |\n  x\n    \nb: 1\n'],
      ['a block scalar header with a comment', 'a: | # c\n  x\n'],
      ['a block scalar at the end of the text, without a line break', 'a: |\n  x'],
      ['an empty block scalar at the end of the text', 'a: |'],
      ['an empty block scalar before a key', 'a: |\nb: 1\n'],
      ['an empty block scalar before the end', 'a: |\n'],
      ['a block scalar with tabs and a comment-like line', 'a: |\n  if x:\n  \treturn # kept\n'],
      ['double-quoted escapes', 'a: "x\\ny\\"\\u00e9\\x41\\t\\\\ \\U0001F600"\n'],
      ['a double-quoted scalar folded over lines', 'a: "line\n  folded\n\n  para"\n'],
      ['an escaped line break', 'a: "esc\\\n  aped"\n'],
      ["a single-quoted ''", "a: 'it''s'\n"],
      ['a single-quoted scalar over lines', "a: 'multi\n  line'\n"],
      ['a multi-line plain scalar', 'a: b\n  c\n  d\n'],
      ['a multi-line plain scalar with a blank line', 'a: b\n\n  c\n'],
      ['comments after values', 'a: value # comment\nb: 1 #c\nc: "q" # c\nd: [x] # c\n'],
      ['a # inside a plain scalar', 'a: v#x\n'],
      ['key:value inside a value, a plain scalar', 'a: key:value\n'],
      ['nested sequences on one line', '- - a\n  - b\n- c\n'],
      ['maps in a sequence with continuation keys', '- key: v\n  k2: w\n- x: 1\n'],
      ['a map in a sequence, spaced', '-   a: 1\n    b: 2\n'],
      ['flow collections, nested and empty', 'a: [b, {c: d, e: [f]}, []]\nb: {}\n'],
      ['a flow sequence over lines', 'a: [\n  b,\n  c\n]\n'],
      ['a flow map over lines', 'a: {\n  b: 1,\n  c: 2\n}\n'],
      ['a trailing comma', 'a: [b, c,]\nb: {c: 1,}\n'],
      ['a comment inside a flow collection', 'a: [b # c\n  , d]\n'],
      ['pairs in a flow sequence', "a: [Ref: x, 'q': y, \"r\":z]\n"],
      ['a tag with nothing after it', 'a: !Ref\n'],
      ['a tag with nothing after it, before a key', 'a: !Ref\nb: 1\n'],
      ['a tag with a comment after it', 'a: !Ref # c\n'],
      ['tags on scalars, sequences and maps', "a: !If [c, !Ref x, !Ref y]\nb: !Sub\n  - '${x}'\n  - x: 1\nc: !GetAtt A.B\nd: !Transform\n  Name: x\n"],
      ['a tag on its own line', 'a:\n  !If\n  - c\n  - 1\nb:\n  !Sub |\n    x\nc:\n  !Ref x\n'],
      ['trailing spaces', 'a: b   \nc:   \nd: e  '],
      ['only comments', '  # only\n# comments\n'],
      ['an empty document', ''],
      ['a document start', '---\na: 1\n'],
      ['a document start with a comment', '--- # c\na: 1\n'],
      ['a byte order mark', '\uFEFFa: 1\n'],
      ['CRLF line breaks', 'a: 1\r\nb:\r\n  - x\r\n  - y # c\r\n  - |\r\n    z\r\n\r\nc: "q\r\n  r"\r\n'],
      ['a sequence at its key’s column', 'a:\n- b\n- c\nd: 1\n'],
      ['comments after a nested map, at each indentation', 'a:\n  b:\n    c: 1\n    # c-level\n  # b-level\n# top\nd: 2\n'],
      ['comments indented past a value, with blank lines', 'a:\n  b: 1\n      # deep\n\n      # deep2\n  # shallow\n      # deep3\nz: 2'],
      ['empty items at the end of a sequence', 'a:\n  - \n  -   \n  - # x\nz: 1'],
      ['empty values at the end of a map', 'a:\n  b:\n  c: # x\nz: 1'],
      ['an empty value before a comment line', 'a:\n  b:\n  c:\n  # x\nz: 1\n'],
      ['comments after a map in a sequence', 'x:\n  - a: 1\n    # inner\n  # outer\ny: 1\n'],
      ['a merge key, a plain key here', '<<: {a: 1}\n'],
      ['every intrinsic tag', INTRINSIC_TAGS.map((tag) => `s${tag}: !${tag} x\nl${tag}: !${tag} [a]\nm${tag}: !${tag} {a: b}\n`).join('')],
      // Another tool's tags (Rain's): kept on the node, each reported as unresolved where it is written.
      ['local tags of another tool', 'a: !Rain::Embed file.txt\nb: !Foo [1, !Bar 2]\nc: !Foo\n  d: 1\ne: !Foo\n- !Foo "x"\n'],
    ];
    for (const [name, text] of accepted) {
      it(name, () => assert.ok(readsLikeLibrary(text), 'declined'));
    }
  });

  describe('snippets it must decline, for the library path', () => {
    const declined: [string, string][] = [
      ['an anchor', 'a: &x 1\n'],
      ['an alias', 'a: &x 1\nb: *x\n'],
      ['a directive', '%YAML 1.2\n---\na: 1\n'],
      ['two documents', 'a: 1\n---\nb: 2\n'],
      ['a document end', 'a: 1\n...\n'],
      ['a document start with nothing after it', '---\n'],
      ['an explicit key', '? a\n: b\n'],
      ['a tab as indentation', 'a:\n\t- b\n'],
      ['a tab before a value', 'a:\tb\n'],
      ['a flow map as a key', '{a}: 1\n'],
      ['a flow sequence as a key', '[a]: 1\n'],
      ['a duplicate key', 'a: 1\na: 2\n'],
      ['keys equal as strings', '1: a\n1.0: b\n'],
      ['a duplicate key in a flow map', 'a: {b: 1, b: 2}\n'],
      ['a tag with a named handle', 'a: !e!x y\n'],
      ['a standard tag', 'a: !!str 1\n'],
      ['a tag glued to a flow sequence', 'a: !Ref[x]\n'],
      ['a tag with no value in a flow', 'a: [!Ref]\n'],
      ['an unterminated double quote', 'a: "x\n'],
      ['an unterminated single quote', "a: 'x\n"],
      ['an unterminated flow sequence', 'a: [x\n'],
      ['an unterminated flow map', 'a: {x: 1\n'],
      ['a map in a compact map', 'a: b: c\n'],
      ['a sequence after a key on its line', 'a: - b\n'],
      ['an invalid escape', 'a: "bad \\q"\n'],
      ['a plain scalar cut by a comment', 'a: b # c\n  d\n'],
      ['a lone scalar', 'key:value\n'],
      ['a lone flow collection', '[a, b]\n'],
      ['a lone carriage return', 'a: 1\rb: 2\n'],
      ['a reserved indicator', 'a: @x\n'],
      ['a key over two lines', 'a\n  b: 1\n'],
      ['a line indented between two levels', 'a:\n    b: 1\n  c: 2\n'],
      ['a block scalar with a more-indented blank first line', 'a: |\n    \n  x\n'],
      ['a flow line indented too little', 'a: [b,\nc]\n'],
    ];
    for (const [name, text] of declined) {
      it(name, () => assert.equal(parseYamlFast(text), undefined));
    }

    it('declines 10,000 nested brackets or dashes without a deep recursion', () => {
      assert.equal(parseYamlFast(`a: ${'['.repeat(10000)}`), undefined);
      assert.equal(parseYamlFast(`a: ${'['.repeat(10000)}1${']'.repeat(10000)}\n`), undefined);
      assert.equal(parseYamlFast(`${'- '.repeat(10000)}x\n`), undefined);
      const keys = Array.from({ length: 10000 }, (_, depth) => `${' '.repeat(depth)}k:`).join('\n');
      assert.equal(parseYamlFast(keys), undefined);
    });

    it('reads nesting up to its bound as the library does', () => {
      const keys = Array.from({ length: 90 }, (_, depth) => `${' '.repeat(depth)}k:`).join('\n');
      assert.ok(readsLikeLibrary(`${keys} x\n`));
      assert.ok(readsLikeLibrary(`a: ${'['.repeat(90)}1${']'.repeat(90)}\n`));
    });
  });

  describe('parseYaml', () => {
    it('gives the library path’s result, problems included, for what the fast parser declines', () => {
      for (const text of ['a: &x [1]\nb: *x\n', 'a: 1\na: 2\n', 'a: [x\n', '? a\n: b\n']) {
        assert.equal(parseYamlFast(text), undefined);
        assert.deepStrictEqual(parseYaml(text), parseYamlWithLibrary(text));
      }
    });

    it('gives the fast parser’s tree for what it accepts', () => {
      const text = 'Resources:\n  B:\n    Type: AWS::S3::Bucket\n';
      assert.deepStrictEqual(parseYaml(text), parseYamlFast(text));
    });
  });

  describe('random texts (property tests, fast-check): whatever it accepts, it reads as the library does', () => {
    it('random CloudFormation YAML: 300 cases', () => {
      fc.assert(fc.property(randomYaml, (input) => void readsLikeLibrary(input.text)), { numRuns: 300 });
    });

    it('mutated YAML fixtures: 300 cases', () => {
      const fixtures = loadFixtures(ROOT).filter((fixture) => /\.ya?ml$/.test(fixture.name));
      fc.assert(fc.property(mutatedFixture(fixtures), (input) => void readsLikeLibrary(input.text)), { numRuns: 300 });
    });

    it('random layouts (indentation, comments, blank lines, empty values, block and flow scalars): 500 cases, many accepted', () => {
      let accepted = 0;
      fc.assert(
        fc.property(layout, (text) => {
          if (readsLikeLibrary(text)) accepted++;
        }),
        { numRuns: 500 },
      );
      console.log(`      ${accepted} of 500 random layouts accepted`);
      // About two in five are accepted (the rest hold a construct outside the subset, or an error).
      assert.ok(accepted > 100, `${accepted} accepted`);
    });
  });
});

// ---- Random layouts ---------------------------------------------------------------------------------------------
// A random tree written out as block YAML with random choices of indentation, compact or spread collections, and
// scalar styles, then random blank and comment lines put in anywhere: the trailing-comment and empty-value offsets
// are where a hand-written parser and the library would part.

type Tree =
  | { readonly kind: 'scalar'; readonly text: string }
  | { readonly kind: 'lines'; readonly first: string; readonly rest: readonly string[] }
  | { readonly kind: 'seq'; readonly items: readonly Tree[]; readonly step: number; readonly compact: boolean; readonly tag: string }
  | { readonly kind: 'map'; readonly entries: readonly (readonly [string, Tree])[]; readonly step: number; readonly compact: boolean; readonly tag: string };

const KEYS = ['Resources', 'Type', 'Properties', 'Key', 'Value', '"Quoted Key"', "'single'", '1', 'true', 'null', 'Fn::If', 'a.b', 'k?', '-dash', 'x y'];
const SCALARS = [
  'AWS::S3::Bucket', 'value with spaces', '1', '-0', '0777', '0x1F', '1_000', '1e3', '.5', '.inf', 'true', 'False', 'yes', '~', 'NULL', '',
  "'it''s'", '"esc \\" \\n \\u00e9 \\x41"', '!Ref Bucket', '!GetAtt Bucket.Arn', '!Sub "${AWS::Region}"', '!Ref', 'http://x.y/z', 'a#b',
  'arn:aws:s3:::bucket/*', '[a, b]', '[]', '{}', '{a: 1, b: [c, d]}', '!If [Cond, !Ref A, !Ref "AWS::NoValue"]', '[Ref: X, "q": y]',
  '[a, [b, [c]], {d: e}]', '# only a comment', 'v # trailing', '*alias', 'a: b', '- x', 'a:b', '-x', '?x', ':x', '"q":y', '"q" # c',
  '[a, "b\\"c", \'d\'\'e\', f g]', '{"a":1, b: !Ref c}', '!Sub\t${x}', '@x', '`x', '|x', '%x', '!!str x', '!Custom x', '&a x',
];
/** Scalars written over several lines: the first line goes after the indicator, the others are indented under it. */
const MULTI_LINE: [string, string[]][] = [
  ['|', ['text', '  more indented', '', 'last']],
  ['|-', ['text', '']],
  ['|+', ['text', '', '']],
  ['>', ['folded', 'line', '', 'para']],
  ['>-', ['x', '   y']],
  ['|2', ['  two', 'one']],
  ['!Sub |', ['${A}', '# not a comment']],
  ['first', ['second part', '', 'third']],
  ['"double', ['quoted', 'over lines"']],
  ["'single", ["quoted'"]],
  ['[', ['a,', 'b']],
  ['{', ['a: 1,', 'b: [c]']],
];

const { tree } = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', maxDepth: 4 },
    fc.constantFrom(...SCALARS).map((text): Tree => ({ kind: 'scalar', text })),
    fc.constantFrom(...MULTI_LINE).map(([first, rest]): Tree => ({ kind: 'lines', first, rest })),
    fc
      .record({ items: fc.array(tie('tree'), { minLength: 1, maxLength: 4 }), step: fc.integer({ min: 1, max: 4 }), compact: fc.boolean(), tag: fc.constantFrom('', '', '!If') })
      .map((seq): Tree => ({ kind: 'seq', ...seq })),
    fc
      .record({
        entries: fc.array(fc.tuple(fc.constantFrom(...KEYS), tie('tree')), { minLength: 1, maxLength: 4 }),
        step: fc.integer({ min: 1, max: 4 }),
        compact: fc.boolean(),
        tag: fc.constantFrom('', '', '!Transform'),
      })
      .map((map): Tree => ({ kind: 'map', ...map })),
  ),
}));

/** The lines of `value` written after `prefix` (`key:` or `-`, with the indentation before it) in a collection at `column`. */
function valueLines(prefix: string, value: Tree, column: number): string[] {
  switch (value.kind) {
    case 'scalar':
      return [value.text ? `${prefix} ${value.text}` : prefix];
    case 'lines': {
      // A flow collection's closing bracket goes back to the collection's column, which the lexer allows.
      const close = value.first === '[' ? [`${' '.repeat(column)}]`] : value.first === '{' ? [`${' '.repeat(column)}}`] : [];
      return [`${prefix} ${value.first}`, ...value.rest.map((line) => (line ? `${' '.repeat(column + 2)}${line}` : '')), ...close];
    }
    case 'seq':
    case 'map': {
      const inSequence = prefix.trimStart() === '-';
      // In a sequence, a collection may start on the dash's line (`- - x`, `- k: v`), two columns in.
      if (inSequence && value.compact && !value.tag) {
        const [first, ...rest] = collectionLines(value, column + 2);
        return [`${prefix} ${first!.trimStart()}`, ...rest];
      }
      // A sequence in a map may sit at its key's column (drawn as a step of 1).
      const at = value.kind === 'seq' && !inSequence && value.step === 1 ? column : column + value.step;
      return [value.tag ? `${prefix} ${value.tag}` : prefix, ...collectionLines(value, at)];
    }
  }
}

function collectionLines(tree: Tree, column: number): string[] {
  const indent = ' '.repeat(column);
  if (tree.kind === 'seq') return tree.items.flatMap((item) => valueLines(`${indent}-`, item, column));
  if (tree.kind === 'map') return tree.entries.flatMap(([key, value]) => valueLines(`${indent}${key}:`, value, column));
  return valueLines(`${indent}value:`, tree, column);
}

/** Blank and comment lines put in after random lines, at random columns. */
const trivia = fc.array(fc.record({ after: fc.nat(), column: fc.nat({ max: 10 }), line: fc.constantFrom('', '   ', '# c', '#', '#\ttab') }), { maxLength: 6 });
/** Comments and spaces added at the end of random lines. */
const endings = fc.array(fc.record({ line: fc.nat(), ending: fc.constantFrom(' # c', '   ', ' #', '\t', '# c') }), { maxLength: 3 });

const layout: fc.Arbitrary<string> = fc
  .record({ root: tree, trivia, endings, start: fc.constantFrom('', '---\n', '# head\n', '\uFEFF'), crlf: fc.boolean(), finalBreak: fc.boolean() })
  .map(({ root, trivia: extra, endings: added, start, crlf, finalBreak }) => {
    const lines = collectionLines(root, 0);
    for (const { line, ending } of added) lines[line % lines.length] += ending;
    for (const { after, column, line } of extra) lines.splice((after % lines.length) + 1, 0, line.startsWith('#') ? `${' '.repeat(column)}${line}` : line);
    const text = start + lines.join('\n') + (finalBreak ? '\n' : '');
    return crlf ? text.replace(/\n/g, '\r\n') : text;
  });
