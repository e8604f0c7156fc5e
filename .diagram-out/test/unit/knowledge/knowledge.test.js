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
const node_child_process_1 = require("node:child_process");
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const document_1 = require("../../../src/core/analysis/document");
const resourceView_1 = require("../../../src/core/analysis/resourceView");
const unknownTypes_1 = require("../../../src/core/analysis/unknownTypes");
const knowledge_1 = require("../../../src/core/knowledge/knowledge");
const hoverMarkdown_1 = require("../../../src/core/render/hoverMarkdown");
const helpers_1 = require("../helpers");
const TIER_ONE = [
    'ec2', 'vpc', 's3', 'rds', 'lambda', 'ecs', 'eks', 'dynamodb', 'iam', 'kms', 'cloudtrail', 'apigateway', 'sqs', 'sns',
    'elasticache', 'opensearch', 'redshift', 'efs', 'elasticbeanstalk', 'cloudfront', 'secretsmanager',
];
function node(script, ...args) {
    return (0, node_child_process_1.spawnSync)(process.execPath, [(0, node_path_1.join)(helpers_1.ROOT, script), ...args], { cwd: helpers_1.ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}
/** The generators exit 3 when no source is at hand (no SAM schema, no provider schema, no cached bindings). */
const NO_SOURCE = 3;
/** Runs a generator with --print and compares its output with the committed file; skips, saying why, without a source. */
function assertGeneratorMatches(context, script, args, committedFile, refresh) {
    const result = node(script, '--print', ...args);
    if (result.status === NO_SOURCE) {
        console.log(`      skipped: ${result.stderr.trim()}`);
        context.skip();
    }
    assert.equal(result.status, 0, result.stderr);
    const committed = (0, node_fs_1.readFileSync)((0, node_path_1.join)(helpers_1.ROOT, committedFile), 'utf8');
    assert.ok(result.stdout === committed, `${committedFile} is stale: run ${refresh}`);
}
describe('data files', () => {
    it('every curated file validates against its schema, and all links between files hold', function () {
        this.timeout(60000);
        const result = node('scripts/validate-data.mjs');
        assert.equal(result.status, 0, `${result.stderr}${result.stdout}`);
    });
    it('the committed CloudFormation catalog is what the generator makes from the pinned spec and SAM\'s schema', function () {
        this.timeout(60000);
        assertGeneratorMatches(this, 'scripts/generate-cfn-catalog.mjs', [], 'data/generated/cfn-catalog.json', 'npm run data');
    });
    it('the committed Terraform catalog is what the generator makes from the pinned provider (schema or bindings)', function () {
        this.timeout(120000);
        // From terraform when the plugin folder ($TF_PLUGIN_DIR) holds the provider, else from the cached bindings.
        assertGeneratorMatches(this, 'scripts/generate-tf-catalog.mjs', ['--offline'], 'data/generated/tf-catalog.json', 'npm run data:tf');
    });
    it('the committed 5.100.0 baseline is what terraform makes from that provider', function () {
        this.timeout(120000);
        assertGeneratorMatches(this, 'scripts/generate-tf-catalog.mjs', ['--baseline', '--offline'], 'data/generated/tf-baseline.json', 'npm run data:tf -- --baseline');
    });
});
describe('the catalog', () => {
    const catalog = JSON.parse((0, node_fs_1.readFileSync)((0, node_path_1.join)(helpers_1.ROOT, 'data/generated/cfn-catalog.json'), 'utf8'));
    const types = Object.keys(catalog.types);
    it('holds every CloudFormation type of the spec and every SAM type of SAM\'s schema', () => {
        assert.ok(types.length >= 1828, `${types.length} types`);
        for (const type of ['AWS::S3::Bucket', 'AWS::Lambda::Function', 'AWS::Serverless::Function', 'AWS::Serverless::Connector', 'AWS::Serverless::GraphQLApi']) {
            assert.ok(types.includes(type), type);
        }
        assert.match(catalog.source, /aws-sam-translator \d+\.\d+\.\d+/);
        assert.deepEqual(catalog.types['AWS::Serverless::WebSocketApi'].properties.filter((p) => ['Routes', 'RouteSelectionExpression', 'Auth'].includes(p)), ['Auth', 'RouteSelectionExpression', 'Routes']);
        assert.ok(catalog.types['AWS::Serverless::CapacityProvider'].properties.includes('VpcConfig'));
    });
    it('says what every SAM type expands to, a type of the catalog', () => {
        const sam = Object.entries(catalog.types).filter(([type]) => type.startsWith('AWS::Serverless::'));
        assert.ok(sam.length >= 11, `${sam.length} SAM types`);
        for (const [type, entry] of sam)
            assert.ok(entry.expandsTo && catalog.types[entry.expandsTo] && !entry.expandsTo.startsWith('AWS::Serverless::'), type);
        assert.equal(catalog.types['AWS::Serverless::CapacityProvider'].expandsTo, 'AWS::Lambda::CapacityProvider');
    });
    it('gives every type a one-line description and its top-level properties', () => {
        for (const [type, entry] of Object.entries(catalog.types)) {
            assert.ok(entry.description.length > 10 && !entry.description.includes('\n'), type);
            assert.ok(Array.isArray(entry.properties), type);
        }
        assert.ok(catalog.types['AWS::S3::Bucket'].properties.includes('BucketEncryption'));
    });
    it('builds AWS documentation URLs for CloudFormation and SAM types', () => {
        assert.equal((0, knowledge_1.cfnDocsUrl)('AWS::S3::Bucket'), 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-s3-bucket.html');
        assert.equal((0, knowledge_1.cfnDocsUrl)('AWS::Serverless::Function'), 'https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-function.html');
    });
});
describe('Knowledge', () => {
    it('has a curated service file for every tier-1 service of srm-content.md', () => {
        const ids = (0, helpers_1.knowledge)().services.map((service) => service.id).sort();
        assert.deepEqual(TIER_ONE.filter((id) => !ids.includes(id)), []);
    });
    it('gives every type of the catalog a service, a category and a non-empty split', () => {
        const k = (0, helpers_1.knowledge)();
        const catalog = JSON.parse((0, node_fs_1.readFileSync)((0, node_path_1.join)(helpers_1.ROOT, 'data/generated/cfn-catalog.json'), 'utf8'));
        const unclassified = new Set();
        for (const type of Object.keys(catalog.types)) {
            const profile = k.profile(type);
            assert.ok(profile.service.name, type);
            assert.ok(['infrastructure', 'container', 'abstracted'].includes(profile.category.value), type);
            assert.ok(profile.aws.length > 0, `${type} has no AWS side`);
            assert.ok(profile.customer.some(({ entry }) => Array.isArray(entry) && entry.length > 0), `${type} has no customer side`);
            if (!profile.service.curated && /not in our category table/.test(profile.category.note ?? ''))
                unclassified.add(profile.namespace);
        }
        assert.deepEqual([...unclassified], [], 'namespaces missing from data/srm/categories.yaml');
    });
    it('resolves curated types to their service, with stated and derived items labelled', () => {
        const s3 = (0, helpers_1.knowledge)().profile('AWS::S3::Bucket');
        assert.equal(s3.service.name, 'Amazon S3');
        assert.equal(s3.service.curated, true);
        assert.equal(s3.category.value, 'abstracted');
        assert.equal(s3.category.basis, 'stated');
        const basis = new Set(s3.customer.flatMap(({ entry }) => (Array.isArray(entry) ? entry.map((i) => i.basis) : [])));
        assert.deepEqual([...basis].sort(), ['derived', 'stated']);
        assert.equal((0, helpers_1.knowledge)().profile('AWS::Serverless::Function').service.name, 'AWS Lambda');
        assert.match((0, helpers_1.knowledge)().profile('AWS::Serverless::HttpApi').service.name, /API Gateway/, 'SAM types take the split of what they expand to');
        assert.equal((0, helpers_1.knowledge)().profile('AWS::Serverless::SimpleTable').service.name, 'Amazon DynamoDB');
    });
    it('falls back to the category table for services not curated', () => {
        const iot = (0, helpers_1.knowledge)().profile('AWS::IoT::Thing'); // IoT Core is not curated: its namespace entry decides
        assert.equal(iot.service.curated, false);
        assert.equal(iot.category.basis, 'derived');
        assert.match(iot.service.name, /IoT/);
    });
    it('suggests the closest types for a misspelt one', () => {
        assert.deepEqual((0, helpers_1.knowledge)().suggest('AWS::S3::Buckt').slice(0, 1), ['AWS::S3::Bucket']);
        assert.equal((0, helpers_1.knowledge)().profile('AWS::S3::Buckt'), undefined);
        assert.equal((0, helpers_1.knowledge)().suggest('AWS::Lambda::Functoin')[0], 'AWS::Lambda::Function');
    });
});
/** Runs the built CLI (dist/cli.js). */
function cli(...args) {
    return (0, node_child_process_1.spawnSync)(process.execPath, [(0, node_path_1.join)(helpers_1.ROOT, 'dist', 'cli.js'), ...args], { cwd: helpers_1.ROOT, encoding: 'utf8' });
}
describe('SAM types', () => {
    it('take the split of the type their transform creates', () => {
        const k = (0, helpers_1.knowledge)();
        const expected = [
            ['AWS::Serverless::WebSocketApi', /API Gateway/],
            ['AWS::Serverless::CapacityProvider', /^AWS Lambda$/],
            ['AWS::Serverless::StateMachine', /Step Functions/],
            ['AWS::Serverless::Connector', /IAM/],
            ['AWS::Serverless::GraphQLApi', /AppSync/],
        ];
        for (const [type, service] of expected)
            assert.match(k.profile(type).service.name, service, type);
        const webSocket = k.profile('AWS::Serverless::WebSocketApi');
        assert.equal(webSocket.docsUrl, 'https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-websocketapi.html');
        assert.ok(webSocket.properties.has('RouteSelectionExpression'), 'the SAM type keeps its own properties');
    });
    it('AWS::Serverless::WebSocketApi and AWS::Serverless::CapacityProvider hover and explain with content', () => {
        for (const type of ['AWS::Serverless::WebSocketApi', 'AWS::Serverless::CapacityProvider']) {
            const md = (0, hoverMarkdown_1.renderHoverMarkdown)((0, helpers_1.knowledge)(), (0, resourceView_1.viewResource)((0, helpers_1.knowledge)(), type));
            assert.match(md, /\*\*AWS secures\*\* \(security \*of\* the cloud\)\n- /, type);
            assert.match(md, /\*\*You secure\*\* \(security \*in\* the cloud\)\n- /, type);
            const result = cli('explain', type);
            assert.equal(result.status, 0, result.stderr);
            assert.equal(result.stdout, `${md}\n`, `explain ${type} prints the hover`);
        }
        const capacity = (0, hoverMarkdown_1.renderHoverMarkdown)((0, helpers_1.knowledge)(), (0, resourceView_1.viewResource)((0, helpers_1.knowledge)(), 'AWS::Serverless::CapacityProvider'));
        assert.match(capacity, /Lambda Managed Instances/);
        assert.match(capacity, /mutually trusted/);
    });
});
describe('types the catalogs do not hold', () => {
    it('a new name in a known namespace is information with the namespace\'s service and category, not a typo', () => {
        const k = (0, helpers_1.knowledge)();
        for (const type of ['AWS::Lambda::SomethingNew', 'aws_lambda_something_new']) {
            const unknown = k.unknownType(type);
            assert.equal(unknown.typoOf, undefined, type);
            assert.deepEqual(unknown.namespace, { namespace: 'AWS::Lambda', service: 'AWS Lambda', category: 'abstracted' }, type);
            const md = (0, hoverMarkdown_1.renderUnknownTypeMarkdown)(k, type);
            assert.match(md, /^\*\*AWS Lambda\*\* · `.+` · abstracted service \(its namespace's\)/, type);
            assert.match(md, /newer than this version, or a typo/, type);
            assert.doesNotMatch(md, /Did you mean/, type);
            const explained = cli('explain', type);
            assert.equal(explained.status, 2);
            assert.match(explained.stderr, /is not in the catalog \(.+\): newer than this version.*; its namespace is AWS Lambda \(abstracted\)/);
        }
        const template = (0, document_1.analyzeDocument)('Resources:\n  New:\n    Type: AWS::Lambda::SomethingNew\n  Typo:\n    Type: AWS::Lambda::Functoin\n');
        assert.deepEqual((0, unknownTypes_1.unknownTypeProblems)(k, template).map((p) => p.severity), ['information', 'warning']);
    });
    it('a near miss of a known type is a typo, in the hover, the diagnostics and explain alike', () => {
        const k = (0, helpers_1.knowledge)();
        assert.equal(k.unknownType('AWS::S3::Buckt').typoOf, 'AWS::S3::Bucket');
        assert.match((0, hoverMarkdown_1.renderUnknownTypeMarkdown)(k, 'aws_s3_buckt'), /Did you mean `aws_s3_bucket`\?/);
        assert.match(cli('explain', 'AWS::Lambda::Functoin').stderr, /did you mean AWS::Lambda::Function\?/);
        assert.equal(k.unknownType('Custom::Thing'), undefined, 'custom resources are not AWS types');
        assert.equal(k.unknownType('AWS::S3::Bucket'), undefined, 'known types are not unknown');
    });
});
//# sourceMappingURL=knowledge.test.js.map