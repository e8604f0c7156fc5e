import { viewResource } from '../analysis/resourceView';
import type { EvidenceStatus, ResourceView, ShiftOutcome } from '../analysis/resourceView';
import type { Knowledge } from '../knowledge/knowledge';
import { SRM_PAGE_URL } from '../knowledge/knowledge';
import type { Finding } from '../rules/types';
import type { Category, DefaultItem, DomainId, LayerDoc, LayerId, ResponsibilityItem, Shift, SourceRef } from '../knowledge/types';
import { evaluate } from '../template/conditions';
import type { ValueContext } from '../template/values';
import { dialectOf } from '../template/model';
import { satelliteOf } from '../template/terraform';
import type { Resource, Template, TemplateFormat } from '../template/model';
import type {
  DiagramDefault, DiagramEvidence, DiagramItem, DiagramLayer, DiagramLink, DiagramModel, DiagramShift, DomainCell, DomainCounts, DomainStatus, DutyCounts,
  GroupId, LayerOwner, ModelLayer, ResourceDiagram, ResourceSummary, TemplateGroup,
} from './diagramTypes';

export type * from './diagramTypes';

export const CATEGORY_TEXT: Record<Category, string> = {
  infrastructure: 'Infrastructure service',
  container: 'Container service (a managed platform, not Docker)',
  abstracted: 'Abstracted service',
};

const GROUPS: Record<GroupId, { label: string; description: string }> = {
  infrastructure: { label: 'Infrastructure services', description: 'You run and patch the operating system and what runs on it.' },
  container: { label: 'Container services', description: 'AWS runs a managed platform on instances; you size, version and configure it.' },
  abstracted: { label: 'Abstracted services', description: 'You call an API; AWS runs the platform and its operating systems.' },
  data: { label: 'Data sources', description: 'Read existing resources; they create or change nothing.' },
  module: { label: 'Terraform modules', description: 'The resources a module creates carry their own responsibilities.' },
  unknown: { label: 'Other types', description: 'Types this extension does not know.' },
};

const GROUP_ORDER: readonly GroupId[] = ['infrastructure', 'container', 'abstracted', 'data', 'module', 'unknown'];

const FORMAT_LABEL: Record<TemplateFormat, string> = {
  'cloudformation-yaml': 'CloudFormation YAML',
  'cloudformation-json': 'CloudFormation JSON',
  'terraform-hcl': 'Terraform',
  'terraform-json': 'Terraform JSON',
};

export interface DiagramOptions {
  /** The file name shown in the header (a base name or a workspace-relative path). */
  readonly fileName: string;
  /** The resource to show in full (a logical ID or Terraform address); none selected when undefined or not found. */
  readonly selectedId?: string;
  /** The findings of the rules on the template, suppressions marked (rules/engine.ts findingsOf). */
  readonly findings?: readonly Finding[];
}

/** The diagram's input for one template: every resource in summary, grouped by category, and the selected one in full. */
export function buildDiagramModel(knowledge: Knowledge, template: Template, options: DiagramOptions): DiagramModel {
  const findings = options.findings ?? [];
  const summaries = template.resources.map((resource) => summarizeResource(knowledge, template, resource, findings));
  const groups: TemplateGroup[] = [];
  for (const id of GROUP_ORDER) {
    const resources = summaries.filter((summary) => summary.group === id);
    if (resources.length > 0) groups.push({ id, ...GROUPS[id], resources });
  }
  const selectedResource = options.selectedId === undefined ? undefined : template.resources.find((r) => r.id === options.selectedId);
  const isSam = template.resources.some((r) => r.type.startsWith('AWS::Serverless::'));
  return {
    version: 1,
    file: {
      name: options.fileName,
      format: template.format,
      formatLabel: isSam ? `SAM (${FORMAT_LABEL[template.format]})` : FORMAT_LABEL[template.format],
    },
    groups,
    resourceCount: template.resources.length,
    problems: template.problems.map((problem) => {
      const at = template.lines.positionAt(problem.span.start);
      return `Line ${at.line + 1}: ${problem.message}`;
    }),
    ...(selectedResource ? { selectedId: selectedResource.id, selected: buildResourceDiagram(knowledge, template, selectedResource, findings) } : {}),
    layers: modelLayers(knowledge),
    srmUrl: SRM_PAGE_URL,
  };
}

