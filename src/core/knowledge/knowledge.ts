import type {
  Category, CategoryDoc, CategoryInfo, CfnCatalog, ContentBundle, DomainDoc, DomainEntry, DomainId, NamespaceEntry,
  ResourceTypeEntry, ResponsibilityItem, ServiceDoc, Shift, Source,
} from './types';

export const SRM_PAGE_URL = 'https://aws.amazon.com/compliance/shared-responsibility-model/';

/** Everything the hover and `explain` say about one resource type, before looking at a template. */
export interface TypeProfile {
  readonly type: string;
  readonly description: string;
  readonly docsUrl: string;
  readonly namespace: string;
  /** Top-level property names of the type, so evidence is only read where the property can exist. */
  readonly properties: ReadonlySet<string>;
  readonly service: { readonly id: string | undefined; readonly name: string; readonly curated: boolean };
  readonly category: CategoryInfo;
  /** Set for services we have not curated: the general split of their category is shown instead. */
  readonly generalCategory: CategoryDoc | undefined;
  readonly summary: string;
  readonly aws: readonly ResponsibilityItem[];
  readonly customer: readonly { readonly domain: DomainId; readonly entry: DomainEntry }[];
  readonly shifts: readonly Shift[];
  readonly runtimeChecks: readonly { readonly control: string; readonly text: string }[];
  readonly docs: readonly { readonly title: string; readonly url: string }[];
  readonly equivalents: readonly string[];
  readonly emphasize: ReadonlySet<string>;
}

/** Indexes over the curated content and the generated catalogs; answers type lookups. Pure and synchronous. */
export class Knowledge {
  private readonly sourcesById = new Map<string, Source>();
  private readonly serviceByType = new Map<string, { service: ServiceDoc; entry: ResourceTypeEntry }>();
  private readonly serviceByNamespace = new Map<string, ServiceDoc>();
  private readonly namespaceEntries = new Map<string, NamespaceEntry>();
  private readonly categoriesById = new Map<Category, CategoryDoc>();
  private readonly profiles = new Map<string, TypeProfile>();
  readonly domains: readonly DomainDoc[];

  constructor(
    private readonly content: ContentBundle,
    private readonly cfnCatalog: CfnCatalog,
  ) {
    for (const source of content.sources) this.sourcesById.set(source.id, source);
    for (const service of content.services) {
      for (const entry of service.resource_types) {
        if (entry.cfn) this.serviceByType.set(entry.cfn, { service, entry });
      }
      for (const namespace of service.namespaces ?? []) this.serviceByNamespace.set(namespace, service);
    }
    for (const entry of content.categories.namespaces) this.namespaceEntries.set(entry.namespace, entry);
    for (const category of content.categories.categories) this.categoriesById.set(category.id, category);
    this.domains = content.domains.domains;
  }

  get services(): readonly ServiceDoc[] {
    return this.content.services;
  }

  get cfnTypeCount(): number {
    return Object.keys(this.cfnCatalog.types).length;
  }

  source(id: string): Source | undefined {
    return this.sourcesById.get(id);
  }

  domain(id: DomainId): DomainDoc | undefined {
    return this.domains.find((domain) => domain.id === id);
  }

  isKnownType(type: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.cfnCatalog.types, type);
  }

  /** The profile of a CloudFormation type, or undefined when the catalog does not hold it. */
  profile(type: string): TypeProfile | undefined {
    const cached = this.profiles.get(type);
    if (cached) return cached;
    if (!this.isKnownType(type)) return undefined;
    const profile = this.buildProfile(type);
    this.profiles.set(type, profile);
    return profile;
  }

  private buildProfile(type: string): TypeProfile {
    const catalogEntry = this.cfnCatalog.types[type]!;
    const namespace = catalogEntry.namespace;
    const explicit = this.serviceByType.get(type);
    const service = explicit?.service ?? this.serviceByNamespace.get(namespace);
    const common = { type, description: catalogEntry.description, docsUrl: cfnDocsUrl(type), namespace, properties: new Set(catalogEntry.properties) };
    if (service) {
      const entry = explicit?.entry;
      const category = entry?.category_override
        ? { ...service.category, value: entry.category_override }
        : service.category;
      return {
        ...common,
        service: { id: service.id, name: service.name, curated: true },
        category,
        generalCategory: undefined,
        summary: entry?.overrides?.summary_hover ?? service.summary.hover,
        aws: service.aws,
        customer: orderedDomains(service.customer, this.domains, new Set(entry?.overrides?.hide ?? [])),
        shifts: (service.shifts ?? []).filter((shift) => shift.resource_types.cfn?.includes(type)),
        runtimeChecks: service.checks_at_runtime ?? [],
        docs: service.docs,
        equivalents: entry?.tf ? [entry.tf] : [],
        emphasize: new Set(entry?.overrides?.emphasize ?? []),
      };
    }
    const namespaceEntry = this.namespaceEntries.get(namespace);
    const categoryId: Category = namespaceEntry?.category ?? 'abstracted';
    const general = this.categoriesById.get(categoryId);
    const note = namespaceEntry
      ? this.content.categories.basis_note ?? 'Category assigned by our judgement.'
      : 'This namespace is not in our category table yet: shown as abstracted, our default guess.';
    return {
      ...common,
      service: { id: undefined, name: namespaceEntry?.service ?? namespace, curated: false },
      category: { value: categoryId, basis: 'derived', sources: general?.sources ?? [], note },
      generalCategory: general,
      summary: general?.definition ?? '',
      aws: general?.aws ?? [],
      customer: general ? orderedDomains(general.customer, this.domains, new Set()) : [],
      shifts: [],
      runtimeChecks: [],
      docs: [],
      equivalents: [],
      emphasize: new Set(),
    };
  }

  /** Known types closest to a misspelt one, best first. */
  suggest(type: string, max = 3): string[] {
    const wanted = type.toLowerCase();
    const scored: { type: string; distance: number }[] = [];
    const limit = Math.max(3, Math.floor(wanted.length / 3));
    for (const candidate of Object.keys(this.cfnCatalog.types)) {
      const distance = editDistance(wanted, candidate.toLowerCase(), limit);
      if (distance <= limit) scored.push({ type: candidate, distance });
    }
    scored.sort((a, b) => a.distance - b.distance || a.type.localeCompare(b.type));
    return scored.slice(0, max).map((s) => s.type);
  }
}

function orderedDomains(
  customer: Readonly<Record<DomainId, DomainEntry>>,
  domains: readonly DomainDoc[],
  hidden: ReadonlySet<string>,
): { domain: DomainId; entry: DomainEntry }[] {
  return domains.map((domain) => {
    const entry = customer[domain.id];
    if (Array.isArray(entry)) {
      const visible = (entry as readonly ResponsibilityItem[]).filter((item) => !hidden.has(item.id));
      return { domain: domain.id, entry: visible };
    }
    return { domain: domain.id, entry };
  });
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
