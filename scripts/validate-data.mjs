// Validates every curated file under data/ against its JSON Schema and checks the links between files
// (source ids, unique item ids, one service per resource type, cited Security Hub controls in the catalog and current). Used by the unit tests and by authors:
//   node scripts/validate-data.mjs        prints the problems and exits 1 when there are any
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { loadAwsServiceSpec } from '@aws-cdk/aws-service-spec';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const SAM_TYPES_NOT_IN_SPEC = new Set(['AWS::Serverless::Connector', 'AWS::Serverless::GraphQLApi']);

const SCHEMA_OF_FOLDER = {
  'data/services': 'service.schema.json',
  'data/sources': 'sources.schema.json',
  'data/rules': 'rules.schema.json',
  'data/controls': 'controls.schema.json',
  'data/srm': null, // each file has its own schema below
  'data/terraform': null,
};
const SCHEMA_OF_FILE = {
  'model.yaml': 'model.schema.json',
  'domains.yaml': 'domains.schema.json',
  'categories.yaml': 'categories.schema.json',
  'modules.yaml': 'tf-modules.schema.json',
  'services.yaml': 'tf-services.schema.json',
  'awscc-exceptions.yaml': 'awscc-exceptions.schema.json',
  'other-versions.yaml': 'tf-other-versions.schema.json',
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
export async function validateData() {
  const spec = await loadAwsServiceSpec();
  const catalogTypes = new Set(spec.all('resource').map((r) => r.cloudFormationType));
  const tfCatalog = JSON.parse(readFileSync(join(root, 'data/generated/tf-catalog.json'), 'utf8'));
  const tfTypes = new Set(Object.keys(tfCatalog.resources));
  // The spec lags SAM (some SAM types and properties are missing): SAM types' top-level properties come from SAM's schema.
  const samTypes = Object.entries(JSON.parse(readFileSync(join(root, 'data/generated/cfn-catalog.json'), 'utf8')).types).filter(([type]) => type.startsWith('AWS::Serverless::'));
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
      const schemaFile = SCHEMA_OF_FOLDER[folder] ?? SCHEMA_OF_FILE[file.split('/').pop()];
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

  const controls = new Map();
  for (const [name, doc] of Object.entries(loaded)) {
    if (!name.startsWith('data/controls/')) continue;
    for (const control of doc.controls ?? []) {
      if (controls.has(control.id)) problems.push(`${name}: control ${control.id} is listed twice`);
      controls.set(control.id, control);
    }
  }
  /** A cited control must be in the catalog and current: a retired control checks nothing any more. */
  const checkControls = (ids, where) => {
    for (const id of ids ?? []) {
      const control = controls.get(id);
      if (!control) problems.push(`${where} cites Security Hub control ${id}, which is not in data/controls/fsbp.yaml`);
      else if (control.status === 'retired') problems.push(`${where} cites Security Hub control ${id}, retired on ${control.retired}`);
    }
  };

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
    const items = [...(doc.aws ?? []).map((item) => ['aws', item]), ...(doc.defaults ?? []).map((item) => ['default', item])];
    for (const [domain, entry] of Object.entries(doc.customer ?? {})) {
      if (!Array.isArray(entry)) continue;
      for (const item of entry) {
        if (item.domain !== domain) problems.push(`${name}: item ${item.id} has domain ${item.domain} but sits under ${domain}`);
        items.push(['customer', item]);
      }
    }
    for (const [side, item] of items) {
      if (itemIds.has(item.id)) problems.push(`${name}: item id ${item.id} is used twice`);
      itemIds.add(item.id);
      if (!item.id.startsWith(`${doc.id}.${side === 'customer' ? 'cust' : side}.`)) problems.push(`${name}: ${side} item ${item.id} must start with '${doc.id}.${side === 'customer' ? 'cust' : side}.'`);
      checkRefs(item.sources, item.id);
      checkControls(item.fsbp, `${name}: item ${item.id}`);
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
    for (const rt of doc.resource_types ?? []) checkControls(rt.fsbp, `${name}: resource type ${rt.cfn ?? rt.tf}`);
    for (const check of doc.checks_at_runtime ?? []) checkControls([check.control], `${name}: checks_at_runtime`);
    checkControls(doc.fsbp_controls, `${name}: fsbp_controls`);
    const cfnTypesOfService = (doc.resource_types ?? []).map((rt) => rt.cfn).filter(Boolean);
    const tfTypesOfService = new Set((doc.resource_types ?? []).flatMap((rt) => [rt.tf, ...(rt.tf_satellites ?? []).map((sat) => sat.type)]).filter(Boolean));
    for (const [side, item] of items) {
      // applies_to narrows an item to some of the service's own types; a condition reads paths those types have.
      for (const type of item.applies_to?.cfn ?? []) {
        if (!cfnTypesOfService.includes(type)) problems.push(`${name}: ${side} item ${item.id} applies_to ${type}, which is not a type of this service`);
      }
      for (const type of item.applies_to?.tf ?? []) {
        if (!tfTypesOfService.has(type)) problems.push(`${name}: ${side} item ${item.id} applies_to ${type}, which is not a type of this service`);
      }
      const typesOfItem = item.applies_to?.cfn ?? cfnTypesOfService;
      for (const { path, on } of conditionPathsOf(item.applies_when, 'cfn')) {
        if (on) continue;
        if (path && !typesOfItem.some((type) => pathExists(spec, type, path))) {
          problems.push(`${name}: ${side} item ${item.id} applies_when reads '${path}', which none of its types has`);
        }
      }
      for (const { on } of conditionPathsOf(item.applies_when, 'tf')) {
        if (on && !tfTypes.has(on)) problems.push(`${name}: ${side} item ${item.id} applies_when reads ${on}, not a resource type of the pinned AWS provider`);
      }
      // Evidence and the settings that replace a default are read on whichever of the service's types is hovered,
      // so a path must exist on at least one.
      for (const [what, paths] of [['evidence', item.evidence?.cfn], ['overridden_by', item.overridden_by?.cfn]]) {
        for (const path of paths ?? []) {
          // A resource type names another resource of the file that refers to this one (a bucket policy, a flow log).
          if (/^[A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+$/.test(path)) {
            if (!catalogTypes.has(path)) problems.push(`${name}: ${side} item ${item.id} ${what} names unknown type ${path}`);
            continue;
          }
          // A SAM type shows the items of the type its transform creates and may spell a setting its own way.
          const onSamType = samTypes.some(([type, entry]) => (typesOfItem.includes(type) || typesOfItem.includes(entry.expandsTo)) && entry.properties.includes(path.split(/[.[]/)[0]));
          if (!onSamType && !typesOfItem.some((type) => pathExists(spec, type, path))) {
            problems.push(`${name}: ${side} item ${item.id} ${what} path '${path}' exists on none of the service's types`);
          }
        }
      }
      // Terraform paths likewise, on the item's types, their twins and their satellites (satellite types are checked below).
      const named = item.applies_to && [...(item.applies_to.cfn ?? []), ...(item.applies_to.tf ?? [])];
      const tfTypesOfItem = (doc.resource_types ?? [])
        .filter((rt) => !named || named.includes(rt.cfn) || named.includes(rt.tf))
        .flatMap((rt) => [rt.tf, ...(rt.tf_satellites ?? []).map((sat) => sat.type)])
        .filter(Boolean);
      for (const [what, paths] of [['evidence', item.evidence?.tf], ['overridden_by', item.overridden_by?.tf]]) {
        for (const path of paths ?? []) {
          if (!path.startsWith('aws_') && !tfTypesOfItem.some((type) => tfPathExists(tfCatalog, type, path))) {
            problems.push(`${name}: ${side} item ${item.id} ${what} attribute '${path}' exists on none of the service's Terraform types`);
          }
        }
      }
    }
    for (const shift of doc.shifts ?? []) {
      const types = shift.resource_types.cfn ?? [];
      for (const type of types) {
        if (!catalogTypes.has(type)) problems.push(`${name}: shift ${shift.id} names unknown type ${type}`);
      }
      // A shift over several types may test a path that only one of them has (an `any` over both).
      for (const path of conditionPaths(shift, 'cfn')) {
        if (!types.some((type) => pathExists(spec, type, path))) problems.push(`${name}: shift ${shift.id}: none of its types has the property path '${path}'`);
      }
    }
    const tfNames = [
      ...(doc.resource_types ?? []).flatMap((rt) => [rt.tf, ...(rt.tf_satellites ?? []).map((sat) => sat.type)]),
      ...items.flatMap(([, item]) => [...(item.evidence?.tf ?? []), ...(item.overridden_by?.tf ?? [])].filter((path) => path.startsWith('aws_'))),
      ...(doc.shifts ?? []).flatMap((shift) => [...(shift.resource_types.tf ?? []), shift.trigger?.tf?.satellite]),
    ].filter(Boolean);
    for (const type of new Set(tfNames)) {
      if (!tfTypes.has(type)) problems.push(`${name}: ${type} is not a resource type of the pinned AWS provider`);
    }
    for (const rt of doc.resource_types ?? []) {
      if (rt.cfn && !catalogTypes.has(rt.cfn) && !SAM_TYPES_NOT_IN_SPEC.has(rt.cfn)) problems.push(`${name}: unknown CloudFormation type ${rt.cfn}`);
      for (const type of [rt.cfn, rt.tf]) {
        if (!type) continue;
        if (typeOwner.has(type) && typeOwner.get(type) !== doc.id) {
          problems.push(`${name}: ${type} is already claimed by service ${typeOwner.get(type)}`);
        }
        typeOwner.set(type, doc.id);
      }
    }
  }
  problems.push(...validateRules(loaded, { spec, catalogTypes, tfCatalog, sourceIds, itemIds, checkControls }));
  return problems;
}

/**
 * Rules: unique ids, known types on both sides, every property path on the CloudFormation spec and the Terraform
 * catalog, known sources and responsibility items, and a fixture folder with pass and fail templates for each side.
 */
function validateRules(loaded, { spec, catalogTypes, tfCatalog, sourceIds, itemIds, checkControls }) {
  const problems = [];
  const ruleIds = new Set();
  for (const [name, doc] of Object.entries(loaded)) {
    if (!name.startsWith('data/rules/')) continue;
    for (const rule of doc.rules ?? []) {
      const where = `${name}: rule ${rule.id}`;
      if (ruleIds.has(rule.id)) problems.push(`${where}: id is used twice`);
      ruleIds.add(rule.id);
      for (const ref of [...(rule.sources ?? []), ...(rule.absent?.aws_default?.sources ?? [])]) {
        if (!sourceIds.has(ref.ref)) problems.push(`${where}: cites unknown source '${ref.ref}'`);
      }
      checkControls(rule.controls, where);
      if (rule.responsibility_item && !itemIds.has(rule.responsibility_item)) problems.push(`${where}: unknown responsibility item ${rule.responsibility_item}`);
      const cfnTypes = rule.resource_types?.cfn ?? [];
      const tfTypes = rule.resource_types?.tf ?? [];
      for (const type of cfnTypes) {
        if (!catalogTypes.has(type) && !SAM_TYPES_NOT_IN_SPEC.has(type)) problems.push(`${where}: unknown CloudFormation type ${type}`);
      }
      for (const type of tfTypes) {
        if (type !== 'provider.aws' && !tfCatalog.resources[type]) problems.push(`${where}: ${type} is not a resource type of the pinned AWS provider`);
      }
      for (const [side, types, exists] of [
        ['cfn', cfnTypes, (type, path) => pathExists(spec, type, path)],
        ['tf', tfTypes, (type, path) => tfPathExists(tfCatalog, type, path)],
      ]) {
        if (types.length === 0) continue;
        if (side === 'tf' && types.every((type) => type === 'provider.aws')) continue; // provider arguments are not in the catalog
        for (const { path, on } of rulePaths(rule, side)) {
          if (on) {
            // A condition on another resource: its paths are checked against that type.
            if (side === 'cfn' ? !catalogTypes.has(on) : !tfCatalog.resources[on]) problems.push(`${where}: related type ${on} is unknown`);
            else if (path && !exists(on, path)) problems.push(`${where}: ${on} has no property path '${path}'`);
          } else if (path && !(side === 'tf' && path.startsWith('aws_')) && !types.some((type) => exists(type, path))) {
            problems.push(`${where}: none of its ${side} types has the property path '${path}'`);
          }
        }
        if (rule.fix?.[side]?.properties || rule.fix?.[side]?.attributes) {
          for (const key of Object.keys(rule.fix[side].properties ?? rule.fix[side].attributes)) {
            if (!types.some((type) => exists(type, key))) problems.push(`${where}: the ${side} fix sets '${key}', which none of its types has`);
          }
        }
      }
      const fixtures = join(root, 'test/fixtures/rules', rule.id);
      const wanted = [
        ...(cfnTypes.length > 0 ? ['fail.yaml', 'pass.yaml'] : []), // the .json twins are generated (scripts/fixtures-json.mjs)
        ...(tfTypes.length > 0 ? ['fail.tf', 'pass.tf'] : []),
      ];
      for (const file of wanted) {
        if (!existsSync(join(fixtures, file))) problems.push(`${where}: fixture test/fixtures/rules/${rule.id}/${file} is missing`);
      }
    }
  }
  return problems;
}

/** Every property path a rule reads on one side, with the related or satellite type it is read on (if any). */
function rulePaths(rule, side) {
  const paths = [];
  const subject = rule.subject?.[side];
  if (subject) paths.push({ path: subject });
  const visit = (condition, on) => {
    if (!condition || typeof condition !== 'object') return;
    const sided = condition.cfn || condition.tf ? condition[side] : condition;
    if (!sided) return;
    const here = sided.related?.type ?? sided.satellite ?? on;
    if (sided.path !== undefined) paths.push({ path: sided.path, on: here });
    for (const c of [...(sided.all ?? []), ...(sided.any ?? [])]) visit(c, here);
    if (sided.not) visit(sided.not, here);
  };
  visit(rule.violation, undefined);
  visit(rule.applies_when, undefined);
  return paths;
}

/** Whether an attribute or nested-block path exists on a Terraform type of the catalog (first two levels checked). */
function tfPathExists(tfCatalog, type, path) {
  const entry = tfCatalog.resources[type];
  if (!entry) return false;
  const keys = path.replace(/\[[^\]]*\]/g, '').split('.').filter(Boolean);
  if (keys.length === 0) return true;
  const [first, second] = keys;
  if ((entry.attributes ?? []).includes(first)) return true; // below an attribute (a map, a JSON document) anything goes
  if ((entry.removed ?? []).includes(first)) return true; // removed in provider 6.0: configurations pinned to 5.x still write it
  const block = entry.blocks?.[first];
  if (!block) return false;
  return second === undefined || block.includes(second) || Object.prototype.hasOwnProperty.call(entry.blocks, second);
}

/** Every path a condition reads on one side, with the satellite or related type it is read on (if any). */
function conditionPathsOf(condition, side, on) {
  if (!condition || typeof condition !== 'object') return [];
  const sided = condition.cfn || condition.tf ? condition[side] : condition;
  if (!sided) return [];
  const here = sided.related?.type ?? sided.satellite ?? on;
  return [
    ...(sided.path !== undefined || here !== on ? [{ path: sided.path, on: here }] : []),
    ...[...(sided.all ?? []), ...(sided.any ?? [])].flatMap((c) => conditionPathsOf(c, side, here)),
    ...(sided.not ? conditionPathsOf(sided.not, side, here) : []),
  ];
}

/** Every property path a shift reads on one side: its trigger and the paths of its states' conditions. */
function conditionPaths(shift, side) {
  const paths = new Set();
  if (shift.trigger?.[side]?.path) paths.add(shift.trigger[side].path);
  const visit = (condition) => {
    if (!condition || typeof condition !== 'object') return;
    const sided = condition.cfn || condition.tf ? condition[side] : condition;
    if (!sided) return;
    if (sided.path) paths.add(sided.path);
    for (const c of [...(sided.all ?? []), ...(sided.any ?? [])]) visit(c);
    if (sided.not) visit(sided.not);
  };
  for (const state of shift.states) visit(state.when);
  return [...paths];
}

/** Whether a property path (`A.B[*].C`, filters allowed) exists in a type's CloudFormation schema. */
function pathExists(spec, type, path) {
  const resource = spec.lookup('resource', 'cloudFormationType', 'equals', type);
  if (resource.length === 0) return false;
  const keys = path.replace(/\[[^\]]*\]/g, '').split('.').filter(Boolean);
  let properties = resource.only().properties;
  for (let i = 0; i < keys.length; i++) {
    const property = properties?.[keys[i]];
    if (!property) return false;
    let valueType = property.type;
    while (valueType.type === 'array') valueType = valueType.element;
    if (valueType.type === 'map') {
      i++; // the next key is a free map key (e.g. LogPublishingOptions.AUDIT_LOGS)
      valueType = valueType.element;
    }
    if (i >= keys.length - 1) return true;
    properties = objectProperties(spec, valueType);
    if (!properties) return valueType.type === 'json'; // below a JSON property anything goes; below a scalar nothing
  }
  return true;
}

function objectProperties(spec, type) {
  if (type.type === 'ref') return spec.get('typeDefinition', type.reference.$ref).properties;
  if (type.type === 'union') {
    for (const t of type.types) {
      const nested = objectProperties(spec, t);
      if (nested) return nested;
    }
  }
  return undefined;
}

function walk(node, visit, where = '') {
  visit(node, where);
  if (Array.isArray(node)) node.forEach((child, i) => walk(child, visit, `${where}[${i}]`));
  else if (node && typeof node === 'object') {
    for (const [key, child] of Object.entries(node)) walk(child, visit, where ? `${where}.${key}` : key);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const problems = await validateData();
  for (const p of problems) console.error(p);
  console.log(problems.length === 0 ? 'data: valid' : `data: ${problems.length} problem(s)`);
  process.exit(problems.length === 0 ? 0 : 1);
}
