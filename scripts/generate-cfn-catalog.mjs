// Generates data/generated/cfn-catalog.json: every CloudFormation resource type with its namespace, a one-line
// description and its top-level property names, from the pinned @aws-cdk/aws-service-spec (a devDependency; never
// loaded at runtime); the AWS::Serverless::* types and their properties from AWS SAM's own JSON schema (the
// aws-sam-translator Python package, which ships with cfn-lint, builds it from its models: read here with
// python3); and the hand-written entries of data/cfn-extra.yaml (SAM descriptions and what each SAM type expands
// to, types neither source has).
//   node scripts/generate-cfn-catalog.mjs           writes the file and prints what changed (added, removed, renamed)
//   node scripts/generate-cfn-catalog.mjs --print   prints it (the unit tests compare it with the committed file)
// Exits 1 when cfn-extra.yaml and the sources disagree, 3 when SAM's schema cannot be read (no python3 or no
// aws-sam-translator: `pip install cfn-lint` brings both).
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { loadAwsServiceSpec } from '@aws-cdk/aws-service-spec';
import { parse } from 'yaml';
import { changeLines, previousCatalog, typeChanges } from './catalog-changes.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const specVersion = require('@aws-cdk/aws-service-spec/package.json').version;
export const CATALOG_FILE = join(root, 'data/generated/cfn-catalog.json');
const SAM_NAMESPACE = 'AWS::Serverless';
/** The exit status when SAM's schema is not at hand (the unit test then skips). */
const NO_SOURCE = 3;

class GenerationError extends Error {}
class NoSourceError extends Error {}

// SAM's schema is the JSON schema of its pydantic models (samtranslator/internal/schema_source/schema.py, the
// function SAM's own `make schema` calls); each resource definition names its Type and its Properties.
const SAM_SCHEMA_SCRIPT = `
import json, samtranslator
from samtranslator.internal.schema_source.schema import Model, get_schema
schema = get_schema(Model)
types = {}
for ref in schema["properties"]["Resources"]["additionalProperties"]["anyOf"]:
    resource = schema["definitions"][ref["$ref"].split("/")[-1]]
    properties = resource["properties"].get("Properties", {})
    if "$ref" in properties:
        properties = schema["definitions"][properties["$ref"].split("/")[-1]]
    for type_name in resource["properties"]["Type"]["enum"]:
        types[type_name] = sorted(properties.get("properties", {}))
print(json.dumps({"version": samtranslator.__version__, "types": types}))
`;

/** SAM's resource types with their property names, and the aws-sam-translator version they come from. */
function samSchema() {
  let output;
  try {
    output = execFileSync('python3', ['-c', SAM_SCHEMA_SCRIPT], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const detail = error.code === 'ENOENT' ? 'python3 is not on PATH' : `${error.stderr ?? error.message}`.trim().split('\n').at(-1);
    throw new NoSourceError(`cannot read SAM's schema from aws-sam-translator (pip install cfn-lint brings it): ${detail}`);
  }
  const sam = JSON.parse(output);
  if (Object.keys(sam.types).length === 0) throw new GenerationError(`aws-sam-translator ${sam.version}: its schema lists no resource types`);
  return sam;
}

/** First sentence of the spec's Markdown documentation, as plain text, at most 240 characters. */
function oneLine(markdown) {
  const paragraph = markdown.split(/\n\s*\n/)[0] ?? '';
  const plain = paragraph
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[`*_]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const sentence = plain.match(/^(.+?[.!?])(\s|$)/)?.[1] ?? plain;
  return sentence.length <= 240 ? sentence : `${sentence.slice(0, 237).replace(/\s+\S*$/, '')}…`;
}

export async function buildCatalog() {
  const db = await loadAwsServiceSpec();
  const sam = samSchema();
  const extra = parse(readFileSync(join(root, 'data/cfn-extra.yaml'), 'utf8')).types;
  const problems = [];
  const types = {};
  for (const resource of db.all('resource')) {
    const type = resource.cloudFormationType;
    // SAM's schema is the authority on SAM types; the spec's copies lag behind it.
    if (type.startsWith(`${SAM_NAMESPACE}::`)) continue;
    const service = db.incoming('hasResource', resource).only().entity;
    types[type] = {
      namespace: service.cloudFormationNamespace,
      description: extra[type]?.description ?? oneLine(resource.documentation ?? ''),
      properties: Object.keys(resource.properties ?? {}).sort(),
    };
  }
  for (const [type, properties] of Object.entries(sam.types)) {
    const entry = extra[type];
    if (!entry?.description || !entry.expands_to) problems.push(`${type} (in SAM's schema) needs a description and expands_to in data/cfn-extra.yaml`);
    else types[type] = { namespace: SAM_NAMESPACE, description: entry.description, properties, expandsTo: entry.expands_to };
  }
  for (const [type, entry] of Object.entries(extra)) {
    if (type.startsWith(`${SAM_NAMESPACE}::`) && !sam.types[type]) problems.push(`data/cfn-extra.yaml: ${type} is not in SAM's schema (aws-sam-translator ${sam.version})`);
    if (entry.expands_to && !types[entry.expands_to]) problems.push(`data/cfn-extra.yaml: ${type} expands to ${entry.expands_to}, which is not a CloudFormation type`);
    if (types[type]) continue;
    if (entry.namespace) types[type] = { namespace: entry.namespace, description: entry.description, properties: [] };
    else if (!type.startsWith(`${SAM_NAMESPACE}::`)) problems.push(`data/cfn-extra.yaml: ${type} is in no source, so it needs a namespace`);
  }
  if (problems.length) throw new GenerationError(problems.join('\n  '));
  const sorted = Object.fromEntries(Object.keys(types).sort().map((type) => [type, types[type]]));
  const header = {
    generatedBy: 'scripts/generate-cfn-catalog.mjs',
    source: `@aws-cdk/aws-service-spec@${specVersion} + aws-sam-translator ${sam.version} + data/cfn-extra.yaml`,
    count: Object.keys(sorted).length,
  };
  // One type per line: compact, and diffs stay readable.
  const lines = Object.entries(sorted).map(([type, entry]) => `  ${JSON.stringify(type)}: ${JSON.stringify(entry)}`);
  const head = JSON.stringify(header).slice(0, -1);
  return `${head},\n"types": {\n${lines.join(',\n')}\n}}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const text = await buildCatalog();
    if (process.argv.includes('--print')) process.stdout.write(text);
    else {
      const before = previousCatalog(CATALOG_FILE);
      mkdirSync(dirname(CATALOG_FILE), { recursive: true });
      writeFileSync(CATALOG_FILE, text);
      const after = JSON.parse(text);
      console.log(`wrote ${CATALOG_FILE}: ${after.source} (${after.count} types)`);
      console.log(`changes against the previous catalog (${before?.source ?? 'none'}):`);
      for (const line of changeLines('types', typeChanges(before?.types, after.types))) console.log(line);
    }
  } catch (error) {
    if (!(error instanceof GenerationError || error instanceof NoSourceError)) throw error;
    console.error(`generate-cfn-catalog: ${error.message}`);
    process.exit(error instanceof NoSourceError ? NO_SOURCE : 1);
  }
}