/** The generic model's layers, customer side first, as data/srm/model.yaml lists them. */
export function modelLayers(knowledge: Knowledge): ModelLayer[] {
  return knowledge.layers.map(modelLayer);
}

function modelLayer(layer: LayerDoc): ModelLayer {
  return {
    id: layer.id,
    side: layer.side,
    label: layer.label,
    shortLabel: layer.short_label ?? layer.label,
    ...(layer.group ? { group: layer.group } : {}),
    parts: layer.parts ?? [],
    description: layer.description ?? '',
  };
}

/** One resource of the template in summary: its group, category and what each domain looks like as written. */
export function summarizeResource(knowledge: Knowledge, template: Template, resource: Resource, findings: readonly Finding[] = []): ResourceSummary {
  const own = findings.filter((finding) => finding.resource === resource && !finding.suppressed);
  const bySeverity = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const finding of own) bySeverity[finding.severity]++;
  const worst = (['error', 'warning', 'information', 'hint'] as const).find((severity) => bySeverity[severity] > 0);
  const base = { id: resource.id, type: resource.type, kind: resource.kind, line: lineOf(template, resource), findings: bySeverity, ...(worst ? { worst } : {}) };
  if (resource.kind === 'module') {
    const module = knowledge.module(resource.type);
    return { ...base, known: module !== undefined, categoryLabel: 'Terraform module', group: 'module', domains: [], counts: NO_COUNTS };
  }
  const view = viewResource(knowledge, resource.type, resource, template, findings);
  if (!view) return { ...base, known: false, categoryLabel: 'Unknown type', group: 'unknown', domains: [], counts: NO_COUNTS };
  if (view.profile.dataSource) {
    return {
      ...base,
      known: true,
      service: view.profile.service.name,
      category: view.category,
      categoryLabel: 'Data source (reads only)',
      group: 'data',
      domains: [],
      counts: NO_COUNTS,
    };
  }
  const domains = domainCells(knowledge, view);
  return {
    ...base,
    known: true,
    service: view.profile.service.name,
    category: view.category,
    categoryLabel: CATEGORY_TEXT[view.category],
    group: view.category,
    domains,
    counts: dutyCounts(view),
  };
}

const NO_COUNTS: DutyCounts = { met: 0, open: 0, depends: 0, default: 0, set: 0 };

/** The duties of a viewed resource by how the template leaves them (the `duties` of `scan --format json`). */
export function dutyCounts(view: Pick<ResourceView, 'customer' | 'evidence' | 'conditional'>): DutyCounts {
  const counts = { ...NO_COUNTS };
  for (const { items } of view.customer) {
    for (const item of items) {
      const state = view.evidence.get(item.id)?.state;
      if (view.conditional.has(item.id) || state === 'undecided') counts.depends++;
      else if (state === 'met') counts.met++;
      else if (state === 'finding' || state === 'not_set') counts.open++;
      else if (state === 'default') counts.default++;
      else if (state === 'set') counts.set++;
    }
  }
  return counts;
}

