import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from '../helpers';

const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; bin: Record<string, string>; dependencies?: object };

function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env) {
  return spawnSync(command, args, { cwd, encoding: 'utf8', env, timeout: 180000 });
}

/**
 * `npm pack` of the built tree (dist/ comes from the suite's build; --ignore-scripts skips prepack, which would rebuild
 * it in production mode), installed into an empty folder with an empty npm cache and --offline: the package has no
 * dependencies (the bundles hold them), so nothing needs the network, and nothing comes from a cache.
 */
describe('the packed CLI (npm pack)', function () {
  this.timeout(300000);
  const work = mkdtempSync(join(tmpdir(), 'srm-pack-'));
  const project = join(work, 'project');
  let bin = '';

  before(() => {
    const packed = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], ROOT);
    assert.equal(packed.status, 0, packed.stderr);
    const [{ filename, files }] = JSON.parse(packed.stdout) as [{ filename: string; files: { path: string }[] }];
    const paths = files.map((file) => file.path).sort();
    for (const needed of ['dist/cli.js', 'dist/cli-main.js', 'dist/cli-main.js.cache', 'dist/data/content.jsonl', 'dist/data/services.jsonl', 'dist/data/rules.jsonl', 'dist/data/cfn-catalog.jsonl', 'dist/data/tf-catalog.jsonl', 'dist/web-tree-sitter.wasm', 'dist/tree-sitter-terraform.wasm', 'dist/web-tree-sitter.cjs', 'package.json']) {
      assert.ok(paths.includes(needed), `${needed} is in the package: ${paths.join(', ')}`);
    }
    assert.deepEqual(paths.filter((path) => /^(src|test|scripts|node_modules|data)\//.test(path) || path.endsWith('.map')), [], 'no sources, tests or source maps');

    writeFileSync(join(work, 'package.json'), '{}');
    const env = { ...process.env, npm_config_cache: join(work, 'empty-cache'), npm_config_audit: 'false', npm_config_fund: 'false' };
    const installed = run('npm', ['install', '--offline', '--prefix', project, join(work, filename)], work, env);
    assert.equal(installed.status, 0, installed.stderr);
    bin = join(project, 'node_modules', '.bin', 'srm-lens');
  });

  it('has no dependencies to install: only srm-lens lands in node_modules', () => {
    assert.equal(packageJson.dependencies, undefined);
    assert.deepEqual(readdirSync(join(project, 'node_modules')).filter((name) => !name.startsWith('.')), ['srm-lens']);
  });

  it('runs as `srm-lens`: version, explain (the data) and a scan of CloudFormation and Terraform (the wasm parser)', () => {
    assert.equal(run(bin, ['--version'], work).stdout.trim(), packageJson.version);
    const explained = run(bin, ['explain', 'AWS::S3::Bucket'], work);
    assert.equal(explained.status, 0, explained.stderr);
    assert.match(explained.stdout, /\*\*Amazon S3\*\*/);
    const scanned = run(bin, ['scan', join(ROOT, 'test', 'fixtures', 'cfn', 'app.yaml'), join(ROOT, 'test', 'fixtures', 'tf', 'main.tf'), '--format', 'json'], work);
    assert.equal(scanned.status, 0, scanned.stderr);
    const files = JSON.parse(scanned.stdout).files as { format: string; resources: { known: boolean }[] }[];
    assert.deepEqual(files.map((file) => file.format), ['cloudformation-yaml', 'terraform-hcl']);
    for (const file of files) assert.ok(file.resources.some((resource) => resource.known));
  });

  it('is the entry of the pre-commit hook, which fails a commit with an error finding and passes a clean one', () => {
    const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; language: string; files: string }[];
    const hook = hooks.find((h) => h.id === 'srm-lens');
    assert.ok(hook);
    assert.equal(hook.language, 'node');
    const [command, ...args] = hook.entry.split(' ');
    assert.ok(command && command in packageJson.bin, `${command} is a binary of the package`);
    const files = new RegExp(hook.files);
    for (const name of ['template.yaml', 'stack.yml', 'app.json', 'main.tf', 'main.tf.json', 'x.template']) assert.ok(files.test(name), name);
    for (const name of ['README.md', 'index.ts', 'Makefile']) assert.ok(!files.test(name), name);
    // pre-commit runs the entry with the files of the commit, the installed package's binaries on PATH.
    const env = { ...process.env, PATH: `${join(project, 'node_modules', '.bin')}${delimiter}${process.env['PATH'] ?? ''}` };
    const rule = join(ROOT, 'test', 'fixtures', 'rules', 'iam-managed-policy-admin-access');
    const failing = run(command, [...args, join(rule, 'fail.yaml'), join(ROOT, 'README.md')], work, env);
    assert.equal(failing.status, 1, failing.stdout + failing.stderr);
    assert.match(failing.stdout, /error {2}.*\[iam-managed-policy-admin-access\]/);
    const passing = run(command, [...args, join(rule, 'pass.yaml'), join(rule, 'pass.tf')], work, env);
    assert.equal(passing.status, 0, passing.stdout + passing.stderr);
  });
});
