/**
 * What the e2e tests need from a browser driver, and nothing more. NotebookPage and the tests are
 * written against these types only, so that the reader's path through a chapter is the same code
 * whichever engine drives it: Playwright for Chromium today (playwright.ts), puppeteer over
 * WebDriver BiDi for Firefox and W3C WebDriver for WebKit to come. No driver's own type appears here.
 */

/** The ARIA roles the tests look for (a reader's screen reader finds things by these). */
export type Role =
  | 'alert'
  | 'button'
  | 'columnheader'
  | 'combobox'
  | 'group'
  | 'heading'
  | 'link'
  | 'list'
  | 'listitem'
  | 'log'
  | 'navigation'
  | 'radio'
  | 'region'
  | 'search'
  | 'searchbox'
  | 'slider'
  | 'status'
  | 'table'
  | 'toolbar';

/**
 * How to find elements: by role and accessible name, by CSS (standard selectors only, so every
 * driver reads them alike), or by the text they show. `hasText` and `visible` narrow the matches.
 */
export type Query = (
  | { role: Role; name?: string | RegExp; exact?: boolean; level?: number }
  | { css: string }
  | { text: string | RegExp; exact?: boolean }
) & {
  hasText?: string | RegExp;
  visible?: boolean;
};

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Every wait has a time limit, and says what it waited for when it runs out. */
export interface WaitOptions {
  timeout: number;
  message: string;
}

export type ElementState = 'attached' | 'visible' | 'hidden';

/** Code that runs in the page: drivers send its source, so it may use nothing from the test's scope. */
export type InPage<A, R> = (arg: A) => R | Promise<R>;
export type OnElement<A, R> = (element: Element, arg: A) => R | Promise<R>;

/**
 * The elements a chain of queries matches at the moment each method is called (lazy, like a
 * Playwright locator): a handle made before an element exists finds it once it does.
 */
export interface Handle {
  find(query: Query): Handle;
  /** The match at `index`; -1 is the last. */
  nth(index: number): Handle;
  count(): Promise<number>;
  /** A real click (pointer events at the element's centre, or at `position` inside its box). */
  click(options?: { position?: { x: number; y: number } }): Promise<void>;
  focus(): Promise<void>;
  /** Puts `value` into a text field or a range input, as typing or dragging would. */
  fill(value: string): Promise<void>;
  /** Chooses the option with this value in a select element. */
  select(value: string): Promise<void>;
  /** textContent: the text as written, whether or not it is on screen. */
  text(): Promise<string>;
  /** textContent of every match. */
  texts(): Promise<string[]>;
  /** innerText: the text as laid out (empty for a block not rendered yet; see STACK-NOTES 19). */
  renderedText(): Promise<string>;
  attribute(name: string): Promise<string | null>;
  /** The value of an input. */
  value(): Promise<string>;
  isVisible(): Promise<boolean>;
  box(): Promise<Box | null>;
  /** Scrolls the first match into view without waiting for it to be visible (an empty log is not). */
  scrollIntoView(): Promise<void>;
  waitFor(state: ElementState, options: WaitOptions): Promise<void>;
  evaluate<R, A = undefined>(fn: OnElement<A, R>, arg?: A): Promise<R>;
  evaluateAll<R, A = undefined>(fn: (elements: Element[], arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** The document inside the first match, an iframe (sandboxed frames are reachable only this way). */
  frame(): Handle;
}

export interface ConsoleEntry {
  /** The console method ('error', 'warning', 'log', ...) or 'pageerror' for an uncaught error. */
  type: string;
  text: string;
}

/** One tab. */
export interface Driver {
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  url(): Promise<string>;
  /** The document's root element, <html>: everything is found from here. */
  document(): Handle;
  /**
   * Real key presses to the focused element: key names as in KeyboardEvent.key, chords joined by
   * "+" ("Shift+Tab"), with "ControlOrMeta" for the platform's shortcut modifier.
   */
  press(keys: string): Promise<void>;
  /** Types `text` one real key press per character. */
  type(text: string): Promise<void>;
  moveMouse(x: number, y: number): Promise<void>;
  evaluate<R, A = undefined>(fn: InPage<A, R>, arg?: A): Promise<R>;
  /** Polls a condition checked from the test's side until it holds. */
  waitUntil(condition: () => Promise<boolean>, options: WaitOptions): Promise<void>;
  /** What the page's console printed and every uncaught error, in order, since the tab opened. */
  console(): readonly ConsoleEntry[];
  close(): Promise<void>;
}

/** What a test may ask of a fresh profile. */
export interface ProfileOptions {
  colorScheme?: 'light' | 'dark';
  javaScript?: boolean;
  serviceWorkers?: 'allow' | 'block';
  downloads?: boolean;
  /** Ignore the page's Content-Security-Policy (to test what the page does without it). */
  bypassCSP?: boolean;
}

/** A browser profile (storage, caches, service workers), fresh for each test. */
export interface Profile {
  newTab(): Promise<Driver>;
  /** Runs `script` in every document of the profile before the page's own scripts. */
  addInitScript(script: () => void): Promise<void>;
  close(): Promise<void>;
}

export interface Browser {
  newProfile(options?: ProfileOptions): Promise<Profile>;
  close(): Promise<void>;
}
