// The template view: every resource as a row of a matrix (one mark per domain), grouped by category. The groups
// collapse; a filter keeps the resources with findings or open duties; a sort puts the most severe first. One ARIA
// tree: arrow keys move (and show the resource in the diagram), Left/Right collapse and expand a group, Enter or a
// click also reveals the resource in the editor.
import type { DiagramModel, FindingSeverity, ResourceSummary, TemplateGroup } from '../core/render/diagramTypes';
import { append, h } from './dom';
import type { MarkKind } from './marks';
import { cellMark, LEGEND, markElement, MARKS, SEVERITY_ORDER, severityMark } from './marks';

export type SortOrder = 'template' | 'severity';

export interface ListOptions {
  /** Only resources with findings or open duties (the selected one stays, whatever it has). */
  readonly onlyOpen: boolean;
  readonly sort: SortOrder;
  /** Ids of the collapsed groups. */
  readonly collapsed: readonly string[];
}

export interface ListHandlers {
  /** The user picked a resource: `reveal` also moves the editor to it. */
  resource(id: string, reveal: boolean): void;
  /** The filter, the sort or a group's state changed (to keep with the webview's state). */
  options(options: ListOptions): void;
}

/** The columns of the matrix: the customer's domains first, AWS's last, as the diagram stacks them. */
const COLUMNS: readonly string[] = [
  'data', 'iam', 'infrastructure_security', 'networking', 'os_runtime', 'containers_serverless', 'monitoring_logging',
  'application_security', 'hypervisor_virtualization', 'physical_infrastructure',
];

const SEVERITY_WORDS: Readonly<Record<FindingSeverity, [string, string]>> = {
  error: ['error', 'errors'],
  warning: ['warning', 'warnings'],
  information: ['information finding', 'information findings'],
  hint: ['hint', 'hints'],
};

/** Findings (not hints: a hint says a resource relies on an AWS default), open duties or duties a parameter decides. */
function needsAttention(resource: ResourceSummary): boolean {
  return resource.findings.error + resource.findings.warning + resource.findings.information > 0 || resource.counts.open > 0 || resource.counts.depends > 0;
}

/** Most severe first: the worst finding, then the most open duties, then the most left to a parameter. */
function severityOrder(a: ResourceSummary, b: ResourceSummary): number {
  const rank = (r: ResourceSummary) => (r.worst && r.worst !== 'hint' ? SEVERITY_ORDER.indexOf(r.worst) : SEVERITY_ORDER.length);
  return rank(a) - rank(b) || b.counts.open - a.counts.open || b.counts.depends - a.counts.depends;
}

interface Row {
  readonly resource: ResourceSummary;
  readonly element: HTMLElement;
  readonly group: GroupView;
  readonly index: number;
}

interface GroupView {
  readonly group: TemplateGroup;
  readonly element: HTMLElement;
  readonly rowsElement: HTMLElement;
  readonly twisty: HTMLElement;
  readonly count: HTMLElement;
  readonly rows: Row[];
}

export class ResourceList {
  readonly element: HTMLElement;
  private readonly rows: Row[] = [];
  private readonly groups: GroupView[] = [];
  private readonly matrix: HTMLElement | undefined;
  private readonly head: HTMLElement | undefined;
  private readonly shownCount: HTMLElement;
  private readonly emptyNote: HTMLElement;
  private onlyOpen: boolean;
  private sort: SortOrder;
  private readonly collapsed: Set<string>;
  private selectedId: string | undefined;

