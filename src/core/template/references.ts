import { stringValue } from '../syntax/tree';
import type { SyntaxNode } from '../syntax/tree';
import type { Resource, Template } from './model';
import { dialectOf } from './model';
import { selectPath } from './values';
import type { ValueContext } from './values';

/**
 * Who refers to whom in a template: for each resource, the resources whose properties mention it (`!Ref Bucket`,
 * `!GetAtt Bucket.Arn`, `!Sub "${Bucket}"`; Terraform `aws_s3_bucket.logs.id`). Built once per template, each part
 * on first need, so cross-resource rules and Terraform satellites cost a lookup, not a scan of the file per resource.
 */
export interface ReferenceIndex {
  /** The resources of `type` that refer to `target`, through `link` (a property path) when given. */
  referrers(target: Resource, type: string, link?: string): Resource[];
  /** Every resource that refers to `target`, whatever its type. */
  referrersOf(target: Resource): readonly Resource[];
  /** True when the properties of `from` mention `target` (reads `from` alone). */
  refersTo(from: Resource, target: Resource): boolean;
  /** The resource a reference node names (`!Ref X`, `aws_x.y.arn`, `data.aws_iam_policy_document.p.json`). */
  resolve(node: SyntaxNode): Resource | undefined;
}

const indexes = new WeakMap<Template, ReferenceIndex>();

/** Nodes visited per resource at most: YAML aliases can make a small file a huge tree. */
const MAX_NODES_PER_RESOURCE = 20000;

export function referenceIndex(template: Template): ReferenceIndex {
  let index = indexes.get(template);
  if (!index) {
    index = buildIndex(template);
    indexes.set(template, index);
  }
  return index;
}

function buildIndex(template: Template): ReferenceIndex {
  const terraform = dialectOf(template.format) === 'tf';
  const byId = new Map<string, Resource>();
  for (const resource of template.resources) if (resource.kind === 'resource' || resource.kind === 'data') byId.set(resource.id, resource);
  const idsIn = (node: SyntaxNode | null | undefined): Set<string> => {
    const found = new Set<string>();
    collectReferences(node ?? null, terraform, byId, found, { left: MAX_NODES_PER_RESOURCE });
    return found;
  };
  /** For each id, the resources among `referrers` (in template order) whose properties mention it. */
  const referrersAmong = (referrers: Iterable<Resource>): Map<string, Resource[]> => {
    const byTarget = new Map<string, Resource[]>();
    for (const resource of referrers) {
      for (const id of idsIn(resource.properties)) {
        if (id === resource.id) continue;
        let list = byTarget.get(id);
        if (!list) byTarget.set(id, (list = []));
        list.push(resource);
      }
    }
    return byTarget;
  };
  // Built on first need: rules ask only for referrers of a few types (a bucket's policy), so only the resources of
  // those types are read; the hover's list of every referrer reads them all.
  let resourcesByType: Map<string, Resource[]> | undefined;
  const referrersByType = new Map<string, Map<string, Resource[]>>();
  let allReferrers: Map<string, Resource[]> | undefined;
  const mentioned = new Map<Resource, Set<string>>();
  const referrersOfType = (type: string): Map<string, Resource[]> => {
    let byTarget = referrersByType.get(type);
    if (!byTarget) {
      if (!resourcesByType) {
        resourcesByType = new Map();
        for (const resource of template.resources) {
          if (resource.kind !== 'resource') continue;
          let list = resourcesByType.get(resource.type);
          if (!list) resourcesByType.set(resource.type, (list = []));
          list.push(resource);
        }
      }
      byTarget = referrersAmong(resourcesByType.get(type) ?? []);
      referrersByType.set(type, byTarget);
    }
    return byTarget;
  };
  return {
    referrers(target, type, link) {
      const candidates = referrersOfType(type).get(target.id) ?? [];
      if (link === undefined) return [...candidates];
      return candidates.filter((candidate) =>
        selectPath(candidate.properties, link, template).some((value) => 'node' in value && idsIn(value.node).has(target.id)),
      );
    },
    referrersOf(target) {
      allReferrers ??= referrersAmong(template.resources);
      return allReferrers.get(target.id) ?? [];
    },
    refersTo(from, target) {
      let ids = mentioned.get(from);
      if (!ids) mentioned.set(from, (ids = idsIn(from.properties)));
      return from.id !== target.id && ids.has(target.id);
    },
    resolve(node) {
      const [id] = idsIn(node);
      return id === undefined ? undefined : byId.get(id);
    },
  };
}

