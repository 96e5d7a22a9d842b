/**
 * A chapter as a reader uses it, the one page object of the e2e tests (the shape of Starlight's
 * `__e2e__/test-utils.ts`): open it, find cells, switch language, use the toolbar, read what the
 * kernel status says, and collect what the console reports. It speaks only the driver interface
 * (driver/driver.ts), so the same reader's path runs on every engine that implements it.
 */
import { Cell } from './cell.ts';
import type { Language } from './chapter-url.ts';
import type { Driver, Handle, InPage, OnElement, Query, WaitOptions } from './driver/driver.ts';
import { Exercise } from './exercise.ts';
import { ANSWER_MS, EDITOR_MS, NAVIGATION_MS } from './limits.ts';

const LANGUAGE_LABEL: Record<Language, string> = { python: 'Python', typescript: 'TypeScript' };
/** src/lib/edit-store.ts keeps each edit as `<prefix>:<chapter>:<cell id>` -> `{"code": ...}`. */
const EDIT_KEY = 'event-loop-notebook:edit:v1:';

export class NotebookPage {
  private constructor(
    readonly driver: Driver,
    /** The address relative paths are read against: the site's root, wherever it is served. */
    private readonly base: string,
  ) {}

  /** Opens `path` (relative to `base`, or a whole URL) in the tab `driver` drives. */
  static async open(driver: Driver, path: string, base: string): Promise<NotebookPage> {
    const page = new NotebookPage(driver, base);
    await page.goto(path);
    return page;
  }

  // --- where the reader is

