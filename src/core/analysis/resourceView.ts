import type { Knowledge, TypeProfile } from '../knowledge/knowledge';
import type { Category, DefaultItem, ResponsibilityItem, Shift, ShiftState } from '../knowledge/types';
import { conditionFor, evaluate } from '../template/conditions';
import type { Truth } from '../template/conditions';
import type { Dialect, Resource, Template } from '../template/model';
import { dialectOf } from '../template/model';
import { ruleOutcomes } from '../rules/engine';
import type { RuleOutcome } from '../rules/engine';
import type { Finding } from '../rules/types';
import { referenceIndex, resourceContext } from '../template/references';
import type { ValueContext } from '../template/values';

/** Which state of a shift this resource is in, or the states it could be in when the template cannot decide. */
export interface ShiftOutcome {
  readonly shift: Shift;
  /** The decided state; undefined when undecided or when no state matches. */
  readonly state: ShiftState | undefined;
  /** When undecided: the states still possible, and what the answer depends on. */
  readonly possible: readonly ShiftState[];
  readonly because?: string;
}

/**
 * How this template stands on a customer item. A rule linked to the item (`responsibility_item`) judges it: `met`
 * (the rule passes), `finding` (it fails), `default` (the resource relies on an AWS default), `undecided` (a
 * parameter decides). Without a rule, the item's evidence settings only say whether it is `set` (present, not
 * judged: never a ✓) or `not_set`.
 */
export interface EvidenceStatus {
  readonly state: 'met' | 'finding' | 'default' | 'set' | 'not_set' | 'undecided';
  /** The setting found (set) or the one that could not be decided. */
  readonly path?: string;
  readonly because?: string;
  /** The rule's finding (state `finding`, `default`, `undecided`), on this resource or on one that refers to it. */
  readonly finding?: Finding;
  /** The rule that passes (state `met`). */
  readonly rule?: string;
}

/**
 * Whether this resource relies on an AWS default: `relied_on` when none of the settings that replace it is set,
 * `replaced` when one is (the template then decides), `undecided` when that depends on a parameter or variable.
 */
export interface DefaultStatus {
  readonly state: 'relied_on' | 'replaced' | 'undecided';
  /** The setting found (replaced) or the one that could not be decided. */
  readonly path?: string;
  readonly because?: string;
}

/** A type profile applied to one resource as written: shifts decided, items filtered, evidence checked. */
export interface ResourceView {
  readonly profile: TypeProfile;
  readonly resource: Resource | undefined;
  readonly category: Category;
  /** Which shift state changed the category, if any. */
  readonly categoryShift: ShiftOutcome | undefined;
  readonly shifts: readonly ShiftOutcome[];
  readonly aws: readonly ResponsibilityItem[];
  /** What AWS sets when the template says nothing, as far as it applies to this resource. */
  readonly defaults: readonly DefaultItem[];
  /** For each default with settings that replace it: whether this resource relies on it. */
  readonly defaultStatus: ReadonlyMap<string, DefaultStatus>;
  readonly customer: readonly {
    readonly domain: TypeProfile['customer'][number]['domain'];
    readonly items: readonly ResponsibilityItem[];
    readonly marker?: { readonly awsOnly: true } | { readonly notApplicable: string };
  }[];
  readonly evidence: ReadonlyMap<string, EvidenceStatus>;
  readonly conditional: ReadonlyMap<string, string>;
}

const NO_TEMPLATE: ValueContext = { parameters: new Set(), resourceIds: new Set() };

/**
 * Applies a type's profile to a resource (or to no resource, for `explain`): decides shifts, hides items whose
 * `applies_when` is false, and checks evidence. Undecidable values never hide anything; they are reported.
 */
