import * as assert from 'node:assert/strict';
import { analyzeDocument } from '../../../src/core/analysis/document';
import { renderReportMarkdown } from '../../../src/core/render/reportMarkdown';
import { fileReport } from '../../../src/core/report';
import { findingsOf } from '../../../src/core/rules/engine';
import type { HclParser } from '../../../src/core/syntax/hcl';
import { hclParser, knowledge } from '../helpers';

/** n buckets, each with a suppression comment and a bucket policy that refers to it, and a queue. */
function cloudFormation(n: number): string {
  const resources = Array.from(
    { length: n },
    (_, i) =>
      `  Bucket${i}:\n    # srm-lens:ignore s3-bucket-versioning scratch data\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Sub "b-\${Env}-${i}"\n` +
      `  Policy${i}:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: !Ref Bucket${i}\n      PolicyDocument:\n        Statement:\n          - Effect: Deny\n            Principal: "*"\n            Action: "s3:*"\n            Resource: !Sub "\${Bucket${i}.Arn}/*"\n            Condition: {Bool: {aws:SecureTransport: false}}\n` +
      `  Queue${i}:\n    Type: AWS::SQS::Queue\n`,
  );
  return `AWSTemplateFormatVersion: "2010-09-09"\nParameters:\n  Env:\n    Type: String\nResources:\n${resources.join('')}`;
}

/** n buckets, each with a versioning satellite that refers to it (the lookup that was quadratic) and a queue. */
function terraform(n: number): string {
  return Array.from(
    { length: n },
    (_, i) =>
      `resource "aws_s3_bucket" "b${i}" {\n  bucket = "b-\${var.env}-${i}"\n}\n` +
      `resource "aws_s3_bucket_versioning" "v${i}" {\n  bucket = aws_s3_bucket.b${i}.id\n  versioning_configuration {\n    status = "Enabled"\n  }\n}\n` +
      `resource "aws_sqs_queue" "q${i}" {\n  name = "q${i}"\n}\n`,
  ).join('');
}

/**
 * The time of what a scan does with one file, in ms: the analysis, the rules, and the view of every resource (the
 * hover's, in the JSON report). Wall-clock time of this thread: the process's CPU time would also count the
 * collector's background threads, still sweeping what an earlier run left.
 */
function analysisTime(text: string, fileName: string, hcl: HclParser): number {
  // A collection of what the run before left (test/.mocharc.json exposes gc) would land on this run's time.
  (globalThis as { gc?: () => void }).gc?.();
  const start = performance.now();
  const template = analyzeDocument(text, fileName, hcl)!;
  JSON.stringify(fileReport(knowledge(), fileName, template, findingsOf(knowledge().rules, template, text))); // the duties are counted when read
  return performance.now() - start;
}

const RUNS = 7;

describe('hostile input: analysis is linear in the input', function () {
  // The one timing test of the unit suite, asked for by the issue: a doubling of the input may cost at most 2.5x.
  this.timeout(300000);

  for (const [language, generate, fileName, n] of [
    ['CloudFormation', cloudFormation, 'scale.yaml', 1200],
    ['Terraform', terraform, 'scale.tf', 800],
  ] as const) {
    it(`${language}: n, 2n and 4n resources (the fastest of ${RUNS} runs after a warm-up)`, async () => {
      const hcl = await hclParser();
      const sizes = [n, 2 * n, 4 * n];
      const texts = sizes.map(generate);
      for (const text of texts) analysisTime(text, fileName, hcl); // warm-up: compile the hot paths first
      // Each size's cost is its fastest run: another process or a collection left over from the size before can
      // only add time, so the minimum is the measure that a busy machine disturbs least.
      const fastest = texts.map(() => Infinity);
      for (let run = 0; run < RUNS; run++) {
        texts.forEach((text, i) => (fastest[i] = Math.min(fastest[i]!, analysisTime(text, fileName, hcl))));
      }
      const [t1, t2, t4] = fastest as [number, number, number];
      const summary = sizes.map((size, i) => `${size * 3} resources: ${fastest[i]!.toFixed(0)} ms`).join(', ');
      const doublings = [t2 / t1, t4 / t2];
      console.log(`      ${language}: ${summary}; doublings cost ${doublings.map((d) => `${d.toFixed(2)}x`).join(' and ')}`);
      for (const ratio of doublings) assert.ok(ratio <= 2.5, `a doubling of the input cost ${ratio.toFixed(2)}x (${summary})`);
    });
  }

  it('the Markdown report of 3,500 resources (no spread of an unbounded list into a call)', () => {
    const resources = Array.from({ length: 3500 }, (_, i) => `  Queue${i}:\n    Type: AWS::SQS::Queue\n`).join('');
    const text = `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n${resources}`;
    const template = analyzeDocument(text, 'many.yaml')!;
    const markdown = renderReportMarkdown(knowledge(), [{ path: 'many.yaml', template, findings: findingsOf(knowledge().rules, template, text) }], { generator: 'test' });
    assert.equal(markdown.split('\n').filter((line) => line.startsWith('### Queue')).length, 3500);
  });
});
