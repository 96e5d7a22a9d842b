import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer } from '../../bench/server.mjs';
import { normalizeOutputText } from '../../src/output/text.ts';
import { readChapters } from '../support/chapters.ts';
import { cellByIndex, hasChromium, runCell, useBrowser } from './support/browser.ts';
import { buildSite } from './support/build.ts';

// The sub-path GitHub Pages gives a project site; the workflow builds with the repository's name.
const BASE = '/event-loop-notebook';
const ROOT = new URL('../..', import.meta.url).pathname;
const OUT_DIR = `${ROOT}dist-base`;
const pingPong = readChapters().find((chapter) => chapter.slug === 'sleep-ping-pong')!;

/** Everything the page asked for that did not come back, and every error a reader's console shows. */
function watch(page: Page): { failures: string[] } {
  const failures: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`);
  });
  page.on('requestfailed', (request) => {
    // A load cut short because the reader followed a link is not a missing file.
    if (request.failure()?.errorText !== 'net::ERR_ABORTED') failures.push(`failed ${request.url()}: ${request.failure()?.errorText}`);
  });
  page.on('pageerror', (error) => failures.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') failures.push(message.text());
  });
  return { failures };
}

describe.skipIf(!hasChromium)(`the site built for ${BASE}/`, () => {
  const shared = useBrowser();
  let site: { url: string; close(): Promise<unknown> };

  beforeAll(() => {
    if (process.env['E2E_SKIP_BUILD'] === '1' && existsSync(`${OUT_DIR}/index.html`)) return;
    expect(buildSite({ outDir: OUT_DIR, base: BASE }), 'astro build with BASE_PATH').toBe(true);
  });
  beforeAll(async () => {
    // Served like GitHub Pages: under the sub-path only, and without isolation headers.
    site = await startServer({ mounts: [{ prefix: `${BASE}/`, root: OUT_DIR }], isolate: false });
  });
  afterAll(() => site?.close());

  test("a chapter's cells run, with every file, worker and service worker found under the sub-path", async () => {
    const page = await shared.context.newPage();
    const { failures } = watch(page);
    await page.goto(`${site.url}${BASE}/${pingPong.slug}/`);
    // Without the headers, the site's own service worker makes the page isolated after one reload,
    // once it has installed (it precaches about 2 MB first, slow on a loaded machine).
    await expect
      .poll(() => page.evaluate(() => self.crossOriginIsolated).catch(() => false), { timeout: 90_000 })
      .toBe(true);
    await page.waitForLoadState('load');
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(`${site.url}${BASE}/sw.js`);
    for (const cell of pingPong.cells) {
      const shown = await runCell(cellByIndex(page, cell.index));
      expect(normalizeOutputText(shown), `cell ${cell.index}`).toBe(normalizeOutputText(cell.output ?? ''));
    }
    await page.getByRole('radio', { name: 'TypeScript' }).click();
    const last = pingPong.cells.find((cell) => cell.id === 'run-ping-pong')!;
    for (const cell of pingPong.cells.slice(0, last.index)) {
      const shown = await runCell(cellByIndex(page, cell.index));
      expect(normalizeOutputText(shown), `TypeScript cell ${cell.index}`).toBe(normalizeOutputText(cell.twin?.output ?? ''));
    }
    expect(failures).toEqual([]);
  });

  test('a reader who has started reading is not reloaded for isolation; the next chapter opens isolated', async () => {
    const page = await shared.context.newPage();
    const { failures } = watch(page);
    // A key pressed as soon as the page is parsed: long before the service worker has installed.
    await page.addInitScript(() => document.addEventListener('DOMContentLoaded', () => dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown' }))));
    let loads = 0;
    page.on('load', () => (loads += 1));
    await page.goto(`${site.url}${BASE}/${pingPong.slug}/`);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 90_000 });
    const first = pingPong.cells[0]!;
    expect(normalizeOutputText(await runCell(cellByIndex(page, first.index)))).toBe(normalizeOutputText(first.output ?? ''));
    expect(loads).toBe(1);
    expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(false);
    await page.goto(`${site.url}${BASE}/async-await/`);
    expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(true);
    expect(failures).toEqual([]);
  });

  test('links, search and downloads stay under the sub-path', async () => {
    const page = await shared.context.newPage();
    const { failures } = watch(page);
    await page.goto(`${site.url}${BASE}/`);
    // The service worker installs on this first visit; a chapter opened before it is ready would
    // reload itself once, to become isolated, while the test reads it.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 90_000 });
    const chapterLinks = await page.locator('.chapter-list a').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).pathname));
    expect(chapterLinks.length).toBeGreaterThan(0);
    for (const path of chapterLinks) expect(path.startsWith(`${BASE}/`)).toBe(true);

    await page.getByRole('search').getByRole('searchbox').fill('waiter');
    const results = page.getByRole('list', { name: 'Search results' }).getByRole('link');
    await expect.poll(() => results.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    const found = await results.evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).pathname));
    for (const path of found) expect(path.startsWith(`${BASE}/`)).toBe(true);
    await results.first().click();
    await page.waitForURL((url) => url.pathname === found[0] && url.hash !== '');

    const notebook = await page.request.get(`${site.url}${BASE}/notebooks/${pingPong.slug}.ipynb`);
    expect(notebook.ok()).toBe(true);
    const hrefs = await page.getByRole('link', { name: /^Download/ }).evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).pathname));
    for (const path of hrefs) expect(path.startsWith(`${BASE}/notebooks/`)).toBe(true);
    expect(failures).toEqual([]);
  });
});
