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
 * The CPU time of what a scan does with one file, in ms: the analysis, the rules, and the view of every resource (the
 * hover's, in the JSON report). CPU, not wall-clock, so other processes on the machine count less.
 */
function analysisTime(text: string, fileName: string, hcl: HclParser): number {
  const start = process.cpuUsage();
  const template = analyzeDocument(text, fileName, hcl)!;
  JSON.stringify(fileReport(knowledge(), fileName, template, findingsOf(knowledge().rules, template, text))); // the duties are counted when read
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const RUNS = 5;

describe('hostile input: analysis is linear in the input', function () {
  // The one timing test of the unit suite, asked for by the issue: a doubling of the input may cost at most 2.5x.
  this.timeout(300000);

  for (const [language, generate, fileName, n] of [
    ['CloudFormation', cloudFormation, 'scale.yaml', 400],
    ['Terraform', terraform, 'scale.tf', 800],
  ] as const) {
    it(`${language}: n, 2n and 4n resources (median of ${RUNS} runs after a warm-up)`, async () => {
      const hcl = await hclParser();
      const sizes = [n, 2 * n, 4 * n];
      const texts = sizes.map(generate);
      for (const text of texts) analysisTime(text, fileName, hcl); // warm-up: compile the hot paths first
      // Each run times n, 2n and 4n back to back, so that a busy moment of the machine weighs on all three alike,
      // and gives the cost of each doubling; the test takes the median of those ratios over the runs.
      const times = texts.map((): number[] => []);
      const doublings: [number[], number[]] = [[], []];
      for (let run = 0; run < RUNS; run++) {
        const [t1, t2, t4] = texts.map((text) => analysisTime(text, fileName, hcl)) as [number, number, number];
        [t1, t2, t4].forEach((time, i) => times[i]!.push(time));
        doublings[0].push(t2 / t1);
        doublings[1].push(t4 / t2);
      }
      const summary = sizes.map((size, i) => `${size * 3} resources: ${median(times[i]!).toFixed(0)} ms`).join(', ');
      console.log(`      ${language}: ${summary}; doublings cost ${doublings.map((d) => `${median(d).toFixed(2)}x`).join(' and ')}`);
      for (const ratios of doublings) assert.ok(median(ratios) <= 2.5, `a doubling of the input cost ${median(ratios).toFixed(2)}x (${summary})`);
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
