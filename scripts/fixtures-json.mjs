// Writes the CloudFormation JSON twin of every rule fixture (test/fixtures/rules/<rule>/{fail,pass}.yaml → .json),
// short-form intrinsics turned into their long form, so every rule is tested on JSON templates as well.
//   node scripts/fixtures-json.mjs           (re)writes the .json files
//   node scripts/fixtures-json.mjs --check   exits 1 when one is missing or stale (the unit tests run this)
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURES = join(root, 'test/fixtures/rules');

const INTRINSICS = ['Ref', 'Condition', 'GetAtt', 'And', 'Base64', 'Cidr', 'Equals', 'FindInMap', 'GetAZs', 'If', 'ImportValue',
  'Join', 'Not', 'Or', 'Select', 'Split', 'Sub', 'Transform', 'Length', 'ToJsonString'];

const longName = (name) => (name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`);
const customTags = INTRINSICS.flatMap((name) => [
  { tag: `!${name}`, resolve: (value) => ({ [longName(name)]: name === 'GetAtt' ? value.split(/\.(.*)/s, 2) : value }) },
  { tag: `!${name}`, collection: 'seq', resolve: (seq) => ({ [longName(name)]: seq.toJSON() }) },
  { tag: `!${name}`, collection: 'map', resolve: (map) => ({ [longName(name)]: map.toJSON() }) },
]);

/** The JSON text of a YAML CloudFormation fixture. */
export function fixtureJson(yamlText) {
  return `${JSON.stringify(parse(yamlText, { customTags }), null, 2)}\n`;
}

const check = process.argv.includes('--check');
const stale = [];
for (const rule of existsSync(FIXTURES) ? readdirSync(FIXTURES).sort() : []) {
  for (const name of ['fail', 'pass']) {
    const source = join(FIXTURES, rule, `${name}.yaml`);
    if (!existsSync(source)) continue;
    const target = join(FIXTURES, rule, `${name}.json`);
    const wanted = fixtureJson(readFileSync(source, 'utf8'));
    const current = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
    if (current === wanted) continue;
    if (check) stale.push(target);
    else writeFileSync(target, wanted);
  }
}
if (check && stale.length > 0) {
  console.error(`stale or missing JSON fixtures (run node scripts/fixtures-json.mjs):\n  ${stale.join('\n  ')}`);
  process.exit(1);
}
