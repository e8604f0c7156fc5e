import { parseJson } from '../syntax/json';
import { LineIndex } from '../syntax/lineIndex';
import { getValue, isMap, isScalar, stringValue } from '../syntax/tree';
import type { MapEntry, MapNode, Problem, ScalarNode, Span, SyntaxNode } from '../syntax/tree';
import { parseYaml } from '../syntax/yaml';
import type { Resource, Template, TemplateFormat } from './model';
import { mayHoldAlias, reparseResource, textEdit } from './reparse';
import type { ParsedTemplate, TextEdit } from './reparse';

/**
 * Above this size a template is not parsed: its resource types are found by a line scan instead, so a huge file
 * costs milliseconds, not seconds, and still gets hovers. CloudFormation itself accepts templates up to 1 MB.
 */
export const MAX_PARSE_LENGTH = 1024 * 1024;

const SNIFF = /AWSTemplateFormatVersion|AWS::Serverless|["']?Resources["']?\s*:/;

/** Cheap test on the raw text: could this be a CloudFormation template at all? */
export function mightBeCloudFormation(text: string): boolean {
  return SNIFF.test(text);
}

/** True when the text is JSON rather than YAML (its first significant character opens an object). */
export function looksLikeJson(text: string): boolean {
  const match = /^\uFEFF?\s*(\S)/.exec(text);
  return match?.[1] === '{';
}

/**
 * Parses a CloudFormation or SAM template, in YAML or JSON, whatever its file name. Returns undefined when the
 * text is not a template (detected by content: `AWSTemplateFormatVersion`, `Transform`, or a `Resources` map whose
 * entries have a `Type`). Never throws; problems come back in `problems`.
 */
export function parseCloudFormation(text: string, previous?: Template): Template | undefined {
  if (!mightBeCloudFormation(text)) return undefined;
  const json = looksLikeJson(text);
  const format: TemplateFormat = json ? 'cloudformation-json' : 'cloudformation-yaml';
  if (text.length > MAX_PARSE_LENGTH) return scanLargeTemplate(text, format, new LineIndex(text));

  const base = previous && parsedTemplates.get(previous);
  const edit = base && base.json === json ? textEdit(base.text, text) : undefined;
  const reparsed = base && edit && reparseResource(base, text, edit);
  const lines = reparsed ? LineIndex.afterEdit(previous!.lines, text, reparsed.edit) : new LineIndex(text);
  const parsed = reparsed ? { root: reparsed.root, problems: [] } : json ? parseJson(text) : parseYaml(text);
  const { problems } = parsed;
  const clean = problems.length === 0;
  // YAML only: in JSON, a key at column 0 may sit at any depth.
  const root = !json && isMap(parsed.root) && problems.length > 0 ? withStrayTopLevelKeys(text, parsed.root) : parsed.root;
  if (!isMap(root) || !isTemplateRoot(root)) return undefined;

  const parameters = new Set<string>();
  const parameterDefaults = new Map<string, SyntaxNode>();
  const parametersNode = getValue(root, 'Parameters');
  if (isMap(parametersNode)) {
    for (const entry of parametersNode.entries) {
      const name = String(entry.key.value);
      parameters.add(name);
      const fallback = isMap(entry.value) ? getValue(entry.value, 'Default') : undefined;
      if (fallback) parameterDefaults.set(name, fallback);
    }
  }

  const resources: Resource[] = [];
  const resourcesEntry = root.entries.find((entry) => entry.key.value === 'Resources');
  const resourcesNode = resourcesEntry?.value;
  if (resourcesEntry && !isMap(resourcesNode)) {
    problems.push({ message: 'Resources must be a map of logical IDs to resource declarations', span: resourcesNode ?? resourcesEntry.key });
  }
  const globals = getValue(root, 'Globals');
  // After an edit, the declarations the new tree shares with the previous one keep their Resource objects.
  const kept = reparsed && getValue(base!.root, 'Globals') === globals ? declarationsOf(previous!) : undefined;
  if (isMap(resourcesNode)) {
    for (const { key, value } of resourcesNode.entries) {
      const known = value && kept?.get(value);
      const resource = known ?? readResource(text, key, value, problems);
      if (resource) resources.push(known ?? withSamGlobals(resource, globals));
    }
  }
  const template: Template = {
    format,
    resources,
    problems,
    parameters,
    parameterDefaults,
    resourceIds: new Set(resources.map((resource) => resource.id)),
    lines,
  };
  if (clean && isMap(parsed.root)) {
    // An edit's new text is free of aliases when the old one was and the re-parsed lines are (reparseResource).
    const aliasFree = json || (reparsed ? base!.aliasFree : !mayHoldAlias(text));
    parsedTemplates.set(template, { text, json, root: parsed.root, aliasFree });
  }
  if (reparsed && previous) {
    lineages.set(template, lineage(previous, template, reparsed.edit, reparsed.replaced));
    lineages.delete(previous); // one version back only: an editor's versions must not form a chain in memory
  }
  return template;
}

/** The clean parse behind each template, for the next version of its text to build on. */
const parsedTemplates = new WeakMap<Template, ParsedTemplate>();

/**
 * How a template came from the previous version of its text when only one resource was parsed again: the rules keep
 * the outcomes of the resources the edit cannot have changed.
 */
export interface TemplateLineage {
  readonly previous: Template;
  readonly edit: TextEdit;
  /** The edited resource in the new template and in the previous one (undefined when it no longer reads as one). */
  readonly edited: { readonly now: Resource | undefined; readonly before: Resource | undefined };
  /** Each other resource of the new template and the same resource in the previous one. */
  readonly before: ReadonlyMap<Resource, Resource>;
}

const lineages = new WeakMap<Template, TemplateLineage>();

export function lineageOf(template: Template): TemplateLineage | undefined {
  return lineages.get(template);
}

function lineage(previous: Template, template: Template, edit: TextEdit, replaced: MapEntry): TemplateLineage {
  const byId = new Map(previous.resources.map((resource) => [resource.id, resource]));
  const before = new Map<Resource, Resource>();
  let edited: TemplateLineage['edited'] = { now: undefined, before: byId.get(String(replaced.key.value)) };
  for (const resource of template.resources) {
    if (resource.declaration === replaced.value) edited = { now: resource, before: edited.before };
    else if (byId.has(resource.id)) before.set(resource, byId.get(resource.id)!);
  }
  return { previous, edit, edited, before };
}

function declarationsOf(template: Template): Map<SyntaxNode, Resource> {
  const map = new Map<SyntaxNode, Resource>();
  for (const resource of template.resources) if (resource.declaration) map.set(resource.declaration, resource);
  return map;
}

/**
 * After a syntax error (`Description: a: b` is a nested mapping YAML refuses), the parser may nest the keys that
 * follow inside the broken value. A key written at column 0 is always top level, so such keys are lifted back out:
 * the Resources after a bad Description line still get hovers.
 */
function withStrayTopLevelKeys(text: string, root: MapNode): MapNode {
  const atColumnZero = (key: ScalarNode) => key.start === 0 || text[key.start - 1] === '\n' || text[key.start - 1] === '\r';
  const entries: MapEntry[] = [];
  let lifted = false;
  for (const entry of root.entries) {
    const value = entry.value;
    const stray = isMap(value) ? value.entries.filter((inner) => atColumnZero(inner.key)) : [];
    if (stray.length === 0 || !isMap(value)) {
      entries.push(entry);
      continue;
    }
    lifted = true;
    const strayKeys = new Set(stray);
    const kept = value.entries.filter((inner) => !strayKeys.has(inner));
    entries.push({ key: entry.key, value: kept.length > 0 ? { ...value, entries: kept } : null });
    for (const inner of stray) entries.push(inner); // not spread: a broken file may hold more keys than a call takes
  }
  return lifted ? { ...root, entries } : root;
}

function isTemplateRoot(root: MapNode): boolean {
  if (getValue(root, 'AWSTemplateFormatVersion') !== undefined) return true;
  const transform = getValue(root, 'Transform');
  if (transform !== undefined && transform !== null && mentionsAws(transform)) return true;
  const resources = getValue(root, 'Resources');
  return isMap(resources) && resources.entries.some(({ value }) => isMap(value) && getValue(value, 'Type') !== undefined);
}

/** Nodes looked at in a Transform at most: YAML aliases can make a 300-byte Transform a tree of billions of nodes. */
const MAX_TRANSFORM_NODES = 1000;

/** True when a string (value or key) in the node names an AWS transform (`AWS::Serverless-2016-10-31`). */
function mentionsAws(node: SyntaxNode): boolean {
  const stack: SyntaxNode[] = [node];
  for (let budget = MAX_TRANSFORM_NODES; stack.length > 0 && budget > 0; budget--) {
    const current = stack.pop()!;
    if (current.kind === 'scalar') {
      if (String(current.value).includes('AWS::')) return true;
    } else if (current.kind === 'seq') {
      for (const item of current.items) stack.push(item);
    } else {
      for (const entry of current.entries) {
        stack.push(entry.key);
        if (entry.value) stack.push(entry.value);
      }
    }
  }
  return false;
}

function readResource(text: string, key: ScalarNode, value: SyntaxNode | null, problems: Problem[]): Resource | undefined {
  const id = String(key.value);
  const span = { start: key.start, end: value?.end ?? key.end };
  if (!isMap(value)) {
    problems.push({ message: `Resource ${id} must be a map with a Type`, span: value ?? key });
    return undefined;
  }
  const typeNode = halfTypedType(text, getValue(value, 'Type'));
  const type = stringValue(typeNode);
  if (type === undefined || !isScalar(typeNode)) {
    const where = typeNode ?? key;
    const message = typeNode === undefined ? `Resource ${id} has no Type` : `The Type of resource ${id} must be a string`;
    problems.push({ message, span: where });
    return undefined;
  }
  const propertiesNode = getValue(value, 'Properties');
  const metadataNode = getValue(value, 'Metadata');
  return {
    id,
    type,
    typeSpan: unquoted(text, typeNode),
    idSpan: unquoted(text, key),
    span,
    properties: isMap(propertiesNode) ? propertiesNode : undefined,
    ...(isMap(metadataNode) ? { metadata: metadataNode } : {}),
    declaration: value,
    kind: 'resource',
  };
}

/**
 * SAM's `Globals` section gives defaults to every resource of a kind (`Globals.Function` for each
 * `AWS::Serverless::Function`); a resource's own properties win. Merged so shifts see e.g. a global PackageType.
 */
function withSamGlobals(resource: Resource, globals: SyntaxNode | null | undefined): Resource {
  if (!isMap(globals) || !resource.type.startsWith('AWS::Serverless::')) return resource;
  const section = getValue(globals, resource.type.slice('AWS::Serverless::'.length));
  if (!isMap(section)) return resource;
  const own = resource.properties?.entries ?? [];
  const ownKeys = new Set(own.map((entry) => entry.key.value));
  const inherited = section.entries.filter((entry) => !ownKeys.has(entry.key.value));
  if (inherited.length === 0) return resource;
  const base = resource.properties ?? { start: resource.span.start, end: resource.span.end };
  return { ...resource, properties: { kind: 'map', entries: [...inherited, ...own], start: base.start, end: base.end } };
}

/**
 * `Type: AWS::S3::` being typed parses as a nested key `AWS::S3:` (a colon before a line break starts a map):
 * read it back as the scalar the user is typing, so the hover and the "did you mean" still work.
 */
function halfTypedType(text: string, node: SyntaxNode | null | undefined): SyntaxNode | null | undefined {
  if (!isMap(node) || node.entries.length !== 1) return node;
  const { key, value } = node.entries[0]!;
  const empty = value === null || (isScalar(value) && value.value === null && value.start === value.end);
  if (!empty || typeof key.value !== 'string' || text[key.end] !== ':') return node;
  return { kind: 'scalar', value: `${key.value}:`, start: key.start, end: key.end + 1 };
}

/** The span of a scalar's text without its quotes, so ranges cover exactly the type as written. */
function unquoted(text: string, node: Span): Span {
  const first = text[node.start];
  if ((first === '"' || first === "'") && node.end - node.start >= 2 && text[node.end - 1] === first) {
    return { start: node.start + 1, end: node.end - 1 };
  }
  return node;
}

const LARGE_TYPE_LINE = /^([ \t]*)["']?Type["']?[ \t]*:[ \t]*["']?([A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+)/gm;

/** For templates over MAX_PARSE_LENGTH: finds `Type: AWS::…` lines without parsing, and says so. */
function scanLargeTemplate(text: string, format: TemplateFormat, lines: LineIndex): Template {
  const resources: Resource[] = [];
  for (const match of text.matchAll(LARGE_TYPE_LINE)) {
    const type = match[2]!;
    const start = match.index + match[0].length - type.length;
    const typeSpan = { start, end: start + type.length };
    resources.push({
      id: `line ${lines.positionAt(start).line + 1}`,
      type,
      typeSpan,
      idSpan: typeSpan,
      span: typeSpan,
      properties: undefined,
      kind: 'resource',
    });
  }
  const megabytes = (text.length / 1024 / 1024).toFixed(1);
  const message = `This template is ${megabytes} MB, over CloudFormation's 1 MB limit and the analysis limit: resource types were found by a quick scan, without their properties`;
  return {
    format,
    resources,
    problems: [{ message, span: { start: 0, end: 0 } }],
    parameters: new Set(),
    resourceIds: new Set(),
    lines,
  };
}
