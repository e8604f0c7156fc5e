// Benchmarks (npm run bench): the speed and memory targets are checked here, never in timed tests.
//   activation < 50 ms · analysis close to the YAML parser's own speed · hover < 1 ms on an analysed document
// Runs on the built bundles and compiled core (npm run build && npm run compile-tests first; `npm run bench` does both).
import { createRequire, Module } from 'node:module';
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { parseDocument, YAMLMap, YAMLSeq } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const out = (path) => require(join(root, 'out', path));
const { analyzeDocument } = out('src/core/analysis/document.js');
const { viewResource } = out('src/core/analysis/resourceView.js');
const { renderHoverMarkdown } = out('src/core/render/hoverMarkdown.js');
const { resourceTypeAt } = out('src/core/template/model.js');
const { loadHclParser, loadKnowledge } = out('src/node/loadKnowledge.js');
const { INTRINSIC_TAGS } = out('src/core/syntax/yaml.js');
const { findingsOf } = out('src/core/rules/engine.js');

const results = [];
function report(name, value, unit, target) {
  const verdict = target === undefined ? '' : value <= target ? `ok (target ≤ ${target} ${unit})` : `MISSED (target ≤ ${target} ${unit})`;
  results.push({ name, value, unit, verdict });
  console.log(`${name.padEnd(58)} ${value.toFixed(value < 10 ? 3 : 1).padStart(10)} ${unit.padEnd(6)} ${verdict}`);
}

function median(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(fn, runs = 5) {
  const samples = [];
  let result;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    result = fn();
    samples.push(performance.now() - start);
  }
  return { ms: median(samples), result };
}

// 1. Activation: load the extension bundle and call activate() against a minimal stand-in for the vscode module.
{
  // Anything the API hands back (a disposable, a watcher, a diagnostic collection…) answers every call.
  const disposable = new Proxy({ dispose() {} }, { get: (target, key) => (key in target ? target[key] : key === 'then' ? undefined : () => disposable) });
  const fakeVscode = new Proxy(
    {
      languages: new Proxy({}, { get: () => () => disposable }),
      // Every event and registration of the API returns a disposable; nothing else is called at activation.
      workspace: new Proxy({ fs: {}, textDocuments: [] }, { get: (target, key) => (key in target ? target[key] : () => disposable) }),
      window: new Proxy({ tabGroups: disposable }, { get: (target, key) => (key in target ? target[key] : () => disposable) }),
      commands: { registerCommand: () => disposable, executeCommand: async () => undefined },
      Uri: { joinPath: () => ({}), parse: () => ({}) },
      EventEmitter: class { event = () => disposable; fire() {} dispose() {} },
      Disposable: class { static from() { return disposable; } dispose() {} },
      ExtensionMode: { Production: 1, Development: 2, Test: 3 },
      DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
      CodeActionKind: { QuickFix: { value: 'quickfix' } },
      ProgressLocation: { Notification: 15 },
      TabInputText: class {},
    },
    { get: (target, key) => (key in target ? target[key] : new Proxy(function () {}, { get: () => () => disposable, construct: () => ({}) })) },
  );
  const originalLoad = Module._load;
  Module._load = function (request, ...rest) {
    return request === 'vscode' ? fakeVscode : originalLoad.call(this, request, ...rest);
  };
  const start = performance.now();
  const extension = require(join(root, 'dist', 'extension.js'));
  extension.activate({ subscriptions: [], extensionUri: {}, extension: { packageJSON: { version: '0.0.0' } }, extensionMode: 1, globalState: { get() {}, update() {} }, workspaceState: { get() {}, update() {} } });
  report('activation (load bundle + activate)', performance.now() - start, 'ms', 50);
  Module._load = originalLoad;
}

