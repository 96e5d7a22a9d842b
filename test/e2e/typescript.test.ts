import { describe, expect, test } from 'vitest';
import { normalizeOutputText } from '../../src/output/text.ts';
import { readChapters } from '../support/chapters.ts';
import { hasChromium, useSite } from './support/site.ts';

const chapters = readChapters();
const hasTwins = chapters.every((chapter) => chapter.cells.every((cell) => cell.twin));

describe.skipIf(!hasChromium || !hasTwins)('the TypeScript side of every chapter', () => {
  const site = useSite();

  test.each(chapters)('$slug: after switching to TypeScript, each cell shows its stored output', async (chapter) => {
    const page = await site.openChapter(chapter.slug);
    await page.switchLanguage('typescript');
    for (const source of chapter.cells) {
      const cell = page.cell(source.index);
      const expected = normalizeOutputText(source.twin!.output ?? '');
      expect(normalizeOutputText(await cell.logText())).toBe(expected);
      expect(normalizeOutputText(await cell.run()), `cell ${source.index} (${source.id})`).toBe(expected);
    }
    expect(page.errors()).toEqual([]);
  });

  test('the language choice survives a reload and travels in links', async () => {
    const page = await site.open('task/');
    const note = page.find({ css: '.for-language[data-for-language="typescript"]' });
    expect(await note.isVisible()).toBe(false);
    await page.languageRadio('typescript').click();
    expect((await page.url()).href).toContain('lang=ts');
    // Prose written for TypeScript appears with it, without a reload.
    expect(await note.isVisible()).toBe(true);
    const bare = (await page.url()).href.replace(/\?.*$/, '');
    await page.goto(bare);
    expect(await page.languageRadio('typescript').attribute('aria-checked')).toBe('true');
    expect(await page.cell(1).root.find({ css: '.cell-code[data-language="typescript"]' }).isVisible()).toBe(true);
    await page.goto(`${bare}?lang=py`);
    expect(await page.cell(1).root.find({ css: '.cell-code[data-language="python"]' }).isVisible()).toBe(true);
  });

  test('re-running the cell that declares Task works, and while (true) {} is stopped', async () => {
    const page = await site.openChapter('task', { language: 'typescript' });
    const first = page.cell(1);
    expect(await first.run()).not.toContain('Error');
    expect(await first.run()).not.toContain('Error');
    const cell = page.cell(2);
    await cell.replaceCode('while (true) {}');
    await cell.clickRun();
    await cell.waitUntilRunning();
    // The page answers while the loop spins in the kernel's worker.
    expect(await page.answers()).toBe(true);
    await cell.stop();
    await cell.waitUntilIdle(20_000);
    expect(await cell.logText()).toContain('restarting');
    await expect.poll(() => page.find({ role: 'alert', hasText: 'stopped' }).isVisible()).toBe(true);
  });

  test('the TypeScript editor knows the cells above and shows type errors', async () => {
    const page = await site.openChapter('event-loop', { language: 'typescript' });
    const cell = page.cell(3);
    await cell.replaceCode("const wrong: number = 'text';\nconst loop = new EventLoop();\n");
    // A type error is underlined where it is.
    await expect.poll(() => cell.root.find({ css: '.squiggly-error' }).count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await cell.type('loop.');
    await expect
      .poll(() => page.find({ css: '.suggest-widget .monaco-list-row' }).texts(), { timeout: 30_000 })
      .toEqual(expect.arrayContaining([expect.stringContaining('push_task')]));
    expect(page.errors()).toEqual([]);
  });
});
