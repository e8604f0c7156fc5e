import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cfnDocsUrl } from '../../../src/core/knowledge/knowledge';
import type { CfnCatalog } from '../../../src/core/knowledge/types';
import { knowledge, ROOT } from '../helpers';

const TIER_ONE = [
  'ec2', 'vpc', 's3', 'rds', 'lambda', 'ecs', 'eks', 'dynamodb', 'iam', 'kms', 'cloudtrail', 'apigateway', 'sqs', 'sns',
  'elasticache', 'opensearch', 'redshift', 'efs', 'elasticbeanstalk', 'cloudfront', 'secretsmanager',
];

function node(script: string, ...args: string[]) {
  return spawnSync(process.execPath, [join(ROOT, script), ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

describe('data files', () => {
  it('every curated file validates against its schema, and all links between files hold', function () {
    this.timeout(60000);
    const result = node('scripts/validate-data.mjs');
    assert.equal(result.status, 0, `${result.stderr}${result.stdout}`);
  });

  it('the committed CloudFormation catalog is what the generator makes from the pinned spec', function () {
    this.timeout(60000);
    const result = node('scripts/generate-cfn-catalog.mjs', '--print');
    assert.equal(result.status, 0, result.stderr);
    const committed = readFileSync(join(ROOT, 'data/generated/cfn-catalog.json'), 'utf8');
    assert.ok(result.stdout === committed, 'data/generated/cfn-catalog.json is stale: run npm run data');
  });

  it('the committed Terraform catalog is what the generator makes from the pinned provider', function () {
    this.timeout(120000);
    const terraform = spawnSync('terraform', ['version'], { encoding: 'utf8' });
    const pluginDir = process.env.TF_PLUGIN_DIR ?? '/opt/tf-plugins';
    if (terraform.status !== 0 || !existsSync(pluginDir)) {
      // The provider schema comes from terraform and the offline plugin folder of the development machines.
      this.skip();
    }
    const result = node('scripts/generate-tf-catalog.mjs', '--print');
    assert.equal(result.status, 0, result.stderr);
    const committed = readFileSync(join(ROOT, 'data/generated/tf-catalog.json'), 'utf8');
    assert.ok(result.stdout === committed, 'data/generated/tf-catalog.json is stale: run npm run data:tf');
  });
});

describe('the catalog', () => {
  const catalog = JSON.parse(readFileSync(join(ROOT, 'data/generated/cfn-catalog.json'), 'utf8')) as CfnCatalog;
  const types = Object.keys(catalog.types);

  it('holds every CloudFormation type of the spec and the SAM types it lacks', () => {
    assert.ok(types.length >= 1828, `${types.length} types`);
    for (const type of ['AWS::S3::Bucket', 'AWS::Lambda::Function', 'AWS::Serverless::Function', 'AWS::Serverless::Connector', 'AWS::Serverless::GraphQLApi']) {
      assert.ok(types.includes(type), type);
    }
  });

  it('gives every type a one-line description and its top-level properties', () => {
    for (const [type, entry] of Object.entries(catalog.types)) {
      assert.ok(entry.description.length > 10 && !entry.description.includes('\n'), type);
      assert.ok(Array.isArray(entry.properties), type);
    }
    assert.ok(catalog.types['AWS::S3::Bucket']!.properties.includes('BucketEncryption'));
  });

  it('builds AWS documentation URLs for CloudFormation and SAM types', () => {
    assert.equal(cfnDocsUrl('AWS::S3::Bucket'), 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-s3-bucket.html');
    assert.equal(cfnDocsUrl('AWS::Serverless::Function'), 'https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-function.html');
  });
});

describe('Knowledge', () => {
  it('has a curated service file for every tier-1 service of srm-content.md', () => {
    const ids = knowledge().services.map((service) => service.id).sort();
    assert.deepEqual(TIER_ONE.filter((id) => !ids.includes(id)), []);
  });

  it('gives every type of the catalog a service, a category and a non-empty split', () => {
    const k = knowledge();
    const catalog = JSON.parse(readFileSync(join(ROOT, 'data/generated/cfn-catalog.json'), 'utf8')) as CfnCatalog;
    const unclassified = new Set<string>();
    for (const type of Object.keys(catalog.types)) {
      const profile = k.profile(type)!;
      assert.ok(profile.service.name, type);
      assert.ok(['infrastructure', 'container', 'abstracted'].includes(profile.category.value), type);
      assert.ok(profile.aws.length > 0, `${type} has no AWS side`);
      assert.ok(profile.customer.some(({ entry }) => Array.isArray(entry) && entry.length > 0), `${type} has no customer side`);
      if (!profile.service.curated && /not in our category table/.test(profile.category.note ?? '')) unclassified.add(profile.namespace);
    }
    assert.deepEqual([...unclassified], [], 'namespaces missing from data/srm/categories.yaml');
  });

  it('resolves curated types to their service, with stated and derived items labelled', () => {
    const s3 = knowledge().profile('AWS::S3::Bucket')!;
    assert.equal(s3.service.name, 'Amazon S3');
    assert.equal(s3.service.curated, true);
    assert.equal(s3.category.value, 'abstracted');
    assert.equal(s3.category.basis, 'stated');
    const basis = new Set(s3.customer.flatMap(({ entry }) => (Array.isArray(entry) ? entry.map((i) => i.basis) : [])));
    assert.deepEqual([...basis].sort(), ['derived', 'stated']);
    assert.equal(knowledge().profile('AWS::Serverless::Function')!.service.name, 'AWS Lambda');
    assert.match(knowledge().profile('AWS::Serverless::HttpApi')!.service.name, /API Gateway/, 'SAM types take the split of what they expand to');
    assert.equal(knowledge().profile('AWS::Serverless::SimpleTable')!.service.name, 'Amazon DynamoDB');
  });

  it('falls back to the category table for services not curated', () => {
    const athena = knowledge().profile('AWS::Athena::WorkGroup')!;
    assert.equal(athena.service.curated, false);
    assert.equal(athena.category.basis, 'derived');
    assert.match(athena.service.name, /Athena/);
  });

  it('suggests the closest types for a misspelt one', () => {
    assert.deepEqual(knowledge().suggest('AWS::S3::Buckt').slice(0, 1), ['AWS::S3::Bucket']);
    assert.equal(knowledge().profile('AWS::S3::Buckt'), undefined);
    assert.equal(knowledge().suggest('AWS::Lambda::Functoin')[0], 'AWS::Lambda::Function');
  });
});