const SUB_VARIABLE = /\$\{([A-Za-z0-9_:]+)(?:\.[A-Za-z0-9_.]+)?\}/g;
const TF_ADDRESS = /\b((?:data\.)?[a-z][a-z0-9_]*\.[A-Za-z_][A-Za-z0-9_-]*)/g;

function collectReferences(
  node: SyntaxNode | null,
  terraform: boolean,
  byId: ReadonlyMap<string, Resource>,
  found: Set<string>,
  budget: { left: number },
): void {
  const stack: SyntaxNode[] = node ? [node] : [];
  while (stack.length > 0 && budget.left-- > 0) {
    const current = stack.pop()!;
    if (current.kind === 'scalar') {
      if (typeof current.value === 'string') scalarReferences(current.value, current.tag, terraform, byId, found);
      continue;
    }
    if (current.kind === 'seq') {
      if (current.tag === '!GetAtt') addIfKnown(stringValue(current.items[0]), byId, found);
      for (const item of current.items) stack.push(item);
      continue;
    }
    const single = current.entries.length === 1 ? current.entries[0]! : undefined;
    if (single && (single.key.value === 'Ref' || single.key.value === 'Fn::GetAtt')) {
      const argument = single.value;
      const name = argument?.kind === 'seq' ? stringValue(argument.items[0]) : stringValue(argument)?.split('.')[0];
      addIfKnown(name, byId, found);
    }
    for (const entry of current.entries) if (entry.value) stack.push(entry.value);
  }
}

function scalarReferences(value: string, tag: string | undefined, terraform: boolean, byId: ReadonlyMap<string, Resource>, found: Set<string>): void {
  if (terraform) {
    if (tag !== '!GetAtt' && tag !== '!Expr') return;
    for (const match of value.matchAll(TF_ADDRESS)) addIfKnown(match[1], byId, found);
    return;
  }
  if (tag === '!Ref') addIfKnown(value, byId, found);
  else if (tag === '!GetAtt') addIfKnown(value.split('.')[0], byId, found);
  if (value.includes('${')) for (const match of value.matchAll(SUB_VARIABLE)) addIfKnown(match[1], byId, found);
}

function addIfKnown(id: string | undefined, byId: ReadonlyMap<string, Resource>, found: Set<string>): void {
  if (id !== undefined && byId.has(id)) found.add(id);
}

/**
 * The value context of one resource: its template's parameters, and the other resources of the file as conditions
 * read them. Settings often live in resources that point at it (a Terraform `aws_s3_bucket_versioning`, a bucket
 * policy): `satellite` and `related` conditions read those, and a reference (a policy document data source) reads
 * the resource it names. `onRead` hears of each other resource the context hands out (what an outcome depends on).
 */
export function resourceContext(template: Template, resource: Resource, onRead?: (other: Resource) => void): ValueContext {
  const index = referenceIndex(template);
  const read = <T extends Resource | undefined>(other: T): T => {
    if (other && onRead) onRead(other);
    return other;
  };
  return {
    parameters: template.parameters,
    resourceIds: template.resourceIds,
    satelliteProperties: (type) => read(index.referrers(resource, type)[0])?.properties,
    related: (type, link) => {
      const found = index.referrers(resource, type, link);
      for (const other of found) read(other);
      return found;
    },
    referenced: (node) => read(index.resolve(node))?.properties,
  };
}
