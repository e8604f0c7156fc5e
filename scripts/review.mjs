// Prints a random sample of curated responsibility items (AWS's side, the customer's side and AWS defaults) with
// their sources, anchors, quotes and Security Hub controls, as a checklist a reviewer ticks after opening each page:
//   npm run review -- --sample 30 --seed 7        the same seed gives the same sample for the same data
//   npm run review -- --sample 10 --service s3    only items of one service
// Stated items must be said by the cited page; derived items must be a fair reading of it.
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function readYamlDir(dir) {
  return readdirSync(join(root, dir))
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => parse(readFileSync(join(root, dir, f), 'utf8')));
}

function options(argv) {
  const opts = { sample: 30, seed: 1, service: undefined };
  for (let i = 0; i < argv.length; i++) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === '--sample' || flag === '--seed') {
      const n = Number(value);
      if (!Number.isInteger(n) || n < (flag === '--sample' ? 1 : 0)) throw new Error(`${flag} needs a whole number, got ${value}`);
      opts[flag.slice(2)] = n;
      i++;
    } else if (flag === '--service') {
      opts.service = value;
      i++;
    } else {
      throw new Error(`unknown option ${flag} (use --sample N, --seed N, --service ID)`);
    }
  }
  return opts;
}

/** Every item of every service file, in file order, with the side it is filed under. */
function allItems(services) {
  const items = [];
  for (const service of services) {
    for (const item of service.aws ?? []) items.push({ service, side: 'AWS secures', item });
    for (const item of service.defaults ?? []) items.push({ service, side: 'AWS default', item });
    for (const entry of Object.values(service.customer ?? {})) {
      if (Array.isArray(entry)) for (const item of entry) items.push({ service, side: 'you secure', item });
    }
  }
  return items;
}

/** mulberry32: a small seeded generator, so a sample can be reproduced from its seed. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The first `n` entries of a seeded Fisher-Yates shuffle. */
function sample(list, n, seed) {
  const next = random(seed);
  const copy = [...list];
  const count = Math.min(n, copy.length);
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(next() * (copy.length - i));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, count);
}

function sourceLines(ref, sources) {
  const source = sources.get(ref.ref);
  const where = source ? `${source.title} <${source.url}${ref.anchor && !ref.anchor.includes(' ') ? `#${ref.anchor}` : ''}>` : `(unknown source ${ref.ref})`;
  const lines = [`   - ${where}${ref.anchor && ref.anchor.includes(' ') ? ` (section: ${ref.anchor})` : ''}`];
  if (ref.quote) lines.push(`     > "${ref.quote}"`);
  if (ref.note) lines.push(`     note: ${ref.note}`);
  if (source?.snapshot) lines.push(`     read as: ${source.snapshot}`);
  return lines;
}

function entry(index, { service, side, item }, sources, controls) {
  const lines = [`${index}. ${item.id} · ${service.name} · ${side} · ${item.domain} · ${item.basis}`, `   ${item.text}`];
  if (item.since) lines.push(`   since ${item.since}${item.keep ? ` · keep: ${item.keep}` : ''}`);
  if (item.applies_to) lines.push(`   only on: ${[...(item.applies_to.cfn ?? []), ...(item.applies_to.tf ?? [])].join(', ')}`);
  if (item.applies_when) lines.push('   only where its applies_when condition holds');
  for (const ref of item.sources ?? []) lines.push(...sourceLines(ref, sources));
  for (const id of item.fsbp ?? []) {
    const control = controls.get(id);
    lines.push(`   Security Hub ${id}: ${control ? `${control.title} (${control.severity}, ${control.status}) <${control.url}>` : 'not in data/controls'}`);
  }
  lines.push(`   [ ] holds   [ ] fix: ______________________`);
  return lines.join('\n');
}

function main() {
  const opts = options(process.argv.slice(2));
  const services = readYamlDir('data/services').filter((s) => !opts.service || s.id === opts.service);
  if (services.length === 0) throw new Error(`no service file with id ${opts.service}`);
  const sources = new Map(readYamlDir('data/sources').flatMap((f) => f.sources ?? []).map((s) => [s.id, s]));
  const controls = new Map(readYamlDir('data/controls').flatMap((f) => f.controls ?? []).map((c) => [c.id, c]));
  const items = allItems(services);
  const picked = sample(items, opts.sample, opts.seed);
  const stated = picked.filter((p) => p.item.basis === 'stated').length;
  console.log(`Review sample: ${picked.length} of ${items.length} items (seed ${opts.seed}${opts.service ? `, service ${opts.service}` : ''}): ${stated} stated, ${picked.length - stated} derived.`);
  console.log('Open each source. Stated: the page says it. Derived: a fair reading of the page. Tick one box per item.\n');
  console.log(picked.map((p, i) => entry(i + 1, p, sources, controls)).join('\n\n'));
}

try {
  main();
} catch (error) {
  console.error(`review: ${error.message}`);
  process.exit(2);
}
