"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
const assert = __importStar(require("node:assert/strict"));
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const knowledge_1 = require("../../../src/core/knowledge/knowledge");
const load_1 = require("../../../src/core/knowledge/load");
const helpers_1 = require("../helpers");
const dataFile = (file) => (0, node_fs_1.readFileSync)((0, node_path_1.join)(helpers_1.ROOT, 'dist', 'data', load_1.DATA_FILES[file]), 'utf8');
/** A Knowledge over dist/data that records which files it read, and how often. */
function recordingKnowledge() {
    const reads = [];
    const knowledge = (0, load_1.knowledgeFromJson)((file) => {
        reads.push(file);
        return dataFile(file);
    });
    return { knowledge, reads };
}
describe('data loading (dist/data, read at first use)', () => {
    it('reads content.json at once, and each other file at its first use, once', () => {
        const { knowledge, reads } = recordingKnowledge();
        assert.deepEqual(reads, ['content']);
        assert.ok(knowledge.profile('AWS::S3::Bucket'));
        assert.deepEqual(reads, ['content', 'cfnCatalog', 'services'], 'a CloudFormation type needs neither the Terraform catalog nor the rules');
        assert.ok(knowledge.profile('AWS::Lambda::Function'));
        assert.ok(knowledge.rules.forType('AWS::S3::Bucket').length > 0);
        assert.ok(knowledge.profile('aws_s3_bucket'));
        assert.deepEqual(reads, ['content', 'cfnCatalog', 'services', 'rules', 'tfCatalog']);
    });
    it('parses only the services of the types it meets', () => {
        const content = JSON.parse(dataFile('content'));
        const lines = dataFile('services').split('\n');
        const parsed = [];
        const knowledge = new knowledge_1.Knowledge(content, {
            service: (position) => {
                parsed.push(content.services[position].id);
                return JSON.parse(lines[position]);
            },
            rules: () => [],
            cfnCatalog: () => JSON.parse((0, node_fs_1.readFileSync)((0, node_path_1.join)(helpers_1.ROOT, 'data/generated/cfn-catalog.json'), 'utf8')),
            tfCatalog: () => JSON.parse((0, node_fs_1.readFileSync)((0, node_path_1.join)(helpers_1.ROOT, 'data/generated/tf-catalog.json'), 'utf8')),
        });
        knowledge.profile('AWS::S3::Bucket');
        knowledge.profile('AWS::S3::BucketPolicy');
        knowledge.profile('aws_s3_bucket_versioning');
        assert.deepEqual(parsed, ['s3']);
    });
    it('holds every service of content.json on its line of services.jsonl, whole', () => {
        const content = JSON.parse(dataFile('content'));
        const lines = dataFile('services').split('\n');
        assert.equal(lines.length, content.services.length);
        content.services.forEach((index, position) => {
            const service = JSON.parse(lines[position]);
            const { id, name, namespaces, category, resource_types } = service;
            assert.deepEqual(JSON.parse(JSON.stringify({ id, name, namespaces, category, resource_types })), index);
            assert.ok(service.aws.length > 0 && service.summary.hover, `${service.id} is whole`);
        });
    });
    it('finds every entry of the generated catalogs, unchanged, and lists their keys', () => {
        const knowledge = (0, load_1.knowledgeFromJson)(dataFile);
        const cfn = JSON.parse((0, node_fs_1.readFileSync)((0, node_path_1.join)(helpers_1.ROOT, 'data/generated/cfn-catalog.json'), 'utf8'));
        for (const [type, entry] of Object.entries(cfn.types)) {
            const profile = knowledge.profile(type);
            assert.ok(profile && knowledge.isKnownType(type), type);
            assert.equal(profile.description, entry.description, type);
            assert.deepEqual([...profile.properties], entry.properties, type);
        }
        const tf = JSON.parse((0, node_fs_1.readFileSync)((0, node_path_1.join)(helpers_1.ROOT, 'data/generated/tf-catalog.json'), 'utf8'));
        for (const [record, dataSource] of [[tf.resources, false], [tf.dataSources, true]]) {
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
        for (const key of ['constructor', '__proto__', 'toString', 'hasOwnProperty'])
            assert.equal(knowledge.profile(key), undefined, key);
    });
});
//# sourceMappingURL=load.test.js.map