  constructor(
    model: DiagramModel,
    selectedId: string | undefined,
    options: ListOptions,
    private readonly handlers: ListHandlers,
  ) {
    this.selectedId = selectedId;
    this.onlyOpen = options.onlyOpen;
    this.sort = options.sort;
    this.collapsed = new Set(options.collapsed);
    this.shownCount = h('span', { class: 'shown-count', role: 'status' });
    this.emptyNote = h('p', { class: 'muted list-empty', hidden: true }, 'No resource here has findings or open duties.');

    const labels = new Map<string, { label: string; shortLabel: string }>();
    for (const resource of model.groups.flatMap((g) => g.resources)) for (const cell of resource.domains) labels.set(cell.domain, cell);
    const columns = COLUMNS.filter((id) => labels.has(id));
    const top = h(
      'div',
      { class: 'resources-top' },
      h('h2', { class: 'section-title' }, 'Resources by domain'),
      model.resourceCount > 0 ? this.toolbar() : undefined,
      legend(),
    );
    if (model.groups.length === 0) {
      this.element = h('nav', { class: 'resources', 'aria-label': 'Template view' }, top, h('p', { class: 'muted' }, 'No resources in this file yet.'));
      return;
    }
    this.head = h(
      'div',
      { class: 'matrix-head', 'aria-hidden': 'true' },
      h('span', { class: 'matrix-corner' }, 'Resource'),
      ...columns.map((id) => h('span', { class: 'col-head', title: labels.get(id)!.label }, labels.get(id)!.shortLabel)),
    );
    const tree = h('div', { class: 'tree', role: 'tree', 'aria-label': `Resources in ${model.file.name}` });
    for (const group of model.groups) {
      const view = this.groupView(group);
      this.groups.push(view);
      tree.appendChild(view.element);
      for (const resource of group.resources) {
        const row: Row = { resource, element: resourceRow(resource, columns), group: view, index: this.rows.length };
        row.element.addEventListener('click', () => handlers.resource(resource.id, true));
        view.rows.push(row);
        this.rows.push(row);
      }
    }
    tree.addEventListener('keydown', (event) => this.keydown(event));
    this.matrix = h('div', { class: 'matrix' }, this.head, tree, this.emptyNote);
    this.element = h('nav', { class: 'resources', 'aria-label': 'Template view' }, top, this.matrix);
    this.mark(selectedId);
  }

  /** Every resource the list holds, in the model's order (the filter may hide some). */
  get ids(): string[] {
    return this.rows.map((row) => row.resource.id);
  }

  get options(): ListOptions {
    return { onlyOpen: this.onlyOpen, sort: this.sort, collapsed: [...this.collapsed] };
  }

  /** The id of the focused row, when focus is in the list (to restore it after a redraw). */
  get focusedId(): string | undefined {
    return this.rows.find((row) => row.element === document.activeElement)?.resource.id;
  }

  focus(id: string): void {
    this.rows.find((row) => row.resource.id === id)?.element.focus();
  }

  /** Marks a resource as selected without rebuilding (focus stays put) and scrolls its row into view. */
  select(id: string | undefined): void {
    const row = this.mark(id);
    if (row && !row.element.contains(document.activeElement)) this.scrollIntoView(row.element);
  }

  /** Marks the selected row (aria-selected, in the tab order); a collapsed group holding it opens. */
  private mark(id: string | undefined): Row | undefined {
    this.selectedId = id;
    const row = this.rows.find((r) => r.resource.id === id);
    if (row && this.collapsed.has(row.group.group.id)) {
      this.setCollapsed(row.group, false);
      this.handlers.options(this.options);
    }
    for (const r of this.rows) r.element.setAttribute('aria-selected', r === row ? 'true' : 'false');
    this.arrange();
    return row;
  }

  /** The scroll position of the matrix, to keep across a redraw. */
  get scrollTop(): number {
    return this.matrix?.scrollTop ?? 0;
  }

  set scrollTop(value: number) {
    if (this.matrix) this.matrix.scrollTop = value;
  }

