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
const document_1 = require("../../src/core/analysis/document");
const report_1 = require("../../src/core/report");
const helpers_1 = require("./helpers");
const CORPUS = (0, node_path_1.join)(helpers_1.ROOT, '..', 'shared', 'corpus', 'cloudformation');
const TF_CORPUS = (0, node_path_1.join)(helpers_1.ROOT, '..', 'shared', 'corpus', 'terraform');
function* files(folder) {
    for (const name of (0, node_fs_1.readdirSync)(folder).sort()) {
        const path = (0, node_path_1.join)(folder, name);
        if ((0, node_fs_1.statSync)(path).isDirectory())
            yield* files(path);
        else if (/\.(ya?ml|json|template|tf)$/i.test(name))
            yield path;
    }
}
/** `Type: AWS::A::B` written as a resource type (three parts), found by a plain text search. */
const TYPE_IN_TEXT = /^\s*["']?Type["']?\s*:\s*["']?((?:AWS|Alexa)::[A-Za-z0-9]+::[A-Za-z0-9]+)["']?\s*,?\s*$/gm;
describe('the CloudFormation corpus (../shared/corpus/cloudformation)', function () {
    this.timeout(120000);
    before(function () {
        (0, helpers_1.skipWithoutShared)(this, CORPUS);
    });
    it('scans every file without a crash, and reports every catalog type it holds as known', () => {
        const k = (0, helpers_1.knowledge)();
        let scanned = 0;
        let templates = 0;
        let resources = 0;
        let known = 0;
        let withErrors = 0;
        let embedded = 0;
        const unknownTypes = new Map();
        for (const path of files(CORPUS)) {
            scanned++;
            const text = (0, node_fs_1.readFileSync)(path, 'utf8');
            const template = (0, document_1.analyzeDocument)(text);
            if (!template)
                continue;
            templates++;
            const report = (0, report_1.fileReport)(k, (0, node_path_1.relative)(CORPUS, path), template);
            if (report.errors.length > 0)
                withErrors++;
            const reportedKnown = new Set();
            for (const resource of report.resources) {
                resources++;
                if (resource.known) {
                    known++;
                    assert.ok(resource.service && resource.category, `${path}: ${resource.id} known without service/category`);
                    reportedKnown.add(resource.type);
                }
                else if (resource.type.startsWith('AWS::')) {
                    unknownTypes.set(resource.type, (0, node_path_1.relative)(CORPUS, path));
                }
            }
            // Every catalog type written in the file's text is a reported known resource, unless it sits inside another
            // resource's declaration (a template embedded in a StackSet's TemplateBody is not this template's resource).
            for (const match of text.matchAll(TYPE_IN_TEXT)) {
                const type = match[1];
                const offset = match.index + match[0].indexOf(type);
                if (!k.isKnownType(type))
                    continue;
                if (template.resources.some((r) => r.typeSpan.start === offset))
                    assert.ok(reportedKnown.has(type));
                else if (template.resources.some((r) => offset > r.span.start && offset < r.span.end))
                    embedded++;
                else
                    assert.fail(`${(0, node_path_1.relative)(CORPUS, path)}: ${type} at offset ${offset} was not found as a resource`);
            }
        }
        console.log(`      corpus: ${scanned} files, ${templates} templates, ${resources} resources, ${known} known; ${withErrors} templates with parse errors; ${embedded} types inside embedded templates; unknown AWS types: ${[...unknownTypes.keys()].join(', ') || 'none'}`);
        assert.ok(templates >= 290, `${templates} templates detected`);
    });
});
/** A type checkov's graph-check fixture invents; it exists in no version of the AWS provider. */
const NOT_A_PROVIDER_TYPE = new Set(['aws_ec2_spot_fleet_request']);
/** `resource "aws_x" "name"` as written, found by a plain text search. */
const TF_RESOURCE_IN_TEXT = /^\s*resource\s+"(aws_[a-z0-9_]+)"\s+"[^"]+"/gm;
describe('the Terraform corpus (../shared/corpus/terraform)', function () {
    this.timeout(120000);
    before(function () {
        (0, helpers_1.skipWithoutShared)(this, TF_CORPUS);
    });
    it('scans every .tf file without a crash, and reports every aws_ resource type as known', async () => {
        const k = (0, helpers_1.knowledge)();
        const parser = await (0, helpers_1.hclParser)();
        let scanned = 0;
        let resources = 0;
        let known = 0;
        let awsOccurrences = 0;
        let withErrors = 0;
        const unknown = new Set();
        for (const path of files(TF_CORPUS)) {
            if (!path.endsWith('.tf'))
                continue;
            scanned++;
            const text = (0, node_fs_1.readFileSync)(path, 'utf8');
            const template = (0, document_1.analyzeDocument)(text, path, parser);
            assert.ok(template, path);
            const report = (0, report_1.fileReport)(k, (0, node_path_1.relative)(TF_CORPUS, path), template);
            if (report.errors.length > 0)
                withErrors++;
            const knownTypes = new Set();
            for (const resource of report.resources) {
                resources++;
                if (resource.known) {
                    known++;
                    assert.ok(resource.service && resource.category, `${path}: ${resource.id}`);
                    knownTypes.add(resource.type);
                }
                else if (resource.type.startsWith('aws_') && !NOT_A_PROVIDER_TYPE.has(resource.type)) {
                    unknown.add(`${resource.type} (${(0, node_path_1.relative)(TF_CORPUS, path)})`);
                }
            }
            for (const match of text.matchAll(TF_RESOURCE_IN_TEXT)) {
                if (NOT_A_PROVIDER_TYPE.has(match[1]))
                    continue;
                awsOccurrences++;
                assert.ok(knownTypes.has(match[1]), `${(0, node_path_1.relative)(TF_CORPUS, path)}: ${match[1]} not reported known`);
            }
        }
        console.log(`      terraform corpus: ${scanned} files, ${resources} resources and data sources, ${known} known; ${awsOccurrences} aws_ resource blocks, all known; ${withErrors} files with parse errors`);
        assert.deepEqual([...unknown], []);
        assert.ok(scanned >= 290, `${scanned} files`);
    });
});
//# sourceMappingURL=corpus.test.js.map