/** The full diagram of one resource: layers with their owner and items, shifts, domains and links. */
export function buildResourceDiagram(knowledge: Knowledge, template: Template, resource: Resource, findings: readonly Finding[] = []): ResourceDiagram {
  const base = { id: resource.id, type: resource.type, kind: resource.kind, line: lineOf(template, resource) };
  const empty = { layers: [], defaults: [], shifts: [], domains: [], runtimeChecks: [], equivalents: [], counts: NO_COUNTS };
  if (resource.kind === 'module') {
    const module = knowledge.module(resource.type);
    const note = module
      ? `Terraform module ${module.source} (${module.name}) creates ${module.creates.join(', ')}. Their security in the cloud stays yours, as if you had written them here.`
      : `Terraform module ${resource.type}: not one of the well-known modules this extension knows, so the resources it creates are not shown. Their responsibilities are yours as if you had written them here.`;
    return {
      ...base,
      ...empty,
      known: module !== undefined,
      curated: false,
      description: '',
      summary: '',
      categoryLabel: 'Terraform module',
      links: [...(module ? [{ title: `${module.name} module`, url: module.url }] : []), { title: 'Shared Responsibility Model', url: SRM_PAGE_URL }],
      note,
    };
  }
  const view = viewResource(knowledge, resource.type, resource, template, findings);
  if (!view) {
    const suggestions = /^(AWS|Alexa)::/.test(resource.type) ? knowledge.suggest(resource.type) : [];
    const hint = suggestions.length > 0 ? ` Did you mean ${suggestions.join(', ')}?` : '';
    return {
      ...base,
      ...empty,
      known: false,
      curated: false,
      description: '',
      summary: '',
      categoryLabel: 'Unknown type',
      links: [{ title: 'Shared Responsibility Model', url: SRM_PAGE_URL }],
      note: `${resource.type} is not among the resource types this extension knows.${hint}`,
    };
  }
  const { profile } = view;
  const links: DiagramLink[] = [
    { title: `${profile.type} reference`, url: profile.docsUrl },
    ...profile.docs.map((doc) => ({ title: doc.title, url: doc.url })),
    { title: 'Shared Responsibility Model', url: SRM_PAGE_URL },
  ];
  const common = {
    ...base,
    known: true,
    service: profile.service.name,
    curated: profile.service.curated,
    description: profile.description,
    summary: profile.summary,
    category: view.category,
    categoryLabel: CATEGORY_TEXT[view.category],
    categoryBasis: profile.category.basis,
    ...(profile.category.note ? { categoryNote: profile.category.note } : {}),
    ...(view.categoryShift?.state ? { categoryShift: view.categoryShift.state.label } : {}),
    runtimeChecks: profile.runtimeChecks,
    equivalents: profile.equivalents,
    links,
  };
  if (profile.dataSource) {
    return {
      ...common,
      layers: [],
      defaults: [],
      shifts: [],
      domains: [],
      runtimeChecks: [],
      counts: NO_COUNTS,
      note: `Data source: reads an existing ${profile.service.name} resource and creates or changes nothing. The duties belong to whoever manages that resource.`,
    };
  }
  const shifts = view.shifts.flatMap((outcome) => diagramShift(knowledge, template, resource, outcome) ?? []);
  return {
    ...common,
    layers: diagramLayers(knowledge, view, shifts),
    defaults: view.defaults.map((item) => diagramDefault(knowledge, view, item)),
    shifts,
    domains: domainCells(knowledge, view),
    counts: dutyCounts(view),
  };
}

function lineOf(template: Template, resource: Resource): number {
  return template.lines.positionAt(resource.idSpan.start).line;
}

function links(knowledge: Knowledge, refs: readonly SourceRef[]): DiagramLink[] {
  return refs.flatMap((ref) => {
    const source = knowledge.source(ref.ref);
    if (!source) return [];
    return [{ title: source.title, url: source.url, ...(ref.quote ? { quote: ref.quote } : {}), ...(ref.note ? { note: ref.note } : {}) }];
  });
}

function diagramItem(knowledge: Knowledge, view: ResourceView | undefined, item: ResponsibilityItem, side: 'aws' | 'customer', general = false): DiagramItem {
  const evidence = view?.evidence.get(item.id);
  const dependsOn = view?.conditional.get(item.id);
  return {
    id: item.id,
    owner: item.owner,
    side,
    domain: item.domain,
    domainLabel: knowledge.domain(item.domain)?.label ?? item.domain,
    text: item.text,
    basis: item.basis,
    controlClass: item.control_class,
    sources: links(knowledge, item.sources),
    controls: item.fsbp ?? [],
    ...(evidence ? { evidence: diagramEvidence(evidence) } : {}),
    ...(dependsOn ? { dependsOn } : {}),
    ...(general ? { general: true } : {}),
  };
}

function diagramEvidence(evidence: EvidenceStatus): DiagramEvidence {
  const { finding } = evidence;
  return {
    state: evidence.state,
    ...(evidence.path ? { path: evidence.path } : {}),
    ...(evidence.because ? { because: evidence.because } : {}),
    ...(evidence.rule ? { rule: evidence.rule } : {}),
    ...(finding && evidence.state !== 'undecided'
      ? {
          finding: {
            ruleId: finding.rule.id,
            severity: finding.severity,
            message: finding.message,
            ...(finding.suppressed ? { suppressed: `${finding.suppressed.by}${finding.suppressed.reason ? `: ${finding.suppressed.reason}` : ''}` } : {}),
          },
        }
      : {}),
  };
}

