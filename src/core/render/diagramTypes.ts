// The JSON-serialisable input of the responsibility diagram (the webview) and the shape behind the Markdown
// report. Types only, with no imports: the webview bundle type-checks against this file without pulling in the
// core. Built by diagramModel.ts.

export type DiagramCategory = 'infrastructure' | 'container' | 'abstracted';
export type Owner = 'aws' | 'customer' | 'shared';
/** Who owns a diagram layer for the selected resource; `none` when neither the service nor its category lists anything. */
export type LayerOwner = Owner | 'none';

/**
 * A responsibility domain of one resource, as this template leaves it (the worst of its duties wins, in this order):
 * - `finding`: a rule finds a duty undone (a failing value, or a missing protection AWS does not give by default);
 * - `unaddressed`: a duty whose setting the template does not contain (worth a look, not necessarily a problem);
 * - `undecidable`: depends on a parameter or variable (a rule, an item's condition or a shift);
 * - `default`: the resource relies on an AWS default (keeping it is yours);
 * - `met`: rules check the duties and they pass (✓);
 * - `set`: the template sets something for the duty that no rule judges (present, not a ✓);
 * - `customer`: the customer's, but nothing in a template can show it (code, classification, reviews);
 * - `aws`: AWS alone (the service marks the domain aws_only, or only AWS duties remain as configured);
 * - `not_applicable`: the domain does not apply to this service.
 */
export type DomainStatus = 'aws' | 'finding' | 'unaddressed' | 'undecidable' | 'default' | 'met' | 'set' | 'customer' | 'not_applicable';

/** The severities of the diagnostics rules. */
export type FindingSeverity = 'error' | 'warning' | 'information' | 'hint';

/** A rule's finding on a duty, as the Problems panel shows it. */
export interface DiagramFinding {
  readonly ruleId: string;
  readonly severity: FindingSeverity;
  readonly message: string;
  /** Set when a suppression covers it: who, and the reason given. */
  readonly suppressed?: string;
}

/**
 * How many of a resource's duties this template meets (a rule passes), leaves open (not addressed, or a rule
 * fails), leaves to a parameter, leaves to an AWS default, or sets without a rule to judge it. The same counts in
 * the diagram, the report and `scan --format json` (`duties`).
 */
export interface DutyCounts {
  readonly met: number;
  readonly open: number;
  readonly depends: number;
  readonly default: number;
  readonly set: number;
}

export interface DiagramLink {
  readonly title: string;
  readonly url: string;
  /** A short verbatim quote from the page, when the data has one. */
  readonly quote?: string;
  readonly note?: string;
}

/** How this template stands on a customer item (see DomainStatus for the meanings). */
export interface DiagramEvidence {
  readonly state: 'met' | 'finding' | 'default' | 'set' | 'not_set' | 'undecided';
  /** The setting found (`set`) or the one a parameter decides (`undecided`). */
  readonly path?: string;
  readonly because?: string;
  /** The rule's finding (`finding`, `default`). */
  readonly finding?: DiagramFinding;
  /** The rule that passes (`met`). */
  readonly rule?: string;
}

/** One responsibility item behind a layer. */
export interface DiagramItem {
  readonly id: string;
  /** The item's owner in the data (an AWS item may be `shared`, e.g. patch management). */
  readonly owner: Owner;
  /** The list it comes from: what AWS secures, or what the customer secures. */
  readonly side: 'aws' | 'customer';
  readonly domain: string;
  readonly domainLabel: string;
  readonly text: string;
  /** `stated`: AWS says so (linked); `derived`: our reading (linked to what it is derived from). */
  readonly basis: 'stated' | 'derived';
  readonly controlClass: string;
  readonly sources: readonly DiagramLink[];
  /** Related Security Hub control IDs. */
  readonly controls: readonly string[];
  /** Whether this template addresses the item (customer items with evidence properties only). */
  readonly evidence?: DiagramEvidence;
  /** Set when the item applies only under a condition the template cannot decide. */
  readonly dependsOn?: string;
  /** True for items of the general split of the category, shown because the service lists nothing here. */
  readonly general?: boolean;
}

/**
 * What AWS sets when the template says nothing (SSE-S3 on new objects). Not an AWS responsibility: keeping or
 * changing it is the customer's, so a default never decides who owns a layer.
 */
export interface DiagramDefault {
  readonly id: string;
  readonly domain: string;
  readonly domainLabel: string;
  /** The diagram layer the default sits on. */
  readonly layer: string;
  readonly text: string;
  /** Whose choice keeping or changing it is. */
  readonly keep?: string;
  /** When AWS started to set it. */
  readonly since: string;
  readonly basis: 'stated' | 'derived';
  readonly sources: readonly DiagramLink[];
  /** Whether this resource relies on it; absent when no setting of this resource replaces it. */
  readonly status?: { readonly state: 'relied_on' | 'replaced' | 'undecided'; readonly path?: string; readonly because?: string };
}

