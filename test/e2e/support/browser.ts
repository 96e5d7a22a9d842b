import { afterAll, afterEach, beforeAll, beforeEach, inject } from 'vitest';
import { CHROMIUM_FLAGS } from '../../../bench/chromium.mjs';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';

export const chromiumPath = inject('chromium');
export const hasChromium = chromiumPath !== '';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_FLAGS });
}

/**
 * One browser for a describe block and a fresh context (an empty profile) for each test, so that
 * saved edits and caches never leak from one test into the next.
 */
export function useBrowser(options?: BrowserContextOptions): { browser: Browser; context: BrowserContext } {
  const shared = {} as { browser: Browser; context: BrowserContext };
  beforeAll(async () => {
    shared.browser = await launchBrowser();
  });
  afterAll(async () => shared.browser?.close());
  beforeEach(async () => {
    shared.context = await shared.browser.newContext(options);
  });
  afterEach(async () => shared.context?.close());
  return shared;
}

export function pageURL(path: string): string {
  return new URL(path.replace(/^\//, ''), inject('baseURL')).href;
}

/** A page that records what the reader's console would show as errors. */
export async function openPage(context: BrowserContext, path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(pageURL(path));
  return { page, errors };
}

export function cellByIndex(page: Page, index: number): Locator {
  return page.getByRole('region', { name: new RegExp(`^Cell ${index}(:|$)`) });
}

export function outputOf(cell: Locator): Locator {
  return cell.getByRole('log', { name: /^Output/ });
}

/** Waits until a cell's run has ended (the region is no longer aria-busy). */
export async function waitUntilIdle(cell: Locator, timeout = 120_000): Promise<void> {
  const handle = await cell.elementHandle();
  await cell.page().waitForFunction((element) => element?.getAttribute('aria-busy') === 'false', handle, { timeout });
}

/** Clicks Run, waits until the run has ended and returns what the output pane shows. */
export async function runCell(cell: Locator, timeout = 120_000): Promise<string> {
  await cell.getByRole('button', { name: 'Run cell' }).click();
  await waitUntilIdle(cell, timeout);
  // The text as written: block-level pieces of a long output would add line breaks to innerText.
  return (await outputOf(cell).textContent()) ?? '';
}
