// The responsibility diagram in the real VS Code: the command opens the webview panel, the webview (loaded by the
// workbench in the browser) renders the template's resources and reports them back through the message protocol,
// a click reveals a resource, the cursor and edits are followed, the serializer restores the panel, and the
// export writes the Markdown report.
const assert = require('assert');
const vscode = require('vscode');
const { extension, fixtureUri, openFixture, positionOf, responsibilityHoverAt, waitFor } = require('./helpers');

const VIEW_TYPE = 'srmLens.diagram';
const STORAGE_IDS = ['ReportsBucket', 'ReportsFunction', 'ReportsRole'];

/** The extension's test API (activate() returns it outside production). */
async function diagram() {
  const ext = extension();
  const api = ext.isActive ? ext.exports : await ext.activate();
  assert.ok(api && api.diagram, 'activate() returned no test API (is the extension running in production mode?)');
  return api.diagram;
}

/** Waits until the webview reports a render that satisfies `check`. */
function rendered(panel, check, what) {
  return waitFor(() => panel.rendered && check(panel.rendered) && panel.rendered, `the webview to render ${what} (last: ${JSON.stringify(panel.rendered)})`);
}

function diagramTabs() {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(VIEW_TYPE));
}

function lastModel(panel) {
  const message = [...panel.posted].reverse().find((m) => m.type === 'model');
  assert.ok(message, `no model message was posted (posted: ${panel.posted.map((m) => m.type).join(', ')})`);
  return message.model;
}

