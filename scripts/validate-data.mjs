// Validates every curated file under data/ against its JSON Schema and checks the links between files
// (source ids, unique item ids, one service per resource type). Used by the unit tests and by authors:
//   node scripts/validate-data.mjs        prints the problems and exits 1 when there are any
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const SCHEMA_OF_FOLDER = {
  'data/services': 'service.schema.json',
  'data/sources': 'sources.schema.json',
  'data/srm': null, // each file names its own schema below
};
const SCHEMA_OF_SRM_FILE = {
  'model.yaml': 'model.schema.json',
  'domains.yaml': 'domains.schema.json',
  'categories.yaml': 'categories.schema.json',
};

function yamlFiles(folder) {
  const dir = join(root, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => join(dir, name));
}

/** Returns a list of human-readable problems; empty when all data is valid. */
export function validateData() {
  const problems = [];
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  const validators = new Map();
  const validatorFor = (schemaFile) => {
    if (!validators.has(schemaFile)) {
      const schema = JSON.parse(readFileSync(join(root, 'data/schema', schemaFile), 'utf8'));
      validators.set(schemaFile, ajv.compile(schema));
    }
    return validators.get(schemaFile);
  };
  const loaded = {};
  for (const folder of Object.keys(SCHEMA_OF_FOLDER)) {
    for (const file of yamlFiles(folder)) {
      const name = relative(root, file);
      const schemaFile = SCHEMA_OF_FOLDER[folder] ?? SCHEMA_OF_SRM_FILE[file.split('/').pop()];
      if (!schemaFile) {
        problems.push(`${name}: no schema is known for this file`);
        continue;
      }
      let doc;
      try {
        doc = parse(readFileSync(file, 'utf8'), { uniqueKeys: true });
      } catch (error) {
        problems.push(`${name}: ${error.message.split('\n')[0]}`);
        continue;
      }
      const validate = validatorFor(schemaFile);
      if (!validate(doc)) {
        for (const e of validate.errors.slice(0, 10)) problems.push(`${name}${e.instancePath}: ${e.message}`);
      }
      loaded[name] = doc;
    }
  }

  const sourceIds = new Set();
  for (const [name, doc] of Object.entries(loaded)) {
    if (!name.startsWith('data/sources/')) continue;
    for (const source of doc.sources ?? []) {
      if (sourceIds.has(source.id)) problems.push(`${name}: source id ${source.id} is defined twice`);
      sourceIds.add(source.id);
    }
  }

  const itemIds = new Set();
  const typeOwner = new Map();
  const serviceIds = new Set();
  for (const [name, doc] of Object.entries(loaded)) {
    const checkRefs = (refs, where) => {
      for (const ref of refs ?? []) {
        if (!sourceIds.has(ref.ref)) problems.push(`${name}: ${where} cites unknown source '${ref.ref}'`);
      }
    };
    if (name.startsWith('data/srm/')) {
      walk(doc, (node, where) => {
        if (node && typeof node === 'object' && Array.isArray(node.sources)) checkRefs(node.sources, where);
      });
      continue;
    }
    if (!name.startsWith('data/services/')) continue;
    if (`data/services/${doc.id}.yaml` !== name) problems.push(`${name}: id '${doc.id}' does not match the file name`);
    if (serviceIds.has(doc.id)) problems.push(`${name}: service id ${doc.id} is used twice`);
    serviceIds.add(doc.id);
    checkRefs(doc.category?.sources, 'category');
    const shiftIds = new Set((doc.shifts ?? []).map((s) => s.id));
    const items = [...(doc.aws ?? []).map((item) => ['aws', item])];
    for (const [domain, entry] of Object.entries(doc.customer ?? {})) {
      if (!Array.isArray(entry)) continue;
      for (const item of entry) {
        if (item.domain !== domain) problems.push(`${name}: item ${item.id} has domain ${item.domain} but sits under ${domain}`);
        items.push(['customer', item]);
      }
    }
    for (const [side, item] of items) {
      if (!item.id.startsWith(`${doc.id}.`)) problems.push(`${name}: item id ${item.id} must start with '${doc.id}.'`);
      if (itemIds.has(item.id)) problems.push(`${name}: item id ${item.id} is used twice`);
      itemIds.add(item.id);
      if (side === 'aws' && item.owner === 'customer') problems.push(`${name}: AWS item ${item.id} has owner customer`);
      if (side === 'customer' && item.owner === 'aws') problems.push(`${name}: customer item ${item.id} has owner aws`);
      checkRefs(item.sources, item.id);
      for (const shift of item.shifts ?? []) {
        if (!shiftIds.has(shift)) problems.push(`${name}: item ${item.id} names unknown shift ${shift}`);
      }
    }
    for (const shift of doc.shifts ?? []) {
      if (!shift.id.startsWith(`${doc.id}.shift.`)) problems.push(`${name}: shift id ${shift.id} must start with '${doc.id}.shift.'`);
      checkRefs(shift.sources, shift.id);
      const defaults = shift.states.filter((s) => s.default).length;
      if (defaults > 1) problems.push(`${name}: shift ${shift.id} has ${defaults} default states`);
    }
    for (const doc_ of doc.docs ?? []) {
      if (doc_.source && !sourceIds.has(doc_.source)) problems.push(`${name}: docs entry cites unknown source '${doc_.source}'`);
    }
    for (const rt of doc.resource_types ?? []) {
      for (const type of [rt.cfn, rt.tf]) {
        if (!type) continue;
        if (typeOwner.has(type) && typeOwner.get(type) !== doc.id) {
          problems.push(`${name}: ${type} is already claimed by service ${typeOwner.get(type)}`);
        }
        typeOwner.set(type, doc.id);
      }
    }
  }
  return problems;
}

function walk(node, visit, where = '') {
  visit(node, where);
  if (Array.isArray(node)) node.forEach((child, i) => walk(child, visit, `${where}[${i}]`));
  else if (node && typeof node === 'object') {
    for (const [key, child] of Object.entries(node)) walk(child, visit, where ? `${where}.${key}` : key);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const problems = validateData();
  for (const p of problems) console.error(p);
  console.log(problems.length === 0 ? 'data: valid' : `data: ${problems.length} problem(s)`);
  process.exit(problems.length === 0 ? 0 : 1);
}
