// Builds the diagram's DOM from the model the host sends. Browser-only; text only through dom.ts.
import type {
  DiagramDefault, DiagramItem, DiagramLayer, DiagramLink, DiagramModel, DiagramShift, DomainCell, DomainStatus, LayerOwner,
  ModelLayer, ResourceDiagram, ResourceSummary,
} from '../core/render/diagramTypes';
import { append, h, isSafeUrl } from './dom';

export const OWNER_TEXT: Record<LayerOwner, string> = { aws: 'AWS', customer: 'You', shared: 'Shared', none: 'Not listed' };
const OWNER_LONG: Record<LayerOwner, string> = {
  aws: "AWS's responsibility",
  customer: 'your responsibility',
  shared: 'shared between AWS and you',
  none: 'nothing listed for this service',
};

export const STATUS: Record<DomainStatus, { icon: string; text: string }> = {
  unaddressed: { icon: '○', text: 'not addressed in this template' },
  undecidable: { icon: '?', text: 'depends on a parameter or variable' },
  configured: { icon: '✓', text: 'configured in this template' },
  customer: { icon: '•', text: 'yours, beyond what a template shows' },
  aws: { icon: '▲', text: "AWS's" },
  not_applicable: { icon: '–', text: 'not applicable' },
};

const STATUS_ORDER: readonly DomainStatus[] = ['unaddressed', 'undecidable', 'configured', 'customer', 'aws', 'not_applicable'];

export interface ViewHandlers {
  /** The user picked a resource in the list: `reveal` also moves the editor to it. */
  resource(id: string, reveal: boolean): void;
  link(url: string): void;
  exportReport(): void;
  toggleLayer(id: string, expanded: boolean): void;
}

/** The page header: file, format, resource count and the export button. */
export function header(model: DiagramModel | undefined, handlers: ViewHandlers): HTMLElement {
  const title = h('h1', { class: 'title' }, 'Shared responsibility');
  const meta = model
    ? h('p', { class: 'title-meta' },
        h('span', { class: 'title-file' }, model.file.name),
        ` · ${model.file.formatLabel} · ${model.resourceCount} ${model.resourceCount === 1 ? 'resource' : 'resources'}`,
      )
    : undefined;
  const exportButton = model
    ? h('button', { class: 'button', type: 'button', title: 'Write a Markdown report of this template (per resource: category, AWS’s side, your side, what is not addressed)' }, 'Export report')
    : undefined;
  exportButton?.addEventListener('click', () => handlers.exportReport());
  return h('header', { class: 'bar' }, h('div', { class: 'bar-text' }, title, meta), exportButton);
}

/** The columns of the template view: the customer's domains first, AWS's last, as the diagram stacks them. */
const COLUMNS: readonly string[] = [
  'data', 'iam', 'infrastructure_security', 'networking', 'os_runtime', 'containers_serverless', 'monitoring_logging',
  'application_security', 'hypervisor_virtualization', 'physical_infrastructure',
];

/**
 * The template view: every resource as a row of a matrix, grouped by category, with one status cell per domain.
 * One listbox: arrow keys move (and show the resource in the diagram), Enter or a click also reveals it.
 */
