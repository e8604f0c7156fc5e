import type { HclBlock, HclParseOptions, HclParser } from '../syntax/hcl';
import { parseJson } from '../syntax/json';
import { LineIndex } from '../syntax/lineIndex';
import { getValue, isMap, stringValue } from '../syntax/tree';
import type { MapEntry, MapNode, Problem, ScalarNode, SyntaxNode } from '../syntax/tree';
import type { Resource, Template } from './model';
import { referenceIndex } from './references';

/** True for the file names Terraform reads: `.tf` (HCL) and `.tf.json`. */
export function terraformFormatOf(fileName: string): 'terraform-hcl' | 'terraform-json' | undefined {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.tf.json')) return 'terraform-json';
  if (lower.endsWith('.tf')) return 'terraform-hcl';
  return undefined;
}

/** A `.tf` file's resource, data and module blocks, with the range of each type label. Never throws. */
export function parseTerraformHcl(text: string, parser: HclParser, options: HclParseOptions = {}): Template {
  const { blocks, problems } = parser.parse(text, options);
  const resources: Resource[] = [];
  const providers: Resource[] = [];
  const parameters = new Set<string>();
  const defaults = new Map<string, SyntaxNode>();
  for (const block of blocks) {
    if (block.kind === 'variable' && block.labels[0]) {
      const name = `var.${String(block.labels[0].value)}`;
      parameters.add(name);
      const fallback = getValue(block.body, 'default');
      if (fallback) defaults.set(name, fallback);
    }
    const resource = resourceOfBlock(block, problems);
    if (resource?.kind === 'provider') providers.push(resource);
    else if (resource) resources.push(resource);
  }
  return template('terraform-hcl', text, resources, problems, parameters, defaults, providers);
}

function resourceOfBlock(block: HclBlock, problems: Problem[]): Resource | undefined {
  const [first, second] = block.labels;
  const span = { start: block.start, end: block.end };
  if (block.kind === 'resource' || block.kind === 'data') {
    if (!first) return undefined;
    if (!second) problems.push({ message: `A ${block.kind} block needs a type and a name`, span: first });
    const type = String(first.value);
    const address = `${type}.${String(second?.value ?? '')}`;
    return {
      id: block.kind === 'data' ? `data.${address}` : address,
      type,
      typeSpan: first,
      idSpan: second ?? first,
      span,
      properties: block.body,
      kind: block.kind,
    };
  }
  if (block.kind === 'provider' && first) {
    return { id: `provider.${String(first.value)}`, type: String(first.value), typeSpan: first, idSpan: first, span, properties: block.body, kind: 'provider' };
  }
  if (block.kind === 'module' && first) {
    return {
      id: `module.${String(first.value)}`,
      type: stringValue(getValue(block.body, 'source')) ?? '',
      typeSpan: first,
      idSpan: first,
      span,
      properties: block.body,
      kind: 'module',
    };
  }
  return undefined;
}

