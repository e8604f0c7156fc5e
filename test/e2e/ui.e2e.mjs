// UI test: what a person sees. The packaged extension (.vsix) is installed into a fresh code-server
// (VS Code 1.100.3 workbench), headless Debian Chromium is driven by playwright-core: open the sample
// workspace, open a template from the Explorer, hover over a resource type with the real mouse, open the
// Problems panel. A PNG screenshot of each step goes to test-results/screenshots/ (git-ignored).
//
// Run through scripts/test.mjs (`npm run test:e2e`), which builds first and runs this file with mocha.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  ROOT, RESULTS_DIR, cleanupAll, clock, copyToTemp, launchBrowser, packageVsix, startCodeServer, tempDir, workbenchUrl,
} from '../../scripts/vscode-host.mjs';

const SHOTS = path.join(RESULTS_DIR, 'screenshots');
const STEP_TIMEOUT = 30000; // every wait below fails after this with a message saying what did not appear

describe('UI: the extension in the VS Code workbench (code-server + Chromium)', function () {
  this.timeout(120000);
  let server;
  let page;
  let workspace;
  let editor;

  const shot = async (name) => {
    const file = path.join(SHOTS, `${name}.png`);
    await page.screenshot({ path: file });
    console.log(`      screenshot: ${path.relative(ROOT, file)}`);
  };

  /** Waits for a locator to be visible, failing with `what` rather than a bare selector timeout. */
  const visible = async (locator, what, timeout = STEP_TIMEOUT) => {
    try {
      await locator.waitFor({ state: 'visible', timeout });
    } catch {
      throw new Error(`Timed out after ${timeout / 1000}s waiting for ${what}`);
    }
    return locator;
  };

  const explorerRow = (name) => page.locator('.explorer-folders-view .monaco-list-row', { has: page.locator(`.label-name:text-is("${name}")`) }).first();

  /** Opens a file of the workspace through the Explorer, as a person would (folder, then file). */
  const openFromExplorer = async (folder, file, marker) => {
    const fileRow = explorerRow(file);
    if (!(await fileRow.isVisible())) await (await visible(explorerRow(folder), `the ${folder}/ folder in the Explorer`)).click();
    await (await visible(fileRow, `${folder}/${file} in the Explorer`)).click();
    await visible(page.locator('.tabs-container .tab.active', { hasText: file }), `an editor tab for ${file}`);
    editor = page.locator('.editor-instance .monaco-editor').first();
    await visible(editor.locator('.view-lines', { hasText: marker }), `the text of ${file} in the editor`);
  };

  /** Moves the real mouse onto `text` in the editor until the hover containing `expect` shows. */
  const hoverOver = async (text, expect) => {
    const word = await visible(editor.locator('.view-line span span', { hasText: text }).first(), `${text} in the editor`);
    const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: expect }).first();
    const deadline = Date.now() + STEP_TIMEOUT;
    while (Date.now() < deadline) {
      const box = await word.boundingBox();
      await page.mouse.move(box.x + 2, box.y + box.height / 2);
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
      try {
        await hover.waitFor({ state: 'visible', timeout: 3000 });
        return hover;
      } catch {
        await page.mouse.move(5, 5); // leave and come back: a hover only starts on mouse movement
      }
    }
    throw new Error(`Timed out after ${STEP_TIMEOUT / 1000}s waiting for a hover with "${expect}" over ${text}`);
  };

  before(async function () {
    const t = clock();
    fs.mkdirSync(SHOTS, { recursive: true });
    for (const f of fs.readdirSync(SHOTS)) if (f.endsWith('.png')) fs.rmSync(path.join(SHOTS, f));
    const vsix = packageVsix(tempDir('vsix'));
    workspace = copyToTemp(path.join(ROOT, 'examples'), 'e2e-workspace');
    server = await startCodeServer({ name: 'e2e', vsix, logDir: path.join(RESULTS_DIR, 'logs') });
    ({ page } = await launchBrowser());
    page.on('pageerror', (e) => console.log(`      [pageerror] ${e.message}`));
    console.log(`      vsix installed, code-server ${server.url} and Chromium up in ${t()}`);
  });

  afterEach(async function () {
    if (this.currentTest.state === 'failed' && page) {
      const name = `failed-${this.currentTest.title.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}`;
      await shot(name).catch(() => {});
    }
  });

  after(async () => {
    await cleanupAll(); // browser, code-server process group, temp folders
  });

  it('opens the sample workspace in the workbench', async () => {
    await page.goto(workbenchUrl(server.url, workspace));
    await visible(page.locator('.monaco-workbench'), 'the VS Code workbench');
    await visible(explorerRow('cloudformation'), 'the workspace folders in the Explorer (remote file system connected)', 60000);
    await shot('01-workbench');
  });

  it('opens a CloudFormation template from the Explorer', async () => {
    await openFromExplorer('cloudformation', 'web-app.yaml', 'AWSTemplateFormatVersion');
    await visible(page.locator('.statusbar-item', { hasText: /^YAML$/ }), 'the YAML language mode in the status bar');
    await shot('02-template-open');
  });

  it('shows who secures what when hovering over AWS::S3::Bucket', async () => {
    const hover = await hoverOver('AWS::S3::Bucket', 'AWS secures');
    const text = await hover.innerText();
    assert.ok(text.includes('Amazon S3'), `hover does not name Amazon S3:\n${text}`);
    assert.match(text, /AWS secures/);
    assert.match(text, /You secure/);
    await shot('03-hover-s3-bucket');
  });

  it('shows the hover in a CloudFormation JSON template', async () => {
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
    await openFromExplorer('cloudformation', 'audit-logs.json', 'AWSTemplateFormatVersion');
    const hover = await hoverOver('AWS::Lambda::Function', 'AWS secures');
    const text = await hover.innerText();
    assert.ok(text.includes('AWS Lambda'), `hover does not name AWS Lambda:\n${text}`);
    assert.match(text, /You secure/);
    await shot('04-hover-json-lambda');
  });

  it('opens the Problems panel', async () => {
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
    await editor.click({ position: { x: 300, y: 10 } }); // focus inside the workbench so the shortcut reaches it
    await page.keyboard.press('Control+Shift+M');
    const panel = await visible(page.locator('.markers-panel'), 'the Problems panel');
    // Either the extension's findings or VS Code's "No problems have been detected" message.
    await visible(panel.locator('.monaco-list-row, .message-box-container').first(), 'content in the Problems panel');
    const rows = await panel.locator('.monaco-list-row').allInnerTexts();
    console.log(`      Problems panel: ${rows.length ? rows.slice(0, 5).map((r) => r.replace(/\s+/g, ' ')).join(' | ') : 'no problems listed'}`);
    await shot('05-problems-panel');
  });
});
