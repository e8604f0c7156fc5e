import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { parse } from 'yaml';
import { viewResource } from '../../../src/core/analysis/resourceView';
import { parseCloudFormation } from '../../../src/core/template/cloudformation';
import { knowledge, ROOT } from '../helpers';

interface ControlEntry { id: string; status: 'active' | 'retired'; retired?: string }
interface Ref { ref: string }
interface Item { id: string; text: string; fsbp?: string[]; since?: string; sources: Ref[] }
interface ServiceFile {
  id: string;
  aws: Item[];
  defaults?: Item[];
  customer: Record<string, Item[] | object>;
  resource_types: { fsbp?: string[] }[];
  checks_at_runtime?: { control: string }[];
  fsbp_controls?: string[];
}

function yamlFiles(dir: string): { name: string; doc: unknown }[] {
  return readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => ({ name: `${dir}/${f}`, doc: parse(readFileSync(join(ROOT, dir, f), 'utf8')) }));
}

const services = yamlFiles('data/services').map((f) => f.doc as ServiceFile);

function serviceSchema() {
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  return ajv.compile(JSON.parse(readFileSync(join(ROOT, 'data/schema/service.schema.json'), 'utf8')));
}

/** A deep copy of s3.yaml, valid against the schema as it stands, to break one way at a time. */
function s3(): ServiceFile {
  return structuredClone(services.find((s) => s.id === 's3')!);
}

function resourceOf(yamlTemplate: string) {
  const template = parseCloudFormation(yamlTemplate)!;
  const resource = template.resources[0]!;
  return viewResource(knowledge(), resource.type, resource, template)!;
}

describe('AWS defaults in the service schema', () => {
  const validate = serviceSchema();

  it('accepts S3 as curated, with its defaults in their own list', () => {
    assert.ok(validate(s3()), JSON.stringify(validate.errors));
  });

  it('rejects a default filed under AWS\'s side: an AWS item that talks of a default or carries a since date', () => {
    const speaksOfDefault = s3();
    speaksOfDefault.aws.push({ ...speaksOfDefault.aws[0]!, id: 's3.aws.encrypts', text: 'Encrypts new objects with SSE-S3 by default.' });
    assert.equal(validate(speaksOfDefault), false);

    const dated = s3();
    dated.aws.push({ ...dated.aws[0]!, id: 's3.aws.dated', since: '2023-01-05' });
    assert.equal(validate(dated), false);
  });

  it('requires a default to say since when, to cite a source and to carry a default id', () => {
    for (const broken of [
      (d: Item) => delete d.since,
      (d: Item) => (d.since = 'January 2023'),
      (d: Item) => (d.sources = []),
      (d: Item) => (d.id = 's3.aws.sse-s3'),
    ]) {
      const doc = s3();
      broken(doc.defaults![0]!);
      assert.equal(validate(doc), false, JSON.stringify(doc.defaults![0]));
    }
  });

  it('files every default of every service with a date and a source, and no AWS item speaks of defaults', () => {
    for (const service of services) {
      for (const item of service.defaults ?? []) {
        assert.match(item.since!, /^\d{4}(-\d{2}(-\d{2})?)?$/, item.id);
        assert.ok(item.sources.length > 0, item.id);
      }
      for (const item of service.aws) assert.doesNotMatch(item.text, /default/i, item.id);
    }
  });
});

describe('the Security Hub control catalog', () => {
  const catalog = new Map(
    yamlFiles('data/controls').flatMap((f) => (f.doc as { controls: ControlEntry[] }).controls).map((c) => [c.id, c]),
  );

  it('knows the controls AWS retired, with the date', () => {
    assert.deepEqual(
      ['SNS.2', 'AutoScaling.4'].map((id) => [catalog.get(id)?.status, catalog.get(id)?.retired]),
      [['retired', '2024-04'], ['retired', '2024-04']],
    );
  });

  it('holds every control a service or a rule cites, and none of them is retired', () => {
    const cited = new Set<string>();
    for (const service of services) {
      const items = [...service.aws, ...(service.defaults ?? []), ...Object.values(service.customer).flatMap((e) => (Array.isArray(e) ? e : []))];
      for (const id of items.flatMap((i) => i.fsbp ?? [])) cited.add(id);
      for (const id of service.resource_types.flatMap((t) => t.fsbp ?? [])) cited.add(id);
      for (const check of service.checks_at_runtime ?? []) cited.add(check.control);
      for (const id of service.fsbp_controls ?? []) cited.add(id);
    }
    for (const { doc } of yamlFiles('data/rules')) {
      for (const rule of (doc as { rules: { controls: string[] }[] }).rules) for (const id of rule.controls) cited.add(id);
    }
    assert.ok(cited.size > 100, `${cited.size} cited controls`);
    const problems = [...cited].filter((id) => catalog.get(id)?.status !== 'active');
    assert.deepEqual(problems, [], 'cited controls missing from data/controls/fsbp.yaml or retired');
  });
});

