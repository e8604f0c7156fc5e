import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { HclBlock, HclParser, ParsedHcl } from '../../../src/core/syntax/hcl';
import type { ScalarNode } from '../../../src/core/syntax/tree';
import { hclParser, ROOT, slice } from '../helpers';

/**
 * In a file without syntax errors, the HCL reader reads plain texts (strings, numbers, references, tuples and objects
 * of them, block headers) from the document instead of asking tree-sitter, and finds stray blocks by walking the
 * bodies; in a file with an error it reads everything from the tree and searches it for blocks. An unfinished block
 * appended at the end gives a file an error and leaves the blocks before it as they were: both readings must agree.
 */
const UNFINISHED = '\nresource "aws_sqs_queue" "unfinished" {\n';

function bothReadings(hcl: HclParser, text: string): ParsedHcl {
  const clean = hcl.parse(text);
  assert.deepEqual(clean.problems, [], 'the text itself has no syntax error');
  const withError = hcl.parse(text + UNFINISHED);
  assert.ok(withError.problems.length > 0, 'the appended block is reported unfinished');
  assert.equal(withError.blocks.length, clean.blocks.length + 1);
  assert.deepEqual(withError.blocks.slice(0, -1), clean.blocks);
  return clean;
}

function scalarOf(block: HclBlock, key: string): ScalarNode {
  const value = block.body.entries.find((e) => e.key.value === key)?.value;
  assert.ok(value?.kind === 'scalar', `no scalar attribute ${key}`);
  return value;
}

function tfFilesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return tfFilesUnder(path);
    return name.endsWith('.tf') ? [path] : [];
  });
}

const PLAIN_AND_NEAR_PLAIN = `resource "aws_s3_bucket" "b" {
  enabled     = true
  word        = trueish
  keyword_dot = true.x
  dot_keyword = x.true
  hyphen      = c-d
  colons      = x::y
  hex         = 0x1F
  exponent    = 1.5e3
  leading     = 08
  dollar      = "x$y"
  escaped     = "a\\"b\\n"
  unicode     = "é😀x"
  ref         = var.x.y
  bare        = var
  runtime     = each.value
  other       = aws_kms_key.k.arn
  tuple       = [1, "a", var.y, [true, null],]
  object      = { "k" : 1, k2 = [0x10] k3 = { d = "e" }, }
  in_tuple    = [a-b, x::y, 1.5e3]
  in_object   = { k = a-b, m = x::y n = 1 }
  indexed     = [1][0]
  member      = {a = 1}.a
  commented   = /* c */ "v"
  trailing    = "v" # c
  called      = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow" }] })
  template    = "a-\${var.x}"
  heredoc     = <<EOT
plain
EOT
  else        = 1
  a-b         = 2
  ä           = 3
  multiline = {
    a = 1

    b = [
      "x",
      "y",
    ]
  }
}
resource foo bar {
  x = 1
}
resource"a""b"{ y = 2 }
resource /* c */ "c" "d" {
  # c
  z = 3
  # d
}
dynamic "e" {
  content {}
}
for if "f" {
  in = 1
}
`;

describe('HCL: reading plain texts and walking the blocks, in files without syntax errors', () => {
  let hcl: HclParser;
  before(async () => {
    hcl = await hclParser();
  });

  it('reads plain values, keys and block headers as the tree reads them', () => {
    const { blocks } = bothReadings(hcl, PLAIN_AND_NEAR_PLAIN);
    const [bucket] = blocks;
    assert.ok(bucket);
    const scalar = (key: string) => scalarOf(bucket, key);
    assert.deepEqual(['enabled', 'hex', 'exponent', 'leading', 'escaped'].map((key) => scalar(key).value), [true, 31, 1500, 8, 'a"b\n']);
    assert.deepEqual(
      ['word', 'keyword_dot', 'dot_keyword', 'hyphen', 'colons', 'ref', 'bare', 'runtime', 'other'].map((key) => [scalar(key).tag, scalar(key).value]),
      [['!Expr', 'trueish'], ['!Expr', 'true.x'], ['!GetAtt', 'x.true'], ['!Expr', 'c-d'], ['!Expr', 'x::y'], ['!Ref', 'var.x'], ['!Expr', 'var'], ['!Expr', 'each.value'], ['!GetAtt', 'aws_kms_key.k.arn']],
    );
    assert.equal(scalar('unicode').value, 'é😀x');
    assert.equal(slice(PLAIN_AND_NEAR_PLAIN, scalar('unicode')), 'é😀x', 'spans are offsets into the JS string');
    assert.deepEqual(blocks.map((b) => [b.kind, ...b.labels.map((l) => l.value)]), [['resource', 'aws_s3_bucket', 'b'], ['resource', 'foo', 'bar'], ['resource', 'a', 'b'], ['resource', 'c', 'd'], ['dynamic', 'e'], ['for', 'if', 'f']]);
    for (const label of blocks.flatMap((b) => b.labels)) assert.equal(slice(PLAIN_AND_NEAR_PLAIN, label), label.value);
  });

  it('reads files with Windows line ends as the tree does', () => {
    bothReadings(hcl, PLAIN_AND_NEAR_PLAIN.replace(/\n/g, '\r\n'));
  });

  it('reads stray blocks nested in a block after it, in document order', () => {
    const text = `resource "aws_s3_bucket" "outer" {
  versioning { enabled = true }
  resource "aws_sqs_queue" "inner" {
    data "aws_iam_policy_document" "innermost" {}
  }
  module "m" { source = "./m" }
}
resource "aws_sns_topic" "after" {}
`;
    const { blocks } = bothReadings(hcl, text);
    assert.deepEqual(blocks.map((b) => b.labels.map((l) => l.value).join('.') || b.kind), ['aws_s3_bucket.outer', 'aws_sqs_queue.inner', 'aws_iam_policy_document.innermost', 'm', 'aws_sns_topic.after']);
    assert.deepEqual(blocks[0]!.body.entries.map((e) => e.key.value), ['versioning']);
  });

  it('finds a stray block past the nesting cut-off of a file without errors', () => {
    const depth = 70;
    const text = `resource "aws_s3_bucket" "deep" {\n${'a {\n'.repeat(depth)}resource "aws_sqs_queue" "hidden" {}\n${'}\n'.repeat(depth)}}\n`;
    const parsed = hcl.parse(text);
    assert.deepEqual(parsed.blocks.map((b) => b.labels.map((l) => l.value).join('.')), ['aws_s3_bucket.deep', 'aws_sqs_queue.hidden']);
    assert.equal(parsed.problems.length, 1);
    assert.match(parsed.problems[0]!.message, /^Nested too deeply at line 65:/);
  });

  it('reads every file of the fixtures and examples without errors as the tree reads it', () => {
    let compared = 0;
    for (const file of [...tfFilesUnder(join(ROOT, 'test', 'fixtures')), ...tfFilesUnder(join(ROOT, 'examples'))]) {
      const text = readFileSync(file, 'utf8');
      if (hcl.parse(text).problems.length > 0) continue;
      bothReadings(hcl, text);
      compared++;
    }
    assert.ok(compared > 100, `${compared} files compared`);
  });
});
