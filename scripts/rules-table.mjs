// Writes the README's table of rules from data/rules/*.yaml, between the markers <!-- rules:start --> and
// <!-- rules:end -->.
//   node scripts/rules-table.mjs          rewrites the table
//   node scripts/rules-table.mjs --check  exits 1 when the README's table is not what data/rules gives (a unit test runs this)
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const README = join(root, 'README.md');
const START = '<!-- rules:start -->';
const END = '<!-- rules:end -->';

const domains = new Map(parse(readFileSync(join(root, 'data/srm/domains.yaml'), 'utf8')).domains.map((d) => [d.id, d.short_label ?? d.label]));
const files = readdirSync(join(root, 'data/rules')).filter((name) => name.endsWith('.yaml')).sort();
const rules = files.flatMap((name) => parse(readFileSync(join(root, 'data/rules', name), 'utf8')).rules);

const list = (values) => (values && values.length > 0 ? values.map((v) => `\`${v}\``).join(' ') : '–');
const cell = (text) => String(text).replace(/\|/g, '\\|');
const severity = (rule) => (rule.absent && rule.absent.severity !== rule.severity ? `${rule.severity} (unset: ${rule.absent.severity})` : rule.severity);
const others = (rule) => [...rule.matches.checkov, ...rule.matches.cfn_nag, ...rule.matches.trivy].join(' ') || '–';

const table = [
  `${rules.length} rules. Severity is for a value the template writes; "unset" is for a setting it leaves out (\`hint\`: an AWS default covers it).`,
  '',
  '| Rule | Severity | Domain | Security Hub | CloudFormation | Terraform | checkov · cfn_nag · trivy |',
  '| --- | --- | --- | --- | --- | --- | --- |',
  ...rules.map((rule) =>
    `| \`${rule.id}\` | ${severity(rule)} | ${cell(domains.get(rule.domain) ?? rule.domain)} | ${rule.controls.join(', ') || '–'} | ${list(rule.resource_types.cfn)} | ${list(rule.resource_types.tf)} | ${others(rule)} |`,
  ),
].join('\n');

const readme = readFileSync(README, 'utf8');
const start = readme.indexOf(START);
const end = readme.indexOf(END);
if (start < 0 || end < start) {
  console.error(`README.md has no ${START} … ${END} section`);
  process.exit(1);
}
const updated = `${readme.slice(0, start + START.length)}\n${table}\n${readme.slice(end)}`;
if (process.argv.includes('--check')) {
  if (updated !== readme) {
    console.error('The README table of rules is stale: run node scripts/rules-table.mjs');
    process.exit(1);
  }
} else if (updated !== readme) {
  writeFileSync(README, updated);
  console.log(`README.md: ${rules.length} rules`);
}
