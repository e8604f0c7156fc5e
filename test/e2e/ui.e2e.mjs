// UI test: what a person sees. The packaged extension (.vsix) is installed into a fresh code-server
// (VS Code 1.100.3 workbench); headless Debian Chromium is driven by playwright-core: open the sample
// workspace, open a template from the Explorer, hover over a resource type with the real mouse, open the
// Problems panel with the findings of a template. A PNG screenshot of each step goes to test-results/screenshots/ (git-ignored).
//
// Run through scripts/test.mjs (`npm run test:e2e`), which builds first and runs test/e2e/*.e2e.mjs with mocha.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  ROOT, RESULTS_DIR, cleanupAll, clock, copyToTemp, launchBrowser, packageVsix, startCodeServer, tempDir, workbenchUrl,
} from '../../scripts/vscode-host.mjs';
import { stopAfterFirstFailure, Workbench } from './workbench.mjs';

describe('UI: the extension in the VS Code workbench (code-server + Chromium)', function () {
  this.timeout(120000);
  let server;
  let workspace;
  let wb;

  before(async () => {
    const t = clock();
    const vsix = packageVsix(tempDir('vsix'));
    workspace = copyToTemp(path.join(ROOT, 'examples'), 'e2e-workspace');
    server = await startCodeServer({
      name: 'e2e',
      vsix,
      logDir: path.join(RESULTS_DIR, 'logs'),
      // VS Code's default dark theme; hovers open below the line, where the screenshots have room for them.
      settings: { 'workbench.colorTheme': 'Default Dark Modern', 'editor.hover.above': false },
    });
    const { page } = await launchBrowser();
    page.on('pageerror', (e) => console.log(`      [pageerror] ${e.message}`));
    wb = new Workbench(page);
    console.log(`      .vsix installed; code-server ${server.url} and Chromium up in ${t()}`);
  });

  stopAfterFirstFailure(() => wb, 'failed');

  after(async () => {
    await cleanupAll(); // browser, code-server process group, temp folders
  });

  it('opens the sample workspace in the workbench', async () => {
    await wb.open(workbenchUrl(server.url, workspace), 'cloudformation');
    await wb.screenshot('01-workbench');
  });

  it('opens a CloudFormation template from the Explorer', async () => {
    await wb.openFromExplorer('cloudformation', 'web-app.yaml', 'AWSTemplateFormatVersion');
    await wb.visible(wb.page.locator('.statusbar-item', { hasText: /^YAML$/ }), 'the YAML language mode in the status bar');
    await wb.screenshot('02-template-open');
  });

  it('shows who secures what when hovering over AWS::S3::Bucket', async () => {
    const text = await wb.hover('AWS::S3::Bucket', 'AWS secures');
    assert.ok(text.includes('Amazon S3'), `hover does not name Amazon S3:\n${text}`);
    assert.match(text, /AWS secures/);
    assert.match(text, /You secure/);
    await wb.screenshot('03-hover-s3-bucket');
    await wb.scrollHoverTo('You secure'); // the customer's part, below the fold of a long hover
    await wb.screenshot('03b-hover-s3-bucket-you-secure');
  });

  it('shows the hover in a CloudFormation JSON template', async () => {
    await wb.dismissHover();
    await wb.openFromExplorer('cloudformation', 'audit-logs.json', 'AWSTemplateFormatVersion');
    const text = await wb.hover('AWS::S3::Bucket', 'AWS secures');
    assert.ok(text.includes('Amazon S3'), `hover does not name Amazon S3:\n${text}`);
    assert.match(text, /You secure/);
    await wb.screenshot('04-hover-json');
  });

  it('leads the hover with what this resource leaves open, within its first screen (S3 bucket, ECS service, aws_instance)', async () => {
    // VS Code shows about 250 px of a hover before it scrolls.
    for (const [folder, file, marker, type] of [
      ['cloudformation', 'web-app.yaml', 'AWSTemplateFormatVersion', 'AWS::S3::Bucket'],
      ['cloudformation', 'web-app.yaml', 'AWSTemplateFormatVersion', 'AWS::ECS::Service'],
      ['terraform', 'main.tf', 'required_providers', 'aws_instance'],
    ]) {
      await wb.dismissHover();
      await wb.openFromExplorer(folder, file, marker);
      const line = fs.readFileSync(path.join(ROOT, 'examples', folder, file), 'utf8').split('\n').findIndex((l) => l.includes(type)) + 1;
      await wb.goToLine(line);
      await wb.hover(type, 'In this template');
      const offset = await wb.firstTemplateLineOffset();
      assert.ok(offset !== undefined && offset < 250, `${type}: the first line under "In this template" is ${offset} px down the hover`);
      await wb.screenshot(`04b-hover-first-screen-${type.replace(/[^a-z0-9]+/gi, '-')}`);
    }
  });

  it('lists a template\'s findings in the Problems panel, with their rule ids', async () => {
    await wb.dismissHover();
    await wb.openFromExplorer('cloudformation', 'needs-work.yaml', 'AWSTemplateFormatVersion');
    await wb.editor.click({ position: { x: 300, y: 10 } }); // focus inside the workbench so the shortcut reaches it
    await wb.page.keyboard.press('Control+Shift+M');
    const panel = await wb.visible(wb.page.locator('.markers-panel'), 'the Problems panel');
    const finding = panel.locator('.monaco-list-row', { hasText: 'rds-instance-publicly-accessible' });
    await wb.visible(finding.first(), 'the public database finding in the Problems panel');
    const rows = await panel.locator('.monaco-list-row').allInnerTexts();
    console.log(`      Problems panel: ${rows.slice(0, 4).map((r) => r.replace(/\s+/g, ' ')).join(' | ')}`);
    assert.ok(rows.some((r) => /SRM Lens/.test(r) && /iam-managed-policy-admin-access/.test(r)), 'the admin policy finding is listed with its source');
    assert.ok(rows.some((r) => /vpc-sg-ingress-admin-ports-open/.test(r)), 'the open SSH finding is listed');
    await wb.screenshot('05-problems-panel');
  });
});
