import * as assert from 'node:assert/strict';
import { parseJson } from '../../../src/core/syntax/json';
import { LineIndex } from '../../../src/core/syntax/lineIndex';
import { getValue, isMap } from '../../../src/core/syntax/tree';
import type { SyntaxNode } from '../../../src/core/syntax/tree';
import { INTRINSIC_TAGS, parseYaml } from '../../../src/core/syntax/yaml';
import { slice } from '../helpers';

function at(root: SyntaxNode | null, ...keys: string[]): SyntaxNode | null | undefined {
  let node: SyntaxNode | null | undefined = root;
  for (const key of keys) node = isMap(node) ? getValue(node, key) : undefined;
  return node;
}

describe('YAML parser', () => {
  it('gives exact spans for keys and values', () => {
    const text = 'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n';
    const { root, problems } = parseYaml(text);
    assert.deepEqual(problems, []);
    const type = at(root, 'Resources', 'Bucket', 'Type')!;
    assert.equal(slice(text, type), 'AWS::S3::Bucket');
    assert.deepEqual(new LineIndex(text).rangeOf(type), { start: { line: 2, character: 10 }, end: { line: 2, character: 25 } });
  });

  it('accepts every CloudFormation short-form tag on scalars, lists and maps without a warning', () => {
    const lines = INTRINSIC_TAGS.flatMap((tag) => [
      `  S${tag}: !${tag} value`,
      `  L${tag}: !${tag} [a, b]`,
      `  M${tag}: !${tag} {a: b}`,
    ]);
    const text = `Values:\n${lines.join('\n')}\n`;
    const { root, problems } = parseYaml(text);
    assert.deepEqual(problems, []);
    const values = at(root, 'Values');
    assert.ok(isMap(values));
    assert.equal(values.entries.length, INTRINSIC_TAGS.length * 3);
    const getAtt = at(root, 'Values', 'SGetAtt')!;
    assert.equal(getAtt.tag, '!GetAtt');
    assert.equal(getAtt.kind, 'scalar');
    assert.equal(at(root, 'Values', 'LIf')!.kind, 'seq');
    assert.equal(at(root, 'Values', 'MSub')!.kind, 'map');
  });

  it('reports invalid YAML and still returns what parsed', () => {
    const text = 'Resources:\n  A:\n    Type: AWS::S3::Bucket\n  B: [unclosed\n';
    const { root, problems } = parseYaml(text);
    assert.ok(problems.length > 0);
    assert.equal(slice(text, at(root, 'Resources', 'A', 'Type')!), 'AWS::S3::Bucket');
  });

  it('reports duplicate keys with the position of the repeated key', () => {
    const text = 'A: 1\nB: 2\nA: 3\n';
    const { problems } = parseYaml(text);
    assert.equal(problems.length, 1);
    assert.match(problems[0]!.message, /Duplicate key 'A'/);
    assert.equal(problems[0]!.span.start, 10);
  });

  it('keeps an alias bomb linear: aliases share the converted node', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(',')}]`);
    }
    const started = Date.now();
    const { root } = parseYaml(`${levels.join('\n')}\n`);
    assert.ok(isMap(root));
    assert.ok(Date.now() - started < 5000, 'alias expansion must not be exponential');
  });

  it('reports an alias that refers to its own ancestor instead of looping', () => {
    const { root, problems } = parseYaml('a: &x\n  - *x\n');
    assert.ok(isMap(root));
    assert.ok(problems.some((p) => /contains it/.test(p.message)));
  });
});

describe('JSON parser', () => {
  it('gives exact spans, including after escapes', () => {
    const text = '{\n  "Resources": {\n    "B\\u0041": { "Type": "AWS::S3::Bucket" }\n  }\n}';
    const { root, problems } = parseJson(text);
    assert.deepEqual(problems, []);
    const type = at(root, 'Resources', 'BA', 'Type')!;
    assert.equal(slice(text, type), '"AWS::S3::Bucket"');
    assert.deepEqual(new LineIndex(text).rangeOf(type).start, { line: 2, character: 25 });
  });

  it('parses numbers, booleans, null, nested arrays', () => {
    const { root, problems } = parseJson('{"a": [1, -2.5e3, true, false, null, {"b": []}]}');
    assert.deepEqual(problems, []);
    const a = at(root, 'a');
    assert.equal(a?.kind, 'seq');
    if (a?.kind !== 'seq') return;
    assert.deepEqual(a.items.slice(0, 5).map((n) => (n.kind === 'scalar' ? n.value : undefined)), [1, -2500, true, false, null]);
  });

  it('recovers from a missing comma, a trailing comma and a cut-off end', () => {
    const text = '{"Resources": {"A": {"Type": "AWS::S3::Bucket"} "B": {"Type": "AWS::SQS::Queue",}, "C": {"Type": "AWS::SNS::To';
    const { root, problems } = parseJson(text);
    assert.ok(problems.length >= 3, problems.map((p) => p.message).join('; '));
    assert.equal((at(root, 'Resources', 'A', 'Type') as { value: unknown }).value, 'AWS::S3::Bucket');
    assert.equal((at(root, 'Resources', 'B', 'Type') as { value: unknown }).value, 'AWS::SQS::Queue');
  });

  it('skips a BOM and reports comments and duplicate keys', () => {
    const text = '\uFEFF{ // note\n "a": 1, "a": 2 }';
    const { root, problems } = parseJson(text);
    assert.ok(isMap(root));
    assert.deepEqual(problems.map((p) => p.message), ['Comments are not allowed in JSON', "Duplicate key 'a'"]);
    assert.equal((at(root, 'a') as { value: unknown }).value, 2);
  });

  it('bounds nesting depth instead of overflowing the stack', () => {
    const text = `${'['.repeat(100000)}${']'.repeat(100000)}`;
    const { problems } = parseJson(text);
    assert.ok(problems.some((p) => /Nested too deeply at line 1/.test(p.message)));
  });
});

describe('LineIndex', () => {
  it('handles CRLF, lone CR and LF alike', () => {
    const index = new LineIndex('a\r\nb\rc\nd');
    assert.deepEqual(index.positionAt(3), { line: 1, character: 0 });
    assert.deepEqual(index.positionAt(5), { line: 2, character: 0 });
    assert.deepEqual(index.positionAt(7), { line: 3, character: 0 });
    assert.equal(index.offsetAt({ line: 2, character: 1 }), 6);
    assert.equal(index.lineCount, 4);
  });

  it('answers the same whichever question comes first (the lines are found on first use)', () => {
    const text = 'a\nbb\r\n\nccc';
    const questions = [
      (index: LineIndex) => index.positionAt(7),
      (index: LineIndex) => index.offsetAt({ line: 3, character: 2 }),
      (index: LineIndex) => index.lineCount,
      (index: LineIndex) => index.rangeOf({ start: 2, end: 9 }),
    ];
    const expected = questions.map((question) => question(new LineIndex(text)));
    assert.deepEqual(expected, [{ line: 3, character: 0 }, 9, 4, { start: { line: 1, character: 0 }, end: { line: 3, character: 2 } }]);
    for (let first = 0; first < questions.length; first++) {
      const index = new LineIndex(text);
      questions[first]!(index);
      assert.deepEqual(questions.map((question) => question(index)), expected);
    }
  });
});
