import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { buildDiagramModel, buildResourceDiagram, modelLayers } from '../../../src/core/render/diagramModel';
import { findingsOf } from '../../../src/core/rules/engine';
import type { Template } from '../../../src/core/template/model';
import { parseCloudFormation } from '../../../src/core/template/cloudformation';
import type { DiagramState, ToHost, ToWebview } from '../../../src/shared/protocol';
import { fixture, knowledge, ROOT } from '../helpers';
import { event, FakeDocument, FakeElement, FakeWindow } from './fakeDom';

/** The tags the webview builds; anything else (img, svg, script, b…) would have come from a template string. */
const ALLOWED_TAGS = new Set([
  'div', 'span', 'p', 'h1', 'h2', 'h3', 'ul', 'li', 'button', 'code', 'strong', 'nav', 'main', 'section', 'header', 'footer', 'a',
  'input', 'label', 'select', 'option', 'wbr',
]);
const ALLOWED_ATTRIBUTES = /^(class|id|role|tabindex|title|href|type|hidden|for|value|checked|selected|data-(id|layer|label|open|group)|aria-[a-z]+)$/;

/** Runs the built webview bundle (dist/webview/main.js) against the fake DOM, as VS Code would load it. */
function loadWebview(initialState?: DiagramState) {
  const document = new FakeDocument();
  const root = document.createElement('div');
  root.setAttribute('id', 'app');
  document.body.appendChild(root);
  const window = new FakeWindow();
  const posted: ToHost[] = [];
  let state = initialState;
  const api = {
    postMessage: (message: ToHost) => posted.push(JSON.parse(JSON.stringify(message)) as ToHost),
    getState: () => state,
    setState: (next: DiagramState) => {
      state = next;
    },
  };
  const code = readFileSync(join(ROOT, 'dist', 'webview', 'main.js'), 'utf8');
  runInNewContext(code, { document, window, acquireVsCodeApi: () => api, console }, { filename: 'dist/webview/main.js' });
  const send = (message: ToWebview) => window.message(JSON.parse(JSON.stringify(message)));
  const byClass = (name: string) => root.find((e) => (e.getAttribute('class') ?? '').split(' ').includes(name));
  /** The resource rows of the template view, in the order they stand. */
  const rows = () => root.findAll((e) => e.getAttribute('role') === 'treeitem' && e.hasAttribute('data-id'));
  /** The rows a person sees: not filtered out, not in a collapsed group. */
  const visibleRows = () => rows().filter((row) => !row.hasAttribute('hidden') && !row.parentNode!.hasAttribute('hidden') && !row.parentNode!.parentNode!.hasAttribute('hidden'));
  const row = (id: string) => rows().find((r) => r.getAttribute('data-id') === id)!;
  const group = (id: string) => root.find((e) => e.getAttribute('data-group') === id)!;
  return { document, root, window, posted, send, state: () => state, byClass, rows, visibleRows, row, group };
}

function text(element: FakeElement): string {
  return element.textContent;
}

function modelOf(template: Template, source: string, fileName: string, selectedId?: string) {
  const findings = findingsOf(knowledge().rules, template, source);
  return buildDiagramModel(knowledge(), template, { fileName, findings, ...(selectedId ? { selectedId } : {}) });
}

const appText = fixture('cfn/app.yaml');
const app = parseCloudFormation(appText)!;
const modelMessage = (selectedId?: string): ToWebview => ({ type: 'model', uri: 'file:///work/app.yaml', model: modelOf(app, appText, 'app.yaml', selectedId) });

/** The large fixture of the UI tests: a 65-resource web stack with findings of every severity. */
const largeText = readFileSync(join(ROOT, 'test', 'e2e', 'diagram-workspace', 'large', 'web-stack.yaml'), 'utf8');
const large = parseCloudFormation(largeText)!;
const largeMessage = (selectedId?: string, reveal?: boolean): ToWebview => ({
  type: 'model',
  uri: 'file:///work/web-stack.yaml',
  model: modelOf(large, largeText, 'large/web-stack.yaml', selectedId),
  ...(reveal ? { reveal } : {}),
});

