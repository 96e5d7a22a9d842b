/**
 * What any page of the site offers a test, whatever driver runs it: where it is, finding things,
 * keys and focus, code and waits in the page, and what its console reported. NotebookPage adds
 * what is particular to a chapter. Written against the driver interface only (driver/driver.ts).
 */
import type { Driver, Handle, InPage, OnElement, Query, WaitOptions } from './driver/driver.ts';
import { ANSWER_MS, NAVIGATION_MS } from './limits.ts';

export class SitePage {
  protected constructor(
    readonly driver: Driver,
    /** The address relative paths are read against: the site's root, wherever it is served. */
    private readonly base: string,
  ) {}

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

  // --- keys, pointer and focus

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

  // --- code and waits in the page

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

  // --- what the console says

  /** Console errors and uncaught errors: what a reader with the console open would see in red. */
  errors(): string[] {
    return this.consoleEntries('error', 'pageerror');
  }

  /** Errors thrown and not caught, without what the page logged as errors itself. */
  uncaughtErrors(): string[] {
    return this.consoleEntries('pageerror');
  }

  warnings(): string[] {
    return this.consoleEntries('warning');
  }

  private consoleEntries(...types: string[]): string[] {
    return this.driver
      .console()
      .filter((entry) => types.includes(entry.type))
      .map((entry) => entry.text);
  }

  close(): Promise<void> {
    return this.driver.close();
  }
}