function diagramDefault(knowledge: Knowledge, view: ResourceView, item: DefaultItem): DiagramDefault {
  const status = view.defaultStatus.get(item.id);
  return {
    id: item.id,
    domain: item.domain,
    domainLabel: knowledge.domain(item.domain)?.label ?? item.domain,
    layer: item.srm_layer,
    text: item.text,
    ...(item.keep ? { keep: item.keep } : {}),
    since: item.since,
    basis: item.basis,
    sources: links(knowledge, item.sources),
    ...(status ? { status } : {}),
  };
}

/**
 * Who owns each layer for this resource, from the service's own items first: AWS items and customer items placed
 * on the layer (both, or an item owned `shared`, make it shared). A customer-side layer also has an AWS part when
 * one of its domains is AWS's for this category (domains.yaml `default_owner`, e.g. the operating system of an
 * abstracted service) or the service marks it AWS-only. A layer the service leaves empty falls back to the
 * general split of the resource's category, and an empty AWS-side layer is AWS's, as in the generic model.
 */
function diagramLayers(knowledge: Knowledge, view: ResourceView, shifts: readonly DiagramShift[]): DiagramLayer[] {
  const { profile } = view;
  const general = !profile.service.curated;
  const customerItems = view.customer.flatMap(({ items }) => items);
  const markers = new Map(view.customer.map(({ domain, marker }) => [domain, marker]));
  const shiftLayers = new Map(shifts.map((shift) => [shift.id, shiftLayersOf(knowledge, view, shift)]));

  return knowledge.layers.map((layer): DiagramLayer => {
    const aws = view.aws.filter((item) => item.srm_layer === layer.id).map((item) => diagramItem(knowledge, view, item, 'aws', general));
    const customer = customerItems.filter((item) => item.srm_layer === layer.id).map((item) => diagramItem(knowledge, view, item, 'customer', general));
    const awsPart = layer.side === 'customer' ? awsPartOf(knowledge, view, layer, markers) : undefined;
    let items: DiagramItem[] = [...customer, ...aws];
    let owner: LayerOwner;
    let ownerNote: string;
    const hasAws = aws.some((i) => i.owner === 'aws') || awsPart !== undefined;
    const hasCustomer = customer.some((i) => i.owner === 'customer') || aws.some((i) => i.owner === 'customer');
    const hasShared = items.some((i) => i.owner === 'shared');
    const whose = general ? `general split of ${withArticle(view.category)} service` : `${profile.service.name} data`;
    const byOwner = (owner: string) => items.filter((i) => i.owner === owner).length;
    const source = `(${whose})`;
    if (hasShared || (hasAws && hasCustomer)) {
      owner = 'shared';
      const tally = [
        byOwner('aws') > 0 ? `${countText(byOwner('aws'), 'AWS duty', 'AWS duties')}` : '',
        byOwner('shared') > 0 ? `${byOwner('shared')} shared` : '',
        byOwner('customer') > 0 ? `${byOwner('customer')} of yours` : '',
      ].filter(Boolean).join(', ');
      ownerNote = `Shared: ${[tally ? `${tally} ${source}` : '', awsPart].filter(Boolean).join('; ')}.`;
    } else if (hasCustomer) {
      owner = 'customer';
      ownerNote = `Yours: ${countText(items.length, 'duty', 'duties')} ${source}.`;
    } else if (hasAws) {
      owner = 'aws';
      ownerNote = `AWS's: ${[items.length > 0 ? `${countText(items.length, 'duty', 'duties')} ${source}` : '', awsPart].filter(Boolean).join('; ')}.`;
    } else if (layer.side === 'aws') {
      owner = 'aws';
      ownerNote = 'AWS secures this layer for every service (security of the cloud).';
    } else {
      const fallback = general ? [] : generalItems(knowledge, view, layer.id);
      if (fallback.length > 0) {
        items = fallback;
        owner = 'customer';
        ownerNote = `${profile.service.name} lists no duty here; the general split of ${withArticle(view.category)} service puts this layer with you.`;
      } else {
        owner = 'none';
        ownerNote = `Nothing in this layer is listed for ${profile.service.name}.`;
      }
    }
    return {
      ...modelLayer(layer),
      owner,
      ownerNote,
      items,
      defaults: view.defaults.filter((item) => item.srm_layer === layer.id).map((item) => item.id),
      shifts: shifts.filter((shift) => shiftLayers.get(shift.id)?.has(layer.id)).map((shift) => shift.id),
    };
  });
}

