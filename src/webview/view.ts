// Builds the diagram's DOM from the model the host sends: the page header and the selected resource (the template
// view is list.ts). Browser-only; text only through dom.ts.
import type {
  DiagramDefault, DiagramItem, DiagramLayer, DiagramLink, DiagramModel, DiagramShift, DomainCell, DomainStatus, LayerOwner,
  ModelLayer, ResourceDiagram,
} from '../core/render/diagramTypes';
import { append, breakableId, h, isSafeUrl } from './dom';
import type { Mark } from './marks';
import { cellMark, evidenceMark, markElement, MARKS, SEVERITY_ORDER, severityMark, worstSeverity } from './marks';

export const OWNER_TEXT: Record<LayerOwner, string> = { aws: 'AWS', customer: 'You', shared: 'Shared', none: 'Not listed' };
const OWNER_LONG: Record<LayerOwner, string> = {
  aws: "AWS's responsibility",
  customer: 'your responsibility',
  shared: 'shared between AWS and you',
  none: 'nothing listed for this service',
};

/** Domains from most to least in need of attention (the order of diagramTypes' DomainStatus). */
const STATUS_ORDER: readonly DomainStatus[] = ['finding', 'unaddressed', 'undecidable', 'default', 'met', 'set', 'customer', 'aws', 'not_applicable'];

export interface ViewHandlers {
  /** The user picked a resource: `reveal` also moves the editor to it. */
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

/** The selected resource: header, shifts, the model with each layer's owner, domains and links. */
export function resourceDiagram(resource: ResourceDiagram, expanded: ReadonlySet<string>, handlers: ViewHandlers): HTMLElement {
  const main = h('main', { class: 'diagram', 'aria-label': `Shared responsibility diagram for ${resource.id}` });
  main.appendChild(resourceHeader(resource, handlers));
  if (resource.note) main.appendChild(h('p', { class: 'note' }, resource.note));
  if (resource.layers.length > 0) main.appendChild(standing(resource));
  if (resource.layers.length > 0) main.appendChild(model(resource.layers, expanded, handlers, resource.shifts, resource.id, resource.defaults));
  if (resource.summary) main.appendChild(h('p', { class: 'summary' }, resource.summary));
  if (resource.shifts.length > 0) main.appendChild(shiftList(resource.shifts));
  if (resource.defaults.length > 0) main.appendChild(defaultList(resource.defaults, handlers));
  if (resource.domains.length > 0) main.appendChild(domainTable(resource.domains, resource.layers.flatMap((layer) => layer.items)));
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
    h('h2', { class: 'resource-title' }, h('span', { class: 'resource-id' }, ...breakableId(resource.id)), ' ', jump),
    h('p', { class: 'resource-type' }, h('code', {}, resource.type), resource.service ? ` · ${resource.service}` : ''),
    h('p', { class: 'resource-category' }, category, basis ? ' ' : '', basis),
  );
}

/** An item this template leaves open: a finding, a duty nothing addresses, or one a parameter decides. */
interface OpenDuty {
  readonly item: DiagramItem;
  readonly mark: Mark;
  readonly rank: number;
}

/** The items of a resource that this template leaves open, most severe first. */
function openDuties(resource: ResourceDiagram): OpenDuty[] {
  const seen = new Set<string>();
  const open: OpenDuty[] = [];
  for (const item of resource.layers.flatMap((layer) => layer.items)) {
    if (seen.has(item.id) || item.side !== 'customer') continue;
    seen.add(item.id);
    const evidence = item.evidence;
    if (item.dependsOn) open.push({ item, mark: MARKS.depends, rank: 6 });
    else if (evidence?.state === 'finding' && evidence.finding && !evidence.finding.suppressed) open.push({ item, mark: evidenceMark(evidence), rank: SEVERITY_ORDER.indexOf(evidence.finding.severity) });
    else if (evidence?.state === 'not_set') open.push({ item, mark: MARKS.open, rank: 5 });
    else if (evidence?.state === 'undecided') open.push({ item, mark: MARKS.depends, rank: 6 });
  }
  return open.sort((a, b) => a.rank - b.rank);
}

