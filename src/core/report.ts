// The JSON shapes of `srm-lens scan` and `srm-lens explain` (docs: ../shared/docs/cli-contract.md), built from
// the core's analysis. Extend them freely; renaming or removing a field needs a new `version`.
import { resourceCategory, viewDuties, viewResource } from './analysis/resourceView';
import type { ShiftOutcome } from './analysis/resourceView';
import type { Knowledge } from './knowledge/knowledge';
import { dutyCounts } from './render/diagramModel';
import type { DutyCounts } from './render/diagramTypes';
import { SRM_PAGE_URL } from './knowledge/knowledge';
import type { Category, DefaultItem, ResponsibilityItem } from './knowledge/types';
import type { Range } from './syntax/lineIndex';
import type { Finding, Rule, SuppressedBy } from './rules/types';
import type { Template, TemplateFormat } from './template/model';

export const REPORT_VERSION = 1;

export interface ResourceReport {
  readonly id: string;
  readonly type: string;
  readonly known: boolean;
  readonly service?: string;
  readonly category?: Category;
  readonly range: Range;
  /** Curated types: the customer's duties by how this template leaves them (met, open, depends, default, set). */
  readonly duties?: DutyCounts;
}

export interface FindingReport {
  readonly ruleId: string;
  readonly severity: 'error' | 'warning' | 'information' | 'hint';
  readonly message: string;
  readonly resource: string;
  readonly domain: string;
  readonly controls: readonly string[];
  readonly matches: Rule['matches'];
  readonly range: Range;
  readonly suppressed?: { readonly by: SuppressedBy; readonly reason: string };
}

export interface FileReport {
  readonly path: string;
  readonly format: TemplateFormat;
  readonly resources: readonly ResourceReport[];
  readonly findings: readonly FindingReport[];
  readonly errors: readonly { readonly message: string; readonly range: Range }[];
}

/** The `files[]` entry of `scan --format json` for one analysed template, with its findings (rules/engine.ts). */
export function fileReport(knowledge: Knowledge, path: string, template: Template, findings: readonly Finding[] = []): FileReport {
  // Modules are not resource types: their resources are reported where the module itself is scanned.
  const resources = template.resources.filter((resource) => resource.kind !== 'module').map((resource): ResourceReport => {
    const known = resourceCategory(knowledge, resource, template);
    const range = template.lines.rangeOf(resource.typeSpan);
    if (!known) return { id: resource.id, type: resource.type, known: false, range };
    const { profile, category } = known;
    const report = { id: resource.id, type: resource.type, known: true, service: profile.service.name, category, range };
    if (!profile.service.curated || profile.dataSource) return report;
    // Counted when read: the JSON output shows the duties, the text output does not, and the view is most of the cost.
    let duties: DutyCounts | undefined;
    return {
      ...report,
      get duties(): DutyCounts {
        duties ??= dutyCounts(viewDuties(knowledge, resource, template, findings)!);
        return duties;
      },
    };
  });
  const errors = template.problems.map((problem) => ({ message: problem.message, range: template.lines.rangeOf(problem.span) }));
  return { path, format: template.format, resources, findings: findings.map((f) => findingReport(knowledge, template, f)), errors };
}

function findingReport(knowledge: Knowledge, template: Template, finding: Finding): FindingReport {
  return {
    ruleId: finding.rule.id,
    severity: finding.severity,
    message: finding.message,
    resource: finding.resource.id,
    domain: knowledge.domain(finding.rule.domain)?.label ?? finding.rule.domain,
    controls: finding.rule.controls,
    matches: finding.rule.matches,
    range: template.lines.rangeOf(finding.span),
    ...(finding.suppressed ? { suppressed: { by: finding.suppressed.by, reason: finding.suppressed.reason } } : {}),
  };
}

export interface ExplainReport {
  readonly version: number;
  readonly type: string;
  readonly service: string;
  readonly category: Category;
  readonly categoryBasis: 'stated' | 'derived';
  readonly curated: boolean;
  readonly description: string;
  readonly equivalents: readonly string[];
  readonly aws: readonly ExplainItem[];
  /** What AWS sets when the template says nothing: not AWS's responsibility; keeping or changing it is yours. */
  readonly defaults: readonly ExplainDefault[];
  readonly customer: readonly ExplainItem[];
  readonly shifts: readonly { readonly when: string; readonly text: string }[];
  readonly runtimeChecks: readonly { readonly control: string; readonly text: string }[];
  readonly docs: readonly string[];
}

interface ExplainItem {
  readonly domain: string;
  readonly text: string;
  readonly basis: 'stated' | 'derived';
  readonly source: string;
  readonly controls?: readonly string[];
}

interface ExplainDefault {
  readonly domain: string;
  readonly text: string;
  readonly since: string;
  readonly basis: 'stated' | 'derived';
  readonly source: string;
  readonly keep?: string;
}

/** `explain --format json`, or undefined for a type the catalog does not hold. */
export function explainReport(knowledge: Knowledge, type: string): ExplainReport | undefined {
  const view = viewResource(knowledge, type);
  if (!view) return undefined;
  const { profile } = view;
  const item = (entry: ResponsibilityItem): ExplainItem => ({
    domain: knowledge.domain(entry.domain)?.label ?? entry.domain,
    text: entry.text,
    basis: entry.basis,
    source: knowledge.source(entry.sources[0]?.ref ?? '')?.url ?? '',
    ...(entry.fsbp && entry.fsbp.length > 0 ? { controls: entry.fsbp } : {}),
  });
  return {
    version: REPORT_VERSION,
    type,
    service: profile.service.name,
    category: view.category,
    categoryBasis: profile.category.basis,
    curated: profile.service.curated,
    description: profile.description,
    equivalents: profile.equivalents,
    aws: view.aws.map(item),
    defaults: view.defaults.map((entry: DefaultItem): ExplainDefault => ({
      domain: knowledge.domain(entry.domain)?.label ?? entry.domain,
      text: entry.text,
      since: entry.since,
      basis: entry.basis,
      source: knowledge.source(entry.sources[0]?.ref ?? '')?.url ?? '',
      ...(entry.keep ? { keep: entry.keep } : {}),
    })),
    customer: view.customer.flatMap(({ items }) => items.map(item)),
    shifts: profile.shifts.flatMap((shift) =>
      shift.states.map((state) => ({ when: `${shift.title}: ${state.label}`, text: shiftStateText(state) })),
    ),
    runtimeChecks: profile.runtimeChecks,
    docs: [profile.docsUrl, ...profile.docs.map((doc) => doc.url), SRM_PAGE_URL],
  };
}

function shiftStateText(state: ShiftOutcome['possible'][number]): string {
  return [state.aws.length > 0 ? `AWS: ${state.aws.join(' ')}` : '', state.customer.length > 0 ? `You: ${state.customer.join(' ')}` : '']
    .filter(Boolean)
    .join(' ');
}
