import { describe, expect, test } from 'vitest';
import { normalizeOutputText } from '../../src/output/text.ts';
import { readChapters } from '../support/chapters.ts';
import { hasChromium, useSite } from './support/site.ts';

const chapters = readChapters();

describe.skipIf(!hasChromium)('every chapter in Chromium', () => {
  // One profile for every chapter, as one reader reading them in turn.
  const site = useSite({}, { profilePerTest: false });

  test.each(chapters)('$slug: each cell, run with its Run button, shows its stored output', async (chapter) => {
    const page = await site.openChapter(chapter.slug);
    // Exercise cells ("Cell E3: ...") are not among the chapter's numbered cells.
    expect(await page.cellCount()).toBe(chapter.cells.length);
    for (const source of chapter.cells) {
      const cell = page.cell(source.index);
      // Before any run the page shows the output stored with the cell, like a saved notebook.
      expect(normalizeOutputText(await cell.logText())).toBe(normalizeOutputText(source.output ?? ''));
      const text = await cell.run();
      expect(normalizeOutputText(text), `cell ${source.index} (${source.id})`).toBe(normalizeOutputText(source.output ?? ''));
      await expect.poll(() => cell.count()).toMatch(/^\[\d+\]$/);
    }
    expect(page.errors()).toEqual([]);
    await page.close();
  });
});
