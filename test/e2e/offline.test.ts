import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, test } from 'vitest';
import { startServer } from '../../bench/server.mjs';
import { cellByIndex, hasChromium, runCell, useBrowser } from './support/browser.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
type Server = { url: string; close(): Promise<void> };

function serve(isolate = true): Promise<Server> {
  return startServer({ mounts: [{ prefix: '/', root: `${ROOT}dist` }], isolate }) as Promise<Server>;
}

/** Waits until the site's service worker controls the page and has kept the page itself. */
async function waitForOfflineCopy(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
  await page.waitForFunction(async () => (await caches.match(location.href, { ignoreSearch: true })) !== undefined, null, {
    timeout: 30_000,
    polling: 200,
  });
}

describe.skipIf(!hasChromium)('offline', () => {
  // Service workers are allowed here (some other tests block them).
  const shared = useBrowser({ serviceWorkers: 'allow' });
  let server: Server | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  test('a chapter the reader visited and ran reloads and runs with the site unreachable', async () => {
    server = await serve();
    const page = await shared.context.newPage();
    await page.goto(`${server.url}/task/`);
    await waitForOfflineCopy(page);
    const online = await runCell(cellByIndex(page, 1));

    // Nothing answers any more: the host is gone and the browser is offline.
    await server.close();
    server = undefined;
    await shared.context.setOffline(true);
    await page.reload();
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toMatch(/\w/);
    expect(await runCell(cellByIndex(page, 1))).toBe(online);
    // Another language of the same page, as a link would open it, comes from the same copy.
    await page.goto(`${page.url().split('?')[0]}?lang=ts`);
    expect(await page.evaluate(() => document.documentElement.dataset['language'])).toBe('typescript');
  });

  test('on a host without isolation headers, the service worker adds them after one reload', async () => {
    server = await serve(false);
    const page = await shared.context.newPage();
    await page.goto(`${server.url}/task/`);
    await page.waitForFunction(() => crossOriginIsolated, null, { timeout: 30_000 });
  });
});

describe.skipIf(!hasChromium)('a first run without network', () => {
  // No service worker: nothing of the kernel was kept, as on a first visit.
  const shared = useBrowser({ serviceWorkers: 'block' });

  async function openThenGoOffline(context: BrowserContext): Promise<{ page: Page; server: Server }> {
    const server = await serve();
    const page = await context.newPage();
    await page.goto(`${server.url}/task/`);
    await context.setOffline(true);
    return { page, server };
  }

  test('says the network is the problem, and Retry works once it is back', async () => {
    const { page, server } = await openThenGoOffline(shared.context);
    try {
      const cell = cellByIndex(page, 1);
      expect(await runCell(cell)).toMatch(/offline.*network connection/i);
      const status = page.locator('nb-kernel-status');
      expect(await status.innerText()).toMatch(/stopped/);
      const retry = status.getByRole('button', { name: 'Retry' });
      expect(await retry.isVisible()).toBe(true);

      await shared.context.setOffline(false);
      await retry.click();
      await page.waitForFunction(() => document.querySelector('nb-kernel-status')?.getAttribute('data-state') === 'idle', null, {
        timeout: 120_000,
      });
      expect(await retry.isVisible()).toBe(false);
      expect(await runCell(cell)).not.toMatch(/KernelError/);
    } finally {
      await server.close();
    }
  });
});
