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
const engine_1 = require("../../../src/core/rules/engine");
const fixes_1 = require("../../../src/core/rules/fixes");
const helpers_1 = require("../helpers");
const FIXTURES = (0, node_path_1.join)(helpers_1.ROOT, 'test', 'fixtures', 'rules');
/** The findings of one rule in a fixture file, counting neither suppressed nor "depends on" ones. */
function analyse(file, parser) {
    const text = (0, node_fs_1.readFileSync)(file, 'utf8');
    const template = (0, document_1.analyzeDocument)(text, file, parser);
    assert.ok(template, `${file} is not recognised as a template`);
    assert.deepEqual(template.problems.map((p) => p.message), [], `${file} does not parse cleanly`);
    return { text, template, findings: (0, engine_1.findingsOf)((0, helpers_1.knowledge)().rules, template, text) };
}
function raised(findings, rule) {
    return findings.filter((f) => f.rule.id === rule.id && !f.suppressed && f.kind !== 'depends');
}
describe('rules on their fixtures (test/fixtures/rules/<rule>/{fail,pass}.{yaml,json,tf})', () => {
    const rules = (0, helpers_1.knowledge)().rules.all;
    it('there are at least 80 rules', () => {
        assert.ok(rules.length >= 80, `${rules.length} rules`);
    });
    it('the README\'s table of rules is generated from data/rules and current', () => {
        const result = (0, node_child_process_1.spawnSync)(process.execPath, [(0, node_path_1.join)(helpers_1.ROOT, 'scripts', 'rules-table.mjs'), '--check'], { encoding: 'utf8' });
        assert.equal(result.status, 0, result.stderr);
    });
    it('the JSON fixtures are generated from the YAML ones and current', () => {
        const result = (0, node_child_process_1.spawnSync)(process.execPath, [(0, node_path_1.join)(helpers_1.ROOT, 'scripts', 'fixtures-json.mjs'), '--check'], { encoding: 'utf8' });
        assert.equal(result.status, 0, result.stderr);
    });
    for (const rule of rules) {
        const files = [
            ...(rule.resource_types.cfn ? ['fail.yaml', 'pass.yaml', 'fail.json', 'pass.json'] : []),
            ...(rule.resource_types.tf ? ['fail.tf', 'pass.tf'] : []),
        ];
        it(`${rule.id}: raised by each fail fixture, not by any pass fixture; its quick fix removes it`, async () => {
            const parser = await (0, helpers_1.hclParser)();
            for (const name of files) {
                const file = (0, node_path_1.join)(FIXTURES, rule.id, name);
                assert.ok((0, node_fs_1.existsSync)(file), `missing fixture ${name}`);
                const { text, template, findings } = analyse(file, parser);
                const found = raised(findings, rule);
                if (name.startsWith('pass')) {
                    assert.deepEqual(found.map((f) => `${f.resource.id}: ${f.message}`), [], `${name} raises the rule`);
                    continue;
                }
                assert.ok(found.length > 0, `${name} does not raise the rule`);
                for (const finding of found)
                    assert.ok(finding.span.end <= text.length && finding.span.start <= finding.span.end);
                // The quick fix, where the rule has one for this language, re-parses and the finding is gone.
                const edits = (0, fixes_1.fixEdits)(rule, template, found[0].resource, text);
                if (!edits)
                    continue;
                const fixed = (0, fixes_1.applyEdits)(text, edits);
                const after = (0, document_1.analyzeDocument)(fixed, file, parser);
                assert.deepEqual(after.problems.map((p) => p.message), [], `${name} after the fix does not parse:\n${fixed}`);
                const still = raised((0, engine_1.findingsOf)((0, helpers_1.knowledge)().rules, after, fixed), rule).filter((f) => f.resource.id === found[0].resource.id);
                assert.deepEqual(still.map((f) => f.message), [], `${name}: the fix leaves the finding:\n${fixed}`);
            }
        });
    }
});
//# sourceMappingURL=fixtures.test.js.map