/**
 * How this template leaves the resource, before the model: what it leaves open (findings first, with the rule's
 * message), then a count of what it meets, leaves to an AWS default or sets without a rule to judge it.
 */
function standing(resource: ResourceDiagram): HTMLElement {
  const open = openDuties(resource);
  const { met, default: defaulted, set } = resource.counts;
  const rest = [
    met > 0 ? markElement(MARKS.met, `${met} met`) : undefined,
    defaulted > 0 ? markElement(MARKS.default, `${defaulted} on an AWS default`) : undefined,
    set > 0 ? markElement(MARKS.set, `${set} set, no rule judges ${set === 1 ? 'it' : 'them'}`) : undefined,
  ].filter((part): part is HTMLElement => part !== undefined);
  return h(
    'section',
    { class: 'standing', 'aria-labelledby': 'standing-title' },
    h('h3', { class: 'section-title', id: 'standing-title' }, open.length > 0 ? `Left open in this template (${open.length})` : 'Nothing left open in this template'),
    open.length > 0
      ? h('ul', { class: 'open-list' }, ...open.map(({ item, mark }) => h('li', { class: 'open-duty' },
          markElement(mark),
          h('span', { class: 'open-text' },
            h('span', { class: 'open-domain' }, `${item.domainLabel}: `),
            ...openDetail(item, mark),
          ),
        )))
      : undefined,
    rest.length > 0 ? h('p', { class: 'standing-rest' }, ...rest.flatMap((part, i) => (i > 0 ? [' · ', part] : [part]))) : undefined,
  );
}

