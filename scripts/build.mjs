// Builds the extension and the CLI with esbuild, and compiles the curated YAML under data/ into dist/data (content.jsonl,
// services.jsonl, rules.jsonl; src/core/knowledge/load.ts reads them, each at its first use) beside the generated catalogs.
//   node scripts/build.mjs [--production] [--watch]
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync, readdirSync, copyFileSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const readYaml = (path) => parse(readFileSync(join(root, path), 'utf8'));
const yamlIn = (folder) =>
  readdirSync(join(root, folder))
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => readYaml(join(folder, name)));

/** The content bundle the core's Knowledge reads (src/core/knowledge/types.ts ContentBundle). */
export function buildContent() {
  return {
    services: yamlIn('data/services'),
    sources: yamlIn('data/sources').flatMap((file) => file.sources),
    model: readYaml('data/srm/model.yaml'),
    domains: readYaml('data/srm/domains.yaml'),
    categories: readYaml('data/srm/categories.yaml'),
    rules: yamlIn('data/rules').flatMap((file) => file.rules ?? []),
    terraform: {
      awscc_exceptions: readYaml('data/terraform/awscc-exceptions.yaml').exceptions,
      modules: readYaml('data/terraform/modules.yaml').modules,
    },
  };
}

/**
 * The wasm files web-tree-sitter loads at runtime, copied beside the bundles (the core does no I/O itself), and
 * web-tree-sitter itself, which the hosts load afresh when the HCL parser needs a new runtime (src/core/syntax/hcl.ts).
 */
export const WASM_FILES = {
  'web-tree-sitter.wasm': 'node_modules/web-tree-sitter/web-tree-sitter.wasm',
  'tree-sitter-terraform.wasm': 'node_modules/@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm',
  'web-tree-sitter.cjs': 'node_modules/web-tree-sitter/web-tree-sitter.cjs',
};

const readJson = (path) => JSON.parse(readFileSync(join(root, path), 'utf8'));

/**
 * A catalog as JSON lines, so a run parses only the entries it looks up (src/core/knowledge/load.ts catalogFromLines):
 * the first line is the catalog with each entry of its `records` replaced by the number of the line that holds it.
 */
function catalogLines(catalog, records) {
  const header = { ...catalog };
  const entries = [];
  for (const field of records) {
    header[field] = Object.fromEntries(Object.entries(catalog[field]).map(([key, entry]) => [key, entries.push(JSON.stringify(entry))]));
  }
  return [JSON.stringify({ catalog: header, records }), ...entries].join('\n');
}

/**
 * The rules as JSON lines, so a run parses only the rules of the types it meets (src/core/knowledge/load.ts
 * rulesFromLines): the first line holds the line numbers of the rules by resource type and by id (the last of an id
 * wins, as in RuleIndex), each further line one rule, in the order of data/rules.
 */
function ruleLines(rules) {
  const types = Object.create(null);
  const ids = Object.create(null);
  rules.forEach((rule, index) => {
    const line = index + 1;
    ids[rule.id] = line;
    for (const type of [...(rule.resource_types.cfn ?? []), ...(rule.resource_types.tf ?? [])]) (types[type] ??= []).push(line);
  });
  return [JSON.stringify({ types, ids }), ...rules.map((rule) => JSON.stringify(rule))].join('\n');
}

/** JSON text in ASCII only (\u escapes): Node reads an ASCII file faster, into a string half the size. */
const ascii = (json) => json.replace(/[\u007f-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);

function writeData() {
  const out = join(root, 'dist/data');
  mkdirSync(out, { recursive: true });
  const write = (name, json) => writeFileSync(join(out, name), ascii(json));
  const { services, rules, sources, categories, ...content } = buildContent();
  // content.jsonl indexes the services (ServiceIndex in src/core/knowledge/types.ts); services.jsonl holds each whole
  // service on one line, in the same order, so a run parses only the services of the types it meets. The sources and
  // the categories are lines of their own, parsed at their first read (src/core/knowledge/load.ts contentFromLines).
  const index = services.map(({ id, name, namespaces, category, resource_types }) => ({ id, name, namespaces, category, resource_types }));
  write('content.jsonl', [{ ...content, services: index }, sources, categories].map((line) => JSON.stringify(line)).join('\n'));
  write('services.jsonl', services.map((service) => JSON.stringify(service)).join('\n'));
  write('rules.jsonl', ruleLines(rules));
  write('cfn-catalog.jsonl', catalogLines(readJson('data/generated/cfn-catalog.json'), ['types']));
  write('tf-catalog.jsonl', catalogLines(readJson('data/generated/tf-catalog.json'), ['resources', 'dataSources']));
  for (const [name, from] of Object.entries(WASM_FILES)) copyFileSync(join(root, from), join(root, 'dist', name));
}

/**
 * Writes the CLI's code cache (dist/cli-main.js.cache) by a scan of the examples, which compiles what a scan runs
 * (src/cli/launcher.ts writes the cache when a run ends). The old cache goes first: still valid, it may come from a
 * run that compiled little (`--version`). A failure leaves the CLI working, only without the cache.
 */
function primeCodeCache() {
  rmSync(join(root, 'dist/cli-main.js.cache'), { force: true });
  const run = spawnSync(process.execPath, [join(root, 'dist/cli.js'), 'scan', join(root, 'examples'), '--format', 'json'], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (run.status !== 0) console.warn(`build: the scan of examples/ that writes the CLI's code cache failed (${run.status ?? run.signal}): ${run.stderr ?? run.error}`);
}

// web-tree-sitter is an ES module that finds itself through import.meta.url, which a CommonJS bundle lacks.
const IMPORT_META_URL = "var __importMetaUrl = require('url').pathToFileURL(__filename).href;";

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

const nodeBundle = { ...common, define: { 'import.meta.url': '__importMetaUrl' } };

const builds = [
  { ...nodeBundle, entryPoints: [join(root, 'src/extension.ts')], outfile: join(root, 'dist/extension.js'), external: ['vscode'], banner: { js: IMPORT_META_URL } },
  // The CLI: dist/cli.js is the command, which runs dist/cli-main.js from V8's code cache (src/cli/launcher.ts).
  { ...nodeBundle, entryPoints: [join(root, 'src/cli/main.ts')], outfile: join(root, 'dist/cli-main.js'), banner: { js: IMPORT_META_URL } },
  { ...common, entryPoints: [join(root, 'src/cli/launcher.ts')], outfile: join(root, 'dist/cli.js'), banner: { js: '#!/usr/bin/env node' } },
  // The diagram webview: browser code, no Node and no vscode module (src/webview/tsconfig.json type-checks it).
  { ...common, platform: 'browser', format: 'iife', target: 'es2022', entryPoints: [join(root, 'src/webview/main.ts')], outfile: join(root, 'dist/webview/main.js') },
];

writeData();
if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
  console.log('build: watching for changes');
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
  primeCodeCache();
  console.log(`build: dist/extension.js, dist/cli.js (+ cli-main.js and its code cache), dist/webview/main.js, dist/data${production ? ' (production)' : ''}`);
}
