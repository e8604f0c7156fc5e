// Generates data/generated/cfn-catalog.json: every CloudFormation resource type with its namespace and a
// one-line description and its top-level property names, from the pinned @aws-cdk/aws-service-spec (a devDependency; never loaded at runtime)
// plus the hand-written entries of data/cfn-extra.yaml (SAM types).
//   node scripts/generate-cfn-catalog.mjs           writes the file
//   node scripts/generate-cfn-catalog.mjs --print   prints it (the unit tests compare it with the committed file)
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { loadAwsServiceSpec } from '@aws-cdk/aws-service-spec';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const specVersion = require('@aws-cdk/aws-service-spec/package.json').version;
export const CATALOG_FILE = join(root, 'data/generated/cfn-catalog.json');

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
  const extra = parse(readFileSync(join(root, 'data/cfn-extra.yaml'), 'utf8')).types;
  const types = {};
  for (const resource of db.all('resource')) {
    const type = resource.cloudFormationType;
    const service = db.incoming('hasResource', resource).only().entity;
    types[type] = {
      namespace: service.cloudFormationNamespace,
      description: extra[type]?.description ?? oneLine(resource.documentation ?? ''),
      properties: Object.keys(resource.properties ?? {}).sort(),
    };
  }
  for (const [type, entry] of Object.entries(extra)) {
    if (!types[type]) types[type] = { namespace: entry.namespace, description: entry.description, properties: [] };
  }
  const sorted = Object.fromEntries(Object.keys(types).sort().map((type) => [type, types[type]]));
  const header = {
    generatedBy: 'scripts/generate-cfn-catalog.mjs',
    source: `@aws-cdk/aws-service-spec@${specVersion} + data/cfn-extra.yaml`,
    count: Object.keys(sorted).length,
  };
  // One type per line: compact, and diffs stay readable.
  const lines = Object.entries(sorted).map(([type, entry]) => `  ${JSON.stringify(type)}: ${JSON.stringify(entry)}`);
  const head = JSON.stringify(header).slice(0, -1);
  return `${head},\n"types": {\n${lines.join(',\n')}\n}}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = await buildCatalog();
  if (process.argv.includes('--print')) process.stdout.write(text);
  else {
    mkdirSync(dirname(CATALOG_FILE), { recursive: true });
    writeFileSync(CATALOG_FILE, text);
    console.log(`wrote ${CATALOG_FILE} (${JSON.parse(text).count} types)`);
  }
}
