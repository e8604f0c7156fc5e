import type { ResourceView, ShiftOutcome } from '../analysis/resourceView';
import type { Knowledge } from '../knowledge/knowledge';
import { SRM_PAGE_URL } from '../knowledge/knowledge';
import type { Category, DefaultItem, ResponsibilityItem } from '../knowledge/types';
import type { Finding, Severity } from '../rules/types';
import { severityRank } from '../rules/types';

const CATEGORY_LABEL: Record<Category, string> = {
  infrastructure: 'infrastructure service',
  container: 'container service (managed platform)',
  abstracted: 'abstracted service',
};

const SEVERITY_MARK: Record<Severity, string> = { error: '✗ error', warning: '⚠ warning', information: 'ℹ info', hint: '▣ AWS default' };

/** How many general lines (the split of every resource of the type) a hover on a resource shows before a link. */
const GENERAL_LINES = 3;

export interface HoverOptions {
  /**
   * Where "…and N more" leads: a link to the diagram on this resource (the editor gives a command link). Without
   * one (the CLI), nothing is shortened.
   */
  readonly moreLink?: string;
}

/**
 * This resource in this template, most severe first: the rules' findings, the duties it leaves open or to a
 * parameter, the AWS defaults it relies on, then what it configures well (a rule passes) and what it sets that no
 * rule judges. Suppressed findings last, with who suppressed them.
 */
function templateLines(knowledge: Knowledge, view: ResourceView, findings: readonly Finding[]): string[] {
  const label = (domain: string) => knowledge.domain(domain as never)?.short_label ?? domain;
  const ruleRef = (finding: Finding) => `\`${finding.rule.id}\`${finding.rule.controls.length > 0 ? ` · ${finding.rule.controls.join(', ')}` : ''}`;
  // The findings given (settings and suppressions applied), and those of rules judging this resource's duties.
  const judged = [...view.evidence.values()].flatMap((status) => (status.finding && status.state !== 'undecided' ? [status.finding] : []));
  const known = new Set(findings.map((f) => `${f.rule.id}@${f.span.start}`));
  const all = [...findings, ...judged.filter((f) => !known.has(`${f.rule.id}@${f.span.start}`) && f.resource === view.resource)];
  const active = all.filter((f) => !f.suppressed);
  const items = view.customer.flatMap(({ domain, items: list }) => list.map((item) => ({ domain, item, state: view.evidence.get(item.id)?.state })));
  // A finding on a duty of the service carries that duty's source, like every other line.
  const dutySource = (finding: Finding) => {
    const duty = items.find((entry) => entry.item.id === finding.rule.responsibility_item)?.item;
    return duty ? itemSuffix(knowledge, view, duty) : '';
  };
  const ranked = (wanted: (f: Finding) => boolean) =>
    active
      .filter(wanted)
      .sort((a, b) => severityRank(b.severity) - severityRank(a.severity))
      .map((f) => `- **${SEVERITY_MARK[f.severity]}** · ${label(f.rule.domain)}: ${f.message} (${ruleRef(f)})${dutySource(f)}`);
  const itemLines = (state: string, render: (item: ResponsibilityItem, domain: string) => string) =>
    items.filter((entry) => entry.state === state && !view.conditional.has(entry.item.id)).map(({ item, domain }) => render(item, domain));
  const lines = [
    ...ranked((f) => f.severity !== 'hint'),
    ...itemLines('not_set', (item, domain) => `- **○ open** · ${label(domain)}: ${item.text} — not addressed in this template${itemSuffix(knowledge, view, item)}`),
    ...items
      .filter((entry) => entry.state === 'undecided' || view.conditional.has(entry.item.id))
      .map(({ item, domain }) => {
        const status = view.evidence.get(item.id);
        const because = view.conditional.get(item.id) ?? status?.finding?.message ?? `\`${status?.path ?? ''}\` depends on ${status?.because ?? 'a parameter'}`;
        return `- **? depends** · ${label(domain)}: ${item.text} — ${escapeMarkdown(because)}${itemSuffix(knowledge, view, item)}`;
      }),
    ...ranked((f) => f.severity === 'hint'),
    ...itemLines('met', (item, domain) => `- **✓ met** · ${label(domain)}: ${item.text} (\`${view.evidence.get(item.id)?.rule ?? ''}\` passes)${itemSuffix(knowledge, view, item)}`),
    ...itemLines('set', (item, domain) => `- **◇ set** · ${label(domain)}: ${item.text} — \`${view.evidence.get(item.id)?.path ?? ''}\` set here, not checked by a rule${itemSuffix(knowledge, view, item)}`),
    ...all.filter((f) => f.suppressed).map((f) => {
      const reason = f.suppressed!.reason ? `: ${escapeMarkdown(f.suppressed!.reason)}` : '';
      return `- *suppressed (${f.suppressed!.by}${reason})*: ${f.rule.title} (${ruleRef(f)})`;
    }),
  ];
  return ['**In this template**', ...(lines.length > 0 ? lines : ['- Nothing here that a template can show: the duties below are yours beyond it.'])];
}

