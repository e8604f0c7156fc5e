"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Knowledge = exports.SRM_PAGE_URL = void 0;
exports.cfnDocsUrl = cfnDocsUrl;
exports.tfDocsUrl = tfDocsUrl;
const engine_1 = require("../rules/engine");
const awscc_1 = require("./awscc");
exports.SRM_PAGE_URL = 'https://aws.amazon.com/compliance/shared-responsibility-model/';
const NOT_REGISTRY_TYPE = /^AWS::(Serverless|CDK)::/;
/** A misspelling this close to a known type is a typo, not a newer type. */
const TYPO_DISTANCE = 2;
/** Indexes over the curated content and the generated catalogs; answers type lookups. Pure and synchronous. */
class Knowledge {
    content;
    data;
    sourcesById = new Map();
    byCfnType = new Map();
    byTfType = new Map();
    satelliteParents = new Map();
    serviceByNamespace = new Map();
    serviceDocs = new Map();
    namespaceEntries = new Map();
    categoriesById = new Map();
    awsccExceptions;
    modulesBySource = new Map();
    profiles = new Map();
    domains;
    /** The rest is read at first use: `explain` parses one service, a CloudFormation run never the Terraform catalog. */
    constructor(content, data) {
        this.content = content;
        this.data = data;
        for (const source of content.sources)
            this.sourcesById.set(source.id, source);
        for (const service of content.services) {
            for (const entry of service.resource_types) {
                if (entry.cfn)
                    this.byCfnType.set(entry.cfn, { service, entry });
                if (entry.tf)
                    this.byTfType.set(entry.tf, { service, entry });
                for (const satellite of entry.tf_satellites ?? []) {
                    this.satelliteParents.set(satellite.type, { service, entry, fulfils: satellite.fulfils ?? [] });
                }
            }
            for (const namespace of service.namespaces ?? [])
                this.serviceByNamespace.set(namespace, service);
        }
        for (const entry of content.categories.namespaces)
            this.namespaceEntries.set(entry.namespace, entry);
        for (const category of content.categories.categories)
            this.categoriesById.set(category.id, category);
        this.awsccExceptions = new Map(content.terraform.awscc_exceptions.map((e) => [e.cfn, e.awscc]));
        for (const module of content.terraform.modules)
            this.modulesBySource.set(module.source, module);
        this.domains = content.domains.domains;
    }
    cfnCatalogData;
    get cfnCatalog() {
        this.cfnCatalogData ??= this.data.cfnCatalog();
        return this.cfnCatalogData;
    }
    tfCatalogData;
    get tfCatalog() {
        this.tfCatalogData ??= this.data.tfCatalog();
        return this.tfCatalogData;
    }
    ruleIndex;
    /** The diagnostics rules, indexed at first use. */
    get rules() {
        this.ruleIndex ??= new engine_1.RuleIndex(this.data.rules());
        return this.ruleIndex;
    }
    get services() {
        return this.content.services.map((service) => this.serviceDoc(service));
    }
    /** The whole content of a service, read at its first use. */
    serviceDoc(service) {
        let doc = this.serviceDocs.get(service);
        if (!doc) {
            doc = this.data.service(this.content.services.indexOf(service));
            this.serviceDocs.set(service, doc);
        }
        return doc;
    }
    /** The Terraform AWS provider the catalog was generated from (`hashicorp/aws 6.66.0`). */
    get tfProviderVersion() {
        return this.tfCatalog.source;
    }
    source(id) {
        return this.sourcesById.get(id);
    }
    domain(id) {
        return this.domains.find((domain) => domain.id === id);
    }
    /** The layers of the generic Shared Responsibility Model diagram, customer side first (data/srm/model.yaml). */
    get layers() {
        return this.content.model.layers;
    }
    /** A service category with its definition and general split (data/srm/categories.yaml). */
    category(id) {
        return this.categoriesById.get(id);
    }
    isKnownType(type) {
        return Object.prototype.hasOwnProperty.call(this.cfnCatalog.types, type);
    }
    /** The awscc_ name of a CloudFormation type (the provider's naming rule plus its exceptions). */
    awsccName(cfnType) {
        return this.isKnownType(cfnType) ? this.registryAwsccName(cfnType) : undefined;
    }
    /** The awscc_ name of a type known to exist (the curated content is validated against the catalog). */
    registryAwsccName(cfnType) {
        // SAM and CDK types are expanded before deployment: no Cloud Control
        return NOT_REGISTRY_TYPE.test(cfnType) ? undefined : (0, awscc_1.awsccNameOf)(cfnType, this.awsccExceptions);
    }
    awsccToCfn;
    /** The CloudFormation type an awscc_ name stands for. */
    cfnTypeOfAwscc(awsccType) {
        return this.awsccTypes().get(awsccType);
    }
    /** Every awscc_ name with its CloudFormation type, built at the first awscc_ lookup. */
    awsccTypes() {
        if (!this.awsccToCfn) {
            this.awsccToCfn = new Map();
            for (const type of Object.keys(this.cfnCatalog.types)) {
                const awscc = this.registryAwsccName(type);
                if (awscc)
                    this.awsccToCfn.set(awscc, type);
            }
        }
        return this.awsccToCfn;
    }
    /** A well-known Terraform module (`terraform-aws-modules/vpc/aws`), by its source as written. */
    module(source) {
        return this.modulesBySource.get(source.replace(/^registry\.terraform\.io\//, '').replace(/\/\/.*$/, ''));
    }
    /**
     * The profile of a CloudFormation type, an `aws_` Terraform resource type (or data source, with `dataSource`),
     * or an `awscc_` type; undefined when no catalog holds it.
     */
    profile(type, dataSource = false) {
        const key = dataSource ? `data.${type}` : type;
        let profile = this.profiles.get(key);
        if (!profile) {
            profile = this.buildProfile(type, dataSource);
            if (profile)
                this.profiles.set(key, profile);
        }
        return profile;
    }
    buildProfile(type, dataSource) {
        if (type.startsWith('awscc_'))
            return this.awsccProfile(type, dataSource);
        if (type.startsWith('aws_'))
            return this.tfProfile(type, dataSource);
        const entry = own(this.cfnCatalog.types, type);
        if (!entry || dataSource)
            return undefined;
        const ref = this.byCfnType.get(type);
        // A SAM type no service lists itself takes the split of the type its transform creates.
        const expanded = !ref && entry.expandsTo ? this.profile(entry.expandsTo) : undefined;
        const base = {
            type,
            dialect: 'cfn',
            dataSource: false,
            availability: undefined,
            description: entry.description,
            docsUrl: cfnDocsUrl(type),
            namespace: entry.namespace,
            properties: new Set(entry.properties),
        };
        if (expanded)
            return { ...expanded, ...base, shifts: [], equivalents: [], satellites: [] };
        const service = ref?.service ?? this.serviceByNamespace.get(entry.namespace);
        const awscc = this.registryAwsccName(type);
        const equivalents = [...(ref?.entry.tf ? [ref.entry.tf] : []), ...(awscc ? [awscc] : [])];
        return service ? this.curatedProfile(base, this.serviceDoc(service), ref?.entry, equivalents) : this.generalProfile(base, equivalents);
    }
    tfProfile(type, dataSource) {
        const entry = own(dataSource ? this.tfCatalog.dataSources : this.tfCatalog.resources, type);
        if (!entry)
            return undefined;
        const base = {
            type,
            dialect: 'tf',
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
        if (!service)
            return this.generalProfile(base, equivalents);
        const profile = this.curatedProfile(base, this.serviceDoc(service), owner?.entry, equivalents);
        if (!satellite)
            return profile;
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
    awsccProfile(type, dataSource) {
        const cfnType = this.cfnTypeOfAwscc(type);
        const cfn = cfnType ? this.profile(cfnType) : undefined;
        if (!cfn)
            return undefined;
        return {
            ...cfn,
            type,
            dialect: 'tf',
            dataSource,
            docsUrl: tfDocsUrl('awscc', type, dataSource),
            equivalents: [cfn.type, ...cfn.equivalents.filter((t) => t !== type)],
        };
    }
    curatedProfile(base, service, entry, equivalents) {
        const category = entry?.category_override ? { ...service.category, value: entry.category_override } : service.category;
        // An item with applies_to is shown on the types it names and on their twins in the other language.
        const names = new Set([base.type, entry?.cfn, entry?.tf].filter((name) => Boolean(name)));
        const onThisType = (item) => appliesToType(item.applies_to, names);
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
    generalProfile(base, equivalents) {
        const namespaceEntry = this.namespaceEntries.get(base.namespace);
        const categoryId = namespaceEntry?.category ?? 'abstracted';
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
    namespacesByPrefix;
    /**
     * The namespace an unknown type is written in, with its service and category (`AWS::Lambda::New` and
     * `aws_lambda_new` → AWS Lambda, abstracted), or undefined when the catalogs know no type of that namespace.
     */
    namespaceOf(type) {
        if (!this.namespacesByPrefix) {
            this.namespacesByPrefix = new Map();
            for (const [name, entry] of Object.entries(this.cfnCatalog.types))
                this.namespacesByPrefix.set(name.split('::').slice(0, 2).join('::'), entry.namespace);
            for (const [name, entry] of Object.entries(this.tfCatalog.resources)) {
                const prefix = /^aws_[a-z0-9]+/.exec(name)?.[0];
                if (prefix && !this.namespacesByPrefix.has(prefix))
                    this.namespacesByPrefix.set(prefix, entry.namespace);
            }
        }
        const prefix = type.startsWith('aws_') ? /^aws_[a-z0-9]+/.exec(type)?.[0] : type.split('::').slice(0, 2).join('::');
        const namespace = prefix && type.length > prefix.length + 1 ? this.namespacesByPrefix.get(prefix) : undefined;
        if (!namespace)
            return undefined;
        const curated = this.serviceByNamespace.get(namespace);
        const entry = this.namespaceEntries.get(namespace);
        return {
            namespace,
            service: curated?.name ?? entry?.service ?? namespace,
            category: curated?.category.value ?? entry?.category ?? 'abstracted',
        };
    }
    /** Which catalog a type is looked up in, for messages (`hashicorp/aws 6.66.0`). */
    catalogName(type) {
        return type.startsWith('aws_') ? this.tfCatalog.source : this.cfnCatalog.source.split(' ')[0];
    }
    /**
     * What to tell about a type no catalog holds. A known type this close is what was meant (a typo); otherwise a
     * name in a namespace the catalog knows may be newer than the catalog (with the namespace's service and category);
     * anything else is unknown. Custom resources, registry types and other providers' types are not AWS types.
     */
    unknownType(type, dataSource = false) {
        if (!/^(AWS|Alexa)::|^aws_|^awscc_/.test(type) || this.profile(type, dataSource))
            return undefined;
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
    suggest(type, max = 3) {
        return this.closest(type, max).map((s) => s.type);
    }
    /** The closest known types (data sources with `dataSource`) with their edit distance (case-insensitive), best first. */
    closest(type, max = 3, dataSource = false) {
        const candidates = type.startsWith('aws_')
            ? Object.keys(dataSource ? this.tfCatalog.dataSources : this.tfCatalog.resources)
            : type.startsWith('awscc_')
                ? [...this.awsccTypes().keys()]
                : Object.keys(this.cfnCatalog.types);
        const wanted = type.toLowerCase();
        const limit = Math.max(3, Math.floor(wanted.length / 3));
        const scored = [];
        for (const candidate of candidates) {
            const distance = editDistance(wanted, candidate.toLowerCase(), limit);
            if (distance <= limit)
                scored.push({ type: candidate, distance });
        }
        scored.sort((a, b) => a.distance - b.distance || a.type.localeCompare(b.type));
        return scored.slice(0, max);
    }
}
exports.Knowledge = Knowledge;
function customerItems(service) {
    return Object.values(service.customer).flatMap((entry) => (Array.isArray(entry) ? entry : []));
}
function appliesToType(appliesTo, names) {
    if (!appliesTo)
        return true;
    return [...(appliesTo.cfn ?? []), ...(appliesTo.tf ?? [])].some((type) => names.has(type));
}
function orderedDomains(customer, domains, hidden, shown) {
    return domains.map((domain) => {
        const entry = customer[domain.id];
        if (Array.isArray(entry)) {
            const visible = entry.filter((item) => !hidden.has(item.id) && shown(item));
            return { domain: domain.id, entry: visible };
        }
        return { domain: domain.id, entry };
    });
}
/** A catalog entry by a name written in a template: own properties only, so `constructor` or `__proto__` is no type. */
function own(record, key) {
    return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}
/** The CloudFormation template reference page of a type (the rule of data-sources.md section 1). */
function cfnDocsUrl(type) {
    const [vendor = '', service = '', resource = ''] = type.split('::');
    if (service === 'Serverless') {
        return `https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-${resource.toLowerCase()}.html`;
    }
    const prefix = vendor === 'Alexa' ? 'alexa-resource' : 'aws-resource';
    return `https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/${prefix}-${service.toLowerCase()}-${resource.toLowerCase()}.html`;
}
/** The Terraform Registry page of a resource or data source of the aws or awscc provider. */
function tfDocsUrl(provider, type, dataSource) {
    const name = type.slice(provider.length + 1);
    return `https://registry.terraform.io/providers/hashicorp/${provider}/latest/docs/${dataSource ? 'data-sources' : 'resources'}/${name}`;
}
/** Levenshtein distance, giving up (returning limit + 1) once it must exceed `limit`. */
function editDistance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit)
        return limit + 1;
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        let rowMin = i;
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            const value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
            current.push(value);
            rowMin = Math.min(rowMin, value);
        }
        if (rowMin > limit)
            return limit + 1;
        previous = current;
    }
    return previous[b.length];
}
//# sourceMappingURL=knowledge.js.map