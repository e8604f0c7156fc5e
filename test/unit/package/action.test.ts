import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from '../helpers';

interface Step {
  readonly uses?: string;
  readonly name?: string;
  readonly id?: string;
  readonly run?: string;
  readonly shell?: string;
  readonly 'working-directory'?: string;
  readonly env?: Record<string, string>;
}

interface Action {
  readonly inputs: Record<string, { readonly default?: string }>;
  readonly outputs: Record<string, { readonly value: string }>;
  readonly runs: { readonly using: string; readonly steps: readonly Step[] };
}

const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as Action;

/** `${{ github.action_path }}` and `${{ inputs.x }}`, as the runner evaluates them in a composite action. */
function evaluate(text: string, inputs: Record<string, string>): string {
  return text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_m, expression: string) => {
    if (expression === 'github.action_path') return ROOT;
    const input = /^inputs\.([\w-]+)$/.exec(expression)?.[1];
    if (input !== undefined && input in action.inputs) return inputs[input] ?? action.inputs[input]!.default ?? '';
    throw new Error(`the test does not evaluate \${{ ${expression} }}`);
  });
}

/**
 * Runs the action's `run:` steps as the runner would, in `workspace`: bash, the step's working directory and
 * environment, GITHUB_OUTPUT. `uses:` steps (actions/setup-node) are the runner's business: this Node is used.
 * The build step builds only when dist/cli.js is missing; the suite built it, so no network is needed.
 */
function runAction(workspace: string, inputs: Record<string, string>): { status: number | null; outputs: Record<string, string>; log: string } {
  const githubOutput = join(workspace, `github-output-${Date.now()}`);
  let log = '';
  for (const step of action.runs.steps) {
    if (!step.run) continue;
    const env: NodeJS.ProcessEnv = { ...process.env, GITHUB_OUTPUT: githubOutput, GITHUB_WORKSPACE: workspace };
    for (const [key, value] of Object.entries(step.env ?? {})) env[key] = evaluate(value, inputs);
    const cwd = step['working-directory'] ? evaluate(step['working-directory'], inputs) : workspace;
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', evaluate(step.run, inputs)], { cwd, env, encoding: 'utf8', timeout: 120000 });
    log += `${step.name ?? step.id}: ${result.stdout}${result.stderr}\n`;
    if (result.status !== 0) return { status: result.status, outputs: readOutputs(githubOutput), log };
  }
  return { status: 0, outputs: readOutputs(githubOutput), log };
}

function readOutputs(file: string): Record<string, string> {
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
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
    for (const step of action.runs.steps) assert.doesNotMatch(step.run ?? '', /\$\{\{/, step.name);
  });

  it('scans the fixtures and writes SARIF for upload-sarif', () => {
    const workspace = mkdtempSync(join(tmpdir(), 'srm-action-'));
    const sarifFile = join(workspace, 'srm lens.sarif');
    const paths = `${join(ROOT, 'test', 'fixtures', 'cfn')}\n${join(ROOT, 'test', 'fixtures', 'tf')}`;
    const { status, outputs, log } = runAction(workspace, { paths, 'sarif-file': sarifFile });
    assert.equal(status, 0, log);
    assert.equal(outputs['sarif-file'], sarifFile);
    const sarif = JSON.parse(readFileSync(sarifFile, 'utf8'));
    assert.equal(sarif.version, '2.1.0');
    const uris: string[] = sarif.runs[0].results.map((r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => r.locations[0]!.physicalLocation.artifactLocation.uri);
    assert.ok(uris.some((uri) => uri.endsWith('.tf')) && uris.some((uri) => uri.endsWith('.yaml')), uris.join(', '));
  });

  it('fails the step with fail-on, and still writes the SARIF to upload', () => {
    const workspace = mkdtempSync(join(tmpdir(), 'srm-action-'));
    const rule = join(ROOT, 'test', 'fixtures', 'rules', 'iam-managed-policy-admin-access');
    const { status, outputs } = runAction(workspace, { paths: join(rule, 'fail.yaml'), 'fail-on': 'error' });
    assert.equal(status, 1);
    const sarif = JSON.parse(readFileSync(join(workspace, outputs['sarif-file']!), 'utf8'));
    assert.ok(sarif.runs[0].results.some((r: { ruleId: string; level: string }) => r.ruleId === 'iam-managed-policy-admin-access' && r.level === 'error'));
    assert.equal(runAction(workspace, { paths: join(rule, 'pass.yaml'), 'fail-on': 'error' }).status, 0);
  });
});
