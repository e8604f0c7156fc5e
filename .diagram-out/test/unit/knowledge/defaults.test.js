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
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const assert = __importStar(require("node:assert/strict"));
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const _2020_1 = __importDefault(require("ajv/dist/2020"));
const yaml_1 = require("yaml");
const resourceView_1 = require("../../../src/core/analysis/resourceView");
const cloudformation_1 = require("../../../src/core/template/cloudformation");
const helpers_1 = require("../helpers");
function yamlFiles(dir) {
    return (0, node_fs_1.readdirSync)((0, node_path_1.join)(helpers_1.ROOT, dir))
        .filter((f) => f.endsWith('.yaml'))
        .map((f) => ({ name: `${dir}/${f}`, doc: (0, yaml_1.parse)((0, node_fs_1.readFileSync)((0, node_path_1.join)(helpers_1.ROOT, dir, f), 'utf8')) }));
}
const services = yamlFiles('data/services').map((f) => f.doc);
function serviceSchema() {
    const ajv = new _2020_1.default({ allErrors: true, strict: true, allowUnionTypes: true });
    return ajv.compile(JSON.parse((0, node_fs_1.readFileSync)((0, node_path_1.join)(helpers_1.ROOT, 'data/schema/service.schema.json'), 'utf8')));
}
/** A deep copy of s3.yaml, valid against the schema as it stands, to break one way at a time. */
function s3() {
    return structuredClone(services.find((s) => s.id === 's3'));
}
function resourceOf(yamlTemplate) {
    const template = (0, cloudformation_1.parseCloudFormation)(yamlTemplate);
    const resource = template.resources[0];
    return (0, resourceView_1.viewResource)((0, helpers_1.knowledge)(), resource.type, resource, template);
}
describe('AWS defaults in the service schema', () => {
    const validate = serviceSchema();
    it('accepts S3 as curated, with its defaults in their own list', () => {
        assert.ok(validate(s3()), JSON.stringify(validate.errors));
    });
    it('rejects a default filed under AWS\'s side: an AWS item that talks of a default or carries a since date', () => {
        const speaksOfDefault = s3();
        speaksOfDefault.aws.push({ ...speaksOfDefault.aws[0], id: 's3.aws.encrypts', text: 'Encrypts new objects with SSE-S3 by default.' });
        assert.equal(validate(speaksOfDefault), false);
        const dated = s3();
        dated.aws.push({ ...dated.aws[0], id: 's3.aws.dated', since: '2023-01-05' });
        assert.equal(validate(dated), false);
    });
    it('requires a default to say since when, to cite a source and to carry a default id', () => {
        for (const broken of [
            (d) => delete d.since,
            (d) => (d.since = 'January 2023'),
            (d) => (d.sources = []),
            (d) => (d.id = 's3.aws.sse-s3'),
        ]) {
            const doc = s3();
            broken(doc.defaults[0]);
            assert.equal(validate(doc), false, JSON.stringify(doc.defaults[0]));
        }
    });
    it('files every default of every service with a date and a source, and no AWS item speaks of defaults', () => {
        for (const service of services) {
            for (const item of service.defaults ?? []) {
                assert.match(item.since, /^\d{4}(-\d{2}(-\d{2})?)?$/, item.id);
                assert.ok(item.sources.length > 0, item.id);
            }
            for (const item of service.aws)
                assert.doesNotMatch(item.text, /default/i, item.id);
        }
    });
});
describe('the Security Hub control catalog', () => {
    const catalog = new Map(yamlFiles('data/controls').flatMap((f) => f.doc.controls).map((c) => [c.id, c]));
    it('knows the controls AWS retired, with the date', () => {
        assert.deepEqual(['SNS.2', 'AutoScaling.4'].map((id) => [catalog.get(id)?.status, catalog.get(id)?.retired]), [['retired', '2024-04'], ['retired', '2024-04']]);
    });
    it('holds every control a service or a rule cites, and none of them is retired', () => {
        const cited = new Set();
        for (const service of services) {
            const items = [...service.aws, ...(service.defaults ?? []), ...Object.values(service.customer).flatMap((e) => (Array.isArray(e) ? e : []))];
            for (const id of items.flatMap((i) => i.fsbp ?? []))
                cited.add(id);
            for (const id of service.resource_types.flatMap((t) => t.fsbp ?? []))
                cited.add(id);
            for (const check of service.checks_at_runtime ?? [])
                cited.add(check.control);
            for (const id of service.fsbp_controls ?? [])
                cited.add(id);
        }
        for (const { doc } of yamlFiles('data/rules')) {
            for (const rule of doc.rules)
                for (const id of rule.controls)
                    cited.add(id);
        }
        assert.ok(cited.size > 100, `${cited.size} cited controls`);
        const problems = [...cited].filter((id) => catalog.get(id)?.status !== 'active');
        assert.deepEqual(problems, [], 'cited controls missing from data/controls/fsbp.yaml or retired');
    });
});
describe('applies_to: an item shows only on the types it names', () => {
    const ids = (type) => {
        const profile = (0, helpers_1.knowledge)().profile(type);
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
        const declared = resourceOf('Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketEncryption:\n        ServerSideEncryptionConfiguration:\n          - ServerSideEncryptionByDefault: {SSEAlgorithm: "aws:kms"}\n');
        assert.deepEqual(declared.defaultStatus.get('s3.default.sse-s3'), { state: 'replaced', path: 'BucketEncryption' });
        assert.equal(declared.defaultStatus.get('s3.default.block-public-access')?.state, 'relied_on');
    });
    it('a setting from a parameter leaves the default undecided, never relied on', () => {
        const view = resourceOf('Parameters:\n  Key: {Type: String}\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      KmsMasterKeyId: !Ref Key\n');
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
    const signing = (policy) => resourceOf(`Resources:\n  D:\n    Type: AWS::OpenSearchService::Domain\n    Properties:\n${policy}`)
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
//# sourceMappingURL=defaults.test.js.map