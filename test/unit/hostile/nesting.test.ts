import * as assert from 'node:assert/strict';
import { parseJson } from '../../../src/core/syntax/json';
import { parseYaml } from '../../../src/core/syntax/yaml';
import { hclParser } from '../helpers';
import { messages, scanText } from './run';

const DEPTH = 10000;
const TOO_DEEP = /^Nested too deeply at line (\d+): more than 128 levels; the deeper part is not analysed$/;

/** A template whose bucket `Deep` holds `value` at line 7, between two ordinary resources. */
function cfnAround(value: string): string {
  return `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  First:\n    Type: AWS::SQS::Queue\n  Deep:\n    Type: AWS::S3::Bucket\n    Properties:\n${value}\n  Last:\n    Type: AWS::SNS::Topic\n`;
}

/** The one problem of a deep input: nested too deeply, at `line`, and nothing else about it. */
function assertOneDepthProblem(problems: readonly string[], line: number): void {
  const deep = problems.filter((message) => TOO_DEEP.test(message));
  assert.equal(deep.length, 1, problems.join('\n'));
  assert.equal(Number(TOO_DEEP.exec(deep[0]!)![1]), line);
  assert.ok(!problems.some((message) => /call stack|RangeError|Internal error/.test(message)), problems.join('\n'));
}

describe('hostile input: deep nesting gives partial results and one problem', () => {
  const yamlCases: [string, string, number][] = [
    ['flow sequences', `      X: ${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}`, 8],
    ['flow maps', `      X: ${'{a: '.repeat(DEPTH)}1${'}'.repeat(DEPTH)}`, 8],
    ['block sequences', `      X:\n        ${'- '.repeat(DEPTH)}x`, 9],
  ];
  for (const [name, value, line] of yamlCases) {
    it(`YAML: 10,000-deep ${name}`, () => {
      const { template, outputs } = scanText(cfnAround(value), 'deep.yaml');
      assert.deepEqual(template?.resources.map((r) => r.id), ['First', 'Deep', 'Last']);
      assertOneDepthProblem(messages(template), line);
      assert.match(outputs.text, new RegExp(`Nested too deeply at line ${line}`));
    });
  }

  it('YAML: 1,400-deep block maps', () => {
    const lines = Array.from({ length: 1400 }, (_, i) => `${' '.repeat(6 + i)}k${i}:`);
    const { template } = scanText(cfnAround(`${lines.join('\n')}\n${' '.repeat(1406)}v: 1`), 'deep.yaml');
    assert.deepEqual(template?.resources.map((r) => r.id), ['First', 'Deep', 'Last']);
    // The root map is level 1, Resources' 2, Deep's 3, the one holding k0 4: the one holding k125 is 129, line 8 + 125.
    assertOneDepthProblem(messages(template), 133);
  });

  it('YAML: nesting within the limit is kept whole', () => {
    const { root, problems } = parseYaml(`X: ${'['.repeat(100)}1${']'.repeat(100)}`);
    assert.deepEqual(problems, []);
    let node = root?.kind === 'map' ? root.entries[0]!.value : null;
    let depth = 0;
    while (node?.kind === 'seq') {
      node = node.items[0] ?? null;
      depth++;
    }
    assert.equal(depth, 100);
    assert.equal(node?.kind === 'scalar' ? node.value : undefined, 1);
  });

  it('JSON: 10,000-deep arrays and objects', () => {
    for (const value of [`${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}`, `${'{"a":'.repeat(DEPTH)}1${'}'.repeat(DEPTH)}`]) {
      const text = `{"Resources": {"First": {"Type": "AWS::SQS::Queue"},\n"Deep": {"Type": "AWS::S3::Bucket", "Properties": {"X": ${value}}},\n"Last": {"Type": "AWS::SNS::Topic"}}}`;
      const { template } = scanText(text, 'deep.json');
      assert.deepEqual(template?.resources.map((r) => r.id), ['First', 'Deep', 'Last']);
      assertOneDepthProblem(messages(template), 2);
    }
    assertOneDepthProblem(parseJson(`${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}`).problems.map((p) => p.message), 1);
  });

  it('HCL: 10,000-deep blocks and tuples keep the other resources', async () => {
    const hcl = await hclParser();
    const cases = [
      `resource "aws_s3_bucket" "deep" {\n${'a {\n'.repeat(DEPTH)}${'}\n'.repeat(DEPTH)}}`,
      `resource "aws_s3_bucket" "deep" {\n  x = ${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}\n}`,
    ];
    for (const deep of cases) {
      const text = `resource "aws_sqs_queue" "first" {}\n${deep}\nresource "aws_sns_topic" "last" {}\n`;
      const { template } = scanText(text, 'deep.tf', hcl);
      assert.deepEqual(template?.resources.map((r) => r.id), ['aws_sqs_queue.first', 'aws_s3_bucket.deep', 'aws_sns_topic.last']);
      // Blocks: the body is level 1 and each nested block two more (a list of bodies), so the 64th starts too deep.
      assertOneDepthProblem(messages(template), deep.includes('a {') ? 66 : 3);
    }
  });

  it('HCL: 1,000 nested resource blocks are read as 1,000 resources', async () => {
    const text = `${Array.from({ length: 1000 }, (_, i) => `resource "aws_s3_bucket" "b${i}" {\n`).join('')}${'}\n'.repeat(1000)}`;
    const { template } = scanText(text, 'nested.tf', await hclParser());
    assert.equal(template?.resources.length, 1000);
    assert.equal(template?.resources[999]?.id, 'aws_s3_bucket.b999');
  });
});
