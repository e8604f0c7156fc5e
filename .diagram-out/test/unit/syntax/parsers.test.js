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
const json_1 = require("../../../src/core/syntax/json");
const lineIndex_1 = require("../../../src/core/syntax/lineIndex");
const tree_1 = require("../../../src/core/syntax/tree");
const yaml_1 = require("../../../src/core/syntax/yaml");
const helpers_1 = require("../helpers");
function at(root, ...keys) {
    let node = root;
    for (const key of keys)
        node = (0, tree_1.isMap)(node) ? (0, tree_1.getValue)(node, key) : undefined;
    return node;
}
describe('YAML parser', () => {
    it('gives exact spans for keys and values', () => {
        const text = 'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n';
        const { root, problems } = (0, yaml_1.parseYaml)(text);
        assert.deepEqual(problems, []);
        const type = at(root, 'Resources', 'Bucket', 'Type');
        assert.equal((0, helpers_1.slice)(text, type), 'AWS::S3::Bucket');
        assert.deepEqual(new lineIndex_1.LineIndex(text).rangeOf(type), { start: { line: 2, character: 10 }, end: { line: 2, character: 25 } });
    });
    it('accepts every CloudFormation short-form tag on scalars, lists and maps without a warning', () => {
        const lines = yaml_1.INTRINSIC_TAGS.flatMap((tag) => [
            `  S${tag}: !${tag} value`,
            `  L${tag}: !${tag} [a, b]`,
            `  M${tag}: !${tag} {a: b}`,
        ]);
        const text = `Values:\n${lines.join('\n')}\n`;
        const { root, problems } = (0, yaml_1.parseYaml)(text);
        assert.deepEqual(problems, []);
        const values = at(root, 'Values');
        assert.ok((0, tree_1.isMap)(values));
        assert.equal(values.entries.length, yaml_1.INTRINSIC_TAGS.length * 3);
        const getAtt = at(root, 'Values', 'SGetAtt');
        assert.equal(getAtt.tag, '!GetAtt');
        assert.equal(getAtt.kind, 'scalar');
        assert.equal(at(root, 'Values', 'LIf').kind, 'seq');
        assert.equal(at(root, 'Values', 'MSub').kind, 'map');
    });
    it('reports invalid YAML and still returns what parsed', () => {
        const text = 'Resources:\n  A:\n    Type: AWS::S3::Bucket\n  B: [unclosed\n';
        const { root, problems } = (0, yaml_1.parseYaml)(text);
        assert.ok(problems.length > 0);
        assert.equal((0, helpers_1.slice)(text, at(root, 'Resources', 'A', 'Type')), 'AWS::S3::Bucket');
    });
    it('reports duplicate keys with the position of the repeated key', () => {
        const text = 'A: 1\nB: 2\nA: 3\n';
        const { problems } = (0, yaml_1.parseYaml)(text);
        assert.equal(problems.length, 1);
        assert.match(problems[0].message, /Duplicate key 'A'/);
        assert.equal(problems[0].span.start, 10);
    });
    it('keeps an alias bomb linear: aliases share the converted node', () => {
        const levels = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
        for (let i = 1; i < 12; i++) {
            const prev = String.fromCharCode(96 + i);
            const name = String.fromCharCode(97 + i);
            levels.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(',')}]`);
        }
        const started = Date.now();
        const { root } = (0, yaml_1.parseYaml)(`${levels.join('\n')}\n`);
        assert.ok((0, tree_1.isMap)(root));
        assert.ok(Date.now() - started < 5000, 'alias expansion must not be exponential');
    });
    it('reports an alias that refers to its own ancestor instead of looping', () => {
        const { root, problems } = (0, yaml_1.parseYaml)('a: &x\n  - *x\n');
        assert.ok((0, tree_1.isMap)(root));
        assert.ok(problems.some((p) => /contains it/.test(p.message)));
    });
});
describe('JSON parser', () => {
    it('gives exact spans, including after escapes', () => {
        const text = '{\n  "Resources": {\n    "B\\u0041": { "Type": "AWS::S3::Bucket" }\n  }\n}';
        const { root, problems } = (0, json_1.parseJson)(text);
        assert.deepEqual(problems, []);
        const type = at(root, 'Resources', 'BA', 'Type');
        assert.equal((0, helpers_1.slice)(text, type), '"AWS::S3::Bucket"');
        assert.deepEqual(new lineIndex_1.LineIndex(text).rangeOf(type).start, { line: 2, character: 25 });
    });
    it('parses numbers, booleans, null, nested arrays', () => {
        const { root, problems } = (0, json_1.parseJson)('{"a": [1, -2.5e3, true, false, null, {"b": []}]}');
        assert.deepEqual(problems, []);
        const a = at(root, 'a');
        assert.equal(a?.kind, 'seq');
        if (a?.kind !== 'seq')
            return;
        assert.deepEqual(a.items.slice(0, 5).map((n) => (n.kind === 'scalar' ? n.value : undefined)), [1, -2500, true, false, null]);
    });
    it('recovers from a missing comma, a trailing comma and a cut-off end', () => {
        const text = '{"Resources": {"A": {"Type": "AWS::S3::Bucket"} "B": {"Type": "AWS::SQS::Queue",}, "C": {"Type": "AWS::SNS::To';
        const { root, problems } = (0, json_1.parseJson)(text);
        assert.ok(problems.length >= 3, problems.map((p) => p.message).join('; '));
        assert.equal(at(root, 'Resources', 'A', 'Type').value, 'AWS::S3::Bucket');
        assert.equal(at(root, 'Resources', 'B', 'Type').value, 'AWS::SQS::Queue');
    });
    it('skips a BOM and reports comments and duplicate keys', () => {
        const text = '\uFEFF{ // note\n "a": 1, "a": 2 }';
        const { root, problems } = (0, json_1.parseJson)(text);
        assert.ok((0, tree_1.isMap)(root));
        assert.deepEqual(problems.map((p) => p.message), ['Comments are not allowed in JSON', "Duplicate key 'a'"]);
        assert.equal(at(root, 'a').value, 2);
    });
    it('bounds nesting depth instead of overflowing the stack', () => {
        const text = `${'['.repeat(100000)}${']'.repeat(100000)}`;
        const { problems } = (0, json_1.parseJson)(text);
        assert.ok(problems.some((p) => /Nested too deeply at line 1/.test(p.message)));
    });
});
describe('LineIndex', () => {
    it('handles CRLF, lone CR and LF alike', () => {
        const index = new lineIndex_1.LineIndex('a\r\nb\rc\nd');
        assert.deepEqual(index.positionAt(3), { line: 1, character: 0 });
        assert.deepEqual(index.positionAt(5), { line: 2, character: 0 });
        assert.deepEqual(index.positionAt(7), { line: 3, character: 0 });
        assert.equal(index.offsetAt({ line: 2, character: 1 }), 6);
        assert.equal(index.lineCount, 4);
    });
});
//# sourceMappingURL=parsers.test.js.map