// UI test of the responsibility diagram, as a person uses it: the packaged extension (.vsix) in a fresh
// code-server, driven in headless Chromium. Opens the diagram from the command palette on an S3 bucket, follows the
// editor to a Lambda function from a container image and to a whole SAM template, clicks and uses the keyboard in
// the webview, reloads the page (the serializer restores the panel), switches between the dark, light and
// high-contrast themes and a narrow width, opens a template full of hostile strings, then a 65-resource web stack:
// the details stay in view after a row click and a hover's "Show in diagram", the column headers stick, and the
// marks keep 3:1 contrast in three themes. Screenshots go to test-results/screenshots/diagram-*.png.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  RESULTS_DIR, cleanupAll, clock, copyToTemp, launchBrowser, packageVsix, startCodeServer, tempDir, waitFor, workbenchUrl,
} from '../../scripts/vscode-host.mjs';
import { STEP_TIMEOUT, stopAfterFirstFailure, Workbench } from './workbench.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const THEMES = { dark: 'Default Dark Modern', light: 'Default Light Modern', hc: 'Default High Contrast' };
/** The labels the theme picker shows (VS Code 1.100). */
const THEME_LABELS = { dark: 'Dark Modern', light: 'Light Modern', hc: 'Dark High Contrast' };
const BODY_CLASS = { dark: 'vscode-dark', light: 'vscode-light', hc: 'vscode-high-contrast' };
/** A resource row of the template view (group headings are tree items too, without data-id). */
const ROW = '[role="treeitem"][data-id]';
/** The resources of test/e2e/diagram-workspace/large/web-stack.yaml. */
const LARGE_COUNT = 65;

