// The shapes of the data files (data/**/*.yaml, compiled to dist/data/*.json by scripts/build.mjs).
// data/schema/*.schema.json is the authority; these types mirror the parts the code reads.
import type { SidedCondition } from '../template/conditions';

export type Category = 'infrastructure' | 'container' | 'abstracted';
export type Basis = 'stated' | 'derived';
export type DomainId =
  | 'physical_infrastructure' | 'hypervisor_virtualization' | 'networking' | 'infrastructure_security' | 'os_runtime'
  | 'containers_serverless' | 'data' | 'iam' | 'monitoring_logging' | 'application_security';
export type LayerId =
  | 'customer_data' | 'platform_apps_iam' | 'os_network_firewall' | 'client_side_encryption' | 'server_side_encryption'
  | 'network_traffic_protection' | 'aws_software' | 'aws_global_infrastructure';

export interface SourceRef {
  readonly ref: string;
  readonly anchor?: string;
  readonly quote?: string;
  readonly note?: string;
}

export interface Source {
  readonly id: string;
  readonly title: string;
  readonly url: string;
  readonly publisher: string;
  readonly kind: string;
  readonly license: string;
  readonly snapshot?: string;
}

export interface ResponsibilityItem {
  readonly id: string;
  readonly owner: 'aws' | 'customer' | 'shared';
  readonly domain: DomainId;
  readonly srm_layer: LayerId;
  readonly control_class: 'inherited' | 'shared' | 'customer_specific';
  readonly text: string;
  readonly detail?: string;
  readonly basis: Basis;
  readonly sources: readonly SourceRef[];
  readonly fsbp?: readonly string[];
  readonly evidence?: { readonly cfn?: readonly string[]; readonly tf?: readonly string[] };
  /** Ids of the shifts that move this item (`lambda.shift.envvar-key`). */
  readonly shifts?: readonly string[];
  readonly applies_when?: SidedCondition;
  readonly applies_to?: AppliesTo;
  readonly status?: 'active' | 'deprecated' | 'needs_review';
}

/** The resource types an item is shown on (either side names it, or the twin of a type it names). */
export interface AppliesTo {
  readonly cfn?: readonly string[];
  readonly tf?: readonly string[];
}

/**
 * What AWS sets when the template says nothing (SSE-S3 on new objects). Not an AWS responsibility: keeping or
 * changing it is the customer's, so it is shown apart from what AWS secures.
 */
export interface DefaultItem {
  readonly id: string;
  readonly domain: DomainId;
  readonly srm_layer: LayerId;
  readonly text: string;
  /** Whose choice keeping or changing the default is, and what that takes. */
  readonly keep?: string;
  /** When AWS started to set it: YYYY, YYYY-MM or YYYY-MM-DD. */
  readonly since: string;
  readonly basis: Basis;
  readonly sources: readonly SourceRef[];
  readonly applies_to?: AppliesTo;
  readonly applies_when?: SidedCondition;
  /** The settings that replace the default: CFN property paths; TF attribute paths or satellite types. */
  readonly overridden_by?: { readonly cfn?: readonly string[]; readonly tf?: readonly string[] };
}

export type DomainEntry = readonly ResponsibilityItem[] | { readonly aws_only: true } | { readonly not_applicable: string };

export interface ShiftState {
  readonly id: string;
  readonly default?: boolean;
  readonly when: SidedCondition;
  readonly label: string;
  readonly category?: Category;
  readonly aws: readonly string[];
  readonly customer: readonly string[];
}

export interface Shift {
  readonly id: string;
  readonly title: string;
  readonly dimension: DomainId;
  readonly resource_types: { readonly cfn?: readonly string[]; readonly tf?: readonly string[] };
  /** The shift only exists for resources where this holds (runtime updates do not apply to container images). */
  readonly applies_when?: SidedCondition;
  readonly trigger: { readonly cfn?: { readonly path?: string }; readonly tf?: { readonly path?: string; readonly satellite?: string } };
  readonly states: readonly ShiftState[];
  readonly basis: Basis;
  readonly sources: readonly SourceRef[];
}

export interface ResourceTypeEntry {
  readonly cfn: string | null;
  readonly tf: string | null;
  readonly config_type?: string;
  readonly tf_satellites?: readonly { readonly type: string; readonly link: string; readonly fulfils?: readonly string[] }[];
  readonly category_override?: Category;
  readonly overrides?: { readonly summary_hover?: string; readonly emphasize?: readonly string[]; readonly hide?: readonly string[] };
  readonly fsbp?: readonly string[];
}

export interface CategoryInfo {
  readonly value: Category;
  readonly basis: Basis;
  readonly sources: readonly SourceRef[];
  readonly note?: string;
}

