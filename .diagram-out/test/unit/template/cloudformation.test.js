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
const document_1 = require("../../../src/core/analysis/document");
const cloudformation_1 = require("../../../src/core/template/cloudformation");
const model_1 = require("../../../src/core/template/model");
const helpers_1 = require("../helpers");
describe('CloudFormation detection', () => {
    it('recognises a template by AWSTemplateFormatVersion, by Transform, or by typed Resources', () => {
        assert.equal((0, cloudformation_1.parseCloudFormation)('AWSTemplateFormatVersion: "2010-09-09"\n')?.format, 'cloudformation-yaml');
        assert.equal((0, cloudformation_1.parseCloudFormation)('Transform: AWS::Serverless-2016-10-31\nResources: {}\n')?.format, 'cloudformation-yaml');
        assert.equal((0, cloudformation_1.parseCloudFormation)('Resources:\n  A:\n    Type: AWS::SNS::Topic\n')?.resources.length, 1);
        assert.equal((0, cloudformation_1.parseCloudFormation)('{"Resources": {"A": {"Type": "AWS::SNS::Topic"}}}')?.format, 'cloudformation-json');
    });
    it('leaves other YAML and JSON alone', () => {
        assert.equal((0, cloudformation_1.parseCloudFormation)('name: build\non: push\njobs: {}\n'), undefined);
        assert.equal((0, cloudformation_1.parseCloudFormation)('{"name": "pkg", "version": "1.0.0"}'), undefined);
        assert.equal((0, cloudformation_1.parseCloudFormation)('Resources:\n  - a\n  - b\n'), undefined, 'a Resources list without a template marker is not a template');
        assert.equal((0, cloudformation_1.parseCloudFormation)('apiVersion: v1\nkind: Pod\nResources: {limits: {}}\n'), undefined);
    });
});
describe('CloudFormation resources', () => {
    const text = (0, helpers_1.fixture)('cfn/app.yaml');
    const template = (0, cloudformation_1.parseCloudFormation)(text);
    it('lists every resource with its logical ID, its type as written and the exact type range', () => {
        assert.deepEqual(template.problems, []);
        assert.deepEqual(template.resources.map((r) => [r.id, r.type]), [
            ['LogsBucket', 'AWS::S3::Bucket'], ['PlainBucket', 'AWS::S3::Bucket'], ['ZipFunction', 'AWS::Lambda::Function'],
            ['ImageFunction', 'AWS::Lambda::Function'], ['ParamFunction', 'AWS::Lambda::Function'], ['FunctionRole', 'AWS::IAM::Role'],
            ['FargateService', 'AWS::ECS::Service'], ['Ec2Service', 'AWS::ECS::Service'], ['TaskDef', 'AWS::ECS::TaskDefinition'],
            ['Hook', 'Custom::Thing'],
        ]);
        for (const resource of template.resources) {
            assert.equal((0, helpers_1.slice)(text, resource.typeSpan), resource.type, `${resource.id} type span`);
            assert.equal((0, helpers_1.slice)(text, resource.idSpan), resource.id, `${resource.id} id span`);
        }
        const quoted = template.resources[1];
        assert.deepEqual(template.lines.rangeOf(quoted.typeSpan), { start: { line: 20, character: 11 }, end: { line: 20, character: 26 } });
    });
    it('knows the parameters and the resource IDs', () => {
        assert.deepEqual([...template.parameters], ['KeyArn', 'PackageKind']);
        assert.ok(template.resourceIds.has('FunctionRole'));
    });
    it('finds the resource under a cursor and the type token under a cursor', () => {
        const offset = text.indexOf('Runtime: python3.12');
        assert.equal((0, model_1.resourceAt)(template, offset)?.id, 'ZipFunction');
        assert.equal((0, model_1.resourceTypeAt)(template, offset), undefined);
        assert.equal((0, model_1.resourceTypeAt)(template, text.indexOf('AWS::ECS::TaskDefinition') + 3)?.id, 'TaskDef');
    });
    it('gives the same resources and exact ranges for a JSON template', () => {
        const json = (0, helpers_1.fixture)('cfn/app.json');
        const parsed = (0, cloudformation_1.parseCloudFormation)(json);
        assert.equal(parsed.format, 'cloudformation-json');
        assert.deepEqual(parsed.resources.map((r) => r.id), ['DataBucket', 'Queue']);
        const bucket = parsed.resources[0];
        assert.equal((0, helpers_1.slice)(json, bucket.typeSpan), 'AWS::S3::Bucket');
        assert.deepEqual(parsed.lines.rangeOf(bucket.typeSpan), { start: { line: 4, character: 15 }, end: { line: 4, character: 30 } });
    });
});
describe('CloudFormation bad input', () => {
    it('answers for a template cut off mid-edit', () => {
        const template = (0, cloudformation_1.parseCloudFormation)('AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  A:\n    Type: AWS::S3::Bucket\n  B:\n    Type: AWS::S3::\n  C:\n    Ty');
        assert.deepEqual(template.resources.map((r) => r.type), ['AWS::S3::Bucket', 'AWS::S3::']);
        assert.ok(template.problems.some((p) => /Resource C must be a map/.test(p.message)));
    });
    it('keeps the resources after a line YAML refuses (a colon inside an unquoted Description)', () => {
        const text = 'AWSTemplateFormatVersion: "2010-09-09"\nDescription: Orders API (SAM): an HTTP API\nResources:\n  Table:\n    Type: AWS::DynamoDB::Table\n';
        const template = (0, cloudformation_1.parseCloudFormation)(text);
        assert.ok(template.problems.some((p) => /Nested mappings/.test(p.message)));
        assert.deepEqual(template.resources.map((r) => r.id), ['Table']);
        assert.equal((0, helpers_1.slice)(text, template.resources[0].typeSpan), 'AWS::DynamoDB::Table');
    });
    it('reports tabs used for indentation and keeps the rest', () => {
        const template = (0, cloudformation_1.parseCloudFormation)('AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  A:\n    Type: AWS::S3::Bucket\n  B:\n\tType: AWS::SQS::Queue\n');
        assert.ok(template.problems.length > 0);
        assert.ok(template.resources.some((r) => r.type === 'AWS::S3::Bucket'));
    });
    it('handles a BOM and CRLF line endings with exact ranges', () => {
        const text = '\uFEFFAWSTemplateFormatVersion: "2010-09-09"\r\nResources:\r\n  A:\r\n    Type: AWS::S3::Bucket\r\n';
        const template = (0, cloudformation_1.parseCloudFormation)(text);
        const resource = template.resources[0];
        assert.equal((0, helpers_1.slice)(text, resource.typeSpan), 'AWS::S3::Bucket');
        assert.deepEqual(template.lines.rangeOf(resource.typeSpan).start, { line: 3, character: 10 });
        const json = '\uFEFF{\r\n "Resources": {\r\n  "A": {"Type": "AWS::S3::Bucket"}}}';
        const parsed = (0, cloudformation_1.parseCloudFormation)(json);
        assert.deepEqual(parsed.lines.rangeOf(parsed.resources[0].typeSpan).start, { line: 2, character: 17 });
    });
    it('reports duplicate logical IDs, a Resources list, a numeric Type, and a resource that is not a map', () => {
        const duplicate = (0, cloudformation_1.parseCloudFormation)('AWSTemplateFormatVersion: x\nResources:\n  A:\n    Type: AWS::S3::Bucket\n  A:\n    Type: AWS::SQS::Queue\n');
        assert.ok(duplicate.problems.some((p) => /Duplicate key 'A'/.test(p.message)));
        const list = (0, cloudformation_1.parseCloudFormation)('AWSTemplateFormatVersion: x\nResources:\n  - Type: AWS::S3::Bucket\n');
        assert.deepEqual(list.resources, []);
        assert.ok(list.problems.some((p) => /Resources must be a map/.test(p.message)));
        const numeric = (0, cloudformation_1.parseCloudFormation)('AWSTemplateFormatVersion: x\nResources:\n  A:\n    Type: 42\n  B: just text\n');
        assert.ok(numeric.problems.some((p) => /Type of resource A must be a string/.test(p.message)));
        assert.ok(numeric.problems.some((p) => /Resource B must be a map/.test(p.message)));
    });
    it('finds the types of a template over the size limit by a quick scan, and says so', () => {
        const block = '  R{n}:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: q{n}\n';
        const parts = ['AWSTemplateFormatVersion: "2010-09-09"\nResources:\n'];
        let size = parts[0].length;
        // Between CloudFormation's 1 MB and the 5 MB analysis limit (above it, a file is not read: test/unit/hostile).
        for (let n = 0; size <= cloudformation_1.MAX_PARSE_LENGTH * 4; n++) {
            const part = block.replace(/\{n\}/g, String(n));
            parts.push(part);
            size += part.length;
        }
        const text = parts.join('');
        const started = Date.now();
        const template = (0, document_1.analyzeDocument)(text);
        assert.ok(Date.now() - started < 10000);
        assert.equal(template.resources.length, parts.length - 1);
        assert.match(template.problems[0].message, /analysis limit/);
        const last = template.resources.at(-1);
        assert.equal((0, helpers_1.slice)(text, last.typeSpan), 'AWS::SQS::Queue');
    });
});
describe('SAM templates', () => {
    it('applies Globals to serverless resources, the resource\'s own properties winning', () => {
        const text = 'Transform: AWS::Serverless-2016-10-31\nGlobals:\n  Function:\n    Runtime: python3.12\n    PackageType: Image\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: nodejs20.x\n';
        const template = (0, cloudformation_1.parseCloudFormation)(text);
        const properties = template.resources[0].properties;
        const values = Object.fromEntries(properties.entries.map((e) => [e.key.value, e.value.value]));
        assert.deepEqual(values, { PackageType: 'Image', Runtime: 'nodejs20.x' });
    });
});
//# sourceMappingURL=cloudformation.test.js.map