// Diagnostics in the Problems panel, through VS Code's own APIs: vscode.languages.getDiagnostics,
// vscode.executeCodeActionProvider, the suppress and Scan Workspace commands.
const assert = require('assert');
const vscode = require('vscode');
const { extension, fixtureUri, openFixture, positionOf, responsibilityHoverAt, waitFor } = require('./helpers');

const SOURCE = 'SRM Lens';

/** The extension's diagnostics on a document, each with its rule id. */
function lensDiagnostics(uri) {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === SOURCE)
    .map((d) => ({ diagnostic: d, code: typeof d.code === 'object' ? d.code.value : d.code }));
}

/** Waits until the document's diagnostics satisfy `test` (they are computed after a debounce, off the edit). */
function diagnosticsWhere(uri, test, what) {
  return waitFor(() => {
    const found = lensDiagnostics(uri);
    return test(found) ? found : undefined;
  }, what);
}

const has = (code) => (found) => found.some((d) => d.code === code);
const lacks = (code) => (found) => !found.some((d) => d.code === code);

describe('diagnostics', () => {
  let doc;
  before(async () => {
    doc = await openFixture('templates/findings.yaml');
    await waitFor(() => extension().isActive, 'the extension to activate');
  });

  it('shows the findings of an open template with their rule ids, severities, sources and ranges', async () => {
    const found = await diagnosticsWhere(doc.uri, (f) => has('rds-instance-publicly-accessible')(f) && has('rds-instance-storage-encrypted')(f), 'the RDS findings');
    const publicDb = found.find((d) => d.code === 'rds-instance-publicly-accessible').diagnostic;
    assert.strictEqual(publicDb.severity, vscode.DiagnosticSeverity.Error);
    assert.strictEqual(doc.getText(publicDb.range), 'true', 'the finding sits on the offending value');
    assert.strictEqual(publicDb.range.start.line, positionOf(doc, 'PubliclyAccessible').line);
    assert.match(publicDb.message, /Security Hub RDS\.2/);
    assert.ok(publicDb.code.target && publicDb.code.target.scheme === 'https', 'the code links to the rule documentation');
    const unencrypted = found.find((d) => d.code === 'rds-instance-storage-encrypted').diagnostic;
    assert.strictEqual(doc.getText(unencrypted.range), 'Database', 'an absent property puts the finding on the logical ID');
    const ssh = found.filter((d) => d.diagnostic.range.start.line >= positionOf(doc, 'SecurityGroupIngress').line);
    assert.ok(ssh.some((d) => d.diagnostic.severity === vscode.DiagnosticSeverity.Error), 'SSH open to the world is an error');
  });

  it('leads the hover of the resource with its findings', async () => {
    const hover = await responsibilityHoverAt(doc, positionOf(doc, 'AWS::RDS::DBInstance', { delta: 5 }));
    assert.ok(hover, 'no responsibility hover on the database');
    const lines = hover.markdown.split('\n');
    assert.strictEqual(lines[2], '**In this template**', hover.markdown);
    assert.match(lines[3], /✗ error.*rds-instance-publicly-accessible/);
  });

  it('applies a quick fix and the finding goes', async () => {
    const [{ diagnostic }] = lensDiagnostics(doc.uri).filter((d) => d.code === 'rds-instance-storage-encrypted');
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title.startsWith('Set StorageEncrypted'));
    assert.ok(fix && fix.edit, `no quick fix among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(doc.getText(), /\n {6}StorageEncrypted: true/, 'the property is written with the document\'s indentation');
    await diagnosticsWhere(doc.uri, lacks('rds-instance-storage-encrypted'), 'the storage encryption finding to go');
  });

  it('suppresses a finding with a reason and the finding goes', async () => {
    const [{ diagnostic }] = lensDiagnostics(doc.uri).filter((d) => d.code === 'rds-instance-publicly-accessible');
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const suppress = actions.find((a) => a.title.startsWith('Suppress rds-instance-publicly-accessible'));
    assert.ok(suppress && suppress.command, `no suppress action among: ${actions.map((a) => a.title).join(' | ')}`);
    // The reason is passed as the command's second argument instead of typed into the input box.
    assert.ok(await vscode.commands.executeCommand(suppress.command.command, ...suppress.command.arguments, 'reached through a VPN only'));
    assert.match(doc.getText(), /# srm-lens:ignore rds-instance-publicly-accessible reached through a VPN only\n\s+PubliclyAccessible: true/);
    await diagnosticsWhere(doc.uri, lacks('rds-instance-publicly-accessible'), 'the public database finding to go');
  });

  it('updates on edit, and clears the diagnostics of a closed document', async () => {
    const editor = await vscode.window.showTextDocument(doc);
    const at = positionOf(doc, 'CidrIp: 0.0.0.0/0', { delta: 'CidrIp: '.length });
    await editor.edit((edit) => edit.replace(new vscode.Range(at, at.translate(0, '0.0.0.0/0'.length)), '10.0.0.0/8'));
    await diagnosticsWhere(doc.uri, (found) => !found.some((d) => d.diagnostic.severity === vscode.DiagnosticSeverity.Error), 'the SSH finding to go after the edit');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitFor(() => lensDiagnostics(doc.uri).length === 0, 'the diagnostics of the closed document to clear');
  });

  it('gives a YAML file that is not a template no diagnostics', async () => {
    const workflow = await openFixture('other/deploy-workflow.yml');
    const template = await openFixture('templates/storage.yaml'); // analysed after the workflow: both are done then
    await waitFor(() => lensDiagnostics(template.uri).length > 0, 'the diagnostics of storage.yaml');
    assert.deepStrictEqual(lensDiagnostics(workflow.uri), []);
  });

  it('Scan Workspace fills the Problems panel for templates that are not open', async () => {
    const unopened = fixtureUri('terraform/findings.tf');
    assert.deepStrictEqual(lensDiagnostics(unopened), []);
    const templates = await vscode.commands.executeCommand('srmLens.scanWorkspace');
    assert.ok(templates >= 5, `${templates} templates scanned`);
    const found = await diagnosticsWhere(unopened, has('terraform-provider-hardcoded-credentials'), 'the provider credentials finding');
    assert.strictEqual(found.find((d) => d.code === 'terraform-provider-hardcoded-credentials').diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.deepStrictEqual(lensDiagnostics(fixtureUri('other/package-settings.json')), []);
  });
});