/** A `.tf.json` file: the same blocks in JSON syntax (`{"resource": {"aws_s3_bucket": {"logs": {…}}}}`). */
export function parseTerraformJson(text: string): Template {
  const { root, problems } = parseJson(text);
  const resources: Resource[] = [];
  const parameters = new Set<string>();
  const defaults = new Map<string, SyntaxNode>();
  const providers: Resource[] = [];
  if (root && !isMap(root)) {
    problems.push({ message: 'A Terraform JSON file must hold an object at the top level, such as {"resource": {…}}', span: root });
  }
  if (isMap(root)) {
    for (const entry of root.entries) {
      const section = String(entry.key.value);
      const value = entry.value;
      if (SECTIONS.has(section) && value && !isMap(value) && !(value.kind === 'seq' && value.items.every(isMap))) {
        problems.push({ message: `The ${section} section must be an object, or a list of objects`, span: value });
      }
    }
    for (const variable of objectsOf(getValue(root, 'variable'))) {
      for (const entry of variable.entries) {
        const name = `var.${String(entry.key.value)}`;
        parameters.add(name);
        const fallback = isMap(entry.value) ? getValue(entry.value, 'default') : undefined;
        if (fallback) defaults.set(name, fallback);
      }
    }
    for (const section of objectsOf(getValue(root, 'provider'))) {
      for (const { key, value } of section.entries) {
        providers.push({
          id: `provider.${String(key.value)}`,
          type: String(key.value),
          typeSpan: inside(key),
          idSpan: inside(key),
          span: { start: key.start, end: value?.end ?? key.end },
          properties: firstObject(value),
          kind: 'provider',
        });
      }
    }
    for (const kind of ['resource', 'data'] as const) {
      for (const section of objectsOf(getValue(root, kind))) {
        for (const { key: typeKey, value: byName } of section.entries) {
          for (const names of objectsOf(byName)) {
            for (const { key: nameKey, value: body } of names.entries) {
              const address = `${String(typeKey.value)}.${String(nameKey.value)}`;
              resources.push({
                id: kind === 'data' ? `data.${address}` : address,
                type: String(typeKey.value),
                typeSpan: inside(typeKey),
                idSpan: inside(nameKey),
                span: { start: typeKey.start, end: body?.end ?? nameKey.end },
                properties: firstObject(body),
                kind,
              });
            }
          }
        }
      }
    }
    for (const section of objectsOf(getValue(root, 'module'))) {
      for (const { key, value } of section.entries) {
        const body = firstObject(value);
        resources.push({
          id: `module.${String(key.value)}`,
          type: (body && stringValue(getValue(body, 'source'))) ?? '',
          typeSpan: inside(key),
          idSpan: inside(key),
          span: { start: key.start, end: value?.end ?? key.end },
          properties: body,
          kind: 'module',
        });
      }
    }
  }
  return template('terraform-json', text, resources, problems, parameters, defaults, providers);
}

/** The top-level sections read here. */
const SECTIONS = new Set(['variable', 'provider', 'resource', 'data', 'module']);

/** A JSON section may be an object or a list of objects (both are valid Terraform JSON). */
function objectsOf(node: SyntaxNode | null | undefined): MapNode[] {
  if (isMap(node)) return [node];
  if (node?.kind === 'seq') return node.items.filter(isMap);
  return [];
}

function firstObject(node: SyntaxNode | null | undefined): MapNode | undefined {
  const body = objectsOf(node)[0];
  return body ? markInterpolations(body) as MapNode : undefined;
}

/**
 * In Terraform JSON, a string holding `${…}` is an expression, not a literal: tag it so it reads as unknown. The tree
 * is the one parseTerraformJson has just parsed and nothing else holds, so only the strings that change are replaced,
 * in place.
 */
function markInterpolations(node: SyntaxNode): SyntaxNode {
  if (node.kind === 'scalar') {
    if (typeof node.value !== 'string' || !node.value.includes('${')) return node;
    const match = /^\$\{var\.([A-Za-z0-9_-]+)\}$/.exec(node.value);
    const { start, end } = node;
    return match ? { kind: 'scalar', value: `var.${match[1]}`, start, end, tag: '!Ref' } : { kind: 'scalar', value: node.value, start, end, tag: '!Expr' };
  }
  if (node.kind === 'seq') {
    const items = node.items as SyntaxNode[];
    for (let i = 0; i < items.length; i++) items[i] = markInterpolations(items[i]!);
    return node;
  }
  const entries = node.entries as MapEntry[];
  for (let i = 0; i < entries.length; i++) {
    const { key, value } = entries[i]!;
    const marked = value && markInterpolations(value);
    if (marked !== value) entries[i] = { key, value: marked };
  }
  return node;
}

/** The span of a JSON key without its quotes. */
function inside(key: ScalarNode): ScalarNode {
  return { kind: 'scalar', value: key.value, start: key.start + 1, end: Math.max(key.start + 1, key.end - 1) };
}

function template(
  format: Template['format'],
  text: string,
  resources: Resource[],
  problems: Problem[],
  parameters: Set<string>,
  parameterDefaults: Map<string, SyntaxNode>,
  providers: Resource[],
): Template {
  const resourceIds = new Set<string>();
  for (const resource of resources) if (resource.kind !== 'module') resourceIds.add(resource.id);
  return { format, resources, providers, problems, parameters, parameterDefaults, resourceIds, lines: new LineIndex(text) };
}

/**
 * The satellite resource of `type` that configures `resource` by referring to it
 * (`aws_s3_bucket_versioning { bucket = aws_s3_bucket.logs.id }`), or undefined when the template has none.
 */
export function satelliteOf(template: Template, resource: Resource, type: string): Resource | undefined {
  return referenceIndex(template).referrers(resource, type)[0];
}
