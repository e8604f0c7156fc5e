// The marks of the diagram: one symbol per state of a duty or a domain, each with a class (media/diagram.css
// colours it) and a sentence for tooltips, the legend and screen readers. Shapes differ, so colour is never the
// only difference.
import type { DiagramEvidence, DiagramItem, DomainCell, DomainStatus, FindingSeverity } from '../core/render/diagramTypes';
import { h } from './dom';

export type MarkKind = 'error' | 'warning' | 'information' | 'open' | 'depends' | 'default' | 'met' | 'set' | 'customer' | 'aws' | 'na';

export interface Mark {
  readonly kind: MarkKind;
  readonly icon: string;
  /** What the mark says, for tooltips and screen readers. */
  readonly text: string;
  /** The same, as short as the legend needs it. */
  readonly short: string;
}

export const MARKS: Readonly<Record<MarkKind, Mark>> = {
  error: { kind: 'error', icon: '✗', text: 'error found by a rule', short: 'error' },
  warning: { kind: 'warning', icon: '⚠', text: 'warning found by a rule', short: 'warning' },
  information: { kind: 'information', icon: '!', text: 'worth a look, says a rule', short: 'worth a look' },
  open: { kind: 'open', icon: '○', text: 'not addressed in this template', short: 'not addressed' },
  depends: { kind: 'depends', icon: '?', text: 'depends on a parameter or variable', short: 'depends on a parameter' },
  default: { kind: 'default', icon: '◇', text: 'relies on an AWS default', short: 'AWS default' },
  met: { kind: 'met', icon: '✓', text: 'met: a rule checks it and it passes', short: 'met (a rule passes)' },
  set: { kind: 'set', icon: '✎', text: 'set here, no rule judges it', short: 'set, not judged' },
  customer: { kind: 'customer', icon: '•', text: 'yours, beyond what a template shows', short: 'yours beyond the template' },
  aws: { kind: 'aws', icon: '▲', text: "AWS's", short: "AWS's" },
  na: { kind: 'na', icon: '–', text: 'not applicable', short: 'not applicable' },
};

/** The legend, most in need of attention first. */
export const LEGEND: readonly MarkKind[] = ['error', 'warning', 'information', 'open', 'depends', 'default', 'met', 'set', 'customer', 'aws', 'na'];

export const SEVERITY_ORDER: readonly FindingSeverity[] = ['error', 'warning', 'information', 'hint'];

/** A rule's finding by severity; a hint is how the rules say "relies on an AWS default". */
export function severityMark(severity: FindingSeverity): Mark {
  return severity === 'hint' ? MARKS.default : MARKS[severity];
}

const STATUS_MARK: Readonly<Record<Exclude<DomainStatus, 'finding'>, MarkKind>> = {
  unaddressed: 'open',
  undecidable: 'depends',
  default: 'default',
  met: 'met',
  set: 'set',
  customer: 'customer',
  aws: 'aws',
  not_applicable: 'na',
};

/** The mark of a domain cell; a cell with a finding shows the finding's severity (the worst), ⚠ when unknown. */
export function cellMark(cell: DomainCell, severity: FindingSeverity | undefined): Mark {
  if (cell.status === 'finding') return severityMark(severity ?? 'warning');
  return MARKS[STATUS_MARK[cell.status]];
}

/** The mark of an item's evidence in this template. */
export function evidenceMark(evidence: DiagramEvidence): Mark {
  switch (evidence.state) {
    case 'finding':
      return severityMark(evidence.finding?.severity ?? 'warning');
    case 'not_set':
      return MARKS.open;
    case 'undecided':
      return MARKS.depends;
    case 'default':
      return MARKS.default;
    case 'met':
      return MARKS.met;
    case 'set':
      return MARKS.set;
  }
}

/** The worst severity of the unsuppressed findings on these items, or undefined. */
export function worstSeverity(items: readonly DiagramItem[]): FindingSeverity | undefined {
  const found = new Set(items.flatMap((item) => (item.evidence?.state === 'finding' && item.evidence.finding && !item.evidence.finding.suppressed ? [item.evidence.finding.severity] : [])));
  return SEVERITY_ORDER.find((severity) => found.has(severity));
}

/** A mark as an element: its symbol in its colour (hidden from screen readers), then text (a count, or words). */
export function markElement(mark: Mark, after?: string): HTMLElement {
  return h('span', { class: `mark mark-${mark.kind}` }, h('span', { class: 'mark-icon', 'aria-hidden': 'true' }, mark.icon), after !== undefined ? ` ${after}` : undefined);
}