  async goto(path: string): Promise<void> {
    await this.driver.goto(new URL(path.replace(/^\//, ''), this.base).href);
  }

  reload(): Promise<void> {
    return this.driver.reload();
  }

  async url(): Promise<URL> {
    return new URL(await this.driver.url());
  }

  /** Waits until the address matches and that page has loaded (its scripts have set up its links). */
  waitForURL(matches: (url: URL) => boolean, description: string): Promise<void> {
    return this.driver.waitUntil(
      async () => matches(await this.url()) && (await this.driver.evaluate(() => document.readyState)) === 'complete',
      { timeout: NAVIGATION_MS, message: `the address to become ${description}, and that page to load` },
    );
  }

  // --- what is on the page

  /** The document's root element, <html>. */
  root(): Handle {
    return this.driver.document();
  }

  find(query: Query): Handle {
    return this.root().find(query);
  }

  /** Cell `index` as numbered on the page ("Cell 3", "Cell 3: Ping and Pong"). */
  cell(index: number): Cell {
    return new Cell(this, this.find({ role: 'region', name: new RegExp(`^Cell ${index}(:|$)`) }), `cell ${index}`);
  }

  /** The cell with this id in the chapter's source (ids never change; see the README). */
  cellById(id: string): Cell {
    return new Cell(this, this.find({ css: `nb-cell[data-cell-id="${id}"]` }), `cell "${id}"`);
  }

  /** The cell whose accessible name matches, e.g. /Run Ping and Pong/. */
  cellNamed(name: RegExp): Cell {
    return new Cell(this, this.find({ role: 'region', name }), `cell named ${name}`);
  }

  /** The chapter's numbered cells (an exercise's "Cell E3" is not one of them). */
  cellCount(): Promise<number> {
    return this.find({ role: 'region', name: /^Cell \d/ }).count();
  }

  exercise(number: number): Exercise {
    return new Exercise(this, this.find({ role: 'region', name: new RegExp(`^Exercise ${number}:`) }), number);
  }

  // --- language

  /** The language the page shows, as the page itself records it. */
  async language(): Promise<Language | undefined> {
    const shown = await this.driver.evaluate(() => document.documentElement.dataset['language']);
    return shown === 'python' || shown === 'typescript' ? shown : undefined;
  }

  languageRadio(language: Language): Handle {
    return this.find({ role: 'radio', name: LANGUAGE_LABEL[language] });
  }

  /** Clicks the language switch and waits until the page shows that language. */
  async switchLanguage(language: Language): Promise<void> {
    await this.languageRadio(language).click();
    await this.driver.waitUntil(async () => (await this.language()) === language, {
      timeout: ANSWER_MS,
      message: `the page to switch to ${LANGUAGE_LABEL[language]}`,
    });
  }

  // --- notebook controls and the kernel

  toolbar(): Handle {
    return this.find({ role: 'toolbar', name: 'Notebook' });
  }

  runAll(): Promise<void> {
    return this.toolbar().find({ role: 'button', name: 'Run all', exact: true }).click();
  }

  clearOutputs(): Promise<void> {
    return this.toolbar().find({ role: 'button', name: 'Clear outputs' }).click();
  }

  restart(): Promise<void> {
    return this.toolbar().find({ role: 'button', name: /^Restart/ }).click();
  }

  interrupt(): Promise<void> {
    return this.toolbar().find({ role: 'button', name: /^Interrupt/ }).click();
  }

  kernelStatus(): Handle {
    return this.find({ css: 'nb-kernel-status' });
  }

  /** The status's machine-readable state: not-started, starting, idle, busy, stopped. */
  kernelState(): Promise<string | null> {
    return this.kernelStatus().attribute('data-state');
  }

  waitForKernelState(state: string, timeout = ANSWER_MS): Promise<void> {
    return this.driver.waitUntil(async () => (await this.kernelState()) === state, { timeout, message: `the kernel to be ${state}` });
  }

  // --- keyboard, pointer and focus

  press(keys: string): Promise<void> {
    return this.driver.press(keys);
  }

  type(text: string): Promise<void> {
    return this.driver.type(text);
  }

  moveMouse(x: number, y: number): Promise<void> {
    return this.driver.moveMouse(x, y);
  }

  /** What a screen reader would announce for the focused element: its label, or its text. */
  focusedLabel(): Promise<string | undefined> {
    return this.driver.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent?.trim());
  }

  /** Whether the focused element is inside an element matching `selector`. */
  isFocusWithin(selector: string): Promise<boolean> {
    return this.driver.evaluate((css) => document.activeElement?.closest(css) != null, selector);
  }

  /** Whether the keys go to a code editor. */
  isEditing(): Promise<boolean> {
    return this.isFocusWithin('.monaco-editor');
  }

  waitForEditing(): Promise<void> {
    return this.driver.waitUntil(() => this.isEditing(), { timeout: EDITOR_MS, message: 'an editor to take the focus' });
  }

  /** The page number (`data-index`) of the cell the focus is in. */
  focusedCellIndex(): Promise<string | null | undefined> {
    return this.driver.evaluate(() => document.activeElement?.closest('nb-cell')?.getAttribute('data-index'));
  }

  // --- the page's own state

  evaluate<R, A = undefined>(fn: InPage<A, R>, arg?: A): Promise<R> {
    return this.driver.evaluate(fn, arg);
  }

  waitUntil(condition: () => Promise<boolean>, options: WaitOptions): Promise<void> {
    return this.driver.waitUntil(condition, options);
  }

  /** Waits until `predicate` holds for the first element `handle` matches: each check, one moment in the page. */
  waitUntilElement<A>(handle: Handle, predicate: OnElement<A, boolean>, arg: A, options: WaitOptions): Promise<void> {
    return this.driver.waitUntil(() => handle.evaluate(predicate, arg), options);
  }

  /**
   * Whether the page answers a question (runs a script and replies) within `timeout`: a main
   * thread blocked by a cell would not. The limit bounds the wait; it measures nothing.
   */
  async answers(timeout = ANSWER_MS): Promise<boolean> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeout)));
    const answer = this.driver.evaluate(() => 1 + 1).then((two) => two === 2);
    return Promise.race([answer, late]).finally(() => clearTimeout(timer));
  }

  /** Waits for the next animation frame: what changed is laid out and painted. */
  async nextFrame(): Promise<void> {
    await this.driver.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  }

  /** Waits until the page's main thread has nothing left to do (what it does on load is done). */
  async idle(): Promise<void> {
    await this.driver.evaluate(
      (timeout) => new Promise((resolve) => requestIdleCallback(resolve, { timeout })),
      ANSWER_MS,
    );
  }

  /** The reader's saved edits, by cell id, as the page keeps them across reloads. */
  savedEdits(): Promise<Record<string, string>> {
    return this.driver.evaluate((prefix) => {
      const edits: Record<string, string> = {};
      for (const key of Object.keys(localStorage)) {
        if (!key.startsWith(prefix)) continue;
        const { code } = JSON.parse(localStorage.getItem(key) ?? '{}') as { code?: string };
        if (code !== undefined) edits[key.split(':').at(-1)!] = code;
      }
      return edits;
    }, EDIT_KEY);
  }

  /** Waits until the edit of `cellId` is saved with this code (edits are saved after a short pause). */
  waitForSavedEdit(cellId: string, code: string): Promise<void> {
    return this.driver.waitUntil(async () => (await this.savedEdits())[cellId] === code, {
      timeout: ANSWER_MS,
      message: `the edit of "${cellId}" to be saved`,
    });
  }

  // --- what the console says

  /** Console errors and uncaught errors: what a reader with the console open would see in red. */
  errors(): string[] {
    return this.driver
      .console()
      .filter((entry) => entry.type === 'error' || entry.type === 'pageerror')
      .map((entry) => entry.text);
  }

  /** Errors thrown and not caught, without what the page logged as errors itself. */
  uncaughtErrors(): string[] {
    return this.driver
      .console()
      .filter((entry) => entry.type === 'pageerror')
      .map((entry) => entry.text);
  }

  warnings(): string[] {
    return this.driver
      .console()
      .filter((entry) => entry.type === 'warning')
      .map((entry) => entry.text);
  }

  close(): Promise<void> {
    return this.driver.close();
  }
}