describe('applies_to: an item shows only on the types it names', () => {
  const ids = (type: string) => {
    const profile = knowledge().profile(type)!;
    const customer = profile.customer.flatMap(({ entry }) => (Array.isArray(entry) ? entry : []));
    return [...profile.aws, ...profile.defaults, ...customer].map((i) => ({ id: i.id, text: i.text }));
  };

  it('AWS::ElastiCache::ReplicationGroup shows no ElastiCache Serverless line; the serverless cache does', () => {
    const group = ids('AWS::ElastiCache::ReplicationGroup');
    assert.deepEqual(group.filter((i) => /serverless/i.test(i.text)), []);
    assert.ok(group.some((i) => i.id === 'elasticache.cust.encryption-at-rest'));
    const serverless = ids('AWS::ElastiCache::ServerlessCache').map((i) => i.id);
    assert.ok(serverless.includes('elasticache.aws.serverless-updates'));
    assert.ok(!serverless.includes('elasticache.cust.encryption-at-rest'), 'a serverless cache is always encrypted at rest');
  });

  it('Redshift Serverless capacity is not shown on a provisioned cluster, nor cluster patching on a workgroup', () => {
    const cluster = ids('AWS::Redshift::Cluster').map((i) => i.id);
    assert.ok(!cluster.includes('redshift.aws.serverless-capacity'));
    assert.ok(cluster.includes('redshift.aws.patching'));
    const workgroup = ids('AWS::RedshiftServerless::Workgroup').map((i) => i.id);
    assert.ok(workgroup.includes('redshift.aws.serverless-capacity'));
    assert.ok(!workgroup.includes('redshift.aws.patching'));
  });

  it('Terraform types follow the same lists', () => {
    const group = ids('aws_elasticache_replication_group');
    assert.deepEqual(group.filter((i) => /serverless/i.test(i.text)), []);
  });
});

describe('defaults on a resource as written', () => {
  it('a plain bucket relies on both S3 defaults; declaring encryption replaces the SSE-S3 one', () => {
    const plain = resourceOf('Resources:\n  B:\n    Type: AWS::S3::Bucket\n');
    assert.deepEqual(plain.defaults.map((d) => d.id), ['s3.default.sse-s3', 's3.default.block-public-access']);
    assert.equal(plain.defaultStatus.get('s3.default.sse-s3')?.state, 'relied_on');

    const declared = resourceOf(
      'Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketEncryption:\n        ServerSideEncryptionConfiguration:\n          - ServerSideEncryptionByDefault: {SSEAlgorithm: "aws:kms"}\n',
    );
    assert.deepEqual(declared.defaultStatus.get('s3.default.sse-s3'), { state: 'replaced', path: 'BucketEncryption' });
    assert.equal(declared.defaultStatus.get('s3.default.block-public-access')?.state, 'relied_on');
  });

  it('a setting from a parameter leaves the default undecided, never relied on', () => {
    const view = resourceOf(
      'Parameters:\n  Key: {Type: String}\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      KmsMasterKeyId: !Ref Key\n',
    );
    assert.notEqual(view.defaultStatus.get('sqs.default.sse-sqs')?.state, 'relied_on');
  });

  it('the Aurora encryption default applies to Aurora engines only (applies_when)', () => {
    const aurora = resourceOf('Resources:\n  C:\n    Type: AWS::RDS::DBCluster\n    Properties:\n      Engine: aurora-postgresql\n');
    assert.ok(aurora.defaults.some((d) => d.id === 'rds.default.aurora-encryption'));
    const multiAz = resourceOf('Resources:\n  C:\n    Type: AWS::RDS::DBCluster\n    Properties:\n      Engine: postgres\n');
    assert.ok(!multiAz.defaults.some((d) => d.id === 'rds.default.aurora-encryption'));
  });
});

describe('applies_when: conditional guidance shows only where its condition holds', () => {
  const signing = (policy: string) =>
    resourceOf(`Resources:\n  D:\n    Type: AWS::OpenSearchService::Domain\n    Properties:\n${policy}`)
      .customer.flatMap((domain) => domain.items)
      .some((i) => i.id === 'opensearch.cust.request-signing');

  it('OpenSearch request signing only when the access policy names an IAM principal', () => {
    const iamPolicy = '      AccessPolicies:\n        Statement:\n          - {Effect: Allow, Principal: {AWS: "arn:aws:iam::123456789012:role/app"}, Action: "es:*", Resource: "*"}\n';
    const openPolicy = '      AccessPolicies:\n        Statement:\n          - {Effect: Allow, Principal: {AWS: "*"}, Action: "es:*", Resource: "*"}\n';
    assert.equal(signing(iamPolicy), true);
    assert.equal(signing(openPolicy), false);
    assert.equal(signing('      EngineVersion: OpenSearch_2.13\n'), false);
  });
});