export interface ServiceDoc {
  readonly id: string;
  readonly name: string;
  readonly namespaces?: readonly string[];
  readonly tf_prefixes?: readonly string[];
  readonly category: CategoryInfo;
  readonly summary: { readonly hover: string; readonly detail?: string };
  readonly aws: readonly ResponsibilityItem[];
  readonly defaults?: readonly DefaultItem[];
  readonly customer: Readonly<Record<DomainId, DomainEntry>>;
  readonly checks_at_runtime?: readonly { readonly control: string; readonly text: string }[];
  readonly resource_types: readonly ResourceTypeEntry[];
  readonly shifts?: readonly Shift[];
  readonly docs: readonly { readonly title: string; readonly url: string; readonly source?: string }[];
  readonly fsbp_controls?: readonly string[];
}

export interface CategoryDoc {
  readonly id: Category;
  readonly label: string;
  readonly definition: string;
  readonly basis: Basis;
  readonly sources: readonly SourceRef[];
  readonly examples?: readonly string[];
  readonly aws: readonly ResponsibilityItem[];
  readonly customer: Readonly<Record<DomainId, DomainEntry>>;
}

export interface NamespaceEntry {
  readonly namespace: string;
  readonly service: string;
  readonly category: Category;
  readonly note?: string;
}

export interface DomainDoc {
  readonly id: DomainId;
  readonly label: string;
  readonly short_label: string;
  readonly description: string;
  readonly srm_layers: readonly LayerId[];
  /** Who typically owns the domain in each service category (our reading, domains.yaml). */
  readonly default_owner?: Readonly<Record<Category, 'aws' | 'customer' | 'shared'>>;
}

export interface LayerDoc {
  readonly id: LayerId;
  readonly side: 'aws' | 'customer';
  readonly label: string;
  readonly short_label?: string;
  /** Layers drawn side by side as one row (`data_protection`: the three encryption boxes). */
  readonly group?: string;
  readonly parts?: readonly string[];
  readonly description?: string;
}

/**
 * What every service contributes to the indexes (its types and namespaces): dist/data/content.jsonl lists these, and
 * dist/data/services.jsonl holds each whole ServiceDoc on one line, in the same order, parsed at first use.
 */
export type ServiceIndex = Pick<ServiceDoc, 'id' | 'name' | 'namespaces' | 'category' | 'resource_types'>;

/** dist/data/content.jsonl: the curated data every run needs (the services by index; the rules are in rules.jsonl). */
export interface ContentBundle {
  readonly services: readonly ServiceIndex[];
  readonly sources: readonly Source[];
  readonly model: { readonly layers: readonly LayerDoc[] };
  readonly domains: { readonly domains: readonly DomainDoc[] };
  readonly categories: {
    readonly categories: readonly CategoryDoc[];
    readonly namespaces: readonly NamespaceEntry[];
    readonly basis_note?: string;
  };
  readonly terraform: TerraformContent;
}

/** data/generated/cfn-catalog.json (in dist/data as JSON lines, read lazily: src/core/knowledge/load.ts) */
export interface CfnCatalog {
  readonly source: string;
  readonly types: Readonly<Record<string, CfnTypeEntry>>;
}

export interface CfnTypeEntry {
  readonly namespace: string;
  readonly description: string;
  readonly properties: readonly string[];
  /** For a SAM type: the CloudFormation type the transform creates for it, whose split it takes. */
  readonly expandsTo?: string;
}

/** data/generated/tf-catalog.json (in dist/data as JSON lines, like the CloudFormation catalog): the AWS provider's resource types and data sources. */
export interface TfCatalog {
  /** `hashicorp/aws 6.66.0` */
  readonly source: string;
  /** The provider version the catalog follows (`6.66.0`). */
  readonly providerVersion: string;
  readonly resources: Readonly<Record<string, TfTypeEntry>>;
  readonly dataSources: Readonly<Record<string, TfTypeEntry>>;
}

export interface TfTypeEntry {
  readonly namespace: string;
  /**
   * For types a configuration pinned to another major version cannot use: "added in provider 6.x (not in 5.100.0,
   * the last 5.x release)", "removed in provider 6.0 (last in 5.100.0)", or the note of an older removal.
   */
  readonly availability?: string;
  readonly attributes?: readonly string[];
  readonly blocks?: Readonly<Record<string, readonly string[]>>;
  /** Top-level names the last 5.x release had and the pinned provider removed: 5.x configurations still write them. */
  readonly removed?: readonly string[];
}

/** data/terraform/awscc-exceptions.yaml and data/terraform/modules.yaml, compiled into the content bundle. */
export interface TerraformContent {
  readonly awscc_exceptions: readonly { readonly cfn: string; readonly awscc: string }[];
  readonly modules: readonly TerraformModule[];
}

export interface TerraformModule {
  readonly source: string;
  readonly name: string;
  readonly url: string;
  readonly creates: readonly string[];
  readonly note?: string;
}