/** WCAG 2.x relative luminance of an `rgb(r, g, b)` colour. */
function luminance(css) {
  const [r, g, b] = css.match(/[\d.]+/g).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2.x contrast ratio of two colours (1 to 21). */
function contrast(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe('UI: the responsibility diagram (code-server + Chromium)', function () {
  this.timeout(120000);
  let server;
  let wb;
  let page;
  let dialogs = 0;

  /** The webview frame that holds the diagram (#app), once it has rendered. */
  async function diagram(what = 'the diagram webview') {
    return waitFor(
      async () => {
        for (const frame of page.frames()) {
          if (frame.isDetached()) continue;
          const found = await frame.locator('#app .bar').count().catch(() => 0);
          if (found > 0) return frame;
        }
        return undefined;
      },
      { timeout: STEP_TIMEOUT, message: what },
    );
  }

  /** Waits until the diagram shows `id` as the selected resource, and returns the frame. */
  async function selected(id) {
    const frame = await diagram(`the diagram webview (for ${id})`);
    await waitFor(
      async () => {
        const f = await diagram();
        const heading = await f.locator('.resource-id').first().textContent({ timeout: 1000 }).catch(() => null);
        const option = await f.locator(`${ROW}[aria-selected="true"]`).first().getAttribute('data-id', { timeout: 1000 }).catch(() => null);
        return heading === id && option === id;
      },
      { timeout: STEP_TIMEOUT, message: `the diagram to show ${id}` },
    );
    return diagram();
  }

  /** Switches the color theme the way a person does: Preferences: Color Theme in the command palette. */
  async function theme(name) {
    await paletteCommand('Preferences: Color Theme');
    const input = page.locator('.quick-input-widget input');
    await wb.visible(input, 'the color theme picker');
    await input.fill(THEME_LABELS[name]);
    await pick(`(Default )?${THEME_LABELS[name]}`, `${THEME_LABELS[name]} in the theme picker`);
    await waitFor(
      async () => {
        const frame = await diagram();
        return frame.evaluate((cls) => document.body.classList.contains(cls), BODY_CLASS[name]).catch(() => false);
      },
      { timeout: STEP_TIMEOUT, message: `the ${THEME_LABELS[name]} theme to reach the webview` },
    );
  }

  /** Moves the cursor of the first editor group to a line (1-based), with Go to Line as a person does. */
  async function goToLine(line) {
    await page.keyboard.press('Control+1');
    await page.keyboard.press('Control+G');
    const input = page.locator('.quick-input-widget input');
    await wb.visible(input, 'Go to Line');
    await input.fill(`:${line}`);
    await wb.visible(page.locator('.quick-input-widget', { hasText: `line ${line}` }), `Go to Line ${line}`);
    await page.keyboard.press('Enter');
  }

  /** Collapses every layer (the diagram's own "Collapse all"), so a screenshot shows what a test expands. */
  async function collapseAll(frame) {
    await frame.locator('.model-actions button', { hasText: 'Collapse all' }).click();
    await waitFor(async () => (await frame.locator('.layer-toggle[aria-expanded="true"]').count()) === 0, { message: 'every layer to collapse' });
  }

  /** Expands a layer of the diagram (a real click on its toggle). */
  async function expand(frame, layer) {
    const toggle = frame.locator(`[data-layer="${layer}"] .layer-toggle`);
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await frame.locator(`#layer-items-${layer}`).waitFor({ state: 'visible', timeout: 5000 });
  }

  /** Opens a file from the Explorer into the first editor group (the diagram stays in the second). */
  async function openTemplate(folder, file, marker) {
    await page.keyboard.press('Control+1');
    await wb.openFromExplorer(folder, file, marker);
  }

  /** Picks a row of the open quick input whose label is exactly `label`. */
  async function pick(label, what) {
    const row = page.locator('.quick-input-list .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${label}$`) }) }).first();
    await (await wb.visible(row, what)).click();
  }

  async function paletteCommand(title) {
    await wb.editor.click({ position: { x: 400, y: 15 } });
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await wb.visible(input, 'the command palette');
    await input.fill(`>${title}`);
    await pick(title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), `"${title}" in the command palette`);
  }

  before(async () => {
    const t = clock();
    const vsix = packageVsix(tempDir('vsix'));
    const workspace = copyToTemp(path.join(HERE, 'diagram-workspace'), 'diagram-workspace');
    server = await startCodeServer({
      name: 'e2e-diagram',
      vsix,
      logDir: path.join(RESULTS_DIR, 'logs'),
      settings: { 'workbench.colorTheme': THEMES.dark, 'workbench.editor.enablePreview': false },
    });
    ({ page } = await launchBrowser({ viewport: { width: 1600, height: 1200 } }));
    page.on('pageerror', (e) => console.log(`      [pageerror] ${e.message}`));
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    wb = new Workbench(page);
    await wb.open(workbenchUrl(server.url, workspace), 'cloudformation');
    console.log(`      .vsix installed; code-server and Chromium up in ${t()}`);
  });

  stopAfterFirstFailure(() => wb, 'diagram-failed');
  after(async () => {
    await cleanupAll();
  });

  it('opens from the command palette on an S3 bucket (dark theme)', async () => {
    await openTemplate('cloudformation', 's3-bucket.yaml', 'InvoicesBucket');
    await paletteCommand('SRM Lens: Show Responsibility Diagram');
    const frame = await selected('InvoicesBucket');
    assert.match(await frame.locator('.title-file').textContent(), /s3-bucket\.yaml/);
    assert.equal(await frame.locator('[data-layer="os_network_firewall"] .owner-tag').first().textContent(), 'AWS');
    assert.equal(await frame.locator('[data-layer="customer_data"] .owner-tag').first().textContent(), 'You');
    await collapseAll(frame);
    await expand(frame, 'server_side_encryption');
    await page.mouse.move(5, 500);
    await wb.screenshot('diagram-dark-s3-bucket');
  });

  it('follows the editor to a Lambda function from a container image', async () => {
    await openTemplate('cloudformation', 'lambda-image.yaml', 'ThumbnailFunction');
    const frame = await selected('ThumbnailFunction');
    assert.match(await frame.locator('.shifts').textContent(), /Container image/);
    await collapseAll(frame);
    await expand(frame, 'os_network_firewall');
    assert.match(await frame.locator('#layer-items-os_network_firewall').textContent(), /rebuild from the latest base image/i);
    await page.mouse.move(5, 500);
    await wb.screenshot('diagram-dark-lambda-image');
  });

  it('shows a whole SAM template grouped by category; a click reveals the resource in the editor', async () => {
    await openTemplate('sam', 'template.yaml', 'Transform');
    const frame = await diagram('the diagram for the SAM template');
    await waitFor(async () => (await frame.locator(ROW).count()) === 6, { message: 'the six resources of the SAM template' });
    const groups = await frame.locator('.group-label').allTextContents();
    assert.deepEqual(groups, ['Container services', 'Abstracted services']);
    await frame.locator(`${ROW}[data-id="ReceiptsBucket"]`).click();
    await selected('ReceiptsBucket');
    // The editor's cursor moved to the bucket's logical ID.
    const line = fs.readFileSync(path.join(HERE, 'diagram-workspace', 'sam', 'template.yaml'), 'utf8').split('\n').findIndex((l) => l.startsWith('  ReceiptsBucket:')) + 1;
    await wb.visible(page.locator('.statusbar-item', { hasText: new RegExp(`^Ln ${line}, Col`) }), `the cursor on line ${line} in the status bar`);
    const f = await diagram();
    await collapseAll(f);
    await page.mouse.move(5, 500);
    await wb.screenshot('diagram-dark-sam-template');
  });

  it('selects the resource under the editor cursor, and moves with the arrow keys', async () => {
    const lines = fs.readFileSync(path.join(HERE, 'diagram-workspace', 'sam', 'template.yaml'), 'utf8').split('\n');
    const line = lines.findIndex((l) => l.includes('BillingMode')) + 1;
    await goToLine(line);
    const frame = await selected('OrdersTable');
    await frame.locator(`${ROW}[data-id="OrdersTable"]`).focus();
    await page.keyboard.press('ArrowDown');
    await selected('ReceiptsBucket');
    const focused = await (await diagram()).evaluate(() => document.activeElement?.getAttribute('data-id'));
    assert.equal(focused, 'ReceiptsBucket', 'focus moved with the selection');
  });

  it('is restored after a reload (WebviewPanelSerializer)', async () => {
    // As a person reloads: Developer: Reload Window (the workbench saves its editors, the webview's state with them).
    await paletteCommand('Developer: Reload Window');
    await page.waitForEvent('load', { timeout: STEP_TIMEOUT });
    await wb.visible(page.locator('.monaco-workbench'), 'the workbench after the reload');
    const frame = await diagram('the diagram restored after the reload');
    await waitFor(async () => (await frame.locator(ROW).count()) === 6, { message: 'the SAM template restored in the diagram' });
    await selected('ReceiptsBucket');
  });

  it('reads well in the light theme', async () => {
    await theme('light');
    await (await selected('ReceiptsBucket')).locator('[data-layer="server_side_encryption"]').waitFor();
    await page.mouse.move(5, 500);
    await wb.screenshot('diagram-light-sam-template');
    await openTemplate('cloudformation', 's3-bucket.yaml', 'InvoicesBucket');
    await collapseAll(await selected('InvoicesBucket'));
    await expand(await diagram(), 'server_side_encryption');
    await page.mouse.move(5, 500);
    await wb.screenshot('diagram-light-s3-bucket');
    await openTemplate('cloudformation', 'lambda-image.yaml', 'ThumbnailFunction');
    await collapseAll(await selected('ThumbnailFunction'));
    await expand(await diagram(), 'os_network_firewall');
    await page.mouse.move(5, 500);
    await wb.screenshot('diagram-light-lambda-image');
  });

  it('keeps owners distinguishable in high contrast (text and border style, not colour alone)', async () => {
    await theme('hc');
    const frame = await selected('ThumbnailFunction');
    const styles = await frame.evaluate(() =>
      ['customer_data', 'os_network_firewall', 'aws_software'].map((id) => getComputedStyle(document.querySelector(`[data-layer="${id}"]`)).borderLeftStyle),
    );
    assert.deepEqual(styles, ['solid', 'dashed', 'double'], 'you / shared / AWS differ by border style');
    await page.mouse.move(5, 500);
    await wb.screenshot('diagram-hc-lambda-image');
  });

  it('stays readable at a narrow width', async () => {
    await theme('dark');
    await page.setViewportSize({ width: 900, height: 1000 });
    const frame = await selected('ThumbnailFunction');
    const overflow = await frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 1, `the diagram scrolls sideways by ${overflow}px`);
    await page.mouse.move(5, 500);
    await wb.screenshot('diagram-dark-narrow');
    await page.setViewportSize({ width: 1600, height: 1200 });
  });

  it('renders hostile strings from a template as text', async () => {
    await openTemplate('hostile', 'hostile.yaml', 'onerror');
    const frame = await diagram('the diagram of hostile.yaml');
    await waitFor(async () => (await frame.locator(ROW).count()) === 3, { message: 'the three hostile resources' });
    const ids = await frame.locator(ROW).evaluateAll((options) => options.map((o) => o.getAttribute('data-id')));
    assert.deepEqual(ids.sort(), ['<img src=x onerror=alert(1)>', 'Fn</code><b>bold</b>', 'q"><svg onload=alert(3)>'].sort());
    for (const id of ids) {
      await frame.locator(ROW).filter({ hasText: id }).first().click();
      const f = await diagram();
      await waitFor(async () => (await f.locator('.resource-id').first().textContent()) === id, { message: `the diagram of ${id}` });
      const injected = await f.evaluate(() => document.getElementById('app').querySelectorAll('img, svg, script, b, iframe, object, embed').length);
      assert.equal(injected, 0, `an element was created from a template string (${id})`);
    }
    assert.equal(dialogs, 0, 'a dialog opened');
    await wb.screenshot('diagram-dark-hostile');
  });

  /** Where the selected resource's details and the diagram's window are (CSS pixels of the webview). */
  function detailsBox(frame) {
    return frame.evaluate(() => {
      const box = (selector) => {
        const r = document.querySelector(selector).getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
      };
      return { slot: box('.diagram-slot'), header: box('.resource-header'), list: box('.resources'), width: innerWidth, height: innerHeight, pageScroll: scrollY };
    });
  }

  function assertInView(box, what) {
    assert.ok(box.header.top >= 0 && box.header.bottom <= box.height, `${what}: the details' heading is at ${Math.round(box.header.top)}–${Math.round(box.header.bottom)}px of a ${box.height}px window`);
    assert.ok(box.slot.top >= 0 && box.slot.bottom <= box.height + 1, `${what}: the details pane spans ${Math.round(box.slot.top)}–${Math.round(box.slot.bottom)}px of a ${box.height}px window`);
  }

  it('keeps the details of a row clicked far down a 65-resource template in view (on top when narrow, beside when wide)', async () => {
    await openTemplate('large', 'web-stack.yaml', 'AWSTemplateFormatVersion');
    let frame = await diagram('the diagram of large/web-stack.yaml');
    await waitFor(async () => (await frame.locator(ROW).count()) === LARGE_COUNT, { message: `the ${LARGE_COUNT} resources of the web stack` });
    await page.mouse.move(5, 500);
    await wb.screenshot('diagram-dark-large-template');
    // The last rows of the list: a real click (playwright scrolls the row into view inside the matrix first).
    await frame.locator(`${ROW}[data-id="ImageResizeDeadLetterQueueMessagesVisibleAlarm"]`).click();
    frame = await selected('ImageResizeDeadLetterQueueMessagesVisibleAlarm');
    const narrow = await detailsBox(frame);
    console.log(`      narrow (${narrow.width}px): details ${Math.round(narrow.slot.top)}–${Math.round(narrow.slot.bottom)}px, list ${Math.round(narrow.list.top)}–${Math.round(narrow.list.bottom)}px of ${narrow.height}px`);
    assertInView(narrow, 'narrow');
    assert.ok(narrow.slot.bottom <= narrow.list.top, 'narrow: the details are above the list');
    await page.mouse.move(5, 500);
    await wb.screenshot('diagram-dark-large-row-click');

    await page.setViewportSize({ width: 2400, height: 1200 });
    await waitFor(async () => (await detailsBox(await diagram())).width >= 900, { message: 'the diagram to be 900px wide or more' });
    frame = await diagram();
    await frame.locator(`${ROW}[data-id="StorefrontWebAcl"]`).click();
    frame = await selected('StorefrontWebAcl');
    const wide = await detailsBox(frame);
    console.log(`      wide (${wide.width}px): details ${Math.round(wide.slot.left)}–${Math.round(wide.slot.right)}px, list ${Math.round(wide.list.left)}–${Math.round(wide.list.right)}px`);
    assertInView(wide, 'wide');
    assert.ok(wide.slot.left >= wide.list.right, 'wide: the details are beside the list');
    await page.mouse.move(5, 500);
    await wb.screenshot('diagram-dark-large-wide');
    await page.setViewportSize({ width: 1600, height: 1200 });
    await waitFor(async () => (await detailsBox(await diagram())).width < 900, { message: 'the diagram to be narrow again' });
  });

  it('keeps the column headers at the top of the matrix while its rows scroll', async () => {
    const frame = await diagram();
    const scrolled = await frame.evaluate(() => {
      const matrix = document.querySelector('.matrix');
      matrix.scrollTop = 0;
      matrix.scrollTop = 900;
      return matrix.scrollTop;
    });
    assert.ok(scrolled > 0, 'the matrix scrolls on its own');
    const { head, matrix, rowUnderHead } = await frame.evaluate(() => {
      const m = document.querySelector('.matrix').getBoundingClientRect();
      const h = document.querySelector('.matrix-head').getBoundingClientRect();
      // The element just below the header row is a resource row, not the header scrolled away.
      const below = document.elementFromPoint(m.left + 40, h.bottom + 12);
      return { head: { top: h.top, bottom: h.bottom }, matrix: { top: m.top }, rowUnderHead: below?.closest('[data-id]')?.getAttribute('data-id') ?? null };
    });
    assert.ok(Math.abs(head.top - matrix.top) <= 1, `the header row is at ${head.top}px, the matrix starts at ${matrix.top}px`);
    assert.ok(rowUnderHead, 'rows scroll under the header row');
    const labels = await frame.locator('.matrix-head .col-head').allTextContents();
    assert.ok(labels.includes('Network') && labels.includes('Physical'), `column labels: ${labels.join(', ')}`);
    await page.mouse.move(5, 500);
    await wb.screenshot('diagram-dark-large-scrolled');
  });

  it('brings the details into view when "Show in diagram" in a hover asks for a resource', async () => {
    // The cursor on SessionTable selects it; the hover over the KMS key's type, a few lines below, links to the key.
    const lines = fs.readFileSync(path.join(HERE, 'diagram-workspace', 'large', 'web-stack.yaml'), 'utf8').split('\n');
    const line = lines.findIndex((l) => l.startsWith('  SessionTable:')) + 2; // its Type line: inside the resource
    await goToLine(line);
    await selected('SessionTable');
    await (await diagram()).evaluate(() => (document.querySelector('.matrix').scrollTop = 0));
    await wb.hover('AWS::KMS::Key', 'AWS');
    const link = page.locator('.monaco-hover:not(.hidden) a[data-href*="srmLens.showDiagram"], .monaco-hover:not(.hidden) a[href*="srmLens.showDiagram"]').first();
    await (await wb.visible(link, 'the hover\'s link to the diagram')).click();
    const frame = await selected('StorefrontDataKey');
    assertInView(await detailsBox(frame), 'after "Show in diagram"');
    const row = await frame.evaluate(() => {
      const m = document.querySelector('.matrix').getBoundingClientRect();
      const r = document.querySelector('[data-id="StorefrontDataKey"]').getBoundingClientRect();
      return { row: { top: r.top, bottom: r.bottom }, matrix: { top: m.top, bottom: m.bottom } };
    });
    assert.ok(row.row.top >= row.matrix.top && row.row.bottom <= row.matrix.bottom + 1, `the key's row (${Math.round(row.row.top)}px) is scrolled into the list (${Math.round(row.matrix.top)}–${Math.round(row.matrix.bottom)}px)`);
    await wb.dismissHover();
  });

  /**
   * ○ (not addressed), ▲ (AWS's) and the finding marks (✗ error, ⚠ warning) as rendered: each at least 3:1 against
   * the background, and ▲ at least 3:1 against each of the others. ○, ✗ and ⚠ also differ from one another by
   * shape and hue, but not by 3:1: four colours each 3:1 from the rest would need 3 × 3 × 3 = 27:1 between the
   * darkest and the lightest, and black on white is 21:1.
   */
  for (const name of ['dark', 'light', 'hc']) {
    it(`keeps ○, ▲, ✗ and ⚠ apart by shape and by 3:1 contrast (${name} theme)`, async () => {
      await theme(name);
      const frame = await diagram();
      const rendered = await frame.evaluate(() => {
        const colour = (selector) => {
          const element = document.querySelector(selector);
          return element ? { colour: getComputedStyle(element).color, icon: element.textContent } : null;
        };
        const kinds = ['open', 'aws', 'error', 'warning'];
        return {
          background: getComputedStyle(document.body).backgroundColor,
          legend: Object.fromEntries(kinds.map((kind) => [kind, colour(`.legend .mark-${kind} > .mark-icon`)])),
          cells: Object.fromEntries(kinds.map((kind) => [kind, colour(`.matrix .cell.mark-${kind}`)])),
        };
      });
      const { background, legend, cells } = rendered;
      assert.match(background, /^rgb\(/, `an opaque background: ${background}`);
      const report = Object.entries(legend).map(([kind, m]) => `${m.icon} ${kind} ${m.colour} ${contrast(m.colour, background).toFixed(2)}:1`);
      const pairs = [['aws', 'open'], ['aws', 'error'], ['aws', 'warning'], ['open', 'error'], ['open', 'warning'], ['error', 'warning']]
        .map(([a, b]) => `${legend[a].icon}/${legend[b].icon} ${contrast(legend[a].colour, legend[b].colour).toFixed(2)}`);
      console.log(`      ${name}: background ${background}; ${report.join('; ')}; between marks: ${pairs.join(', ')}`);
      assert.equal(new Set(Object.values(legend).map((m) => m.icon)).size, 4, 'four different shapes');
      for (const [kind, mark] of Object.entries(legend)) {
        assert.ok(contrast(mark.colour, background) >= 3, `${mark.icon} (${kind}) against the background: ${contrast(mark.colour, background).toFixed(2)}:1`);
        // The matrix draws its cells in the legend's colours.
        if (cells[kind]) assert.equal(cells[kind].colour, mark.colour, `the ${kind} cells and the legend`);
      }
      for (const kind of ['open', 'error', 'warning']) {
        const ratio = contrast(legend.aws.colour, legend[kind].colour);
        assert.ok(ratio >= 3, `▲ against ${legend[kind].icon}: ${ratio.toFixed(2)}:1`);
      }
      for (const [a, b] of [['open', 'error'], ['open', 'warning'], ['error', 'warning']]) {
        assert.notEqual(legend[a].colour, legend[b].colour, `${legend[a].icon} and ${legend[b].icon} have different colours`);
      }
      assert.ok(cells.aws && cells.open, 'the matrix shows ▲ and ○ cells');
      await page.mouse.move(5, 500);
      await wb.screenshot(`diagram-${name}-large-contrast`);
    });
  }
});
