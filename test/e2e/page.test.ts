import { describe, expect, test } from 'vitest';
import { normalizeOutputText } from '../../src/output/text.ts';
import { readChapters } from '../support/chapters.ts';
import { cellByIndex, hasChromium, openPage, outputOf, pageURL, waitUntilIdle, useBrowser } from './support/browser.ts';

const chapters = readChapters();
const pingPong = chapters.find((chapter) => chapter.slug === 'sleep-ping-pong')!;

describe.skipIf(!hasChromium)('the notebook page', () => {
  const shared = useBrowser();

  test('the home page lists every chapter, and chapters link to each other', async () => {
    const { page, errors } = await openPage(shared.context, '');
    const links = page.locator('.chapter-list a');
    expect(await links.count()).toBe(chapters.length);
    await links.nth(1).click();
    await page.waitForURL(/\/task\/$/);
    expect(await page.getByRole('navigation', { name: 'On this page' }).getByRole('link').count()).toBeGreaterThan(0);
    // The chapter links carry the language on screen (see appearance.test.ts).
    await page.locator('a[rel="next"]').click();
    await page.waitForURL(/\/event-loop\/\?lang=py$/);
    await page.locator('a[rel="prev"]').click();
    await page.waitForURL(/\/task\/\?lang=py$/);
    expect(errors).toEqual([]);
  });

  test('every cell meets the accessibility contract', async () => {
    const { page } = await openPage(shared.context, `${pingPong.slug}/`);
    const regions = page.getByRole('region', { name: /^Cell \d+/ });
    expect(await regions.count()).toBe(pingPong.cells.length);
    for (const cell of pingPong.cells) {
      const region = cellByIndex(page, cell.index);
      expect(await region.getByRole('button', { name: 'Run cell' }).count()).toBe(1);
      expect(await region.getByRole('button', { name: 'Reset cell' }).count()).toBe(1);
      const log = outputOf(region);
      expect(await log.count()).toBe(1);
      // The log holds the output alone: the count and the time sit outside it.
      expect(normalizeOutputText((await log.textContent()) ?? '')).toBe(normalizeOutputText(cell.output ?? ''));
    }
  });

  test('with JavaScript off, the code is highlighted and the stored output is there', async () => {
    const noScript = await shared.browser.newContext({ javaScriptEnabled: false });
    const page = await noScript.newPage();
    await page.goto(pageURL(`${pingPong.slug}/`));
    const main = pingPong.cells.find((cell) => cell.output?.includes('End ping'))!;
    const region = cellByIndex(page, main.index);
    expect(await region.locator('.cell-code[data-language="python"] pre.shiki').innerText()).toContain(main.code.split('\n')[0]!);
    const colours = await region.locator('.cell-code[data-language="python"] pre.shiki span[style*="color"]').evaluateAll((spans) => new Set(spans.map((span) => span.getAttribute('style'))).size);
    expect(colours).toBeGreaterThanOrEqual(2);
    expect(await outputOf(region).textContent() ?? '').toContain('End ping');
    await noScript.close();
  });

  test('runs queue in order; a waiting cell says so; the kernel status follows', async () => {
    const { page, errors } = await openPage(shared.context, `${pingPong.slug}/`);
    const status = page.locator('nb-kernel-status');
    expect(await status.innerText()).toContain('not started');
    const main = pingPong.cells.findIndex((cell) => cell.output?.includes('End ping'));
    const cells = pingPong.cells.slice(0, main + 1);
    for (const cell of cells) await cellByIndex(page, cell.index).getByRole('button', { name: 'Run cell' }).click();
    const last = cellByIndex(page, cells[cells.length - 1]!.index);
    expect(await last.getAttribute('aria-busy')).toBe('true');
    expect(await last.locator('.cell-state').innerText()).toBe('waiting');
    await expect.poll(() => status.getAttribute('data-state')).toMatch(/starting|busy/);
    await waitUntilIdle(last);
    for (const cell of cells) {
      const region = cellByIndex(page, cell.index);
      expect(await region.getAttribute('aria-busy')).toBe('false');
      expect(normalizeOutputText(await outputOf(region).textContent() ?? '')).toBe(normalizeOutputText(cell.output ?? ''));
    }
    // Execution counts follow the order of the runs, as in Jupyter.
    const counts = await Promise.all(cells.map((cell) => cellByIndex(page, cell.index).locator('.cell-count').innerText()));
    expect(counts).toEqual(cells.map((_, i) => `[${i + 1}]`));
    await expect.poll(() => status.getAttribute('data-state')).toBe('idle');
    expect(await status.innerText()).toContain('idle');
    expect(errors).toEqual([]);
  });
});