  private toolbar(): HTMLElement {
    const filter = h('input', { type: 'checkbox', id: 'only-open', class: 'checkbox', checked: this.onlyOpen });
    filter.addEventListener('change', () => {
      this.onlyOpen = filter.checked;
      this.changed();
    });
    const sort = h(
      'select',
      { id: 'sort-order', class: 'select' },
      h('option', { value: 'template', selected: this.sort === 'template' }, 'Template order'),
      h('option', { value: 'severity', selected: this.sort === 'severity' }, 'Most severe first'),
    );
    sort.addEventListener('change', () => {
      this.sort = sort.value === 'severity' ? 'severity' : 'template';
      this.changed();
    });
    return h(
      'div',
      { class: 'toolbar' },
      h('span', { class: 'toolbar-item' }, filter, h('label', { for: 'only-open' }, 'Only resources with findings or open duties')),
      h('span', { class: 'toolbar-item' }, h('label', { for: 'sort-order' }, 'Sort'), sort),
      this.shownCount,
    );
  }

  private groupView(group: TemplateGroup): GroupView {
    const open = !this.collapsed.has(group.id);
    const labelId = `group-${group.id}`;
    const twisty = h('span', { class: 'twisty', 'aria-hidden': 'true' }, open ? '▾' : '▸');
    const count = h('span', { class: 'group-count', 'aria-hidden': 'true' }, group.resources.length);
    const rowsElement = h('div', { class: 'group-rows', role: 'group', hidden: !open });
    const heading = h(
      'div',
      { class: 'group-heading' },
      twisty,
      h('span', { class: 'group-label', id: labelId }, group.label),
      count,
      groupTally(group.resources),
      h('span', { class: 'group-hint', title: group.description }, group.description),
    );
    const element = h(
      'div',
      { class: `group group-${group.id}`, role: 'treeitem', 'aria-level': 1, 'aria-expanded': open ? 'true' : 'false', 'aria-label': groupLabel(group), tabindex: -1, 'data-group': group.id },
      heading,
      rowsElement,
    );
    const view: GroupView = { group, element, rowsElement, twisty, count, rows: [] };
    heading.addEventListener('click', () => this.toggle(view));
    return view;
  }

  private toggle(view: GroupView): void {
    this.setCollapsed(view, !this.collapsed.has(view.group.id));
    this.arrange();
    this.handlers.options(this.options);
  }

  private setCollapsed(view: GroupView, collapsed: boolean): void {
    if (collapsed) this.collapsed.add(view.group.id);
    else this.collapsed.delete(view.group.id);
    view.element.setAttribute('aria-expanded', collapsed ? 'false' : 'true');
    view.twisty.textContent = collapsed ? '▸' : '▾';
    if (collapsed) view.rowsElement.setAttribute('hidden', '');
    else view.rowsElement.removeAttribute('hidden');
  }

  private changed(): void {
    this.arrange();
    this.handlers.options(this.options);
  }

  /** Applies the sort and the filter to the rows, and keeps one item in the tab order. */
  private arrange(): void {
    let shown = 0;
    for (const view of this.groups) {
      const rows = this.sort === 'severity' ? [...view.rows].sort((a, b) => severityOrder(a.resource, b.resource) || a.index - b.index) : view.rows;
      this.order(view.rowsElement, rows.map((row) => row.element));
      let visible = 0;
      for (const row of rows) {
        const show = !this.onlyOpen || needsAttention(row.resource) || row.resource.id === this.selectedId;
        if (show) visible++;
        if (show) row.element.removeAttribute('hidden');
        else row.element.setAttribute('hidden', '');
      }
      shown += visible;
      view.count.textContent = visible === view.rows.length ? String(visible) : `${visible} of ${view.rows.length}`;
      if (visible === 0) view.element.setAttribute('hidden', '');
      else view.element.removeAttribute('hidden');
    }
    this.shownCount.textContent = this.onlyOpen ? `${shown} of ${this.rows.length} shown` : '';
    if (shown === 0 && this.rows.length > 0) this.emptyNote.removeAttribute('hidden');
    else this.emptyNote.setAttribute('hidden', '');
    const items = this.visibleItems();
    const focused = items.find((item) => item === document.activeElement);
    const selected = this.rows.find((row) => row.resource.id === this.selectedId && items.includes(row.element))?.element;
    const tabStop = focused ?? selected ?? items[0];
    for (const item of [...this.groups.map((g) => g.element), ...this.rows.map((r) => r.element)]) item.setAttribute('tabindex', item === tabStop ? '0' : '-1');
  }