/** Escapes text from a template (logical IDs, values) so Markdown shows it literally. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (ch) => `\\${ch}`);
}

/**
 * The hover for a resource type, as Markdown: service and category, what AWS secures, what you secure by
 * domain (with what this resource configures), the shifts its configuration causes, and links. Also what
 * `srm-lens explain` prints. Compact on purpose: details live behind the links.
 */
export function renderHoverMarkdown(knowledge: Knowledge, view: ResourceView, findings: readonly Finding[] = [], options: HoverOptions = {}): string {
  const { profile } = view;
  const out: string[] = [];
  const categoryText = view.categoryShift?.state
    ? `${CATEGORY_LABEL[view.category]} as configured (${shortLabel(view.categoryShift.state.label)})`
    : CATEGORY_LABEL[view.category] + (profile.category.basis === 'derived' ? ' (our classification)' : '');
  out.push(`**${profile.service.name}** · \`${profile.type}\` · ${categoryText}`);
  out.push('');
  if (profile.availability) out.push(availabilityLine(knowledge, profile.availability), '');
  // A resource in a template: what this template leaves open comes first, the part of the hover only it has; the
  // general split of the type follows, shortened when there is a link to the diagram.
  const inTemplate = view.resource !== undefined && !profile.dataSource && profile.service.curated && !profile.satelliteOf;
  const shorten = inTemplate && options.moreLink !== undefined;
  const more = (count: number, what: string) => `- …and ${count} more ${what} [in the diagram](${options.moreLink})`;
  if (inTemplate) out.push(...templateLines(knowledge, view, findings), '');
  else if (view.resource && findings.some((f) => !f.suppressed)) out.push(...templateLines(knowledge, view, findings).filter((line) => !line.startsWith('- Nothing')), '');
  if (profile.dataSource) {
    out.push(`**Data source**: reads an existing ${profile.service.name} resource and creates or changes nothing. The duties below belong to whoever manages that resource.`);
    out.push('', linksLine(view));
    return out.join('\n');
  }
  if (!profile.service.curated) {
    out.push(`${profile.description}`);
    out.push('');
    out.push(`*Not curated yet: this is the general split for an ${CATEGORY_LABEL[view.category]}.* ${profile.summary}`);
  } else {
    out.push(profile.summary);
  }
  out.push('');

  out.push('**AWS secures** (security *of* the cloud)');
  const awsShown = shorten ? view.aws.slice(0, GENERAL_LINES) : view.aws;
  for (const item of awsShown) out.push(`- ${item.text}${itemSuffix(knowledge, view, item)}`);
  if (awsShown.length < view.aws.length) out.push(more(view.aws.length - awsShown.length, 'of AWS\'s side'));
  out.push('');

  if (view.defaults.length > 0) {
    out.push(`**AWS defaults** (${DEFAULTS_NOTE})`);
    for (const item of view.defaults) out.push(`- *Since ${item.since}:* ${item.text}${defaultStatusText(view, item)}${itemSuffix(knowledge, view, item)}`);
    out.push('');
  }

  out.push('**You secure** (security *in* the cloud)');
  // Items this template has a state for are listed above; here, the rest of the customer's side.
  const general = view.customer.flatMap(({ domain, items }) =>
    items.filter((item) => !inTemplate || !view.evidence.has(item.id)).map((item) => ({ domain, item })),
  );
  const emphasized = profile.emphasize;
  const listed = general.filter(({ item }) => emphasized.size === 0 || emphasized.has(item.id));
  const shown = shorten ? listed.slice(0, GENERAL_LINES) : listed;
  for (const { domain, item } of shown) {
    const label = knowledge.domain(domain)?.short_label ?? domain;
    out.push(`- **${label}**: ${item.text}${inTemplate ? '' : evidenceText(view, item)}${itemSuffix(knowledge, view, item)}`);
  }
  if (general.length > shown.length) {
    const whose = profile.satelliteOf ? `of its \`${profile.satelliteOf.parent}\`` : `of ${profile.service.name}`;
    if (options.moreLink) out.push(more(general.length - shown.length, `duties ${whose}`));
    else out.push(`- …and ${general.length - shown.length} more duties ${whose}, shown on its own hover`);
  }
  const notYours = notYoursLine(knowledge, view);
  if (notYours) out.push('', notYours);

  const shiftLines = view.shifts.map((outcome) => shiftLine(outcome)).filter((line): line is string => line !== undefined);
  if (shiftLines.length > 0) {
    out.push('', '**This resource as written**');
    out.push(...shiftLines);
  } else if (!view.resource && profile.shifts.length > 0) {
    out.push('', '**What moves the line**');
    for (const shift of profile.shifts) out.push(`- *${shift.title}*: ${shift.states.map((s) => s.label).join(' · ')}`);
  }

  if (profile.runtimeChecks.length > 0) {
    const controls = profile.runtimeChecks.map((check) => check.control).join(', ');
    out.push('', `*Checked only at runtime by Security Hub (a template cannot prove them): ${controls}.*`);
  }

  if (profile.equivalents.length > 0) out.push('', `Also written as ${profile.equivalents.map((t) => `\`${t}\``).join(' · ')}.`);
  out.push('', linksLine(view));
  return out.join('\n');
}

/** What a default is and whose it is, said once above the list of defaults (hover, report). */
export const DEFAULTS_NOTE = 'what AWS sets when the template says nothing; keeping or changing it is yours';

function defaultStatusText(view: ResourceView, item: DefaultItem): string {
  const status = view.defaultStatus.get(item.id);
  if (!status) return '';
  if (status.state === 'relied_on') return ' — relied on here';
  if (status.state === 'replaced') return ` — \`${status.path}\` set here instead`;
  return ` — ? \`${status.path}\` depends on ${escapeMarkdown(status.because ?? 'a parameter')}`;
}