/** A layer of the Shared Responsibility Model as it applies to the selected resource. */
export interface DiagramLayer extends ModelLayer {
  readonly owner: LayerOwner;
  /** Why the layer has this owner, in one sentence. */
  readonly ownerNote: string;
  readonly items: readonly DiagramItem[];
  /** Ids of the AWS defaults (in ResourceDiagram.defaults) on this layer. */
  readonly defaults: readonly string[];
  /** Ids of the shifts (in ResourceDiagram.shifts) that move responsibility in this layer. */
  readonly shifts: readonly string[];
}

/** How this resource's configuration moves the line, as decided from the template (or not). */
export interface DiagramShift {
  readonly id: string;
  readonly title: string;
  readonly domain: string;
  readonly domainLabel: string;
  /** `decided`: the template fixes the state; `undecided`: it depends on a parameter or variable. */
  readonly state: 'decided' | 'undecided';
  readonly label?: string;
  readonly aws: readonly string[];
  readonly customer: readonly string[];
  /** The decided state is the service's default and the template does not set it: relying on an AWS default. */
  readonly relyingOnDefault: boolean;
  /** When undecided: the labels of the states still possible. */
  readonly possible: readonly string[];
  readonly because?: string;
  /** The category this state gives the resource, when it changes it. */
  readonly category?: DiagramCategory;
  readonly basis: 'stated' | 'derived';
  readonly sources: readonly DiagramLink[];
}

export interface DomainCounts {
  readonly met: number;
  readonly finding: number;
  readonly defaulted: number;
  readonly set: number;
  readonly notSet: number;
  readonly undecided: number;
  /** Customer items nothing in a template can show (no evidence properties). */
  readonly unchecked: number;
  readonly aws: number;
}

/** One domain of one resource in the template view. */
export interface DomainCell {
  readonly domain: string;
  readonly label: string;
  readonly shortLabel: string;
  readonly status: DomainStatus;
  /** A sentence for tooltips and screen readers ("1 configured here, 1 not addressed in this template"). */
  readonly text: string;
  readonly counts: DomainCounts;
  /** With status `finding`: the most severe unsuppressed finding among the domain's duties. */
  readonly worst?: FindingSeverity;
}

export type ResourceKind = 'resource' | 'data' | 'module' | 'provider';

/** What the template view and the selected-resource view both say about a resource. */
interface ResourceHeading {
  readonly id: string;
  readonly type: string;
  readonly kind: ResourceKind;
  /** Zero-based line of the resource's declaration. */
  readonly line: number;
  readonly known: boolean;
  readonly service?: string;
  readonly category?: DiagramCategory;
  readonly categoryLabel: string;
  readonly domains: readonly DomainCell[];
}

/** Everything the diagram shows for the selected resource. */
export interface ResourceDiagram extends ResourceHeading {
  /** The resource's duties by how this template leaves them (the same counts as its summary). */
  readonly counts: DutyCounts;
  readonly curated: boolean;
  readonly description: string;
  readonly summary: string;
  readonly categoryBasis?: 'stated' | 'derived';
  readonly categoryNote?: string;
  /** The shift state that set the category ("Fargate"), when configuration changed it. */
  readonly categoryShift?: string;
  readonly layers: readonly DiagramLayer[];
  /** What AWS sets when the template says nothing, for this resource. */
  readonly defaults: readonly DiagramDefault[];
  readonly shifts: readonly DiagramShift[];
  readonly runtimeChecks: readonly { readonly control: string; readonly text: string }[];
  readonly equivalents: readonly string[];
  readonly links: readonly DiagramLink[];
  /** For data sources, modules and unknown types: what to say instead of the layers. */
  readonly note?: string;
}

export type GroupId = DiagramCategory | 'data' | 'module' | 'unknown';

/** One resource in the template view. */
export interface ResourceSummary extends ResourceHeading {
  readonly group: GroupId;
  readonly counts: DutyCounts;
  /** The most severe unsuppressed finding of the rules on this resource, for sorting and filtering. */
  readonly worst?: FindingSeverity;
  /** How many unsuppressed findings, by severity. */
  readonly findings: Readonly<Record<FindingSeverity, number>>;
}

export interface TemplateGroup {
  readonly id: GroupId;
  readonly label: string;
  readonly description: string;
  readonly resources: readonly ResourceSummary[];
}

/** A layer of the generic model (no resource selected). */
export interface ModelLayer {
  readonly id: string;
  readonly side: 'aws' | 'customer';
  readonly label: string;
  readonly shortLabel: string;
  /** Layers with the same group are drawn side by side (the three data-protection boxes). */
  readonly group?: string;
  readonly parts: readonly string[];
  readonly description: string;
}

/** The diagram's input: the whole template in summary, plus the selected resource in full. */
export interface DiagramModel {
  readonly version: 1;
  readonly file: { readonly name: string; readonly format: string; readonly formatLabel: string };
  readonly groups: readonly TemplateGroup[];
  readonly resourceCount: number;
  readonly problems: readonly string[];
  readonly selectedId?: string;
  readonly selected?: ResourceDiagram;
  readonly layers: readonly ModelLayer[];
  readonly srmUrl: string;
}
