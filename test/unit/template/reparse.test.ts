import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeDocument } from '../../../src/core/analysis/document';
import { findingsOf } from '../../../src/core/rules/engine';
import type { Finding } from '../../../src/core/rules/types';
import { lineageOf } from '../../../src/core/template/cloudformation';
import type { Template } from '../../../src/core/template/model';
import { textEdit } from '../../../src/core/template/reparse';
import { knowledge, ROOT, skipWithoutShared } from '../helpers';

/** Everything a template says, as plain data: two analyses of the same text must give the same. */
function described(template: Template | undefined): unknown {
  if (!template) return undefined;
  return JSON.parse(
    JSON.stringify({
      format: template.format,
      resources: template.resources,
      problems: template.problems,
      parameters: [...template.parameters],
      parameterDefaults: [...(template.parameterDefaults ?? [])],
      resourceIds: [...template.resourceIds],
      lines: template.lines.lineCount,
    }),
  );
}

function describedFindings(findings: readonly Finding[]): unknown[] {
  return findings.map((f) => ({
    rule: f.rule.id,
    severity: f.severity,
    message: f.message,
    resource: f.resource.id,
    resourceSpan: [f.resource.span.start, f.resource.span.end],
    span: [f.span.start, f.span.end],
    kind: f.kind,
    related: f.related?.map((r) => [r.resource.id, r.resource.span.start, r.message]),
    suppressed: f.suppressed && [f.suppressed.by, f.suppressed.reason, f.suppressed.span.start, f.suppressed.span.end],
  }));
}

/** A small deterministic generator, so a failure names its seed and can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

/** What an edit inserts: mostly what typing inserts, sometimes what breaks the structure. */
const TYPED = ['a', 'Z', '0', '7', ' ', 'é'];
const STRUCTURAL = ['  ', '\n', '\n    ', ':', ': ', '-', '- ', '"', "'", '#', '{', '}', '[', ']', ',', '!Ref ', '&a ', '*a', '|', '>', '\t', '\r\n'];

/** One random edit of `text`: an insertion, a deletion or a replacement, inside a resource's declaration mostly. */
function edited(text: string, template: Template, next: () => number): string {
  const resources = template.resources;
  const inResource = resources.length > 0 && next() < 0.8;
  const target = inResource ? resources[Math.floor(next() * resources.length)]!.span : { start: 0, end: text.length };
  const at = target.start + Math.floor(next() * (target.end - target.start + 1));
  const pool = next() < 0.7 ? TYPED : STRUCTURAL;
  const insert = pool[Math.floor(next() * pool.length)]!;
  const removed = Math.floor(next() * 3);
  const choice = next();
  if (choice < 0.4) return text.slice(0, at) + insert + text.slice(at);
  if (choice < 0.7) return text.slice(0, at) + text.slice(at + 1 + removed);
  return text.slice(0, at) + insert + text.slice(at + 1);
}

/**
 * Analyses a chain of edits of `text` both ways (with the previous analysis, and from scratch) and asserts they
 * agree, template and findings; returns how many edits reused the previous analysis.
 */
function checkEdits(name: string, text: string, edits: number, seed: number): number {
  const rules = knowledge().rules;
  const next = random(seed);
  let current = text;
  let previous = analyzeDocument(current, name);
  if (!previous) return 0;
  findingsOf(rules, previous, current); // the outcomes an editor would have computed, for the next version to carry
  let reused = 0;
  for (let i = 0; i < edits; i++) {
    const changed = edited(current, previous, next);
    const fresh = analyzeDocument(changed, name);
    const incremental = analyzeDocument(changed, name, undefined, { previous });
    const where = `${name}, seed ${seed}, edit ${i}: ${JSON.stringify(textEdit(current, changed))}`;
    assert.deepEqual(described(incremental), described(fresh), where);
    if (!incremental || !fresh) break;
    if (lineageOf(incremental)) reused++;
    assert.deepEqual(describedFindings(findingsOf(rules, incremental, changed)), describedFindings(findingsOf(rules, fresh, changed)), where);
    current = changed;
    previous = incremental;
  }
  return reused;
}