describe('diagram webview (dist/webview/main.js in a fake DOM)', () => {
  it('says ready first, then renders every resource of the model and reports it', () => {
    const web = loadWebview();
    assert.deepEqual(web.posted, [{ type: 'ready' }]);
    web.send(modelMessage('LogsBucket'));
    const rows = web.rows();
    assert.deepEqual(rows.map((o) => o.getAttribute('data-id')).sort(), app.resources.map((r) => r.id).sort());
    assert.deepEqual(web.posted.at(-1), { type: 'rendered', resources: rows.map((o) => o.getAttribute('data-id')), selectedId: 'LogsBucket' });
    const selected = rows.filter((o) => o.getAttribute('aria-selected') === 'true');
    assert.deepEqual(selected.map((o) => o.getAttribute('data-id')), ['LogsBucket']);
    assert.equal(selected[0]!.getAttribute('tabindex'), '0', 'roving tabindex on the selected row');
    assert.equal(web.root.findAll((o) => o.getAttribute('tabindex') === '0' && o.getAttribute('role') === 'treeitem').length, 1);
    assert.equal(web.state()?.uri, 'file:///work/app.yaml', 'the followed document is kept for the serializer');
    assert.equal(web.state()?.selectedId, 'LogsBucket');
  });

  it('draws both sides of the model, each layer with its owner as text and an expandable item list', () => {
    const web = loadWebview();
    web.send(modelMessage('LogsBucket'));
    const bands = web.root.findAll((e) => (e.getAttribute('class') ?? '').startsWith('band '));
    assert.deepEqual(bands.map((b) => text(b.children[0]!)), ['Customer · responsible for security IN the cloud', 'AWS · responsible for security OF the cloud']);
    const toggles = web.root.findAll((e) => e.tagName === 'button' && e.getAttribute('aria-controls')?.startsWith('layer-items-') === true);
    assert.equal(toggles.length, 8);
    const sse = toggles.find((t) => t.getAttribute('aria-controls') === 'layer-items-server_side_encryption')!;
    assert.match(sse.getAttribute('aria-label') ?? '', /^Server-side encryption \(file system and\/or data\): your responsibility\. 1 item/);
    assert.match(text(sse), /You/);
    const panel = web.root.find((e) => e.getAttribute('id') === 'layer-items-server_side_encryption')!;
    assert.equal(panel.hasAttribute('hidden'), true);
    sse.click();
    assert.equal(sse.getAttribute('aria-expanded'), 'true');
    assert.equal(panel.hasAttribute('hidden'), false);
    assert.match(text(panel), /Choose the encryption mode/);
    assert.match(text(panel), /stated by AWS/);
    assert.deepEqual(JSON.parse(JSON.stringify(web.state()?.expanded)), ['server_side_encryption']);
    const software = web.root.find((e) => e.getAttribute('data-layer') === 'aws_software')!;
    assert.match(text(software), /Compute · Storage · Database · Networking/);
  });

  it('click reveals, arrow keys preview, Enter reveals, Home/End jump', () => {
    const web = loadWebview();
    web.send(modelMessage('LogsBucket'));
    const [first, second, third] = web.group('abstracted').findAll((e) => e.hasAttribute('data-id'));
    web.posted.length = 0;
    second!.click();
    assert.deepEqual(web.posted[0], { type: 'reveal', id: second!.getAttribute('data-id') });
    second!.focus();
    web.posted.length = 0;
    const down = second!.dispatch(event('keydown', { key: 'ArrowDown' }));
    assert.equal(down.defaultPrevented, true);
    assert.equal(web.document.activeElement, third);
    assert.deepEqual(web.posted[0], { type: 'select', id: third!.getAttribute('data-id') });
    // The host's answer shows the resource; focus stays on its row.
    const thirdId = third!.getAttribute('data-id')!;
    web.send({ type: 'select', id: thirdId, resource: buildResourceDiagram(knowledge(), app, app.resources.find((r) => r.id === thirdId)!) });
    assert.equal(web.document.activeElement, third, 'focus stays on the row the arrow key reached');
    third!.dispatch(event('keydown', { key: 'Enter' }));
    assert.deepEqual(web.posted.at(-1), { type: 'reveal', id: third!.getAttribute('data-id') });
    third!.dispatch(event('keydown', { key: 'End' }));
    assert.equal(web.document.activeElement, web.rows().at(-1));
    web.rows().at(-1)!.dispatch(event('keydown', { key: 'Home' }));
    assert.equal(web.document.activeElement, web.group('infrastructure'), 'the first item of the tree is the first group');
    // Up from the first row of a group lands on the group's heading (no resource to preview there).
    first!.focus();
    web.posted.length = 0;
    first!.dispatch(event('keydown', { key: 'ArrowUp' }));
    assert.equal(web.document.activeElement, web.group('abstracted'));
    assert.deepEqual(web.posted, []);
  });

  it('groups collapse and expand (click, Left, Right); the arrow keys skip a collapsed group; the state is kept', () => {
    const web = loadWebview();
    web.send(modelMessage('LogsBucket'));
    const abstracted = web.group('abstracted');
    assert.equal(abstracted.getAttribute('role'), 'treeitem');
    assert.equal(abstracted.getAttribute('aria-expanded'), 'true');
    assert.match(abstracted.getAttribute('aria-label') ?? '', /^Abstracted services: \d+ resources, \d+ information findings$/);
    abstracted.focus();
    abstracted.dispatch(event('keydown', { key: 'ArrowLeft' }));
    assert.equal(abstracted.getAttribute('aria-expanded'), 'false');
    assert.ok(web.visibleRows().every((r) => !abstracted.contains(r)), 'the rows of a collapsed group are hidden');
    assert.deepEqual(JSON.parse(JSON.stringify(web.state()?.collapsed)), ['abstracted']);
    abstracted.dispatch(event('keydown', { key: 'ArrowDown' }));
    assert.equal(web.document.activeElement, web.group('unknown'), 'ArrowDown skips the collapsed rows');
    abstracted.focus();
    abstracted.dispatch(event('keydown', { key: 'ArrowRight' }));
    assert.equal(abstracted.getAttribute('aria-expanded'), 'true');
    abstracted.find((e) => e.getAttribute('class') === 'group-heading')!.click();
    assert.equal(abstracted.getAttribute('aria-expanded'), 'false');
    // The editor's cursor moving into a collapsed group opens it, so the selected row is never hidden.
    const zip = app.resources.find((r) => r.id === 'ZipFunction')!;
    web.send({ type: 'select', id: 'ZipFunction', resource: buildResourceDiagram(knowledge(), app, zip) });
    assert.equal(abstracted.getAttribute('aria-expanded'), 'true');
    assert.ok(web.visibleRows().includes(web.row('ZipFunction')));
    // A reload restores what the person chose.
    const reloaded = loadWebview({ uri: 'file:///work/app.yaml', collapsed: ['infrastructure'], onlyOpen: true, sort: 'severity' });
    reloaded.send(modelMessage('LogsBucket'));
    assert.equal(reloaded.group('infrastructure').getAttribute('aria-expanded'), 'false');
    assert.equal(reloaded.root.find((e) => e.getAttribute('id') === 'only-open')!.checked, true);
    assert.equal(reloaded.root.find((e) => e.getAttribute('id') === 'sort-order')!.value, 'severity');
  });

  it('filters the resources with findings or open duties, keeping the selected one, and sorts the most severe first', () => {
    const web = loadWebview();
    web.send(largeMessage('StorefrontVpc'));
    const all = web.visibleRows().map((r) => r.getAttribute('data-id'));
    assert.equal(all.length, large.resources.length);
    const filter = web.root.find((e) => e.getAttribute('id') === 'only-open')!;
    filter.checked = true;
    filter.dispatch(event('change'));
    const shown = web.visibleRows().map((r) => r.getAttribute('data-id'));
    const summaries = (largeMessage() as Extract<ToWebview, { type: 'model' }>).model.groups.flatMap((g) => g.resources);
    const expected = summaries
      .filter((r) => r.findings.error + r.findings.warning + r.findings.information > 0 || r.counts.open > 0 || r.counts.depends > 0 || r.id === 'StorefrontVpc')
      .map((r) => r.id);
    assert.deepEqual(shown, expected);
    assert.ok(shown.length < all.length && shown.includes('ApplicationSshIngressFromAnywhere') && shown.includes('StorefrontVpc'));
    assert.equal(text(web.byClass('shown-count')!), `${shown.length} of ${all.length} shown`);
    assert.equal(web.state()?.onlyOpen, true);

    const sort = web.root.find((e) => e.getAttribute('id') === 'sort-order')!;
    sort.value = 'severity';
    sort.dispatch(event('change'));
    assert.equal(web.state()?.sort, 'severity');
    const rank = { error: 0, warning: 1, information: 2, hint: 3 } as const;
    for (const group of ['infrastructure', 'abstracted']) {
      const ids = web.group(group).findAll((e) => e.hasAttribute('data-id') && !e.hasAttribute('hidden')).map((e) => e.getAttribute('data-id'));
      const worst = ids.map((id) => summaries.find((r) => r.id === id)!.worst).map((w) => (w && w !== 'hint' ? rank[w] : 3));
      assert.deepEqual(worst, [...worst].sort((a, b) => a - b), `${group} sorted by severity: ${ids.join(', ')}`);
    }
    assert.equal(web.group('infrastructure').findAll((e) => e.hasAttribute('data-id') && !e.hasAttribute('hidden'))[0]!.getAttribute('data-id'), 'ApplicationSshIngressFromAnywhere');
  });

  it('marks a finding by its severity, leads the details with what the template leaves open, and puts the legend first', () => {
    const web = loadWebview();
    web.send(largeMessage('ApplicationSshIngressFromAnywhere'));
    const tally = web.row('ApplicationSshIngressFromAnywhere').find((e) => e.getAttribute('class') === 'option-tally')!;
    assert.equal(text(tally), '✗ 1');
    assert.match(web.row('ApplicationSshIngressFromAnywhere').getAttribute('aria-label') ?? '', /^ApplicationSshIngressFromAnywhere, AWS::EC2::SecurityGroupIngress, Amazon VPC, line \d+\. 1 error\./);
    const standing = web.byClass('standing')!;
    const first = standing.find((e) => e.getAttribute('class') === 'open-duty')!;
    assert.match(text(first), /^✗Networking: An inbound rule admits the whole internet .* vpc-sg-ingress-admin-ports-open$/);
    assert.equal(first.find((e) => (e.getAttribute('class') ?? '').startsWith('mark '))!.getAttribute('class'), 'mark mark-error');
    const network = web.root.findAll((e) => e.getAttribute('class') === 'domain').find((e) => /^.Networking/.test(text(e)))!;
    assert.equal(network.children[0]!.getAttribute('class'), 'mark mark-error', 'the domain list shows the error');
    // The legend comes before the matrix and names every mark.
    const legend = web.byClass('legend')!;
    const matrix = web.byClass('matrix')!;
    const order = [...web.root.descendants()];
    assert.ok(order.indexOf(legend) < order.indexOf(matrix), 'the legend is above the rows');
    assert.deepEqual(legend.findAll((e) => e.getAttribute('class') === 'mark-icon').map(text), ['✗', '⚠', '!', '○', '?', '◇', '✓', '✎', '•', '▲', '–']);
  });

  it('ellipsises long IDs in the list (full ID in the title and the accessible name) and breaks them between words in the heading', () => {
    const web = loadWebview();
    web.send(largeMessage('ApplicationIngressFromLoadBalancerSecurityGroupOnPort8080'));
    const row = web.row('ApplicationIngressFromLoadBalancerSecurityGroupOnPort8080');
    const id = row.find((e) => e.getAttribute('class') === 'option-id')!;
    assert.equal(id.getAttribute('title'), 'ApplicationIngressFromLoadBalancerSecurityGroupOnPort8080');
    assert.ok((row.getAttribute('aria-label') ?? '').startsWith('ApplicationIngressFromLoadBalancerSecurityGroupOnPort8080, '));
    const heading = web.byClass('resource-id')!;
    assert.equal(text(heading), 'ApplicationIngressFromLoadBalancerSecurityGroupOnPort8080');
    const words = heading.childNodes.filter((n) => !(n instanceof FakeElement)).map((n) => n.textContent);
    assert.deepEqual(words, ['Application', 'Ingress', 'From', 'Load', 'Balancer', 'Security', 'Group', 'On', 'Port8080']);
    assert.ok(heading.children.every((e) => e.tagName === 'wbr'));
  });

  it('brings the details into view when asked (a hover link), and keeps scroll positions when an edit redraws', () => {
    const web = loadWebview();
    web.send(largeMessage('StorefrontVpc'));
    const slot = web.byClass('diagram-slot')!;
    slot.scrollTop = 240;
    web.byClass('matrix')!.scrollTop = 900;
    web.send(largeMessage('StorefrontVpc'));
    assert.equal(web.byClass('diagram-slot')!.scrollTop, 240, 'an edit keeps the details where the reader was');
    assert.equal(web.byClass('matrix')!.scrollTop, 900, 'and the list too');
    // "Show in diagram" on another resource: its details start at the top and come on screen.
    web.byClass('diagram-slot')!.rect = { top: 2500, bottom: 3300, height: 800 };
    web.send(largeMessage('StorefrontDatabase', true));
    const shown = web.byClass('diagram-slot')!;
    assert.equal(shown.scrollTop, 0);
    assert.equal(text(web.byClass('resource-id')!), 'StorefrontDatabase');
    // A fresh slot is on screen in the two-pane layout (top 0 here): it is not scrolled to.
    assert.equal(shown.scrolledIntoView, 0);
    shown.rect = { top: 2500, bottom: 3300, height: 800 };
    web.row('StaticAssetsBucket').click();
    assert.equal(shown.scrolledIntoView, 1, 'a click brings details below the fold into view (a panel too short for panes)');
    assert.deepEqual(web.posted.at(-1), { type: 'reveal', id: 'StaticAssetsBucket' });
  });

  it('follows a selection from the editor without rebuilding the list', () => {
    const web = loadWebview();
    web.send(modelMessage('LogsBucket'));
    const before = web.rows();
    const zip = app.resources.find((r) => r.id === 'ZipFunction')!;
    web.send({ type: 'select', id: 'ZipFunction', resource: buildResourceDiagram(knowledge(), app, zip) });
    const after = web.rows();
    assert.equal(after[0], before[0], 'same row elements (focus is kept)');
    assert.equal(after.find((o) => o.getAttribute('aria-selected') === 'true')?.getAttribute('data-id'), 'ZipFunction');
    assert.equal(text(web.byClass('resource-id')!), 'ZipFunction');
    assert.match(text(web.root), /Zip on a managed runtime vs container image: Zip archive on a managed runtime/);
    assert.match(text(web.root), /relying on an AWS default/);
  });

  it('links are https only and go through the host', () => {
    const web = loadWebview();
    web.send(modelMessage('LogsBucket'));
    const links = web.root.findAll((e) => e.tagName === 'a');
    assert.ok(links.length > 3);
    for (const link of links) assert.match(link.getAttribute('href') ?? '', /^https:\/\//);
    web.posted.length = 0;
    const clickEvent = links[0]!.dispatch(event('click'));
    assert.equal(clickEvent.defaultPrevented, true, 'the webview does not navigate itself');
    assert.deepEqual(web.posted, [{ type: 'openLink', url: links[0]!.getAttribute('href') }]);
  });

  it('without a template, draws the generic model and says what to open', () => {
    const web = loadWebview();
    web.send({ type: 'empty', reason: 'Open a template.', layers: modelLayers(knowledge()), srmUrl: 'https://aws.amazon.com/compliance/shared-responsibility-model/' });
    assert.match(text(web.root), /Open a template\./);
    assert.match(text(web.root), /Customer data/);
    assert.match(text(web.root), /Regions · Availability Zones · Edge locations/);
  });

  it('renders hostile strings from a template as text: no element, attribute or markup comes from them', () => {
    const hostileText = fixture('cfn/hostile.yaml');
    const hostile = parseCloudFormation(hostileText)!;
    const web = loadWebview();
    let all = '';
    for (const resource of hostile.resources) {
      web.send({ type: 'model', uri: 'file:///hostile.yaml', model: modelOf(hostile, hostileText, '<img src=f onerror=alert(5)>.yaml', resource.id) });
      for (const element of web.root.descendants()) {
        assert.ok(ALLOWED_TAGS.has(element.tagName), `element <${element.tagName}> created`);
        for (const [name, value] of element.attributes) {
          assert.match(name, ALLOWED_ATTRIBUTES, `attribute ${name} created`);
          if (name === 'href') assert.match(value, /^https:\/\//);
        }
      }
      const shown = text(web.root);
      assert.ok(shown.includes(resource.id), `the logical ID ${resource.id} is shown as text`);
      all += shown;
    }
    assert.ok(!web.document.created.some((tag) => !ALLOWED_TAGS.has(tag)), `created: ${[...new Set(web.document.created)].join(', ')}`);
    assert.ok(all.includes('<img src=f onerror=alert(5)>.yaml'), 'the file name is text');
    assert.ok(all.includes('AWS::S3::Buckt<img src=y onerror=alert(4)>'), 'the hostile type is text');
    assert.ok(all.includes('<script>alert(2)</script>'), 'the parameter name in "depends on" is text');
  });
});
