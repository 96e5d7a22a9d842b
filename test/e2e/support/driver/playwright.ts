/**
 * The driver interface (driver.ts) over playwright-core, for Chromium. Thin on purpose: each method
 * is the Playwright call a reader's action maps to, plus the time limit and message of every wait.
 */
import {
  chromium,
  errors as playwrightErrors,
  type BrowserContext,
  type Browser as PlaywrightBrowser,
  type Locator,
  type Page,
} from 'playwright-core';
import { CHROMIUM_FLAGS } from '../../../../bench/chromium.mjs';
import type {
  Box,
  Browser,
  ConsoleEntry,
  Driver,
  ElementState,
  Handle,
  InPage,
  OnElement,
  Profile,
  ProfileOptions,
  Query,
  WaitOptions,
} from './driver.ts';
import { pollUntil } from './poll.ts';

type PlaywrightRole = Parameters<Page['getByRole']>[0];

/** Playwright's own waits fail with its TimeoutError; ours say what was awaited. */
async function withMessage<T>(work: Promise<T>, { timeout, message }: WaitOptions): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof playwrightErrors.TimeoutError) throw new Error(`${message}: not within ${timeout} ms`, { cause: error });
    throw error;
  }
}

function narrow(base: Locator, query: Query): Locator {
  let found: Locator;
  if ('role' in query) {
    found = base.getByRole(query.role as PlaywrightRole, {
      ...(query.name === undefined ? {} : { name: query.name }),
      ...(query.exact === undefined ? {} : { exact: query.exact }),
      ...(query.level === undefined ? {} : { level: query.level }),
    });
  } else if ('css' in query) {
    found = base.locator(query.css);
  } else {
    found = base.getByText(query.text, query.exact === undefined ? {} : { exact: query.exact });
  }
  if (query.hasText !== undefined) found = found.filter({ hasText: query.hasText });
  if (query.visible) found = found.filter({ visible: true });
  return found;
}

export class PlaywrightHandle implements Handle {
  constructor(readonly locator: Locator) {}

  find(query: Query): Handle {
    return new PlaywrightHandle(narrow(this.locator, query));
  }

  nth(index: number): Handle {
    return new PlaywrightHandle(index === -1 ? this.locator.last() : this.locator.nth(index));
  }

  count(): Promise<number> {
    return this.locator.count();
  }

  click(options: { position?: { x: number; y: number } } = {}): Promise<void> {
    return this.locator.click(options.position ? { position: options.position } : {});
  }

  focus(): Promise<void> {
    return this.locator.focus();
  }

  fill(value: string): Promise<void> {
    return this.locator.fill(value);
  }

  async select(value: string): Promise<void> {
    await this.locator.selectOption(value);
  }

  async text(): Promise<string> {
    return (await this.locator.textContent()) ?? '';
  }

  texts(): Promise<string[]> {
    return this.locator.allTextContents();
  }

  renderedText(): Promise<string> {
    return this.locator.innerText();
  }

  attribute(name: string): Promise<string | null> {
    return this.locator.getAttribute(name);
  }

  value(): Promise<string> {
    return this.locator.inputValue();
  }

  isVisible(): Promise<boolean> {
    return this.locator.isVisible();
  }

  box(): Promise<Box | null> {
    return this.locator.boundingBox();
  }

  async scrollIntoView(): Promise<void> {
    // Playwright's scrollIntoViewIfNeeded waits until the element is visible, which an empty log never is.
    await this.locator.evaluate((element) => element.scrollIntoView({ block: 'nearest' }));
  }

  waitFor(state: ElementState, options: WaitOptions): Promise<void> {
    return withMessage(this.locator.waitFor({ state, timeout: options.timeout }), options);
  }

  // The function itself is handed over: Playwright sends its source to the page.
  evaluate<R, A = undefined>(fn: OnElement<A, R>, arg?: A): Promise<R> {
    return this.locator.evaluate(fn as OnElement<unknown, R>, arg);
  }

  evaluateAll<R, A = undefined>(fn: (elements: Element[], arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    return this.locator.evaluateAll(fn as (elements: Element[], arg: unknown) => R | Promise<R>, arg);
  }

  frame(): Handle {
    return new PlaywrightHandle(this.locator.first().contentFrame().locator(':root'));
  }
}

export class PlaywrightTab implements Driver {
  private readonly entries: ConsoleEntry[] = [];

  constructor(readonly page: Page) {
    page.on('console', (message) => this.entries.push({ type: message.type(), text: message.text() }));
    page.on('pageerror', (error) => this.entries.push({ type: 'pageerror', text: String(error) }));
  }

  async goto(url: string): Promise<void> {
    await this.page.goto(url);
  }

  async reload(): Promise<void> {
    await this.page.reload();
  }

  async url(): Promise<string> {
    return this.page.url();
  }

  document(): Handle {
    return new PlaywrightHandle(this.page.locator(':root'));
  }

  press(keys: string): Promise<void> {
    return this.page.keyboard.press(keys);
  }

  type(text: string): Promise<void> {
    return this.page.keyboard.type(text);
  }

  moveMouse(x: number, y: number): Promise<void> {
    return this.page.mouse.move(x, y);
  }

  evaluate<R, A = undefined>(fn: InPage<A, R>, arg?: A): Promise<R> {
    return this.page.evaluate(fn as InPage<unknown, R>, arg);
  }

  waitUntil(condition: () => Promise<boolean>, options: WaitOptions): Promise<void> {
    return pollUntil(condition, options);
  }

  console(): readonly ConsoleEntry[] {
    return this.entries;
  }

  close(): Promise<void> {
    return this.page.close();
  }
}

export class PlaywrightProfile implements Profile {
  constructor(readonly context: BrowserContext) {}

  async newTab(): Promise<Driver> {
    return new PlaywrightTab(await this.context.newPage());
  }

  async addInitScript(script: () => void): Promise<void> {
    await this.context.addInitScript(script);
  }

  close(): Promise<void> {
    return this.context.close();
  }
}

class PlaywrightChromium implements Browser {
  constructor(private readonly browser: PlaywrightBrowser) {}

  async newProfile(options: ProfileOptions = {}): Promise<Profile> {
    const context = await this.browser.newContext({
      ...(options.colorScheme ? { colorScheme: options.colorScheme } : {}),
      ...(options.javaScript === false ? { javaScriptEnabled: false } : {}),
      ...(options.serviceWorkers ? { serviceWorkers: options.serviceWorkers } : {}),
      ...(options.downloads ? { acceptDownloads: true } : {}),
      ...(options.bypassCSP ? { bypassCSP: true } : {}),
    });
    return new PlaywrightProfile(context);
  }

  close(): Promise<void> {
    return this.browser.close();
  }
}

/** The machine's Chromium with the project's flags (bench/chromium.mjs). */
export async function launchChromium(executablePath: string): Promise<Browser> {
  return new PlaywrightChromium(await chromium.launch({ executablePath, args: CHROMIUM_FLAGS }));
}
