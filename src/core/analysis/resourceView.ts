import type { Knowledge, TypeProfile } from '../knowledge/knowledge';
import type { Category, DefaultItem, ResponsibilityItem, Shift, ShiftState } from '../knowledge/types';
import { conditionFor, evaluate } from '../template/conditions';
import type { Truth } from '../template/conditions';
import type { Dialect, Resource, Template } from '../template/model';
import { dialectOf } from '../template/model';
import { satelliteOf } from '../template/terraform';
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

/** Whether the template addresses a customer item, judged from the item's evidence properties. */
export interface EvidenceStatus {
  readonly state: 'configured' | 'not_set' | 'undecided';
  /** The first evidence path found (configured) or the path that could not be decided. */
  readonly path?: string;
  readonly because?: string;
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
export function viewResource(knowledge: Knowledge, type: string, resource?: Resource, template?: Template): ResourceView | undefined {
  const profile = knowledge.profile(type, resource?.kind === 'data');
  if (!profile) return undefined;
  const dialect: Dialect = template ? dialectOf(template.format) : profile.dialect;
  const context = template && resource ? contextFor(template, resource) : NO_TEMPLATE;
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
  const customer = profile.customer.map(({ domain, entry }) => {
    if (!Array.isArray(entry)) {
      const marker = 'aws_only' in entry ? { awsOnly: true as const } : { notApplicable: (entry as { not_applicable: string }).not_applicable };
      return { domain, items: [], marker };
    }
    const items = (entry as readonly ResponsibilityItem[]).filter(applies);
    if (hasResource) {
      for (const item of items) {
        const status = firstSetting(item.evidence?.[dialect], dialect, properties, context, profile.properties);
        if (status) evidence.set(item.id, status);
      }
    }
    return { domain, items };
  });

  const defaults = profile.defaults.filter(applies);
  const defaultStatus = new Map<string, DefaultStatus>();
  if (hasResource) {
    for (const item of defaults) {
      const setting = firstSetting(item.overridden_by?.[dialect], dialect, properties, context, profile.properties);
      if (!setting) continue;
      const { state, ...rest } = setting;
      defaultStatus.set(item.id, { state: state === 'configured' ? 'replaced' : state === 'undecided' ? 'undecided' : 'relied_on', ...rest });
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

/**
 * The value context of one resource. In Terraform, settings often live in satellite resources that point at it
 * (`aws_s3_bucket_versioning { bucket = aws_s3_bucket.logs.id }`): conditions on a satellite read the one that
 * references this resource, or find it absent.
 */
function contextFor(template: Template, resource: Resource): ValueContext {
  if (dialectOf(template.format) !== 'tf') return template;
  return {
    parameters: template.parameters,
    resourceIds: template.resourceIds,
    satelliteProperties: (type) => satelliteOf(template, resource, type)?.properties,
  };
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
): EvidenceStatus | undefined {
  // Settings are written for the service's main type: only paths the hovered type has (or, in Terraform, satellite
  // resource types) apply to it.
  const isSatellite = (path: string) => dialect === 'tf' && path.startsWith('aws_');
  const paths = settings?.filter((path) => isSatellite(path) || typeProperties.has(path.split(/[.[]/)[0]!));
  if (!paths || paths.length === 0) return undefined;
  let undecided: EvidenceStatus | undefined;
  for (const path of paths) {
    const condition = isSatellite(path) ? { satellite: path, op: 'exists' as const } : { path, op: 'exists' as const };
    const truth = evaluate(condition, properties, context);
    if (truth.value === true) return { state: 'configured', path };
    if (truth.value === undefined) undecided ??= { state: 'undecided', path, ...(truth.because ? { because: truth.because } : {}) };
  }
  return undecided ?? { state: 'not_set' };
}
