// Builds the extension and the CLI with esbuild, and compiles the curated YAML under data/ into
// dist/data/content.json (one file, loaded lazily at the first hover) beside the generated catalogs.
//   node scripts/build.mjs [--production] [--watch]
import { readFileSync, writeFileSync, mkdirSync, readdirSync, copyFileSync } from 'node:fs';
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

/** The wasm files web-tree-sitter loads at runtime, copied beside the bundles (the core does no I/O itself). */
export const WASM_FILES = {
  'web-tree-sitter.wasm': 'node_modules/web-tree-sitter/web-tree-sitter.wasm',
  'tree-sitter-terraform.wasm': 'node_modules/@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm',
};

function writeData() {
  const out = join(root, 'dist/data');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'content.json'), JSON.stringify(buildContent()));
  for (const catalog of ['cfn-catalog.json', 'tf-catalog.json']) copyFileSync(join(root, 'data/generated', catalog), join(out, catalog));
  for (const [name, from] of Object.entries(WASM_FILES)) copyFileSync(join(root, from), join(root, 'dist', name));
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
  { ...nodeBundle, entryPoints: [join(root, 'src/cli/main.ts')], outfile: join(root, 'dist/cli.js'), banner: { js: `#!/usr/bin/env node\n${IMPORT_META_URL}` } },
  // The diagram webview: browser code, no Node and no vscode module (src/webview/tsconfig.json type-checks it).
  { ...common, platform: 'browser', format: 'iife', target: 'es2022', entryPoints: [join(root, 'src/webview/main.ts')], outfile: join(root, 'dist/webview/main.js') },
];

writeData();
if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
  console.log('build: watching for changes');
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
  console.log(`build: dist/extension.js, dist/cli.js, dist/webview/main.js, dist/data${production ? ' (production)' : ''}`);
}
