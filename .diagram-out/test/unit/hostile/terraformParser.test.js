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
const hcl_1 = require("../../../src/core/syntax/hcl");
const terraform_1 = require("../../../src/core/template/terraform");
const loadKnowledge_1 = require("../../../src/node/loadKnowledge");
const helpers_1 = require("../helpers");
const SMALL = 'resource "aws_s3_bucket" "ok" {\n  bucket = "logs"\n}\n';
/**
 * The real web-tree-sitter, each copy given a 64 MiB memory instead of the parser's 1 GiB ceiling: a 2 MB string
 * then exhausts it in a second, and the runtime aborts as it does on a 14 MB file with the real ceiling.
 */
function smallMemoryModules() {
    const fresh = (0, loadKnowledge_1.freshModuleLoader)((0, node_path_1.join)(helpers_1.ROOT, 'dist', 'web-tree-sitter.cjs'));
    let count = 0;
    const load = () => {
        count++;
        const real = fresh();
        class SmallParser extends real.Parser {
            static init(options) {
                return real.Parser.init({ ...options, wasmMemory: new WebAssembly.Memory({ initial: 512, maximum: 1024 }) });
            }
        }
        return { Parser: SmallParser, Language: real.Language };
    };
    return { load, loaded: () => count };
}
describe('hostile input: the Terraform parser recovers', () => {
    it('after its WebAssembly runtime aborts, the next file gets a new runtime', async function () {
        this.timeout(120000);
        const modules = smallMemoryModules();
        const parser = await hcl_1.HclParser.create({
            runtimeWasm: (0, node_fs_1.readFileSync)((0, node_path_1.join)(helpers_1.ROOT, 'dist', 'web-tree-sitter.wasm')),
            languageWasm: (0, node_fs_1.readFileSync)((0, node_path_1.join)(helpers_1.ROOT, 'dist', 'tree-sitter-terraform.wasm')),
            loadModule: modules.load,
        });
        assert.deepEqual((0, terraform_1.parseTerraformHcl)(SMALL, parser).resources.map((r) => r.id), ['aws_s3_bucket.ok']);
        const huge = `resource "aws_s3_bucket" "big" {\n  bucket = "${'a'.repeat(2 * 1024 * 1024)}"\n}\n`;
        const failed = (0, terraform_1.parseTerraformHcl)(huge, parser);
        assert.deepEqual(failed.resources, []);
        assert.match(failed.problems[0].message, /^The Terraform parser failed on this file \(Aborted\(\)/);
        await parser.ready();
        assert.equal(modules.loaded(), 2, 'a new copy of web-tree-sitter replaced the aborted one');
        for (let i = 0; i < 3; i++)
            assert.deepEqual((0, terraform_1.parseTerraformHcl)(SMALL, parser).resources.map((r) => r.id), ['aws_s3_bucket.ok']);
    });
    it('stops at the deadline or on cancellation, and parses the next file from its start', async () => {
        const parser = await (0, helpers_1.hclParser)();
        const text = Array.from({ length: 3000 }, (_, i) => `resource "aws_sqs_queue" "q${i}" {\n  name = "q${i}"\n}\n`).join('');
        const late = (0, terraform_1.parseTerraformHcl)(text, parser, { deadline: Date.now() - 1 });
        assert.deepEqual(late.resources, []);
        assert.deepEqual(late.problems.map((p) => p.message), ['Parsing took longer than the time allowed: this file was not analysed']);
        const cancelled = (0, terraform_1.parseTerraformHcl)(text, parser, { isCancelled: () => true });
        assert.deepEqual(cancelled.problems.map((p) => p.message), ['Parsing was cancelled']);
        // A stopped parse would resume where it stopped if the parser were not reset.
        assert.deepEqual((0, terraform_1.parseTerraformHcl)(SMALL, parser).resources.map((r) => r.id), ['aws_s3_bucket.ok']);
        assert.equal((0, terraform_1.parseTerraformHcl)(text, parser).resources.length, 3000);
    });
});
//# sourceMappingURL=terraformParser.test.js.map