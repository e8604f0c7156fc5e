import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { buildDiagramModel, buildResourceDiagram, modelLayers } from '../../../src/core/render/diagramModel';
import { parseCloudFormation } from '../../../src/core/template/cloudformation';
import type { DiagramState, ToHost, ToWebview } from '../../../src/shared/protocol';
import { fixture, knowledge, ROOT } from '../helpers';
import { event, FakeDocument, FakeElement, FakeWindow } from './fakeDom';

/** The tags the webview builds; anything else (img, svg, script, b…) would have come from a template string. */
const ALLOWED_TAGS = new Set(['div', 'span', 'p', 'h1', 'h2', 'h3', 'ul', 'li', 'button', 'code', 'strong', 'nav', 'main', 'section', 'header', 'footer', 'a']);
const ALLOWED_ATTRIBUTES = /^(class|id|role|tabindex|title|href|type|hidden|data-(id|layer|label|open)|aria-[a-z]+)$/;

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
  return { document, root, window, posted, send, state: () => state };
}

function text(element: FakeElement): string {
  return element.textContent;
}

const app = parseCloudFormation(fixture('cfn/app.yaml'))!;
const modelMessage = (selectedId?: string): ToWebview => ({
  type: 'model',
  uri: 'file:///work/app.yaml',
  model: buildDiagramModel(knowledge(), app, { fileName: 'app.yaml', ...(selectedId ? { selectedId } : {}) }),
});

describe('diagram webview (dist/webview/main.js in a fake DOM)', () => {
  it('says ready first, then renders every resource of the model and reports it', () => {
    const web = loadWebview();
    assert.deepEqual(web.posted, [{ type: 'ready' }]);
    web.send(modelMessage('LogsBucket'));
    const options = web.root.findAll((e) => e.getAttribute('role') === 'option');
    assert.deepEqual(options.map((o) => o.getAttribute('data-id')).sort(), app.resources.map((r) => r.id).sort());
    assert.deepEqual(web.posted.at(-1), { type: 'rendered', resources: options.map((o) => o.getAttribute('data-id')), selectedId: 'LogsBucket' });
    const selected = options.filter((o) => o.getAttribute('aria-selected') === 'true');
    assert.deepEqual(selected.map((o) => o.getAttribute('data-id')), ['LogsBucket']);
    assert.equal(selected[0]!.getAttribute('tabindex'), '0', 'roving tabindex on the selected option');
    assert.equal(options.filter((o) => o.getAttribute('tabindex') === '0').length, 1);
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
    const options = web.root.findAll((e) => e.getAttribute('role') === 'option');
    web.posted.length = 0;
    options[1]!.click();
    assert.deepEqual(web.posted[0], { type: 'reveal', id: options[1]!.getAttribute('data-id') });
    options[1]!.focus();
    web.posted.length = 0;
    const down = options[1]!.dispatch(event('keydown', { key: 'ArrowDown' }));
    assert.equal(down.defaultPrevented, true);
    assert.equal(web.document.activeElement, options[2]);
    assert.deepEqual(web.posted[0], { type: 'select', id: options[2]!.getAttribute('data-id') });
    options[2]!.dispatch(event('keydown', { key: 'Enter' }));
    assert.deepEqual(web.posted.at(-1), { type: 'reveal', id: options[2]!.getAttribute('data-id') });
    options[2]!.dispatch(event('keydown', { key: 'End' }));
    assert.equal(web.document.activeElement, options.at(-1));
    options.at(-1)!.dispatch(event('keydown', { key: 'Home' }));
    assert.equal(web.document.activeElement, options[0]);
  });

  it('follows a selection from the editor without rebuilding the list', () => {
    const web = loadWebview();
    web.send(modelMessage('LogsBucket'));
    const before = web.root.findAll((e) => e.getAttribute('role') === 'option');
    const zip = app.resources.find((r) => r.id === 'ZipFunction')!;
    web.send({ type: 'select', id: 'ZipFunction', resource: buildResourceDiagram(knowledge(), app, zip) });
    const after = web.root.findAll((e) => e.getAttribute('role') === 'option');
    assert.equal(after[0], before[0], 'same option elements (focus is kept)');
    assert.equal(after.find((o) => o.getAttribute('aria-selected') === 'true')?.getAttribute('data-id'), 'ZipFunction');
    const heading = web.root.find((e) => e.getAttribute('class') === 'resource-id');
    assert.equal(heading && text(heading), 'ZipFunction');
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
    const hostile = parseCloudFormation(fixture('cfn/hostile.yaml'))!;
    const web = loadWebview();
    let all = '';
    for (const resource of hostile.resources) {
      web.send({ type: 'model', uri: 'file:///hostile.yaml', model: buildDiagramModel(knowledge(), hostile, { fileName: '<img src=f onerror=alert(5)>.yaml', selectedId: resource.id }) });
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
