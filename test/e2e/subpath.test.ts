import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer } from '../../bench/server.mjs';
import { normalizeOutputText } from '../../src/output/text.ts';
import { readChapters } from '../support/chapters.ts';
import { buildSite } from './support/build.ts';
import { NAVIGATION_MS } from './support/limits.ts';
import type { NotebookPage } from './support/notebook-page.ts';
import { playwrightPageOf } from './support/playwright-escape-hatch.ts';
import { hasChromium, useSite } from './support/site.ts';

// The sub-path GitHub Pages gives a project site; the workflow builds with the repository's name.
const BASE = '/event-loop-notebook';
const ROOT = new URL('../..', import.meta.url).pathname;
const OUT_DIR = `${ROOT}dist-base`;
const pingPong = readChapters().find((chapter) => chapter.slug === 'sleep-ping-pong')!;

/**
 * Everything the page asked for that did not come back, and every error a reader's console shows.
 * Watching responses and failed requests is network interception: Playwright only.
 */
function watch(notebook: NotebookPage): { failures: string[] } {
  const page = playwrightPageOf(notebook);
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
  const site = useSite();
  let server: { url: string; close(): Promise<unknown> };
  /** Opens a tab on the sub-path site, watched from its first request. */
  async function openWatched(path: string) {
    const page = await site.open('about:blank');
    const { failures } = watch(page);
    await page.goto(`${server.url}${BASE}/${path}`);
    return { page, failures };
  }
  const serviceWorkerControls = (page: NotebookPage) =>
    page.waitUntil(() => page.evaluate(() => navigator.serviceWorker.controller !== null), {
      timeout: 90_000,
      message: 'the service worker to control the page',
    });

  beforeAll(() => {
    if (process.env['E2E_SKIP_BUILD'] === '1' && existsSync(`${OUT_DIR}/index.html`)) return;
    expect(buildSite({ outDir: OUT_DIR, base: BASE }), 'astro build with BASE_PATH').toBe(true);
  });
  beforeAll(async () => {
    // Served like GitHub Pages: under the sub-path only, and without isolation headers.
    server = await startServer({ mounts: [{ prefix: `${BASE}/`, root: OUT_DIR }], isolate: false });
  });
  afterAll(() => server?.close());

  test("a chapter's cells run, with every file, worker and service worker found under the sub-path", async () => {
    const { page, failures } = await openWatched(`${pingPong.slug}/`);
    // Without the headers, the site's own service worker makes the page isolated after one reload,
    // once it has installed (it precaches about 2 MB first, slow on a loaded machine).
    await page.waitUntil(() => page.evaluate(() => self.crossOriginIsolated), { timeout: 90_000, message: 'the page to be cross-origin isolated' });
    await page.waitUntil(() => page.evaluate(() => document.readyState === 'complete'), { timeout: NAVIGATION_MS, message: 'the page to load' });
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(`${server.url}${BASE}/sw.js`);
    for (const source of pingPong.cells) {
      const shown = await page.cell(source.index).run();
      expect(normalizeOutputText(shown), `cell ${source.index}`).toBe(normalizeOutputText(source.output ?? ''));
    }
    await page.switchLanguage('typescript');
    const last = pingPong.cells.find((source) => source.id === 'run-ping-pong')!;
    for (const source of pingPong.cells.slice(0, last.index)) {
      const shown = await page.cell(source.index).run();
      expect(normalizeOutputText(shown), `TypeScript cell ${source.index}`).toBe(normalizeOutputText(source.twin?.output ?? ''));
    }
    expect(failures).toEqual([]);
  });

  test('a reader who has started reading is not reloaded for isolation; the next chapter opens isolated', async () => {
    // A key pressed as soon as the page is parsed: long before the service worker has installed.
    // Each load of the tab's top document is counted in its session storage, which a reload keeps.
    await site.profile.addInitScript(() => {
      if (window !== window.top || !location.protocol.startsWith('http')) return;
      sessionStorage.setItem('test-loads', String(Number(sessionStorage.getItem('test-loads') ?? 0) + 1));
      document.addEventListener('DOMContentLoaded', () => dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown' })));
    });
    const { page, failures } = await openWatched(`${pingPong.slug}/`);
    await serviceWorkerControls(page);
    const first = pingPong.cells[0]!;
    expect(normalizeOutputText(await page.cell(first.index).run())).toBe(normalizeOutputText(first.output ?? ''));
    expect(await page.evaluate(() => sessionStorage.getItem('test-loads'))).toBe('1');
    expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(false);
    await page.goto(`${server.url}${BASE}/async-await/`);
    expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(true);
    expect(failures).toEqual([]);
  });

  test('links, search and downloads stay under the sub-path', async () => {
    const { page, failures } = await openWatched('');
    // The service worker installs on this first visit; a chapter opened before it is ready would
    // reload itself once, to become isolated, while the test reads it.
    await serviceWorkerControls(page);
    const chapterLinks = await page.find({ css: '.chapter-list a' }).evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).pathname));
    expect(chapterLinks.length).toBeGreaterThan(0);
    for (const path of chapterLinks) expect(path.startsWith(`${BASE}/`)).toBe(true);

    await page.find({ role: 'search' }).find({ role: 'searchbox' }).fill('waiter');
    const results = page.find({ role: 'list', name: 'Search results' }).find({ role: 'link' });
    await expect.poll(() => results.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    const found = await results.evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).pathname));
    for (const path of found) expect(path.startsWith(`${BASE}/`)).toBe(true);
    await results.nth(0).click();
    await page.waitForURL((url) => url.pathname === found[0] && url.hash !== '', `${found[0]}#...`);

    const notebook = await fetch(`${server.url}${BASE}/notebooks/${pingPong.slug}.ipynb`);
    expect(notebook.ok).toBe(true);
    const hrefs = await page.find({ role: 'link', name: /^Download/ }).evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).pathname));
    for (const path of hrefs) expect(path.startsWith(`${BASE}/notebooks/`)).toBe(true);
    expect(failures).toEqual([]);
  });
});
