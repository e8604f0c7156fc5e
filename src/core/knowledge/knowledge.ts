import type { RuleLookup } from '../rules/engine';
import type { Dialect } from '../template/model';
import { awsccNameOf } from './awscc';
import type {
  AppliesTo, Category, CategoryDoc, CategoryInfo, CfnCatalog, ContentBundle, DefaultItem, DomainDoc, DomainEntry, DomainId, LayerDoc,
  NamespaceEntry, ResourceTypeEntry, ResponsibilityItem, ServiceDoc, ServiceIndex, Shift, Source, TerraformModule, TfCatalog,
} from './types';

/** The data read at first use (each at most once): a run pays only for the services and the language it meets. */
export interface LazyData {
  /** The ServiceDoc at a position of ContentBundle.services. */
  service(position: number): ServiceDoc;
  rules(): RuleLookup;
  cfnCatalog(): CfnCatalog;
  tfCatalog(): TfCatalog;
}

export const SRM_PAGE_URL = 'https://aws.amazon.com/compliance/shared-responsibility-model/';

const NOT_REGISTRY_TYPE = /^AWS::(Serverless|CDK)::/;

/** A misspelling this close to a known type is a typo, not a newer type. */
const TYPO_DISTANCE = 2;

/** What `Knowledge.unknownType` tells about a type no catalog holds. */
export interface UnknownType {
  readonly type: string;
  /** The catalog it was looked up in (`hashicorp/aws 6.66.0`, `@aws-cdk/aws-service-spec@0.1.216`). */
  readonly catalog: string;
  /** The known type it is a typo of (edit distance 2 or less), if any. */
  readonly typoOf: string | undefined;
  /** For a name that is no typo, in a namespace the catalog knows: it may be newer than the catalog. */
  readonly namespace: { readonly namespace: string; readonly service: string; readonly category: Category } | undefined;
  /** The closest known types, best first. */
  readonly closest: readonly string[];
}

/** Everything the hover and `explain` say about one resource type, before looking at a template. */
export interface TypeProfile {
  readonly type: string;
  readonly dialect: Dialect;
  /** A Terraform data source reads and changes nothing. */
  readonly dataSource: boolean;
  readonly description: string;
  readonly docsUrl: string;
  readonly namespace: string;
  /** Top-level property (CFN) or attribute and block (TF) names, so evidence is only read where it can exist. */
  readonly properties: ReadonlySet<string>;
  readonly service: { readonly id: string | undefined; readonly name: string; readonly curated: boolean };
  readonly category: CategoryInfo;
  /** Set for services we have not curated: the general split of their category is shown instead. */
  readonly generalCategory: CategoryDoc | undefined;
  readonly summary: string;
  readonly aws: readonly ResponsibilityItem[];
  /** What AWS sets when the template says nothing: shown apart from what AWS secures. */
  readonly defaults: readonly DefaultItem[];
  readonly customer: readonly { readonly domain: DomainId; readonly entry: DomainEntry }[];
  readonly shifts: readonly Shift[];
  readonly runtimeChecks: readonly { readonly control: string; readonly text: string }[];
  readonly docs: readonly { readonly title: string; readonly url: string }[];
  /** The same resource in the other languages: CFN → aws_/awscc_ types, aws_ → CFN types. */
  readonly equivalents: readonly string[];
  readonly emphasize: ReadonlySet<string>;
  /** Terraform satellites (`aws_s3_bucket_versioning`): the parent type they configure and the duties they fulfil. */
  readonly satelliteOf: { readonly parent: string; readonly fulfils: readonly ResponsibilityItem[] } | undefined;
  /**
   * Set for Terraform types a configuration pinned to another major provider version cannot use: added in 6.x,
   * removed in 6.0, or removed earlier (the catalog's availability note).
   */
  readonly availability: string | undefined;
  /** Terraform satellite types that configure this type, with the attribute that links them to it. */
  readonly satellites: readonly { readonly type: string; readonly link: string }[];
}