/** Why AWS has a part in a customer-side layer for this resource, or undefined. */
function awsPartOf(
  knowledge: Knowledge,
  view: ResourceView,
  layer: LayerDoc,
  markers: ReadonlyMap<DomainId, { readonly awsOnly: true } | { readonly notApplicable: string } | undefined>,
): string | undefined {
  for (const domain of knowledge.domains) {
    if (!domain.srm_layers.includes(layer.id)) continue;
    const marker = markers.get(domain.id);
    if (marker && 'awsOnly' in marker) return `${domain.label} is AWS's alone for ${view.profile.service.name}`;
    if (domain.default_owner?.[view.category] === 'aws') return `${domain.label} is AWS's by default in ${withArticle(view.category)} service`;
  }
  return undefined;
}

function generalItems(knowledge: Knowledge, view: ResourceView, layer: LayerId): DiagramItem[] {
  const category = knowledge.category(view.category);
  if (!category) return [];
  const customer = Object.values(category.customer).flatMap((entry) => (Array.isArray(entry) ? (entry as ResponsibilityItem[]) : []));
  return customer.filter((item) => item.srm_layer === layer).map((item) => diagramItem(knowledge, undefined, item, 'customer', true));
}

function withArticle(category: Category): string {
  return `${category === 'container' ? 'a' : 'an'} ${category}`;
}

