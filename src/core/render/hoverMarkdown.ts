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

const SEVERITY_MARK: Record<Severity, string> = { error: '✗ error', warning: '⚠ warning', information: 'ℹ info', hint: '· AWS default' };

/** The findings of the rules on this resource, most severe first; suppressed ones say who suppressed them. */
function findingLines(knowledge: Knowledge, findings: readonly Finding[]): string[] {
  const sorted = [...findings].sort((a, b) => Number(Boolean(a.suppressed)) - Number(Boolean(b.suppressed)) || severityRank(b.severity) - severityRank(a.severity));
  const lines = ['**In this template**'];
  for (const finding of sorted) {
    const domain = knowledge.domain(finding.rule.domain)?.short_label ?? finding.rule.domain;
    const controls = finding.rule.controls.length > 0 ? ` · ${finding.rule.controls.join(', ')}` : '';
    const where = `\`${finding.rule.id}\`${controls}`;
    if (finding.suppressed) {
      const reason = finding.suppressed.reason ? `: ${escapeMarkdown(finding.suppressed.reason)}` : '';
      lines.push(`- *suppressed (${finding.suppressed.by}${reason})*: ${finding.rule.title} (${where})`);
    } else {
      lines.push(`- **${SEVERITY_MARK[finding.severity]}** · ${domain}: ${finding.message} (${where})`);
    }
  }
  return lines;
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
export function renderHoverMarkdown(knowledge: Knowledge, view: ResourceView, findings: readonly Finding[] = []): string {
  const { profile } = view;
  const out: string[] = [];
  const categoryText = view.categoryShift?.state
    ? `${CATEGORY_LABEL[view.category]} as configured (${shortLabel(view.categoryShift.state.label)})`
    : CATEGORY_LABEL[view.category] + (profile.category.basis === 'derived' ? ' (our classification)' : '');
  out.push(`**${profile.service.name}** · \`${profile.type}\` · ${categoryText}`);
  out.push('');
  // What this template leaves open comes first: the part of the hover only this resource has.
  if (findings.length > 0) out.push(...findingLines(knowledge, findings), '');
  if (profile.availability) out.push(`*Not in the pinned AWS provider (${knowledge.tfProviderVersion}): ${profile.availability}.*`, '');
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
  for (const item of view.aws) out.push(`- ${item.text}${itemSuffix(knowledge, view, item)}`);
  out.push('');

  if (view.defaults.length > 0) {
    out.push(`**AWS defaults** (${DEFAULTS_NOTE})`);
    for (const item of view.defaults) out.push(`- ${item.text} (since ${item.since})${defaultStatusText(view, item)}${itemSuffix(knowledge, view, item)}`);
    out.push('');
  }

  out.push('**You secure** (security *in* the cloud)');
  const emphasized = profile.emphasize;
  let omitted = 0;
  for (const { domain, items } of view.customer) {
    const label = knowledge.domain(domain)?.short_label ?? domain;
    for (const item of items) {
      if (emphasized.size > 0 && !emphasized.has(item.id)) {
        omitted++;
        continue;
      }
      out.push(`- **${label}**: ${item.text}${evidenceText(view, item)}${itemSuffix(knowledge, view, item)}`);
    }
  }
  if (omitted > 0) {
    const whose = profile.satelliteOf ? `its \`${profile.satelliteOf.parent}\`` : profile.service.name;
    out.push(`- …and ${omitted} more duties of ${whose} (\`srm-lens explain ${profile.satelliteOf?.parent ?? profile.type}\` lists them)`);
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
  const keep = 'keep' in item && item.keep ? ` ${item.keep}` : '';
  const title = (item.basis === 'stated' ? `AWS states this: ${source?.title ?? ''}${checkedBy}` : `Our reading, derived from: ${source?.title ?? ''}`) + keep;
  const link = source ? ` [${label}](${source.url} "${title.replace(/"/g, "'")}")` : ` *(${label})*`;
  const conditional = view.conditional.get(item.id);
  return `${conditional ? ` *(depends on ${escapeMarkdown(conditional)})*` : ''}${link}`;
}

function evidenceText(view: ResourceView, item: ResponsibilityItem): string {
  const status = view.evidence.get(item.id);
  if (!status) return '';
  if (status.state === 'configured') return ` — ✓ \`${status.path}\` set here`;
  if (status.state === 'undecided') return ` — ? \`${status.path}\` depends on ${escapeMarkdown(status.because ?? 'a parameter')}`;
  return ' — ○ not set in this template';
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

/** The hover on an `AWS::` type the catalog does not hold (usually a typo), or undefined for custom types. */
export function renderUnknownTypeMarkdown(knowledge: Knowledge, type: string): string | undefined {
  if (!/^(AWS|Alexa)::/.test(type)) return undefined;
  const suggestions = knowledge.suggest(type);
  const hint = suggestions.length > 0 ? ` Did you mean ${suggestions.map((s) => `\`${s}\``).join(', ')}?` : '';
  return `**Unknown resource type** \`${escapeMarkdown(type)}\`: it is not among the ${knowledge.cfnTypeCount} CloudFormation types this extension knows.${hint}`;
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