  /** Puts the rows in this order, moving them only when it changed (a moved element loses focus: it gets it back). */
  private order(parent: HTMLElement, elements: readonly HTMLElement[]): void {
    const current = Array.from(parent.children);
    if (elements.every((element, index) => current[index] === element)) return;
    const focused = document.activeElement as HTMLElement | null;
    for (const element of elements) parent.appendChild(element);
    if (focused && parent.contains(focused) && document.activeElement !== focused) focused.focus();
  }

  /** The tree items a person can reach with the arrow keys, top to bottom. */
  private visibleItems(): HTMLElement[] {
    const items: HTMLElement[] = [];
    for (const view of this.groups) {
      if (view.element.hasAttribute('hidden')) continue;
      items.push(view.element);
      if (this.collapsed.has(view.group.id)) continue;
      for (const child of Array.from(view.rowsElement.children) as HTMLElement[]) if (!child.hasAttribute('hidden')) items.push(child);
    }
    return items;
  }

  private keydown(event: KeyboardEvent): void {
    const items = this.visibleItems();
    const current = items.findIndex((item) => item === document.activeElement);
    const item = items[current];
    const row = this.rows.find((r) => r.element === item);
    const group = this.groups.find((g) => g.element === item);
    const move = (index: number) => {
      const target = items[Math.max(0, Math.min(items.length - 1, index))];
      if (!target) return;
      event.preventDefault();
      for (const other of items) other.setAttribute('tabindex', other === target ? '0' : '-1');
      target.focus();
      const id = target.getAttribute('data-id');
      if (id !== null) this.handlers.resource(id, false);
    };
    switch (event.key) {
      case 'ArrowDown':
        move(current + 1);
        break;
      case 'ArrowUp':
        move(current - 1);
        break;
      case 'Home':
        move(0);
        break;
      case 'End':
        move(items.length - 1);
        break;
      case 'ArrowRight':
        if (group && this.collapsed.has(group.group.id)) {
          event.preventDefault();
          this.toggle(group);
        } else if (group) move(current + 1);
        break;
      case 'ArrowLeft':
        if (group && !this.collapsed.has(group.group.id)) {
          event.preventDefault();
          this.toggle(group);
        } else if (row) move(items.indexOf(row.group.element));
        break;
      case 'Enter':
      case ' ':
        if (row) {
          event.preventDefault();
          this.handlers.resource(row.resource.id, true);
        } else if (group) {
          event.preventDefault();
          this.toggle(group);
        }
        break;
    }
  }

  /**
   * Scrolls the matrix so that the row sits below the sticky column headers. Never the page: in a panel too short
   * for panes, the details above the list stay where they are (focus scrolls a row the keyboard reaches).
   */
  private scrollIntoView(row: HTMLElement): void {
    const matrix = this.matrix;
    if (!matrix || row.hasAttribute('hidden') || matrix.scrollHeight <= matrix.clientHeight) return;
    const box = matrix.getBoundingClientRect();
    const target = row.getBoundingClientRect();
    const top = box.top + (this.head?.offsetHeight ?? 0);
    if (target.top < top) matrix.scrollTop -= top - target.top;
    else if (target.bottom > box.bottom) matrix.scrollTop += target.bottom - box.bottom;
  }
}

function groupLabel(group: TemplateGroup): string {
  const findings = tallyOf(group.resources);
  const spoken = SEVERITY_ORDER.filter((s) => s !== 'hint' && findings[s] > 0).map((s) => `${findings[s]} ${SEVERITY_WORDS[s][findings[s] === 1 ? 0 : 1]}`);
  const count = group.resources.length;
  return `${group.label}: ${count} ${count === 1 ? 'resource' : 'resources'}${spoken.length ? `, ${spoken.join(', ')}` : ''}`;
}

