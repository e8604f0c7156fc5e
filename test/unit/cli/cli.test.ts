import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers';

/** Runs the built CLI (dist/cli.js), as a CI pipeline would. */
function cli(...args: string[]) {
  return spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), ...args], { cwd: ROOT, encoding: 'utf8' });
}

describe('srm-lens explain', () => {
  it('shows both sides of AWS::S3::Bucket with sources', () => {
    const result = cli('explain', 'AWS::S3::Bucket');
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /\*\*Amazon S3\*\*/);
    assert.match(result.stdout, /\*\*AWS secures\*\*/);
    assert.match(result.stdout, /\*\*You secure\*\*/);
    assert.match(result.stdout, /\[AWS\]\(https:\/\/docs\.aws\.amazon\.com\/AmazonS3\//);
    assert.match(result.stdout, /\[derived · S3\.\d+\]\(https:/);
  });

  it('shows the Lambda split and what moves the line', () => {
    const result = cli('explain', 'AWS::Lambda::Function');
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /\*\*AWS Lambda\*\*/);
    assert.match(result.stdout, /Container image/);
  });

  it('prints the JSON of the contract', () => {
    const result = cli('explain', 'AWS::S3::Bucket', '--format', 'json');
    assert.equal(result.status, 0, result.stderr);
    const json = JSON.parse(result.stdout);
    assert.equal(json.version, 1);
    assert.equal(json.type, 'AWS::S3::Bucket');
    assert.equal(json.service, 'Amazon S3');
    assert.equal(json.category, 'abstracted');
    assert.ok(json.equivalents.includes('aws_s3_bucket'));
    for (const item of [...json.aws, ...json.customer]) {
      assert.ok(['stated', 'derived'].includes(item.basis));
      assert.match(item.source, /^https:\/\//);
      assert.ok(item.domain && item.text);
    }
    assert.ok(json.shifts.length > 0);
    assert.ok(json.docs.every((url: string) => url.startsWith('https://')));
  });

  it('exits 2 for an unknown type and suggests the closest', () => {
    const result = cli('explain', 'AWS::S3::Buckt');
    assert.equal(result.status, 2);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /^srm-lens: unknown resource type 'AWS::S3::Buckt'; did you mean AWS::S3::Bucket/);
    assert.equal(result.stderr.trim().split('\n').length, 1);
  });
});

describe('srm-lens usage', () => {
  it('prints help and the version', () => {
    assert.match(cli('--help').stdout, /srm-lens scan <file-or-folder>/);
    assert.equal(cli('--help').status, 0);
    assert.match(cli('--version').stdout, /^\d+\.\d+\.\d+\n$/);
  });

  it('exits 2 with one line on bad usage', () => {
    for (const args of [[], ['frobnicate'], ['scan'], ['scan', 'x', '--format', 'xml'], ['explain'], ['scan', '--bogus', 'x'], ['scan', 'no/such/path']]) {
      const result = cli(...args);
      assert.equal(result.status, 2, args.join(' '));
      if (args.length > 0) assert.equal(result.stderr.trim().split('\n').length, 1, args.join(' '));
    }
  });
});

describe('srm-lens scan', () => {
  const dir = mkdtempSync(join(tmpdir(), 'srm-scan-'));
  mkdirSync(join(dir, 'node_modules', 'pkg'), { recursive: true });
  writeFileSync(join(dir, 'node_modules', 'pkg', 'template.yaml'), 'Resources:\n  X:\n    Type: AWS::SQS::Queue\n');
  writeFileSync(join(dir, 'app.yaml'), 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Logs:\n    Type: AWS::S3::Bucket\n  Thing:\n    Type: Custom::Thing\n');
  writeFileSync(join(dir, 'broken.json'), '{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"Q": {"Type": "AWS::SQS::Queue"}');
  writeFileSync(join(dir, 'package.json'), '{"name": "not-a-template"}');

  it('reports templates in the JSON of the contract, skipping non-templates and node_modules', () => {
    const result = cli('scan', dir, '--format', 'json');
    assert.equal(result.status, 0, result.stderr);
    const json = JSON.parse(result.stdout);
    assert.equal(json.version, 1);
    assert.equal(json.tool.name, 'srm-lens');
    assert.deepEqual(json.files.map((f: { path: string }) => f.path), [join(dir, 'app.yaml'), join(dir, 'broken.json')]);
    const app = json.files[0];
    assert.equal(app.format, 'cloudformation-yaml');
    assert.deepEqual(app.resources[0], {
      id: 'Logs', type: 'AWS::S3::Bucket', known: true, service: 'Amazon S3', category: 'abstracted',
      range: { start: { line: 3, character: 10 }, end: { line: 3, character: 25 } },
    });
    assert.deepEqual(app.resources[1], { id: 'Thing', type: 'Custom::Thing', known: false, range: { start: { line: 5, character: 10 }, end: { line: 5, character: 23 } } });
    assert.deepEqual(app.findings, []);
    const broken = json.files[1];
    assert.equal(broken.format, 'cloudformation-json');
    assert.equal(broken.resources[0].type, 'AWS::SQS::Queue');
    assert.ok(broken.errors.length > 0);
  });

  it('writes a readable text report and valid SARIF', () => {
    const text = cli('scan', join(dir, 'app.yaml'));
    assert.equal(text.status, 0);
    assert.match(text.stdout, /4:11\s+Logs\s+AWS::S3::Bucket\s+Amazon S3 · abstracted/);
    assert.match(text.stdout, /1 template\(s\), 2 resource\(s\), 1 known, 0 error\(s\)/);
    const sarif = JSON.parse(cli('scan', dir, '--format', 'sarif').stdout);
    assert.equal(sarif.version, '2.1.0');
    assert.equal(sarif.runs[0].tool.driver.name, 'srm-lens');
    assert.ok(sarif.runs[0].invocations[0].toolExecutionNotifications.length > 0);
  });

  it('scans Terraform .tf and .tf.json with addresses as ids', () => {
    const result = cli('scan', join(ROOT, 'test/fixtures/tf'), '--format', 'json');
    assert.equal(result.status, 0, result.stderr);
    const json = JSON.parse(result.stdout);
    assert.deepEqual(json.files.map((f: { format: string }) => f.format), ['terraform-hcl', 'terraform-json']);
    const hcl = json.files[0];
    assert.deepEqual(hcl.resources[0], {
      id: 'aws_s3_bucket.logs', type: 'aws_s3_bucket', known: true, service: 'Amazon S3', category: 'abstracted',
      range: { start: { line: 5, character: 10 }, end: { line: 5, character: 23 } },
    });
    assert.ok(hcl.resources.some((r: { id: string }) => r.id === 'data.aws_iam_policy_document.assume'));
    assert.ok(!hcl.resources.some((r: { id: string }) => r.id.startsWith('module.')));
    assert.equal(hcl.resources.find((r: { id: string }) => r.id === 'google_storage_bucket.other').known, false);
  });

  it('explains Terraform types with their CloudFormation equivalents', () => {
    const json = JSON.parse(cli('explain', 'aws_s3_bucket', '--format', 'json').stdout);
    assert.deepEqual(json.equivalents, ['AWS::S3::Bucket', 'awscc_s3_bucket']);
    assert.equal(cli('explain', 'aws_s3_buckt').status, 2);
    assert.match(cli('explain', 'aws_s3_buckt').stderr, /did you mean aws_s3_bucket/);
  });

  it('exits 0 with --fail-on when nothing is found at that level', () => {
    assert.equal(cli('scan', dir, '--fail-on', 'warning').status, 0);
  });
});