// 2. Loading the data at the first hover.
const dataDir = join(root, 'dist', 'data');
const heapBefore = process.memoryUsage().heapUsed;
const { ms: loadMs, result: knowledge } = time(() => loadKnowledge(dataDir), 3);
report('knowledge load (content + both catalogs, first hover)', loadMs, 'ms', 100);
report('knowledge heap', (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024, 'MB', 60);

// 3. Analysis against the YAML parser's own speed, on a generated 1 MB template and the corpus.
const customTags = INTRINSIC_TAGS.flatMap((name) => [
  { tag: `!${name}`, resolve: (v) => v },
  { tag: `!${name}`, collection: 'seq', nodeClass: YAMLSeq, resolve: (v) => v },
  { tag: `!${name}`, collection: 'map', nodeClass: YAMLMap, resolve: (v) => v },
]);
function bigTemplate(resources) {
  const parts = ['AWSTemplateFormatVersion: "2010-09-09"\nParameters:\n  Env: {Type: String}\nResources:\n'];
  for (let i = 0; i < resources; i++) {
    parts.push(`  Bucket${i}:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Sub "b-\${Env}-${i}"\n      BucketEncryption:\n        ServerSideEncryptionConfiguration:\n          - ServerSideEncryptionByDefault:\n              SSEAlgorithm: aws:kms\n              KMSMasterKeyID: !GetAtt Key${i}.Arn\n      Tags:\n        - {Key: env, Value: !Ref Env}\n`);
    parts.push(`  Key${i}:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: true\n      KeyPolicy: {Version: "2012-10-17", Statement: []}\n`);
    parts.push(`  Fn${i}:\n    Type: AWS::Lambda::Function\n    Properties:\n      PackageType: !If [UseImage, Image, Zip]\n      Role: !GetAtt Role.Arn\n      Code: {ImageUri: !Sub "\${AWS::AccountId}.dkr.ecr.\${AWS::Region}.amazonaws.com/app:${i}"}\n`);
  }
  return parts.join('');
}
const big = bigTemplate(900);
const yamlOnly = time(() => parseDocument(big, { customTags, uniqueKeys: false }), 5).ms;
const { ms: analyseMs, result: bigTemplateResult } = time(() => analyzeDocument(big), 5);
report(`YAML parser alone, ${(big.length / 1024 / 1024).toFixed(2)} MB template`, yamlOnly, 'ms');
report(`analyzeDocument, same template (${bigTemplateResult.resources.length} resources)`, analyseMs, 'ms');
report('analysis / parser time', analyseMs / yamlOnly, 'x', 1.5);
const { ms: rulesMs, result: bigFindings } = time(() => {
  const template = analyzeDocument(big);
  return findingsOf(knowledge.rules, template, big);
}, 5);
report(`analysis with the rules (${bigFindings.length} findings)`, rulesMs, 'ms');
report('analysis with the rules / parser time', rulesMs / yamlOnly, 'x', 1.5);
const { ms: viewAllMs } = time(() => {
  for (const resource of bigTemplateResult.resources) viewResource(knowledge, resource.type, resource, bigTemplateResult);
}, 3);
report('shifts + evidence for every resource of that template', viewAllMs, 'ms');

// 4. Hover on an analysed document: find the resource under the cursor, view it, render Markdown.
{
  const offsets = bigTemplateResult.resources.map((r) => r.typeSpan.start + 2);
  for (const offset of offsets.slice(0, 20)) {
    const r = resourceTypeAt(bigTemplateResult, offset);
    renderHoverMarkdown(knowledge, viewResource(knowledge, r.type, r, bigTemplateResult));
  }
  const runs = 2000;
  const start = performance.now();
  for (let i = 0; i < runs; i++) {
    const resource = resourceTypeAt(bigTemplateResult, offsets[(i * 7919) % offsets.length]);
    renderHoverMarkdown(knowledge, viewResource(knowledge, resource.type, resource, bigTemplateResult));
  }
  report(`hover on an analysed ${bigTemplateResult.resources.length}-resource document (mean)`, (performance.now() - start) / runs, 'ms', 1);
}

// 5. The corpus: every CloudFormation file, analysed and viewed.
const corpus = join(root, '..', 'shared', 'corpus');
function* files(folder, pattern) {
  for (const name of readdirSync(folder).sort()) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) yield* files(path, pattern);
    else if (pattern.test(name)) yield path;
  }
}
if (existsSync(corpus)) {
  const cfnFiles = [...files(join(corpus, 'cloudformation'), /\.(ya?ml|json|template)$/i)].map((path) => [path, readFileSync(path, 'utf8')]);
  const bytes = cfnFiles.reduce((sum, [, text]) => sum + text.length, 0);
  const { ms } = time(() => {
    for (const [, text] of cfnFiles) {
      const template = analyzeDocument(text);
      for (const resource of template?.resources ?? []) viewResource(knowledge, resource.type, resource, template);
    }
  }, 3);
  report(`CloudFormation corpus: ${cfnFiles.length} files, ${(bytes / 1024 / 1024).toFixed(1)} MB, analysed + viewed`, ms, 'ms');

  const hcl = await loadHclParser(join(root, 'dist'));
  const tfFiles = [...files(join(corpus, 'terraform'), /\.tf$/)].map((path) => [path, readFileSync(path, 'utf8')]);
  const { ms: tfMs } = time(() => {
    for (const [path, text] of tfFiles) {
      const template = analyzeDocument(text, path, hcl);
      for (const resource of template?.resources ?? []) if (resource.kind !== 'module') viewResource(knowledge, resource.type, resource, template);
    }
  }, 3);
  report(`Terraform corpus: ${tfFiles.length} .tf files, analysed + viewed`, tfMs, 'ms');
  const bigTf = Array.from({ length: 540 }, (_, i) => `resource "aws_s3_bucket" "b${i}" {\n  bucket = "x${i}"\n  tags = { a = var.x }\n}\n\nresource "aws_s3_bucket_versioning" "v${i}" {\n  bucket = aws_s3_bucket.b${i}.id\n  versioning_configuration {\n    status = "Enabled"\n  }\n}\n`).join('');
  const { ms: bigTfMs } = time(() => analyzeDocument(bigTf, 'big.tf', hcl), 5);
  report(`Terraform, ${bigTf.split('\n').length}-line file`, bigTfMs, 'ms', 150);

  // cfn-lint, the peer, on the largest corpus template (when installed): for scale, not a target.
  const largest = cfnFiles.reduce((a, b) => (b[1].length > a[1].length ? b : a));
  const cfnLint = spawnSync('cfn-lint', ['--version'], { encoding: 'utf8' });
  if (cfnLint.status === 0) {
    const start = performance.now();
    spawnSync('cfn-lint', [largest[0]], { encoding: 'utf8' });
    const peerMs = performance.now() - start;
    const ours = time(() => analyzeDocument(largest[1]), 5).ms;
    report(`cfn-lint ${cfnLint.stdout.trim()} on the largest corpus template (${(largest[1].length / 1024).toFixed(0)} KB)`, peerMs, 'ms');
    report('srm-lens analysis of the same template', ours, 'ms');
  }
}
report('heap after all runs', process.memoryUsage().heapUsed / 1024 / 1024, 'MB', 250);

const missed = results.filter((r) => r.verdict.startsWith('MISSED'));
console.log(missed.length === 0 ? 'bench: all targets met' : `bench: ${missed.length} target(s) missed`);
process.exitCode = missed.length === 0 ? 0 : 1;
