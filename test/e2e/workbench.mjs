// Page helpers for driving the VS Code workbench with playwright-core, the way a person uses it: Explorer
// clicks, real mouse movement for hovers, keyboard shortcuts. Every wait has a timeout and a message.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, RESULTS_DIR, waitFor } from '../../scripts/vscode-host.mjs';

export const SHOTS = path.join(RESULTS_DIR, 'screenshots');
export const STEP_TIMEOUT = 30000;

/** Empties the screenshot folder once per run (test/e2e files share it). */
export function resetScreenshots() {
  fs.mkdirSync(SHOTS, { recursive: true });
  for (const f of fs.readdirSync(SHOTS)) if (f.endsWith('.png')) fs.rmSync(path.join(SHOTS, f));
}

/**
 * For suites whose steps build on each other: after the first failure, screenshot the workbench as it was and
 * skip the remaining steps (reported as pending) instead of failing them again. Call inside `describe`.
 */
export function stopAfterFirstFailure(workbench, prefix) {
  let broken = false;
  beforeEach(function () {
    if (broken) this.skip();
  });
  afterEach(async function () {
    if (this.currentTest.state !== 'failed') return;
    broken = true;
    const wb = workbench();
    if (wb) await wb.screenshot(`${prefix}-${this.currentTest.title.replace(/[^a-z0-9]+/gi, '-').slice(0, 50)}`).catch(() => {});
  });
}

export class Workbench {
  constructor(page) {
    this.page = page;
    this.editor = page.locator('.editor-instance .monaco-editor').first();
  }

  async screenshot(name) {
    fs.mkdirSync(SHOTS, { recursive: true });
    const file = path.join(SHOTS, `${name}.png`);
    await this.page.screenshot({ path: file, animations: 'disabled' }); // fade-ins fast-forwarded to their end
    console.log(`      screenshot: ${path.relative(ROOT, file)}`);
    return file;
  }

  /** Waits for a locator to be visible; on timeout the error says what was expected, not which selector. */
  async visible(locator, what, timeout = STEP_TIMEOUT) {
    try {
      await locator.waitFor({ state: 'visible', timeout });
    } catch {
      throw new Error(`Timed out after ${timeout / 1000}s waiting for ${what}`);
    }
    return locator;
  }

  explorerRow(name) {
    return this.page.locator(`.explorer-folders-view .monaco-list-row[aria-label="${name}"]`).first();
  }

  /** Loads the workbench URL and waits until the Explorer lists `firstEntry` (remote file system connected). */
  async open(url, firstEntry) {
    await this.page.goto(url);
    await this.visible(this.page.locator('.monaco-workbench'), 'the VS Code workbench');
    await this.visible(this.explorerRow(firstEntry), `"${firstEntry}" in the Explorer (workspace loaded)`, 60000);
  }

  /** Opens folder/file from the Explorer (expanding the folder if needed) and waits for `marker` in the editor. */
  async openFromExplorer(folder, file, marker) {
    const fileRow = this.explorerRow(file);
    if (!(await fileRow.isVisible())) await (await this.visible(this.explorerRow(folder), `the ${folder}/ folder in the Explorer`)).click();
    // The diagram's own tab is titled after the file it shows ("Responsibility: x.yaml"): not the editor's tab.
    const tab = this.page.locator('.tabs-container .tab.active', { hasText: file, hasNotText: 'Responsibility:' }).first();
    // On a busy machine the Explorer may re-render the row between finding and clicking it, and the click is lost:
    // the signal is the editor tab, so click again until it appears (opening a file twice is harmless).
    const deadline = Date.now() + STEP_TIMEOUT;
    for (;;) {
      await (await this.visible(fileRow, `${folder}/${file} in the Explorer`)).click();
      try {
        await tab.waitFor({ state: 'visible', timeout: 5000 });
        break;
      } catch {
        if (Date.now() > deadline) throw new Error(`Timed out after ${STEP_TIMEOUT / 1000}s waiting for an editor tab for ${file}`);
      }
    }
    await this.visible(this.editor.locator('.view-lines', { hasText: marker }), `the text of ${file} in the editor`);
  }