function countText(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * The layers a shift moves: those of the items that name it; else those of the items whose evidence is the
 * shift's trigger property; else the layers of the shift's domain.
 */
function shiftLayersOf(knowledge: Knowledge, view: ResourceView, shift: DiagramShift): Set<string> {
  const all = [...view.aws, ...view.customer.flatMap(({ items }) => items)];
  const named = all.filter((item) => item.shifts?.includes(shift.id));
  if (named.length > 0) return new Set(named.map((item) => item.srm_layer));
  const source = view.profile.shifts.find((s) => s.id === shift.id);
  const dialect = view.profile.dialect;
  const trigger = source?.trigger[dialect];
  const key = trigger ? ('satellite' in trigger && trigger.satellite ? trigger.satellite : trigger.path?.split(/[.[]/)[0]) : undefined;
  if (key) {
    const evidenced = all.filter((item) => item.evidence?.[dialect]?.some((path) => path.split(/[.[]/)[0] === key));
    if (evidenced.length > 0) return new Set(evidenced.map((item) => item.srm_layer));
  }
  return new Set(knowledge.domain(shift.domain as DomainId)?.srm_layers ?? []);
}

function diagramShift(knowledge: Knowledge, template: Template, resource: Resource, outcome: ShiftOutcome): DiagramShift | undefined {
  const { shift, state } = outcome;
  const common = {
    id: shift.id,
    title: shift.title,
    domain: shift.dimension,
    domainLabel: knowledge.domain(shift.dimension)?.label ?? shift.dimension,
    basis: shift.basis,
    sources: links(knowledge, shift.sources),
  };
  if (state) {
    return {
      ...common,
      state: 'decided',
      label: state.label,
      aws: state.aws,
      customer: state.customer,
      relyingOnDefault: state.default === true && triggerAbsent(shift, template, resource),
      possible: [],
      ...(state.category ? { category: state.category } : {}),
    };
  }
  if (outcome.possible.length === 0) return undefined;
  return {
    ...common,
    state: 'undecided',
    aws: [],
    customer: [],
    relyingOnDefault: false,
    possible: outcome.possible.map((s) => s.label),
    because: outcome.because ?? 'a value the template does not fix',
  };
}

/** True when the template does not set what the shift is triggered by (so its default state is AWS's default). */
function triggerAbsent(shift: Shift, template: Template, resource: Resource): boolean {
  const dialect = dialectOf(template.format);
  const trigger = shift.trigger[dialect];
  if (!trigger) return true;
  const satellite = 'satellite' in trigger ? trigger.satellite : undefined;
  if (satellite && satellite !== resource.type) return satelliteOf(template, resource, satellite) === undefined;
  const context: ValueContext = { parameters: template.parameters, resourceIds: template.resourceIds };
  if (!trigger.path) return false;
  return evaluate({ path: trigger.path, op: 'absent' }, resource.properties, context).value === true;
}

const STATUS_RANK: readonly DomainStatus[] = ['finding', 'unaddressed', 'undecidable', 'default', 'met', 'set', 'customer', 'aws', 'not_applicable'];

/** Each domain of the resource as this template leaves it (see DomainStatus). */
export function domainCells(knowledge: Knowledge, view: ResourceView): DomainCell[] {
  const undecidedShifts = new Map<string, string[]>();
  for (const outcome of view.shifts) {
    if (outcome.state || outcome.possible.length === 0) continue;
    const list = undecidedShifts.get(outcome.shift.dimension) ?? [];
    list.push(`${outcome.shift.title} depends on ${outcome.because ?? 'a value the template does not fix'}`);
    undecidedShifts.set(outcome.shift.dimension, list);
  }
  return view.customer.map(({ domain, items, marker }): DomainCell => {
    const doc = knowledge.domain(domain);
    const label = doc?.label ?? domain;
    const shortLabel = doc?.short_label ?? label;
    const awsItems = view.aws.filter((item) => item.domain === domain).length;
    const cell = (status: DomainStatus, text: string, counts: DomainCounts): DomainCell => ({ domain, label, shortLabel, status, text, counts });
    const none = { met: 0, finding: 0, defaulted: 0, set: 0, notSet: 0, undecided: 0, unchecked: 0, aws: awsItems };
    if (marker && 'awsOnly' in marker) return cell('aws', `${label}: AWS's responsibility.`, none);
    if (marker) return cell('not_applicable', `${label}: not applicable (${marker.notApplicable})`, none);
    const counts = { ...none };
    for (const item of items) {
      const evidence = view.evidence.get(item.id);
      if (view.conditional.has(item.id) || evidence?.state === 'undecided') counts.undecided++;
      else if (evidence?.state === 'met') counts.met++;
      else if (evidence?.state === 'finding') counts.finding++;
      else if (evidence?.state === 'default') counts.defaulted++;
      else if (evidence?.state === 'set') counts.set++;
      else if (evidence?.state === 'not_set') counts.notSet++;
      else counts.unchecked++;
    }
    const shiftNotes = undecidedShifts.get(domain) ?? [];
    counts.undecided += shiftNotes.length;
    if (items.length === 0 && shiftNotes.length === 0) {
      return awsItems > 0
        ? cell('aws', `${label}: AWS's as configured (no duty of yours applies).`, counts)
        : cell('not_applicable', `${label}: no duty applies as configured.`, counts);
    }
    const parts: string[] = [];
    if (counts.finding > 0) parts.push(`${counts.finding} with a finding`);
    if (counts.notSet > 0) parts.push(`${counts.notSet} not addressed in this template`);
    if (counts.undecided > 0) parts.push(`${counts.undecided} depending on a parameter or variable`);
    if (counts.defaulted > 0) parts.push(`${counts.defaulted} relying on an AWS default`);
    if (counts.met > 0) parts.push(`${counts.met} met`);
    if (counts.set > 0) parts.push(`${counts.set} set here, not checked by a rule`);
    if (counts.unchecked > 0) parts.push(`${counts.unchecked} yours beyond the template`);
    const status: DomainStatus =
      counts.finding > 0 ? 'finding'
        : counts.notSet > 0 ? 'unaddressed'
          : counts.undecided > 0 ? 'undecidable'
            : counts.defaulted > 0 ? 'default'
              : counts.met > 0 ? 'met'
                : counts.set > 0 ? 'set'
                  : 'customer';
    const severities = items.flatMap((item) => {
      const finding = view.evidence.get(item.id)?.finding;
      return view.evidence.get(item.id)?.state === 'finding' && finding && !finding.suppressed ? [finding.severity] : [];
    });
    const worst = (['error', 'warning', 'information', 'hint'] as const).find((severity) => severities.includes(severity));
    const because = shiftNotes.length > 0 ? ` (${shiftNotes.join('; ')})` : '';
    return { ...cell(status, `${label}: ${parts.join(', ')}${because}.`, counts), ...(status === 'finding' && worst ? { worst } : {}) };
  });
}

/** Orders statuses from most to least in need of attention. */
export function statusRank(status: DomainStatus): number {
  return STATUS_RANK.indexOf(status);
}