/** The part of a profile that comes from the catalogs, before the service's content is added. */
type ProfileBase = Pick<TypeProfile, 'type' | 'dialect' | 'dataSource' | 'availability' | 'description' | 'docsUrl' | 'namespace' | 'properties'>;

interface TypeEntryRef {
  readonly service: ServiceIndex;
  readonly entry: ResourceTypeEntry;
}

/** Indexes over the curated content and the generated catalogs; answers type lookups. Pure and synchronous. */
export class Knowledge {
  private readonly byCfnType = new Map<string, TypeEntryRef>();
  private readonly byTfType = new Map<string, TypeEntryRef>();
  private readonly satelliteParents = new Map<string, TypeEntryRef & { readonly fulfils: readonly string[] }>();
  private readonly serviceByNamespace = new Map<string, ServiceIndex>();
  private readonly serviceDocs = new Map<ServiceIndex, ServiceDoc>();
  private readonly awsccExceptions: ReadonlyMap<string, string>;
  private readonly modulesBySource = new Map<string, TerraformModule>();
  private readonly profiles = new Map<string, TypeProfile>();
  readonly domains: readonly DomainDoc[];

  /** The rest is read at first use: `explain` parses one service, a CloudFormation run never the Terraform catalog. */
  constructor(
    private readonly content: ContentBundle,
    private readonly data: LazyData,
  ) {
    for (const service of content.services) {
      for (const entry of service.resource_types) {
        if (entry.cfn) this.byCfnType.set(entry.cfn, { service, entry });
        if (entry.tf) this.byTfType.set(entry.tf, { service, entry });
        for (const satellite of entry.tf_satellites ?? []) {
          this.satelliteParents.set(satellite.type, { service, entry, fulfils: satellite.fulfils ?? [] });
        }
      }
      for (const namespace of service.namespaces ?? []) this.serviceByNamespace.set(namespace, service);
    }
    this.awsccExceptions = new Map(content.terraform.awscc_exceptions.map((e) => [e.cfn, e.awscc]));
    for (const module of content.terraform.modules) this.modulesBySource.set(module.source, module);
    this.domains = content.domains.domains;
  }

  private sourceIndex: Map<string, Source> | undefined;
  /** The sources by id, indexed at first use: only the texts (hover, report, explain) cite them. */
  private get sourcesById(): ReadonlyMap<string, Source> {
    this.sourceIndex ??= new Map(this.content.sources.map((source) => [source.id, source]));
    return this.sourceIndex;
  }

  private namespaceIndex: Map<string, NamespaceEntry> | undefined;
  /** The category table's namespaces, indexed at first use: curated types do not read it. */
  private get namespaceEntries(): ReadonlyMap<string, NamespaceEntry> {
    this.namespaceIndex ??= new Map(this.content.categories.namespaces.map((entry) => [entry.namespace, entry]));
    return this.namespaceIndex;
  }

  private categoryIndex: Map<Category, CategoryDoc> | undefined;
  private get categoriesById(): ReadonlyMap<Category, CategoryDoc> {
    this.categoryIndex ??= new Map(this.content.categories.categories.map((category) => [category.id, category]));
    return this.categoryIndex;
  }

  private cfnCatalogData: CfnCatalog | undefined;
  private get cfnCatalog(): CfnCatalog {
    this.cfnCatalogData ??= this.data.cfnCatalog();
    return this.cfnCatalogData;
  }

  private tfCatalogData: TfCatalog | undefined;
  private get tfCatalog(): TfCatalog {
    this.tfCatalogData ??= this.data.tfCatalog();
    return this.tfCatalogData;
  }

  private ruleLookup: RuleLookup | undefined;

  /** The diagnostics rules, read at first use. */
  get rules(): RuleLookup {
    this.ruleLookup ??= this.data.rules();
    return this.ruleLookup;
  }