export function viewResource(
  knowledge: Knowledge,
  type: string,
  resource?: Resource,
  template?: Template,
  findings: readonly Finding[] = [],
): ResourceView | undefined {
  const profile = knowledge.profile(type, resource?.kind === 'data');
  if (!profile) return undefined;
  const dialect: Dialect = template ? dialectOf(template.format) : profile.dialect;
  const context = template && resource ? resourceContext(template, resource) : NO_TEMPLATE;
  const properties = resource?.properties;
  const hasResource = resource !== undefined && !profile.dataSource;

  const shiftApplies = (shift: Shift): boolean => {
    const condition = shift.applies_when && conditionFor(shift.applies_when, dialect);
    return !condition || evaluate(condition, properties, context).value !== false;
  };
  const shifts = hasResource
    ? profile.shifts.filter(shiftApplies).map((shift) => decideShift(shift, type, dialect, properties, context))
    : [];
  const categoryShift = shifts.find((outcome) => outcome.state?.category !== undefined);
  const conditional = new Map<string, string>();
  const applies = (item: ResponsibilityItem | DefaultItem): boolean => {
    if (!item.applies_when) return true;
    const condition = conditionFor(item.applies_when, dialect);
    if (!condition || !hasResource) return true;
    const truth = evaluate(condition, properties, context);
    if (truth.value === undefined) conditional.set(item.id, truth.because ?? 'a value the template does not fix');
    return truth.value !== false;
  };

  const evidence = new Map<string, EvidenceStatus>();
  const judged = hasResource && template && resource ? judgedItems(knowledge, template, resource, findings, dialect, profile) : new Map<string, EvidenceStatus>();
  const customer = profile.customer.map(({ domain, entry }) => {
    if (!Array.isArray(entry)) {
      const marker = 'aws_only' in entry ? { awsOnly: true as const } : { notApplicable: (entry as { not_applicable: string }).not_applicable };
      return { domain, items: [], marker };
    }
    const items = (entry as readonly ResponsibilityItem[]).filter(applies);
    if (hasResource) {
      for (const item of items) {
        const status = judged.get(item.id) ?? firstSetting(item.evidence?.[dialect], dialect, properties, context, profile.properties);
        if (status) evidence.set(item.id, status);
      }
    }
    return { domain, items };
  });

  const defaults = profile.defaults.filter(applies);
  const defaultStatus = new Map<string, DefaultStatus>();
  if (hasResource) {
    for (const item of defaults) {
      const setting = firstSetting(item.overridden_by?.[dialect], dialect, properties, context, profile.properties, true);
      if (!setting) continue;
      const { state, ...rest } = setting;
      defaultStatus.set(item.id, { state: state === 'set' ? 'replaced' : state === 'undecided' ? 'undecided' : 'relied_on', ...rest });
    }
  }

  return {
    profile,
    resource,
    category: categoryShift?.state?.category ?? profile.category.value,
    categoryShift,
    shifts,
    aws: profile.aws.filter(applies),
    defaults,
    defaultStatus,
    customer,
    evidence,
    conditional,
  };
}

const SEVERITY_ORDER = ['error', 'warning', 'information', 'hint'];

/**
 * The customer items that rules judge on this resource, with their state. Rules on the resources that refer to
 * this one count too: an ingress rule judges its security group, a bucket policy its bucket. The worst outcome
 * wins: a finding, then a parameter, then an AWS default, then met.
 */
function judgedItems(
  knowledge: Knowledge,
  template: Template,
  resource: Resource,
  findings: readonly Finding[],
  dialect: Dialect,
  profile: TypeProfile,
): Map<string, EvidenceStatus> {
  // A resource that refers to this one judges an item only when the item names its type as evidence (an ingress
  // rule for its group, a flow log for its VPC): a security group referring to its VPC says nothing of the VPC.
  const relatedTypes = new Map<string, ReadonlySet<string>>();
  for (const { entry } of profile.customer) {
    if (!Array.isArray(entry)) continue;
    for (const item of entry as readonly ResponsibilityItem[]) relatedTypes.set(item.id, new Set((item.evidence?.[dialect] ?? []).filter((path) => isRelatedType(path, dialect))));
  }
  const outcomes = [resource, ...referenceIndex(template).referrersOf(resource)].flatMap((r) =>
    ruleOutcomes(knowledge.rules, template, r).map((o) => ({ ...o, from: r })),
  );
  const byItem = new Map<string, RuleOutcome[]>();
  for (const { rule, outcome, from } of outcomes) {
    if (!rule.responsibility_item || outcome === 'not_applicable') continue;
    if (from !== resource && !relatedTypes.get(rule.responsibility_item)?.has(from.type)) continue;
    const list = byItem.get(rule.responsibility_item) ?? [];
    byItem.set(rule.responsibility_item, [...list, outcome]);
  }
  const reported = (finding: Finding): Finding => reportedAs(findings, finding);
  const result = new Map<string, EvidenceStatus>();
  for (const [item, list] of byItem) {
    const failed = list.filter((o): o is Finding => typeof o === 'object');
    const violations = failed.filter((f) => f.kind !== 'depends' && f.severity !== 'hint');
    violations.sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity));
    const depends = failed.find((f) => f.kind === 'depends');
    const relying = failed.find((f) => f.kind !== 'depends' && f.severity === 'hint');
    const passed = list.find((o) => o === 'pass');
    if (violations[0]) result.set(item, { state: 'finding', finding: reported(violations[0]) });
    else if (depends) result.set(item, { state: 'undecided', finding: depends, because: depends.message });
    else if (relying) result.set(item, { state: 'default', finding: reported(relying) });
    else if (passed) result.set(item, { state: 'met', rule: outcomes.find((o) => o.outcome === 'pass' && o.rule.responsibility_item === item && (o.from === resource || relatedTypes.get(item)?.has(o.from.type)))?.rule.id ?? '' });
  }
  return result;
}