function openDetail(item: DiagramItem, mark: Mark): (HTMLElement | string)[] {
  const finding = item.evidence?.finding;
  if (item.evidence?.state === 'finding' && finding) return [`${finding.message} `, h('code', { class: 'rule-id' }, finding.ruleId)];
  if (item.dependsOn) return [`${item.text} (applies depending on ${item.dependsOn})`];
  if (mark === MARKS.depends) return [`${item.text} (`, h('code', {}, item.evidence?.path ?? ''), ` depends on ${item.evidence?.because ?? 'a parameter'})`];
  return [item.text];
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
  else if (status?.state === 'replaced') append(meta, h('span', { class: 'evidence' }, markElement(MARKS.set), ' ', h('code', {}, status.path ?? ''), ' set here instead'));
  else if (status) append(meta, h('span', { class: 'evidence' }, markElement(MARKS.depends), ' ', h('code', {}, status.path ?? ''), ` depends on ${status.because ?? 'a parameter'}`));
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
    append(item, markElement(MARKS.depends, `depends on ${shift.because ?? 'a value the template does not fix'}: `), shift.possible.join(' or '));
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
          ' · ', markElement(MARKS.error), markElement(MARKS.warning), markElement(MARKS.open), ' left open here',
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
  const leftOpen = layer.items.filter((i) => !i.dependsOn && i.evidence && ((i.evidence.state === 'finding' && !i.evidence.finding?.suppressed) || i.evidence.state === 'not_set'));
  const worst = worstSeverity(leftOpen);
  const openMark = worst ? severityMark(worst) : MARKS.open;
  const toggle = h(
    'button',
    {
      class: 'layer-toggle',
      type: 'button',
      title: layer.label,
      'aria-expanded': open ? 'true' : 'false',
      'aria-controls': itemsId,
      'aria-label': `${layer.label}: ${OWNER_LONG[owner]}. ${count} ${count === 1 ? 'item' : 'items'}${leftOpen.length ? `, ${leftOpen.length} left open in this template` : ''}${moved ? '. Moved by this resource’s configuration' : ''}.`,
    },
    h('span', { class: 'twisty', 'aria-hidden': 'true' }, open ? '▾' : '▸'),
    h('span', { class: 'layer-label' }, label),
    h('span', { class: 'layer-tags' },
      h('span', { class: `owner-tag owner-${owner}` }, OWNER_TEXT[owner]),
      count > 0 ? h('span', { class: 'layer-count', title: `${count} ${count === 1 ? 'item' : 'items'}` }, `${count}`) : undefined,
      leftOpen.length > 0 ? h('span', { class: 'layer-open', title: 'left open in this template' }, markElement(openMark, String(leftOpen.length))) : undefined,
      moved ? h('span', { class: 'layer-moved', title: 'moved by this resource’s configuration' }, '⇅') : undefined,
      layerDefaults.length > 0 ? h('span', { class: 'badge default', title: 'an AWS default applies here; keeping or changing it is yours' }, 'default') : undefined,
    ),
  );
  const details = h('div', { class: `layer-items owner-${owner}${grouped ? ' layer-items-wide' : ''}`, id: itemsId, hidden: !open });
  if (grouped) append(details, h('p', { class: 'layer-items-title' }, layer.label));
  append(details, h('p', { class: 'owner-note' }, layer.ownerNote));
  for (const item of layerDefaults) {
    append(details, h('p', { class: 'layer-shift' }, h('span', { class: 'badge default' }, 'AWS default'), ` Since ${item.since}: ${item.text} Not AWS’s responsibility: keeping or changing it is yours.`));
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
  if (item.dependsOn) append(meta, h('span', { class: 'evidence' }, markElement(MARKS.depends, `applies depending on ${item.dependsOn}`)));
  else if (item.evidence) append(meta, evidenceElement(item));
  append(meta, h('span', { class: `basis basis-${item.basis}`, title: item.basis === 'stated' ? 'AWS states this (linked)' : 'Our reading, linked to what it is derived from' }, item.basis === 'stated' ? 'stated by AWS' : 'derived'));
  if (item.general) append(meta, h('span', { class: 'basis' }, 'general split of the category'));
  for (const source of item.sources) append(meta, linkElement(source, handlers));
  if (item.controls.length > 0) append(meta, h('span', { class: 'controls' }, `Security Hub ${item.controls.join(', ')}`));
  element.appendChild(meta);
  return element;
}

/** How this template stands on an item: the rule's verdict when a rule judges it, else whether a setting is there. */
function evidenceElement(item: DiagramItem): HTMLElement {
  const evidence = item.evidence!;
  const mark = evidenceMark(evidence);
  const finding = evidence.finding;
  const element = h('span', { class: 'evidence' }, markElement(mark), ' ');
  switch (evidence.state) {
    case 'finding':
      append(element, finding ? `${finding.message} ` : mark.text, finding ? h('code', { class: 'rule-id' }, finding.ruleId) : undefined);
      if (finding?.suppressed) append(element, h('span', { class: 'suppressed' }, ` suppressed (${finding.suppressed})`));
      break;
    case 'default':
      append(element, finding ? `${finding.message} ` : mark.text, finding ? h('code', { class: 'rule-id' }, finding.ruleId) : undefined);
      break;
    case 'met':
      append(element, 'met', evidence.rule ? h('span', {}, ': ', h('code', { class: 'rule-id' }, evidence.rule), ' passes') : undefined);
      break;
    case 'set':
      append(element, h('code', {}, evidence.path ?? ''), ' set here; no rule judges it');
      break;
    case 'undecided':
      append(element, h('code', {}, evidence.path ?? ''), ` depends on ${evidence.because ?? 'a parameter'}`);
      break;
    case 'not_set':
      append(element, mark.text);
      break;
  }
  return element;
}

/** The domains of the resource, most in need of attention first; a domain with findings shows the worst one. */
function domainTable(domains: readonly DomainCell[], items: readonly DiagramItem[]): HTMLElement {
  const rows = [...domains].sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status));
  return h(
    'section',
    { class: 'domains', 'aria-labelledby': 'domains-title' },
    h('h3', { class: 'section-title', id: 'domains-title' }, 'By domain, as this template leaves it'),
    h(
      'ul',
      { class: 'domain-list' },
      ...rows.map((cell) => {
        const mark = cellMark(cell, worstSeverity(items.filter((item) => item.domain === cell.domain)));
        return h('li', { class: 'domain' },
          markElement(mark),
          h('span', { class: 'domain-label' }, cell.label),
          h('span', { class: 'domain-text' }, cell.text.slice(cell.label.length + 2) || mark.text),
        );
      }),
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
