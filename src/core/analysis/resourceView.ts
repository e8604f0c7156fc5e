import type { Knowledge, TypeProfile } from '../knowledge/knowledge';
import type { Category, DefaultItem, ResponsibilityItem, Shift, ShiftState } from '../knowledge/types';
import { conditionFor, evaluate } from '../template/conditions';
import type { Condition, Truth } from '../template/conditions';
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
  const scope = viewScope(profile, resource, template);
  const { dialect, context, properties, hasResource, applies, prepared, conditional } = scope;
  const shifts = hasResource ? decideShifts(profile, type, dialect, properties, context) : [];
  const categoryShift = categoryShiftOf(shifts);
  const { customer, evidence } = customerSide(knowledge, scope, resource, template, findings);

  const defaults = profile.defaults.filter(applies);
  const defaultStatus = new Map<string, DefaultStatus>();
  if (hasResource) {
    for (const item of defaults) {
      const setting = firstSetting(prepared.settings.get(item), properties, context, true);
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

/** The customer's duties of a resource as the template leaves them: the part of its view that dutyCounts reads. */
export function viewDuties(
  knowledge: Knowledge,
  resource: Resource,
  template: Template,
  findings: readonly Finding[],
): Pick<ResourceView, 'customer' | 'evidence' | 'conditional'> | undefined {
  const profile = knowledge.profile(resource.type, resource.kind === 'data');
  if (!profile) return undefined;
  const scope = viewScope(profile, resource, template);
  return { ...customerSide(knowledge, scope, resource, template, findings), conditional: scope.conditional };
}

/** What every part of a view reads: the resource's language and values, and the items found to depend on a value. */
interface ViewScope {
  readonly profile: TypeProfile;
  readonly dialect: Dialect;
  readonly context: ValueContext;
  readonly properties: Resource['properties'];
  readonly hasResource: boolean;
  readonly prepared: PreparedProfile;
  /** Items whose `applies_when` the template cannot decide, with what it depends on (filled by `applies`). */
  readonly conditional: Map<string, string>;
  /** False for an item whose `applies_when` is false on this resource. */
  readonly applies: (item: ResponsibilityItem | DefaultItem) => boolean;
}

function viewScope(profile: TypeProfile, resource: Resource | undefined, template: Template | undefined): ViewScope {
  const dialect: Dialect = template ? dialectOf(template.format) : profile.dialect;
  const context = template && resource ? resourceContext(template, resource) : NO_TEMPLATE;
  const properties = resource?.properties;
  const hasResource = resource !== undefined && !profile.dataSource;
  const conditional = new Map<string, string>();
  const applies = (item: ResponsibilityItem | DefaultItem): boolean => {
    if (!item.applies_when) return true;
    const condition = conditionFor(item.applies_when, dialect);
    if (!condition || !hasResource) return true;
    const truth = evaluate(condition, properties, context);
    if (truth.value === undefined) conditional.set(item.id, truth.because ?? 'a value the template does not fix');
    return truth.value !== false;
  };
  return { profile, dialect, context, properties, hasResource, prepared: preparedProfile(profile, dialect), conditional, applies };
}

/** The customer's items that apply to the resource, by domain, and the evidence of each. */
function customerSide(
  knowledge: Knowledge,
  { profile, context, properties, hasResource, prepared, applies }: ViewScope,
  resource: Resource | undefined,
  template: Template | undefined,
  findings: readonly Finding[],
): Pick<ResourceView, 'customer' | 'evidence'> {
  const evidence = new Map<string, EvidenceStatus>();
  const judged = hasResource && template && resource ? judgedItems(knowledge, template, resource, findings, prepared) : new Map<string, EvidenceStatus>();
  const customer = profile.customer.map(({ domain, entry }) => {
    if (!Array.isArray(entry)) {
      const marker = 'aws_only' in entry ? { awsOnly: true as const } : { notApplicable: (entry as { not_applicable: string }).not_applicable };
      return { domain, items: [], marker };
    }
    const items = (entry as readonly ResponsibilityItem[]).filter(applies);
    if (hasResource) {
      for (const item of items) {
        const status = judged.get(item.id) ?? firstSetting(prepared.settings.get(item), properties, context);
        if (status) evidence.set(item.id, status);
      }
    }
    return { domain, items };
  });
  return { customer, evidence };
}

/**
 * The category of a resource as written, which a shift can change (an Aurora cluster set serverless), without the
 * rest of its view; undefined for a type the catalog does not hold.
 */
export function resourceCategory(knowledge: Knowledge, resource: Resource, template: Template): { readonly profile: TypeProfile; readonly category: Category } | undefined {
  const profile = knowledge.profile(resource.type, resource.kind === 'data');
  if (!profile) return undefined;
  if (profile.dataSource) return { profile, category: profile.category.value };
  const shifts = decideShifts(profile, resource.type, dialectOf(template.format), resource.properties, resourceContext(template, resource));
  return { profile, category: categoryShiftOf(shifts)?.state?.category ?? profile.category.value };
}

/** The shifts of a type that apply to a resource, each decided. */
function decideShifts(profile: TypeProfile, type: string, dialect: Dialect, properties: Resource['properties'], context: ValueContext): ShiftOutcome[] {
  const applies = (shift: Shift): boolean => {
    const condition = shift.applies_when && conditionFor(shift.applies_when, dialect);
    return !condition || evaluate(condition, properties, context).value !== false;
  };
  return profile.shifts.filter(applies).map((shift) => decideShift(shift, type, dialect, properties, context));
}

/** The shift whose decided state sets the category, if any. */
function categoryShiftOf(shifts: readonly ShiftOutcome[]): ShiftOutcome | undefined {
  return shifts.find((outcome) => outcome.state?.category !== undefined);
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
  { relatedTypes }: PreparedProfile,
): Map<string, EvidenceStatus> {
  const byItem = new Map<string, RuleOutcome[]>();
  /** The first rule that passes, by item: the rule a met item names. */
  const passedBy = new Map<string, string>();
  const collect = (from: Resource): void => {
    for (const { rule, outcome } of ruleOutcomes(knowledge.rules, template, from)) {
      const item = rule.responsibility_item;
      if (!item || outcome === 'not_applicable') continue;
      if (from !== resource && !relatedTypes.get(item)?.has(from.type)) continue;
      const list = byItem.get(item);
      if (list) list.push(outcome);
      else byItem.set(item, [outcome]);
      if (outcome === 'pass' && !passedBy.has(item)) passedBy.set(item, rule.id);
    }
  };
  collect(resource);
  for (const referrer of referenceIndex(template).referrersOf(resource)) collect(referrer);
  const reported = (finding: Finding): Finding => reportedAs(findings, finding);
  const result = new Map<string, EvidenceStatus>();
  for (const [item, list] of byItem) {
    const failed = list.filter((o): o is Finding => typeof o === 'object');
    const violations = failed.filter((f) => f.kind !== 'depends' && f.severity !== 'hint');
    violations.sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity));
    const depends = failed.find((f) => f.kind === 'depends');
    const relying = failed.find((f) => f.kind !== 'depends' && f.severity === 'hint');
    const metBy = passedBy.get(item);
    if (violations[0]) result.set(item, { state: 'finding', finding: reported(violations[0]) });
    else if (depends) result.set(item, { state: 'undecided', finding: depends, because: depends.message });
    else if (relying) result.set(item, { state: 'default', finding: reported(relying) });
    else if (metBy !== undefined) result.set(item, { state: 'met', rule: metBy });
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
  settings: readonly Setting[] | undefined,
  properties: Resource['properties'],
  context: ValueContext,
  /** For what replaces a default: no such resource means the default is relied on. */
  absenceCounts = false,
): EvidenceStatus | undefined {
  if (!settings || settings.length === 0) return undefined;
  let undecided: EvidenceStatus | undefined;
  let ownPaths = 0;
  for (const { path, related, condition } of settings) {
    if (!related) ownPaths++;
    const truth = evaluate(condition, properties, context);
    if (truth.value === true) return { state: 'set', path };
    if (truth.value === undefined) undecided ??= { state: 'undecided', path, ...(truth.because ? { because: truth.because } : {}) };
  }
  // Another resource that refers to this one is evidence when it is there; its absence alone says nothing (it may
  // not apply to this type at all, or live in another file).
  if (ownPaths === 0 && !absenceCounts) return undecided;
  return undecided ?? { state: 'not_set' };
}

/** A setting of an item's evidence or of what replaces a default, as a condition made once for every resource. */
interface Setting {
  readonly path: string;
  /** A resource type that refers to this one, not a property. */
  readonly related: boolean;
  readonly condition: Condition;
}

/** What every view of a type reads from its profile in one language, worked out at the type's first view. */
interface PreparedProfile {
  /** Per customer item: the types of the resources referring to this one whose rules judge the item. */
  readonly relatedTypes: ReadonlyMap<string, ReadonlySet<string>>;
  /** Per customer item (its evidence) and default (what replaces it): the settings that can exist on this type. */
  readonly settings: ReadonlyMap<ResponsibilityItem | DefaultItem, readonly Setting[]>;
}

const preparedProfiles = new WeakMap<TypeProfile, Map<Dialect, PreparedProfile>>();

function preparedProfile(profile: TypeProfile, dialect: Dialect): PreparedProfile {
  let byDialect = preparedProfiles.get(profile);
  if (!byDialect) preparedProfiles.set(profile, (byDialect = new Map()));
  let prepared = byDialect.get(dialect);
  if (!prepared) byDialect.set(dialect, (prepared = prepareProfile(profile, dialect)));
  return prepared;
}

function prepareProfile(profile: TypeProfile, dialect: Dialect): PreparedProfile {
  // Settings are written for the service's main type: only paths the hovered type has (or resource types that
  // refer to it: Terraform satellites, a CloudFormation bucket policy) apply to it.
  const settingsOf = (paths: readonly string[] | undefined): readonly Setting[] =>
    paths ? writtenSettings(paths, dialect).settings.filter((setting) => setting.related || profile.properties.has(setting.property)) : [];
  const relatedTypes = new Map<string, ReadonlySet<string>>();
  const settings = new Map<ResponsibilityItem | DefaultItem, readonly Setting[]>();
  for (const { entry } of profile.customer) {
    if (!Array.isArray(entry)) continue;
    for (const item of entry as readonly ResponsibilityItem[]) {
      const paths = item.evidence?.[dialect];
      // A resource that refers to this one judges an item only when the item names its type as evidence (an ingress
      // rule for its group, a flow log for its VPC): a security group referring to its VPC says nothing of the VPC.
      relatedTypes.set(item.id, paths ? writtenSettings(paths, dialect).relatedTypes : NO_TYPES);
      settings.set(item, settingsOf(paths));
    }
  }
  for (const item of profile.defaults) settings.set(item, settingsOf(item.overridden_by?.[dialect]));
  return { relatedTypes, settings };
}

const NO_TYPES: ReadonlySet<string> = new Set();

/** The settings of an item or a default as written, with the first property of each path and the types among them. */
interface WrittenSettings {
  readonly settings: readonly (Setting & { readonly property: string })[];
  readonly relatedTypes: ReadonlySet<string>;
}

/**
 * Keyed by the list of paths an item or a default writes for one language (`evidence.cfn`), which is only ever read
 * in that language: the types of a service share their items, and so the conditions made of them.
 */
const written = new WeakMap<readonly string[], WrittenSettings>();

function writtenSettings(paths: readonly string[], dialect: Dialect): WrittenSettings {
  let result = written.get(paths);
  if (!result) {
    const settings = paths.map((path) => {
      const related = isRelatedType(path, dialect);
      const condition: Condition = related ? { satellite: path, op: 'exists' } : { path, op: 'exists' };
      return { path, related, property: path.split(/[.[]/)[0]!, condition };
    });
    result = { settings, relatedTypes: new Set(settings.filter((setting) => setting.related).map((setting) => setting.path)) };
    written.set(paths, result);
  }
  return result;
}
