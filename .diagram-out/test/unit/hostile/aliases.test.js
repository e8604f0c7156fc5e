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
const tree_1 = require("../../../src/core/syntax/tree");
const yaml_1 = require("../../../src/core/syntax/yaml");
const run_1 = require("./run");
/** A billion-laughs chain: `a0` holds ten strings, each next anchor ten aliases of the one before (10^depth leaves). */
function aliasBomb(leaf, depth = 9) {
    const lines = [`a0: &a0 [${Array(10).fill(JSON.stringify(leaf)).join(', ')}]`];
    for (let i = 1; i <= depth; i++)
        lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
    return lines.join('\n');
}
describe('hostile input: YAML alias bombs', () => {
    it('recognises a template by its Transform without expanding an alias bomb there', () => {
        // 331 bytes expanded by JSON.stringify took the CLI out of memory; the Transform check now looks at 1,000 nodes.
        const text = `${aliasBomb('x')}\nTransform: *a9\nResources:\n  B:\n    Type: AWS::S3::Bucket\n`;
        const { template, outputs } = (0, run_1.scanText)(text, 'bomb.yaml');
        assert.deepEqual(template?.resources.map((r) => r.id), ['B']);
        assert.match(outputs.text, /B {2}AWS::S3::Bucket/);
    });
    it('finds an AWS transform inside a bomb within the bound', () => {
        const text = `${aliasBomb('AWS::Serverless-2016-10-31')}\nTransform: *a9\n`;
        assert.equal((0, run_1.scanText)(text, 'bomb.yaml').template?.format, 'cloudformation-yaml');
    });
    for (const section of ['Properties', 'Metadata']) {
        it(`runs every rule and every output format over a bomb in ${section}`, () => {
            const text = `AWSTemplateFormatVersion: "2010-09-09"\n${aliasBomb('arn:aws:s3:::x')}\nResources:\n  Role:\n    Type: AWS::IAM::Role\n    ${section}:\n      Policies: *a9\n      AssumeRolePolicyDocument: {Statement: *a9}\n  Bucket:\n    Type: AWS::S3::Bucket\n    ${section}: {Tags: *a9, Other: *a9}\n`;
            const { template, outputs } = (0, run_1.scanText)(text, 'bomb.yaml');
            assert.deepEqual(template?.resources.map((r) => r.id), ['Role', 'Bucket']);
            for (const output of Object.values(outputs))
                assert.ok(output.length < 1_000_000, 'the output stays proportional to the text');
        });
    }
    it('merges a bomb in SAM Globals without expanding it', () => {
        const text = `Transform: AWS::Serverless-2016-10-31\n${aliasBomb('x')}\nGlobals:\n  Function: {Environment: {Variables: {A: *a9}}, Tags: *a9}\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties: {Runtime: python3.12}\n`;
        const { template } = (0, run_1.scanText)(text, 'sam.yaml');
        assert.deepEqual(template?.resources.map((r) => r.id), ['Fn']);
    });
    it('resolves 50,000 aliases, each in a lookup (the library walked the whole document per alias)', () => {
        const { root, problems } = (0, yaml_1.parseYaml)(`a: &a {x: 1}\nb: &b [*a]\nlist: [${Array(50000).fill('*b').join(', ')}]\n`);
        assert.deepEqual(problems, []);
        const list = (0, tree_1.isMap)(root) ? root.entries[2].value : null;
        assert.equal(list?.kind === 'seq' ? list.items.length : 0, 50000);
        assert.ok(list?.kind === 'seq' && list.items.every((item) => item === list.items[0]), 'every alias shares one converted node');
    });
    it('keeps a deep tree built from aliases within the nesting limit', () => {
        // Each alias nests the one before 100 levels deeper: 20 of them would be 2,000 levels.
        const lines = [`l0: &l0 ${'['.repeat(100)}x${']'.repeat(100)}`];
        for (let i = 1; i < 20; i++)
            lines.push(`l${i}: &l${i} ${'['.repeat(100)}*l${i - 1}${']'.repeat(100)}`);
        const { root, problems } = (0, yaml_1.parseYaml)(lines.join('\n'));
        assert.ok((0, tree_1.isMap)(root));
        assert.deepEqual(problems.map((p) => p.message), ['Nested too deeply at line 2: more than 128 levels; the deeper part is not analysed']);
    });
});
//# sourceMappingURL=aliases.test.js.map