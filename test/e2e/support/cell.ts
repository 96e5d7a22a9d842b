/**
 * One cell through the accessibility contract (DESIGN.md): a region named "Cell N", its buttons
 * by name, its output log, aria-busy while it waits or runs. Runs are started with the real Run
 * button and code is edited in the real editor; nothing calls into the page's own objects except
 * to read the code a run would take.
 */
import type { Language } from './chapter-url.ts';
import type { Handle } from './driver/driver.ts';
import { LoopView } from './loop-view.ts';
import { EDITOR_MS, RUN_MS } from './limits.ts';
import type { NotebookPage } from './notebook-page.ts';

type CodeCell = Element & { currentCode(): string; codeIn(language: Language): string };

export class Cell {
  constructor(
    private readonly page: NotebookPage,
    /** The cell's region: the nb-cell element itself. */
    readonly root: Handle,
    /** How failures name the cell. */
    readonly label: string,
  ) {}

  button(name: string | RegExp): Handle {
    return this.root.find({ role: 'button', name, exact: typeof name === 'string' });
  }

  /** The output area, role log: before a run, the output stored with the cell. */
  log(): Handle {
    return this.root.find({ role: 'log', name: /^Output/ });
  }

  /** The code block in the language on screen (the other language's twin is hidden). */
  codeView(): Handle {
    return this.root.find({ css: '.cell-code', visible: true });
  }

  // --- running

  /** Clicks Run, waits until the run has ended, and returns the log's text. */
  async run(timeout = RUN_MS): Promise<string> {
    await this.clickRun();
    await this.waitUntilIdle(timeout);
    return this.logText();
  }

  /** Clicks Run and returns at once: the run goes on (or waits in the queue). */
  clickRun(): Promise<void> {
    return this.button('Run cell').click();
  }

  stop(): Promise<void> {
    return this.button('Stop').click();
  }

  reset(): Promise<void> {
    return this.button('Reset cell').click();
  }

  /** Waits until the run has ended: the region is no longer aria-busy. */
  waitUntilIdle(timeout = RUN_MS): Promise<void> {
    return this.page.waitUntil(async () => (await this.root.attribute('aria-busy')) === 'false', {
      timeout,
      message: `${this.label} to finish its run`,
    });
  }

  /** Waits until the cell runs on a kernel that has started: not waiting in the queue, not loading. */
  async waitUntilRunning(timeout = RUN_MS): Promise<void> {
    await this.page.waitUntil(async () => (await this.state()) === 'running', { timeout, message: `${this.label} to be running` });
    await this.page.waitForKernelState('busy', timeout);
  }

  /** aria-busy as the page sets it: null before any run, "true" while queued or running, "false" after. */
  busy(): Promise<string | null> {
    return this.root.attribute('aria-busy');
  }

  /** What the cell says about itself: waiting, running, not run, "1 timer pending"... */
  state(): Promise<string> {
    return this.root.find({ css: '.cell-state' }).text();
  }

  /** The execution count as shown: "[3]", or "[ ]" before any run. */
  count(): Promise<string> {
    return this.root.find({ css: '.cell-count' }).text();
  }

  // --- reading the output

  /**
   * The log's text as written (textContent: block-level pieces of a long output would add line
   * breaks to innerText). Scrolled to first, as a reader would.
   */
  async logText(): Promise<string> {
    await this.log().scrollIntoView();
    return this.log().text();
  }

  /**
   * The log's text as laid out on screen. Output blocks use content-visibility: auto and have no
   * rendered text until they have been on screen (STACK-NOTES 19): scroll, let a frame pass, read.
   */
  async shownLog(): Promise<string> {
    await this.log().scrollIntoView();
    await this.page.nextFrame();
    return (await this.log().renderedText()).trim();
  }

  /** Waits until the log shows `text` (output may arrive after the run has ended). */
  async waitForOutput(text: string | RegExp, timeout = 60_000): Promise<void> {
    const wanted = typeof text === 'string' ? (shown: string) => shown.includes(text) : (shown: string) => text.test(shown);
    await this.page.waitUntil(async () => wanted(await this.logText()), { timeout, message: `${this.label} to show ${String(text)}` });
  }

  /** Whether the stored output is blurred (predict first keeps it in the log, covered). */
  isOutputCovered(): Promise<boolean> {
    return this.log().evaluate((element) => {
      for (let node: Element | null = element; node; node = node.parentElement) {
        if (getComputedStyle(node).filter.includes('blur')) return true;
      }
      return false;
    });
  }

  // --- marks

  isModified(): Promise<boolean> {
    return this.root.find({ text: 'modified', exact: true }).isVisible();
  }

  isFromLink(): Promise<boolean> {
    return this.root.find({ text: 'from a link', exact: true }).isVisible();
  }

  // --- code and the editor

  /** The code a run would take now, in the language on screen. */
  code(): Promise<string> {
    return this.root.evaluate((element) => (element as CodeCell).currentCode());
  }

  codeIn(language: Language): Promise<string> {
    return this.root.evaluate((element, lang) => (element as CodeCell).codeIn(lang), language);
  }

  /** The editor's lines as drawn (Monaco draws spaces as no-break spaces; they come back as spaces). */
  async editorText(): Promise<string> {
    return (await this.editorLines().renderedText()).replace(/\u00a0/g, ' ');
  }

  private editor(): Handle {
    return this.root.find({ css: '.monaco-editor', visible: true });
  }

  private editorLines(): Handle {
    return this.editor().find({ css: '.view-lines' });
  }

  /** Clicks into the code (loading the editor the first time) and waits until the editor has the focus. */
  async openEditor(): Promise<void> {
    if ((await this.editor().count()) === 0) {
      await this.codeView().click();
      await this.editor().waitFor('visible', { timeout: EDITOR_MS, message: `the editor of ${this.label} to load` });
    } else {
      await this.editorLines().click();
    }
    await this.page.waitForEditing();
  }

  /**
   * Replaces the code as a reader's paste does: select all, paste. A paste arrives whole; typing
   * goes through Monaco's auto-indent and auto-closing and slows down with the square of a line's
   * length. With `exact` (the default) waits until the cell would run exactly `code`; without, until
   * the editor shows its first line (Monaco may indent a line after one it thinks opens a block).
   */
  async replaceCode(code: string, { exact = true } = {}): Promise<void> {
    await this.openEditor();
    await this.page.press('ControlOrMeta+A');
    await this.page.evaluate((text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, code);
    const firstLine = code.split('\n')[0]!;
    await this.page.waitUntil(async () => (exact ? (await this.code()) === code : (await this.editorText()).includes(firstLine)), {
      timeout: EDITOR_MS,
      message: `${this.label} to take the pasted code`,
    });
  }

  /** Types into the editor with real key presses, where the caret is (open the editor first). */
  type(text: string): Promise<void> {
    return this.page.type(text);
  }

  loopView(): LoopView {
    return new LoopView(this.page, this);
  }
}
