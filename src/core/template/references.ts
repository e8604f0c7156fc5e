import { stringValue } from '../syntax/tree';
import type { SyntaxNode } from '../syntax/tree';
import type { Resource, Template } from './model';
import { dialectOf } from './model';
import { selectPath } from './values';
import type { ValueContext } from './values';

/**
 * Who refers to whom in a template: for each resource, the resources whose properties mention it (`!Ref Bucket`,
 * `!GetAtt Bucket.Arn`, `!Sub "${Bucket}"`; Terraform `aws_s3_bucket.logs.id`). Built once per template in one
 * pass, so cross-resource rules and Terraform satellites cost a lookup, not a scan of the file per resource.
 */
export interface ReferenceIndex {
  /** The resources of `type` that refer to `target`, through `link` (a property path) when given. */
  referrers(target: Resource, type: string, link?: string): Resource[];
  /** Every resource that refers to `target`, whatever its type. */
  referrersOf(target: Resource): readonly Resource[];
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
  const referrersById = new Map<string, Resource[]>();
  const idsIn = (node: SyntaxNode | null | undefined, budget = { left: MAX_NODES_PER_RESOURCE }): Set<string> => {
    const found = new Set<string>();
    collectReferences(node ?? null, terraform, byId, found, budget);
    return found;
  };
  for (const resource of template.resources) {
    for (const id of idsIn(resource.properties)) {
      if (id === resource.id) continue;
      let list = referrersById.get(id);
      if (!list) referrersById.set(id, (list = []));
      list.push(resource);
    }
  }
  return {
    referrers(target, type, link) {
      const candidates = (referrersById.get(target.id) ?? []).filter((r) => r.type === type && r.kind === 'resource');
      if (link === undefined) return candidates;
      return candidates.filter((candidate) =>
        selectPath(candidate.properties, link, template).some((value) => 'node' in value && idsIn(value.node).has(target.id)),
      );
    },
    referrersOf(target) {
      return referrersById.get(target.id) ?? [];
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
 * the resource it names.
 */
export function resourceContext(template: Template, resource: Resource): ValueContext {
  const index = referenceIndex(template);
  return {
    parameters: template.parameters,
    resourceIds: template.resourceIds,
    satelliteProperties: (type) => index.referrers(resource, type)[0]?.properties,
    related: (type, link) => index.referrers(resource, type, link),
    referenced: (node) => index.resolve(node)?.properties,
  };
}
