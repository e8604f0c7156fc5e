// Runs first, in a fresh extension host: the extension must stay inactive until a YAML or JSON document opens.
const assert = require('assert');
const vscode = require('vscode');
const { extension, openFixture, hoversAt, positionOf, waitFor } = require('./helpers');

describe('activation', () => {
  before(() => {
    console.log(`    (VS Code ${vscode.version}, Node ${process.versions.node}, ${vscode.env.appName}, uiKind ${vscode.UIKind[vscode.env.uiKind]})`);
  });

  it('declares activation only on YAML, JSON and Terraform documents', () => {
    const events = extension().packageJSON.activationEvents || [];
    assert.ok(events.includes('onLanguage:yaml'), `activationEvents lacks onLanguage:yaml: ${JSON.stringify(events)}`);
    assert.ok(events.includes('onLanguage:json'), `activationEvents lacks onLanguage:json: ${JSON.stringify(events)}`);
    const eager = events.filter((e) => e === '*' || e === 'onStartupFinished' || e.startsWith('workspaceContains:'));
    assert.deepStrictEqual(eager, [], 'the extension must not activate eagerly');
    const languages = events.filter((e) => e.startsWith('onLanguage:')).map((e) => e.slice('onLanguage:'.length));
    const allowed = ['yaml', 'json', 'jsonc', 'terraform'];
    assert.deepStrictEqual(languages.filter((l) => !allowed.includes(l)), [], `unexpected onLanguage events: ${languages}`);
  });

  it('stays inactive for a plain-text file, and gives no hover there', async () => {
    const ext = extension();
    assert.strictEqual(ext.isActive, false, 'active before any document was opened');
    const doc = await openFixture('other/notes.txt');
    assert.strictEqual(doc.languageId, 'plaintext');
    const templatesOpen = vscode.workspace.textDocuments.filter((d) => ['yaml', 'json', 'jsonc'].includes(d.languageId));
    assert.deepStrictEqual(templatesOpen.map((d) => d.uri.toString()), [], 'a YAML/JSON document is already open');
    const hovers = await hoversAt(doc, positionOf(doc, 'AWS::S3::Bucket', { delta: 5 }));
    assert.deepStrictEqual(hovers.map((h) => h.markdown), [], 'hover on a plain-text file');
    assert.strictEqual(ext.isActive, false, 'the extension activated for a plain-text document');
  });

  it('activates when a CloudFormation YAML template is opened', async () => {
    const ext = extension();
    const doc = await openFixture('templates/storage.yaml');
    assert.strictEqual(doc.languageId, 'yaml');
    await waitFor(() => ext.isActive, 'the extension to activate on a YAML document (onLanguage:yaml)');
  });
});