/** A state label without its parenthesised detail, for the one-line header. */
function shortLabel(label: string): string {
  return label.replace(/\s*\(.*\)\s*$/, '');
}

function itemSuffix(knowledge: Knowledge, view: ResourceView, item: ResponsibilityItem | DefaultItem): string {
  const source = item.sources[0] ? knowledge.source(item.sources[0].ref) : undefined;
  // Derived items name the Security Hub controls they are read from; for stated ones the controls go in the tooltip.
  const fsbp = 'fsbp' in item ? item.fsbp : undefined;
  const controls = fsbp && fsbp.length > 0 ? fsbp.join(', ') : '';
  const label = item.basis === 'stated' ? 'AWS' : `derived${controls ? ` · ${controls}` : ''}`;
  const checkedBy = controls && item.basis === 'stated' ? ` (Security Hub: ${controls})` : '';
  const keep = 'keep' in item && item.keep ? ` — ${item.keep}` : '';
  const title = (item.basis === 'stated' ? `AWS states this: ${source?.title ?? ''}${checkedBy}` : `Our reading, derived from: ${source?.title ?? ''}`) + keep;
  const link = source ? ` [${label}](${source.url} "${title.replace(/"/g, "'")}")` : ` *(${label})*`;
  const conditional = view.conditional.get(item.id);
  return `${conditional ? ` *(depends on ${escapeMarkdown(conditional)})*` : ''}${link}`;
}

/** The state of an item on a resource that is not curated in full (the general split): same markers as above. */
function evidenceText(view: ResourceView, item: ResponsibilityItem): string {
  const status = view.evidence.get(item.id);
  if (!status) return '';
  switch (status.state) {
    case 'met': return ` — ✓ met (\`${status.rule ?? ''}\` passes)`;
    case 'finding': return ` — ${SEVERITY_MARK[status.finding?.severity ?? 'warning']}: ${status.finding?.message ?? ''}`;
    case 'default': return ' — ▣ relies on an AWS default';
    case 'set': return ` — ◇ \`${status.path}\` set here, not checked by a rule`;
    case 'undecided': return ` — ? \`${status.path ?? ''}\` depends on ${escapeMarkdown(status.because ?? 'a parameter')}`;
    default: return ' — ○ not set in this template';
  }
}