function tallyOf(resources: readonly ResourceSummary[]): Record<FindingSeverity, number> {
  const sum = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const resource of resources) for (const severity of SEVERITY_ORDER) sum[severity] += resource.findings[severity];
  return sum;
}

/** The findings of some resources as marks with counts ("✗ 2 ⚠ 1"); hints are left out. */
function findingTally(findings: Readonly<Record<FindingSeverity, number>>, className: string): HTMLElement | undefined {
  const parts = SEVERITY_ORDER.filter((s) => s !== 'hint' && findings[s] > 0);
  if (parts.length === 0) return undefined;
  return h('span', { class: className, 'aria-hidden': 'true' }, ...parts.map((s) => markElement(severityMark(s), String(findings[s]))));
}

function groupTally(resources: readonly ResourceSummary[]): HTMLElement | undefined {
  return findingTally(tallyOf(resources), 'group-tally');
}

function legend(): HTMLElement {
  return h(
    'ul',
    { class: 'legend', 'aria-label': 'Legend' },
    ...LEGEND.map((kind: MarkKind) => h('li', { class: 'legend-entry', title: MARKS[kind].text }, markElement(MARKS[kind]), ` ${MARKS[kind].short}`)),
  );
}

function resourceRow(resource: ResourceSummary, columns: readonly string[]): HTMLElement {
  const byMark = new Map<string, string[]>();
  // A summary's cells do not say which severity their findings have (only the selected resource's items do).
  const marks = new Map(resource.domains.map((cell) => [cell.domain, cellMark(cell, cell.worst)]));
  for (const cell of resource.domains) {
    const text = marks.get(cell.domain)!.text;
    byMark.set(text, [...(byMark.get(text) ?? []), cell.label]);
  }
  const order = new Map<string, number>(LEGEND.map((kind, index) => [MARKS[kind].text, index]));
  const spoken = [...byMark].sort((a, b) => (order.get(a[0]) ?? 0) - (order.get(b[0]) ?? 0)).map(([text, labels]) => `${text}: ${labels.join(', ')}`);
  const findings = SEVERITY_ORDER.filter((s) => s !== 'hint' && resource.findings[s] > 0).map((s) => `${resource.findings[s]} ${SEVERITY_WORDS[s][resource.findings[s] === 1 ? 0 : 1]}`);
  const described = resource.service ? `${resource.type} · ${resource.service}` : resource.type;
  const row = h(
    'div',
    {
      class: 'option',
      role: 'treeitem',
      'aria-level': 2,
      'data-id': resource.id,
      'aria-selected': 'false',
      'aria-label': [
        `${resource.id}, ${resource.type}, ${resource.service ?? resource.categoryLabel}, line ${resource.line + 1}`,
        findings.length ? findings.join(', ') : '',
        ...spoken,
      ].filter(Boolean).join('. ') + '.',
      tabindex: -1,
    },
    h(
      'span',
      { class: 'option-name' },
      h('span', { class: 'option-id', title: resource.id }, resource.id),
      h('span', { class: 'option-line' }, h('span', { class: 'option-type', title: described }, resource.type), findingTally(resource.findings, 'option-tally')),
    ),
  );
  const cells = new Map(resource.domains.map((cell) => [cell.domain, cell]));
  for (const id of columns) {
    const cell = cells.get(id);
    const mark = cell ? marks.get(id)! : undefined;
    append(
      row,
      cell && mark
        ? h('span', { class: `cell mark-${mark.kind}`, title: cell.text, 'data-label': cell.shortLabel, 'aria-hidden': 'true' }, mark.icon)
        : h('span', { class: 'cell', 'aria-hidden': 'true' }),
    );
  }
  if (resource.domains.length === 0) append(row, h('span', { class: 'option-note' }, resource.categoryLabel));
  return row;
}