export function resourceList(model: DiagramModel, selectedId: string | undefined, handlers: ViewHandlers): { element: HTMLElement; options: HTMLElement[] } {
  const options: HTMLElement[] = [];
  const labels = new Map<string, { label: string; shortLabel: string }>();
  for (const resource of model.groups.flatMap((g) => g.resources)) for (const cell of resource.domains) labels.set(cell.domain, cell);
  const columns = COLUMNS.filter((id) => labels.has(id));
  const head = h(
    'div',
    { class: 'matrix-head', 'aria-hidden': 'true' },
    h('span', { class: 'matrix-corner' }, 'Resource'),
    ...columns.map((id) => h('span', { class: 'col-head', title: labels.get(id)!.label }, labels.get(id)!.shortLabel)),
  );
  const listbox = h('div', { class: 'listbox', role: 'listbox', 'aria-label': `Resources in ${model.file.name}`, 'aria-orientation': 'vertical' });
  const focusIndex = Math.max(0, model.groups.flatMap((g) => g.resources).findIndex((r) => r.id === selectedId));
  for (const group of model.groups) {
    const headingId = `group-${group.id}`;
    const groupElement = h(
      'div',
      { class: `group group-${group.id}`, role: 'group', 'aria-labelledby': headingId },
      h('div', { class: 'group-heading', role: 'presentation' },
        h('span', { class: 'group-label', id: headingId }, group.label),
        h('span', { class: 'group-count', 'aria-hidden': 'true' }, group.resources.length),
        h('span', { class: 'group-hint' }, group.description),
      ),
    );
    for (const resource of group.resources) {
      const option = resourceOption(resource, columns, resource.id === selectedId, options.length === focusIndex);
      option.addEventListener('click', () => handlers.resource(resource.id, true));
      options.push(option);
      groupElement.appendChild(option);
    }
    listbox.appendChild(groupElement);
  }
  listbox.addEventListener('keydown', (event) => {
    const current = options.findIndex((o) => o === document.activeElement);
    const move = (index: number) => {
      const target = options[Math.max(0, Math.min(options.length - 1, index))];
      if (!target) return;
      event.preventDefault();
      target.focus();
      const id = target.getAttribute('data-id');
      if (id !== null) handlers.resource(id, false);
    };
    if (event.key === 'ArrowDown') move(current + 1);
    else if (event.key === 'ArrowUp') move(current - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(options.length - 1);
    else if ((event.key === 'Enter' || event.key === ' ') && current >= 0) {
      event.preventDefault();
      const id = options[current]!.getAttribute('data-id');
      if (id !== null) handlers.resource(id, true);
    }
  });
  const section = h(
    'nav',
    { class: 'resources', 'aria-label': 'Template view' },
    h('h2', { class: 'section-title' }, 'Resources in this template, by domain'),
    model.groups.length > 0 ? h('div', { class: 'matrix' }, head, listbox) : h('p', { class: 'muted' }, 'No resources in this file yet.'),
    legend(),
  );
  return { element: section, options };
}

function resourceOption(resource: ResourceSummary, columns: readonly string[], selected: boolean, focusable: boolean): HTMLElement {
  const byStatus = new Map<DomainStatus, string[]>();
  for (const cell of resource.domains) byStatus.set(cell.status, [...(byStatus.get(cell.status) ?? []), cell.label]);
  const spoken = STATUS_ORDER.filter((status) => byStatus.has(status)).map((status) => `${STATUS[status].text}: ${byStatus.get(status)!.join(', ')}`);
  const option = h(
    'div',
    {
      class: 'option',
      role: 'option',
      id: `resource-${cssId(resource.id)}`,
      'data-id': resource.id,
      'aria-selected': selected ? 'true' : 'false',
      'aria-label': `${resource.id}, ${resource.type}, ${resource.service ?? resource.categoryLabel}, line ${resource.line + 1}. ${spoken.join('. ')}${spoken.length ? '.' : ''}`,
      tabindex: focusable ? '0' : '-1',
    },
    h('span', { class: 'option-name', title: resource.service ? `${resource.type} · ${resource.service}` : resource.type },
      h('span', { class: 'option-id' }, resource.id),
      h('span', { class: 'option-type' }, resource.type),
    ),
  );
  const cells = new Map(resource.domains.map((cell) => [cell.domain, cell]));
  for (const id of columns) {
    const cell = cells.get(id);
    option.appendChild(
      cell
        ? h('span', { class: `cell status-${cell.status}`, title: cell.text, 'data-label': cell.shortLabel, 'aria-hidden': 'true' }, STATUS[cell.status].icon)
        : h('span', { class: 'cell', 'aria-hidden': 'true' }),
    );
  }
  if (resource.domains.length === 0) option.appendChild(h('span', { class: 'option-note' }, resource.categoryLabel));
  return option;
}

function legend(): HTMLElement {
  const entries: DomainStatus[] = ['unaddressed', 'undecidable', 'configured', 'customer', 'aws', 'not_applicable'];
  return h(
    'ul',
    { class: 'legend', 'aria-label': 'Legend' },
    ...entries.map((status) => h('li', { class: `status-${status}` }, h('span', { class: 'cell-icon', 'aria-hidden': 'true' }, STATUS[status].icon), ` ${STATUS[status].text}`)),
  );
}

/** The selected resource: header, shifts, the model with each layer's owner, domains and links. */
export function resourceDiagram(resource: ResourceDiagram, expanded: ReadonlySet<string>, handlers: ViewHandlers): HTMLElement {
  const main = h('main', { class: 'diagram', 'aria-label': `Shared responsibility diagram for ${resource.id}` });
  main.appendChild(resourceHeader(resource, handlers));
  if (resource.note) main.appendChild(h('p', { class: 'note' }, resource.note));
  if (resource.layers.length > 0) main.appendChild(model(resource.layers, expanded, handlers, resource.shifts, resource.id, resource.defaults));
  if (resource.summary) main.appendChild(h('p', { class: 'summary' }, resource.summary));
  if (resource.shifts.length > 0) main.appendChild(shiftList(resource.shifts));
  if (resource.defaults.length > 0) main.appendChild(defaultList(resource.defaults, handlers));
  if (resource.domains.length > 0) main.appendChild(domainTable(resource.domains));
  if (resource.runtimeChecks.length > 0) {
    main.appendChild(h('p', { class: 'muted' }, `Checked only at runtime by Security Hub (a template cannot prove them): ${resource.runtimeChecks.map((c) => c.control).join(', ')}.`));
  }
  main.appendChild(linkList(resource.links, handlers, 'Documentation'));
  return main;
}

function resourceHeader(resource: ResourceDiagram, handlers: ViewHandlers): HTMLElement {
  const category = resource.category
    ? h('span', { class: `badge category category-${resource.category}` }, resource.categoryShift ? `${resource.categoryLabel} as configured (${resource.categoryShift})` : resource.categoryLabel)
    : h('span', { class: 'badge category' }, resource.categoryLabel);
  const basis = resource.categoryBasis === 'derived' ? h('span', { class: 'basis basis-derived', title: resource.categoryNote ?? '' }, 'our classification') : undefined;
  const jump = h('button', { class: 'link-button', type: 'button', title: 'Reveal this resource in the editor' }, `line ${resource.line + 1}`);
  jump.addEventListener('click', () => handlers.resource(resource.id, true));
  return h(
    'header',
    { class: 'resource-header' },
    h('h2', { class: 'resource-title' }, h('span', { class: 'resource-id' }, resource.id), ' ', jump),
    h('p', { class: 'resource-type' }, h('code', {}, resource.type), resource.service ? ` · ${resource.service}` : ''),
    h('p', { class: 'resource-category' }, category, basis ? ' ' : '', basis),
  );
}

function shiftList(shifts: readonly DiagramShift[]): HTMLElement {
  return h(
    'section',
    { class: 'shifts', 'aria-labelledby': 'shifts-title' },
    h('h3', { class: 'section-title', id: 'shifts-title' }, 'This resource as written'),
    h('ul', { class: 'shift-list' }, ...shifts.map((shift) => shiftItem(shift))),
  );
}

/** What AWS sets when the template says nothing: apart from AWS's duties, because keeping a default is the customer's. */
function defaultList(defaults: readonly DiagramDefault[], handlers: ViewHandlers): HTMLElement {
  return h(
    'section',
    { class: 'defaults', 'aria-labelledby': 'defaults-title' },
    h('h3', { class: 'section-title', id: 'defaults-title' }, 'AWS defaults'),
    h('p', { class: 'muted' }, 'What AWS sets when the template says nothing. A default is not AWS’s responsibility: keeping or changing it is yours.'),
    h('ul', { class: 'items' }, ...defaults.map((item) => defaultElement(item, handlers))),
  );
}

function defaultElement(item: DiagramDefault, handlers: ViewHandlers): HTMLElement {
  const element = h('li', { class: 'item side-default' }, h('span', { class: 'badge default' }, 'AWS default'), ' ', h('span', { class: 'item-text' }, item.text));
  const meta = h('div', { class: 'item-meta' }, h('span', { class: 'since' }, `since ${item.since}`));
  const status = item.status;
  if (status?.state === 'relied_on') append(meta, h('span', { class: 'evidence' }, 'relied on here'));
  else if (status?.state === 'replaced') append(meta, h('span', { class: 'evidence status-configured' }, h('code', {}, status.path ?? ''), ' set here instead'));
  else if (status) append(meta, h('span', { class: 'evidence status-undecidable' }, h('code', {}, status.path ?? ''), ` depends on ${status.because ?? 'a parameter'}`));
  if (item.keep) append(meta, h('span', { class: 'keep' }, item.keep));
  append(meta, h('span', { class: `basis basis-${item.basis}`, title: item.basis === 'stated' ? 'AWS states this (linked)' : 'Our reading, linked to what it is derived from' }, item.basis === 'stated' ? 'stated by AWS' : 'derived'));
  for (const source of item.sources) append(meta, linkElement(source, handlers));
  element.appendChild(meta);
  return element;
}

function shiftItem(shift: DiagramShift): HTMLElement {
  const item = h('li', { class: `shift shift-${shift.state}` });
  append(item, h('span', { class: 'shift-title' }, `${shift.title}: `));
  if (shift.state === 'undecided') {
    append(item, h('span', { class: 'status-undecidable' }, h('span', { class: 'cell-icon', 'aria-hidden': 'true' }, '? '), `depends on ${shift.because ?? 'a value the template does not fix'}: `), shift.possible.join(' or '));
  } else {
    append(item, h('strong', {}, shift.label ?? ''));
    if (shift.relyingOnDefault && !/relying on/i.test(shift.label ?? '')) append(item, ' ', h('span', { class: 'badge default' }, 'relying on an AWS default'));
    const lines = h('ul', { class: 'shift-sides' });
    if (shift.aws.length > 0) lines.appendChild(h('li', {}, h('span', { class: 'owner-tag owner-aws' }, 'AWS'), ' ', shift.aws.join(' ')));
    if (shift.customer.length > 0) lines.appendChild(h('li', {}, h('span', { class: 'owner-tag owner-customer' }, 'You'), ' ', shift.customer.join(' ')));
    if (lines.firstChild) item.appendChild(lines);
  }
  return item;
}

/**
 * The Shared Responsibility Model, drawn as two bands of layers: the customer's (security in the cloud) over
 * AWS's (security of the cloud). With a resource, each layer shows its owner for that resource and expands to
 * the items behind it; without one, the generic model.
 */
export function model(
  layers: readonly (DiagramLayer | ModelLayer)[],
  expanded: ReadonlySet<string>,
  handlers: ViewHandlers,
  shifts: readonly DiagramShift[] = [],
  resourceId?: string,
  defaults: readonly DiagramDefault[] = [],
): HTMLElement {
  const section = h('section', { class: 'model', 'aria-label': 'The Shared Responsibility Model' });
  const toggles: HTMLButtonElement[] = [];
  if (layers.some(isResourceLayer)) {
    const expandAll = h('button', { class: 'link-button', type: 'button' }, 'Expand all');
    const collapseAll = h('button', { class: 'link-button', type: 'button' }, 'Collapse all');
    const setAll = (open: boolean) => {
      for (const toggle of toggles) if ((toggle.getAttribute('aria-expanded') === 'true') !== open) toggle.click();
    };
    expandAll.addEventListener('click', () => setAll(true));
    collapseAll.addEventListener('click', () => setAll(false));
    section.appendChild(
      h('div', { class: 'model-bar' },
        h('p', { class: 'model-hint' },
          `Owner of each layer${resourceId ? ` for ${resourceId}` : ''}: `,
          h('span', { class: 'owner-tag owner-customer' }, 'You'), ' ',
          h('span', { class: 'owner-tag owner-shared' }, 'Shared'), ' ',
          h('span', { class: 'owner-tag owner-aws' }, 'AWS'),
          ' · ', h('span', { class: 'layer-moved', 'aria-hidden': 'true' }, '⇅'), ' moved by its configuration',
          ' · ', h('span', { class: 'layer-findings', 'aria-hidden': 'true' }, '○'), ' not addressed here',
        ),
        h('span', { class: 'model-actions' }, expandAll, collapseAll),
      ),
    );
  }
  for (const side of ['customer', 'aws'] as const) {
    const band = h(
      'div',
      { class: `band band-${side}`, role: 'group', 'aria-labelledby': `band-${side}` },
      h('h3', { class: 'band-title', id: `band-${side}` },
        h('span', { class: 'band-who' }, side === 'customer' ? 'Customer' : 'AWS'),
        side === 'customer' ? ' · responsible for security IN the cloud' : ' · responsible for security OF the cloud',
      ),
    );
    let row: HTMLElement | undefined;
    let rowDetails: HTMLElement[] = [];
    let rowGroup: string | undefined;
    const closeRow = () => {
      if (row) for (const details of rowDetails) row.appendChild(details);
      row = undefined;
      rowDetails = [];
    };
    for (const layer of layers.filter((l) => l.side === side)) {
      const { box, details, toggle } = layerBox(layer, expanded.has(layer.id), handlers, shifts, defaults);
      if (toggle) toggles.push(toggle);
      if (layer.group) {
        if (!row || rowGroup !== layer.group) {
          closeRow();
          row = h('div', { class: 'layer-row' });
          rowGroup = layer.group;
          band.appendChild(row);
        }
        row.appendChild(box);
        // A grouped layer's items open below the whole row, at full width, not inside a narrow box.
        if (details) rowDetails.push(details);
      } else {
        closeRow();
        if (details) box.appendChild(details);
        band.appendChild(box);
      }
    }
    closeRow();
    section.appendChild(band);
  }
  return section;
}

function isResourceLayer(layer: DiagramLayer | ModelLayer): layer is DiagramLayer {
  return 'owner' in layer;
}

function layerBox(
  layer: DiagramLayer | ModelLayer,
  open: boolean,
  handlers: ViewHandlers,
  shifts: readonly DiagramShift[],
  defaults: readonly DiagramDefault[],
): { box: HTMLElement; details?: HTMLElement; toggle?: HTMLButtonElement } {
  const owner: LayerOwner = isResourceLayer(layer) ? layer.owner : layer.side;
  const grouped = layer.group !== undefined;
  const box = h('div', { class: `layer owner-${owner}${isResourceLayer(layer) ? '' : ' generic'}`, 'data-layer': layer.id });
  const parts = layer.parts.length > 0 ? h('span', { class: 'layer-parts' }, layer.parts.join(' · ')) : undefined;
  const label = grouped ? layer.shortLabel : layer.label;
  if (!isResourceLayer(layer)) {
    append(box, h('div', { class: 'layer-head' }, h('span', { class: 'layer-label', title: layer.label }, label), parts), h('p', { class: 'layer-description' }, layer.description));
    return { box };
  }
  const itemsId = `layer-items-${layer.id}`;
  const layerDefaults = defaults.filter((item) => layer.defaults.includes(item.id));
  const moved = layer.shifts.length > 0;
  const count = layer.items.length;
  const findings = layer.items.filter((i) => i.evidence?.state === 'not_set' && !i.dependsOn).length;
  const toggle = h(
    'button',
    {
      class: 'layer-toggle',
      type: 'button',
      title: layer.label,
      'aria-expanded': open ? 'true' : 'false',
      'aria-controls': itemsId,
      'aria-label': `${layer.label}: ${OWNER_LONG[owner]}. ${count} ${count === 1 ? 'item' : 'items'}${findings ? `, ${findings} not addressed in this template` : ''}${moved ? '. Moved by this resource’s configuration' : ''}.`,
    },
    h('span', { class: 'twisty', 'aria-hidden': 'true' }, open ? '▾' : '▸'),
    h('span', { class: 'layer-label' }, label),
    h('span', { class: 'layer-tags' },
      h('span', { class: `owner-tag owner-${owner}` }, OWNER_TEXT[owner]),
      count > 0 ? h('span', { class: 'layer-count', title: `${count} ${count === 1 ? 'item' : 'items'}` }, `${count}`) : undefined,
      findings > 0 ? h('span', { class: 'layer-findings', title: 'not addressed in this template' }, `○ ${findings}`) : undefined,
      moved ? h('span', { class: 'layer-moved', title: 'moved by this resource’s configuration' }, '⇅') : undefined,
      layerDefaults.length > 0 ? h('span', { class: 'badge default', title: 'an AWS default applies here; keeping or changing it is yours' }, 'default') : undefined,
    ),
  );
  const details = h('div', { class: `layer-items owner-${owner}${grouped ? ' layer-items-wide' : ''}`, id: itemsId, hidden: !open });
  if (grouped) append(details, h('p', { class: 'layer-items-title' }, layer.label));
  append(details, h('p', { class: 'owner-note' }, layer.ownerNote));
  for (const item of layerDefaults) {
    append(details, h('p', { class: 'layer-shift' }, h('span', { class: 'badge default' }, 'AWS default'), ` ${item.text} (since ${item.since}). Not AWS’s responsibility: keeping or changing it is yours.`));
  }
  for (const shift of shifts.filter((s) => layer.shifts.includes(s.id))) {
    append(details, h('p', { class: 'layer-shift' }, h('span', { class: 'layer-moved', 'aria-hidden': 'true' }, '⇅ '), shiftSentence(shift)));
  }
  if (layer.items.length > 0) {
    details.appendChild(h('ul', { class: 'items' }, ...layer.items.map((item) => itemElement(item, handlers))));
  }
  toggle.addEventListener('click', () => {
    const nowOpen = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', nowOpen ? 'true' : 'false');
    const twisty = toggle.firstChild;
    if (twisty) twisty.textContent = nowOpen ? '▾' : '▸';
    if (nowOpen) details.removeAttribute('hidden');
    else details.setAttribute('hidden', '');
    box.setAttribute('data-open', nowOpen ? 'true' : 'false');
    handlers.toggleLayer(layer.id, nowOpen);
  });
  box.setAttribute('data-open', open ? 'true' : 'false');
  append(box, h('div', { class: 'layer-head' }, toggle), parts);
  return { box, details, toggle };
}

function shiftSentence(shift: DiagramShift): string {
  if (shift.state === 'undecided') return `${shift.title}: depends on ${shift.because ?? 'a value'} (${shift.possible.join(' or ')}).`;
  const prefix = shift.relyingOnDefault && !/relying on/i.test(shift.label ?? '') ? 'relying on an AWS default, ' : '';
  return `${shift.title}: ${prefix}${shift.label ?? ''}.`;
}

function itemElement(item: DiagramItem, handlers: ViewHandlers): HTMLElement {
  const who = item.owner === 'shared' ? 'shared' : item.side;
  const element = h(
    'li',
    { class: `item side-${item.side}` },
    h('span', { class: `owner-tag owner-${who}` }, who === 'aws' ? 'AWS' : who === 'shared' ? 'Shared' : 'You'),
    ' ',
    h('span', { class: 'item-text' }, item.text),
  );
  const meta = h('div', { class: 'item-meta' });
  if (item.dependsOn) append(meta, h('span', { class: 'evidence status-undecidable' }, `? applies depending on ${item.dependsOn}`));
  else if (item.evidence) append(meta, evidenceElement(item));
  append(meta, h('span', { class: `basis basis-${item.basis}`, title: item.basis === 'stated' ? 'AWS states this (linked)' : 'Our reading, linked to what it is derived from' }, item.basis === 'stated' ? 'stated by AWS' : 'derived'));
  if (item.general) append(meta, h('span', { class: 'basis' }, 'general split of the category'));
  for (const source of item.sources) append(meta, linkElement(source, handlers));
  if (item.controls.length > 0) append(meta, h('span', { class: 'controls' }, `Security Hub ${item.controls.join(', ')}`));
  element.appendChild(meta);
  return element;
}

function evidenceElement(item: DiagramItem): HTMLElement {
  const evidence = item.evidence!;
  if (evidence.state === 'configured') {
    return h('span', { class: 'evidence status-configured' }, h('span', { class: 'cell-icon', 'aria-hidden': 'true' }, '✓ '), 'configured here ', h('code', {}, evidence.path ?? ''));
  }
  if (evidence.state === 'undecided') {
    return h('span', { class: 'evidence status-undecidable' }, h('span', { class: 'cell-icon', 'aria-hidden': 'true' }, '? '), h('code', {}, evidence.path ?? ''), ` depends on ${evidence.because ?? 'a parameter'}`);
  }
  return h('span', { class: 'evidence status-unaddressed' }, h('span', { class: 'cell-icon', 'aria-hidden': 'true' }, '○ '), 'not addressed in this template');
}

function domainTable(domains: readonly DomainCell[]): HTMLElement {
  const rows = [...domains].sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status));
  return h(
    'section',
    { class: 'domains', 'aria-labelledby': 'domains-title' },
    h('h3', { class: 'section-title', id: 'domains-title' }, 'By domain, as this template leaves it'),
    h(
      'ul',
      { class: 'domain-list' },
      ...rows.map((cell) =>
        h('li', { class: `domain status-${cell.status}` },
          h('span', { class: 'cell-icon', 'aria-hidden': 'true' }, STATUS[cell.status].icon),
          h('span', { class: 'domain-label' }, cell.label),
          h('span', { class: 'domain-text' }, cell.text.slice(cell.label.length + 2) || STATUS[cell.status].text),
        ),
      ),
    ),
  );
}

export function linkList(links: readonly DiagramLink[], handlers: ViewHandlers, title: string): HTMLElement {
  return h('footer', { class: 'links', 'aria-label': title }, ...links.map((link) => linkElement(link, handlers)));
}

function linkElement(link: DiagramLink, handlers: ViewHandlers): HTMLElement {
  if (!isSafeUrl(link.url)) return h('span', { class: 'source' }, link.title);
  const anchor = h('a', { class: 'source', href: link.url, title: link.quote ? `“${link.quote}” (${link.url})` : link.url }, link.title);
  anchor.addEventListener('click', (event) => {
    event.preventDefault();
    handlers.link(link.url);
  });
  return anchor;
}

/** An id safe to use in an id attribute (logical IDs and Terraform addresses hold dots, brackets, quotes). */
export function cssId(text: string): string {
  let out = '';
  for (const ch of text) out += /[A-Za-z0-9_-]/.test(ch) ? ch : `_${ch.codePointAt(0)!.toString(16)}_`;
  return out;
}