function notYoursLine(knowledge: Knowledge, view: ResourceView): string | undefined {
  const awsOnly: string[] = [];
  const notApplicable: string[] = [];
  for (const { domain, marker } of view.customer) {
    const label = knowledge.domain(domain)?.short_label ?? domain;
    if (!marker) continue;
    if ('awsOnly' in marker) awsOnly.push(label);
    else notApplicable.push(label);
  }
  const parts: string[] = [];
  if (awsOnly.length > 0) parts.push(`AWS alone: ${awsOnly.join(', ')}`);
  if (notApplicable.length > 0) parts.push(`not applicable: ${notApplicable.join(', ')}`);
  return parts.length > 0 ? `*${parts.join(' · ')}.*` : undefined;
}

function shiftLine(outcome: ShiftOutcome): string | undefined {
  const { shift, state } = outcome;
  if (state) {
    const aws = state.aws.length > 0 ? ` AWS: ${state.aws.join(' ')}` : '';
    const you = state.customer.length > 0 ? ` You: ${state.customer.join(' ')}` : '';
    return `- *${shift.title}*: **${state.label}**.${aws}${you}`;
  }
  if (outcome.possible.length > 0) {
    const because = outcome.because ? escapeMarkdown(outcome.because) : 'a value the template does not fix';
    return `- *${shift.title}*: depends on ${because}: ${outcome.possible.map((s) => `**${s.label}**`).join(' or ')}.`;
  }
  return undefined;
}

function linksLine(view: ResourceView): string {
  const { profile } = view;
  const links = [`[${profile.type} reference](${profile.docsUrl})`];
  for (const doc of profile.docs.slice(0, 2)) links.push(`[${doc.title}](${doc.url})`);
  links.push(`[Shared Responsibility Model](${SRM_PAGE_URL})`);
  return links.join(' · ');
}

/** Which provider version a Terraform type needs, when a configuration pinned to another major version lacks it. */
function availabilityLine(knowledge: Knowledge, availability: string): string {
  return `*Provider version: ${availability}. This catalog follows ${knowledge.tfProviderVersion}.*`;
}

/**
 * The hover on an AWS type no catalog holds (as the diagnostics class it): a typo gets "did you mean"; a new name
 * in a known namespace may be newer than the catalog, and shows that namespace's service and category. Undefined
 * for types that are not AWS's (custom resources, other providers).
 */
export function renderUnknownTypeMarkdown(knowledge: Knowledge, type: string, dataSource = false): string | undefined {
  const unknown = knowledge.unknownType(type, dataSource);
  if (!unknown) return undefined;
  const code = (text: string) => `\`${text.replace(/`/g, "'")}\``; // a code span shows the name as written
  const closest = unknown.closest.map(code).join(', ');
  if (unknown.typoOf) return `**Unknown resource type** ${code(type)}: not in the catalog (${unknown.catalog}). Did you mean ${code(unknown.typoOf)}?`;
  if (unknown.namespace) {
    const { service, category } = unknown.namespace;
    return [
      `**${service}** · ${code(type)} · ${CATEGORY_LABEL[category]} (its namespace's)`,
      '',
      `Not in the catalog (${unknown.catalog}): newer than this version, or a typo${closest ? ` of ${closest}` : ''}.`,
    ].join('\n');
  }
  return `**Unknown resource type** ${code(type)}: not in the catalog (${unknown.catalog}).${closest ? ` Closest known: ${closest}.` : ''}`;
}

/** The hover on a Terraform `module` block: which resource types a well-known module creates, by service. */
export function renderModuleMarkdown(knowledge: Knowledge, source: string): string | undefined {
  const module = knowledge.module(source);
  if (!module) {
    if (!source) return undefined;
    return `**Terraform module** \`${escapeMarkdown(source)}\`: not one of the well-known modules this extension knows, so the resources it creates are not shown. Their responsibilities are yours as if you had written them here.`;
  }
  const byService = new Map<string, string[]>();
  for (const type of module.creates) {
    const profile = knowledge.profile(type);
    const label = profile ? `${profile.service.name} (${profile.category.value})` : 'Other';
    byService.set(label, [...(byService.get(label) ?? []), `\`${type}\``]);
  }
  const lines = [
    `**Terraform module** \`${module.source}\` (${module.name}) · creates resources whose security *in* the cloud stays yours`,
    '',
    ...[...byService].map(([service, types]) => `- **${service}**: ${types.join(', ')}`),
  ];
  if (module.note) lines.push('', `*${module.note}*`);
  lines.push('', `[${module.name} module](${module.url}) · [Shared Responsibility Model](${SRM_PAGE_URL})`);
  return lines.join('\n');
}