describe('responsibility diagram', function () {
  this.timeout(60000);
  let panel;
  let doc;

  before(async () => {
    doc = await openFixture('templates/storage.yaml');
    panel = await diagram();
  });

  after(async () => {
    if (panel) panel.close();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('contributes the commands to the palette and the editor menus', () => {
    const contributes = extension().packageJSON.contributes;
    const titles = Object.fromEntries(contributes.commands.map((c) => [c.command, c.title]));
    assert.strictEqual(titles['srmLens.showDiagram'], 'Show Responsibility Diagram');
    assert.strictEqual(titles['srmLens.exportReport'], 'Export Responsibility Report');
    assert.ok(contributes.menus['editor/title'].some((m) => m.command === 'srmLens.showDiagram' && /yaml/.test(m.when)));
    assert.ok(contributes.menus['editor/context'].some((m) => m.command === 'srmLens.showDiagram' && /terraform/.test(m.when)));
    assert.ok(extension().packageJSON.activationEvents.includes(`onWebviewPanel:${VIEW_TYPE}`));
  });

  it('Show Responsibility Diagram opens the panel; the webview renders every resource of the template', async () => {
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    const inFunction = positionOf(doc, 'Handler: index.handler');
    editor.selection = new vscode.Selection(inFunction, inFunction);
    await vscode.commands.executeCommand('srmLens.showDiagram');
    assert.strictEqual(panel.isOpen, true);
    const state = await rendered(panel, (r) => r.resources.length === 3, 'the three resources of storage.yaml');
    assert.deepStrictEqual([...state.resources].sort(), [...STORAGE_IDS].sort());
    assert.strictEqual(state.selectedId, 'ReportsFunction', 'the resource at the cursor is selected');
    assert.strictEqual(diagramTabs().length, 1, 'one diagram tab');
    const model = lastModel(panel);
    assert.strictEqual(model.file.name, 'templates/storage.yaml');
    assert.deepStrictEqual(model.groups.map((g) => g.id), ['abstracted']);
    assert.strictEqual(model.selected.service, 'AWS Lambda');
    assert.strictEqual(model.selected.layers.length, 8);
  });

  it('a click in the diagram reveals the resource in the editor', async () => {
    await panel.receive({ type: 'reveal', id: 'ReportsRole' });
    const line = positionOf(doc, 'ReportsRole:').line;
    await waitFor(() => {
      const editor = vscode.window.activeTextEditor;
      return editor && editor.document.uri.toString() === doc.uri.toString() && editor.selection.active.line === line;
    }, `the editor to put the cursor on line ${line + 1} (ReportsRole)`);
    await rendered(panel, (r) => r.selectedId === 'ReportsRole', 'ReportsRole as selected');
  });

  it('moving the cursor in the editor selects the resource in the diagram', async () => {
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    const inBucket = positionOf(doc, 'VersioningConfiguration');
    editor.selection = new vscode.Selection(inBucket, inBucket);
    await rendered(panel, (r) => r.selectedId === 'ReportsBucket', 'ReportsBucket after the cursor moved into it');
    const selection = [...panel.posted].reverse().find((m) => m.type === 'select');
    assert.ok(selection && selection.resource.service === 'Amazon S3');
  });

  it('follows edits to the template', async () => {
    const edit = new vscode.WorkspaceEdit();
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    edit.insert(doc.uri, end, '\n  ExtraQueue:\n    Type: AWS::SQS::Queue\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await rendered(panel, (r) => r.resources.includes('ExtraQueue'), 'the queue added by an edit');
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await rendered(panel, (r) => !r.resources.includes('ExtraQueue') && r.resources.length === 3, 'the reverted template');
  });

  it('follows the active editor to another template', async () => {
    const json = await openFixture('templates/storage.json');
    await waitFor(() => panel.document && panel.document.toString() === json.uri.toString(), 'the diagram to follow storage.json');
    const state = await rendered(panel, (r) => r.resources.length > 0 && lastModel(panel).file.name === 'templates/storage.json', 'storage.json');
    assert.ok(state.resources.length >= 2);
    // A file that is not a template does not take the diagram away.
    await openFixture('other/notes.txt');
    await new Promise((r) => setTimeout(r, 400));
    assert.strictEqual(panel.document.toString(), json.uri.toString());
  });

  it('the hover links to the diagram, opened on that resource', async () => {
    const yaml = await openFixture('templates/storage.yaml');
    const hover = await responsibilityHoverAt(yaml, positionOf(yaml, 'AWS::S3::Bucket', { delta: 4 }));
    assert.ok(hover, 'no responsibility hover');
    const match = /\[Show in diagram\]\(command:srmLens\.showDiagram\?([^ )]+)/.exec(hover.markdown);
    assert.ok(match, `no "Show in diagram" command link in the hover:\n${hover.markdown}`);
    const args = JSON.parse(decodeURIComponent(match[1]));
    assert.deepStrictEqual(args, [{ uri: yaml.uri.toString(), resource: 'ReportsBucket' }]);
    await vscode.commands.executeCommand('srmLens.showDiagram', ...args);
    await rendered(panel, (r) => r.selectedId === 'ReportsBucket' && r.resources.length === 3, 'ReportsBucket from the hover link');
  });

  it('ignores malformed messages from the webview', async () => {
    const before = panel.posted.length;
    for (const message of [null, 'reveal', { type: 'reveal' }, { type: 'reveal', id: 42 }, { type: 'nope' }, { type: 'openLink', url: 'command:workbench.action.quit' }]) {
      await panel.receive(message);
    }
    assert.strictEqual(panel.posted.length, before, 'a malformed message made the host send something');
    assert.strictEqual(panel.selected, 'ReportsBucket');
  });

  it('Export Responsibility Report writes the Markdown report of the template', async () => {
    const target = fixtureUri('templates/storage.responsibility.md');
    const written = await vscode.commands.executeCommand('srmLens.exportReport', fixtureUri('templates/storage.yaml'), target);
    assert.strictEqual(written && written.toString(), target.toString());
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.match(text, /^# Shared responsibility report/);
    assert.match(text, /^## `templates\/storage\.yaml` \(CloudFormation YAML\)$/m);
    for (const id of STORAGE_IDS) assert.match(text, new RegExp(`^### ${id} · `, 'm'));
    assert.match(text, /\*\*Not addressed in this template\*\*/);
    assert.doesNotMatch(text, /command:/);
    await vscode.workspace.fs.delete(target);
  });

  it('the serializer restores a closed panel from the webview state', async () => {
    const state = { uri: fixtureUri('templates/storage.yaml').toString(), selectedId: 'ReportsRole', expanded: ['customer_data'] };
    panel.close();
    await waitFor(() => !panel.isOpen && diagramTabs().length === 0, 'the panel to close');
    // What VS Code does after a reload: a panel of our view type, handed to the registered serializer.
    const restored = vscode.window.createWebviewPanel(VIEW_TYPE, 'Shared responsibility', vscode.ViewColumn.Two, {});
    await panel.restore(restored, state);
    assert.strictEqual(panel.isOpen, true);
    await rendered(panel, (r) => r.selectedId === 'ReportsRole' && r.resources.length === 3, 'ReportsRole after the restore');
    assert.strictEqual(panel.document.toString(), state.uri);
    assert.strictEqual(diagramTabs().length, 1);
  });
});