  /** Moves the real mouse onto `text` in the editor until a hover containing `expect` shows; returns its text. */
  async hover(text, expect) {
    const { page } = this;
    const word = await this.visible(this.editor.locator('.view-line span span', { hasText: text }).first(), `${text} in the editor`);
    const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: expect }).first();
    const deadline = Date.now() + STEP_TIMEOUT;
    while (Date.now() < deadline) {
      // The editor re-renders its lines (tokenization, decorations): re-find the word on every attempt.
      const box = await word.boundingBox({ timeout: 5000 }).catch(() => null);
      if (!box) continue;
      await page.mouse.move(box.x + 2, box.y + box.height / 2);
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
      try {
        await hover.waitFor({ state: 'visible', timeout: 3000 });
        return await hover.innerText();
      } catch {
        await page.mouse.move(5, 5); // leave and come back: a hover only starts on mouse movement
      }
    }
    throw new Error(`Timed out after ${STEP_TIMEOUT / 1000}s waiting for a hover with "${expect}" over ${text}`);
  }

  /**
   * Scrolls the visible hover with the mouse wheel until `heading` is near its top, as a person reads a long
   * hover. Resolves once the scrolling has settled.
   */
  async scrollHoverTo(heading) {
    const hover = this.page.locator('.monaco-hover:not(.hidden)').first();
    const content = hover.locator('.monaco-hover-content').first(); // the element monaco scrolls
    const box = await (await this.visible(hover, 'the hover')).boundingBox();
    // How far the heading is below the top of the hover's viewport (monaco scales wheel deltas, so wheel in
    // steps until it is there or the hover cannot scroll further).
    const remaining = () =>
      content.evaluate((el, text) => {
        const target = [...el.querySelectorAll('p, strong')].find((e) => e.textContent.startsWith(text));
        return target ? target.getBoundingClientRect().top - el.getBoundingClientRect().top - 8 : 0;
      }, heading);
    await this.page.mouse.move(box.x + box.width / 2, box.y + 10, { steps: 3 }); // into the hover: it stays open
    let lastTop = -1;
    await waitFor(
      async () => {
        const top = await content.evaluate((el) => el.scrollTop);
        if ((await remaining()) <= 4 || top === lastTop) return true; // there, or at the end
        lastTop = top;
        await this.page.mouse.wheel(0, 100);
        return false;
      },
      { timeout: 10000, interval: 150, message: `the hover to scroll to "${heading}"` },
    );
  }

  /** Moves the cursor to a line (Ctrl+G), so the editor shows it: hovers need the text on screen. */
  async goToLine(line) {
    await this.editor.click({ position: { x: 300, y: 10 } });
    await this.page.keyboard.press('Control+g');
    const input = this.page.locator('.quick-input-widget input');
    await this.visible(input, 'the Go to Line box');
    await input.fill(`:${line}`);
    await this.page.keyboard.press('Enter');
    await this.visible(this.page.locator('.statusbar-item', { hasText: new RegExp(`^Ln ${line},`) }), `the cursor on line ${line}`);
  }

  /**
   * How far below the top of the visible hover the first line under "In this template" starts, in pixels: what a
   * person sees without scrolling. Undefined when the hover has no such section.
   */
  async firstTemplateLineOffset() {
    const content = this.page.locator('.monaco-hover:not(.hidden) .monaco-hover-content').first();
    return content.evaluate((el) => {
      const heading = [...el.querySelectorAll('strong')].find((e) => e.textContent === 'In this template');
      const list = heading?.closest('p')?.nextElementSibling;
      const first = list?.querySelector('li');
      return first ? first.getBoundingClientRect().top - el.getBoundingClientRect().top : undefined;
    });
  }

  async dismissHover() {
    await this.page.mouse.move(5, 5);
    await this.page.keyboard.press('Escape');
    await this.page.locator('.monaco-hover:not(.hidden)').first().waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
  }
}
