import { afterEach, describe, expect, test } from 'vitest';
import { startServer } from '../../bench/server.mjs';
import { NAVIGATION_MS, RUN_MS } from './support/limits.ts';
import type { NotebookPage } from './support/notebook-page.ts';
import { playwrightContextOf } from './support/playwright-escape-hatch.ts';
import { hasChromium, useSite } from './support/site.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
type Server = { url: string; close(): Promise<void> };

function serve(isolate = true): Promise<Server> {
  return startServer({ mounts: [{ prefix: '/', root: `${ROOT}dist` }], isolate }) as Promise<Server>;
}

/** Waits until the site's service worker controls the page and has kept the page itself. */
async function waitForOfflineCopy(page: NotebookPage): Promise<void> {
  await page.waitUntil(() => page.evaluate(() => navigator.serviceWorker.controller !== null), {
    timeout: NAVIGATION_MS,
    message: 'the service worker to control the page',
  });
  await page.waitUntil(() => page.evaluate(async () => (await caches.match(location.href, { ignoreSearch: true })) !== undefined), {
    timeout: NAVIGATION_MS,
    message: 'the service worker to keep the page',
  });
}

describe.skipIf(!hasChromium)('offline', () => {
  // Service workers are allowed here (some other tests block them).
  const site = useSite({ serviceWorkers: 'allow' });
  let server: Server | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  test('a chapter the reader visited and ran reloads and runs with the site unreachable', async () => {
    server = await serve();
    const page = await site.open(`${server.url}/task/`);
    await waitForOfflineCopy(page);
    const online = await page.cell(1).run();

    // Nothing answers any more: the host is gone and the browser is offline (Playwright only).
    await server.close();
    server = undefined;
    await playwrightContextOf(site.profile).setOffline(true);
    await page.reload();
    expect(await page.find({ role: 'heading', level: 1 }).renderedText()).toMatch(/\w/);
    expect(await page.cell(1).run()).toBe(online);
    // Another language of the same page, as a link would open it, comes from the same copy.
    await page.goto(`${(await page.url()).href.split('?')[0]}?lang=ts`);
    expect(await page.language()).toBe('typescript');
  });

  test('on a host without isolation headers, the service worker adds them after one reload', async () => {
    server = await serve(false);
    const page = await site.open(`${server.url}/task/`);
    await page.waitUntil(() => page.evaluate(() => crossOriginIsolated), { timeout: NAVIGATION_MS, message: 'the page to be cross-origin isolated' });
  });
});

describe.skipIf(!hasChromium)('a first run without network', () => {
  // No service worker: nothing of the kernel was kept, as on a first visit.
  const site = useSite({ serviceWorkers: 'block' });

  test('says the network is the problem, and Retry works once it is back', async () => {
    const server = await serve();
    try {
      const page = await site.open(`${server.url}/task/`);
      const offline = (value: boolean) => playwrightContextOf(site.profile).setOffline(value);
      await offline(true);
      const cell = page.cell(1);
      expect(await cell.run()).toMatch(/offline.*network connection/i);
      const status = page.kernelStatus();
      expect(await status.renderedText()).toMatch(/stopped/);
      const retry = status.find({ role: 'button', name: 'Retry' });
      expect(await retry.isVisible()).toBe(true);

      await offline(false);
      await retry.click();
      await page.waitForKernelState('idle', RUN_MS);
      expect(await retry.isVisible()).toBe(false);
      expect(await cell.run()).not.toMatch(/KernelError/);
    } finally {
      await server.close();
    }
  });
});