  get services(): readonly ServiceDoc[] {
    return this.content.services.map((service) => this.serviceDoc(service));
  }

  /** The whole content of a service, read at its first use. */
  private serviceDoc(service: ServiceIndex): ServiceDoc {
    let doc = this.serviceDocs.get(service);
    if (!doc) {
      doc = this.data.service(this.content.services.indexOf(service));
      this.serviceDocs.set(service, doc);
    }
    return doc;
  }

  /** The Terraform AWS provider the catalog was generated from (`hashicorp/aws 6.66.0`). */
  get tfProviderVersion(): string {
    return this.tfCatalog.source;
  }

  source(id: string): Source | undefined {
    return this.sourcesById.get(id);
  }

  domain(id: DomainId): DomainDoc | undefined {
    return this.domains.find((domain) => domain.id === id);
  }

  /** The layers of the generic Shared Responsibility Model diagram, customer side first (data/srm/model.yaml). */
  get layers(): readonly LayerDoc[] {
    return this.content.model.layers;
  }

  /** A service category with its definition and general split (data/srm/categories.yaml). */
  category(id: Category): CategoryDoc | undefined {
    return this.categoriesById.get(id);
  }

  isKnownType(type: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.cfnCatalog.types, type);
  }

  /** The awscc_ name of a CloudFormation type (the provider's naming rule plus its exceptions). */
  awsccName(cfnType: string): string | undefined {
    return this.isKnownType(cfnType) ? this.registryAwsccName(cfnType) : undefined;
  }

  /** The awscc_ name of a type known to exist (the curated content is validated against the catalog). */
  private registryAwsccName(cfnType: string): string | undefined {
    // SAM and CDK types are expanded before deployment: no Cloud Control
    return NOT_REGISTRY_TYPE.test(cfnType) ? undefined : awsccNameOf(cfnType, this.awsccExceptions);
  }

  private awsccToCfn: Map<string, string> | undefined;

  /** The CloudFormation type an awscc_ name stands for. */
  cfnTypeOfAwscc(awsccType: string): string | undefined {
    return this.awsccTypes().get(awsccType);
  }

  /** Every awscc_ name with its CloudFormation type, built at the first awscc_ lookup. */
  private awsccTypes(): ReadonlyMap<string, string> {
    if (!this.awsccToCfn) {
      this.awsccToCfn = new Map();
      for (const type of Object.keys(this.cfnCatalog.types)) {
        const awscc = this.registryAwsccName(type);
        if (awscc) this.awsccToCfn.set(awscc, type);
      }
    }
    return this.awsccToCfn;
  }

  /** A well-known Terraform module (`terraform-aws-modules/vpc/aws`), by its source as written. */
  module(source: string): TerraformModule | undefined {
    return this.modulesBySource.get(source.replace(/^registry\.terraform\.io\//, '').replace(/\/\/.*$/, ''));
  }

  /**
   * The profile of a CloudFormation type, an `aws_` Terraform resource type (or data source, with `dataSource`),
   * or an `awscc_` type; undefined when no catalog holds it.
   */
  profile(type: string, dataSource = false): TypeProfile | undefined {
    const key = dataSource ? `data.${type}` : type;
    let profile = this.profiles.get(key);
    if (!profile) {
      profile = this.buildProfile(type, dataSource);
      if (profile) this.profiles.set(key, profile);
    }
    return profile;
  }

  private buildProfile(type: string, dataSource: boolean): TypeProfile | undefined {
    if (type.startsWith('awscc_')) return this.awsccProfile(type, dataSource);
    if (type.startsWith('aws_')) return this.tfProfile(type, dataSource);
    const entry = own(this.cfnCatalog.types, type);
    if (!entry || dataSource) return undefined;
    const ref = this.byCfnType.get(type);
    // A SAM type no service lists itself takes the split of the type its transform creates.
    const expanded = !ref && entry.expandsTo ? this.profile(entry.expandsTo) : undefined;
    const base = {
      type,
      dialect: 'cfn' as const,
      dataSource: false,
      availability: undefined,
      description: entry.description,
      docsUrl: cfnDocsUrl(type),
      namespace: entry.namespace,
      properties: new Set(entry.properties),
    };
    if (expanded) return { ...expanded, ...base, shifts: [], equivalents: [], satellites: [] };
    const service = ref?.service ?? this.serviceByNamespace.get(entry.namespace);
    const awscc = this.registryAwsccName(type);
    const equivalents = [...(ref?.entry.tf ? [ref.entry.tf] : []), ...(awscc ? [awscc] : [])];
    return service ? this.curatedProfile(base, this.serviceDoc(service), ref?.entry, equivalents) : this.generalProfile(base, equivalents);
  }

  private tfProfile(type: string, dataSource: boolean): TypeProfile | undefined {
    const entry = own(dataSource ? this.tfCatalog.dataSources : this.tfCatalog.resources, type);
    if (!entry) return undefined;
    const base = {
      type,
      dialect: 'tf' as const,
      dataSource,
      availability: entry.availability,
      description: `Terraform ${dataSource ? 'data source' : 'resource'} of the AWS provider.`,
      docsUrl: tfDocsUrl('aws', type, dataSource),
      namespace: entry.namespace,
      properties: new Set([...(entry.attributes ?? []), ...Object.keys(entry.blocks ?? {}), ...(entry.removed ?? [])]),
    };
    const ref = this.byTfType.get(type);
    const satellite = ref ? undefined : this.satelliteParents.get(type);
    const owner = ref ?? satellite;
    const service = owner?.service ?? this.serviceByNamespace.get(entry.namespace);
    const cfnType = satellite ? undefined : owner?.entry.cfn;
    const awscc = cfnType ? this.registryAwsccName(cfnType) : undefined;
    const equivalents = cfnType ? [cfnType, ...(awscc ? [awscc] : [])] : [];
    if (!service) return this.generalProfile(base, equivalents);
    const profile = this.curatedProfile(base, this.serviceDoc(service), owner?.entry, equivalents);
    if (!satellite) return profile;
    const parent = satellite.entry.tf ?? satellite.entry.cfn ?? service.name;
    const fulfils = customerItems(this.serviceDoc(service)).filter((item) => satellite.fulfils.includes(item.id));
    return {
      ...profile,
      summary: `Configures a \`${parent}\` from a separate resource (AWS provider v4+ style).`,
      emphasize: new Set(satellite.fulfils),
      satelliteOf: { parent, fulfils },
      satellites: [],
    };
  }

  private awsccProfile(type: string, dataSource: boolean): TypeProfile | undefined {
    const cfnType = this.cfnTypeOfAwscc(type);
    const cfn = cfnType ? this.profile(cfnType) : undefined;
    if (!cfn) return undefined;
    return {
      ...cfn,
      type,
      dialect: 'tf',
      dataSource,
      docsUrl: tfDocsUrl('awscc', type, dataSource),
      equivalents: [cfn.type, ...cfn.equivalents.filter((t) => t !== type)],
    };
  }

  private curatedProfile(
    base: ProfileBase,
    service: ServiceDoc,
    entry: ResourceTypeEntry | undefined,
    equivalents: readonly string[],
  ): TypeProfile {
    const category = entry?.category_override ? { ...service.category, value: entry.category_override } : service.category;
    // An item with applies_to is shown on the types it names and on their twins in the other language.
    const names = new Set([base.type, entry?.cfn, entry?.tf].filter((name): name is string => Boolean(name)));
    const onThisType = (item: { readonly applies_to?: AppliesTo }) => appliesToType(item.applies_to, names);
    return {
      ...base,
      service: { id: service.id, name: service.name, curated: true },
      category,
      generalCategory: undefined,
      summary: entry?.overrides?.summary_hover ?? service.summary.hover,
      aws: service.aws.filter(onThisType),
      defaults: (service.defaults ?? []).filter(onThisType),
      customer: orderedDomains(service.customer, this.domains, new Set(entry?.overrides?.hide ?? []), onThisType),
      shifts: (service.shifts ?? []).filter((shift) => shift.resource_types[base.dialect]?.includes(base.type)),
      runtimeChecks: service.checks_at_runtime ?? [],
      docs: service.docs,
      equivalents,
      emphasize: new Set(entry?.overrides?.emphasize ?? []),
      satelliteOf: undefined,
      satellites: base.dialect === 'tf' ? (entry?.tf_satellites ?? []) : [],
    };
  }

  private generalProfile(
    base: ProfileBase,
    equivalents: readonly string[],
  ): TypeProfile {
    const namespaceEntry = this.namespaceEntries.get(base.namespace);
    const categoryId: Category = namespaceEntry?.category ?? 'abstracted';
    const general = this.categoriesById.get(categoryId);
    const note = namespaceEntry
      ? this.content.categories.basis_note ?? 'Category assigned by our judgement.'
      : 'This namespace is not in our category table yet: shown as abstracted, our default guess.';
    return {
      ...base,
      service: { id: undefined, name: namespaceEntry?.service ?? base.namespace, curated: false },
      category: { value: categoryId, basis: 'derived', sources: general?.sources ?? [], note },
      generalCategory: general,
      summary: general?.definition ?? '',
      aws: general?.aws ?? [],
      defaults: [],
      customer: general ? orderedDomains(general.customer, this.domains, new Set(), () => true) : [],
      shifts: [],
      runtimeChecks: [],
      docs: [],
      equivalents,
      emphasize: new Set(),
      satelliteOf: undefined,
      satellites: [],
    };
  }

  private namespacesByPrefix: Map<string, string> | undefined;

  /**
   * The namespace an unknown type is written in, with its service and category (`AWS::Lambda::New` and
   * `aws_lambda_new` → AWS Lambda, abstracted), or undefined when the catalogs know no type of that namespace.
   */
  namespaceOf(type: string): { readonly namespace: string; readonly service: string; readonly category: Category } | undefined {
    if (!this.namespacesByPrefix) {
      this.namespacesByPrefix = new Map();
      for (const [name, entry] of Object.entries(this.cfnCatalog.types)) this.namespacesByPrefix.set(name.split('::').slice(0, 2).join('::'), entry.namespace);
      for (const [name, entry] of Object.entries(this.tfCatalog.resources)) {
        const prefix = /^aws_[a-z0-9]+/.exec(name)?.[0];
        if (prefix && !this.namespacesByPrefix.has(prefix)) this.namespacesByPrefix.set(prefix, entry.namespace);
      }
    }
    const prefix = type.startsWith('aws_') ? /^aws_[a-z0-9]+/.exec(type)?.[0] : type.split('::').slice(0, 2).join('::');
    const namespace = prefix && type.length > prefix.length + 1 ? this.namespacesByPrefix.get(prefix) : undefined;
    if (!namespace) return undefined;
    const curated = this.serviceByNamespace.get(namespace);
    const entry = this.namespaceEntries.get(namespace);
    return {
      namespace,
      service: curated?.name ?? entry?.service ?? namespace,
      category: curated?.category.value ?? entry?.category ?? 'abstracted',
    };
  }

  /** Which catalog a type is looked up in, for messages (`hashicorp/aws 6.66.0`). */
  catalogName(type: string): string {
    return type.startsWith('aws_') ? this.tfCatalog.source : this.cfnCatalog.source.split(' ')[0]!;
  }

  /**
   * What to tell about a type no catalog holds. A known type this close is what was meant (a typo); otherwise a
   * name in a namespace the catalog knows may be newer than the catalog (with the namespace's service and category);
   * anything else is unknown. Custom resources, registry types and other providers' types are not AWS types.
   */
  unknownType(type: string, dataSource = false): UnknownType | undefined {
    if (!/^(AWS|Alexa)::|^aws_|^awscc_/.test(type) || this.profile(type, dataSource)) return undefined;
    const closest = this.closest(type, 3, dataSource);
    const typoOf = closest[0] && closest[0].distance <= TYPO_DISTANCE ? closest[0].type : undefined;
    return {
      type,
      catalog: this.catalogName(type),
      typoOf,
      namespace: typoOf ? undefined : this.namespaceOf(type),
      closest: closest.map((c) => c.type),
    };
  }

  /** Known types closest to a misspelt one, best first, from the catalog of the same language. */
  suggest(type: string, max = 3): string[] {
    return this.closest(type, max).map((s) => s.type);
  }

  /** The closest known types (data sources with `dataSource`) with their edit distance (case-insensitive), best first. */
  closest(type: string, max = 3, dataSource = false): { readonly type: string; readonly distance: number }[] {
    const candidates = type.startsWith('aws_')
      ? Object.keys(dataSource ? this.tfCatalog.dataSources : this.tfCatalog.resources)
      : type.startsWith('awscc_')
        ? [...this.awsccTypes().keys()]
        : Object.keys(this.cfnCatalog.types);
    const wanted = type.toLowerCase();
    const limit = Math.max(3, Math.floor(wanted.length / 3));
    const scored: { type: string; distance: number }[] = [];
    for (const candidate of candidates) {
      const distance = editDistance(wanted, candidate.toLowerCase(), limit);
      if (distance <= limit) scored.push({ type: candidate, distance });
    }
    scored.sort((a, b) => a.distance - b.distance || a.type.localeCompare(b.type));
    return scored.slice(0, max);
  }
}

function customerItems(service: ServiceDoc): ResponsibilityItem[] {
  return Object.values(service.customer).flatMap((entry) => (Array.isArray(entry) ? (entry as ResponsibilityItem[]) : []));
}

function appliesToType(appliesTo: AppliesTo | undefined, names: ReadonlySet<string>): boolean {
  if (!appliesTo) return true;
  return [...(appliesTo.cfn ?? []), ...(appliesTo.tf ?? [])].some((type) => names.has(type));
}

function orderedDomains(
  customer: Readonly<Record<DomainId, DomainEntry>>,
  domains: readonly DomainDoc[],
  hidden: ReadonlySet<string>,
  shown: (item: ResponsibilityItem) => boolean,
): { domain: DomainId; entry: DomainEntry }[] {
  return domains.map((domain) => {
    const entry = customer[domain.id];
    if (Array.isArray(entry)) {
      const visible = (entry as readonly ResponsibilityItem[]).filter((item) => !hidden.has(item.id) && shown(item));
      return { domain: domain.id, entry: visible };
    }
    return { domain: domain.id, entry };
  });
}

/** A catalog entry by a name written in a template: own properties only, so `constructor` or `__proto__` is no type. */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** The CloudFormation template reference page of a type (the rule of data-sources.md section 1). */
export function cfnDocsUrl(type: string): string {
  const [vendor = '', service = '', resource = ''] = type.split('::');
  if (service === 'Serverless') {
    return `https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-${resource.toLowerCase()}.html`;
  }
  const prefix = vendor === 'Alexa' ? 'alexa-resource' : 'aws-resource';
  return `https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/${prefix}-${service.toLowerCase()}-${resource.toLowerCase()}.html`;
}

/** The Terraform Registry page of a resource or data source of the aws or awscc provider. */
export function tfDocsUrl(provider: 'aws' | 'awscc', type: string, dataSource: boolean): string {
  const name = type.slice(provider.length + 1);
  return `https://registry.terraform.io/providers/hashicorp/${provider}/latest/docs/${dataSource ? 'data-sources' : 'resources'}/${name}`;
}

/** Levenshtein distance, giving up (returning limit + 1) once it must exceed `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}
