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
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const document_1 = require("../../../src/core/analysis/document");
const settings_1 = require("../../../src/core/settings");
const run_1 = require("./run");
const MB = 1024 * 1024;
const OVER_LIMIT = /^This file is [\d.]+ [KM]B, over the analysis limit of [\d.]+ [KM]B: it was not analysed/;
describe('hostile input: size is checked first', () => {
    const dir = (0, node_fs_1.mkdtempSync)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'srm-size-'));
    it('reports a template over the limit in one problem, without analysing it', () => {
        const text = `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  B:\n    Type: AWS::S3::Bucket\n${'\n'.repeat(6 * MB)}`;
        const template = (0, document_1.analyzeDocument)(text, 'big.yaml');
        assert.ok(template && (0, document_1.isOversized)(template));
        assert.deepEqual(template.resources, []);
        assert.equal(template.problems.length, 1);
        assert.match((0, run_1.messages)(template)[0], OVER_LIMIT);
        assert.equal((0, document_1.analyzeDocument)(`{"data": [${'1,'.repeat(3 * MB)}1]}`, 'data.json'), undefined, 'an oversized file that is no template stays silent');
    });
    it('keeps the quick scan of resource types between CloudFormation’s 1 MB and the limit', () => {
        const text = `Resources:\n  B:\n    Type: AWS::S3::Bucket\n#${'x'.repeat(2 * MB)}\n`;
        const template = (0, document_1.analyzeDocument)(text, 'scan.yaml');
        assert.deepEqual(template?.resources.map((r) => r.type), ['AWS::S3::Bucket']);
        assert.match((0, run_1.messages)(template)[0], /over CloudFormation's 1 MB limit/);
        assert.ok(template && !(0, document_1.isOversized)(template));
    });
    it('honours a lower limit', () => {
        const text = `Resources:\n  B:\n    Type: AWS::S3::Bucket\n#${'x'.repeat(40 * 1024)}`;
        const template = (0, document_1.analyzeDocument)(text, 't.yaml', undefined, { maxSize: 20 * 1024 });
        assert.match((0, run_1.messages)(template)[0], /^This file is 41 KB, over the analysis limit of 20 KB/);
    });
    it('reads the limit from srmLens.analysis.maxFileSize, in MB, defaulting to 5', () => {
        const settings = (values) => (0, settings_1.parseSettings)({ get: (key) => values[key] });
        assert.equal(settings_1.DEFAULT_SETTINGS.maxFileSizeMB, 5);
        assert.equal(settings({ 'analysis.maxFileSize': 12.5 }).maxFileSizeMB, 12.5);
        for (const invalid of [0, -1, '7', Infinity, null])
            assert.equal(settings({ 'analysis.maxFileSize': invalid }).maxFileSizeMB, 5);
    });
    it('the CLI reads no more of a 250 MB file than its first bytes (a 64 MB heap suffices)', () => {
        const big = (0, node_path_1.join)(dir, 'huge.tf');
        (0, node_fs_1.writeFileSync)(big, `resource "aws_s3_bucket" "b" {}\n${'\n'.repeat(1024)}`);
        (0, node_fs_1.truncateSync)(big, 250 * MB);
        const result = (0, run_1.cli)(['scan', big, '--format', 'json'], { nodeOptions: ['--max-old-space-size=64'] });
        assert.equal(result.status, 0, result.stderr);
        const [file] = JSON.parse(result.stdout).files;
        assert.equal(file.errors.length, 1);
        assert.match(file.errors[0].message, /^This file is 250 MB, over the analysis limit of 5 MB/);
    });
    it('--max-size sets the limit in MB, and rejects what is not a positive number', () => {
        const file = (0, node_path_1.join)(dir, 'app.yaml');
        (0, node_fs_1.writeFileSync)(file, `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  B:\n    Type: AWS::S3::Bucket\n${'#'.repeat(2000)}\n`);
        const small = (0, run_1.cli)(['scan', file, '--max-size', '0.001']);
        assert.equal(small.status, 0, small.stderr);
        assert.match(small.stdout, /error {2}This file is 3 KB, over the analysis limit of 2 KB: it was not analysed/);
        assert.match((0, run_1.cli)(['scan', file, '--max-size=1']).stdout, /B {2}AWS::S3::Bucket/);
        for (const bad of ['0', '-2', 'abc']) {
            const result = (0, run_1.cli)(['scan', file, '--max-size', bad]);
            assert.equal(result.status, 2);
            assert.match(result.stderr, /^srm-lens: --max-size must be a positive number of megabytes/);
        }
    });
    it('lists the first 100 syntax problems of a garbage file and counts the rest', () => {
        for (const [text, fileName] of [[`{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"B": {"Type": "AWS::S3::Bucket", "Properties": {"X": [${'1 2 x, '.repeat(3000)}]}}}}`, 'garbage.json'], [`AWSTemplateFormatVersion: "2010-09-09"\nResources:\n${'  - [a: b: c\n'.repeat(3000)}`, 'garbage.yaml']]) {
            const template = (0, document_1.analyzeDocument)(text, fileName);
            const problems = (0, run_1.messages)(template);
            // The parser's first 100, the count of the others, then what the template itself lacks (Resources as a map…).
            assert.equal(problems.findIndex((message) => /^\d+ more problems in this file are not listed$/.test(message)), 100, fileName);
            assert.ok(problems.length < 110, `${fileName}: ${problems.length} problems`);
        }
    });
    it('tells the hover which lines declare a resource type', () => {
        for (const line of ['    Type: AWS::S3::Bucket', '"Type": "AWS::SQS::Queue",', 'resource "aws_s3_bucket" "b" {', '  data "aws_iam_policy_document" "p" {']) {
            assert.ok((0, document_1.mayDeclareResourceType)(line), line);
        }
        for (const line of ['    Properties:', 'BucketName: Type', 'variable "x" {}'])
            assert.ok(!(0, document_1.mayDeclareResourceType)(line), line);
    });
});
//# sourceMappingURL=size.test.js.map