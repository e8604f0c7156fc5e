// Helpers for the suites that run inside the extension host.
const assert = require('assert');
const vscode = require('vscode');

const EXTENSION_ID = 'srm-lens.srm-lens';

/** Polls `condition` until it is truthy; fails with `message` after `timeout` ms (no fixed sleeps). */
async function waitFor(condition, message, timeout = 20000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeout / 1000}s waiting for ${message}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function extension() {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed in this extension host`);
  return ext;
}

function fixtureUri(relativePath) {
  const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  assert.ok(folder, 'the test workspace folder is not open');
  return vscode.Uri.joinPath(folder.uri, ...relativePath.split('/'));
}

/** Opens a fixture in an editor, as a person would. */
async function openFixture(relativePath) {
  const doc = await vscode.workspace.openTextDocument(fixtureUri(relativePath));
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

/** Position of the `nth` occurrence of `text` in `doc`, plus `delta` characters. */
function positionOf(doc, text, { nth = 0, delta = 0 } = {}) {
  const source = doc.getText();
  let offset = -1;
  for (let i = 0; i <= nth; i++) {
    offset = source.indexOf(text, offset + 1);
    assert.ok(offset >= 0, `${JSON.stringify(text)} (occurrence ${nth}) not found in ${doc.uri.path}`);
  }
  return doc.positionAt(offset + delta);
}

/** All hovers VS Code collects at a position (from every provider), with their Markdown joined. */
async function hoversAt(doc, position) {
  const hovers = (await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, position)) || [];
  return hovers.map((hover) => ({
    range: hover.range,
    markdown: hover.contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n'),
  }));
}

/** The extension's hover at a position: the hover whose Markdown has the "AWS secures" section. */
async function responsibilityHoverAt(doc, position) {
  const hovers = await hoversAt(doc, position);
  return hovers.find((h) => /AWS secures/.test(h.markdown));
}

module.exports = { EXTENSION_ID, waitFor, extension, fixtureUri, openFixture, positionOf, hoversAt, responsibilityHoverAt };
