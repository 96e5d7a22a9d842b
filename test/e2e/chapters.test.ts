import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { normalizeOutputText } from '../../src/output/text.ts';
import { readChapters } from '../support/chapters.ts';
import { cellByIndex, hasChromium, launchBrowser, openPage, outputOf, runCell } from './support/browser.ts';

const chapters = readChapters();

describe.skipIf(!hasChromium)('every chapter in Chromium', () => {
  let browser: Browser;
  let context: BrowserContext;
  beforeAll(async () => {
    browser = await launchBrowser();
    context = await browser.newContext();
  });
  afterAll(async () => browser?.close());

  test.each(chapters)('$slug: each cell, run with its Run button, shows its stored output', async (chapter) => {
    const { page, errors } = await openPage(context, `${chapter.slug}/`);
    // Exercise cells ("Cell E3: ...") are not among the chapter's numbered cells.
    expect(await page.getByRole('region', { name: /^Cell \d/ }).count()).toBe(chapter.cells.length);
    for (const cell of chapter.cells) {
      const region = cellByIndex(page, cell.index);
      // Before any run the page shows the output stored with the cell, like a saved notebook.
      expect(normalizeOutputText(await outputOf(region).textContent() ?? '')).toBe(normalizeOutputText(cell.output ?? ''));
      const text = await runCell(region);
      expect(normalizeOutputText(text), `cell ${cell.index} (${cell.id})`).toBe(normalizeOutputText(cell.output ?? ''));
      await expect.poll(() => region.locator('.cell-count').innerText()).toMatch(/^\[\d+\]$/);
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});
