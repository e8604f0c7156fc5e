// Generates data/generated/tf-catalog.json: every resource type and data source of the pinned Terraform AWS
// provider (hashicorp/aws) with its CloudFormation namespace (from the hand-curated data/terraform/services.yaml),
// a one-line description and its attribute names, from the provider schema (`terraform providers schema -json`).
//   node scripts/generate-tf-catalog.mjs                     runs terraform offline (see below) and writes the file
//   node scripts/generate-tf-catalog.mjs --print             prints it instead (the unit tests compare it with the committed file)
//   node scripts/generate-tf-catalog.mjs --schema FILE       reads a saved `terraform providers schema -json` output instead
//   node scripts/generate-tf-catalog.mjs --plugin-dir DIR    provider mirror for `terraform init -plugin-dir` (default
//                                                            $TF_PLUGIN_DIR or /opt/tf-plugins); no network is used
// Exits 1 with a list when a type matches no entry of services.yaml, or when services.yaml names a namespace
// that is not in data/generated/cfn-catalog.json.
//
// Output, one type per line (sorted):
//   resources:   type -> {namespace, description, attributes: [top-level attribute names],
//                         blocks: {block: [attribute and nested-block names one level down]}}
//   dataSources: type -> {namespace, description}
// All attributes are listed, computed-only ones (read-only outputs such as arn, tags_all) included: the whole catalog
// is about 0.55 MB, well under the 1.5 MB budget, so nothing is dropped. `description` is the provider schema's own
// description (first line) and is empty when the schema has none, which is almost always; we do not invent one.
import { readFileSync, writeFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const PROVIDER_SOURCE = 'hashicorp/aws';
export const PROVIDER_VERSION = '5.100.0';
export const CATALOG_FILE = join(root, 'data/generated/tf-catalog.json');
const SERVICES_FILE = join(root, 'data/terraform/services.yaml');
const CFN_CATALOG_FILE = join(root, 'data/generated/cfn-catalog.json');
const OTHER_VERSIONS_FILE = join(root, 'data/terraform/other-versions.yaml');
const SCHEMA_KEY = `registry.terraform.io/${PROVIDER_SOURCE}`;

class GenerationError extends Error {}

/** Runs `terraform init` against the local provider mirror in a temp dir and returns the parsed schema JSON. */
function schemaFromTerraform(pluginDir) {
  const dir = mkdtempSync(join(tmpdir(), 'srm-tf-schema-'));
  const env = { ...process.env, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1' };
  const run = (args) => {
    try {
      return execFileSync('terraform', args, { cwd: dir, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      const detail = error.code === 'ENOENT' ? 'terraform is not on PATH' : `${error.stderr ?? ''}${error.stdout ?? ''}`.trim();
      throw new GenerationError(`terraform ${args[0]} ${args[1] ?? ''} failed in ${dir}:\n${detail}`);
    }
  };
  try {
    writeFileSync(
      join(dir, 'main.tf'),
      `terraform {\n  required_providers {\n    aws = {\n      source  = "${PROVIDER_SOURCE}"\n      version = "${PROVIDER_VERSION}"\n    }\n  }\n}\n`,
    );
    run(['init', '-input=false', '-no-color', `-plugin-dir=${pluginDir}`]);
    return JSON.parse(run(['providers', 'schema', '-json']));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Loads services.yaml and returns lookup(type) -> {namespace, note?, via} | undefined, plus the entries. */
export function loadServiceTable(text = readFileSync(SERVICES_FILE, 'utf8')) {
  const doc = parse(text);
  if (doc?.schema !== 'srm.tf-services/v1') throw new GenerationError(`${SERVICES_FILE}: expected schema: srm.tf-services/v1`);
  const problems = [];
  const prefixes = new Map();
  for (const entry of doc.prefixes ?? []) {
    if (typeof entry?.prefix !== 'string' || typeof entry?.namespace !== 'string') {
      problems.push(`prefix entry needs prefix and namespace: ${JSON.stringify(entry)}`);
    } else if (prefixes.has(entry.prefix)) problems.push(`duplicate prefix ${entry.prefix}`);
    else prefixes.set(entry.prefix, { namespace: entry.namespace, note: entry.note, via: `prefix ${entry.prefix}` });
  }
  const exact = new Map();
  for (const [type, value] of Object.entries(doc.exact ?? {})) {
    const entry = typeof value === 'string' ? { namespace: value } : value;
    if (typeof entry?.namespace !== 'string') problems.push(`exact ${type}: needs a namespace`);
    else exact.set(type, { namespace: entry.namespace, note: entry.note, via: `exact ${type}` });
  }
  if (problems.length) throw new GenerationError(`${SERVICES_FILE}:\n  ${problems.join('\n  ')}`);
  const byLength = [...prefixes.keys()].sort((a, b) => b.length - a.length || a.localeCompare(b));
  const lookup = (type) => exact.get(type) ?? prefixes.get(byLength.find((prefix) => type.startsWith(prefix)));
  return { lookup, prefixes, exact };
}

const firstLine = (text) => (text ?? '').split('\n')[0].replace(/\s+/g, ' ').trim();
const sorted = (names) => [...names].sort();

/** Attribute names (computed-only included) and nested block type names of a schema block. */
function names(block) {
  return { attributes: Object.keys(block.attributes ?? {}), blockTypes: Object.keys(block.block_types ?? {}) };
}

export function buildCatalogFromSchema(schema) {
  const provider = schema?.provider_schemas?.[SCHEMA_KEY];
  if (!provider) throw new GenerationError(`schema has no provider ${SCHEMA_KEY}`);
  const { lookup, prefixes, exact } = loadServiceTable();
  const cfnNamespaces = new Set(Object.values(JSON.parse(readFileSync(CFN_CATALOG_FILE, 'utf8')).types).map((t) => t.namespace));

  const problems = [];
  for (const [key, entry] of [...prefixes, ...exact]) {
    if (!cfnNamespaces.has(entry.namespace)) problems.push(`${entry.via}: namespace ${entry.namespace} is not in cfn-catalog.json`);
    if (!key.startsWith('aws_')) problems.push(`${entry.via}: does not start with aws_`);
  }
  const used = new Set();
  const namespaceOf = (type, kind) => {
    const entry = lookup(type);
    if (!entry) {
      problems.push(`${kind} ${type} matches no prefix or exact entry`);
      return '';
    }
    used.add(entry.via);
    return entry.namespace;
  };

  const resources = {};
  for (const type of sorted(Object.keys(provider.resource_schemas ?? {}))) {
    const block = provider.resource_schemas[type].block ?? {};
    const { attributes, blockTypes } = names(block);
    const blocks = {};
    for (const name of sorted(blockTypes)) {
      const nested = names(block.block_types[name].block ?? {});
      blocks[name] = sorted([...nested.attributes, ...nested.blockTypes]);
    }
    resources[type] = { namespace: namespaceOf(type, 'resource'), description: firstLine(block.description), attributes: sorted(attributes), blocks };
  }
  // Types of other provider versions that real configurations use (data/terraform/other-versions.yaml).
  const otherVersions = parse(readFileSync(OTHER_VERSIONS_FILE, 'utf8')).types;
  for (const [type, entry] of Object.entries(otherVersions)) {
    if (resources[type]) problems.push(`other-versions.yaml: ${type} is in the pinned provider; remove it`);
    if (!cfnNamespaces.has(entry.namespace)) problems.push(`other-versions.yaml: namespace ${entry.namespace} is not in cfn-catalog.json`);
    resources[type] = { namespace: entry.namespace, description: '', availability: entry.availability, attributes: [], blocks: {} };
  }
  const sortedResources = Object.fromEntries(sorted(Object.keys(resources)).map((type) => [type, resources[type]]));
  const dataSources = {};
  for (const type of sorted(Object.keys(provider.data_source_schemas ?? {}))) {
    const block = provider.data_source_schemas[type].block ?? {};
    dataSources[type] = { namespace: namespaceOf(type, 'data source'), description: firstLine(block.description) };
  }
  if (problems.length) throw new GenerationError(`data/terraform/services.yaml does not fit ${PROVIDER_SOURCE} ${PROVIDER_VERSION}:\n  ${problems.join('\n  ')}`);
  const unused = [...prefixes.values(), ...exact.values()].map((e) => e.via).filter((via) => !used.has(via));
  if (unused.length) console.warn(`warning: services.yaml entries that match no type: ${unused.join(', ')}`);

  const namespaces = new Set([...Object.values(resources), ...Object.values(dataSources)].map((e) => e.namespace));
  const header = {
    generatedBy: 'scripts/generate-tf-catalog.mjs',
    source: `${PROVIDER_SOURCE} ${PROVIDER_VERSION}`,
    count: Object.keys(resources).length,
    otherVersionCount: Object.keys(otherVersions).length,
    dataSourceCount: Object.keys(dataSources).length,
    namespaceCount: namespaces.size,
    notes:
      'namespace from data/terraform/services.yaml; description is the provider schema description (empty when it has none); ' +
      'attributes lists all top-level attributes (computed-only included, nothing dropped); blocks maps each top-level block to its attribute and nested-block names, one level deep',
  };
  // One type per line: compact, and diffs stay readable.
  const lines = (map) => Object.entries(map).map(([type, entry]) => `  ${JSON.stringify(type)}: ${JSON.stringify(entry)}`).join(',\n');
  const head = JSON.stringify(header).slice(0, -1);
  return `${head},\n"resources": {\n${lines(sortedResources)}\n},\n"dataSources": {\n${lines(dataSources)}\n}}\n`;
}

function optionValue(args, name) {
  const index = args.indexOf(name);
  if (index < 0) return undefined;
  const value = args[index + 1];
  if (!value || value.startsWith('--')) throw new GenerationError(`${name} needs a value`);
  return value;
}

export function buildCatalog(args = []) {
  const schemaFile = optionValue(args, '--schema');
  const pluginDir = resolve(optionValue(args, '--plugin-dir') ?? process.env.TF_PLUGIN_DIR ?? '/opt/tf-plugins');
  let schema;
  if (schemaFile) {
    try {
      schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
    } catch (error) {
      throw new GenerationError(`cannot read schema ${schemaFile}: ${error.message}`);
    }
  } else schema = schemaFromTerraform(pluginDir);
  return buildCatalogFromSchema(schema);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  try {
    const text = buildCatalog(args);
    if (args.includes('--print')) process.stdout.write(text);
    else {
      mkdirSync(dirname(CATALOG_FILE), { recursive: true });
      writeFileSync(CATALOG_FILE, text);
      const { count, dataSourceCount, namespaceCount } = JSON.parse(text);
      console.log(`wrote ${CATALOG_FILE} (${count} resources, ${dataSourceCount} data sources, ${namespaceCount} namespaces, ${text.length} bytes)`);
    }
  } catch (error) {
    if (!(error instanceof GenerationError)) throw error;
    console.error(`generate-tf-catalog: ${error.message}`);
    process.exit(1);
  }
}