/** An evidence entry naming a resource type (a Terraform satellite, a CloudFormation bucket policy), not a property. */
function isRelatedType(path: string, dialect: Dialect): boolean {
  return dialect === 'tf' ? path.startsWith('aws_') : /^[A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+$/.test(path);
}

/** The findings of a file by resource, rule and position, indexed once: a scan per item made the views quadratic. */
const findingIndexes = new WeakMap<readonly Finding[], Map<Resource, Map<string, Finding>>>();

/** The finding as the file reports it (suppressed or not), or the finding itself. */
function reportedAs(findings: readonly Finding[], finding: Finding): Finding {
  let index = findingIndexes.get(findings);
  if (!index) {
    index = new Map();
    for (const f of findings) {
      let byRule = index.get(f.resource);
      if (!byRule) index.set(f.resource, (byRule = new Map()));
      const key = `${f.rule.id}@${f.span.start}`;
      if (!byRule.has(key)) byRule.set(key, f);
    }
    findingIndexes.set(findings, index);
  }
  return index.get(finding.resource)?.get(`${finding.rule.id}@${finding.span.start}`) ?? finding;
}

function decideShift(shift: Shift, type: string, dialect: Dialect, own: Resource['properties'], context: ValueContext): ShiftOutcome {
  const trigger = shift.trigger[dialect];
  const triggerPath = trigger?.path ?? '';
  // A trigger on a Terraform satellite is read on the satellite, unless the satellite itself is hovered.
  const satellite = trigger && 'satellite' in trigger ? trigger.satellite : undefined;
  const properties = satellite && satellite !== type ? context.satelliteProperties?.(satellite) : own;
  const fallback = shift.states.find((state) => state.default);
  // First matching state wins; an undecidable state before it keeps both possible.
  const possible: ShiftState[] = [];
  let because: string | undefined;
  let matched = false;
  for (const state of shift.states) {
    const condition = conditionFor(state.when, dialect);
    if (!condition) continue;
    const truth: Truth = evaluate(condition, properties, context, triggerPath);
    if (truth.value === true) {
      possible.push(state);
      matched = true;
      break;
    }
    if (truth.value === undefined) {
      possible.push(state);
      because ??= truth.because;
    }
  }
  if (!matched && fallback && possible.length > 0 && !possible.includes(fallback)) possible.push(fallback);
  if (possible.length === 0) return { shift, state: fallback, possible: [] };
  if (possible.length === 1 && matched) return { shift, state: possible[0], possible: [] };
  return { shift, state: undefined, possible, ...(because ? { because } : {}) };
}

/**
 * The first of some settings (evidence of a duty, or what replaces a default) that this resource sets: configured,
 * not set, or undecided; undefined when none of the paths can exist on the hovered type.
 */
function firstSetting(
  settings: readonly string[] | undefined,
  dialect: Dialect,
  properties: Resource['properties'],
  context: ValueContext,
  typeProperties: ReadonlySet<string>,
  /** For what replaces a default: no such resource means the default is relied on. */
  absenceCounts = false,
): EvidenceStatus | undefined {
  // Settings are written for the service's main type: only paths the hovered type has (or resource types that
  // refer to it: Terraform satellites, a CloudFormation bucket policy) apply to it.
  const paths = settings?.filter((path) => isRelatedType(path, dialect) || typeProperties.has(path.split(/[.[]/)[0]!));
  if (!paths || paths.length === 0) return undefined;
  let undecided: EvidenceStatus | undefined;
  let ownPaths = 0;
  for (const path of paths) {
    const related = isRelatedType(path, dialect);
    if (!related) ownPaths++;
    const condition = related ? { satellite: path, op: 'exists' as const } : { path, op: 'exists' as const };
    const truth = evaluate(condition, properties, context);
    if (truth.value === true) return { state: 'set', path };
    if (truth.value === undefined) undecided ??= { state: 'undecided', path, ...(truth.because ? { because: truth.because } : {}) };
  }
  // Another resource that refers to this one is evidence when it is there; its absence alone says nothing (it may
  // not apply to this type at all, or live in another file).
  if (ownPaths === 0 && !absenceCounts) return undecided;
  return undecided ?? { state: 'not_set' };
}
