import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Knowledge } from '../../../src/core/knowledge/knowledge';
import { contentFromLines, DATA_FILES, knowledgeFromJson } from '../../../src/core/knowledge/load';
import { RuleIndex } from '../../../src/core/rules/engine';
import type { DataFile } from '../../../src/core/knowledge/load';
import type { CfnCatalog, ServiceDoc, TfCatalog } from '../../../src/core/knowledge/types';
import { ROOT } from '../helpers';

const dataFile = (file: DataFile) => readFileSync(join(ROOT, 'dist', 'data', DATA_FILES[file]), 'utf8');

/** A Knowledge over dist/data that records which files it read, and how often. */
function recordingKnowledge(): { knowledge: Knowledge; reads: DataFile[] } {
  const reads: DataFile[] = [];
  const knowledge = knowledgeFromJson((file) => {
    reads.push(file);
    return dataFile(file);
  });
  return { knowledge, reads };
}

describe('data loading (dist/data, read at first use)', () => {
  it('reads content.jsonl at once, and each other file at its first use, once', () => {
    const { knowledge, reads } = recordingKnowledge();
    assert.deepEqual(reads, ['content']);
    assert.ok(knowledge.profile('AWS::S3::Bucket'));
    assert.deepEqual(reads, ['content', 'cfnCatalog', 'services'], 'a CloudFormation type needs neither the Terraform catalog nor the rules');
    assert.ok(knowledge.profile('AWS::Lambda::Function'));
    assert.ok(knowledge.rules.forType('AWS::S3::Bucket').length > 0);
    assert.ok(knowledge.profile('aws_s3_bucket'));
    assert.deepEqual(reads, ['content', 'cfnCatalog', 'services', 'rules', 'tfCatalog']);
  });

  it('parses the sources and the categories of content.jsonl at their first read', () => {
    const [first, sources, categories] = dataFile('content').split('\n');
    const knowledge = new Knowledge(contentFromLines([first, 'not JSON', categories].join('\n')), {
      service: (position) => JSON.parse(dataFile('services').split('\n')[position]!) as ServiceDoc,
      rules: () => new RuleIndex([]),
      cfnCatalog: () => JSON.parse(readFileSync(join(ROOT, 'data/generated/cfn-catalog.json'), 'utf8')) as CfnCatalog,
      tfCatalog: () => JSON.parse(readFileSync(join(ROOT, 'data/generated/tf-catalog.json'), 'utf8')) as TfCatalog,
    });
    assert.equal(knowledge.profile('AWS::S3::Bucket')?.service.name, 'Amazon S3', 'a curated type reads no source');
    assert.ok(knowledge.profile('AWS::Cassandra::Keyspace'), 'an uncurated type reads the categories');
    assert.throws(() => knowledge.source('x'), SyntaxError);
    assert.deepEqual(contentFromLines(dataFile('content')).sources, JSON.parse(sources!));
  });

  it('parses only the services of the types it meets', () => {
    const content = contentFromLines(dataFile('content'));
    const lines = dataFile('services').split('\n');
    const parsed: string[] = [];
    const knowledge = new Knowledge(content, {
      service: (position) => {
        parsed.push(content.services[position]!.id);
        return JSON.parse(lines[position]!) as ServiceDoc;
      },
      rules: () => new RuleIndex([]),
      cfnCatalog: () => JSON.parse(readFileSync(join(ROOT, 'data/generated/cfn-catalog.json'), 'utf8')) as CfnCatalog,
      tfCatalog: () => JSON.parse(readFileSync(join(ROOT, 'data/generated/tf-catalog.json'), 'utf8')) as TfCatalog,
    });
    knowledge.profile('AWS::S3::Bucket');
    knowledge.profile('AWS::S3::BucketPolicy');
    knowledge.profile('aws_s3_bucket_versioning');
    assert.deepEqual(parsed, ['s3']);
  });

  it('holds every service of content.jsonl on its line of services.jsonl, whole', () => {
    const content = contentFromLines(dataFile('content'));
    const lines = dataFile('services').split('\n');
    assert.equal(lines.length, content.services.length);
    content.services.forEach((index, position) => {
      const service = JSON.parse(lines[position]!) as ServiceDoc;
      const { id, name, namespaces, category, resource_types } = service;
      assert.deepEqual(JSON.parse(JSON.stringify({ id, name, namespaces, category, resource_types })), index);
      assert.ok(service.aws.length > 0 && service.summary.hover, `${service.id} is whole`);
    });
  });

  it('finds the rules of every type and id as an index over all of them does, one object per rule', () => {
    const rules = knowledgeFromJson(dataFile).rules;
    const index = new RuleIndex(rules.all);
    assert.ok(index.all.length > 100);
    const types = new Set(index.all.flatMap((rule) => [...(rule.resource_types.cfn ?? []), ...(rule.resource_types.tf ?? [])]));
    for (const type of [...types, 'AWS::No::Such', 'constructor', '__proto__']) assert.deepEqual(rules.forType(type), index.forType(type), type);
    for (const id of [...index.all.map((rule) => rule.id), 'no-such-rule', 'toString']) assert.equal(rules.get(id), index.get(id), id);
    const lines = dataFile('rules').split('\n');
    assert.equal(lines.length, index.all.length + 1);
    lines.slice(1).forEach((line, position) => assert.deepEqual(JSON.parse(line), index.all[position]));

    const fresh = knowledgeFromJson(dataFile).rules;
    const bucketRules = fresh.forType('AWS::S3::Bucket');
    assert.ok(bucketRules.length > 0 && bucketRules.length < index.all.length);
    assert.equal(fresh.forType('AWS::S3::Bucket'), bucketRules, 'read once');
    assert.equal(fresh.get(bucketRules[0]!.id), bucketRules[0], 'one object per rule, by type or by id');
  });

  it('finds every entry of the generated catalogs, unchanged, and lists their keys', () => {
    const knowledge = knowledgeFromJson(dataFile);
    const cfn = JSON.parse(readFileSync(join(ROOT, 'data/generated/cfn-catalog.json'), 'utf8')) as CfnCatalog;
    for (const [type, entry] of Object.entries(cfn.types)) {
      const profile = knowledge.profile(type);
      assert.ok(profile && knowledge.isKnownType(type), type);
      assert.equal(profile.description, entry.description, type);
      assert.deepEqual([...profile.properties], entry.properties, type);
    }
    const tf = JSON.parse(readFileSync(join(ROOT, 'data/generated/tf-catalog.json'), 'utf8')) as TfCatalog;
    for (const [record, dataSource] of [[tf.resources, false], [tf.dataSources, true]] as const) {
      for (const [type, entry] of Object.entries(record)) {
        const profile = knowledge.profile(type, dataSource);
        assert.ok(profile, type);
        assert.deepEqual([...profile.properties], [...(entry.attributes ?? []), ...Object.keys(entry.blocks ?? {}), ...(entry.removed ?? [])], type);
        assert.equal(profile.availability, entry.availability, type);
      }
    }
    assert.equal(knowledge.tfProviderVersion, tf.source);
    assert.deepEqual(knowledge.suggest('AWS::S3::Buckt'), knowledge.closest('AWS::S3::Buckt').map((c) => c.type));
    assert.equal(knowledge.suggest('AWS::S3::Buckt')[0], 'AWS::S3::Bucket');
    assert.equal(knowledge.suggest('aws_s3_buckt')[0], 'aws_s3_bucket');
    for (const key of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) assert.equal(knowledge.profile(key), undefined, key);
  });
});
