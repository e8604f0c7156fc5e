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
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const yaml_1 = require("yaml");
const helpers_1 = require("../helpers");
const action = (0, yaml_1.parse)((0, node_fs_1.readFileSync)((0, node_path_1.join)(helpers_1.ROOT, 'action.yml'), 'utf8'));
/** `${{ github.action_path }}` and `${{ inputs.x }}`, as the runner evaluates them in a composite action. */
function evaluate(text, inputs) {
    return text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_m, expression) => {
        if (expression === 'github.action_path')
            return helpers_1.ROOT;
        const input = /^inputs\.([\w-]+)$/.exec(expression)?.[1];
        if (input !== undefined && input in action.inputs)
            return inputs[input] ?? action.inputs[input].default ?? '';
        throw new Error(`the test does not evaluate \${{ ${expression} }}`);
    });
}
/**
 * Runs the action's `run:` steps as the runner would, in `workspace`: bash, the step's working directory and
 * environment, GITHUB_OUTPUT. `uses:` steps (actions/setup-node) are the runner's business: this Node is used.
 * The build step builds only when dist/cli.js is missing; the suite built it, so no network is needed.
 */
function runAction(workspace, inputs) {
    const githubOutput = (0, node_path_1.join)(workspace, `github-output-${Date.now()}`);
    let log = '';
    for (const step of action.runs.steps) {
        if (!step.run)
            continue;
        const env = { ...process.env, GITHUB_OUTPUT: githubOutput, GITHUB_WORKSPACE: workspace };
        for (const [key, value] of Object.entries(step.env ?? {}))
            env[key] = evaluate(value, inputs);
        const cwd = step['working-directory'] ? evaluate(step['working-directory'], inputs) : workspace;
        const result = (0, node_child_process_1.spawnSync)('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', evaluate(step.run, inputs)], { cwd, env, encoding: 'utf8', timeout: 120000 });
        log += `${step.name ?? step.id}: ${result.stdout}${result.stderr}\n`;
        if (result.status !== 0)
            return { status: result.status, outputs: readOutputs(githubOutput), log };
    }
    return { status: 0, outputs: readOutputs(githubOutput), log };
}
function readOutputs(file) {
    let text = '';
    try {
        text = (0, node_fs_1.readFileSync)(file, 'utf8');
    }
    catch {
        return {};
    }
    return Object.fromEntries(text.split('\n').filter(Boolean).map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
}
describe('the GitHub Action (action.yml)', function () {
    this.timeout(180000);
    it('is a composite action that sets up Node, with documented inputs and the SARIF file as output', () => {
        assert.equal(action.runs.using, 'composite');
        assert.match(action.runs.steps[0]?.uses ?? '', /^actions\/setup-node@v\d+$/);
        assert.deepEqual(Object.keys(action.inputs).sort(), ['config', 'fail-on', 'max-size', 'paths', 'sarif-file']);
        assert.equal(action.outputs['sarif-file']?.value, '${{ steps.scan.outputs.sarif-file }}');
        // Inputs reach scripts through the environment only: an input spliced into a script could inject commands.
        for (const step of action.runs.steps)
            assert.doesNotMatch(step.run ?? '', /\$\{\{/, step.name);
    });
    it('scans the fixtures and writes SARIF for upload-sarif', () => {
        const workspace = (0, node_fs_1.mkdtempSync)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'srm-action-'));
        const sarifFile = (0, node_path_1.join)(workspace, 'srm lens.sarif');
        const paths = `${(0, node_path_1.join)(helpers_1.ROOT, 'test', 'fixtures', 'cfn')}\n${(0, node_path_1.join)(helpers_1.ROOT, 'test', 'fixtures', 'tf')}`;
        const { status, outputs, log } = runAction(workspace, { paths, 'sarif-file': sarifFile });
        assert.equal(status, 0, log);
        assert.equal(outputs['sarif-file'], sarifFile);
        const sarif = JSON.parse((0, node_fs_1.readFileSync)(sarifFile, 'utf8'));
        assert.equal(sarif.version, '2.1.0');
        const uris = sarif.runs[0].results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri);
        assert.ok(uris.some((uri) => uri.endsWith('.tf')) && uris.some((uri) => uri.endsWith('.yaml')), uris.join(', '));
    });
    it('fails the step with fail-on, and still writes the SARIF to upload', () => {
        const workspace = (0, node_fs_1.mkdtempSync)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'srm-action-'));
        const rule = (0, node_path_1.join)(helpers_1.ROOT, 'test', 'fixtures', 'rules', 'iam-managed-policy-admin-access');
        const { status, outputs } = runAction(workspace, { paths: (0, node_path_1.join)(rule, 'fail.yaml'), 'fail-on': 'error' });
        assert.equal(status, 1);
        const sarif = JSON.parse((0, node_fs_1.readFileSync)((0, node_path_1.join)(workspace, outputs['sarif-file']), 'utf8'));
        assert.ok(sarif.runs[0].results.some((r) => r.ruleId === 'iam-managed-policy-admin-access' && r.level === 'error'));
        assert.equal(runAction(workspace, { paths: (0, node_path_1.join)(rule, 'pass.yaml'), 'fail-on': 'error' }).status, 0);
    });
});
//# sourceMappingURL=action.test.js.map