describe('re-parsing after an edit (one resource parsed again, the rest reused)', function () {
  this.timeout(120000);

  const bucketAndPolicy = [
    'AWSTemplateFormatVersion: "2010-09-09"',
    'Resources:',
    '  Logs:',
    '    Type: AWS::S3::Bucket',
    '    Properties:',
    '      BucketName: logs',
    '  LogsPolicy:',
    '    Type: AWS::S3::BucketPolicy',
    '    Properties:',
    '      Bucket: !Ref Logs',
    '      PolicyDocument:',
    '        Statement:',
    '          - Effect: Allow',
    '            Principal: {AWS: arn:aws:iam::123456789012:root}',
    '            Action: s3:GetObject',
    '            Resource: arn:aws:s3:::logs/*',
    '  Queue:',
    '    Type: AWS::SQS::Queue',
    '    Properties:',
    '      QueueName: jobs',
    'Outputs:',
    '  QueueUrl:',
    '    Value: !Ref Queue',
    '',
  ].join('\n');

  it('parses only the edited resource: the resources before it are the same objects, the others moved', function () {
    const before = analyzeDocument(bucketAndPolicy, 'stack.yaml')!;
    const text = bucketAndPolicy.replace('QueueName: jobs', 'QueueName: jobs-queue');
    const after = analyzeDocument(text, 'stack.yaml', undefined, { previous: before })!;
    const lineage = lineageOf(after);
    assert.ok(lineage, 'the edit inside Queue reused the previous analysis');
    assert.equal(lineage.edited.now?.id, 'Queue');
    assert.equal(after.resources[0], before.resources[0], 'Logs, before the edit, is the same object');
    assert.equal(after.resources[1], before.resources[1]);
    assert.deepEqual(described(after), described(analyzeDocument(text, 'stack.yaml')));
  });

  it('re-evaluates a resource whose outcome reads the edited one (a bucket and its policy)', function () {
    const rules = knowledge().rules;
    const before = analyzeDocument(bucketAndPolicy, 'stack.yaml')!;
    const tlsFindings = (template: Template, text: string) =>
      findingsOf(rules, template, text).filter((f) => f.resource.id === 'Logs' && f.rule.id === 's3-bucket-tls-not-enforced');
    assert.equal(tlsFindings(before, bucketAndPolicy).length, 1, 'the policy does not deny plain HTTP');
    const denyHttp = [
      '          - Effect: Deny',
      '            Principal: "*"',
      '            Action: "s3:*"',
      '            Resource: arn:aws:s3:::logs/*',
      '            Condition: {Bool: {"aws:SecureTransport": "false"}}',
    ].join('\n');
    const text = bucketAndPolicy.replace('Resource: arn:aws:s3:::logs/*\n', `Resource: arn:aws:s3:::logs/*\n${denyHttp}\n`);
    const after = analyzeDocument(text, 'stack.yaml', undefined, { previous: before })!;
    assert.equal(lineageOf(after)?.edited.now?.id, 'LogsPolicy', 'the edit inside LogsPolicy reused the previous analysis');
    assert.equal(tlsFindings(after, text).length, 0, 'the bucket now has a policy that denies plain HTTP');
  });

  it('parses the whole text when the edit leaves the resource (a new key at its level, an edit across two)', function () {
    const before = analyzeDocument(bucketAndPolicy, 'stack.yaml')!;
    const newKey = bucketAndPolicy.replace('      QueueName: jobs', '  Other:\n    Type: AWS::SNS::Topic\n      QueueName: jobs');
    const across = bucketAndPolicy.replace('BucketName: logs\n  LogsPolicy:', 'BucketName: logs\n  LogsPolicyX:');
    for (const text of [newKey, across]) {
      const after = analyzeDocument(text, 'stack.yaml', undefined, { previous: before });
      assert.equal(after && lineageOf(after), undefined);
      assert.deepEqual(described(after), described(analyzeDocument(text, 'stack.yaml')));
    }
  });

  it('agrees with a whole parse on chains of random edits of the fixtures (YAML and JSON)', function () {
    const folder = join(ROOT, 'test', 'fixtures', 'cfn');
    let reused = 0;
    let seed = 1;
    let edits = 0;
    for (const file of readdirSync(folder).filter((name) => /\.(ya?ml|json)$/.test(name))) {
      for (let chain = 0; chain < 40; chain++, edits += 5) reused += checkEdits(file, readFileSync(join(folder, file), 'utf8'), 5, seed++);
    }
    // A structural edit (a stray quote, a tab) breaks the rest of its chain, which is then parsed whole.
    assert.ok(reused > edits / 5, `only ${reused} of ${edits} edits reused the previous analysis`);
  });

  it('agrees with a whole parse on chains of random edits of real templates (the corpus)', function () {
    const corpus = join(ROOT, '..', 'shared', 'corpus', 'cloudformation');
    skipWithoutShared(this, corpus);
    const files: string[] = [];
    const walk = (folder: string) => {
      for (const entry of readdirSync(folder, { withFileTypes: true })) {
        const path = join(folder, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/\.(ya?ml|json|template)$/.test(entry.name)) files.push(path);
      }
    };
    walk(corpus);
    files.sort();
    let reused = 0;
    // Every fourth file keeps the suite quick; the seeds differ per file.
    for (let i = 0; i < files.length; i += 4) reused += checkEdits(files[i]!, readFileSync(files[i]!, 'utf8'), 6, 1000 + i);
    assert.ok(reused > 100, `only ${reused} edits reused the previous analysis`);
  });
});
