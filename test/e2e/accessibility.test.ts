import { describe, expect, test } from 'vitest';
import { readChapters } from '../support/chapters.ts';
import { axeViolationsInBothSchemes } from './support/axe.ts';
import { cellByIndex, hasChromium, openPage, runCell, useBrowser } from './support/browser.ts';
import { openEditor } from './support/editor.ts';

const chapters = readChapters();
const languages = [
  { language: 'Python', query: 'py' },
  { language: 'TypeScript', query: 'ts' },
] as const;

describe.skipIf(!hasChromium)('axe-core finds nothing', () => {
  const shared = useBrowser();

  test('on the home page and the 404 page, light and dark', async () => {
    for (const path of ['', '404.html']) {
      const { page } = await openPage(shared.context, path);
      expect(await axeViolationsInBothSchemes(page), path || 'home').toEqual([]);
    }
  });

  for (const chapter of chapters) {
    for (const { language, query } of languages) {
      test(`on ${chapter.slug} in ${language}: at load, after a run and with the editor open, light and dark`, async () => {
        const { page, errors } = await openPage(shared.context, `${chapter.slug}/?lang=${query}`);
        expect(await axeViolationsInBothSchemes(page), 'at load').toEqual([]);

        const cell = cellByIndex(page, 1);
        await runCell(cell);
        expect(await axeViolationsInBothSchemes(page), 'after running cell 1').toEqual([]);

        await openEditor(page, 1);
        expect(await axeViolationsInBothSchemes(page), 'with the editor open').toEqual([]);
        expect(errors).toEqual([]);
      });
    }
  }
});
