import { describe, expect, test } from 'vitest';
import { readChapters } from '../support/chapters.ts';
import { axeViolationsInBothSchemes } from './support/axe.ts';
import { hasChromium, useSite } from './support/site.ts';

const chapters = readChapters();
const languages = [
  { label: 'Python', language: 'python' },
  { label: 'TypeScript', language: 'typescript' },
] as const;

describe.skipIf(!hasChromium)('axe-core finds nothing', () => {
  const site = useSite();

  test('on the home page and the 404 page, light and dark', async () => {
    for (const path of ['', '404.html']) {
      const page = await site.open(path);
      expect(await axeViolationsInBothSchemes(page), path || 'home').toEqual([]);
    }
  });

  for (const chapter of chapters) {
    for (const { label, language } of languages) {
      test(`on ${chapter.slug} in ${label}: at load, after a run and with the editor open, light and dark`, async () => {
        const page = await site.openChapter(chapter.slug, { language });
        expect(await axeViolationsInBothSchemes(page), 'at load').toEqual([]);

        const cell = page.cell(1);
        await cell.run();
        expect(await axeViolationsInBothSchemes(page), 'after running cell 1').toEqual([]);

        await cell.openEditor();
        expect(await axeViolationsInBothSchemes(page), 'with the editor open').toEqual([]);
        expect(page.errors()).toEqual([]);
      });
    }
  }
});
