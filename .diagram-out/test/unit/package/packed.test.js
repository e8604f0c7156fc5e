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
const packageJson = JSON.parse((0, node_fs_1.readFileSync)((0, node_path_1.join)(helpers_1.ROOT, 'package.json'), 'utf8'));
function run(command, args, cwd, env = process.env) {
    return (0, node_child_process_1.spawnSync)(command, args, { cwd, encoding: 'utf8', env, timeout: 180000 });
}
/**
 * `npm pack` of the built tree (dist/ comes from the suite's build; --ignore-scripts skips prepack, which would rebuild
 * it in production mode), installed into an empty folder with an empty npm cache and --offline: the package has no
 * dependencies (the bundles hold them), so nothing needs the network, and nothing comes from a cache.
 */
describe('the packed CLI (npm pack)', function () {
    this.timeout(300000);
    const work = (0, node_fs_1.mkdtempSync)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'srm-pack-'));
    const project = (0, node_path_1.join)(work, 'project');
    let bin = '';
    before(() => {
        const packed = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], helpers_1.ROOT);
        assert.equal(packed.status, 0, packed.stderr);
        const [{ filename, files }] = JSON.parse(packed.stdout);
        const paths = files.map((file) => file.path).sort();
        for (const needed of ['dist/cli.js', 'dist/data/content.json', 'dist/data/services.jsonl', 'dist/data/rules.json', 'dist/data/cfn-catalog.jsonl', 'dist/data/tf-catalog.jsonl', 'dist/web-tree-sitter.wasm', 'dist/tree-sitter-terraform.wasm', 'dist/web-tree-sitter.cjs', 'package.json']) {
            assert.ok(paths.includes(needed), `${needed} is in the package: ${paths.join(', ')}`);
        }
        assert.deepEqual(paths.filter((path) => /^(src|test|scripts|node_modules|data)\//.test(path) || path.endsWith('.map')), [], 'no sources, tests or source maps');
        (0, node_fs_1.writeFileSync)((0, node_path_1.join)(work, 'package.json'), '{}');
        const env = { ...process.env, npm_config_cache: (0, node_path_1.join)(work, 'empty-cache'), npm_config_audit: 'false', npm_config_fund: 'false' };
        const installed = run('npm', ['install', '--offline', '--prefix', project, (0, node_path_1.join)(work, filename)], work, env);
        assert.equal(installed.status, 0, installed.stderr);
        bin = (0, node_path_1.join)(project, 'node_modules', '.bin', 'srm-lens');
    });
    it('has no dependencies to install: only srm-lens lands in node_modules', () => {
        assert.equal(packageJson.dependencies, undefined);
        assert.deepEqual((0, node_fs_1.readdirSync)((0, node_path_1.join)(project, 'node_modules')).filter((name) => !name.startsWith('.')), ['srm-lens']);
    });
    it('runs as `srm-lens`: version, explain (the data) and a scan of CloudFormation and Terraform (the wasm parser)', () => {
        assert.equal(run(bin, ['--version'], work).stdout.trim(), packageJson.version);
        const explained = run(bin, ['explain', 'AWS::S3::Bucket'], work);
        assert.equal(explained.status, 0, explained.stderr);
        assert.match(explained.stdout, /\*\*Amazon S3\*\*/);
        const scanned = run(bin, ['scan', (0, node_path_1.join)(helpers_1.ROOT, 'test', 'fixtures', 'cfn', 'app.yaml'), (0, node_path_1.join)(helpers_1.ROOT, 'test', 'fixtures', 'tf', 'main.tf'), '--format', 'json'], work);
        assert.equal(scanned.status, 0, scanned.stderr);
        const files = JSON.parse(scanned.stdout).files;
        assert.deepEqual(files.map((file) => file.format), ['cloudformation-yaml', 'terraform-hcl']);
        for (const file of files)
            assert.ok(file.resources.some((resource) => resource.known));
    });
    it('is the entry of the pre-commit hook, which fails a commit with an error finding and passes a clean one', () => {
        const hooks = (0, yaml_1.parse)((0, node_fs_1.readFileSync)((0, node_path_1.join)(helpers_1.ROOT, '.pre-commit-hooks.yaml'), 'utf8'));
        const hook = hooks.find((h) => h.id === 'srm-lens');
        assert.ok(hook);
        assert.equal(hook.language, 'node');
        const [command, ...args] = hook.entry.split(' ');
        assert.ok(command && command in packageJson.bin, `${command} is a binary of the package`);
        const files = new RegExp(hook.files);
        for (const name of ['template.yaml', 'stack.yml', 'app.json', 'main.tf', 'main.tf.json', 'x.template'])
            assert.ok(files.test(name), name);
        for (const name of ['README.md', 'index.ts', 'Makefile'])
            assert.ok(!files.test(name), name);
        // pre-commit runs the entry with the files of the commit, the installed package's binaries on PATH.
        const env = { ...process.env, PATH: `${(0, node_path_1.join)(project, 'node_modules', '.bin')}${node_path_1.delimiter}${process.env['PATH'] ?? ''}` };
        const rule = (0, node_path_1.join)(helpers_1.ROOT, 'test', 'fixtures', 'rules', 'iam-managed-policy-admin-access');
        const failing = run(command, [...args, (0, node_path_1.join)(rule, 'fail.yaml'), (0, node_path_1.join)(helpers_1.ROOT, 'README.md')], work, env);
        assert.equal(failing.status, 1, failing.stdout + failing.stderr);
        assert.match(failing.stdout, /error {2}.*\[iam-managed-policy-admin-access\]/);
        const passing = run(command, [...args, (0, node_path_1.join)(rule, 'pass.yaml'), (0, node_path_1.join)(rule, 'pass.tf')], work, env);
        assert.equal(passing.status, 0, passing.stdout + passing.stderr);
    });
});
//# sourceMappingURL=packed.test.js.map